//! Recognition: a small tokenizer and a pattern matcher over its tokens.
//!
//! The tokenizer splits a sentence into words, digit runs and punctuation
//! with byte offsets into the body, folds typographic variants with
//! [`fold_char`](crate::text::normalize::fold_char) (so `’s` and `2016–2018`
//! read like `'s` and `2016-2018`), and tags each word with its lexicon
//! [`Entry`]. Numbers that cannot be years are told apart here: grouped
//! figures (`2,022`, `3.5`), clock times (`02:41`) and numbers glued to
//! letters (`1990s`, `Su-35`).
//!
//! The matcher tries, at each token, the patterns in order of length (the
//! longest reading of a date wins) and yields [`Candidate`]s: what the text
//! says, not yet what date it means. [`super::resolve`] turns them into
//! values against the reference date and the clause's tense.
//!
//! The stage is split along its seams: [`tokenizer`] (tokens and the view
//! the patterns read them through), [`values`] (what a recognised expression
//! says), [`patterns`] (the date patterns) and [`tense`] (the clause around an
//! expression: its tense cue and how it attaches).

mod patterns;
mod tense;
mod tokenizer;
mod values;

pub(crate) use patterns::candidates;
pub(crate) use tense::{attachment, sentence_has_past, tense};
pub(crate) use tokenizer::tokenize;
pub(crate) use values::{DayRule, Meaning, Partial, Shift};
