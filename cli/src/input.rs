//! Reading the inputs: corpus files, directories of `.txt` files, JSON lines
//! and standard input, one document at a time, with bad documents reported
//! and skipped.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use dateline::corpus::{DirReader, Document, DuplicatePolicy, Metadata, Reader, ReaderBuilder};
use dateline::{CorpusErrorKind, Error};
use serde_json::Value;

use crate::options::{Duplicates, InputArgs, InputFormat};
use crate::report::{Fatal, Reporter};

/// The documents of every input, in order, as one stream.
pub struct Inputs {
    operands: VecDeque<PathBuf>,
    format: InputFormat,
    lossy: bool,
    names: Names,
    current: Option<Source>,
}

/// One input being read.
enum Source {
    Corpus { label: String, reader: Reader<Box<dyn BufRead>> },
    Dir { label: String, reader: DirReader },
    Jsonl { label: String, rdr: Box<dyn BufRead>, line: u64, byte: u64, buf: Vec<u8> },
}

/// What reading one step gave.
enum Step {
    Doc(Document<'static>, String),
    Bad(String),
    Unreadable(String),
    End,
}

impl Inputs {
    /// The inputs named on the command line.
    pub fn new(args: &InputArgs) -> Inputs {
        Inputs {
            operands: args.inputs.iter().cloned().collect(),
            format: args.input_format,
            lossy: args.lossy,
            names: Names::new(args.duplicates),
            current: None,
        }
    }

    /// Hand every good document to `f` in batches of at most `size` (the last
    /// one shorter), so the library can work on every core while only one
    /// batch is held in memory.
    pub fn for_each_batch(
        &mut self,
        rep: &mut Reporter,
        size: usize,
        mut f: impl FnMut(&[Document<'static>]),
    ) -> Result<(), Fatal> {
        let mut batch = Vec::with_capacity(size);
        loop {
            let doc = self.next_doc(rep)?;
            let end = doc.is_none();
            batch.extend(doc);
            if batch.len() == size || (end && !batch.is_empty()) {
                f(&batch);
                batch.clear();
            }
            if end {
                return Ok(());
            }
        }
    }

    /// The next good document; bad documents and unreadable inputs on the
    /// way are reported to `rep` (which may stop the run).
    pub fn next_doc(&mut self, rep: &mut Reporter) -> Result<Option<Document<'static>>, Fatal> {
        loop {
            if self.current.is_none() {
                let Some(path) = self.operands.pop_front() else { return Ok(None) };
                match self.open(&path) {
                    Ok(Some(source)) => self.current = Some(source),
                    Ok(None) => rep.warn(&format!("{} has no .txt files", path.display())),
                    Err(message) => rep.unreadable(&message)?,
                }
                continue;
            }
            let Some(source) = self.current.as_mut() else { continue };
            match source.step(self.lossy) {
                Step::Doc(mut doc, at) => match self.names.admit(doc.name.as_ref()) {
                    Ok(None) => {
                        rep.document();
                        return Ok(Some(doc));
                    }
                    Ok(Some(renamed)) => {
                        doc.name = renamed.into();
                        rep.document();
                        return Ok(Some(doc));
                    }
                    Err(why) => rep.bad_document(&format!("{at}: {why}"))?,
                },
                Step::Bad(message) => rep.bad_document(&message)?,
                Step::Unreadable(message) => {
                    self.current = None;
                    rep.unreadable(&message)?;
                }
                Step::End => self.current = None,
            }
        }
    }

    /// Open one operand; `Ok(None)` for a directory without documents.
    fn open(&self, path: &Path) -> Result<Option<Source>, String> {
        let label = path.display().to_string();
        if path.as_os_str() == "-" {
            let rdr: Box<dyn BufRead> = Box::new(std::io::stdin().lock());
            return Ok(Some(self.stream("standard input".to_string(), rdr, None)?));
        }
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {label}: {e}"))?;
        if meta.is_dir() {
            let reader = ReaderBuilder::new()
                .lossy(self.lossy)
                .from_dir(path)
                .map_err(|e| format!("cannot read directory {label}: {}", io_text(&e)))?;
            return Ok((reader.size_hint().1 != Some(0)).then_some(Source::Dir { label, reader }));
        }
        let file = File::open(path).map_err(|e| format!("cannot read {label}: {e}"))?;
        let rdr: Box<dyn BufRead> = Box::new(BufReader::with_capacity(64 * 1024, file));
        let by_extension = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => Some(InputFormat::Jsonl),
            _ => None,
        };
        self.stream(label, rdr, by_extension).map(Some)
    }

