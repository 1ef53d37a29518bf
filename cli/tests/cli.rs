//! The built `dateline` binary, run as a user would: every subcommand on the
//! bundled corpus, standard input, JSON lines, closed pipes and faulty input.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use dateline::corpus;
use dateline::gazetteer::Gazetteer;
use dateline::pipeline::Pipeline;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/seeds.corpus");
const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/gazetteer.tsv");
const WIRE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wire.jsonl");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).stdin(Stdio::null()).output().expect("run dateline")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed by a signal")
}

/// A directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("dateline-cli-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn str(&self, name: &str) -> String {
        self.path(name).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bundled corpus `times` over, the copies renamed on reading.
fn many_seeds(times: usize) -> Vec<u8> {
    let seeds = std::fs::read(SEEDS).unwrap();
    let mut out = Vec::new();
    for _ in 0..times {
        out.extend_from_slice(&seeds);
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

// ---------------------------------------------------------------- help and usage

#[test]
fn help_exits_zero_and_lists_every_subcommand_and_the_exit_codes() {
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let help = stdout(&o);
    for word in ["timeline", "extract", "dedup", "structure", "Exit status", "usage error"] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
    for sub in ["timeline", "extract", "dedup", "structure"] {
        let o = run(&[sub, "--help"]);
        assert_eq!(code(&o), 0);
        assert!(stdout(&o).contains("--format"), "{sub} --help lacks --format");
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(code(&run(&["timeline"])), 2, "no input");
    assert_eq!(code(&run(&["extract", "--format", "timelinejs", SEEDS])), 2, "format the subcommand lacks");
    assert_eq!(code(&run(&["timeline", "--reference-date", "April 9", SEEDS])), 2);
    let o = run(&["timeline", "--focus-threshold", "1.5", SEEDS]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("focus threshold 1.5 is out of range"), "{}", stderr(&o));
    let o = run(&["dedup", "--shingle", "0", SEEDS]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("shingle size 0"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- every subcommand on the bundled corpus

fn seeds_pipeline() -> Pipeline {
    Pipeline::builder().gazetteer(Gazetteer::load(GAZETTEER).unwrap()).build().unwrap()
}

#[test]
fn timeline_prints_the_libraries_timeline_of_the_bundled_corpus() {
    let text = std::fs::read_to_string(SEEDS).unwrap();
    let report = seeds_pipeline().analyze_corpus(corpus::parse(&text).unwrap());
    let o = run(&["timeline", "--gazetteer", GAZETTEER, SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let rendered = dateline::timeline::render::text::render(&report.timeline);
    assert!(out.starts_with(&rendered), "{out}");
    assert!(out.starts_with("Diplomatic Stalemate: U.S. Reluctant to Fully Reopen Embassies, Kremlin Advisor Claims\n"));
    assert!(stderr(&o).is_empty(), "nothing on stderr when it is not a terminal: {}", stderr(&o));
    assert_eq!(stdout(&run(&["timeline", "--gazetteer", GAZETTEER, "--threads", "1", SEEDS])), out);

    // JSON: the interchange format, documents included.
    let o = run(&["timeline", "-g", GAZETTEER, "--format", "json", SEEDS]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), report.timeline.events.len());
    assert_eq!(json["documents"][0]["id"], "000_c1cd38a9813a8839.txt");

    // JSON lines: one event per line; CSV: a header and one row per event.
    let o = run(&["timeline", "-g", GAZETTEER, "-f", "jsonl", SEEDS]);
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), report.timeline.events.len());
    assert_eq!(lines[0]["id"], "e1");
    let o = run(&["timeline", "-g", GAZETTEER, "-f", "csv", SEEDS]);
    let mut rows = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(rows.headers().unwrap().get(1), Some("date"));
    assert_eq!(rows.records().count(), report.timeline.events.len());

    // TimelineJS: a title slide and one slide per event.
    let o = run(&["timeline", "-g", GAZETTEER, "-f", "timelinejs", SEEDS]);
    let tl: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(tl["events"].as_array().unwrap().len(), report.timeline.events.len());
    assert!(tl["title"]["text"]["headline"].is_string(), "{tl}");

    // HTML: the library's page of the same report.
    let o = run(&["timeline", "-g", GAZETTEER, "-f", "html", SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), dateline::timeline::render::html::render(&report));
    assert!(stdout(&o).starts_with("<!DOCTYPE html>"));
}

#[test]
fn extract_writes_one_record_per_page_and_blurb() {
    let text = std::fs::read_to_string(SEEDS).unwrap();
    let pipeline = Pipeline::builder().build().unwrap();
    let expected: Vec<String> = corpus::parse(&text)
        .unwrap()
        .iter()
        .flat_map(|d| pipeline.analyze(d))
        .map(|a| serde_json::to_string(&a.record()).unwrap())
        .collect();
    let o = run(&["extract", SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got, expected);
    assert!(got[0].starts_with(r#"{"id":"000_c1cd38a9813a8839.txt","parent":null,"date":"2025-06-25""#));

    // One thread gives the same lines as several.
    assert_eq!(stdout(&run(&["extract", "--threads", "1", SEEDS])), stdout(&o));
    // JSON is the same records as one array; CSV one row per finding.
    let o = run(&["extract", "-f", "json", SEEDS]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(all.len(), expected.len());
    let o = run(&["extract", "-f", "csv", SEEDS]);
    let mut rows = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        ["document", "parent", "type", "start", "end", "text", "value", "detail"]
    );
    let kinds: std::collections::BTreeSet<String> = rows.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["claim", "mention", "time"]);
}

#[test]
fn dedup_finds_the_syndicated_blurb_pair_of_the_bundled_corpus() {
    let o = run(&["dedup", SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let stories: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(stories.len(), 1, "{out}");
    let ids: Vec<&str> = stories[0]["members"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["002_e404fbd4efb379c7.txt#1", "002_e404fbd4efb379c7.txt#2"]);
    assert_eq!(stories[0]["canonical"], "002_e404fbd4efb379c7.txt#1");

    let o = run(&["dedup", "-f", "csv", SEEDS]);
    let mut rows = csv::Reader::from_reader(o.stdout.as_slice());
    let members: Vec<String> = rows.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert_eq!(members, ids);
    let o = run(&["dedup", "-f", "text", "--containment", "0.5", "--window", "21", SEEDS]);
    assert!(stdout(&o).starts_with("1 stories with copies, 2 texts\n"), "{}", stdout(&o));
    // Whole bodies: the pages share no text with each other, so no story.
    let o = run(&["dedup", "--whole-body", SEEDS]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn structure_tags_every_line_as_the_library_renders_it() {
    let text = std::fs::read_to_string(SEEDS).unwrap();
    let docs = corpus::parse(&text).unwrap();
    let o = run(&["structure", SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let first = &docs[0];
    let rendered = dateline::text::analyze(&first.body, first.meta.title()).render(&first.body);
    assert!(out.starts_with(&format!("==> {} <==\n{rendered}", first.name)), "{out}");
    assert_eq!(out.matches("\n==> ").count() + 1, docs.len());

    let o = run(&["structure", "-f", "jsonl", SEEDS]);
    let pages: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(pages.len(), docs.len());
    assert_eq!(pages[0]["id"], first.name.as_ref());
    assert!(pages[0]["regions"].as_array().is_some_and(|r| !r.is_empty()));
    let o = run(&["structure", "-f", "csv", SEEDS]);
    let mut rows = csv::Reader::from_reader(o.stdout.as_slice());
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[1], "headline");
    assert_eq!(&row[5], "Diplomatic Stalemate: U.S. Reluctant to Fully Reopen Embassies, Kremlin Advisor Claims");
}

// ---------------------------------------------------------------- inputs

#[test]
fn standard_input_reads_like_the_file() {
    let from_file = run(&["extract", SEEDS]);
    let from_stdin = run_with_stdin(&["extract", "-"], &std::fs::read(SEEDS).unwrap());
    assert_eq!(code(&from_stdin), 0, "{}", stderr(&from_stdin));
    assert_eq!(stdout(&from_stdin), stdout(&from_file));
}

#[test]
fn json_lines_input_by_extension_by_first_character_and_by_option() {
    let o = run(&["extract", WIRE]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let records: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["wire-1", "2", "wire-3"]);
    // A numeric id becomes a name; a "YYYY-MM-DD HH:MM:SS" date is read.
    assert_eq!(records[1]["date"], "2025-03-03");
    assert_eq!(records[2]["date"], serde_json::Value::Null);
    let times: Vec<&str> =
        records[0]["times"].as_array().unwrap().iter().map(|t| t["value"].as_str().unwrap()).collect();
    assert_eq!(times, ["2025-03-03"], "\"on Monday\" before the 2025-03-04 article");

    let wire = std::fs::read(WIRE).unwrap();
    let piped = run_with_stdin(&["extract", "-"], &wire);
    assert_eq!(stdout(&piped), stdout(&o), "a first `{{` means JSON lines");
    let tmp = TempDir::new("jsonl");
    std::fs::write(tmp.path("wire.txt"), &wire).unwrap();
    let forced = run(&["extract", "--input-format", "jsonl", &tmp.str("wire.txt")]);
    assert_eq!(stdout(&forced), stdout(&o));

    // The timeline reads them too: Monday's strike ending is dated.
    let o = run(&["timeline", "-f", "jsonl", WIRE]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(r#""date":"2025-03-03""#), "{}", stdout(&o));
}

#[test]
fn corpus_and_json_lines_inputs_combine_with_names_checked_across_them() {
    let tmp = TempDir::new("mixed");
    std::fs::write(tmp.path("a.jsonl"), "{\"id\": \"x.txt\", \"text\": \"One.\"}\n").unwrap();
    std::fs::write(tmp.path("b.corpus"), "==> x.txt <==\nTwo.\n").unwrap();
    let (a, b) = (tmp.str("a.jsonl"), tmp.str("b.corpus"));
    let o = run(&["structure", "-f", "jsonl", &a, &b]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stderr(&o).contains("duplicate document name \"x.txt\""), "{}", stderr(&o));
    let o = run(&["structure", "-f", "jsonl", "--duplicates", "rename", &a, &b]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains(r#""id":"x.txt~2""#));
}

// ---------------------------------------------------------------- faults

#[test]
fn closed_pipe_ends_quietly_with_status_zero() {
    // Enough output that the pipe fills after the reader has gone.
    let input = many_seeds(40);
    for args in [
        &["extract", "--duplicates", "rename", "-"][..],
        &["structure", "--duplicates", "rename", "-"],
        &["timeline", "--duplicates", "rename", "-f", "json", "-"],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        lines.read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        drop(lines); // `| head -1`
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

/// A corpus whose second document has a malformed date.
const BAD_MIDDLE: &str =
    "==> a.txt <==\nFirst.\n\n==> b.txt <==\n---\ndate: April 9\n---\nSecond.\n\n==> c.txt <==\nThird.\n";

#[test]
fn a_bad_document_in_the_middle_is_reported_skipped_and_counted() {
    let tmp = TempDir::new("bad");
    std::fs::write(tmp.path("bad.corpus"), BAD_MIDDLE).unwrap();
    let path = tmp.str("bad.corpus");
    let o = run(&["structure", "-f", "jsonl", &path]);
    assert_eq!(code(&o), 1);
    let ids: Vec<String> =
        stdout(&o).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string()).collect();
    assert_eq!(ids, ["\"a.txt\"", "\"c.txt\""]);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{path}: line 6, byte 40 (document \"b.txt\"): malformed date \"April 9\"; expected YYYY-MM-DD"
        )),
        "{err}"
    );
    assert!(err.contains("2 documents read, 1 skipped with errors"), "{err}");

    // Every subcommand goes on past it.
    for sub in ["timeline", "extract", "dedup"] {
        assert_eq!(code(&run(&[sub, &path])), 1, "{sub}");
    }

    // --strict stops at the first, after writing what came before it.
    let o = run(&["extract", "--strict", &path]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(!stderr(&o).contains("c.txt"));

    // A bad JSON line: file, line, column and why.
    std::fs::write(
        tmp.path("bad.jsonl"),
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": }\n{\"id\": \"c\", \"text\": \"z\"}\n",
    )
    .unwrap();
    let o = run(&["extract", &tmp.str("bad.jsonl")]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 2);
    assert!(stderr(&o).contains("bad.jsonl: line 2, column 21: not valid JSON: expected value"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_is_skipped_unless_lossy() {
    let o = run_with_stdin(&["extract", "-"], b"==> a.txt <==\nbad \xff byte\n\n==> b.txt <==\nfine\n");
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(
        stderr(&o).contains("standard input: line 2, byte 18 (document \"a.txt\"): invalid UTF-8"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--lossy"));
    let o = run_with_stdin(&["extract", "--lossy", "-"], b"==> a.txt <==\nbad \xff byte\n\n==> b.txt <==\nfine\n");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
}

/// Whether the file at `path` can be read (as root, mode 000 does not stop it).
fn readable(path: &Path) -> bool {
    std::fs::read(path).is_ok()
}

#[cfg(unix)]
#[test]
fn a_directory_with_a_dangling_link_or_an_unreadable_file_reports_it_and_reads_the_rest() {
    use std::os::unix::fs::PermissionsExt;

    let tmp = TempDir::new("dir");
    std::fs::write(tmp.path("a.txt"), "---\ndate: 2025-04-10\n---\nFirst page.\n").unwrap();
    std::os::unix::fs::symlink(tmp.path("missing.txt"), tmp.path("b.txt")).unwrap();
    std::fs::write(tmp.path("c.txt"), "Third page.\n").unwrap();
    // A directory named like a document is not one; it is passed over, as `tail *.txt` passes over directories.
    std::fs::create_dir(tmp.path("d.txt")).unwrap();
    std::fs::write(tmp.path("e.txt"), "Fifth page.\n").unwrap();
    std::fs::set_permissions(tmp.path("e.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let blocked = !readable(&tmp.path("e.txt"));

    let o = run(&["structure", "-f", "jsonl", tmp.0.to_str().unwrap()]);
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains(&format!("cannot read {}: No such file or directory", tmp.path("b.txt").display())), "{err}");
    if blocked {
        assert_eq!(ids, ["a.txt", "c.txt"]);
        assert!(err.contains(&format!("cannot read {}: Permission denied", tmp.path("e.txt").display())), "{err}");
        assert!(err.contains("2 documents read, 2 skipped with errors"), "{err}");
    } else {
        // Running as root: mode 000 does not stop reading, so only the dangling link is a fault.
        assert_eq!(ids, ["a.txt", "c.txt", "e.txt"]);
        assert!(err.contains("3 documents read, 1 skipped with errors"), "{err}");
    }
    std::fs::set_permissions(tmp.path("e.txt"), std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn an_input_that_cannot_be_opened_is_named_the_others_are_read_and_the_status_is_two() {
    let tmp = TempDir::new("missing");
    let missing = tmp.str("nope.corpus");
    let o = run(&["extract", &missing, SEEDS]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(&format!("cannot read {missing}: No such file or directory")), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&run(&["extract", SEEDS])));
    // A gazetteer that cannot be read is named too.
    let o = run(&["timeline", "-g", &missing, SEEDS]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(&format!("cannot read gazetteer {missing}")), "{}", stderr(&o));
}

#[test]
fn output_file_gets_the_output_and_an_unwritable_one_is_named() {
    let tmp = TempDir::new("out");
    let o = run(&["timeline", "-g", GAZETTEER, "-o", &tmp.str("t.txt"), SEEDS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let written = std::fs::read_to_string(tmp.path("t.txt")).unwrap();
    assert_eq!(written, stdout(&run(&["timeline", "-g", GAZETTEER, SEEDS])));
    let bad = tmp.str("no/such/dir/t.txt");
    let o = run(&["extract", "-o", &bad, SEEDS]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(&format!("cannot create {bad}")), "{}", stderr(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_naming_the_output() {
    let o = Command::new(BIN)
        .args(["extract", SEEDS])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot write standard output: No space left on device"), "{}", stderr(&o));
}
