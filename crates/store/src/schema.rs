//! The tables of a store, and the version check that keeps one attache from misreading
//! another's database.
//!
//! * `documents`: one row per document ever ingested, keyed by its id; a document with
//!   the same text as an earlier one is kept as `duplicate_of` it, with no events.
//! * `provenance`: where each document came from (file, line or WARC record, bytes read
//!   and bytes cut at the document limit, coder version).
//! * `reports`: each event as one document's coder reported it: the full record that
//!   `attache code --format jsonl` writes, and its key fields as columns.
//! * `events`: the de-duplicated events: reports of the same happening by several
//!   documents (same actors and code, dates within the window) are one event, with
//!   GDELT's counts (mentions, sources, articles). Its `id` is the GlobalEventID.
//! * `mentions`: every sentence that tells an event, with its evidence text and spans.
//! * `actors`: the actors of every report (source, target, attribution) with spans.
//! * `skips`: the records that could not be read, and why.
//! * `meta`: the schema version and the de-duplication window.

/// The schema version this attache writes and reads.
pub const VERSION: &str = "1";

/// The tables and indexes.
pub const DDL: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    duplicate_of TEXT,
    date TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    sentences INTEGER NOT NULL,
    events INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);

CREATE TABLE IF NOT EXISTS provenance (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    locator TEXT NOT NULL,
    kind TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    cut_bytes INTEGER NOT NULL,
    coder TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event INTEGER,
    sentence INTEGER NOT NULL,
    date TEXT NOT NULL,
    granularity TEXT,
    day INTEGER,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover TEXT,
    mode TEXT,
    factual INTEGER NOT NULL,
    confidence REAL NOT NULL,
    outlet_key TEXT NOT NULL,
    evidence TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (doc_id, event_id)
);
CREATE INDEX IF NOT EXISTS reports_event ON reports(event);

CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    source_country TEXT NOT NULL,
    target TEXT NOT NULL,
    target_country TEXT NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date TEXT NOT NULL,
    granularity TEXT,
    day INTEGER,
    first_report INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_key ON events(source, target, cameo, day);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country);

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    report INTEGER NOT NULL,
    event INTEGER,
    doc_id TEXT NOT NULL,
    outlet TEXT,
    sentence INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event);
CREATE INDEX IF NOT EXISTS mentions_report ON mentions(report);

CREATE TABLE IF NOT EXISTS actors (
    report INTEGER NOT NULL,
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER,
    end INTEGER,
    antecedent TEXT
);
CREATE INDEX IF NOT EXISTS actors_report ON actors(report);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);

CREATE TABLE IF NOT EXISTS skips (
    source TEXT NOT NULL,
    line INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (source, line, reason)
) WITHOUT ROWID;
"#;
