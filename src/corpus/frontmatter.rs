//! Front matter: an optional `---` block of `key: value` lines opening a body.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::error::CorpusErrorKind;

/// A document's front matter: `key: value` pairs in the order written.
///
/// Known keys have getters ([`date`](Metadata::date), [`source`](Metadata::source),
/// [`url`](Metadata::url), [`title`](Metadata::title), [`lang`](Metadata::lang));
/// unknown keys are kept in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata<'a> {
    fields: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> Metadata<'a> {
    /// Empty front matter.
    pub fn new() -> Metadata<'a> {
        Metadata::default()
    }

    /// Add a field (kept in insertion order; a repeated key keeps both, the first wins in [`get`](Metadata::get)).
    pub fn push(&mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) {
        self.fields.push((key.into(), value.into()));
    }

    /// This front matter with one more field.
    pub fn with(mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Metadata<'a> {
        self.push(key, value);
        self
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_ref())
    }

    /// All fields in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The publication date (`date` key; the date part of a datetime).
    /// `None` when there is no `date` or it is malformed; the readers reject a
    /// malformed one, and [`Document::validate`](super::Document::validate)
    /// reports it for a document built in code.
    pub fn date(&self) -> Option<NaiveDate> {
        parse_date(self.get("date")?)
    }

    /// The outlet (`source` key).
    pub fn source(&self) -> Option<&str> {
        self.get("source")
    }

    /// The article URL (`url` key).
    pub fn url(&self) -> Option<&str> {
        self.get("url")
    }

    /// The headline (`title` key); wins over a headline found in the body.
    pub fn title(&self) -> Option<&str> {
        self.get("title")
    }

    /// The language tag (`lang` key).
    pub fn lang(&self) -> Option<&str> {
        self.get("lang")
    }

    /// A copy that owns all its text.
    pub fn into_owned(self) -> Metadata<'static> {
        Metadata {
            fields: self
                .fields
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.into_owned()), Cow::Owned(v.into_owned())))
                .collect(),
        }
    }
}

/// Parse a `date` value to its (local) date: `YYYY-MM-DD`, an RFC 3339
/// datetime, or an ISO 8601 datetime without offset (`2025-04-10T09:30` or
/// with seconds).
///
/// The one date check of the crate: the readers, the writer,
/// [`Metadata::date`] and [`Document::validate`](super::Document::validate)
/// all call it. The date part must be exactly four year digits, a dash, two
/// month digits, a dash and two day digits: chrono alone would also take
/// `2025-4-1` and `-0001-01-01`, which are not the ISO 8601 / RFC 3339 form
/// the format promises (and do not read back as written).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let iso_date = b.len() >= 10
        && b.iter().take(10).enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !iso_date {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.date_naive()))
        .or_else(|| {
            ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
                .map(|d| d.date())
        })
}

/// Whether a line (without its `\n`) is a `---` fence (a CRLF `\r` allowed).
fn is_fence(line: &str) -> bool {
    line == "---" || line == "---\r"
}

/// Whether `text` opens with a `---` line, i.e. would be read as front matter.
pub(crate) fn opens_with_fence(text: &str) -> bool {
    is_fence(text.split('\n').next().unwrap_or(""))
}

/// Split a document's raw text into front matter and the offset where the
/// body starts. Errors carry the byte offset in `raw` of the line at fault.
pub(crate) fn split(raw: &str) -> Result<(Metadata<'_>, usize), (usize, CorpusErrorKind)> {
    if !opens_with_fence(raw) {
        return Ok((Metadata::default(), 0));
    }
    let mut meta = Metadata::default();
    let mut pos = raw.find('\n').map_or(raw.len(), |i| i + 1);
    while pos < raw.len() {
        let rest = raw.get(pos..).unwrap_or("");
        let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest.get(..len).unwrap_or("");
        let line = line.strip_suffix('\n').unwrap_or(line);
        if is_fence(line) {
            return Ok((meta, pos + len));
        }
        let malformed = || (pos, CorpusErrorKind::MalformedFrontMatter(line.trim_end_matches('\r').to_string()));
        let (k, v) = line.split_once(':').ok_or_else(malformed)?;
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() {
            return Err(malformed());
        }
        if k == "date" && parse_date(v).is_none() {
            return Err((pos, CorpusErrorKind::MalformedDate(v.to_string())));
        }
        meta.push(k, v);
        pos += len;
    }
    Err((0, CorpusErrorKind::UnterminatedFrontMatter))
}

