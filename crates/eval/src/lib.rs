//! Scoring coded events against gold files, as `../shared/eval/FORMAT.md` defines it.
//!
//! * **Event gold**: per document, predictions and gold events are paired one to one by a
//!   maximum bipartite matching, required gold events first, then optional ones; every
//!   prediction left unpaired is a false alarm. Three levels: `root` (two-digit root and
//!   the first three letters of both actors), `code` (the full code or one of `accept`)
//!   and `strict` (code, and the actor codes equal in full). Dates are scored on events
//!   paired at the code level that have a gold date: exact, or lenient (one a prefix of
//!   the other).
//! * **Document-label gold**: the share of documents for which some event has the
//!   labelled PLOVER type, overall and per type.
//!
//! Negated and hypothetical predictions are not events and are not scored.

#![warn(missing_docs)]

mod gold;
mod matching;
mod report;
mod score;

pub use gold::{GoldDoc, GoldEvent, GoldLabel, read_gold};
pub use report::Report;
pub use score::{
    CategoryScore, DateScore, Error, LabelScore, Level, LevelScore, Prediction, RootScore, Scorer, matches,
};
