//! Exports in the formats researchers' tools read (column layouts in
//! `../shared/ontology/FORMATS.md`):
//!
//! | format | one row per | layout |
//! |---|---|---|
//! | `gdelt` | de-duplicated event | GDELT 2.0 events: 61 tab-separated columns, no header ([`gdelt`]) |
//! | `icews` | de-duplicated event | ICEWS coded event data: 20 tab-separated columns with a header ([`icews`]) |
//! | `plover` | de-duplicated event with a PLOVER type | PLOVER/POLECAT JSON lines ([`plover`]) |
//! | `csv` | reported event | the columns `attache code --format csv` writes ([`flat`]) |
//! | `jsonl` | reported event | the records `attache code --format jsonl` writes ([`flat`]) |
//! | `parquet` | reported event | typed columns, with the de-duplicated event's id and counts (`parquet` feature) |
//!
//! A *de-duplicated event* is one happening however many documents tell it, with GDELT's
//! counts; a *reported event* is one document's account of it (negated and hypothetical
//! ones included, flagged). Rows come in store order: events by GlobalEventID, reports
//! by ingestion.

pub mod flat;
pub mod gdelt;
pub mod icews;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod plover;

use std::io::Write;
use std::str::FromStr;

use rusqlite::params_from_iter;
use serde_json::Value;

use crate::{Filter, Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// GDELT 2.0 events, 61 tab-separated columns.
    Gdelt,
    /// ICEWS, 20 tab-separated columns with a header.
    Icews,
    /// PLOVER JSON lines.
    Plover,
    /// CSV, as `attache code` writes.
    Csv,
    /// JSON lines, as `attache code` writes.
    Jsonl,
    /// Apache Parquet (needs the `parquet` feature).
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        Ok(match s {
            "gdelt" => ExportFormat::Gdelt,
            "icews" => ExportFormat::Icews,
            "plover" | "polecat" => ExportFormat::Plover,
            "csv" => ExportFormat::Csv,
            "jsonl" | "json" => ExportFormat::Jsonl,
            "parquet" => ExportFormat::Parquet,
            _ => return Err(format!("unknown export format `{s}` (gdelt, icews, plover, csv, jsonl, parquet)")),
        })
    }
}

/// Whether this build can write Parquet.
pub const PARQUET: bool = cfg!(feature = "parquet");

/// A de-duplicated event with what the exports need of its first report and document.
#[derive(Debug, Clone)]
pub struct EventExport {
    /// The GlobalEventID.
    pub id: i64,
    /// Source actor code.
    pub source: String,
    /// Target actor code (empty for none).
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// QuadClass 1–4.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// Date value.
    pub date: String,
    /// `day`, `month`, `year` or none.
    pub granularity: Option<String>,
    /// GDELT's counts.
    pub num_mentions: i64,
    /// Distinct outlets.
    pub num_sources: i64,
    /// Documents.
    pub num_articles: i64,
    /// When the event was added (`YYYYMMDDHHMMSS`, UTC).
    pub added: String,
    /// The first report's document.
    pub doc_id: String,
    /// The first report's sentence index.
    pub sentence: i64,
    /// The first report's full record (JSON).
    pub record: Value,
    /// The first document's URL.
    pub url: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
}

/// A reported event with its document and its de-duplicated event's counts.
#[derive(Debug, Clone)]
pub struct ReportExport {
    /// The record as `attache code --format jsonl` writes it.
    pub record: String,
    /// The de-duplicated event (none for negated and hypothetical reports).
    pub event: Option<i64>,
    /// Its NumMentions, NumSources, NumArticles.
    pub counts: Option<(i64, i64, i64)>,
    /// The document's URL.
    pub url: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
}

