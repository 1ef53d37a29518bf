//! The serialised form of the index and its date format.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::config::{DedupConfig, Sketch};
use super::Deduplicator;

/// The serialised form: configuration and per-text sketches; the inverted
/// table, common hashes and copy links are rebuilt on load (so a loaded index
/// is always consistent, whatever the input).
#[derive(Serialize)]
struct SnapshotRef<'a> {
    config: &'a DedupConfig,
    documents: DocumentsRef<'a>,
}

struct DocumentsRef<'a>(&'a Deduplicator);

#[derive(Serialize)]
struct RecordRef<'a> {
    id: &'a str,
    source: Option<&'a str>,
    #[serde(with = "date_serde")]
    date: Option<NaiveDate>,
    sketch: Sketch,
}

#[derive(Deserialize)]
struct Snapshot {
    config: DedupConfig,
    documents: Vec<Record>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    source: Option<String>,
    #[serde(with = "date_serde")]
    date: Option<NaiveDate>,
    sketch: Sketch,
}

impl Serialize for DocumentsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let d = self.0;
        s.collect_seq((0..d.ids.len() as u32).map(|doc| RecordRef {
            id: &d.ids[doc as usize],
            source: d.source(doc),
            date: d.date(doc),
            sketch: d.sketch_of(doc),
        }))
    }
}

impl Serialize for Deduplicator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        SnapshotRef { config: &self.config, documents: DocumentsRef(self) }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Deduplicator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Deduplicator, D::Error> {
        let snapshot = Snapshot::deserialize(d)?;
        let mut dedup = Deduplicator::new(snapshot.config).map_err(serde::de::Error::custom)?;
        for r in snapshot.documents {
            dedup.add_sketch(&r.id, r.source.as_deref(), r.date, r.sketch).map_err(serde::de::Error::custom)?;
        }
        Ok(dedup)
    }
}

pub(crate) mod date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| serde::de::Error::custom(format!("expected a YYYY-MM-DD date, got {s:?}")))
            })
            .transpose()
    }
}
