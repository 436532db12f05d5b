//! The report of a scoring run, as text for people and JSON for programs.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::score::{CategoryScore, DateScore, Error, LabelScore, Level, LevelScore, RootScore, Scorer};

/// Everything `attache eval` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Documents with event gold.
    pub event_documents: usize,
    /// Documents with label gold.
    pub label_documents: usize,
    /// Scores per level.
    pub levels: BTreeMap<Level, LevelScore>,
    /// Per CAMEO root (root level).
    pub roots: BTreeMap<String, RootScore>,
    /// Dates.
    pub dates: DateScore,
    /// Label recall overall.
    pub label_recall: Option<f64>,
    /// Label recall per PLOVER type.
    pub labels: BTreeMap<String, LabelScore>,
    /// Exactly-right records per category.
    pub categories: BTreeMap<String, CategoryScore>,
    /// Required gold events not found (code level).
    pub misses: Vec<Error>,
    /// Predictions that matched nothing (code level).
    pub false_alarms: Vec<Error>,
    /// Things the run could not do as the gold file asks.
    pub notes: Vec<String>,
}

impl Scorer {
    /// The report of everything added so far.
    pub fn report(&self, notes: Vec<String>) -> Report {
        let total_labels: usize = self.labels.values().map(|l| l.labels).sum();
        let hits: usize = self.labels.values().map(|l| l.hit).sum();
        Report {
            documents: self.documents,
            event_documents: self.event_documents,
            label_documents: self.label_documents,
            levels: Level::ALL.iter().map(|l| (*l, self.level(*l))).collect(),
            roots: self.roots.clone(),
            dates: self.dates.clone(),
            label_recall: (total_labels > 0).then(|| hits as f64 / total_labels as f64),
            labels: self.labels.clone(),
            categories: self.categories.clone(),
            misses: self.misses.clone(),
            false_alarms: self.false_alarms.clone(),
            notes,
        }
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 { "   -  ".into() } else { format!("{:5.1}%", 100.0 * a as f64 / b as f64) }
}

impl Report {
    /// A named figure, for floors (`code.f1`, `root.recall`, `date.exact`,
    /// `label.recall`, `label.min`, `exact`).
    pub fn figure(&self, name: &str) -> Option<f64> {
        if let Some((level, what)) = name.split_once('.') {
            let l = match level {
                "root" => Some(Level::Root),
                "code" => Some(Level::Code),
                "strict" => Some(Level::Strict),
                _ => None,
            };
            if let Some(l) = l {
                let s = self.levels.get(&l)?;
                return match what {
                    "f1" => Some(s.f1),
                    "precision" => Some(s.precision),
                    "recall" => Some(s.recall),
                    "found" => Some(s.found as f64),
                    _ => None,
                };
            }
        }
        match name {
            "date.exact" => Some(self.dates.exact as f64 / self.dates.scored.max(1) as f64),
            "date.exact_count" => Some(self.dates.exact as f64),
            "date.lenient" => Some(self.dates.lenient as f64 / self.dates.scored.max(1) as f64),
            "label.recall" => self.label_recall,
            "label.min" => {
                self.labels.values().filter(|l| l.labels > 0).map(|l| l.hit as f64 / l.labels as f64).reduce(f64::min)
            }
            "exact" => {
                let (r, e) = self.categories.values().fold((0, 0), |(r, e), c| (r + c.records, e + c.exact));
                Some(e as f64 / r.max(1) as f64)
            }
            _ => None,
        }
    }

    /// The report as text; `errors` caps the misses and false alarms listed.
    pub fn to_text(&self, errors: usize) -> String {
        let mut o = String::new();
        for n in &self.notes {
            let _ = writeln!(o, "NOTE: {n}");
        }
        let _ = writeln!(
            o,
            "documents: {} ({} with events gold, {} with labels)",
            self.documents, self.event_documents, self.label_documents
        );
        if self.event_documents > 0 {
            let _ = writeln!(o, "\nlevel    precision  recall     F1   found/required  matched/predicted");
            for (l, s) in &self.levels {
                let _ = writeln!(
                    o,
                    "{:<8} {:>8.3} {:>7.3} {:>7.3}   {:>6}/{:<8} {:>6}/{}",
                    l.name(),
                    s.precision,
                    s.recall,
                    s.f1,
                    s.found,
                    s.required,
                    s.matched,
                    s.predicted
                );
            }
            let d = &self.dates;
            let _ = writeln!(
                o,
                "\ndates (code-level matches with a gold date): {} scored, exact {} ({}), lenient {} ({})",
                d.scored,
                d.exact,
                pct(d.exact, d.scored),
                d.lenient,
                pct(d.lenient, d.scored)
            );
            let _ = writeln!(o, "\nper CAMEO root (root level):  root  found/required  matched/predicted");
            for (r, s) in &self.roots {
                let _ = writeln!(
                    o,
                    "    {r:>4}  {:>5}/{:<5} {}   {:>5}/{:<5} {}",
                    s.found,
                    s.required,
                    pct(s.found, s.required),
                    s.matched,
                    s.predicted,
                    pct(s.matched, s.predicted)
                );
            }
            if self.categories.len() > 1 || self.categories.keys().any(|k| k != "all") {
                let _ = writeln!(o, "\nexactly right records per category:");
                for (c, s) in &self.categories {
                    let _ = writeln!(o, "    {c:<12} {:>4}/{:<4} {}", s.exact, s.records, pct(s.exact, s.records));
                }
                let (exact, records) = self.categories.values().fold((0, 0), |(e, r), s| (e + s.exact, r + s.records));
                let _ = writeln!(o, "    {:<12} {exact:>4}/{records:<4} {}", "(all)", pct(exact, records));
            }
        }
        if let Some(r) = self.label_recall {
            let _ = writeln!(o, "\nlabel recall: {r:.3}");
            for (t, s) in &self.labels {
                let _ = writeln!(o, "    {t:<10} {:>5}/{:<5} {}", s.hit, s.labels, pct(s.hit, s.labels));
            }
        }
        if self.event_documents > 0 && errors > 0 {
            let _ = writeln!(o, "\nmisses (required gold events not found, code level): {}", self.misses.len());
            for e in self.misses.iter().take(errors) {
                let _ = writeln!(o, "  - [{}] {}  «{}»", e.doc_id, e.event, e.evidence);
            }
            let _ = writeln!(
                o,
                "\nfalse alarms (predictions matching no gold event, code level): {}",
                self.false_alarms.len()
            );
            for e in self.false_alarms.iter().take(errors) {
                let _ = writeln!(o, "  - [{}] {}  «{}»", e.doc_id, e.event, e.evidence);
            }
        }
        o
    }
}
