//! The line grammar shared by the readers and the writer: which lines are
//! headers, which body lines are escaped, and the errors' positions.
//!
//! Both readers and the writer call these functions, so "is this a header?"
//! has exactly one answer in the crate, which is what makes the round-trip
//! law hold.

use std::borrow::Cow;
use std::collections::HashMap;

use super::frontmatter;
use super::Metadata;
use crate::error::{CorpusErrorKind, Error, Position};

const HEADER_OPEN: &[u8] = b"==> ";
const HEADER_CLOSE: &[u8] = b" <==";

/// The name of an exact `==> NAME <==` line (no line ending).
#[inline]
fn header_name(line: &[u8]) -> Option<&[u8]> {
    // `len >= 8` keeps `==> <==` (open and close sharing the space) out and
    // makes the slice below in range.
    if line.len() >= HEADER_OPEN.len() + HEADER_CLOSE.len()
        && line.starts_with(HEADER_OPEN)
        && line.ends_with(HEADER_CLOSE)
    {
        line.get(HEADER_OPEN.len()..line.len() - HEADER_CLOSE.len())
    } else {
        None
    }
}

/// The header in `line` (without its `\n`): its name and whether the line
/// ended in `\r\n`. A CRLF header's `\r` belongs to the line ending, not to
/// the name, so a corpus converted to CRLF as a whole still reads.
#[inline]
pub(crate) fn header(line: &[u8]) -> Option<(&[u8], bool)> {
    if line.first() != Some(&b'=') {
        return None;
    }
    if let Some(name) = header_name(line) {
        return Some((name, false));
    }
    header_name(line.strip_suffix(b"\r")?).map(|name| (name, true))
}

/// Whether `line` opens like a header (`==> `): a header, or a header line
/// cut short (a truncated file) or otherwise malformed.
#[inline]
fn opens_header(line: &[u8]) -> bool {
    line.starts_with(HEADER_OPEN)
}

/// Whether a line (without its `\n`) opens like a header but is not one:
/// `==> NAME` with no closing ` <==`, as a file cut in the middle of a
/// header line ends. The readers report it rather than read it as body text.
#[inline]
pub(crate) fn is_broken_header(line: &[u8]) -> bool {
    opens_header(line) && header(line).is_none()
}

/// Whether a body line (without its `\n`) opens like a header behind one or
/// more backslashes: the reader strips one of them.
#[inline]
pub(crate) fn is_escaped_header(line: &[u8]) -> bool {
    line.first() == Some(&b'\\') && opens_header(strip_backslashes(line))
}

/// Whether the writer must put one more backslash in front of this body line:
/// it opens like a header behind zero or more backslashes.
#[inline]
pub(crate) fn needs_escape(line: &[u8]) -> bool {
    matches!(line.first(), Some(b'=' | b'\\')) && opens_header(strip_backslashes(line))
}

fn strip_backslashes(line: &[u8]) -> &[u8] {
    let n = line.iter().take_while(|&&b| b == b'\\').count();
    line.get(n..).unwrap_or(&[])
}

/// `body` with one backslash removed from every escaped header line.
pub(crate) fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        match line.strip_prefix('\\') {
            Some(rest) if is_escaped_header(content.as_bytes()) => out.push_str(rest),
            _ => out.push_str(line),
        }
    }
    out
}

/// Number of `\n` in `bytes`.
pub(crate) fn count_lines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Where a document's raw text (after its header line) starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawStart {
    /// 1-based line of the first raw line.
    pub line: u64,
    /// Byte offset of the first raw byte in the input.
    pub byte: u64,
}

impl RawStart {
    /// The position `offset` bytes into `raw`.
    pub(crate) fn at(self, raw: &[u8], offset: usize, document: &str) -> Position {
        let before = raw.get(..offset).unwrap_or(raw);
        Position {
            document: Some(document.to_string()),
            line: self.line + count_lines(before),
            byte: self.byte + offset as u64,
        }
    }
}

/// Split a document's raw text into front matter and the offset where the
/// body starts, with errors positioned in the input.
pub(crate) fn split_front_matter<'a>(
    raw: &'a str,
    start: RawStart,
    name: &str,
) -> Result<(Metadata<'a>, usize), Error> {
    frontmatter::split(raw)
        .map_err(|(offset, kind)| Error::Corpus { position: start.at(raw.as_bytes(), offset, name), kind })
}

/// What to do when two documents of a corpus have the same name.
///
/// Names are ids for every later stage (mentions, stories and timeline
/// sources refer to documents by name), so a duplicate is an error unless
/// asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DuplicatePolicy {
    /// Report [`CorpusErrorKind::DuplicateName`] for the second document and
    /// skip it (the default).
    #[default]
    Error,
    /// Keep every document under its name, duplicates included. The reader
    /// then keeps no set of names, so memory stays bounded by the largest
    /// document however many documents the corpus holds.
    KeepAll,
    /// Keep every document, renaming the second `a.txt` to `a.txt~2`, the
    /// third to `a.txt~3` (skipping names already used). `~` rather than `#`
    /// because `#n` names related-story blurbs (`page#1`) in later stages.
    Rename,
}

/// The names seen so far, applying a [`DuplicatePolicy`].
#[derive(Debug, Clone)]
pub(crate) struct Names {
    policy: DuplicatePolicy,
    /// Name → next `~n` suffix to try when it repeats.
    seen: HashMap<String, u64>,
}

impl Names {
    pub(crate) fn new(policy: DuplicatePolicy) -> Names {
        Names { policy, seen: HashMap::new() }
    }

