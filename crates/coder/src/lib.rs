//! The coder: text in, political events out.
//!
//! [`Coder::code`] runs the whole pipeline on one [`Document`]:
//!
//! 1. the linguistic stages of `attache-text` (segment, tag, chunk);
//! 2. **mentions**: dictionary phrases (countries, people, outlets, agents);
//! 3. **arguments**: noun phrases joined with their `of`/`from`/`in` phrases and
//!    coordination, their actors composed ("the Russian embassy in Paris" → RUSGOV) and
//!    resolved by coreference ("him", "the ministry");
//! 4. **clauses** and **events**: every verb group's subject and objects, matched against
//!    the event patterns (active and passive voice, light verbs, reciprocity);
//! 5. **context**: dates from temporal expressions, modality, attribution, location;
//! 6. **document reasoning**: reciprocal acts linked, mentions of one event merged.
//!
//! Every stage is a pure function of the document and the dictionaries, so a `Coder` is
//! shared between threads and documents are coded in parallel.
//!
//! ```
//! use attache_coder::{Coder, Document};
//! let coder = Coder::builtin();
//! let doc = Document::new("d1", "France expelled two Russian diplomats on Friday.").with_date("2021-02-26");
//! let events = coder.code(&doc).events;
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].source.code_str(), "FRA");
//! assert_eq!(events[0].target.code_str(), "RUSGOV");
//! assert_eq!(events[0].cameo.as_str(), "161");
//! assert_eq!(events[0].date.value, "2021-02-26");
//! ```

#![warn(missing_docs)]

mod args;
mod clauses;
mod coref;
pub mod dates;
mod document;
mod events;
mod explain;
mod mentions;
pub mod record;

use std::sync::Arc;

use attache_dict::{Diagnostic, Dictionaries};
use attache_text::{Analyzer, Doc, Lexicon};
use chrono::NaiveDate;

pub use record::{
    Actor, DateSource, Event, EventDate, Granularity, Location, Mention, Modality, Plover, Provenance, Span,
};

use crate::args::{ActorRef, ArgBuilder};
use crate::coref::Resolver;
use crate::document::{Final, Reasoner};
use crate::events::SentenceCoder;

/// A document to code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Its id, carried to every event.
    pub id: String,
    /// The text.
    pub text: String,
    /// The publication date: relative dates ("on Friday") resolve against it.
    pub date: Option<NaiveDate>,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The headline, if given apart from the text.
    pub title: Option<String>,
}

impl Document {
    /// A document with an id and a text, and no date.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }

    /// The same document with a publication date (`YYYY-MM-DD`); an unparsable date is
    /// ignored.
    pub fn with_date(mut self, date: &str) -> Document {
        self.date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        self
    }
}

/// The result of coding one document.
#[derive(Debug, Clone, Default)]
pub struct Coded {
    /// The events, in text order of their first mention.
    pub events: Vec<Event>,
    /// The number of sentences.
    pub sentences: usize,
    /// Sentences skipped by a discard phrase.
    pub discarded_sentences: usize,
    /// Whether a story discard phrase skipped the whole document.
    pub discarded_story: bool,
}

/// The coder: the dictionaries compiled, and the analyzer taught their verbs.
#[derive(Clone)]
pub struct Coder {
    analyzer: Arc<Analyzer>,
    dicts: Arc<Dictionaries>,
    require_dyad: bool,
}

impl Coder {
    /// A coder over the built-in dictionaries. The built-in set is checked by the test
    /// suite, so it loads without problems.
    pub fn builtin() -> Coder {
        let (d, _) = Dictionaries::builtin();
        Coder::new(d)
    }

    /// A coder over the built-in dictionaries, with the problems found in them.
    pub fn builtin_checked() -> (Coder, Vec<Diagnostic>) {
        let (d, diags) = Dictionaries::builtin();
        (Coder::new(d), diags)
    }

    /// A coder over `dicts`.
    pub fn new(dicts: Dictionaries) -> Coder {
        let mut lexicon = Lexicon::builtin();
        for v in dicts.verb_lemmas() {
            if !v.contains(' ') {
                lexicon.add_verb(v);
            }
        }
        for n in dicts.noun_lemmas() {
            lexicon.add_noun(n);
        }
        // sector nouns are nouns ("the Russian consulate", "charge d'affaires")
        for a in dicts.agents() {
            if !matches!(
                a.kind,
                attache_dict::AgentKind::Noun | attache_dict::AgentKind::Generic | attache_dict::AgentKind::Envoy
            ) {
                continue;
            }
            for p in &a.phrases {
                let last = attache_text::normalize::normalize(p.rsplit(' ').next().unwrap_or(p));
                let known_noun = lexicon.class(&last).is_some_and(|c| c.noun > 0.0);
                if !known_noun
                    && !last.ends_with('s')
                    && last.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                {
                    lexicon.add_noun(&last);
                }
            }
        }
        Coder { analyzer: Arc::new(Analyzer::with_lexicon(lexicon)), dicts: Arc::new(dicts), require_dyad: true }
    }

