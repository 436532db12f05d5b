//! Clauses: every verb group of a sentence as a predicate with its subject and the
//! stretch of text where its objects are.
//!
//! Shallow rules over chunks, in the order news sentences need them:
//!
//! * a verb after "and" with no subject of its own shares the previous verb's subject,
//!   and its voice when it is a bare participle ("were summoned ... and protested");
//! * a participle after a comma shares the main clause's subject ("Russia took a
//!   symmetrical step, sending ..."); one opening the sentence shares the next one's
//!   ("Speaking at the conference, he pointed out ...");
//! * an infinitive takes the object of the verb before it when there is one ("urged
//!   Iran to ...") and otherwise that verb's subject ("plans to ..."); after a noun of
//!   asking it takes the one asked ("an appeal to Belgium to extradite"), else the one
//!   who answers the request ("rejected North Korea's demand to sever");
//! * otherwise the subject is the nearest argument to the left in the clause, skipping
//!   appositions ("Russia, Ukraine's neighbour, attacked ...") and relative pronouns.

use attache_text::{ChunkKind, Doc, VerbGroup, Voice};

use crate::args::Arg;

/// How a predicate relates to the clause structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PredKind {
    /// A tensed verb or a modal.
    Finite,
    /// "to" + verb.
    Infinitive,
    /// A bare participle or gerund.
    Participle,
}

/// A predicate: a verb group with its clause.
#[derive(Debug, Clone)]
pub(crate) struct Pred {
    /// The verb group's chunk (absolute index).
    pub chunk: usize,
    pub vg: VerbGroup,
    /// The main verb's lemma.
    pub lemma: String,
    pub kind: PredKind,
    /// The subject: an index into the sentence's top-level arguments.
    pub subject: Option<usize>,
    pub passive: bool,
    /// The chunk where the predicate's clause ends (exclusive).
    pub end_chunk: usize,
    /// The predicate this one depends on (the verb before an infinitive).
    pub governor: Option<usize>,
    /// For an infinitive after a noun of asking or offering ("rejected North Korea's
    /// demand to sever"), that noun.
    pub request: Option<Request>,
}

/// A noun of asking or offering whose infinitive is the act asked for
/// ([`attache_dict::Dictionaries::governing_noun`]): "North Korea's demand to sever",
/// "an appeal to Belgium to extradite", "calls by Kofi Annan to adopt".
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The noun's token.
    pub noun: usize,
    /// Its governing class (appeal, demand, intend).
    pub class: attache_dict::Special,
    /// Who asks, by the noun phrase's own actors ("North Korea's demand", "a U.S.
    /// request"): an index into the sentence's arguments.
    pub by: Option<usize>,
    /// Who asks, by a "by"/"from" phrase ("demands from UNITA"): the phrase's first
    /// token (the phrase may be nested in the noun's argument).
    pub by_phrase: Option<usize>,
    /// Who is asked: a "to"/"on" phrase ("an appeal to Belgium").
    pub to: Option<usize>,
}

/// Subordinating words that open a clause.
const SUBORDINATORS: &[&str] = &[
    "after", "because", "while", "although", "though", "whereas", "if", "unless", "when", "since", "until", "before",
    "as", "whether", "that", "once",
];

/// Verbs whose infinitive complement has their own subject ("plans to expel"); with
/// other verbs an object in between is the infinitive's subject ("urged Iran to stop").
const SUBJECT_CONTROL: &[&str] = &[
    "plan", "agree", "refuse", "promise", "threaten", "decide", "try", "seek", "vow", "pledge", "offer", "intend",
    "hope", "attempt", "aim", "fail", "manage", "begin", "start", "continue", "be", "have", "take",
];

pub(crate) struct ClauseAnalyzer<'a> {
    pub doc: &'a Doc,
    /// For the nouns of asking ([`attache_dict::Dictionaries::governing_noun`]).
    pub dicts: &'a attache_dict::Dictionaries,
    pub args: &'a [Arg],
    pub chunks: std::ops::Range<usize>,
    /// The sentence's temporal expressions ("on Tuesday"): transparent to clause structure.
    pub times: &'a [crate::dates::TimeExpr],
}

impl<'a> ClauseAnalyzer<'a> {
    fn kind(&self, c: usize) -> &ChunkKind {
        &self.doc.chunks()[c].kind
    }

