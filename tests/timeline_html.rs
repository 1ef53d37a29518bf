//! The HTML timeline of the bundled corpus, opened in a real browser:
//! headless Chromium dumps the DOM it built and takes a screenshot.
//!
//! Without Chromium on the machine the browser test prints a notice and
//! passes, unless `DATELINE_REQUIRE_CHROMIUM=1` (set by `.ci/run`, which
//! installs Debian's `chromium`) makes a missing browser a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use dateline::pipeline::{Pipeline, Report};
use dateline::timeline::render::html;

const SEEDS: &str = include_str!("../examples/data/seeds.corpus");
const GAZETTEER: &str = include_str!("../examples/data/gazetteer.tsv");

fn seeds_report() -> Report {
    let docs = dateline::corpus::parse(SEEDS).expect("bundled corpus parses");
    let gazetteer = dateline::gazetteer::Gazetteer::from_tsv(GAZETTEER).expect("bundled gazetteer loads");
    Pipeline::builder().gazetteer(gazetteer).build().expect("pipeline builds").analyze_corpus(&docs)
}

/// A fresh directory under the target directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Run headless Chromium on `page` with the flags that keep it offline and quiet.
fn run_chromium(browser: &Path, profile: &Path, page: &Path, extra: &[&str]) -> std::process::Output {
    let url = format!("file://{}", page.display());
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs")
}

/// The values of attribute `attr` on every tag of `dom` that has it, in order.
fn attr_values<'a>(dom: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    dom.match_indices(&key)
        .filter_map(|(at, _)| {
            let rest = &dom[at + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn the_seeds_page_opens_in_headless_chromium_with_every_event_in_date_order() {
    let report = seeds_report();
    let page_html = html::render(&report);
    let Some(browser) = chromium() else {
        if std::env::var("DATELINE_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1") {
            panic!("DATELINE_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install -y chromium)");
        }
        eprintln!("notice: chromium not found on PATH; skipping the headless-browser test");
        return;
    };
    let dir = scratch("timeline_html");
    let page = dir.join("timeline.html");
    std::fs::write(&page, &page_html).expect("write the page");

    let out = run_chromium(&browser, &dir.join("profile-dom"), &page, &["--dump-dom"]);
    assert!(out.status.success(), "chromium --dump-dom failed: {}", String::from_utf8_lossy(&out.stderr));
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();

    // Every event is in the DOM the browser built, once, in date order.
    let ids: Vec<&str> = attr_values(&dom, "id").into_iter().filter(|id| id.starts_with('e')).collect();
    let expected: Vec<&str> = report.timeline.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, expected, "event ids in the DOM");
    let dates: Vec<&str> = attr_values(&dom, "data-date");
    assert_eq!(dates.len(), expected.len());
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "events out of date order: {dates:?}");
    for e in &report.timeline.events {
        // As the browser serializes text: only `&`, `<` and `>` escaped.
        let serialized = e.text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(dom.contains(&serialized), "event text missing from the DOM: {}", e.text);
    }
    // Every link is an absolute http(s) URL or a fragment naming an event on the page.
    for href in attr_values(&dom, "href") {
        let ok = href.starts_with("https://")
            || href.starts_with("http://")
            || href.strip_prefix('#').is_some_and(|id| expected.contains(&id));
        assert!(ok, "invalid link {href:?}");
    }
    assert!(!dom.contains("<script"), "the page has no scripts");
    assert!(dom.contains("<section class=\"off-focus\">"), "off-focus blurbs are listed apart");

    let shot = dir.join("timeline.png");
    let out = run_chromium(
        &browser,
        &dir.join("profile-shot"),
        &page,
        &[&format!("--screenshot={}", shot.display()), "--window-size=1200,1800", "--hide-scrollbars"],
    );
    assert!(out.status.success(), "chromium --screenshot failed: {}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.len() > 10_000, "screenshot too small: {} bytes", png.len());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "the screenshot is a PNG");
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn the_seeds_page_is_self_contained_and_links_sources_by_url() {
    let mut report = seeds_report();
    // Give the pages addresses, as `url` front matter would.
    for e in &mut report.timeline.events {
        for s in &mut e.provenance {
            for c in &mut s.copies {
                c.url = Some(format!("https://news.example/{}", c.id.replace('#', "/")));
            }
        }
    }
    let page = html::render(&report);
    for needle in ["<script", "src=", "@import", "url(", "<link"] {
        assert!(!page.contains(needle), "page loads something: {needle}");
    }
    assert!(page.contains("default-src 'none'"), "a CSP forbids network access");
    assert!(page.contains("href=\"https://news.example/000_c1cd38a9813a8839.txt\""), "sources link by URL");
    assert!(page.contains(">Daily8</a>"), "outlets name the links");
    assert!(page.contains("2 syndicated copies</summary>"), "syndicated copies collapse under their story");
}