    /// The same coder with PETRARCH's `require_dyad` setting: with PETRARCH/TABARI
    /// dictionaries ([`Dictionaries::petrarch_conventions`]) an event needs a target
    /// unless this is `false`; an event whose target the text does not name is then
    /// kept with no target (PETRARCH writes `---`). attache's own dictionaries always
    /// keep such events, so the setting changes nothing for them. Cheap: the
    /// dictionaries are shared.
    ///
    /// ```
    /// let coder = attache_coder::Coder::builtin().with_require_dyad(false);
    /// assert!(!coder.requires_dyad());
    /// ```
    pub fn with_require_dyad(&self, require: bool) -> Coder {
        Coder { require_dyad: require, ..self.clone() }
    }

    /// Whether an event needs a target with PETRARCH dictionaries
    /// ([`Coder::with_require_dyad`]); `true` unless set otherwise.
    pub fn requires_dyad(&self) -> bool {
        self.require_dyad
    }

    /// The dictionaries.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// The analyzer (segmenter, tagger, chunker).
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Runs the linguistic stages on `text`, then makes every multi-word name the
    /// dictionaries know one noun phrase ("the United States", "Russia Today"), whatever
    /// the tagger made of its words.
    pub fn analyze(&self, text: &str) -> Doc {
        self.analyze_with_mentions(text).0
    }

    /// [`Coder::analyze`], with the dictionary mentions of each sentence, which coding
    /// needs again (they depend on words and case only, not on tags, so they stay valid
    /// after the retagging).
    fn analyze_with_mentions(&self, text: &str) -> (Doc, Vec<Vec<mentions::Found>>) {
        let mut doc = self.analyzer.analyze(text);
        let mut changed = false;
        let mut all = Vec::with_capacity(doc.sentences().len());
        for si in 0..doc.sentences().len() {
            let range = doc.sentences()[si].tokens.clone();
            let found = mentions::find(&doc, &self.dicts, range);
            for f in &found {
                // a multi-word sector noun is a noun ("charge d'affaires", "head of state")
                if f.end - f.start >= 2 && f.lexemes.iter().all(|l| matches!(l, mentions::Lexeme::Agent(..))) {
                    for t in f.start..f.end {
                        if doc.tokens()[t].tag.is_verb() {
                            doc.set_tag(t, attache_text::Tag::NN);
                            changed = true;
                        }
                    }
                    continue;
                }
                // an agent noun right after a name or nationality ("Osgiliath soldiers",
                // "Russian planes") is a noun, not a verb
                if f.end - f.start == 1
                    && f.lexemes.iter().all(|l| matches!(l, mentions::Lexeme::Agent(..)))
                    && doc.tokens()[f.start].tag.is_verb()
                    && found
                        .iter()
                        .any(|g| g.end == f.start && g.lexemes.iter().any(|l| matches!(l, mentions::Lexeme::Actor(..))))
                {
                    let plural = doc.norm(f.start).ends_with('s');
                    doc.set_tag(f.start, if plural { attache_text::Tag::NNS } else { attache_text::Tag::NN });
                    changed = true;
                    continue;
                }
                // single words too: "Turkey said" is the country, not the bird
                let is_name = f.lexemes.iter().any(|l| {
                    matches!(
                        l,
                        mentions::Lexeme::Person(_)
                            | mentions::Lexeme::Actor(
                                _,
                                attache_dict::ActorKind::Name
                                    | attache_dict::ActorKind::Media
                                    | attache_dict::ActorKind::Capital
                                    | attache_dict::ActorKind::Place
                            )
                    )
                });
                if !is_name {
                    continue;
                }
                for t in f.start..f.end {
                    let tok = &doc.tokens()[t];
                    let proper = matches!(tok.tag, attache_text::Tag::NNP | attache_text::Tag::NNPS);
                    if tok.shape.has(attache_text::Shape::CAPITALIZED) && !proper {
                        doc.set_tag(t, attache_text::Tag::NNP);
                        changed = true;
                    }
                }
            }
            all.push(found);
        }
        if changed {
            attache_text::chunk::chunk(&mut doc);
        }
        (doc, all)
    }

