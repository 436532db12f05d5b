//! Documents in, events out: the I/O edges of attache.
//!
//! * [`read`]: plain text files, JSONL documents and standard input, with every bad
//!   record reported as a [`Skip`] (file, line, reason) and never fatal to the others;
//! * [`write`]: events as a terminal table, JSONL (the contract of
//!   `../shared/eval/FORMAT.md`) or CSV.

#![warn(missing_docs)]

pub mod read;
pub mod write;

pub use read::{Input, InputFormat, Skip, read_source};
pub use write::{OutputFormat, Writer};
