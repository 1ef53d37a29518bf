//! Front matter: an optional `---` block of `key: value` lines opening a body.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate};

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

/// Parse `YYYY-MM-DD` or an RFC 3339 datetime to its (local) date.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.date_naive()))
}

/// Split a raw body into front matter and body.
pub(crate) fn split(raw: &str) -> Result<(Metadata<'_>, &str), CorpusErrorKind> {
    let Some(rest) = raw.strip_prefix("---\n") else {
        return Ok((Metadata::default(), raw));
    };
    let mut meta = Metadata::default();
    let mut pos = 0;
    while pos < rest.len() {
        let end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i + 1);
        let line = rest[pos..end].strip_suffix('\n').unwrap_or(&rest[pos..end]);
        if line == "---" {
            return Ok((meta, &rest[end..]));
        }
        let (k, v) = line.split_once(':').ok_or_else(|| CorpusErrorKind::MalformedFrontMatter(line.to_string()))?;
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() {
            return Err(CorpusErrorKind::MalformedFrontMatter(line.to_string()));
        }
        if k == "date" && parse_date(v).is_none() {
            return Err(CorpusErrorKind::MalformedDate(v.to_string()));
        }
        meta.push(k, v);
        pos = end;
    }
    Err(CorpusErrorKind::UnterminatedFrontMatter)
}