/// Why a front matter field cannot be written so that it reads back the
/// same, if it cannot: [`CorpusErrorKind::MalformedDate`] for a bad `date`,
/// [`CorpusErrorKind::Unwritable`] for the rest.
pub(crate) fn unwritable_field(key: &str, value: &str) -> Option<CorpusErrorKind> {
    let unwritable = |why: String| Some(CorpusErrorKind::Unwritable(why));
    if key.is_empty() || key.trim() != key || key.contains([':', '\n']) {
        return unwritable(format!(
            "front matter key {key:?} must be non-empty, without `:` or newlines and without surrounding spaces"
        ));
    }
    if value.trim() != value || value.contains('\n') {
        return unwritable(format!(
            "front matter value {value:?} of key {key:?} must be one line without surrounding spaces"
        ));
    }
    if key == "date" && parse_date(value).is_none() {
        return Some(CorpusErrorKind::MalformedDate(value.to_string()));
    }
    let line = format!("{key}: {value}");
    if super::syntax::header(line.as_bytes()).is_some() || super::syntax::is_broken_header(line.as_bytes()) {
        return unwritable(format!("front matter line `{line}` would read as a document header"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_iso_dates_and_datetimes_with_or_without_offset() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2025-04-10", Some("2025-04-10")),
            ("2025-04-10T23:30:00+03:00", Some("2025-04-10")),
            ("2025-04-10T23:30:00Z", Some("2025-04-10")),
            ("2025-04-10T23:30", Some("2025-04-10")),
            ("2025-04-10T23:30:05.5", Some("2025-04-10")),
            ("10 April 2025", None),
            ("2025-4-1", None),
            ("2025-04-1", None),
            ("-0001-01-01", None),
            ("+2025-04-10", None),
            ("12025-04-10", None),
            ("2025-04-10T", None),
            ("2025-02-30", None),
            ("2025-13-01", None),
            ("", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_date(s).map(|d| d.to_string()).as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn split_reads_crlf_front_matter_and_reports_the_line_at_fault() {
        let (meta, at) = split("---\r\ndate: 2025-01-02\r\nsource: X\r\n---\r\nbody").unwrap();
        assert_eq!(meta.iter().collect::<Vec<_>>(), [("date", "2025-01-02"), ("source", "X")]);
        assert_eq!(at, 39);
        assert_eq!(
            split("---\nok: 1\nbad line\n---\n"),
            Err((10, CorpusErrorKind::MalformedFrontMatter("bad line".into())))
        );
        assert_eq!(split("---\ndate: soon\n---\n"), Err((4, CorpusErrorKind::MalformedDate("soon".into()))));
        assert_eq!(split("---\nk: v\n"), Err((0, CorpusErrorKind::UnterminatedFrontMatter)));
        assert_eq!(split("---"), Err((0, CorpusErrorKind::UnterminatedFrontMatter)));
        assert_eq!(split("--- \nk: v\n---\n").map(|(m, at)| (m.len(), at)), Ok((0, 0)));
    }

    #[test]
    fn fields_that_would_not_read_back_are_unwritable() {
        let cases: &[(&str, &str, bool)] = &[
            ("source", "Reuters", false),
            ("k", "", false),
            ("k", "a: b", false),
            ("", "v", true),
            ("a:b", "v", true),
            (" k", "v", true),
            ("k", "v\nw", true),
            ("k", " v", true),
            ("date", "yesterday", true),
            ("==> a", "<==", true),
        ];
        for &(k, v, bad) in cases {
            assert_eq!(unwritable_field(k, v).is_some(), bad, "{k:?}: {v:?}");
        }
    }
}
