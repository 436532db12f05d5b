//! Writing a batch of coded documents: one transaction, so that a batch is in the store
//! whole or not at all, and a document is marked done only together with its events.

use attache_coder::Actor;
use attache_io::{Locator, Origin, Skip};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::dedupe::{self, DateKey};
use crate::{Prepared, Store, StoreError};

/// What a batch added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Documents written.
    pub documents: u64,
    /// Documents already in the store (same id, same text): nothing written.
    pub present: u64,
    /// Documents with the text of an earlier one: kept as duplicates, without events.
    pub duplicates: u64,
    /// Events reported by the new documents.
    pub reports: u64,
    /// New de-duplicated events.
    pub events: u64,
    /// Reports that joined an event already stored (cross-story duplicates).
    pub merged: u64,
    /// Records refused because their id is already used by another text.
    pub conflicts: Vec<Skip>,
}

impl BatchOutcome {
    /// Adds another batch's counts.
    pub fn add(&mut self, o: BatchOutcome) {
        self.documents += o.documents;
        self.present += o.present;
        self.duplicates += o.duplicates;
        self.reports += o.reports;
        self.events += o.events;
        self.merged += o.merged;
        self.conflicts.extend(o.conflicts);
    }
}

impl Store {
    /// Writes a batch of documents and the skips met while reading them, in one
    /// transaction. `added` is the time stamp of new events (GDELT's DATEADDED,
    /// `YYYYMMDDHHMMSS`).
    ///
    /// A document already in the store is passed over, so writing a batch twice adds
    /// nothing. On error nothing of the batch is written.
    pub fn write_batch(&mut self, docs: &[Prepared], skips: &[Skip], added: &str) -> Result<BatchOutcome, StoreError> {
        let window = self.window_days;
        let (path, busy) = (self.path.clone(), self.busy_ms);
        let err = |e| crate::error::classify(e, &path, busy);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        // on error the transaction is dropped, which rolls it back
        let outcome = write(&tx, docs, skips, added, window).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(outcome)
    }
}

