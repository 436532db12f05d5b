//! The event record: what attache publishes for every event.
//!
//! The JSON form of [`Event`] is a contract (see `../shared/eval/FORMAT.md`): `doc_id`,
//! `source.code`, `target.code`, `cameo`, `plover.type`, `date.value`,
//! `modality.negated`, `modality.hypothetical` and `reciprocates` are read by scorers and
//! by users' pipelines. Every other field is evidence: the sentence, the spans, the
//! dictionary entries and the rule that produced the event, so that an analyst can check
//! every row against its text.
//!
//! Spans are **Unicode scalar offsets** into the document text (what Python's and
//! JavaScript's string slicing use), end-exclusive.

use attache_ontology::{ActorCode, CameoCode, PloverType, QuadClass};
use serde::Serialize;

/// A span of the document text, in Unicode scalar offsets, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct Span {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
}

/// An actor of an event: its CAMEO code and where the text names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// The CAMEO actor code (`RUSGOV`); the empty string for "no actor".
    #[serde(serialize_with = "ser_code")]
    pub code: Option<ActorCode>,
    /// The words of the text that name the actor.
    pub text: String,
    /// Where.
    pub span: Option<Span>,
    /// The country or organisation part of the code, for convenience.
    pub country: String,
    /// When the actor was found through a pronoun or description ("him", "the ministry"),
    /// the words of the antecedent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<String>,
    /// When the text names no such actor and it was inferred: `"place"` (the country
    /// where the event happened; `text` and `span` are the place) or `"home"` (a
    /// target that is the source's own country; no text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<&'static str>,
}

fn ser_code<S: serde::Serializer>(c: &Option<ActorCode>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.collect_str(c),
        None => s.serialize_str(""),
    }
}

impl Actor {
    /// No actor (an event without a target).
    pub fn none() -> Actor {
        Actor { code: None, text: String::new(), span: None, country: String::new(), antecedent: None, inferred: None }
    }

    /// The code as a string (`""` for none).
    pub fn code_str(&self) -> String {
        self.code.map(|c| c.to_string()).unwrap_or_default()
    }
}

/// PLOVER type and mode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    /// The PLOVER event type (`null` for CAMEO 01 statements).
    #[serde(rename = "type")]
    pub kind: Option<PloverType>,
    /// The mode, when the mapping gives one.
    pub mode: Option<String>,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A year.
    Year,
    /// A month.
    Month,
    /// A day.
    Day,
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A temporal expression of the event's own sentence.
    Text,
    /// A temporal expression of an earlier sentence the narrative continues from.
    Inherited,
    /// Nothing in the text dates the event: the publication date.
    Publication,
    /// A relative expression ("on Friday") that could not be resolved because the
    /// document has no publication date.
    Unresolved,
    /// No date at all.
    None,
}

/// The date of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    pub value: String,
    /// The precision of `value`.
    pub granularity: Option<Granularity>,
    /// Where it came from.
    pub source: DateSource,
    /// The phrase of the text it was read from ("at the end of 2020").
    pub phrase: Option<String>,
    /// Where that phrase is.
    pub span: Option<Span>,
}

/// Modality flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Modality {
    /// The text says the event did not happen ("did not attack", "denied expelling").
    pub negated: bool,
    /// The text says the event may happen ("could", "if", "would").
    pub hypothetical: bool,
    /// The event is announced for the future ("will", "plans to").
    pub future: bool,
    /// The text hedges ("alleged", "reportedly").
    pub hedged: bool,
    /// The text says it happened in secret ("secretly").
    pub secret: bool,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// The place as named.
    pub name: String,
    /// Its country code.
    pub country: String,
    /// Where.
    pub span: Option<Span>,
}

/// What produced an event: the rule and the dictionary entries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    /// The kind of rule: `verb`, `noun`, `light-verb`, `mirror`.
    pub rule: String,
    /// The pattern as written in the dictionary.
    pub pattern: String,
    /// The dictionary file and line of the pattern.
    pub entry: String,
    /// The dictionary entries that named the actors (file:line).
    pub actor_entries: Vec<String>,
}

/// One mention of an event in the text (an event told twice has two).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The sentence index.
    pub sentence: usize,
    /// The sentence's span.
    pub span: Span,
    /// The trigger's span (the verb or noun that coded the event).
    pub trigger: Span,
}

/// A coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// A stable id: the document id and a sequence number (`doc-3`).
    pub id: String,
    /// The document's id.
    pub doc_id: String,
    /// The index of the sentence of the first mention.
    pub sentence: usize,
    /// The sentence of the first mention.
    pub evidence: String,
    /// Who did it.
    pub source: Actor,
    /// To whom (`code` empty when there is no target).
    pub target: Actor,
    /// The CAMEO code.
    pub cameo: CameoCode,
    /// The CAMEO name of the code.
    pub cameo_name: &'static str,
    /// The CAMEO root (`"16"`).
    pub root: CameoCode,
    /// The words that triggered the event ("expelled").
    pub trigger: String,
    /// PLOVER type and mode.
    pub plover: Plover,
    /// Goldstein value of the code.
    pub goldstein: f32,
    /// QuadClass (1–4, GDELT's rule).
    pub quad_class: QuadClass,
    /// When.
    pub date: EventDate,
    /// Where, when the text says.
    pub location: Option<Location>,
    /// Negation, hypothesis, future, hedge, secrecy.
    pub modality: Modality,
    /// Who reports it ("Les Echos", "according to reliable sources").
    pub attribution: Vec<Actor>,
    /// The id of the event this one answers (a reciprocal expulsion), if any.
    pub reciprocates: Option<String>,
    /// How sure the coder is, 0 to 1.
    pub confidence: f32,
    /// The rule and entries that produced it.
    pub provenance: Provenance,
    /// Every place the text tells this event.
    pub mentions: Vec<Mention>,
}

impl Event {
    /// Whether the event counts as having happened (not negated, not hypothetical).
    pub fn is_factual(&self) -> bool {
        !self.modality.negated && !self.modality.hypothetical
    }
}