impl Store {
    /// Writes the events the filter takes in `format`; returns the number of rows.
    pub fn export(
        &self,
        format: ExportFormat,
        filter: &Filter,
        out: &mut (dyn Write + Send),
    ) -> Result<u64, StoreError> {
        match format {
            ExportFormat::Gdelt => self.each_event(filter, &mut |e| gdelt::write_row(out, e)),
            ExportFormat::Icews => {
                icews::write_header(out)?;
                self.each_event(filter, &mut |e| icews::write_row(out, e))
            }
            ExportFormat::Plover => self.each_event(filter, &mut |e| plover::write_row(out, e)),
            ExportFormat::Jsonl => self.each_report(filter, &mut |r| flat::write_jsonl(out, r)),
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(attache_io::write::CSV_COLUMNS).map_err(csv_err)?;
                let n = self.each_report(filter, &mut |r| {
                    w.write_record(flat::csv_row(&r.record)).map_err(csv_err)?;
                    Ok(true)
                })?;
                w.flush()?;
                Ok(n)
            }
            #[cfg(feature = "parquet")]
            ExportFormat::Parquet => parquet::write(self, filter, out),
            #[cfg(not(feature = "parquet"))]
            ExportFormat::Parquet => Err(StoreError::Incompatible(
                "this attache was built without Parquet support: build it with \
                 `cargo build --release --features parquet` (or export csv/jsonl)"
                    .into(),
            )),
        }
    }

    /// Calls `f` on every de-duplicated event the filter takes, in id order; `f` says
    /// whether it wrote a row. Returns the rows written.
    pub fn each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(&EventExport) -> Result<bool, StoreError>,
    ) -> Result<u64, StoreError> {
        let (cond, params) = filter.sql("e", true);
        let sql = format!(
            "SELECT e.id, e.source, e.target, e.cameo, e.quad, e.goldstein, e.date, e.granularity,
                    e.num_mentions, e.num_sources, e.num_articles, e.added, r.doc_id, r.sentence, r.record,
                    d.url, d.outlet, d.title, d.date
             FROM events e JOIN reports r ON r.id = e.first_report JOIN documents d ON d.id = r.doc_id
             WHERE {cond} ORDER BY e.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let e = (|| -> rusqlite::Result<EventExport> {
                let record: String = r.get(14)?;
                Ok(EventExport {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    target: r.get(2)?,
                    cameo: r.get(3)?,
                    quad: r.get(4)?,
                    goldstein: r.get(5)?,
                    date: r.get(6)?,
                    granularity: r.get(7)?,
                    num_mentions: r.get(8)?,
                    num_sources: r.get(9)?,
                    num_articles: r.get(10)?,
                    added: r.get(11)?,
                    doc_id: r.get(12)?,
                    sentence: r.get(13)?,
                    record: serde_json::from_str(&record).unwrap_or_default(),
                    url: r.get(15)?,
                    outlet: r.get(16)?,
                    title: r.get(17)?,
                    published: r.get(18)?,
                })
            })()
            .map_err(|e| self.err(e))?;
            if f(&e)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Calls `f` on every reported event the filter takes, in ingestion order; `f` says
    /// whether it wrote a row. Returns the rows written.
    pub fn each_report(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(&ReportExport) -> Result<bool, StoreError>,
    ) -> Result<u64, StoreError> {
        let (cond, params) = filter.sql("r", false);
        let sql = format!(
            "SELECT r.record, r.event, e.num_mentions, e.num_sources, e.num_articles, d.url, d.outlet, d.title, d.date
             FROM reports r LEFT JOIN events e ON e.id = r.event JOIN documents d ON d.id = r.doc_id
             WHERE {cond} ORDER BY r.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let rep = (|| -> rusqlite::Result<ReportExport> {
                let event: Option<i64> = r.get(1)?;
                let counts = match event {
                    Some(_) => Some((r.get(2)?, r.get(3)?, r.get(4)?)),
                    None => None,
                };
                Ok(ReportExport {
                    record: r.get(0)?,
                    event,
                    counts,
                    url: r.get(5)?,
                    outlet: r.get(6)?,
                    title: r.get(7)?,
                    published: r.get(8)?,
                })
            })()
            .map_err(|e| self.err(e))?;
            if f(&rep)? {
                n += 1;
            }
        }
        Ok(n)
    }
}

fn csv_err(e: csv::Error) -> StoreError {
    StoreError::Io(std::io::Error::other(e.to_string()))
}

/// A field made safe for tab-separated output: tabs and line breaks become spaces.
pub(crate) fn tsv(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) { s.replace(['\t', '\n', '\r'], " ") } else { s.to_string() }
}

/// The parts of a concatenated actor code (`RUSGOVMIL` → `RUS`, `GOV`, `MIL`).
pub(crate) fn parts(code: &str) -> Vec<&str> {
    (0..code.len() / 3).filter_map(|i| code.get(3 * i..3 * i + 3)).collect()
}

/// The text of `v[a][b]` as a string ("" when absent).
pub(crate) fn text<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut v = v;
    for p in path {
        v = &v[*p];
    }
    v.as_str().unwrap_or("")
}