    /// A corpus or JSON-lines source over a stream: `--input-format`, else the
    /// extension, else the first character (`{` starts JSON lines).
    fn stream(
        &self,
        label: String,
        mut rdr: Box<dyn BufRead>,
        by_extension: Option<InputFormat>,
    ) -> Result<Source, String> {
        let format = match (self.format, by_extension) {
            (InputFormat::Auto, Some(f)) => f,
            (InputFormat::Auto, None) => {
                let head = rdr.fill_buf().map_err(|e| format!("cannot read {label}: {e}"))?;
                let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
                match head.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'{') => InputFormat::Jsonl,
                    _ => InputFormat::Corpus,
                }
            }
            (f, _) => f,
        };
        Ok(match format {
            InputFormat::Jsonl => Source::Jsonl { label, rdr, line: 0, byte: 0, buf: Vec::new() },
            _ => {
                // Duplicate names are checked across all inputs by `Names`.
                let reader =
                    ReaderBuilder::new().lossy(self.lossy).duplicates(DuplicatePolicy::KeepAll).from_reader(rdr);
                Source::Corpus { label, reader }
            }
        })
    }
}

impl Source {
    fn step(&mut self, lossy: bool) -> Step {
        match self {
            Source::Corpus { label, reader } => match reader.read_document() {
                Ok(Some(doc)) => Step::Doc(doc, format!("{label}: {}", reader.position())),
                Ok(None) => Step::End,
                Err(Error::Io(e)) => Step::Unreadable(format!("cannot read {label}: {e}")),
                Err(e) => Step::Bad(format!("{label}: {}", describe(&e))),
            },
            Source::Dir { label, reader } => match reader.next() {
                Some(Ok(doc)) => {
                    let at = format!("{label}: document {:?}", doc.name);
                    Step::Doc(doc, at)
                }
                Some(Err(e)) => Step::Bad(format!("{label}: {}", describe(&e))),
                None => Step::End,
            },
            Source::Jsonl { label, rdr, line, byte, buf } => loop {
                buf.clear();
                let start = *byte;
                let n = match rdr.read_until(b'\n', buf) {
                    Ok(0) => return Step::End,
                    Ok(n) => n,
                    Err(e) => return Step::Unreadable(format!("cannot read {label}: {e}")),
                };
                *line += 1;
                *byte += n as u64;
                let mut bytes = buf.as_slice();
                if *line == 1 {
                    bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let at = format!("{label}: line {line}");
                let text = match std::str::from_utf8(bytes) {
                    Ok(t) => std::borrow::Cow::Borrowed(t),
                    Err(_) if lossy => String::from_utf8_lossy(bytes),
                    Err(e) => {
                        return Step::Bad(format!(
                            "{at}, byte {}: invalid UTF-8; expected UTF-8 text (--lossy replaces bad bytes)",
                            start + e.valid_up_to() as u64
                        ))
                    }
                };
                return match json_document(&text) {
                    Ok(doc) => {
                        let at = format!("{at} (document {:?})", doc.name);
                        Step::Doc(doc, at)
                    }
                    // A JSON syntax error says its column: "line 3, column 7: ...".
                    Err(why) if why.starts_with("column ") => Step::Bad(format!("{at}, {why}")),
                    Err(why) => Step::Bad(format!("{at}: {why}")),
                };
            },
        }
    }
}

/// The library's error, with the command's option named where the library names its API.
fn describe(e: &Error) -> String {
    match e {
        Error::Corpus { position, kind: CorpusErrorKind::InvalidUtf8 } => {
            format!("{position}: invalid UTF-8; expected UTF-8 text (--lossy replaces bad bytes)")
        }
        Error::Io(e) => e.to_string(),
        e => e.to_string(),
    }
}

/// An I/O error's own text, without the library's "I/O error: " prefix.
fn io_text(e: &Error) -> String {
    match e {
        Error::Io(e) => e.to_string(),
        e => e.to_string(),
    }
}

/// One JSON-lines object as a document: `id` and `text`, optional `date`,
/// `source`, `url`, `title`, `lang` (strings or null); other keys are ignored.
pub fn json_document(line: &str) -> Result<Document<'static>, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde_json says "... at line 1 column N"; the line is ours to say.
        let text = e.to_string();
        let what = text.rfind(" at line ").map_or(text.as_str(), |i| &text[..i]);
        format!("column {}: not valid JSON: {what}", e.column())
    })?;
    let Value::Object(map) = value else {
        return Err("expected a JSON object with \"id\" and \"text\"".to_string());
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => return Err("missing \"id\"; expected a non-empty string or a number".to_string()),
        Some(_) => return Err("\"id\" must be a non-empty string or a number".to_string()),
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => return Err(format!("document {id:?}: missing \"text\"; expected a string")),
        Some(_) => return Err(format!("document {id:?}: \"text\" must be a string")),
    };
    let mut meta = Metadata::new();
    for key in ["date", "source", "url", "title", "lang"] {
        match map.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if key == "date" => meta.push(
                key,
                normalize_date(s).ok_or_else(|| {
                    format!(
                        "document {id:?}: malformed date {s:?}; expected YYYY-MM-DD or an ISO 8601 / RFC 3339 datetime"
                    )
                })?,
            ),
            Some(Value::String(s)) => meta.push(key, s.clone()),
            Some(_) => return Err(format!("document {id:?}: \"{key}\" must be a string or null")),
        }
    }
    Ok(Document::new(id, text).with_meta(meta))
}

