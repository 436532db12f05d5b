//! Events by actor, code, date and text, newest first (`attache query`).

use rusqlite::params_from_iter;
use serde::Serialize;

use crate::{Filter, Store, StoreError};

/// A de-duplicated event, as a query returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The GlobalEventID.
    pub id: i64,
    /// The date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or empty).
    pub date: String,
    /// The source actor code.
    pub source: String,
    /// The words naming the source in the first report.
    pub source_text: String,
    /// The CAMEO code.
    pub cameo: String,
    /// Its name.
    pub cameo_name: String,
    /// The target actor code (empty for none).
    pub target: String,
    /// The words naming the target in the first report.
    pub target_text: String,
    /// QuadClass, 1–4.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// Sentences telling it, over all documents.
    pub num_mentions: i64,
    /// Distinct outlets.
    pub num_sources: i64,
    /// Documents.
    pub num_articles: i64,
    /// The first report's document.
    pub doc_id: String,
    /// The first report's sentence.
    pub evidence: String,
}

impl Store {
    /// The events the filter takes, newest first (then highest id), at most `limit`.
    pub fn query(&self, filter: &Filter, limit: usize) -> Result<Vec<EventRow>, StoreError> {
        let (cond, params) = filter.sql("e", true);
        let sql = format!(
            "SELECT e.id, e.date, e.source, e.cameo, e.target, e.quad, e.goldstein, e.num_mentions, e.num_sources,
                    e.num_articles, r.doc_id, r.evidence, r.record
             FROM events e JOIN reports r ON r.id = e.first_report
             WHERE {cond} ORDER BY e.date DESC, e.id DESC LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(params), |r| {
                let record: String = r.get(12)?;
                let v: serde_json::Value = serde_json::from_str(&record).unwrap_or_default();
                let cameo: String = r.get(3)?;
                Ok(EventRow {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    source: r.get(2)?,
                    source_text: v["source"]["text"].as_str().unwrap_or("").to_string(),
                    cameo_name: v["cameo_name"].as_str().unwrap_or("").to_string(),
                    cameo,
                    target: r.get(4)?,
                    target_text: v["target"]["text"].as_str().unwrap_or("").to_string(),
                    quad_class: r.get(5)?,
                    goldstein: r.get(6)?,
                    num_mentions: r.get(7)?,
                    num_sources: r.get(8)?,
                    num_articles: r.get(9)?,
                    doc_id: r.get(10)?,
                    evidence: r.get(11)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }
}