    /// Codes one document.
    ///
    /// A document longer than [`WINDOW`] bytes (no news story is) is coded window by
    /// window, cut at paragraph or sentence ends, so that memory stays bounded whatever
    /// the input; spans, sentence numbers and ids stay those of the whole document.
    pub fn code(&self, document: &Document) -> Coded {
        if document.text.len() <= WINDOW {
            let (doc, found) = self.analyze_with_mentions(&document.text);
            return self.run(document, &doc, Some(found), None);
        }
        let mut all = Coded::default();
        let text = &document.text;
        let mut start = 0usize;
        let mut char_offset = 0u32;
        while start < text.len() {
            let end = window_end(text, start);
            let part = Document { text: text[start..end].to_string(), ..document.clone() };
            let (doc, found) = self.analyze_with_mentions(&part.text);
            let coded = self.run(&part, &doc, Some(found), None);
            let first_id = all.events.len();
            for mut e in coded.events {
                shift(&mut e, char_offset, all.sentences, first_id, &document.id);
                all.events.push(e);
            }
            all.sentences += coded.sentences;
            all.discarded_sentences += coded.discarded_sentences;
            all.discarded_story |= coded.discarded_story;
            char_offset += text[start..end].chars().count() as u32;
            start = end;
        }
        all
    }

    /// Codes a document already analysed by [`Coder::analyzer`].
    pub fn code_analyzed(&self, document: &Document, doc: &Doc) -> Coded {
        self.run(document, doc, None, None)
    }

    /// How the coder reads a document, sentence by sentence: tags, chunks, arguments
    /// with their actors, predicates with their subjects, and the events; for people
    /// writing dictionaries (`attache parse`).
    pub fn explain(&self, document: &Document) -> String {
        let (doc, found) = self.analyze_with_mentions(&document.text);
        let mut trace = String::new();
        let coded = self.run(document, &doc, Some(found), Some(&mut trace));
        trace.push_str(&format!("\n{} events\n", coded.events.len()));
        for e in &coded.events {
            trace.push_str(&format!(
                "  {} {} -> {} {} [{}] {} date={} ({:?}){}\n",
                e.id,
                e.source.code_str(),
                e.target.code_str(),
                e.cameo,
                e.cameo_name,
                e.provenance.rule,
                e.date.value,
                e.date.source,
                e.reciprocates.as_ref().map(|r| format!(" reciprocates={r}")).unwrap_or_default()
            ));
        }
        trace
    }

    fn run(
        &self,
        document: &Document,
        doc: &Doc,
        mentions: Option<Vec<Vec<mentions::Found>>>,
        mut trace: Option<&mut String>,
    ) -> Coded {
        let dicts = &*self.dicts;
        let n = doc.sentences().len();
        let mut coded = Coded { sentences: n, ..Coded::default() };
        let pub_date = document.date;
        let mut known = mentions.filter(|m| m.len() == n);
        let mut found = Vec::with_capacity(n);
        let mut times = Vec::with_capacity(n);
        let mut skip = vec![false; n];
        for (i, s) in doc.sentences().iter().enumerate() {
            let (sentence, story) = mentions::discards(doc, dicts, s.tokens.clone());
            if story {
                coded.discarded_story = true;
                return coded;
            }
            skip[i] = sentence;
            found.push(match &mut known {
                Some(k) => std::mem::take(&mut k[i]),
                None => mentions::find(doc, dicts, s.tokens.clone()),
            });
            times.push(dates::find(doc, s.tokens.clone(), pub_date));
        }
        dates::resolve_narrative(&mut times);
        coded.discarded_sentences = skip.iter().filter(|s| **s).count();
        // The date a person's role is looked up on: the sentence's own date if it has
        // one, else the publication date.
        let role_date = |i: usize| -> Option<NaiveDate> {
            times[i]
                .iter()
                .find_map(|t| t.value)
                .and_then(|v| NaiveDate::from_ymd_opt(v.year, v.month.unwrap_or(6), v.day.unwrap_or(15)))
                .or(pub_date)
        };
        // Arguments of later sentences without coreference, built only when a description
        // looks ahead for its elaboration ("three foreign diplomats ... Diplomats from").
        let first_pass = |i: usize| {
            let s = &doc.sentences()[i];
            let b = ArgBuilder { doc, dicts, found: &found[i], date: role_date(i) };
            b.build(s.chunks.clone(), None, &mut Vec::new())
        };
        let mut resolver = Resolver::new(doc, &first_pass);
        let mut raw = Vec::new();
        let mut attribution: Vec<Vec<ActorRef>> = vec![Vec::new(); n];
        for (i, s) in doc.sentences().iter().enumerate() {
            resolver.sentence = i;
            resolver.sentence_place = sentence_place(doc, &found[i], dicts, s.tokens.start);
            let b = ArgBuilder { doc, dicts, found: &found[i], date: role_date(i) };
            let mut nested = Vec::new();
            let args = b.build(s.chunks.clone(), Some(&mut resolver), &mut nested);
            if skip[i] {
                continue;
            }
            let sc = SentenceCoder::new(doc, dicts, i, &args, &nested, &times[i]);
            let (evs, attr) = sc.code();
            if let Some(t) = trace.as_deref_mut() {
                explain::sentence(t, doc, i, &args, &sc, &evs, &times[i]);
            }
            attribution[i] = attr;
            raw.extend(evs);
        }
        let reasoner = Reasoner {
            doc,
            dicts,
            times: &times,
            pub_date,
            attribution: &attribution,
            require_dyad: self.require_dyad,
        };
        let finals = reasoner.run(raw);
        coded.events = build_records(document, doc, finals);
        coded
    }
}

