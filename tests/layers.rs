//! The layout rules of `../shared/STYLE.md`, checked on the source tree:
//!
//! - dependencies point down the pipeline: a stage names (`crate::stage`)
//!   only the shared vocabulary and the stages before it, never a later one;
//!   the shared vocabulary names no stage at all;
//! - a source file holds one idea: no file under `src/` is longer than
//!   [`MAX_LINES`] lines, except generated tables (which say "generated, do
//!   not edit" near their top).
//!
//! Both read the files as text, so they cost nothing to build and run in
//! `cargo test` (and so in `.ci/run`).

use std::fs;
use std::path::{Path, PathBuf};

/// The stages in pipeline order. `coverage` is reserved for the coverage stage.
const STAGES: &[&str] = &["corpus", "text", "gazetteer", "time", "claims", "dedup", "coverage", "timeline", "pipeline"];

/// The shared vocabulary below every stage (modules, and the items `lib.rs`
/// re-exports from them at the crate root).
const SHARED: &[&str] = &[
    "span",
    "error",
    "lexicon",
    "hash",
    "data",
    "union_find",
    "Span",
    "Error",
    "Result",
    "Position",
    "CorpusErrorKind",
];

/// The longest a source file may be.
const MAX_LINES: usize = 700;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The layer of a top-level module name: `None` for the shared vocabulary.
fn layer(module: &str) -> Result<Option<usize>, String> {
    if SHARED.contains(&module) {
        return Ok(None);
    }
    STAGES
        .iter()
        .position(|s| *s == module)
        .map(Some)
        .ok_or_else(|| format!("module `{module}` is in no layer: add it to STAGES or SHARED in tests/layers.rs"))
}

/// The top-level modules a source text names with `crate::` paths, outside
/// comments, with their line numbers; `use crate::{a, b::c}` names `a` and `b`.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let code: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("")))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    // Join the code lines so a `use crate::{...}` over several lines reads as one.
    let mut joined = String::new();
    let mut line_of = Vec::new();
    for (n, l) in &code {
        joined.push_str(l);
        joined.push('\n');
        line_of.resize(joined.len(), *n);
    }
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut from = 0;
    while let Some(i) = joined[from..].find("crate::") {
        let at = from + i;
        from = at + "crate::".len();
        // `dateline::crate::` cannot occur; skip identifiers that merely end in "crate".
        if joined[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &joined[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push((line_of[at], ident(item.trim())));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                out.push((line_of[at], ident(item.trim())));
            }
        } else {
            out.push((line_of[at], ident(rest)));
        }
    }
    out
}

#[test]
fn no_module_names_a_later_stage() {
    let mut errors = Vec::new();
    for (file, text) in sources() {
        if file == "lib.rs" {
            continue; // declares and re-exports every module
        }
        let module = file.split('/').next().unwrap().trim_end_matches(".rs");
        let own = match layer(module) {
            Ok(l) => l,
            Err(e) => {
                errors.push(format!("src/{file}: {e}"));
                continue;
            }
        };
        for (line, name) in crate_paths(&text) {
            match layer(&name) {
                Err(e) => errors.push(format!("src/{file}:{line}: {e}")),
                Ok(None) => {}
                Ok(Some(used)) => {
                    let allowed = own.is_some_and(|own| used <= own);
                    if !allowed {
                        let own_name = own.map_or("the shared vocabulary", |o| STAGES[o]);
                        errors.push(format!(
                            "src/{file}:{line}: `crate::{name}` is a later stage than {own_name}; \
                             move what both need into the shared vocabulary (e.g. `lexicon`)"
                        ));
                    }
                }
            }
        }
    }
    assert!(errors.is_empty(), "layer violations:\n{}", errors.join("\n"));
}

#[test]
fn no_source_file_is_longer_than_the_limit() {
    let mut errors = Vec::new();
    for (file, text) in sources() {
        let lines = text.lines().count();
        let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n").to_lowercase();
        if lines <= MAX_LINES || head.contains("generated, do not edit") {
            continue;
        }
        errors.push(format!("src/{file}: {lines} lines (limit {MAX_LINES}); split it where it holds two ideas"));
    }
    assert!(errors.is_empty(), "files too long:\n{}", errors.join("\n"));
}

#[test]
fn the_checker_reads_grouped_and_multiline_imports() {
    let text = "use crate::{\n    span::Span,\n    text::{a, b},\n};\n// crate::pipeline in a comment\nlet x = crate::claims::f();\n";
    let names: Vec<_> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["span", "text", "claims"]);
}
