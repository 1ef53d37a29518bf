//! Dedup: merge syndicated copies of the same story.
//!
//! (Contract placeholder: the deduplicator lands with the dedup issue.)