    fn word(&self, c: usize) -> &str {
        self.doc.norm(self.doc.chunks()[c].start)
    }

    /// A noun of asking heading the noun phrases between a verb and its infinitive
    /// (chunks `from..to`): "rejected [North Korea's demand] to sever", "renewed [an
    /// appeal] [to] [Belgium] to extradite", "rejected [calls] [by] [Kofi Annan] [,] [UN
    /// secretary-general] [,] to adopt". Only noun phrases, prepositions, adverbs and
    /// commas may stand between.
    fn request_noun(&self, from: usize, to: usize) -> Option<Request> {
        let between_ok = (from..to).all(|k| {
            matches!(
                self.kind(k),
                ChunkKind::Np { .. } | ChunkKind::Prep | ChunkKind::Adv | ChunkKind::Conj | ChunkKind::Other
            ) || self.word(k) == ","
        });
        if from >= to || to - from > 8 || !between_ok {
            return None;
        }
        let k = (from..to).find(|&k| matches!(self.kind(k), ChunkKind::Np { .. }))?;
        let noun = self.doc.chunks()[k].end - 1;
        let class = self.dicts.governing_noun(self.doc.lemma(noun))?;
        let own = self.arg_at(k).filter(|&a| self.args[a].has_actor());
        let mut r = Request { noun, class, by: own, by_phrase: None, to: None };
        let mut j = k + 1;
        while j + 1 < to {
            if matches!(self.kind(j), ChunkKind::Prep) && matches!(self.kind(j + 1), ChunkKind::Np { .. }) {
                let arg = self.arg_at(j + 1).filter(|&a| self.args[a].has_actor());
                match self.word(j) {
                    "to" | "on" | "upon" if r.to.is_none() => r.to = arg,
                    "by" | "from" if r.by.is_none() && r.by_phrase.is_none() => {
                        r.by_phrase = Some(self.doc.chunks()[j + 1].start)
                    }
                    _ => {}
                }
            }
            j += 1;
        }
        Some(r)
    }

    /// The top-level argument that covers chunk `c`.
    pub fn arg_at(&self, c: usize) -> Option<usize> {
        self.args.iter().position(|a| a.first_chunk <= c && c < a.end_chunk)
    }

    fn is_finite_vg(&self, c: usize) -> bool {
        matches!(self.kind(c), ChunkKind::Vg(v) if v.finite)
    }

    /// Whether a subordinator at chunk `c` opens a clause (a finite verb follows before
    /// the next comma).
    pub(crate) fn opens_clause(&self, c: usize) -> bool {
        if !SUBORDINATORS.contains(&self.word(c)) {
            return false;
        }
        for k in c + 1..self.chunks.end {
            if self.is_finite_vg(k) {
                return true;
            }
            if matches!(self.kind(k), ChunkKind::Punct) {
                return false;
            }
        }
        false
    }

