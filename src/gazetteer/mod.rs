//! Entities: find the people, organisations and places of a gazetteer in
//! article text.
//!
//! (Contract placeholder: the matcher lands with the entities issue.)

use serde::{Deserialize, Serialize};

use crate::text::Section;
use crate::Span;

/// What kind of thing an entity is. Any other word in a gazetteer is kept as [`Kind::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation, agency, ministry, company, outlet.
    Organization,
    /// A country, city, region or property.
    Place,
    /// A user-defined kind.
    Other(String),
}

/// One mention of a gazetteer entity in a document body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity's id.
    pub entity: String,
    /// The entity's kind.
    pub kind: Kind,
    /// The matched text as it stands in the body.
    pub text: String,
    /// Byte span into the document body.
    pub span: Span,
    /// Index of the sentence (in the section analysed) the mention is in.
    pub sentence: usize,
}

/// A built gazetteer: entities with their aliases, ready to match.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    _private: (),
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// Parse a gazetteer in the TSV format (`id<TAB>kind<TAB>name<TAB>aliases`).
    pub fn from_tsv(text: &str) -> crate::Result<Gazetteer> {
        let _ = text;
        Ok(Gazetteer::default())
    }

    /// The built-in world gazetteer (countries, capitals, demonyms, international organisations).
    pub fn builtin() -> Gazetteer {
        Gazetteer::default()
    }

    /// Every mention in `section` of `body`, in body order.
    pub fn mentions(&self, body: &str, section: &Section) -> Vec<Mention> {
        let _ = (body, section);
        Vec::new()
    }
}
