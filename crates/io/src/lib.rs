//! Documents in, events out: the I/O edges of attache.
//!
//! * [`read`]: plain text files, JSONL documents, HTML pages, RSS/Atom feeds, WARC
//!   archives, folders of them and standard input, with every bad record reported as a
//!   [`Skip`] (file, line or record, reason) and never fatal to the others;
//! * [`record`]: a record as read, with its provenance ([`Origin`]), before its text is
//!   extracted (so that extraction can run in parallel);
//! * [`html`]: the main text of a page; [`feed`] and [`warc`]: the news formats;
//! * [`write`]: events as a terminal table, JSONL (the contract of
//!   `../shared/eval/FORMAT.md`) or CSV.

#![warn(missing_docs)]

pub mod feed;
pub mod html;
pub mod read;
pub mod record;
pub mod walk;
pub mod warc;
pub mod write;

pub use read::{FileIds, Input, InputFormat, ReadOptions, Skip, read_records, read_source};
pub use record::{Body, Kind, Locator, Origin, Record};
pub use write::{OutputFormat, Writer};
