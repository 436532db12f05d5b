//! The scorer.

use std::collections::BTreeMap;

use attache_coder::Event;
use serde::Serialize;

use crate::gold::{GoldDoc, GoldEvent};
use crate::matching::max_matching;

/// The strictness of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Two-digit root; first three letters of source and target.
    Root,
    /// Full code (or an accepted one); first three letters of source and target.
    Code,
    /// Full code; actor codes equal in full.
    Strict,
}

impl Level {
    /// All levels, loosest first.
    pub const ALL: [Level; 3] = [Level::Root, Level::Code, Level::Strict];

    /// The level's name.
    pub fn name(self) -> &'static str {
        match self {
            Level::Root => "root",
            Level::Code => "code",
            Level::Strict => "strict",
        }
    }
}

/// A predicted event, as the scorer sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Source actor code.
    pub source: String,
    /// Target actor code (`""` for none).
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// Date value.
    pub date: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// The evidence sentence.
    pub evidence: String,
    /// Whether it counts (not negated, not hypothetical).
    pub factual: bool,
}

impl From<&Event> for Prediction {
    fn from(e: &Event) -> Prediction {
        Prediction {
            source: e.source.code_str(),
            target: e.target.code_str(),
            code: e.cameo.to_string(),
            date: e.date.value.clone(),
            plover: e.plover.kind.map(|k| k.to_string()),
            evidence: e.evidence.clone(),
            factual: e.is_factual(),
        }
    }
}

/// Counts and rates at one level.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LevelScore {
    /// Required gold events.
    pub required: usize,
    /// Required gold events matched.
    pub found: usize,
    /// Predictions (factual ones).
    pub predicted: usize,
    /// Predictions matched to a gold event (required or optional).
    pub matched: usize,
    /// matched / predicted.
    pub precision: f64,
    /// found / required.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl LevelScore {
    fn finish(&mut self) {
        self.precision = if self.predicted == 0 {
            if self.required == 0 { 1.0 } else { 0.0 }
        } else {
            self.matched as f64 / self.predicted as f64
        };
        self.recall = if self.required == 0 { 1.0 } else { self.found as f64 / self.required as f64 };
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

/// A gold event that was not found, or a prediction that matched nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    /// The document.
    pub doc_id: String,
    /// `source target code` of the event.
    pub event: String,
    /// The gold evidence phrase or the predicted event's sentence.
    pub evidence: String,
}

/// Counts per CAMEO root.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RootScore {
    /// Required gold events with this root.
    pub required: usize,
    /// Of them, found at the root level.
    pub found: usize,
    /// Predictions with this root.
    pub predicted: usize,
    /// Of them, matched at the root level.
    pub matched: usize,
}

/// Date accuracy on matched events with a gold date.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DateScore {
    /// Matched events (code level) whose gold event has a date.
    pub scored: usize,
    /// The predicted date at its granularity equals the gold string.
    pub exact: usize,
    /// One is a prefix of the other.
    pub lenient: usize,
}

/// Label recall for document-label gold.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LabelScore {
    /// Labels.
    pub labels: usize,
    /// Labels for which some event of the document has the type.
    pub hit: usize,
}

/// Exactly-right records per category (all required gold events matched at the strict
/// level and no false alarm).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CategoryScore {
    /// Records.
    pub records: usize,
    /// Exactly right.
    pub exact: usize,
}

/// Accumulates scores over documents.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    pub(crate) levels: BTreeMap<Level, LevelScore>,
    pub(crate) roots: BTreeMap<String, RootScore>,
    pub(crate) dates: DateScore,
    pub(crate) misses: Vec<Error>,
    pub(crate) false_alarms: Vec<Error>,
    pub(crate) labels: BTreeMap<String, LabelScore>,
    pub(crate) categories: BTreeMap<String, CategoryScore>,
    pub(crate) documents: usize,
    pub(crate) event_documents: usize,
    pub(crate) label_documents: usize,
}