    /// The end of the clause of the verb group at `c`.
    fn clause_end(&self, c: usize) -> usize {
        let end = self.chunks.end;
        let mut k = c + 1;
        while k < end {
            match self.kind(k) {
                ChunkKind::Vg(v) if v.finite => return k,
                ChunkKind::Vg(v) if v.nonfinite_participle && k > 0 && self.word(k - 1) == "," => {
                    return k - 1;
                }
                ChunkKind::Wh => return k,
                ChunkKind::Prep if self.opens_clause(k) => return k,
                ChunkKind::Punct => {
                    let w = self.word(k);
                    if matches!(w, ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "--" | "—") {
                        return k;
                    }
                    if w == "," && k + 1 < end {
                        let next_is_clause =
                            matches!(self.kind(k + 1), ChunkKind::Conj | ChunkKind::Wh | ChunkKind::Vg(_))
                                || matches!(self.kind(k + 1), ChunkKind::Prep) && self.opens_clause(k + 1)
                                || self.arg_at(k + 1).is_some_and(|a| {
                                    let after = self.args[a].end_chunk;
                                    after < end && matches!(self.kind(after), ChunkKind::Vg(v) if v.finite)
                                });
                        if next_is_clause {
                            return k;
                        }
                    }
                }
                ChunkKind::Conj if k + 1 < end => {
                    if matches!(self.kind(k + 1), ChunkKind::Vg(_)) {
                        return k;
                    }
                    if let Some(a) = self.arg_at(k + 1) {
                        let after = self.args[a].end_chunk;
                        if after < end && self.is_finite_vg(after) {
                            return k;
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        end
    }

    /// The predicates of the sentence, in order.
    pub fn predicates(&self) -> Vec<Pred> {
        let mut preds: Vec<Pred> = Vec::new();
        for c in self.chunks.clone() {
            let ChunkKind::Vg(vg) = self.kind(c) else {
                continue;
            };
            let lemma = self.doc.lemma(vg.main).to_string();
            let kind = if vg.infinitive {
                PredKind::Infinitive
            } else if vg.finite {
                PredKind::Finite
            } else {
                PredKind::Participle
            };
            // "were engaged in ethnic cleansing", "is involved in": a state, actively done
            let ch_end = self.doc.chunks()[c].end;
            let stative = matches!(lemma.as_str(), "engage" | "involve" | "embroil" | "implicate")
                && ch_end < self.doc.tokens().len()
                && self.doc.norm(ch_end) == "in";
            let mut passive = vg.voice == Voice::Passive && !stative;
            let mut subject = None;
            let mut governor = None;
            let mut request = None;
            let prev = preds.len().checked_sub(1);
            // ("donated and personally delivered": an adverb may stand after "and")
            let conj_before = |k: usize| k >= self.chunks.start && matches!(self.kind(k), ChunkKind::Conj);
            let after_conj = c > self.chunks.start
                && (conj_before(c - 1) || matches!(self.kind(c - 1), ChunkKind::Adv) && c >= 2 && conj_before(c - 2));
            let after_comma = c > self.chunks.start && self.word(c - 1) == ",";
            match kind {
                _ if after_conj && prev.is_some() => {
                    let p = &preds[prev.unwrap_or(0)];
                    subject = p.subject;
                    // "Uganda's army said the men had strayed ... while chasing smugglers,
                    // and demanded their release": after ", and" the verb pairs with the
                    // sentence's first finite verb; without the comma with the nearest
                    // one that has a subject (a participle's is not known yet)
                    let comma_and = c >= self.chunks.start + 2 && self.word(c - 2) == ",";
                    let pair = if comma_and {
                        preds.iter().find(|q| q.kind == PredKind::Finite && q.subject.is_some())
                    } else {
                        preds.iter().rev().find(|q| q.subject.is_some())
                    };
                    if (comma_and || subject.is_none())
                        && let Some(q) = pair
                    {
                        subject = q.subject;
                    }
                    // "were summoned ... and protested": a bare participle shares the voice
                    let bare = self.doc.chunks()[c].start == vg.main;
                    if p.passive && bare && self.doc.tokens()[vg.main].alts.contains(attache_text::Tag::VBN) {
                        passive = true;
                    }
                    // "has refused to deploy troops and has urged": a tensed verb pairs
                    // with the tensed verb before, not with the infinitive it governs
                    // (a bare "impose" may still be the infinitive's: "aims to tighten
                    // sanctions and impose a blockade")
                    let main_tag = self.doc.tokens()[vg.main].tag;
                    let marked = vg.modal.is_some()
                        || self.doc.chunks()[c].start < vg.main
                        || matches!(main_tag, attache_text::Tag::VBD | attache_text::Tag::VBZ);
                    let tensed = preds.iter().rev().find(|q| q.kind == PredKind::Finite);
                    governor = match tensed {
                        Some(q) if kind == PredKind::Finite && marked && p.kind != PredKind::Finite => q.governor,
                        _ => p.governor,
                    };
                }
                // ("rejected an Indian proposal for signing a deal, urging": the
                // participle is the main clause's, not the gerund's before it)
                PredKind::Participle if after_comma && prev.is_some() => {
                    let main = preds.iter().rev().find(|q| q.kind == PredKind::Finite && q.subject.is_some());
                    subject = main.or(prev.map(|p| &preds[p])).and_then(|q| q.subject);
                }
                // "Mayor Kidnapped, Killed": a bare passive after a comma shares the subject
                _ if after_comma
                    && passive
                    && self.doc.chunks()[c].start == vg.main
                    && prev.is_some_and(|p| preds[p].passive) =>
                {
                    subject = preds[prev.unwrap_or(0)].subject;
                }
                // a gerund right after a verb is its complement ("denied attacking")
                PredKind::Participle
                    if prev.is_some_and(|p| self.adjacent(preds[p].chunk, c))
                        && self.doc.tokens()[vg.main].tag == attache_text::Tag::VBG =>
                {
                    let p = prev.unwrap_or(0);
                    governor = Some(p);
                    subject = preds[p].subject;
                }
                PredKind::Participle
                    if c == self.chunks.start
                        || c == self.chunks.start + 1 && matches!(self.kind(self.chunks.start), ChunkKind::Adv) =>
                {
                    // filled in from the next finite predicate below
                }
                PredKind::Infinitive => {
                    if let Some(p) = prev {
                        governor = Some(p);
                        let gov = &preds[p];
                        request = self.request_noun(gov.chunk + 1, c);
                        // the controller is the governing verb's object, right before the
                        // infinitive ("urged Iran to", "called on Iran to"); a noun phrase
                        // further on is no controller ("sent inspectors to Iran to
                        // investigate": the sender investigates)
                        let between = self.arg_before(c, gov.chunk + 1).filter(|&a| {
                            let first = self.args[a].first_chunk;
                            let mut k = gov.chunk + 1;
                            while k < first && matches!(self.kind(k), ChunkKind::Adv | ChunkKind::Prep) {
                                k += 1;
                            }
                            k == first && first <= gov.chunk + 2
                        });
                        subject = match (&request, between) {
                            // after a noun of asking the one asked acts, else the one who
                            // answers the request
                            (Some(r), _) => r.to.or(gov.subject),
                            (None, Some(a))
                                if !SUBJECT_CONTROL.contains(&gov.lemma.as_str()) && self.args[a].has_actor() =>
                            {
                                Some(a)
                            }
                            _ => gov.subject,
                        };
                    }
                }
                _ => {
                    subject = self.subject_left(c);
                    // "issued a statement demanding that ...": a participle modifying a
                    // noun that names no one is done by its clause's subject (filled in
                    // below), not by the statement
                    let after_noun = c > self.chunks.start && matches!(self.kind(c - 1), ChunkKind::Np { .. });
                    if kind == PredKind::Participle && after_noun && subject.is_some_and(|a| !self.args[a].has_actor())
                    {
                        subject = None;
                    }
                    // a complement clause: "demanded that Russia withdraw"
                    if let Some(p) = prev
                        && self.complement_of(preds[p].chunk, c)
                    {
                        governor = Some(p);
                    }
                }
            }
            preds.push(Pred {
                chunk: c,
                vg: vg.clone(),
                lemma,
                kind,
                subject,
                passive,
                end_chunk: self.clause_end(c),
                governor,
                request,
            });
        }
        // A participle without a subject of its own shares that of the clause it
        // modifies: the finite predicate before it ("demonstrated in Kirkuk on Sunday
        // calling for independence"), or, opening the sentence, the next one.
        for i in 0..preds.len() {
            if preds[i].kind != PredKind::Participle || preds[i].subject.is_some() {
                continue;
            }
            let before = preds[..i].iter().rev().find(|p| p.kind == PredKind::Finite);
            let after = || preds[i + 1..].iter().find(|p| p.kind == PredKind::Finite);
            if let Some(p) = before.or_else(after) {
                preds[i].subject = p.subject;
            }
        }
        preds
    }

    /// Whether chunk `c` lies inside a temporal expression.
    fn is_time(&self, c: usize) -> bool {
        let ch = &self.doc.chunks()[c];
        self.times.iter().any(|t| t.start <= ch.start && ch.end <= t.end)
    }

    /// Whether only adverbs and dates stand between chunks `a` and `b`.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        a < b && (a + 1..b).all(|k| matches!(self.kind(k), ChunkKind::Adv) || self.is_time(k))
    }

    /// Whether the verb group at `c` heads a "that" clause complementing the verb group
    /// at `g` ("demanded that Russia withdraw").
    fn complement_of(&self, g: usize, c: usize) -> bool {
        let mut k = g + 1;
        while k < c && (matches!(self.kind(k), ChunkKind::Adv) || self.is_time(k)) {
            k += 1;
        }
        k < c && self.word(k) == "that" && matches!(self.kind(k), ChunkKind::Prep | ChunkKind::Wh)
    }

    /// The nearest argument ending before chunk `c` and starting at or after `floor`.
    fn arg_before(&self, c: usize, floor: usize) -> Option<usize> {
        (floor..c).rev().find_map(|k| {
            self.arg_at(k).filter(|&a| {
                self.args[a].end_chunk == k + 1 && !self.args[a].appositive && !self.is_time(self.args[a].first_chunk)
            })
        })
    }

    /// When the comma at chunk `close` ends a participle or relative clause or a
    /// prepositional phrase opened by an earlier comma (", occurring about once every
    /// three days,", ", where ...,", ", in a statement on Friday,"), that opening comma's
    /// chunk.
    fn participle_clause_before(&self, close: usize) -> Option<usize> {
        let open = (self.chunks.start..close).rev().find(|&k| self.word(k) == ",")?;
        let first = open + 1;
        let is_participle = matches!(self.kind(first), ChunkKind::Vg(vg) if !vg.finite && !vg.infinitive);
        let no_finite = (first..close).all(|k| !matches!(self.kind(k), ChunkKind::Vg(vg) if vg.finite));
        // ", where the main route passes through,": a relative clause, finite or not;
        // ", in remarks published on Monday,": a phrase opened by a preposition
        let relative = matches!(self.kind(first), ChunkKind::Wh | ChunkKind::Prep);
        (is_participle && no_finite || relative).then_some(open)
    }

    /// The subject of a finite verb group: the nearest argument to its left in the clause.
    fn subject_left(&self, c: usize) -> Option<usize> {
        let mut k = c;
        while k > self.chunks.start {
            k -= 1;
            match self.kind(k) {
                ChunkKind::Adv | ChunkKind::Other => continue,
                ChunkKind::Wh => continue,
                // ", occurring once a week, have killed": a participle clause between
                // commas is skipped whole
                ChunkKind::Punct if self.word(k) == "," => {
                    if let Some(open) = self.participle_clause_before(k) {
                        k = open;
                    }
                    continue;
                }
                ChunkKind::Punct if matches!(self.word(k), "\"" | "“" | "”") => continue,
                // "The Red Cross operating in Iraq said": a participle after a noun
                // modifies it; the subject lies before it
                ChunkKind::Vg(vg)
                    if !vg.finite
                        && !vg.infinitive
                        && k > self.chunks.start
                        && matches!(self.kind(k - 1), ChunkKind::Np { .. }) =>
                {
                    continue;
                }
                ChunkKind::Vg(_) => return None,
                _ => {}
            }
            if let Some(a) = self.arg_at(k) {
                if self.args[a].appositive {
                    k = self.args[a].first_chunk;
                    continue;
                }
                // "Hizbollah (Party of God) group declared": a head noun naming no one
                // after a parenthesis continues the name before it
                let first = self.args[a].first_chunk;
                if !self.args[a].has_actor()
                    && first > self.chunks.start
                    && self.word(first - 1) == ")"
                    && let Some(open) = (self.chunks.start..first - 1).rev().find(|&j| self.word(j) == "(")
                    && let Some(named) = self.arg_before(open, self.chunks.start).filter(|&b| self.args[b].has_actor())
                {
                    return Some(named);
                }
                // A time or place phrase opening the sentence is not the subject
                // ("On February 5, Moscow ...": "February 5" is inside a PP).
                let first = self.args[a].first_chunk;
                if first > self.chunks.start
                    && matches!(self.kind(first - 1), ChunkKind::Prep)
                    && !SUBORDINATORS.contains(&self.word(first - 1))
                {
                    k = first;
                    continue;
                }
                // "British aircraft using guided missiles killed": the object of a
                // participle after the subject is not the subject
                if first >= self.chunks.start + 2
                    && matches!(self.kind(first - 1), ChunkKind::Vg(vg) if !vg.finite && !vg.infinitive)
                    && matches!(self.kind(first - 2), ChunkKind::Np { .. })
                {
                    k = first - 1;
                    continue;
                }
                return Some(a);
            }
        }
        None
    }
}
