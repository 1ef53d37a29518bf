//! The timeline: one dated, sourced account of the corpus's story.
//!
//! (Contract placeholder: events and rendering land with the timeline issue.)
