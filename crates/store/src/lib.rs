//! The event store: an embedded SQLite database (no server to start) that attache
//! ingests documents into, and that queries, dyad counts and exports read from.
//!
//! * **Idempotent**: documents are keyed by their id (or a content hash when they have
//!   none), events by document id and event number; a document is marked done in the
//!   same transaction that writes its events. Re-ingesting the same input adds nothing,
//!   and a run killed at any point resumes where it stopped with nothing lost or doubled.
//! * **De-duplicated across stories**: reports of the same event by several documents
//!   (same source and target codes, same CAMEO code, dates within a window) become one
//!   event with GDELT's NumMentions, NumSources and NumArticles ([`dedupe`]).
//! * **Streaming**: ingest ([`pipeline`]) reads, codes in parallel and writes in bounded
//!   batches, so memory stays flat whatever the input size.
//!
//! ```
//! use attache_store::{Filter, OpenOptions, Prepared, Store};
//! use attache_coder::{Coder, Document};
//! use attache_io::{Kind, Locator, Origin};
//!
//! let path = std::env::temp_dir().join(format!("doc-example-{}.db", std::process::id()));
//! let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
//! let coder = Coder::builtin();
//! let doc = Document::new("d1", "France expelled two Russian diplomats on Friday.").with_date("2021-02-26");
//! let origin = Origin { source: "example".into(), locator: Locator::Whole, kind: Kind::Text, bytes: 48, cut: 0 };
//! let prepared = Prepared::new(&doc, origin, coder.code(&doc));
//! store.write_batch(&[prepared.clone()], &[], "20210226000000").unwrap();
//! store.write_batch(&[prepared], &[], "20210226000000").unwrap(); // again: nothing added
//! let events = store.query(&Filter::default(), 10).unwrap();
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].source, "FRA");
//! assert_eq!(events[0].num_articles, 1);
//! # drop(store); for s in ["", "-wal", "-shm"] { std::fs::remove_file(format!("{}{s}", path.display())).ok(); }
//! ```

#![warn(missing_docs)]

pub mod dedupe;
pub mod dump;
pub mod dyads;
mod error;
pub mod export;
pub mod filter;
pub mod pipeline;
pub mod prepare;
pub mod query;
pub mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

pub use dyads::{DyadOptions, DyadRow, Dyads, Interval};
pub use error::StoreError;
pub use export::ExportFormat;
pub use filter::Filter;
pub use prepare::{Prepared, PreparedEvent};
pub use query::EventRow;
pub use write::BatchOutcome;

use crate::error::Context;

/// The de-duplication window when none is given: reports of the same event dated up to
/// this many days apart are one event.
pub const DEFAULT_WINDOW_DAYS: u32 = 2;

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another process's lock before giving up, in milliseconds.
    pub busy_timeout_ms: u64,
    /// The de-duplication window in days: set when the store is made, checked after
    /// (`None`: the store's, or [`DEFAULT_WINDOW_DAYS`] for a new one).
    pub window_days: Option<u32>,
    /// The most pages (4 KiB) the database may grow to; SQLite then reports a full disk.
    /// For tests of what a full disk does; `None` in use.
    pub max_pages: Option<u64>,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions { busy_timeout_ms: 5000, window_days: None, max_pages: None }
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    busy_ms: u64,
    window_days: u32,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Documents (duplicates included).
    pub documents: u64,
    /// Documents whose text is that of an earlier document.
    pub duplicates: u64,
    /// Events as reported by one document each.
    pub reports: u64,
    /// De-duplicated events.
    pub events: u64,
    /// Mentions (sentences telling an event).
    pub mentions: u64,
    /// Records skipped as unreadable.
    pub skips: u64,
}