fn write(
    tx: &Transaction,
    docs: &[Prepared],
    skips: &[Skip],
    added: &str,
    window: u32,
) -> rusqlite::Result<BatchOutcome> {
    let mut out = BatchOutcome::default();
    for s in skips {
        tx.prepare_cached("INSERT OR IGNORE INTO skips (source, line, reason) VALUES (?1, ?2, ?3)")?
            .execute(params![s.source, s.line as i64, s.reason])?;
    }
    for p in docs {
        let n_events = p.events.len() as i64;
        let inserted = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO documents (id, hash, date, url, outlet, title, sentences, events)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                p.id,
                p.hash,
                p.date.map(|d| d.to_string()),
                p.url,
                p.outlet,
                p.title,
                p.sentences as i64,
                n_events
            ])?;
        if inserted == 0 {
            let stored: Option<String> = tx
                .prepare_cached("SELECT hash FROM documents WHERE id = ?1")?
                .query_row([&p.id], |r| r.get(0))
                .optional()?;
            if stored.as_deref() == Some(p.hash.as_str()) {
                out.present += 1;
            } else {
                let s = conflict(&p.origin, &p.id);
                tx.prepare_cached("INSERT OR IGNORE INTO skips (source, line, reason) VALUES (?1, ?2, ?3)")?
                    .execute(params![s.source, s.line as i64, s.reason])?;
                out.conflicts.push(s);
            }
            continue;
        }
        out.documents += 1;
        tx.prepare_cached(
            "INSERT INTO provenance (doc_id, source, locator, kind, bytes, cut_bytes, coder)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            p.id,
            p.origin.source,
            p.origin.locator.to_string(),
            p.origin.kind.as_str(),
            p.origin.bytes as i64,
            p.origin.cut as i64,
            concat!("attache ", env!("CARGO_PKG_VERSION"))
        ])?;
        let original: Option<String> = tx
            .prepare_cached(
                "SELECT id FROM documents WHERE hash = ?1 AND duplicate_of IS NULL AND id <> ?2 ORDER BY rowid LIMIT 1",
            )?
            .query_row(params![p.hash, p.id], |r| r.get(0))
            .optional()?;
        if let Some(original) = original {
            tx.prepare_cached("UPDATE documents SET duplicate_of = ?1, events = 0 WHERE id = ?2")?
                .execute(params![original, p.id])?;
            out.duplicates += 1;
            continue;
        }
        let source_key = p.source_key();
        for pe in &p.events {
            let e = &pe.event;
            let key = DateKey::of(e);
            let factual = e.is_factual();
            tx.prepare_cached(
                "INSERT INTO reports (doc_id, event_id, event, sentence, date, granularity, day, source, target,
                     cameo, root, quad, goldstein, plover, mode, factual, confidence, outlet_key, evidence, record)
                 VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            )?
            .execute(params![
                p.id,
                e.id,
                e.sentence as i64,
                key.value,
                key.granularity,
                key.day,
                e.source.code_str(),
                e.target.code_str(),
                e.cameo.as_str(),
                e.root.as_str(),
                e.quad_class.number(),
                e.goldstein as f64,
                e.plover.kind.map(|k| k.as_str()),
                e.plover.mode,
                factual,
                e.confidence as f64,
                source_key,
                e.evidence,
                pe.record
            ])?;
            let report = tx.last_insert_rowid();
            out.reports += 1;
            let event = if factual {
                let id = match dedupe::find(tx, e, &key, window, &p.id)? {
                    Some(id) => {
                        tx.prepare_cached("UPDATE reports SET event = ?1 WHERE id = ?2")?
                            .execute(params![id, report])?;
                        tx.prepare_cached(
                            "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + 1,
                                num_sources = (SELECT COUNT(DISTINCT outlet_key) FROM reports WHERE event = ?1)
                             WHERE id = ?1",
                        )?
                        .execute(params![id, e.mentions.len() as i64])?;
                        out.merged += 1;
                        id
                    }
                    None => {
                        tx.prepare_cached(
                            "INSERT INTO events (source, source_country, target, target_country, cameo, root, quad,
                                 goldstein, date, granularity, day, first_report, num_mentions, num_sources,
                                 num_articles, added)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, 1, ?14)",
                        )?
                        .execute(params![
                            e.source.code_str(),
                            e.source.country,
                            e.target.code_str(),
                            e.target.country,
                            e.cameo.as_str(),
                            e.root.as_str(),
                            e.quad_class.number(),
                            e.goldstein as f64,
                            key.value,
                            key.granularity,
                            key.day,
                            report,
                            e.mentions.len() as i64,
                            added
                        ])?;
                        let id = tx.last_insert_rowid();
                        tx.prepare_cached("UPDATE reports SET event = ?1 WHERE id = ?2")?
                            .execute(params![id, report])?;
                        out.events += 1;
                        id
                    }
                };
                Some(id)
            } else {
                None
            };
            for (m, text) in e.mentions.iter().zip(&pe.mentions) {
                tx.prepare_cached(
                    "INSERT INTO mentions (report, event, doc_id, outlet, sentence, evidence, start, end,
                         trigger_start, trigger_end)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    report,
                    event,
                    p.id,
                    p.outlet,
                    m.sentence as i64,
                    text,
                    m.span.start,
                    m.span.end,
                    m.trigger.start,
                    m.trigger.end
                ])?;
            }
            let actor = |role: &str, a: &Actor| -> rusqlite::Result<()> {
                if a.code.is_none() {
                    return Ok(());
                }
                tx.prepare_cached(
                    "INSERT INTO actors (report, role, code, country, text, start, end, antecedent)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    report,
                    role,
                    a.code_str(),
                    a.country,
                    a.text,
                    a.span.map(|s| s.start),
                    a.span.map(|s| s.end),
                    a.antecedent
                ])?;
                Ok(())
            };
            actor("source", &e.source)?;
            actor("target", &e.target)?;
            for a in &e.attribution {
                actor("attribution", a)?;
            }
        }
    }
    Ok(out)
}

/// The skip for a record whose id is already used by another text.
pub(crate) fn conflict(origin: &Origin, id: &str) -> Skip {
    skip_for(
        origin,
        format!(
            "the id `{id}` is already in the store for another text; this record was not stored \
             (give it an id of its own)"
        ),
    )
}

/// A skip naming the record at `origin`.
pub(crate) fn skip_for(origin: &Origin, reason: String) -> Skip {
    match origin.locator {
        Locator::Line(n) => Skip { source: origin.source.clone(), line: n, reason },
        Locator::Whole => Skip { source: origin.source.clone(), line: 0, reason },
        l => Skip { source: origin.source.clone(), line: 0, reason: format!("{l}: {reason}") },
    }
}
