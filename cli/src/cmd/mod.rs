//! The subcommands, one file each.

pub mod dedup;
pub mod extract;
pub mod structure;
pub mod timeline;