impl Store {
    /// Opens the store at `path` for writing, making it if it does not exist.
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<Store, StoreError> {
        let busy = opts.busy_timeout_ms;
        let conn = Connection::open(path).at(path, busy)?;
        conn.busy_timeout(Duration::from_millis(busy)).at(path, busy)?;
        // WAL: readers (queries, exports) never block the writer; NORMAL sync: a killed
        // process loses nothing committed (a power cut may lose the last batches, which a
        // re-run redoes).
        conn.pragma_update(None, "journal_mode", "WAL").at(path, busy)?;
        conn.pragma_update(None, "synchronous", "NORMAL").at(path, busy)?;
        if let Some(pages) = opts.max_pages {
            conn.pragma_update(None, "max_page_count", pages as i64).at(path, busy)?;
        }
        conn.execute_batch(schema::DDL).at(path, busy)?;
        let mut store = Store { conn, path: path.to_path_buf(), busy_ms: busy, window_days: DEFAULT_WINDOW_DAYS };
        store.check_meta(opts.window_days, true)?;
        Ok(store)
    }

    /// Opens an existing store for reading (queries and exports); never blocks a writer.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Incompatible(format!(
                "there is no database at {}: make one with `attache ingest FILES --db {}`",
                path.display(),
                path.display()
            )));
        }
        let busy = 5000;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).at(path, busy)?;
        conn.busy_timeout(Duration::from_millis(busy)).at(path, busy)?;
        let mut store = Store { conn, path: path.to_path_buf(), busy_ms: busy, window_days: DEFAULT_WINDOW_DAYS };
        store.check_meta(None, false)?;
        Ok(store)
    }

    fn check_meta(&mut self, window: Option<u32>, write: bool) -> Result<(), StoreError> {
        let (path, busy) = (self.path.clone(), self.busy_ms);
        let get = |key: &str| -> Result<Option<String>, StoreError> {
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional().at(&path, busy)
        };
        match get("schema")? {
            Some(v) if v != schema::VERSION => {
                return Err(StoreError::Incompatible(format!(
                    "{} was made by another version of attache (schema {v}, this one reads {}); give another --db",
                    path.display(),
                    schema::VERSION
                )));
            }
            Some(_) => {}
            None if write => {
                let w = window.unwrap_or(DEFAULT_WINDOW_DAYS);
                self.conn
                    .execute(
                        "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?1), ('window_days', ?2)",
                        rusqlite::params![schema::VERSION, w.to_string()],
                    )
                    .at(&path, busy)?;
            }
            None => {
                return Err(StoreError::Incompatible(format!(
                    "{} holds no attache store yet: make one with `attache ingest`",
                    path.display()
                )));
            }
        }
        let stored: u32 = get("window_days")?.and_then(|w| w.parse().ok()).unwrap_or(DEFAULT_WINDOW_DAYS);
        if let Some(w) = window
            && w != stored
        {
            return Err(StoreError::Incompatible(format!(
                "{} de-duplicates events dated up to {stored} days apart, and that cannot change once events are \
                 stored: give --window-days {stored}, or another --db",
                path.display()
            )));
        }
        self.window_days = stored;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The de-duplication window, in days.
    pub fn window_days(&self) -> u32 {
        self.window_days
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |sql: &str| -> Result<u64, StoreError> {
            self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|v| v as u64).at(&self.path, self.busy_ms)
        };
        Ok(Counts {
            documents: n("SELECT COUNT(*) FROM documents")?,
            duplicates: n("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL")?,
            reports: n("SELECT COUNT(*) FROM reports")?,
            events: n("SELECT COUNT(*) FROM events")?,
            mentions: n("SELECT COUNT(*) FROM mentions")?,
            skips: n("SELECT COUNT(*) FROM skips")?,
        })
    }

    /// The stored text hash of each of `ids` that is in the store (for skipping documents
    /// already done before coding them again).
    pub fn stored_hashes(&self, ids: &[&str]) -> Result<Vec<Option<String>>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT hash FROM documents WHERE id = ?1").at(&self.path, self.busy_ms)?;
        ids.iter().map(|id| stmt.query_row([id], |r| r.get(0)).optional().at(&self.path, self.busy_ms)).collect()
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        error::classify(e, &self.path, self.busy_ms)
    }
}