fn primary(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// PETRARCH's gold writes a missing actor `---`: the empty code.
fn no_actor(x: &str) -> &str {
    if x == "---" { "" } else { x }
}

fn same_primary(a: &str, b: &str) -> bool {
    let (a, b) = (no_actor(a), no_actor(b));
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    attache_ontology::same_country(primary(a), primary(b))
}

fn same_full(a: &str, b: &str) -> bool {
    same_primary(a, b) && a.get(3..).unwrap_or("") == b.get(3..).unwrap_or("")
}

fn codes_of(g: &GoldEvent) -> impl Iterator<Item = &str> {
    std::iter::once(g.code.as_str()).chain(g.accept.iter().map(String::as_str))
}

/// Whether prediction `p` matches gold `g` at `level`.
pub fn matches(level: Level, p: &Prediction, g: &GoldEvent) -> bool {
    let code_ok = match level {
        Level::Root => codes_of(g).any(|c| c.get(..2) == p.code.get(..2)),
        Level::Code | Level::Strict => codes_of(g).any(|c| c == p.code),
    };
    if !code_ok {
        return false;
    }
    match level {
        Level::Root | Level::Code => same_primary(&p.source, &g.source) && same_primary(&p.target, &g.target),
        Level::Strict => same_full(&p.source, &g.source) && same_full(&p.target, &g.target),
    }
}

fn describe_gold(g: &GoldEvent) -> String {
    format!("{} {} {}", g.source, if g.target.is_empty() { "-" } else { &g.target }, g.code)
}

fn describe_pred(p: &Prediction) -> String {
    format!("{} {} {}", p.source, if p.target.is_empty() { "-" } else { &p.target }, p.code)
}

impl Scorer {
    /// A new scorer.
    pub fn new() -> Scorer {
        let mut s = Scorer::default();
        for l in Level::ALL {
            s.levels.insert(l, LevelScore::default());
        }
        s
    }

    /// Scores one document's predictions.
    pub fn add(&mut self, gold: &GoldDoc, predictions: &[Prediction]) {
        self.documents += 1;
        let preds: Vec<&Prediction> = predictions.iter().filter(|p| p.factual).collect();
        if let Some(labels) = &gold.labels {
            self.label_documents += 1;
            for l in labels {
                let e = self.labels.entry(l.plover.to_uppercase()).or_default();
                e.labels += 1;
                if preds.iter().any(|p| p.plover.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&l.plover))) {
                    e.hit += 1;
                }
            }
        }
        let Some(events) = &gold.events else { return };
        self.event_documents += 1;
        // required first, then optional
        let order: Vec<usize> = (0..events.len())
            .filter(|&i| events[i].required)
            .chain((0..events.len()).filter(|&i| !events[i].required))
            .collect();
        let mut pairing: BTreeMap<Level, Vec<Option<usize>>> = BTreeMap::new();
        for level in Level::ALL {
            let edges: Vec<Vec<usize>> =
                events.iter().map(|g| (0..preds.len()).filter(|&p| matches(level, preds[p], g)).collect()).collect();
            let m = max_matching(&edges, preds.len(), &order);
            let s = self.levels.entry(level).or_default();
            s.required += events.iter().filter(|g| g.required).count();
            s.found += events.iter().zip(&m).filter(|(g, p)| g.required && p.is_some()).count();
            s.predicted += preds.len();
            s.matched += m.iter().filter(|p| p.is_some()).count();
            pairing.insert(level, m);
        }
        // per root (root level)
        let root_pairs = &pairing[&Level::Root];
        for (g, p) in events.iter().zip(root_pairs) {
            if g.required {
                let r = self.roots.entry(g.code.get(..2).unwrap_or("").to_string()).or_default();
                r.required += 1;
                r.found += usize::from(p.is_some());
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            let r = self.roots.entry(p.code.get(..2).unwrap_or("").to_string()).or_default();
            r.predicted += 1;
            r.matched += usize::from(root_pairs.contains(&Some(pi)));
        }
        // dates, on code-level pairs
        for (g, p) in events.iter().zip(&pairing[&Level::Code]) {
            if let (Some(gd), Some(p)) = (g.date.as_deref(), p) {
                let pd = preds[*p].date.as_str();
                self.dates.scored += 1;
                if pd == gd {
                    self.dates.exact += 1;
                }
                if !pd.is_empty() && (pd.starts_with(gd) || gd.starts_with(pd)) {
                    self.dates.lenient += 1;
                }
            }
        }
        // misses and false alarms at the code level
        let code_pairs = &pairing[&Level::Code];
        for (g, p) in events.iter().zip(code_pairs) {
            if g.required && p.is_none() {
                self.misses.push(Error {
                    doc_id: gold.id.clone(),
                    event: describe_gold(g),
                    evidence: g.evidence.clone().unwrap_or_else(|| snippet(&gold.text)),
                });
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            if !code_pairs.contains(&Some(pi)) {
                self.false_alarms.push(Error {
                    doc_id: gold.id.clone(),
                    event: describe_pred(p),
                    evidence: p.evidence.clone(),
                });
            }
        }
        // exactly right records
        let strict = &pairing[&Level::Strict];
        let all_required = events.iter().zip(strict).all(|(g, p)| !g.required || p.is_some());
        let no_false_alarm = (0..preds.len()).all(|pi| strict.contains(&Some(pi)));
        let cat = self.categories.entry(gold.category.clone().unwrap_or_else(|| "all".into())).or_default();
        cat.records += 1;
        cat.exact += usize::from(all_required && no_false_alarm);
    }

    /// The scores at one level.
    pub fn level(&self, level: Level) -> LevelScore {
        let mut s = self.levels.get(&level).cloned().unwrap_or_default();
        s.finish();
        s
    }
}

fn snippet(text: &str) -> String {
    let t: String = text.chars().take(160).collect();
    if t.len() < text.len() { format!("{t}…") } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(events: &[(&str, &str, &str, &[&str], bool)]) -> GoldDoc {
        GoldDoc {
            id: "d".into(),
            date: None,
            text: "t".into(),
            events: Some(
                events
                    .iter()
                    .map(|(s, t, c, acc, req)| GoldEvent {
                        source: s.to_string(),
                        target: t.to_string(),
                        code: c.to_string(),
                        accept: acc.iter().map(|a| a.to_string()).collect(),
                        required: *req,
                        date: None,
                        evidence: None,
                    })
                    .collect(),
            ),
            labels: None,
            dictionaries: None,
            category: None,
            config: None,
        }
    }

    fn pred(s: &str, t: &str, c: &str) -> Prediction {
        Prediction {
            source: s.into(),
            target: t.into(),
            code: c.into(),
            date: String::new(),
            plover: None,
            evidence: String::new(),
            factual: true,
        }
    }

    #[test]
    fn levels() {
        let g = gold(&[("FRA", "RUSGOV", "161", &["174"], true)]);
        let mut s = Scorer::new();
        s.add(&g, &[pred("FRAGOV", "RUS", "174")]);
        assert_eq!(s.level(Level::Root).found, 1);
        assert_eq!(s.level(Level::Code).found, 1);
        assert_eq!(s.level(Level::Strict).found, 0);
        let mut s = Scorer::new();
        s.add(&g, &[pred("FRA", "RUSGOV", "163")]);
        assert_eq!(s.level(Level::Root).found, 1);
        assert_eq!(s.level(Level::Code).found, 0);
    }

    #[test]
    fn duplicates_are_false_alarms_and_optional_events_neutral() {
        let g = gold(&[("FRA", "RUS", "161", &[], true), ("RUS", "FRA", "161", &[], false)]);
        let mut s = Scorer::new();
        s.add(&g, &[pred("FRA", "RUS", "161"), pred("FRA", "RUS", "161"), pred("RUS", "FRA", "161")]);
        let c = s.level(Level::Code);
        assert_eq!((c.required, c.found, c.predicted, c.matched), (1, 1, 3, 2));
        assert!((c.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(c.recall, 1.0);
    }

    #[test]
    fn synonyms_and_empty_targets() {
        let g = gold(&[("ROU", "", "141", &[], true)]);
        let mut s = Scorer::new();
        s.add(&g, &[pred("ROM", "", "141")]);
        assert_eq!(s.level(Level::Strict).found, 1);
        let mut s = Scorer::new();
        s.add(&g, &[pred("ROU", "HUN", "141")]);
        assert_eq!(s.level(Level::Root).found, 0);
        // PETRARCH's `---` is no actor
        let g = gold(&[("---GOV", "---", "023", &[], true)]);
        let mut s = Scorer::new();
        s.add(&g, &[pred("---GOV", "", "023")]);
        assert_eq!(s.level(Level::Strict).found, 1);
    }

    #[test]
    fn non_factual_predictions_do_not_count() {
        let g = gold(&[]);
        let mut s = Scorer::new();
        let mut p = pred("FRA", "RUS", "190");
        p.factual = false;
        s.add(&g, &[p]);
        assert_eq!(s.level(Level::Code).predicted, 0);
    }
}
