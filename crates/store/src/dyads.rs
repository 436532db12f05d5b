//! Dyad × time aggregation: how many events each directed pair of countries had per day,
//! week or month, their Goldstein sum and mean, and their QuadClass counts: the
//! series political scientists regress and forecast on.
//!
//! Counted are de-duplicated events (an expulsion told by ten outlets counts once) with
//! a target; the pair is the source's and target's first code (country, or `IGO` etc.).
//! Events dated less precisely than the interval (a month for a daily series) are left
//! out and counted in [`Dyads::imprecise`].

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::{Filter, Store, StoreError};

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interval {
    /// Days (`2021-02-05`).
    Day,
    /// ISO weeks (`2021-W05`).
    Week,
    /// Months (`2021-02`).
    #[default]
    Month,
}

impl FromStr for Interval {
    type Err = String;
    fn from_str(s: &str) -> Result<Interval, String> {
        match s {
            "day" => Ok(Interval::Day),
            "week" => Ok(Interval::Week),
            "month" => Ok(Interval::Month),
            _ => Err(format!("unknown interval `{s}` (day, week, month)")),
        }
    }
}

/// What to count.
#[derive(Debug, Clone, Default)]
pub struct DyadOptions {
    /// Only this pair (source country, target country).
    pub pair: Option<(String, String)>,
    /// With `pair`: count both directions together, as the pair's order.
    pub both_directions: bool,
    /// The period.
    pub interval: Interval,
    /// Which events.
    pub filter: Filter,
}

/// One dyad in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadRow {
    /// The source country (or first code).
    pub source: String,
    /// The target country.
    pub target: String,
    /// The period.
    pub period: String,
    /// Events.
    pub events: u64,
    /// Sum of their Goldstein values.
    pub goldstein_sum: f64,
    /// Mean of their Goldstein values.
    pub goldstein_mean: f64,
    /// Events of QuadClass 1 (verbal cooperation) to 4 (material conflict).
    pub quad: [u64; 4],
}

/// The dyad counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dyads {
    /// By source, target, then period.
    pub rows: Vec<DyadRow>,
    /// Events left out because their date is less precise than the interval.
    pub imprecise: u64,
}

/// The period of a date of the given precision, if it has one at this interval.
fn period(interval: Interval, date: &str, granularity: Option<&str>) -> Option<String> {
    match (interval, granularity) {
        (Interval::Month, Some("day" | "month")) => date.get(..7).map(str::to_string),
        (Interval::Day, Some("day")) => Some(date.to_string()),
        (Interval::Week, Some("day")) => {
            let w = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?.iso_week();
            Some(format!("{}-W{:02}", w.year(), w.week()))
        }
        _ => None,
    }
}

impl Store {
    /// Counts events by dyad and period.
    pub fn dyads(&self, opts: &DyadOptions) -> Result<Dyads, StoreError> {
        let (cond, mut params) = opts.filter.sql("e", true);
        let mut sql = format!(
            "SELECT e.source_country, e.target_country, e.date, e.granularity, e.quad, e.goldstein
             FROM events e WHERE e.target_country <> '' AND {cond}"
        );
        if let Some((a, b)) = &opts.pair {
            params.push(Value::Text(a.to_ascii_uppercase()));
            params.push(Value::Text(b.to_ascii_uppercase()));
            let (x, y) = (params.len() - 1, params.len());
            if opts.both_directions {
                sql.push_str(&format!(
                    " AND ((e.source_country = ?{x} AND e.target_country = ?{y})
                        OR (e.source_country = ?{y} AND e.target_country = ?{x}))"
                ));
            } else {
                sql.push_str(&format!(" AND e.source_country = ?{x} AND e.target_country = ?{y}"));
            }
        }
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(|e| self.err(e))?;
        let mut agg: BTreeMap<(String, String, String), DyadRow> = BTreeMap::new();
        let mut imprecise = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let get = |i| -> Result<String, StoreError> { r.get::<_, String>(i).map_err(|e| self.err(e)) };
            let (mut s, mut t, date) = (get(0)?, get(1)?, get(2)?);
            let granularity: Option<String> = r.get(3).map_err(|e| self.err(e))?;
            let quad: u8 = r.get(4).map_err(|e| self.err(e))?;
            let goldstein: f64 = r.get(5).map_err(|e| self.err(e))?;
            let Some(p) = period(opts.interval, &date, granularity.as_deref()) else {
                imprecise += 1;
                continue;
            };
            if let (Some((a, b)), true) = (&opts.pair, opts.both_directions) {
                (s, t) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
            }
            let row = agg.entry((s.clone(), t.clone(), p.clone())).or_insert_with(|| DyadRow {
                source: s,
                target: t,
                period: p,
                events: 0,
                goldstein_sum: 0.0,
                goldstein_mean: 0.0,
                quad: [0; 4],
            });
            row.events += 1;
            row.goldstein_sum += goldstein;
            row.quad[(quad.clamp(1, 4) - 1) as usize] += 1;
        }
        let rows = agg
            .into_values()
            .map(|mut r| {
                r.goldstein_mean = r.goldstein_sum / r.events as f64;
                r
            })
            .collect();
        Ok(Dyads { rows, imprecise })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(period(Interval::Month, "2021-02-05", Some("day")).as_deref(), Some("2021-02"));
        assert_eq!(period(Interval::Month, "2021-02", Some("month")).as_deref(), Some("2021-02"));
        assert_eq!(period(Interval::Day, "2021-02", Some("month")), None);
        assert_eq!(period(Interval::Week, "2021-01-03", Some("day")).as_deref(), Some("2020-W53"));
        assert_eq!(period(Interval::Week, "2021-02-05", Some("day")).as_deref(), Some("2021-W05"));
        assert_eq!(period(Interval::Month, "2021", Some("year")), None);
    }
}