    /// The name to give this document, or the error for a duplicate.
    pub(crate) fn admit<'a>(&mut self, name: Cow<'a, str>) -> Result<Cow<'a, str>, CorpusErrorKind> {
        match self.policy {
            DuplicatePolicy::KeepAll => Ok(name),
            DuplicatePolicy::Error => {
                if self.seen.contains_key(name.as_ref()) {
                    return Err(CorpusErrorKind::DuplicateName(name.into_owned()));
                }
                self.seen.insert(name.to_string(), 2);
                Ok(name)
            }
            DuplicatePolicy::Rename => {
                let Some(next) = self.seen.get(name.as_ref()).copied() else {
                    self.seen.insert(name.to_string(), 2);
                    return Ok(name);
                };
                let mut k = next;
                let renamed = loop {
                    let candidate = format!("{name}~{k}");
                    k += 1;
                    if !self.seen.contains_key(&candidate) {
                        break candidate;
                    }
                };
                self.seen.insert(name.into_owned(), k);
                self.seen.insert(renamed.clone(), 2);
                Ok(Cow::Owned(renamed))
            }
        }
    }
}

/// Decode `bytes` as UTF-8. Strictly, the first bad byte is an error at its
/// position; lossily, each bad sequence becomes U+FFFD and its position is
/// pushed to `replaced`.
pub(crate) fn decode(
    bytes: Vec<u8>,
    lossy: bool,
    start: RawStart,
    name: &str,
    replaced: &mut Vec<Position>,
) -> Result<String, Error> {
    let err = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    if !lossy {
        let offset = err.utf8_error().valid_up_to();
        return Err(Error::Corpus {
            position: start.at(err.as_bytes(), offset, name),
            kind: CorpusErrorKind::InvalidUtf8,
        });
    }
    let bytes = err.into_bytes();
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut rest: &[u8] = &bytes;
    let mut done = 0usize;
    let mut line = start.line;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // `valid` is checked UTF-8 by `from_utf8` above.
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                line += count_lines(valid);
                replaced.push(Position {
                    document: Some(name.to_string()),
                    line,
                    byte: start.byte + (done + valid.len()) as u64,
                });
                let bad = e.error_len().unwrap_or(after.len()).max(1).min(after.len());
                done += valid.len() + bad;
                rest = after.get(bad..).unwrap_or(&[]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_recognised_with_lf_or_crlf_endings() {
        let cases: &[(&str, Option<(&str, bool)>)] = &[
            ("==> a.txt <==", Some(("a.txt", false))),
            ("==> a.txt <==\r", Some(("a.txt", true))),
            ("==>  <==", Some(("", false))),
            ("==> <==", None),
            ("==> a.txt <== ", None),
            (" ==> a.txt <==", None),
            ("\\==> a.txt <==", None),
            ("==> a <==\r <==", Some(("a <==\r", false))),
            ("==> a <==\r\r", None),
        ];
        for &(line, want) in cases {
            let got = header(line.as_bytes()).map(|(n, crlf)| (std::str::from_utf8(n).unwrap(), crlf));
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn escape_applies_to_headers_behind_any_number_of_backslashes() {
        let cases: &[(&str, bool, bool)] = &[
            // line, writer escapes it, reader unescapes it
            ("==> a <==", true, false),
            ("\\==> a <==", true, true),
            ("\\\\==> a <==\r", true, true),
            ("\\plain", false, false),
            ("==> nope", true, false),
            ("\\==> nope", true, true),
            ("\\==> <==", true, true),
            ("==>nope", false, false),
            ("\\=> a <==", false, false),
        ];
        for &(line, esc, unesc) in cases {
            assert_eq!(needs_escape(line.as_bytes()), esc, "{line:?}");
            assert_eq!(is_escaped_header(line.as_bytes()), unesc, "{line:?}");
        }
        assert_eq!(unescape("\\==> a <==\nx\n\\\\==> b <==\r\n\\y"), "==> a <==\nx\n\\==> b <==\r\n\\y");
    }

    #[test]
    fn lines_opening_like_a_header_without_its_close_are_broken_headers() {
        let cases: &[(&str, bool)] = &[
            ("==> a.txt <==", false),
            ("==> a.txt <==\r", false),
            ("==> a.tx", true),
            ("==> ", true),
            ("==> a.txt <== ", true),
            ("==> <==", true),
            ("==>", false),
            ("\\==> a.tx", false),
            ("== a", false),
        ];
        for &(line, broken) in cases {
            assert_eq!(is_broken_header(line.as_bytes()), broken, "{line:?}");
        }
    }

    #[test]
    fn rename_policy_appends_tilde_numbers_skipping_used_names() {
        let mut names = Names::new(DuplicatePolicy::Rename);
        let got: Vec<String> =
            ["a", "a~2", "a", "a", "b"].iter().map(|n| names.admit(Cow::Borrowed(*n)).unwrap().into_owned()).collect();
        assert_eq!(got, ["a", "a~2", "a~3", "a~4", "b"]);
    }

    #[test]
    fn lossy_decode_reports_each_replaced_sequence() {
        let mut replaced = Vec::new();
        let start = RawStart { line: 2, byte: 10 };
        let s = decode(b"ok\n\xffx\xe2\x82".to_vec(), true, start, "d", &mut replaced).unwrap();
        assert_eq!(s, "ok\n\u{fffd}x\u{fffd}");
        let at: Vec<(u64, u64)> = replaced.iter().map(|p| (p.line, p.byte)).collect();
        assert_eq!(at, [(3, 13), (3, 15)]);
        let err = decode(b"ok\n\xff".to_vec(), false, start, "d", &mut Vec::new()).unwrap_err();
        assert_eq!(err.position().map(|p| (p.line, p.byte)), Some((3, 13)));
    }
}
