//! Cross-story de-duplication: the same event told by several documents is one event.
//!
//! A factual report (neither negated nor hypothetical) joins an existing event when both
//! have the same source code (country and sectors), the same target code, the same CAMEO
//! code, and
//!
//! * dates to the day no more than the store's window apart (±2 days unless set when the
//!   store was made): outlets date an event differently by a day or two ("on Friday"
//!   against "yesterday" in a story filed after midnight);
//! * or the same month or year, when the text gives no more;
//!
//! and when the event has no report from the same document yet (a document telling two
//! expulsions tells two events; its coder already merged the repeated mentions of one).
//! Reports without a date never merge. The nearest event wins, then the oldest.
//!
//! Matching is against events already stored, in input order, so the result depends only
//! on the documents and their order: a resumed run ends with the same events as an
//! uninterrupted one.
//!
//! Each event counts, as GDELT does: NumMentions (sentences telling it, over all its
//! documents), NumArticles (documents) and NumSources (distinct outlets, see
//! [`crate::Prepared::source_key`]).

use attache_coder::{Event, Granularity};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};

/// An event date as stored: the value, its precision, and for dates to the day the day
/// number (days from 0001-01-01, 1-based, so Mondays are 1 mod 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateKey {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or empty.
    pub value: String,
    /// `day`, `month`, `year`, or none.
    pub granularity: Option<&'static str>,
    /// The day number, for dates to the day.
    pub day: Option<i64>,
}

impl DateKey {
    /// The key of an event's date.
    pub fn of(e: &Event) -> DateKey {
        let granularity = e.date.granularity.map(|g| match g {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
        });
        let day = match e.date.granularity {
            Some(Granularity::Day) => {
                NaiveDate::parse_from_str(&e.date.value, "%Y-%m-%d").ok().map(|d| d.num_days_from_ce() as i64)
            }
            _ => None,
        };
        DateKey {
            value: e.date.value.clone(),
            granularity: if e.date.value.is_empty() { None } else { granularity },
            day,
        }
    }
}

/// The event a report joins, if any.
pub(crate) fn find(
    tx: &Transaction,
    e: &Event,
    key: &DateKey,
    window: u32,
    doc_id: &str,
) -> rusqlite::Result<Option<i64>> {
    let (source, target, cameo) = (e.source.code_str(), e.target.code_str(), e.cameo.as_str());
    if let Some(day) = key.day {
        let w = window as i64;
        tx.prepare_cached(
            "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND cameo = ?3 AND day BETWEEN ?4 AND ?5
               AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.event = events.id AND r.doc_id = ?6)
             ORDER BY abs(day - ?7), id LIMIT 1",
        )?
        .query_row(params![source, target, cameo, day - w, day + w, doc_id, day], |r| r.get(0))
        .optional()
    } else if let Some(g) = key.granularity {
        tx.prepare_cached(
            "SELECT id FROM events WHERE source = ?1 AND target = ?2 AND cameo = ?3 AND day IS NULL
               AND date = ?4 AND granularity = ?5
               AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.event = events.id AND r.doc_id = ?6)
             ORDER BY id LIMIT 1",
        )?
        .query_row(params![source, target, cameo, key.value, g, doc_id], |r| r.get(0))
        .optional()
    } else {
        Ok(None)
    }
}