/// Documents longer than this many bytes are coded in windows of about this size.
pub const WINDOW: usize = 1 << 20;

/// Where the window that starts at `start` ends: the last paragraph break, else line
/// break, else sentence end, else space before the limit (always a char boundary).
fn window_end(text: &str, start: usize) -> usize {
    let limit = start + WINDOW;
    if limit >= text.len() {
        return text.len();
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let slice = &text[start..cut];
    let half = slice.len() / 2;
    for sep in ["\n\n", "\n", ". ", " "] {
        if let Some(i) = slice.rfind(sep).filter(|&i| i > half) {
            return start + i + sep.len();
        }
    }
    cut
}

/// Moves an event coded in a window to the coordinates of the whole document.
fn shift(e: &mut Event, chars: u32, sentences: usize, first_id: usize, doc_id: &str) {
    let renumber = |id: &str| -> String {
        let n: usize = id.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        format!("{doc_id}-{}", first_id + n)
    };
    let mv = |s: &mut Span| {
        s.start += chars;
        s.end += chars;
    };
    e.id = renumber(&e.id);
    e.reciprocates = e.reciprocates.as_deref().map(renumber);
    e.sentence += sentences;
    for a in std::iter::once(&mut e.source).chain(std::iter::once(&mut e.target)).chain(e.attribution.iter_mut()) {
        if let Some(s) = a.span.as_mut() {
            mv(s);
        }
    }
    if let Some(s) = e.date.span.as_mut() {
        mv(s);
    }
    if let Some(l) = e.location.as_mut()
        && let Some(s) = l.span.as_mut()
    {
        mv(s);
    }
    for m in &mut e.mentions {
        m.sentence += sentences;
        mv(&mut m.span);
        mv(&mut m.trigger);
    }
}

/// The country a sentence places itself in: the first place, capital or country named
/// after "in", "at", "across", "throughout" or "near", or opening it as a dateline or a
/// headline's place ("KYIV (Reuters) -", "Nepal: Four killed in air strike").
fn sentence_place(
    doc: &Doc,
    found: &[mentions::Found],
    dicts: &Dictionaries,
    start: usize,
) -> Option<attache_ontology::Code3> {
    found.iter().find_map(|f| {
        let locative =
            f.start > 0 && matches!(doc.norm(f.start - 1), "in" | "at" | "across" | "throughout" | "near" | "inside");
        // a dateline or a headline's place: "KYIV (Reuters) -", "Nepal: Four killed"
        let next = if f.end < doc.tokens().len() { doc.norm(f.end) } else { "" };
        let upper = doc.span_text(f.start, f.end - 1).chars().all(|c| !c.is_lowercase());
        let dateline = f.start == start && (matches!(next, ":" | "(" | "-") || upper && next == ",");
        if !locative && !dateline {
            return None;
        }
        // ("..., relief officials in Nairobi said": where the reporters are is not
        // where the news happened)
        if f.end < doc.tokens().len() && dicts.is_special_verb(doc.lemma(f.end), attache_dict::Special::Say) {
            return None;
        }
        f.lexemes.iter().find_map(|l| match l {
            mentions::Lexeme::Actor(
                a,
                attache_dict::ActorKind::Place | attache_dict::ActorKind::Capital | attache_dict::ActorKind::Name,
            ) => {
                let code = dicts.actor(*a).code;
                attache_ontology::country_kind(code.primary().as_str())
                    .is_some_and(|k| k == attache_ontology::CountryKind::Country)
                    .then_some(code.primary())
            }
            _ => None,
        })
    })
}

/// Character span of tokens `a..b`.
fn span(doc: &Doc, a: usize, b: usize) -> Span {
    let t = doc.tokens();
    Span { start: t[a].char_start, end: t[b.max(a + 1) - 1].char_end }
}

fn actor(doc: &Doc, r: &ActorRef) -> Actor {
    // an anonymous reporter ("reliable sources") has no code; an unnamed source no words
    let anonymous = r.code.is_countryless() && r.code.rest().is_empty();
    Actor {
        code: (!anonymous).then_some(r.code),
        text: if r.unknown { String::new() } else { doc.span_text(r.start, r.end.max(r.start + 1) - 1).to_string() },
        span: (!r.unknown).then(|| span(doc, r.start, r.end)),
        country: if anonymous { String::new() } else { r.code.primary().to_string() },
        antecedent: r.antecedent.map(|(a, b)| doc.span_text(a, b.max(a + 1) - 1).to_string()),
        inferred: None,
    }
}

/// The record of an event's target, saying how it was inferred when the text names none.
fn target_actor(doc: &Doc, e: &events::RawEvent) -> Actor {
    let Some(t) = &e.target else { return Actor::none() };
    let mut a = actor(doc, t);
    match e.target_inferred {
        Some(events::TargetInference::Place) => a.inferred = Some("place"),
        Some(events::TargetInference::Home) => {
            a.inferred = Some("home");
            a.text.clear();
            a.span = None;
        }
        None => {}
    }
    a
}

fn build_records(document: &Document, doc: &Doc, finals: Vec<Final>) -> Vec<Event> {
    let ids: Vec<String> = (0..finals.len()).map(|k| format!("{}-{}", document.id, k + 1)).collect();
    finals
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let e = &f.ev;
            let code = e.code.expect("coded events have a code");
            let s = &doc.sentences()[e.sentence];
            let date = EventDate {
                value: f.date.value.map(|v| v.format()).unwrap_or_default(),
                granularity: f.date.value.map(|v| v.granularity()),
                source: f.date.source,
                phrase: f.date.phrase.map(|(a, b)| doc.span_text(a, b - 1).to_string()),
                span: f.date.phrase.map(|(a, b)| span(doc, a, b)),
            };
            let mut actor_entries: Vec<String> = e.source.origins.iter().map(|o| o.to_string()).collect();
            if let Some(t) = &e.target {
                actor_entries.extend(t.origins.iter().map(|o| o.to_string()));
            }
            actor_entries.dedup();
            let via_coref = e.source.antecedent.is_some() || e.target.as_ref().is_some_and(|t| t.antecedent.is_some());
            let confidence = match e.rule {
                "mirror" => 0.6,
                _ if via_coref => 0.7,
                "light-verb" => 0.8,
                _ => 0.85,
            };
            Event {
                id: ids[k].clone(),
                doc_id: document.id.clone(),
                sentence: e.sentence,
                evidence: doc.sentence_text(s).to_string(),
                source: {
                    let mut a = actor(doc, &e.source);
                    if e.source_inferred {
                        a.inferred = Some("place");
                    }
                    a
                },
                target: target_actor(doc, e),
                cameo: code,
                cameo_name: code.name(),
                root: code.root(),
                trigger: doc.span_text(e.trigger.0, e.trigger.1 - 1).to_string(),
                plover: match &e.plover {
                    // the pattern's own refinement, while the event keeps the pattern's code
                    Some(r) if r.code == code => Plover { kind: Some(r.kind), mode: r.mode.map(str::to_string) },
                    _ => Plover { kind: code.plover(), mode: code.plover_mode().map(str::to_string) },
                },
                goldstein: code.goldstein(),
                quad_class: code.quad_class(),
                date,
                location: e.location.as_ref().map(|p| Location {
                    name: doc.span_text(p.start, p.end - 1).to_string(),
                    country: p.country.to_string(),
                    span: Some(span(doc, p.start, p.end)),
                }),
                modality: e.modality.clone(),
                attribution: e.attribution.iter().map(|a| actor(doc, a)).collect(),
                reciprocates: f.reciprocates.map(|j| ids[j].clone()),
                confidence,
                provenance: Provenance {
                    rule: e.rule.to_string(),
                    pattern: e.pattern.clone(),
                    entry: e.entry.clone(),
                    actor_entries,
                },
                mentions: f
                    .mentions
                    .iter()
                    .map(|(si, (a, b))| {
                        let s = &doc.sentences()[*si];
                        Mention {
                            sentence: *si,
                            span: span(doc, s.tokens.start, s.tokens.end),
                            trigger: span(doc, *a, *b),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
