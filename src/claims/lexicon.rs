//! The cue lexicon the extractor reads. The words live in the shared
//! [`crate::lexicon`] layer (the structure stage reads them too); this module
//! re-exports them under their old path.

pub use crate::lexicon::{CueClass, CueForm, Lexicon, NounKind, PronounKind};
pub(crate) use crate::lexicon::{WordClass, WordInfo};
