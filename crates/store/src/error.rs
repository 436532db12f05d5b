//! What can go wrong with a store, each with what to do about it.

use std::path::PathBuf;

/// A store error. Every variant leaves the database as it was before the failing batch:
/// writes are transactions, so nothing is ever committed half-way.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the write lock for longer than the busy timeout.
    #[error(
        "the database {path} is locked by another process (another `attache ingest`?); waited {waited_ms} ms. \
         Stop the other writer or give another --db, then run the same command again: it resumes where it stopped"
    )]
    Locked {
        /// The database.
        path: PathBuf,
        /// How long the store waited for the lock.
        waited_ms: u64,
    },
    /// The disk (or the database's size limit) is full.
    #[error(
        "the disk holding {path} is full (or the database reached its size limit): the current batch was not \
         written. Free some space and run the same command again: it resumes where it stopped"
    )]
    Full {
        /// The database.
        path: PathBuf,
    },
    /// The operating system failed a read or write (often: the disk is full).
    #[error(
        "disk I/O error on {path} ({detail}); if the disk is full, free some space and run the same command \
         again: it resumes where it stopped"
    )]
    DiskIo {
        /// The database.
        path: PathBuf,
        /// SQLite's words.
        detail: String,
    },
    /// The file is not an attache database, or it is damaged.
    #[error("{path} is not an attache database, or it is damaged ({detail}); give another --db")]
    NotADatabase {
        /// The file.
        path: PathBuf,
        /// SQLite's words.
        detail: String,
    },
    /// The database was made by another version of attache, or with other settings.
    #[error("{0}")]
    Incompatible(String),
    /// The file cannot be written.
    #[error("cannot write {path}: {detail}; check its permissions or give another --db")]
    ReadOnly {
        /// The database.
        path: PathBuf,
        /// SQLite's words.
        detail: String,
    },
    /// Any other database error.
    #[error("database error on {path}: {source}")]
    Sqlite {
        /// The database.
        path: PathBuf,
        /// The error.
        #[source]
        source: rusqlite::Error,
    },
    /// Writing an export failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
}

/// Attaches a path to SQLite errors, and sorts out those the user can act on.
pub(crate) trait Context<T> {
    fn at(self, path: &std::path::Path, busy_ms: u64) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn at(self, path: &std::path::Path, busy_ms: u64) -> Result<T, StoreError> {
        self.map_err(|e| classify(e, path, busy_ms))
    }
}

pub(crate) fn classify(e: rusqlite::Error, path: &std::path::Path, busy_ms: u64) -> StoreError {
    use rusqlite::ErrorCode as C;
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path, waited_ms: busy_ms },
        Some(C::DiskFull) => StoreError::Full { path },
        Some(C::SystemIoFailure) => StoreError::DiskIo { path, detail: e.to_string() },
        Some(C::NotADatabase | C::DatabaseCorrupt) => StoreError::NotADatabase { path, detail: e.to_string() },
        Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => StoreError::ReadOnly { path, detail: e.to_string() },
        _ => StoreError::Sqlite { path, source: e },
    }
}