/// A date the library reads, also from the `YYYY-MM-DD HH:MM:SS` form scrapers
/// such as news-please write; `None` when it is not a date.
fn normalize_date(s: &str) -> Option<String> {
    let ok = |d: &str| Metadata::new().with("date", d.to_string()).date().is_some();
    if ok(s) {
        return Some(s.to_string());
    }
    let t = s.trim().replacen(' ', "T", 1);
    ok(&t).then_some(t)
}

/// Document names seen across all inputs, applying `--duplicates`.
struct Names {
    policy: Duplicates,
    /// Name → next `~n` suffix to try.
    seen: HashMap<String, u64>,
}

impl Names {
    fn new(policy: Duplicates) -> Names {
        Names { policy, seen: HashMap::new() }
    }

    /// `Ok(None)`: keep the name; `Ok(Some(new))`: renamed; `Err`: a duplicate to skip.
    fn admit(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.policy {
            Duplicates::Keep => Ok(None),
            Duplicates::Error => {
                if self.seen.contains_key(name) {
                    return Err(format!(
                        "duplicate document name {name:?}; names must be unique (--duplicates keep or rename)"
                    ));
                }
                self.seen.insert(name.to_string(), 2);
                Ok(None)
            }
            Duplicates::Rename => {
                let Some(mut k) = self.seen.get(name).copied() else {
                    self.seen.insert(name.to_string(), 2);
                    return Ok(None);
                };
                let renamed = loop {
                    let candidate = format!("{name}~{k}");
                    k += 1;
                    if !self.seen.contains_key(&candidate) {
                        break candidate;
                    }
                };
                self.seen.insert(name.to_string(), k);
                self.seen.insert(renamed.clone(), 2);
                Ok(Some(renamed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_becomes_a_document_with_front_matter_fields() {
        let doc = json_document(
            r#"{"id": 7, "text": "Body.", "date": "2025-04-10 09:30:00", "source": "Wire", "url": null, "extra": 1}"#,
        )
        .unwrap();
        assert_eq!(doc.name, "7");
        assert_eq!(doc.body, "Body.");
        assert_eq!(doc.meta.date().map(|d| d.to_string()).as_deref(), Some("2025-04-10"));
        assert_eq!(doc.meta.source(), Some("Wire"));
        assert_eq!(doc.meta.url(), None);
    }

    #[test]
    fn json_line_errors_say_what_was_expected() {
        let cases = [
            ("[1]", "expected a JSON object with \"id\" and \"text\""),
            (r#"{"text": "x"}"#, "missing \"id\"; expected a non-empty string or a number"),
            (r#"{"id": "a"}"#, "document \"a\": missing \"text\"; expected a string"),
            (r#"{"id": "a", "text": "x", "lang": 3}"#, "document \"a\": \"lang\" must be a string or null"),
            (
                r#"{"id": "a", "text": "x", "date": "April 9"}"#,
                "document \"a\": malformed date \"April 9\"; expected YYYY-MM-DD or an ISO 8601 / RFC 3339 datetime",
            ),
            (r#"{"id": "a", "text": "#, "column 20: not valid JSON: EOF while parsing a value"),
        ];
        for (line, expected) in cases {
            assert_eq!(json_document(line).unwrap_err(), expected, "{line}");
        }
    }

    #[test]
    fn names_follow_the_duplicate_policy_across_inputs() {
        let mut names = Names::new(Duplicates::Rename);
        let got: Vec<_> = ["a", "a", "a~2", "a"].iter().map(|n| names.admit(n).unwrap()).collect();
        assert_eq!(got, [None, Some("a~2".to_string()), Some("a~2~2".to_string()), Some("a~3".to_string())]);
        let mut names = Names::new(Duplicates::Error);
        assert!(names.admit("a").is_ok());
        assert!(names.admit("a").unwrap_err().starts_with("duplicate document name \"a\""));
    }
}
