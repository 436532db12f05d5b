//! Events of a sentence: patterns matched against each predicate's clause.
//!
//! For every predicate the coder tries, in order: a reciprocity phrase ("took a
//! symmetrical step"), the verb patterns of its lemma (most specific first), and, for a
//! light verb ("announced", "held"), the noun patterns of its object ("the expulsion of
//! ..."). The source is the subject (in the passive, the `by` phrase); the target is what
//! the pattern's `TARGET` binds, or the object. One event is made per source × target.

use attache_dict::{Dictionaries, Element, Frame, Special};
use attache_ontology::{ActorCode, CameoCode};
use attache_text::{ChunkKind, Doc, Tag};

use crate::args::{ActorRef, Arg, Place};
use crate::clauses::{ClauseAnalyzer, Pred, PredKind};
use crate::record::Modality;

/// Makes an event of a predicate: code, source, target, rule, frame, end of the match.
type MakeEvent<'x> =
    dyn Fn(Option<CameoCode>, ActorRef, Option<ActorRef>, &'static str, &Frame, usize) -> RawEvent + 'x;

/// An event before document-level reasoning.
#[derive(Debug, Clone)]
pub(crate) struct RawEvent {
    pub sentence: usize,
    /// The predicate (index in the sentence's predicates) that coded it.
    pub pred: usize,
    /// `None` for a reciprocal act whose code comes from the act it answers.
    pub code: Option<CameoCode>,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    /// Trigger tokens.
    pub trigger: (usize, usize),
    pub rule: &'static str,
    pub pattern: String,
    pub entry: String,
    pub modality: Modality,
    pub attribution: Vec<ActorRef>,
    pub location: Option<Place>,
    /// Actors named elsewhere in the sentence, to refine a reciprocal act's target.
    pub sentence_actors: Vec<ActorRef>,
    /// Set by document reasoning: the index of the event this one answers.
    pub reciprocates: Option<usize>,
    /// The sentence says the event answers an earlier one ("in retaliation for").
    pub answers: bool,
    /// Set by document reasoning when the text names no target and one was inferred.
    pub target_inferred: Option<TargetInference>,
    /// Set when the text names no source and the place's state was inferred ("was
    /// arrested in Lebanon").
    pub source_inferred: bool,
    /// The PLOVER type and mode of the pattern that coded it, where the pattern refines
    /// its code's mapping.
    pub plover: Option<attache_dict::PloverRefinement>,
}

/// What a pattern's pre-verb part says about the roles (PETRARCH patterns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// The subject is the source, as usual.
    Plain,
    /// The phrase before the verb is the target (`+ *`): the subject, or, when the
    /// pattern's `+` stands before one of its words (`+ HOSTING *`), the noun phrase
    /// right before that word (its first token).
    SubjectIsTarget(Option<usize>),
    /// The subject is a compound whose members act on each other (`% *`).
    Compound,
}

/// How the target of an event whose text names none was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetInference {
    /// The country of the place the event happened ("lifted the state of emergency in
    /// West Darfur" → SDN).
    Place,
    /// The source's own country: a domestic actor acting at home ("the general
    /// resigned" → HTI).
    Home,
}

/// Verbs whose infinitive complement happened ("managed to", "began to").
const IMPLICATIVE: &[&str] =
    &["manage", "begin", "start", "continue", "proceed", "resume", "go", "be", "have", "take", "use"];
/// Verbs that, in the passive, report their infinitive complement as observed fact
/// ("was seen to fire on", "were heard to shout", "is known to have supplied").
const WITNESSED: &[&str] = &["see", "hear", "observe", "witness", "spot", "film", "photograph", "know", "show"];
/// Verbs whose infinitive complement is announced for the future ("plans to").
const FUTURE: &[&str] =
    &["plan", "intend", "decide", "prepare", "agree", "vow", "pledge", "promise", "aim", "expect", "will", "schedule"];
/// Light verbs that announce their object's act rather than carry it out ("announced the
/// withdrawal of", "declared a suspension of attacks").
const ANNOUNCING: &[&str] = &["announce", "declare", "offer", "propose", "promise", "pledge"];
/// Verbs whose infinitive complement did not happen ("refused to").
const NEGATING: &[&str] = &["refuse", "decline", "fail", "reject", "deny"];
/// Verbs whose "for"/"of"/"with" + gerund complement is an allegation ("charged with
/// spying").
const ACCUSING: &[&str] = &[
    "accuse",
    "charge",
    "arrest",
    "detain",
    "jail",
    "imprison",
    "convict",
    "sentence",
    "suspect",
    "blame",
    "indict",
    "prosecute",
    "try",
    "fine",
    "punish",
    "expel",
    "deport",
    "sanction",
    "investigate",
    "question",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "execute",
    "hang",
    "sue",
];
const HYPOTHETICAL_MODALS: &[&str] = &["may", "might", "could", "would", "should", "can", "must", "ought"];

struct Match {
    target: Option<Vec<ActorRef>>,
    source: Option<Vec<ActorRef>>,
    /// One past the last token matched.
    end: usize,
}

/// Prepositions whose object is the partner of the act before them ("cooperate with").
const PARTNER_PREPOSITIONS: &[&str] = &[
    "with", "to", "on", "against", "at", "for", "from", "into", "toward", "towards", "between", "upon", "of", "in",
    "over",
];

/// Verbs accepting a request ("conceded to demands to", "met the demand to"); negated
/// they refuse it.
const ACCEPT: &[&str] = &[
    "meet", "accept", "heed", "satisfy", "grant", "fulfil", "fulfill", "comply", "bow", "yield", "concede", "agree",
    "accede",
];

pub(crate) struct SentenceCoder<'a> {
    pub doc: &'a Doc,
    pub dicts: &'a Dictionaries,
    pub sentence: usize,
    pub clauses: ClauseAnalyzer<'a>,
    pub nested: &'a [Arg],
    /// The sentence's temporal expressions: their words may be skipped by patterns.
    pub times: &'a [crate::dates::TimeExpr],
    /// First token → (is top-level, index).
    starts: TokenMap<(bool, usize)>,
    /// Token → chunk.
    chunk_of: TokenMap<usize>,
    /// The sentence's word forms and lemmas: a frame one of whose words is missing here
    /// cannot match, and most frames of a common verb are ruled out this way before
    /// any token is compared.
    /// (A bit per pattern word.)
    words: attache_dict::WordSet,
    /// Per token of the sentence: whether its form heads a special phrase.
    special_at: Vec<bool>,
    /// The sentence says something happened in secret ("secretly"), or hedges it
    /// ("reportedly"): flags of every event it codes.
    secret: bool,
    hedged: bool,
}

impl<'a> SentenceCoder<'a> {
    pub fn new(
        doc: &'a Doc,
        dicts: &'a Dictionaries,
        sentence: usize,
        args: &'a [Arg],
        nested: &'a [Arg],
        times: &'a [crate::dates::TimeExpr],
    ) -> SentenceCoder<'a> {
        let s = &doc.sentences()[sentence];
        let mut starts = TokenMap::new(s.tokens.clone());
        for (i, a) in nested.iter().enumerate() {
            starts.insert(a.start, (false, i));
        }
        for (i, a) in args.iter().enumerate() {
            starts.insert(a.start, (true, i));
        }
        let mut words = attache_dict::WordSet::new(dicts.word_count());
        let mut special_at = vec![false; s.tokens.len()];
        let (mut secret, mut hedged) = (false, false);
        for (k, t) in s.tokens.clone().enumerate() {
            match doc.norm(t) {
                "secretly" | "covertly" | "clandestinely" | "secrecy" | "secret" => secret = true,
                "allegedly" | "alleged" | "reportedly" | "purportedly" | "apparently" | "supposedly" => hedged = true,
                _ => {}
            }
            let norm = dicts.word_id(doc.norm(t));
            special_at[k] = norm.is_some_and(|id| dicts.heads_special(id));
            for id in [norm, dicts.word_id(doc.lemma(t))].into_iter().flatten() {
                words.insert(id);
            }
        }
        let mut chunk_of = TokenMap::new(s.tokens.clone());
        for c in s.chunks.clone() {
            let ch = &doc.chunks()[c];
            for t in ch.start..ch.end {
                chunk_of.insert(t, c);
            }
        }
        SentenceCoder {
            doc,
            dicts,
            sentence,
            clauses: ClauseAnalyzer { doc, dicts, args, chunks: s.chunks.clone(), times },
            nested,
            times,
            starts,
            chunk_of,
            words,
            special_at,
            secret,
            hedged,
        }
    }

    /// Whether token `i` of the sentence may head a special phrase.
    fn may_head_special(&self, i: usize) -> bool {
        let start = self.doc.sentences()[self.sentence].tokens.start;
        self.special_at.get(i - start).copied().unwrap_or(false)
    }

    /// Whether the sentence holds the pattern word numbered `id`.
    fn has_word(&self, id: u32) -> bool {
        self.words.contains(id)
    }

    /// Whether every word the frame requires occurs somewhere in the sentence.
    fn may_match(&self, frame: &Frame) -> bool {
        frame.required.iter().all(|alts| alts.iter().any(|&id| self.has_word(id)))
    }

    fn arg_starting(&self, t: usize) -> Option<&Arg> {
        self.starts.get(&t).map(|&(top, i)| if top { &self.clauses.args[i] } else { &self.nested[i] })
    }

    fn sentence_end(&self) -> usize {
        self.doc.sentences()[self.sentence].tokens.end
    }

    fn chunk_start_token(&self, c: usize) -> usize {
        if c < self.clauses.chunks.end { self.doc.chunks()[c].start } else { self.sentence_end() }
    }

    fn skippable(&self, t: usize) -> bool {
        let tag = self.doc.tokens()[t].tag;
        // (and quotation marks: "agreed to allow “unimpeded humanitarian access”")
        tag.is_adverb() || matches!(tag, Tag::RP | Tag::LQuote | Tag::RQuote) || self.in_time(t)
    }

    /// Whether token `t` lies in a temporal expression ("on Friday").
    fn in_time(&self, t: usize) -> bool {
        self.times.iter().any(|x| x.start <= t && t < x.end)
    }

    /// Skips adverbs and particles from `t`.
    fn skip_adverbs(&self, mut t: usize, end: usize) -> usize {
        while t < end && self.skippable(t) {
            t += 1;
        }
        t
    }

    /// Whether token `q` is one of a pattern word's alternatives: its form or its lemma
    /// ("imposed sanctions" for `impose sanction`); with PETRARCH's dictionaries its
    /// form only, as TABARI matches words (its synsets list their plurals, and
    /// `- * EFFORT` does not match "efforts").
    fn word_is(&self, alts: &[String], q: usize) -> bool {
        let norm = self.doc.norm(q);
        alts.iter().any(|a| a == norm)
            || !self.dicts.petrarch_conventions() && alts.iter().any(|a| a == self.doc.lemma(q))
    }

    /// Finds a word of `alts` at or after `t`, skipping adverbs and the words of the noun
    /// phrase it stands in; returns its token.
    fn find_word(&self, alts: &[String], t: usize, end: usize) -> Option<usize> {
        let limit = end.min(t + 12);
        // the noun phrase that starts here, with its "of" phrases, may be searched through
        // ("provide 25,000 tons of food aid")
        let s = self.skip_adverbs(t, end);
        let mut reach = self.arg_starting(s).map_or(s, |a| a.end);
        // ...and so may a phrase coordinated with the word matched before ("return weapons
        // and military equipment seized from")
        if reach == s
            && s > 0
            && s + 1 < end
            && matches!(self.doc.norm(s), "and" | "or")
            && self.chunk_of.get(&(s - 1)).is_some_and(|&c| self.doc.chunks()[c].is_np())
            && let Some(a) = self.arg_starting(s + 1)
        {
            reach = a.end;
        }
        for q in t..limit {
            let hit = self.word_is(alts, q);
            // a word of a date ("on" in "imposed sanctions on Friday on ...") is the
            // pattern's only when the pattern's word does not come again after the date
            if hit && self.in_time(q) && (q + 1..limit).any(|r| !self.in_time(r) && self.word_is(alts, r)) {
                continue;
            }
            if hit {
                // everything between t and q is an adverb, a date, inside q's noun phrase or
                // inside the argument that starts at t
                let np = self
                    .chunk_of
                    .get(&q)
                    .filter(|&&c| self.doc.chunks()[c].is_np())
                    .map(|&c| self.doc.chunks()[c].start);
                let ok = self.dicts.petrarch_conventions()
                    || (t..q).all(|k| self.skippable(k) || np.is_some_and(|n| k >= n) || (k >= s && k < reach));
                return ok.then_some(q);
            }
            // (PETRARCH's patterns skip whatever lies between their words)
            let is_np_word = self.chunk_of.get(&q).is_some_and(|&c| self.doc.chunks()[c].is_np());
            if !(self.skippable(q) || is_np_word || q < reach || self.dicts.petrarch_conventions()) {
                return None;
            }
        }
        None
    }

    /// The first argument naming an actor after `t` in the clause, when the phrase a
    /// pattern points at names none ("pessimistic about the chances of resuming talks
    /// with Syria" → Syria). Stops at a finite verb or clause punctuation; skips places
    /// and times ("in Haiti", "on Friday"), which locate rather than suffer the event.
    fn deep_target(&self, t: usize, clause_end: usize) -> Option<&Arg> {
        self.deep_target_in(t, clause_end, false)
    }

    /// [`SentenceCoder::deep_target`], taking actors named in a place phrase too when
    /// `locative` ("renewed his licence in Michel Delving": a named actor where the act
    /// happened, as PETRARCH's coders read it; a place proper becomes the inferred target
    /// later anyway).
    fn deep_target_in(&self, t: usize, clause_end: usize, locative_ok: bool) -> Option<&Arg> {
        let mut k = t;
        while k < clause_end {
            let tag = self.doc.tokens()[k].tag;
            if tag.is_finite_verb() || tag == Tag::MD || matches!(tag, Tag::WDT | Tag::WP | Tag::Colon | Tag::Comma) {
                return None;
            }
            // a subordinate clause ("... before they demobilize") is another act's
            if tag == Tag::IN && self.chunk_of.get(&k).is_some_and(|&c| self.clauses.opens_clause(c)) {
                return None;
            }
            if let Some(a) = self.arg_starting(k) {
                let locative = k > 0
                    && matches!(
                        self.doc.norm(k - 1),
                        "in" | "at"
                            | "near"
                            | "during"
                            | "across"
                            | "throughout"
                            | "inside"
                            | "outside"
                            | "since"
                            | "until"
                    );
                // (in a place phrase, not a region: "in the Middle East" is where, and
                // the parties of a joint act are each other's targets)
                let actor_not_place = || {
                    a.actors().any(|x| {
                        !x.place_only
                            && attache_ontology::country_kind(x.code.primary().as_str())
                                != Some(attache_ontology::CountryKind::Region)
                    })
                };
                if a.has_actor() && (!locative || locative_ok && actor_not_place()) {
                    return Some(a);
                }
            }
            k += 1;
        }
        None
    }

    /// Matches the elements of `frame` from token `t`: the pattern's own words may reach
    /// up to `end` (the sentence end: "was confident that the United States would ..."),
    /// an implicit target only up to `clause_end`.
    fn match_elements(
        &self,
        frame: &Frame,
        mut t: usize,
        end: usize,
        clause_end: usize,
        passive: bool,
    ) -> Option<Match> {
        if !self.may_match(frame) {
            return None;
        }
        let mut target: Option<Vec<ActorRef>> = None;
        let mut source = None;
        let mut last_word_arg: Option<&Arg> = None;
        for (ei, e) in frame.elements.iter().enumerate() {
            // TABARI's `_`: this word directly follows what the pattern matched before it
            let joined = frame.joined.iter().any(|pl| !pl.before && pl.index == ei);
            match e {
                Element::Word(alts) if joined => {
                    let hit = |q: usize| self.word_is(alts, q);
                    if t >= end || !hit(t) {
                        return None;
                    }
                    last_word_arg = self.arg_containing(t);
                    t += 1;
                }
                Element::Word(alts) => {
                    // a relative clause on the phrase before ("allow refugees who have lived
                    // in Iraq for a decade to return") is skipped to the pattern's word
                    let q = match self.find_word(alts, t, end) {
                        Some(q) => q,
                        None if t < end && matches!(self.doc.tokens()[t].tag, Tag::WDT | Tag::WP) => (t + 2
                            ..end.min(t + 16))
                            .find(|&q| self.word_is(alts, q) && !matches!(self.doc.norm(q - 1), ","))?,
                        None => return None,
                    };
                    last_word_arg = self.arg_containing(q);
                    t = q + 1;
                }
                Element::Optional(alts) => {
                    if let Some(q) = self.find_word(alts, t, end) {
                        t = q + 1;
                    }
                }
                Element::Target(sectors) => {
                    if passive {
                        continue; // the subject is the target
                    }
                    let mut arg = match self.object_at(t, end) {
                        Some(a) => a,
                        None if self.dicts.petrarch_conventions() => self.slot_np(t, end)?,
                        None => return None,
                    };
                    // "pessimistic about the chances of resuming talks with Syria": the
                    // phrase goes on with "of", "with", "on"... to the actor it is about
                    let continues = arg.end < end
                        && matches!(
                            self.doc.norm(arg.end),
                            "of" | "with" | "on" | "against" | "about" | "over" | "by" | "for" | "to" | "from"
                        );
                    if !arg.has_actor()
                        && continues
                        && let Some(deep) = self.deep_target(arg.end, clause_end.max(arg.end))
                    {
                        arg = deep;
                    }
                    let mut actors: Vec<ActorRef> = arg.actors().filter(|a| sector_ok(a, sectors)).cloned().collect();
                    if actors.is_empty() && !sectors.is_empty() {
                        return None;
                    }
                    // "fired shells at targets in Jericho": a thing in a place stands for the place
                    if actors.is_empty()
                        && let Some(l) = arg.conjuncts.iter().find_map(|c| c.location.as_ref())
                    {
                        actors.push(place_actor(l));
                    }
                    // "suspended Niger from the bloc": the pattern's next word ends the target
                    // even where the phrase would take it as an attachment
                    let cut = match frame.elements.get(ei + 1) {
                        Some(Element::Word(next)) => {
                            let head_end = arg
                                .conjuncts
                                .first()
                                .and_then(|c| self.chunk_of.get(&c.head))
                                .map_or(arg.end, |&c| self.doc.chunks()[c].end);
                            (head_end..arg.end).find(|&k| next.iter().any(|w| w == self.doc.norm(k)))
                        }
                        _ => None,
                    };
                    let actors = match cut {
                        Some(k) => arg
                            .conjuncts
                            .iter()
                            .filter(|c| c.start < k)
                            .flat_map(|c| c.actors.iter())
                            .filter(|a| a.start < k && sector_ok(a, sectors))
                            .cloned()
                            .collect(),
                        None => actors,
                    };
                    target = Some(actors);
                    t = cut.unwrap_or(arg.end);
                    last_word_arg = None;
                }
                Element::Source => {
                    let arg = self.slot_np(t, end)?;
                    source = Some(arg.actors().cloned().collect());
                    t = arg.end;
                }
                Element::AnyNp => {
                    let arg = self.slot_np(t, end)?;
                    // TABARI's `%` after the verb ("agrees WITH %"): each member of the
                    // compound phrase is a target
                    if frame.compound == Some(attache_dict::Place { before: false, index: ei }) && target.is_none() {
                        target = Some(arg.actors().cloned().collect());
                        t = arg.end;
                        continue;
                    }
                    t = if self.dicts.petrarch_conventions() { self.np_with_of(arg.start) } else { arg.end };
                }
            }
            if t > end {
                return None;
            }
        }
        if target.is_none() && !passive {
            // The noun phrase the last word stood in, else the next one (the object); a
            // phrase naming no country ("mobilized army reservists for a war against
            // Iraq") gives way to an actor the phrase goes on to
            if let Some(a) = last_word_arg.filter(|a| a.has_actor()) {
                let named = a.actors().any(|x| !x.code.is_countryless());
                let a = if named { a } else { self.deep_target(a.end, clause_end.max(a.end)).unwrap_or(a) };
                target = Some(a.actors().cloned().collect());
            } else if let Some(a) = self.object_at(t, clause_end.max(t)) {
                // (from the words after the match: "broke down relations with Libya
                // almost five years after": the object is the phrase after "with")
                let named = a.actors().any(|x| !x.code.is_countryless());
                let a = if named { a } else { self.deep_target(t, clause_end).unwrap_or(a) };
                target = Some(a.actors().cloned().collect());
            } else if let Some(a) = self.deep_target(t, if t >= clause_end { end } else { clause_end }) {
                // (past the clause's end when the pattern's words reached beyond it:
                // "launched a bombing and shelling offensive against Osgiliath")
                target = Some(a.actors().cloned().collect());
            }
            // a named actor in a place phrase, as the last resort
            if target.as_ref().is_none_or(|t| t.iter().all(|x| x.code.is_countryless()))
                && let Some(a) = self.deep_target_in(t, clause_end, true)
            {
                target = Some(a.actors().cloned().collect());
            }
            // PETRARCH reads the verb phrase whole, "that" clause included: "allowed that
            // Mordor isn't a pleasant place" is aimed at Mordor
            if target.is_none()
                && self.dicts.petrarch_conventions()
                && clause_end < end
                && self.doc.norm(clause_end) == "that"
                && let Some(a) = self.arg_starting(clause_end + 1).filter(|a| a.has_actor())
            {
                target = Some(a.actors().cloned().collect());
            }
        }
        Some(Match { target, source, end: t })
    }

    /// The noun phrase a pattern's `$` or `^` slot takes at `t`: the next one after
    /// adverbs; with PETRARCH's dictionaries also after a preposition and past dates
    /// ("celebrate May Day with Eriador": `MAY_DAY $` is Eriador), as PETRARCH's slots
    /// take the next noun phrase of the verb phrase.
    fn slot_np(&self, t: usize, end: usize) -> Option<&Arg> {
        let mut s = self.skip_adverbs(t, end);
        if !self.dicts.petrarch_conventions() {
            return self.arg_starting(s).filter(|_| s < end);
        }
        loop {
            if s >= end {
                return None;
            }
            if matches!(self.doc.tokens()[s].tag, Tag::IN | Tag::TO) {
                s = self.skip_adverbs(s + 1, end);
                continue;
            }
            let arg = self.arg_starting(s)?;
            if self.times.iter().any(|x| x.start <= arg.start && arg.end <= x.end) {
                s = self.skip_adverbs(arg.end, end);
                continue;
            }
            return Some(arg);
        }
    }

    /// One past the noun phrase starting at token `start` with its "of" phrases ("the
    /// parliament of Gondor"), without the other phrases an argument attaches ("Eriador
    /// next week at Cirith Ungol" is Eriador): what PETRARCH's `^` skips.
    fn np_with_of(&self, start: usize) -> usize {
        let chunks = self.doc.chunks();
        let Some(&first) = self.chunk_of.get(&start) else { return start + 1 };
        let mut c = first;
        let last = self.clauses.chunks.end;
        while c + 2 < last
            && chunks[c + 1].kind == ChunkKind::Prep
            && self.doc.norm(chunks[c + 1].start) == "of"
            && chunks[c + 2].is_np()
        {
            c += 2;
        }
        chunks[c].end
    }

    /// The noun phrase at `t` (after adverbs), or after one prepositional phrase that
    /// comes before it ("expelled from their capitals one diplomat").
    fn object_at(&self, t: usize, end: usize) -> Option<&Arg> {
        let s = self.skip_adverbs(t, end);
        if s >= end {
            return None;
        }
        if let Some(a) = self.arg_starting(s) {
            return Some(a);
        }
        if self.doc.tokens()[s].tag == Tag::IN
            && let Some(pp) = self.arg_starting(s + 1)
        {
            let s2 = self.skip_adverbs(pp.end, end);
            return self.arg_starting(s2).filter(|_| s2 < end);
        }
        None
    }

    /// The argument (top-level or nested) whose own noun phrase holds token `q`.
    fn arg_containing(&self, q: usize) -> Option<&Arg> {
        let c = *self.chunk_of.get(&q)?;
        let ch = &self.doc.chunks()[c];
        self.arg_starting(ch.start).or_else(|| self.clauses.arg_at(c).map(|a| &self.clauses.args[a]))
    }

    fn by_agent(&self, from: usize, end: usize) -> Option<Vec<ActorRef>> {
        let mut t = from;
        // "shot and killed by gunmen": coordinated participles share the agent
        let sentence_end = self.sentence_end();
        let mut end = end;
        while end + 1 < sentence_end
            && matches!(self.doc.norm(end), "and" | "or")
            && self.doc.tokens()[end + 1].tag == Tag::VBN
        {
            end = (end + 2..sentence_end).find(|&k| self.doc.tokens()[k].tag.is_punct()).unwrap_or(sentence_end);
        }
        while t < end {
            if self.doc.norm(t) == "by" && self.doc.tokens()[t].tag == Tag::IN {
                let a = self.arg_starting(t + 1)?;
                return Some(a.actors().cloned().collect());
            }
            t += 1;
        }
        None
    }

    fn modality(&self, preds: &[Pred], p: &Pred) -> Modality {
        let doc = self.doc;
        let mut m = Modality { negated: p.vg.negated, ..Modality::default() };
        // "arrested for collaborating with Israel", "accused of spying": what someone is
        // accused or punished for is an allegation, not an established act
        let start = doc.chunks()[p.chunk].start;
        if p.kind == PredKind::Participle
            && start > 0
            && matches!(doc.norm(start - 1), "for" | "of" | "with")
            && preds.iter().rev().find(|q| q.chunk < p.chunk).is_some_and(|q| ACCUSING.contains(&q.lemma.as_str()))
        {
            m.hypothetical = true;
            m.hedged = true;
        }
        if let Some(md) = p.vg.modal {
            let w = doc.lemma(md);
            // "announced it would prohibit": the future of reported speech, not a condition
            let reported_future = matches!(doc.norm(md), "would" | "'d")
                && preds.iter().any(|q| q.chunk < p.chunk && self.dicts.is_special_verb(&q.lemma, Special::Say));
            if w == "will" || w == "shall" || doc.norm(md) == "'ll" || reported_future {
                m.future = true;
            } else if HYPOTHETICAL_MODALS.contains(&w) || HYPOTHETICAL_MODALS.contains(&doc.norm(md)) {
                m.hypothetical = true;
            }
        }
        if p.kind == PredKind::Infinitive
            && let Some(g) = p.governor
        {
            let gov = &preds[g];
            let gm = self.modality(preds, gov);
            m.negated |= gm.negated;
            m.hypothetical |= gm.hypothetical;
            // "had no plans to meet", "has no intention of": the complement is denied
            let start = doc.chunks()[p.chunk].start;
            if (gov.vg.main + 1..start).any(|k| matches!(doc.norm(k), "no" | "not" | "never" | "n't")) {
                m.negated = true;
            }
            if NEGATING.contains(&gov.lemma.as_str()) {
                m.negated = true;
            } else if FUTURE.contains(&gov.lemma.as_str()) {
                m.future = true;
                m.hypothetical = true;
            } else if !(IMPLICATIVE.contains(&gov.lemma.as_str())
                || gov.passive && WITNESSED.contains(&gov.lemma.as_str()))
            {
                m.hypothetical = true;
            }
        }
        // "demanded that the US cancel plans to sell": what a demand or an appeal asks for
        // has not happened (the demand itself is coded from the demanding verb)
        if p.kind == PredKind::Finite
            && let Some(q) = preds.iter().rev().find(|q| q.chunk < p.chunk)
            && self.dicts.governing_class(&q.lemma).is_some_and(|c| matches!(c, Special::Demand | Special::Appeal))
            && (doc.chunks()[q.chunk].end..start).any(|k| doc.norm(k) == "that")
        {
            m.hypothetical = true;
        }
        // "denied charges by Ivory Coast that Monrovia is committing genocide", "reports
        // that its troops had killed civilians": what a claim says is alleged (unless the
        // claim is confirmed)
        if p.kind == PredKind::Finite && self.claimed(preds, p) {
            m.hypothetical = true;
            m.hedged = true;
        }
        // a conditional clause, or a temporal one about what has not happened yet
        // ("must agree to changes before they demobilize"; "before they left" did happen)
        let s = &doc.sentences()[self.sentence];
        let clause_start = (s.chunks.start..p.chunk).rev().find(|&c| {
            matches!(doc.chunks()[c].kind, ChunkKind::Prep | ChunkKind::Wh)
                && match doc.norm(doc.chunks()[c].start) {
                    "if" | "unless" | "whether" => true,
                    "before" | "until" | "till" => p.kind == PredKind::Finite && !p.vg.past && p.vg.modal.is_none(),
                    _ => false,
                }
        });
        if clause_start.is_some_and(|c| !(c + 1..p.chunk).any(|k| matches!(doc.chunks()[k].kind, ChunkKind::Vg(_)))) {
            m.hypothetical = true;
        }
        m.secret |= self.secret;
        m.hedged |= self.hedged;
        m
    }

    /// The events of the sentence, and who the sentence says reports them.
    pub fn code(&self) -> (Vec<RawEvent>, Vec<ActorRef>) {
        let preds = self.clauses.predicates();
        let mut out: Vec<RawEvent> = Vec::new();
        let mut consumed_until = 0usize; // tokens up to here were matched by a pattern
        let attribution = self.attribution(&preds);
        let answers = self.answers();
        let sentence_actors: Vec<ActorRef> =
            self.clauses.args.iter().filter(|a| !a.appositive).flat_map(|a| a.actors().cloned()).collect();
        for (pi, p) in preds.iter().enumerate() {
            if p.vg.main < consumed_until {
                continue;
            }
            let region_end = self.chunk_start_token(p.end_chunk);
            let sentence_end = self.sentence_end();
            let after = p.vg.main + 1;
            let subject: Vec<ActorRef> =
                p.subject.map(|s| self.clauses.args[s].actors().cloned().collect()).unwrap_or_default();
            let modality = self.modality(&preds, p);
            let location = self.location(p, region_end);
            let mk = |code: Option<CameoCode>,
                      source: ActorRef,
                      target: Option<ActorRef>,
                      rule: &'static str,
                      frame: &Frame,
                      end: usize| RawEvent {
                sentence: self.sentence,
                code,
                source,
                target,
                trigger: (p.vg.main, end.max(p.vg.main + 1)),
                rule,
                pattern: frame.text.clone(),
                entry: frame.origin.to_string(),
                plover: frame.plover.clone(),
                modality: modality.clone(),
                attribution: attribution.clone(),
                location: location.clone(),
                sentence_actors: sentence_actors.clone(),
                reciprocates: None,
                pred: pi,
                answers,
                target_inferred: None,
                source_inferred: false,
            };
            // 1. a reciprocal act
            let mirror = self
                .dicts
                .specials(&p.lemma)
                .filter(|(s, _)| *s == Special::Mirror)
                .find_map(|(_, f)| self.match_elements(f, after, sentence_end, region_end, false).map(|m| (f, m)));
            if let Some((f, m)) = mirror {
                for s in subject.iter().filter(|s| !s.code.is_countryless()) {
                    out.push(mk(None, s.clone(), None, "mirror", f, m.end.min(region_end)));
                }
                consumed_until = consumed_until.max(m.end);
                continue;
            }
            // 2. an event noun as the object of a light verb ("announced the expulsion of")
            //    or of a governing verb ("demanded the release of", "promised aid to"), and
            // 3. the verb's own patterns: the more specific match wins ("launched a suicide
            //    attack on" is the verb pattern 1831, not the noun "attack on" 190)
            let noun =
                if p.passive { None } else { self.noun_object_event(p, &subject, sentence_end, region_end, &mk) };
            let verb = self.verb_pattern_event(p, &subject, after, sentence_end, region_end, &mk);
            let choice = match (noun, verb) {
                (Some(n), Some(v)) => Some(if v.2 > n.2 { v } else { n }),
                (n, v) => n.or(v),
            };
            if let Some((mut events, end, _)) = choice {
                // "the correspondent, who was detained for 23 hours", "where 24 people were
                // killed last March", "athletes killed at the 1972 Olympics": a passive
                // that describes someone in passing, by no one named, is background
                if p.passive && self.describes_in_passing(p) {
                    events.retain(|e| !e.source.unknown);
                }
                // "shelled Juba, killing about 20 people": the toll of an attack already
                // coded is that attack, not a second one
                let start = self.doc.chunks()[p.chunk].start;
                let toll = p.kind == PredKind::Participle
                    && start > 0
                    && self.doc.norm(start - 1) == ","
                    && matches!(p.lemma.as_str(), "kill" | "wound" | "injure" | "maim");
                if toll {
                    events.retain(|e| {
                        !out.iter().any(|o| {
                            o.code.is_some_and(|c| c.root_number() >= 18)
                                && same_primary(&o.source.code, &e.source.code)
                        })
                    });
                }
                self.push_unique(&mut out, events);
                if end > after {
                    consumed_until = consumed_until.max(end);
                }
            } else if let Some(g) = self.reported_obligation(&preds, p)
                && let Some((_, f)) = self.dicts.specials(&preds[g].lemma).find(|(s, _)| *s == Special::Say)
                && let Ok(code) = CameoCode::parse("100")
            {
                // "X said Y must ..." with an act no pattern knows: a demand all the same
                let gov = &preds[g];
                let speakers: Vec<ActorRef> =
                    gov.subject.map(|a| self.clauses.args[a].actors().cloned().collect()).unwrap_or_default();
                let mut events = Vec::new();
                self.emit(&mut events, &speakers, Some(&subject), f, code, |s, t| {
                    let mut e = mk(Some(code), s, t, "governed", f, after);
                    e.modality = self.modality(&preds, gov);
                    e.pred = g;
                    e.trigger = (gov.vg.main, gov.vg.main + 1);
                    e.pattern = format!("demand {} (... must {})", gov.lemma, p.lemma);
                    e
                });
                self.push_unique(&mut out, events);
            }
        }
        self.noun_events(&preds, &mut out, &attribution, &sentence_actors);
        for e in &mut out {
            e.answers = answers;
            // who announces their own act is its source, not a separate reporter
            let src = (e.source.code, e.source.start);
            e.attribution.retain(|a| (a.code, a.start) != src);
        }
        // reverses first, so that what governs an act governs its mirror too ("will
        // visit Albania": Albania will host the visit)
        self.add_reverses(&mut out);
        self.answered_requests(&preds, &mut out);
        self.govern(&preds, &mut out);
        protest_aims(&mut out);
        (out, attribution)
    }

    /// Adds the mirror image of events that imply one ("Taiwan's minister visited
    /// Russia": Russia hosted him, 043).
    fn add_reverses(&self, out: &mut Vec<RawEvent>) {
        let n = out.len();
        for i in 0..n {
            let (Some(code), Some(target)) = (out[i].code, out[i].target.clone()) else { continue };
            let Some(rev) = self.dicts.reverse_code(code) else { continue };
            if target.code.is_countryless() {
                continue;
            }
            let mut e = out[i].clone();
            e.source = target;
            e.target = Some(out[i].source.clone());
            e.code = Some(rev);
            e.rule = "implied";
            let dup = out.iter().any(|o| {
                o.code == e.code
                    && o.source.code == e.source.code
                    && o.target.as_ref().map(|t| t.code) == e.target.as_ref().map(|t| t.code)
            });
            if !dup {
                out.push(e);
            }
        }
    }

    /// The governing verb class of predicate `g` ("threatened", "called on", "is ready"),
    /// if any, and where its words end.
    fn governing(&self, g: &Pred, until: usize) -> Option<Special> {
        self.governing_at(g, until).map(|(s, _)| s)
    }

    /// The governing class of predicate `g` and the token after its words.
    fn governing_at(&self, g: &Pred, until: usize) -> Option<(Special, usize)> {
        let after = g.vg.main + 1;
        self.dicts.specials(&g.lemma).filter(|(s, _)| s.is_governing()).find_map(|(s, f)| {
            if f.elements.is_empty() {
                // a phrasal verb is not its base verb ("called off" is not "call")
                g.vg.particle.is_none().then_some((*s, after))
            } else {
                self.match_elements_words(f, after, until).map(|end| (*s, end))
            }
        })
    }

    /// Matches only the word elements of a frame (a governing or light verb's words such
    /// as "call for"); the token after them.
    fn match_elements_words(&self, f: &Frame, mut t: usize, end: usize) -> Option<usize> {
        if !self.may_match(f) {
            return None;
        }
        for e in &f.elements {
            match e {
                Element::Word(alts) => t = self.find_word(alts, t, end)? + 1,
                Element::Optional(alts) => {
                    if let Some(q) = self.find_word(alts, t, end) {
                        t = q + 1;
                    }
                }
                _ => return None,
            }
        }
        Some(t)
    }

    /// The event of a noun object of a light or governing verb: "announced the expulsion
    /// of three diplomats" (161), "demanded the release of the sailors" (1053), "promised
    /// aid to Nepal" (033).
    fn noun_object_event(
        &self,
        p: &Pred,
        subject: &[ActorRef],
        sentence_end: usize,
        region_end: usize,
        mk: &MakeEvent,
    ) -> Option<(Vec<RawEvent>, usize, u32)> {
        // the frame's words start right after the verb: a particle is one of them ("carry out")
        let after = p.vg.main + 1;
        let after_particle = p.vg.particle.map_or(after, |x| x + 1);
        let (class, words_end) = match self.governing_at(p, region_end) {
            Some((c, e)) => (Some(c), e),
            None if self.dicts.is_special_verb(&p.lemma, Special::Light) && p.vg.particle.is_none() => {
                (None, after_particle)
            }
            None => {
                // a light verb with words ("call for") is a special frame too
                let end = self
                    .dicts
                    .specials(&p.lemma)
                    .filter(|(s, f)| *s == Special::Light && !f.elements.is_empty())
                    .find_map(|(_, f)| self.match_elements_words(f, after, region_end))?;
                (None, end)
            }
        };
        let s = self.skip_adverbs(words_end, region_end);
        let obj = self.arg_starting(s).filter(|_| s < region_end)?;
        let head = obj.conjuncts.first().map_or(s, |c| c.head);
        for pat in self.noun_patterns_at(head) {
            let Some(m) = self.match_elements(&pat.frame, head + 1, sentence_end, region_end, false) else { continue };
            let code = match class {
                Some(c) => self.dicts.recode(c, pat.code)?,
                None => pat.code,
            };
            let sources = m.source.clone().unwrap_or_else(|| subject.to_vec());
            if !source_fits(&sources, &pat.frame) {
                continue;
            }
            // "rejected Iraq's proposal for a ceasefire": what is refused is the
            // proposer's, who is the target
            let proposer: Vec<ActorRef>;
            let mut targets = m.target.as_deref();
            if targets.is_none()
                && class == Some(Special::Refuse)
                && let Some(c) = obj.conjuncts.first().filter(|c| c.own)
            {
                proposer = c
                    .actors
                    .iter()
                    .filter(|a| !sources.iter().any(|s| same_primary(&s.code, &a.code)))
                    .cloned()
                    .collect();
                if !proposer.is_empty() {
                    targets = Some(&proposer);
                }
            }
            let mut out = Vec::new();
            let rule = if class.is_some() { "governed" } else { "light-verb" };
            // "announced the suspension of attacks": a concession announced, not yet
            // carried out, is CONCEDE in PLOVER (its code's mapping says RETREAT)
            let announced = class.is_none()
                && ANNOUNCING.contains(&p.lemma.as_str())
                && code.plover() == Some(attache_ontology::PloverType::Retreat);
            self.emit(&mut out, &sources, targets, &pat.frame, code, |s, t| {
                let mut e = mk(Some(code), s, t, rule, &pat.frame, m.end);
                e.trigger = (p.vg.main, head + 1);
                if announced {
                    e.plover = Some(attache_dict::PloverRefinement {
                        code,
                        kind: attache_ontology::PloverType::Concede,
                        mode: None,
                    });
                }
                e
            });
            if out.is_empty() {
                continue;
            }
            return Some((out, m.end.max(obj.end), pat.frame.specificity() + 4));
        }
        None
    }

    /// The noun patterns of the noun phrase headed by token `head`: those of the head,
    /// then those of the nouns that modify it, nearest first ("a mediation effort
    /// between": "effort", then "mediation"). Their elements match after the head.
    fn noun_patterns_at(&self, head: usize) -> impl Iterator<Item = &attache_dict::Pattern> + '_ {
        let start = self.chunk_of.get(&head).map_or(head, |&c| self.doc.chunks()[c].start);
        let modifiers = (start..head).rev().take_while(|&k| self.doc.tokens()[k].tag.is_noun());
        std::iter::once(head)
            .chain(modifiers)
            .flat_map(move |k| self.dicts.noun_patterns_with(self.doc.lemma(k), &self.words))
    }

    /// Events told by a noun phrase alone, whose own words name the source: "Israeli
    /// airstrikes on Gaza", "Russia's invasion of Ukraine", "clashes between Armenia and
    /// Azerbaijan" (pairwise). Noun phrases already coded as part of a verb's pattern are
    /// left alone.
    fn noun_events(
        &self,
        preds: &[Pred],
        out: &mut Vec<RawEvent>,
        attribution: &[ActorRef],
        sentence_actors: &[ActorRef],
    ) {
        let s = &self.doc.sentences()[self.sentence];
        let sentence_end = s.tokens.end;
        for (ai, arg) in self.clauses.args.iter().enumerate().filter(|(_, a)| !a.appositive) {
            let Some(conj) = arg.conjuncts.first() else { continue };
            if self.noun_patterns_at(conj.head).next().is_none() {
                continue;
            }
            // already told as the trigger or target of a coded event
            if out.iter().any(|e| {
                (e.trigger.0..e.trigger.1.max(e.trigger.0 + 1)).contains(&conj.head)
                    || e.target.as_ref().is_some_and(|t| t.start <= conj.head && conj.head < t.end)
            }) {
                continue;
            }
            let c = self.doc.chunks().iter().position(|c| c.start <= conj.head && conj.head < c.end).unwrap_or(0);
            let clause_end = self
                .clauses
                .chunks
                .clone()
                .find(|&k| k > c && matches!(self.doc.chunks()[k].kind, ChunkKind::Vg(_)))
                .map_or(sentence_end, |k| self.doc.chunks()[k].start);
            for pat in self.noun_patterns_at(conj.head) {
                let Some(m) = self.match_elements(&pat.frame, conj.head + 1, sentence_end, clause_end, false) else {
                    continue;
                };
                let own: Vec<ActorRef> = if conj.own { conj.actors.clone() } else { Vec::new() };
                let sources = m.source.clone().unwrap_or(own);
                if !source_fits(&sources, &pat.frame) {
                    continue;
                }
                let targets = m.target.clone().unwrap_or_default();
                let between = pat
                    .frame
                    .elements
                    .iter()
                    .any(|e| matches!(e, Element::Word(w) if w.iter().any(|x| x == "between")));
                let make = |s: ActorRef, t: Option<ActorRef>| RawEvent {
                    sentence: self.sentence,
                    pred: usize::MAX,
                    code: Some(pat.code),
                    source: s,
                    target: t,
                    trigger: (conj.head, conj.head + 1),
                    rule: "noun",
                    pattern: pat.frame.text.clone(),
                    entry: pat.frame.origin.to_string(),
                    plover: pat.frame.plover.clone(),
                    modality: Modality::default(),
                    attribution: attribution.to_vec(),
                    location: conj.location.clone(),
                    sentence_actors: sentence_actors.to_vec(),
                    reciprocates: None,
                    answers: false,
                    target_inferred: None,
                    source_inferred: false,
                };
                // "riots broke out in Jakarta": the subject of a verb of occurrence
                if sources.is_empty()
                    && let Some(p) = self.occurring(preds, ai)
                {
                    let region_end = self.chunk_start_token(p.end_chunk);
                    let place = self.location(p, region_end).or_else(|| conj.location.clone());
                    let source = match &place {
                        // a protest with no one named is the people's of the place
                        Some(l) if pat.code.root_number() == 14 => ActorRef {
                            code: ActorCode::new(l.country).with_sector("CVL"),
                            unknown: false,
                            ..self.unknown_actor(p)
                        },
                        _ => self.unknown_actor(p),
                    };
                    let modality = self.modality(preds, p);
                    self.emit(out, &[source], m.target.as_deref(), &pat.frame, pat.code, |s, t| RawEvent {
                        modality: modality.clone(),
                        location: place.clone(),
                        ..make(s, t)
                    });
                    break;
                }
                if sources.is_empty() && between && targets.len() >= 2 && joint_act(pat.code) {
                    // "clashes between Armenia and Azerbaijan": each side against the other
                    self.emit(
                        out,
                        &targets,
                        None,
                        &Frame { elements: Vec::new(), ..pat.frame.clone() },
                        pat.code,
                        make,
                    );
                } else if !sources.is_empty() {
                    self.emit(out, &sources, m.target.as_deref(), &pat.frame, pat.code, make);
                }
                break;
            }
        }
    }

    /// The predicate of occurrence ("broke out", "spread") whose subject is argument
    /// `arg`, if any.
    fn occurring<'p>(&self, preds: &'p [Pred], arg: usize) -> Option<&'p Pred> {
        let end = self.sentence_end();
        preds.iter().find(|p| {
            p.subject == Some(arg)
                && !p.passive
                && self.dicts.specials(&p.lemma).any(|(sp, f)| {
                    *sp == Special::Occur
                        && (f.elements.is_empty() || self.match_elements_words(f, p.vg.main + 1, end).is_some())
                })
        })
    }

    fn push_unique(&self, out: &mut Vec<RawEvent>, events: Vec<RawEvent>) {
        for e in events {
            let dup = out.iter().any(|o| {
                o.code == e.code
                    && o.source.code == e.source.code
                    && o.target.as_ref().map(|t| t.code) == e.target.as_ref().map(|t| t.code)
            });
            if !dup {
                out.push(e);
            }
        }
    }

    /// "Mubarak said the US must be ready to mediate": a speaker saying that another must
    /// or should act demands it of them. The predicate of speech that reports `p`, when
    /// `p` carries "must", "should" or "ought" and another subject than the speaker's.
    fn reported_obligation(&self, preds: &[Pred], p: &Pred) -> Option<usize> {
        let md = p.vg.modal?;
        if !matches!(self.doc.norm(md), "must" | "should" | "ought") || p.vg.negated {
            return None;
        }
        let subject = p.subject?;
        // the one obliged is an actor ("the US must"), not a thing ("the dialogue with
        // Russia must be demanding")
        let actor_like = self.clauses.args[subject]
            .conjuncts
            .iter()
            .all(|c| !matches!(c.reference, crate::args::Reference::Nothing) && (c.own || !c.actors.is_empty()));
        if !actor_like {
            return None;
        }
        let g = preds.iter().rposition(|q| q.chunk < p.chunk && q.kind == PredKind::Finite)?;
        let q = &preds[g];
        let speaker = q.subject?;
        let said = self.dicts.is_special_verb(&q.lemma, Special::Say) && !q.passive && !q.vg.negated;
        let other = |a: usize| self.clauses.args[a].actors().map(|x| x.code).collect::<Vec<_>>();
        let different = other(subject).iter().all(|c| !other(speaker).contains(c));
        (said && subject != speaker && different && !other(speaker).is_empty()).then_some(g)
    }

    /// Whether verb `g` (of governing class `class`) turns a request down: a refusing
    /// verb ("rejected the demand to"), or an accepting one negated ("would not meet
    /// the hostage-takers' demands to release", "refused to bow to calls to").
    fn refuses_request(&self, g: &Pred, class: Option<Special>) -> bool {
        matches!(class, Some(Special::Refuse | Special::Deny)) || g.vg.negated && ACCEPT.contains(&g.lemma.as_str())
    }

    /// Who made a request: the actors of its "by" phrase or of its own noun phrase.
    fn askers(&self, r: &crate::clauses::Request) -> Vec<ActorRef> {
        let own = r.by.map(|a| &self.clauses.args[a]);
        let phrase = r.by_phrase.and_then(|t| self.arg_starting(t));
        phrase.or(own).map(|a| a.actors().cloned().collect()).unwrap_or_default()
    }

    /// Requests answered. A refused one ("rejected North Korea's demand to sever the
    /// alliance", "rejected a Russian proposal to hold talks") is aimed at whoever asked:
    /// the refusal's events with no target take the askers, and the request noun's own
    /// event (North Korea's demand) is the refused one, not a new act. An accepted one
    /// ("conceded to demands from UNITA to overhaul the judiciary") makes the yield it
    /// asks for, to the askers.
    fn answered_requests(&self, preds: &[Pred], out: &mut Vec<RawEvent>) {
        for (pi, p) in preds.iter().enumerate() {
            let (Some(r), Some(g)) = (&p.request, p.governor) else { continue };
            let until = self.doc.chunks()[p.chunk].start;
            let class = self.governing(&preds[g], until);
            if class.is_none() && !preds[g].vg.negated && ACCEPT.contains(&preds[g].lemma.as_str()) {
                // "conceded to demands from UNITA to overhaul the judiciary": the yield
                // asked for is made, to whoever asked
                let askers = self.askers(r);
                for o in out.iter_mut().filter(|o| o.pred == pi && o.code.is_some_and(|c| c.root_number() == 8)) {
                    o.modality.hypothetical = false;
                    if let Some(t) = askers.first() {
                        o.target = Some(t.clone());
                    }
                }
                continue;
            }
            if !self.refuses_request(&preds[g], class) {
                continue;
            }
            out.retain(|o| o.trigger.0 != r.noun);
            // "would not accept China's demand": not accepting is rejecting
            if preds[g].vg.negated {
                for o in out.iter_mut().filter(|o| o.pred == g && o.modality.negated) {
                    o.code = CameoCode::parse("120").ok();
                    o.modality.negated = false;
                }
            }
            let askers = self.askers(r);
            let Some(first) = askers.first() else { continue };
            let mut more = Vec::new();
            for o in out.iter_mut().filter(|o| o.pred == g && o.target.is_none()) {
                more.extend(askers[1..].iter().map(|t| RawEvent { target: Some(t.clone()), ..o.clone() }));
                o.target = Some(first.clone());
            }
            out.extend(more);
        }
    }

    /// Recodes the events of complements under governing verbs: "promised to send aid"
    /// (033), "threatened to attack" (1384), "urged Iran to release" (0253), "refused to
    /// help" (122), "denied attacking" (016); and events announced with "will" as intents
    /// or threats. The complement's own event is replaced; a refused or denied act that
    /// the class cannot recode stays, marked as not having happened.
    fn govern(&self, preds: &[Pred], out: &mut Vec<RawEvent>) {
        let key = |e: &RawEvent| (e.code, e.source.code, e.target.as_ref().map(|t| t.code));
        let mut replaced = vec![false; out.len()];
        let mut added: Vec<RawEvent> = Vec::new();
        for i in 0..out.len() {
            let Some(p) = preds.get(out[i].pred) else { continue };
            let Some(code) = out[i].code else { continue };
            let governed = p
                .governor
                .and_then(|g| {
                    let until = self.doc.chunks()[p.chunk].start;
                    let class = self.governing(&preds[g], until);
                    match &p.request {
                        // "rejected North Korea's demand to sever": the act asked is refused
                        Some(_) if self.refuses_request(&preds[g], class) => Some(Special::Refuse),
                        // "renewed an appeal to Belgium to extradite": the noun's own act
                        Some(r) if class.is_none() && self.dicts.is_special_verb(&preds[g].lemma, Special::Light) => {
                            Some(r.class)
                        }
                        _ => class,
                    }
                    .map(|class| (g, class))
                })
                .or_else(|| self.reported_obligation(preds, p).map(|g| (g, Special::Demand)));
            let Some((g, class)) = governed else {
                // "will send aid": the announcement is the event; "would continue to
                // cooperate" too (the modal of an implicative governor carries over)
                let is_will =
                    |m: usize| matches!(self.doc.lemma(m), "will" | "shall" | "would") || self.doc.norm(m) == "'ll";
                let inherited = p
                    .governor
                    .map(|g| &preds[g])
                    .filter(|g| IMPLICATIVE.contains(&g.lemma.as_str()))
                    .and_then(|g| g.vg.modal);
                let will = p.vg.modal.or(inherited).is_some_and(is_will);
                if will
                    && !out[i].modality.negated
                    && let Some(c) = self.dicts.recode(Special::Intend, code)
                {
                    out[i].code = Some(c);
                    out[i].modality.hypothetical = false;
                    out[i].modality.future = true;
                    out[i].rule = "announced";
                }
                continue;
            };
            let gov = &preds[g];
            // "wants Germany to pay": an intent about someone else's act is an appeal to them
            // (the same actors named again, "agreed that their countries should", are no one else)
            let countries = |a: Option<usize>| -> Vec<attache_ontology::Code3> {
                a.map(|a| self.clauses.args[a].actors().map(|x| x.code.primary()).collect()).unwrap_or_default()
            };
            let someone_else = p.subject.is_some()
                && p.subject != gov.subject
                && countries(p.subject).iter().any(|c| !countries(gov.subject).contains(c));
            let class = if class == Special::Intend && someone_else { Special::Appeal } else { class };
            let Some(new) = self.dicts.recode(class, code) else {
                if matches!(class, Special::Refuse | Special::Deny) {
                    out[i].modality.negated = true;
                }
                continue;
            };
            replaced[i] = true;
            let inner_source = out[i].source.clone();
            let gov_subject: Vec<ActorRef> =
                gov.subject.map(|s| self.clauses.args[s].actors().cloned().collect()).unwrap_or_default();
            // the governing verb's subject is the source: the member the complement names
            // when it names one of them ("agreed that they would"), else each of them
            // ("France, Germany and Italy called on Lomé to release him")
            let own: Vec<&ActorRef> =
                gov_subject.iter().filter(|s| same_primary(&s.code, &inner_source.code)).collect();
            let sources: Vec<Option<&ActorRef>> = match (own.first(), gov_subject.is_empty()) {
                (Some(s), _) => vec![Some(*s)],
                (None, true) => vec![None],
                (None, false) => gov_subject.iter().map(Some).collect(),
            };
            for source in sources {
                let mut e = out[i].clone();
                if let Some(s) = source {
                    e.source = s.clone();
                }
                if class.targets_object() && !same_party(&inner_source.code, &e.source.code) {
                    // the one urged or ordered is the complement's subject
                    e.target = Some(inner_source.clone());
                }
                e.code = Some(new);
                e.modality = self.modality(preds, gov);
                // ("would not meet demands to release": the refusal itself happened)
                if p.request.is_some() && class == Special::Refuse {
                    e.modality.negated = false;
                }
                e.trigger = (gov.vg.main, e.trigger.1.max(gov.vg.main + 1));
                e.pattern = format!("{} {} ({})", class.keyword(), gov.lemma, e.pattern);
                e.rule = "governed";
                e.pred = g;
                // a refused request is aimed at whoever asked ("rejected a U.S. request to
                // interrogate detainees": at the US)
                let askers: Vec<ActorRef> = match &p.request {
                    Some(r) if class == Special::Refuse => self.askers(r),
                    _ => Vec::new(),
                };
                let variants: Vec<RawEvent> = if askers.is_empty() {
                    vec![e]
                } else {
                    askers.into_iter().map(|t| RawEvent { target: Some(t), ..e.clone() }).collect()
                };
                for e in variants {
                    let to_other = e.target.as_ref().is_none_or(|t| t.code != e.source.code);
                    if to_other && !added.iter().any(|a| key(a) == key(&e)) {
                        added.push(e);
                    }
                }
            }
        }
        if added.is_empty() {
            return;
        }
        // the governing verb's own events with the same actors are superseded, and so is
        // its plain code aimed elsewhere ("demanded that the fishermen be released": the
        // demand is 1053 to their captor, not a bare 100 to the fishermen)
        let superseded = |o: &RawEvent| {
            added.iter().any(|e| {
                o.pred == e.pred
                    && o.source.code == e.source.code
                    && (o.target.as_ref().map(|t| t.code) == e.target.as_ref().map(|t| t.code)
                        || o.code.zip(e.code).is_some_and(|(c, n)| {
                            // (the root's own code: "100" under 10, "020" under 02)
                            let generic = c.as_str().len() == 3 && c.as_str().ends_with('0');
                            n != c && n.root_number() == c.root_number() && generic
                        }))
            })
        };
        let mut kept: Vec<RawEvent> = std::mem::take(out)
            .into_iter()
            .enumerate()
            .filter(|(i, o)| !replaced[*i] && !superseded(o))
            .map(|(_, o)| o)
            .collect();
        for e in added {
            if !kept.iter().any(|o| key(o) == key(&e)) {
                kept.push(e);
            }
        }
        *out = kept;
    }

    /// One event per source × target. Targets are resolved per source first: "the other
    /// side" (or the countryless object of a joint act: "Estonia and Russia expel
    /// diplomats") is each other source; a domestic description ("rallied against the
    /// government") takes the source's country; a target of unknown country, the source
    /// itself, or an antecedent in the source's own country is dropped. A pattern with an
    /// explicit TARGET codes nothing without one; otherwise the event has no target, or,
    /// for a joint act of several countries ("Russia and China agreed to cooperate"), one
    /// per pair.
    fn emit(
        &self,
        out: &mut Vec<RawEvent>,
        sources: &[ActorRef],
        targets: Option<&[ActorRef]>,
        frame: &Frame,
        code: CameoCode,
        make: impl Fn(ActorRef, Option<ActorRef>) -> RawEvent,
    ) {
        let named: Vec<&ActorRef> = sources.iter().filter(|o| !o.code.is_countryless() && !o.place_only).collect();
        // a joint act of several named parties that names no partner in its pattern is
        // between them ("Hungary and Romania agreed to cooperate to encourage refugees":
        // not with the refugees)
        let parties =
            named.iter().filter(|o| !named.iter().any(|p| p.start < o.start && same_party(&p.code, &o.code))).count();
        // (PETRARCH patterns mark no target: theirs is the phrase after the verb; a
        // pattern ending in a preposition, "agree to cooperate with", points at its object)
        let points = matches!(frame.elements.last(), Some(attache_dict::Element::Word(w))
            if w.iter().all(|x| PARTNER_PREPOSITIONS.contains(&x.as_str())));
        let joint =
            !self.dicts.petrarch_conventions() && !frame.has_target() && !points && joint_act(code) && parties >= 2;
        let given: &[ActorRef] = if joint { &[] } else { targets.unwrap_or(&[]) };
        for s in sources {
            if s.place_only || s.code.is_countryless() && s.code.rest().is_empty() && !s.unknown {
                continue;
            }
            let mut resolved: Vec<ActorRef> = Vec::new();
            for t in given {
                let joint = t.code.is_countryless() && named.len() >= 2;
                if t.reciprocal || joint {
                    for o in named.iter().filter(|o| !same_party(&o.code, &s.code)) {
                        let mut c = ActorCode::new(o.code.primary());
                        for sec in t.code.rest() {
                            c = c.with_sector(sec.as_str());
                        }
                        resolved.push(ActorRef { code: c, antecedent: Some((o.start, o.end)), ..t.clone() });
                    }
                } else if t.domestic && !s.code.is_countryless() {
                    resolved.push(ActorRef { code: t.code.with_primary(s.code.primary()), ..t.clone() });
                } else if t.domestic && s.unknown {
                    // "shelling in Tehran killed six children": local people of the place
                    match make(s.clone(), None).location {
                        Some(p) => resolved.push(ActorRef { code: t.code.with_primary(p.country), ..t.clone() }),
                        None => resolved.push(t.clone()),
                    }
                } else {
                    resolved.push(t.clone());
                }
            }
            // the source itself, or an antecedent in its own country naming no other part
            // of it than its government (a state is its government): a misreading, and no
            // reason to code the act without a target either ("the authorities ...
            // release the lawmaker" is another part: not the source)
            let is_self = |t: &ActorRef| {
                t.code == s.code
                    || t.start == s.start && t.end == s.end
                    || t.antecedent.is_some()
                        && same_primary(&t.code, &s.code)
                        && t.code.rest().iter().all(|x| x.as_str() == "GOV" || s.code.rest().contains(x))
            };
            // ...unless it names the source's own forces or institutions ("withdrew its
            // troops"): then the act stands, with no other party
            let own_part = |t: &ActorRef| {
                self.doc.tokens()[t.start].tag == Tag::PRPS
                    && t.antecedent.is_some()
                    && same_primary(&t.code, &s.code)
                    && t.code.rest().iter().any(|x| !s.code.rest().contains(x))
            };
            if !resolved.is_empty() && resolved.iter().all(|t| (is_self(t) || own_part(t)) && !t.code.is_countryless())
            {
                // (a joint act of several named parties still has the others: "They
                // agreed to open talks on Bolivian access" for Bolivia is with Chile)
                let partners = named.len() >= 2 && joint_act(code);
                if !(resolved.iter().all(own_part) || partners) || frame.has_target() {
                    continue;
                }
                resolved.clear();
            }
            resolved.retain(|t| !t.code.is_countryless() && !is_self(t));
            // force posture (15) names its own forces as the object: "deployed 450 troops"
            // is no act against the country's own army
            if code.root_number() == 15 && resolved.iter().all(|t| same_primary(&t.code, &s.code)) {
                resolved.clear();
            }
            // a local source of unknown country takes its target's ("rebels attacked
            // Chadian troops"); any other source of unknown country ("protesters") may act
            // alone ("went on strike") but is no party to a dyad
            // (not a state's officials: "President X threatened the Soviet Union" is
            // more often a foreign president's act)
            let mut s = s.clone();
            let official = ["GOV", "SPY"].iter().any(|x| s.code.has_sector(x));
            if s.code.is_countryless()
                && s.domestic
                && !official
                && let Some(t) = resolved.iter().find(|t| is_state(t.code.primary()))
            {
                s.code = s.code.with_primary(t.code.primary());
                resolved.retain(|t| t.code != s.code);
            }
            if s.code.is_countryless() && !s.unknown && !resolved.is_empty() {
                continue;
            }
            if resolved.is_empty() {
                if frame.has_target() {
                    continue;
                }
                if named.len() >= 2 && joint_act(code) && !s.code.is_countryless() {
                    for o in named.iter().filter(|o| !same_party(&o.code, &s.code)) {
                        let e = make(s.clone(), Some(ActorRef { antecedent: None, ..(*o).clone() }));
                        push_new(out, e);
                    }
                } else {
                    push_new(out, make(s.clone(), None));
                }
                continue;
            }
            for t in resolved {
                push_new(out, make(s.clone(), Some(t)));
            }
        }
    }

    /// Whether `p` describes a noun in passing: in a relative clause ("who was
    /// detained", "where people were killed") or as a participle right after it
    /// ("athletes killed at the Olympics").
    fn describes_in_passing(&self, p: &Pred) -> bool {
        let chunks = self.doc.chunks();
        let start = self.doc.sentences()[self.sentence].chunks.start;
        if p.kind == PredKind::Participle && p.chunk > start && matches!(chunks[p.chunk - 1].kind, ChunkKind::Np { .. })
        {
            return true;
        }
        for c in (start..p.chunk).rev() {
            match chunks[c].kind {
                ChunkKind::Wh => {
                    return matches!(self.doc.norm(chunks[c].start), "who" | "whom" | "which" | "where" | "whose");
                }
                ChunkKind::Vg(_) => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the clause of `p` is the content of a claim noun ([`Special::Claim`]):
    /// "that" right after the noun, or after its "by"/"from" phrase ("charges by Ivory
    /// Coast that ..."), and not confirmed by the verb governing the noun.
    fn claimed(&self, preds: &[Pred], p: &Pred) -> bool {
        let doc = self.doc;
        let chunks = doc.chunks();
        let s = &doc.sentences()[self.sentence];
        // the chunk of "that" right before the clause's subject or verb
        let Some(that) = (s.chunks.start..p.chunk).rev().take(4).find(|&c| doc.norm(chunks[c].start) == "that") else {
            return false;
        };
        let is_claim = |c: usize| {
            matches!(chunks[c].kind, ChunkKind::Np { .. })
                && self
                    .dicts
                    .specials(doc.norm(chunks[c].end - 1))
                    .any(|(sp, f)| *sp == Special::Claim && f.elements.is_empty())
        };
        let noun = match that.checked_sub(1) {
            Some(c) if c >= s.chunks.start && is_claim(c) => Some(c),
            // "charges by Ivory Coast that": the noun before a "by"/"from" phrase
            Some(c)
                if c >= s.chunks.start + 2
                    && matches!(doc.norm(chunks[c - 1].start), "by" | "from" | "of")
                    && is_claim(c - 2) =>
            {
                Some(c - 2)
            }
            _ => None,
        };
        let Some(noun) = noun else { return false };
        let confirmed = preds.iter().rev().find(|q| q.chunk < noun).is_some_and(|q| {
            matches!(q.lemma.as_str(), "confirm" | "acknowledge" | "admit" | "verify" | "corroborate")
        });
        !confirmed
    }

    /// Whether the sentence says its events answer an earlier act ("in retaliation for").
    fn answers(&self) -> bool {
        let s = &self.doc.sentences()[self.sentence];
        s.tokens.clone().any(|i| {
            self.may_head_special(i)
                && self.dicts.specials(self.doc.norm(i)).any(|(sp, f)| {
                    *sp == Special::Answer
                        && (f.elements.is_empty() || self.match_elements_words(f, i + 1, s.tokens.end).is_some())
                })
        })
    }

    /// The events of the most specific verb pattern of `p` that codes one, the token
    /// after the match, and the pattern's specificity. A pattern whose explicit target
    /// finds no actor codes nothing and the next one is tried. A phrasal verb ("struck
    /// down", "fought back") only takes patterns that name its particle.
    fn verb_pattern_event(
        &self,
        p: &Pred,
        subject: &[ActorRef],
        after: usize,
        sentence_end: usize,
        region_end: usize,
        mk: &MakeEvent,
    ) -> Option<(Vec<RawEvent>, usize, u32)> {
        let particle = p.vg.particle.map(|x| self.doc.norm(x));
        // "re-imposed": a repeated act is coded as the act, after the patterns of the
        // prefixed verb itself (only with the hyphen: "release" is not "lease" again,
        // nor "resign" "sign"; unhyphenated forms are dictionary entries)
        let base = p.lemma.strip_prefix("re-").unwrap_or("");
        // a block made for this very form ("left" beside "leave") shadows the lemma's
        let form = self.doc.norm(p.vg.main);
        let own_form = self.dicts.has_form_restrictions()
            && self.dicts.verb_patterns(&p.lemma).any(|pat| pat.frame.form.as_deref() == Some(form));
        for pat in
            self.dicts.verb_patterns_with(&p.lemma, &self.words).chain(self.dicts.verb_patterns_with(base, &self.words))
        {
            match pat.frame.form.as_deref() {
                Some(f) if f != form => continue,
                None if own_form => continue,
                _ => {}
            }
            if let Some(part) = particle
                && !matches!(pat.frame.elements.first(), Some(Element::Word(w) | Element::Optional(w)) if w.iter().any(|x| x == part))
            {
                continue;
            }
            // PETRARCH's patterns: passive-only codes, words before the verb
            if pat.coding.passive_only && !p.passive {
                continue;
            }
            let Some(before) = self.before_verb(p, &pat.frame) else { continue };
            // "The curfew was lifted in Rome", "Soldiers deployed to the border": in the
            // passive, the pattern's object words are in the subject; the rest of the
            // pattern (and its TARGET) still follows the verb
            if p.passive
                && let Some(rest) = self.object_in_subject(p, &pat.frame)
            {
                let Some(m) = self.match_elements(&rest, after, sentence_end, region_end, false) else { continue };
                let material = unnamed_doer(pat.code);
                let sources = match self.by_agent(after, region_end) {
                    Some(a) => a,
                    None if material => vec![self.unknown_actor(p)],
                    None => Vec::new(),
                };
                if !source_fits(&sources, &pat.frame) {
                    continue;
                }
                // the subject is the target unless the rest of the pattern names one
                let targets = if rest.has_target() { m.target.clone() } else { Some(subject.to_vec()) };
                let verb_end = p.vg.main + 1;
                let mut out = Vec::new();
                self.emit(&mut out, &sources, targets.as_deref(), &rest, pat.code, |s, t| {
                    mk(Some(pat.code), s, t, "verb", &pat.frame, verb_end)
                });
                if out.is_empty() {
                    continue;
                }
                return Some((out, m.end, pat.frame.specificity() + 4));
            }
            // "Kosovo and Ghana expanded ties": a joint act whose partners are all in the
            // subject matches its pattern without the trailing "with TARGET"
            let partnerless: Frame;
            let (frame, m) = match self.match_elements(&pat.frame, after, sentence_end, region_end, p.passive) {
                Some(m) => (&pat.frame, m),
                None => {
                    let Some(f) = without_partner(&pat.frame, pat.code, subject, p.passive) else { continue };
                    partnerless = f;
                    let Some(m) = self.match_elements(&partnerless, after, sentence_end, region_end, false) else {
                        continue;
                    };
                    (&partnerless, m)
                }
            };
            let (sources, targets) = if p.passive {
                let subj_ok: Vec<ActorRef> = subject
                    .iter()
                    .filter(|a| frame.elements.iter().all(|e| !matches!(e, Element::Target(s) if !sector_ok(a, s))))
                    .cloned()
                    .collect();
                if subj_ok.is_empty() && frame.elements.iter().any(|e| matches!(e, Element::Target(s) if !s.is_empty()))
                {
                    continue;
                }
                // "two diplomats were expelled": by someone the text does not name, for
                // material acts (words need a speaker the text gives)
                let material = unnamed_doer(pat.code);
                let agent = match self.by_agent(after, region_end) {
                    Some(a) => a,
                    None if material => vec![self.unknown_actor(p)],
                    None => Vec::new(),
                };
                (agent, Some(subj_ok))
            } else {
                let mut sources = m.source.clone().unwrap_or_else(|| subject.to_vec());
                // "a drone strike killed two civilians": violence whose doer is not named
                if sources.is_empty() && self.thing_subject(p) && pat.code.root_number() >= 18 {
                    sources.push(self.unknown_actor(p));
                }
                (sources, m.target.clone())
            };
            if !source_fits(&sources, frame) {
                continue;
            }
            // "a roadside bombing killed one soldier": the kind of violence is the subject's
            let code = match self.violent_subject_code(p) {
                Some(c) if pat.code.root_number() >= 18 && (pat.code.is_root() || pat.code.as_str().ends_with('0')) => {
                    c
                }
                _ => pat.code,
            };
            // a null pattern (`[---]`) that matches best says the clause codes nothing
            if pat.coding.null {
                return Some((Vec::new(), m.end, frame.specificity() + 4));
            }
            // the subject as target (`+ *`), or a compound subject whose members act on
            // each other (`% * TALKS`)
            let (sources, targets) = match before {
                Before::Plain => (sources, targets),
                // (the source is the `$` the pattern names after the verb, else its object)
                Before::SubjectIsTarget(at) => {
                    let target = match at.and_then(|k| self.arg_starting(k)) {
                        Some(a) => a.actors().cloned().collect(),
                        None => subject.to_vec(),
                    };
                    (m.source.clone().or_else(|| m.target.clone()).unwrap_or_default(), Some(target))
                }
                Before::Compound => {
                    if subject.len() < 2 {
                        continue;
                    }
                    (subject.to_vec(), Some(subject.to_vec()))
                }
            };
            let verb_end = p.vg.particle.map_or(p.vg.main + 1, |x| x + 1);
            let mut out = Vec::new();
            self.emit(&mut out, &sources, targets.as_deref(), frame, code, |s, t| {
                mk(Some(code), s, t, "verb", frame, verb_end)
            });
            // a pattern that spells the negation out ("DID N'T * OVER EFFORTS") codes the
            // negated act itself: the event is not negated
            let spells_negation = frame.before.iter().any(
                |e| matches!(e, Element::Word(w) if w.iter().any(|x| matches!(x.as_str(), "not" | "n't" | "never"))),
            );
            if spells_negation {
                for e in &mut out {
                    e.modality.negated = false;
                }
            }
            // so does one that spells out the modal or the verb the act depends on
            // ("INDICATED WOULD * NOW": an indicated readiness to act is the event;
            // "+ HOSTING * MAY_DAY": so is the celebration a host holds)
            let first = self.doc.sentences()[self.sentence].tokens.start;
            let spells_context = frame.before.iter().any(|e| {
                let Element::Word(w) = e else { return false };
                (first..p.vg.main).any(|k| {
                    let tag = self.doc.tokens()[k].tag;
                    (tag.is_verb() || tag == Tag::MD)
                        && !matches!(self.doc.lemma(k), "be" | "have" | "do")
                        && w.iter().any(|x| x == self.doc.norm(k))
                })
            });
            if spells_context {
                for e in &mut out {
                    e.modality.hypothetical = false;
                    e.modality.future = false;
                }
            }
            // `[A:B]`: the object answers with B ("visited": 042, and 043 back)
            if let Some(b) = pat.coding.paired
                && !p.passive
            {
                let back: Vec<RawEvent> = out
                    .iter()
                    .filter_map(|e| {
                        let t = e.target.clone()?;
                        Some(RawEvent { code: Some(b), source: t, target: Some(e.source.clone()), ..e.clone() })
                    })
                    .collect();
                for e in back {
                    push_new(&mut out, e);
                }
            }
            if out.is_empty() {
                continue;
            }
            return Some((out, m.end, frame.specificity() + 4));
        }
        // "was concerned about", "is committed to": a participle read as an adjective
        // after "be" takes the copula's patterns ("be concerned about TARGET")
        if p.passive && self.doc.tokens()[p.vg.main].tag == Tag::VBN {
            for pat in self.dicts.verb_patterns_with("be", &self.words) {
                let Some(m) = self.match_elements(&pat.frame, p.vg.main, sentence_end, region_end, false) else {
                    continue;
                };
                let mut out = Vec::new();
                let sources = m.source.clone().unwrap_or_else(|| subject.to_vec());
                self.emit(&mut out, &sources, m.target.as_deref(), &pat.frame, pat.code, |s, t| {
                    mk(Some(pat.code), s, t, "verb", &pat.frame, p.vg.main + 1)
                });
                if !out.is_empty() {
                    return Some((out, m.end, pat.frame.specificity() + 4));
                }
            }
        }
        None
    }

    /// Whether the words a (PETRARCH) pattern wants before the verb are there, in order,
    /// between the clause's start and the verb (adjacent where TABARI's `_` joins them:
    /// `FAILED_TO_*`), and what the pre-verb slots say about the roles.
    fn before_verb(&self, p: &Pred, frame: &Frame) -> Option<Before> {
        if frame.before.is_empty() {
            return Some(Before::Plain);
        }
        let s = &self.doc.sentences()[self.sentence];
        let mut floor = p.subject.map_or(s.tokens.start, |a| self.clauses.args[a].start);
        // PETRARCH reads a complement clause inside the verb phrase that takes it:
        // "Ethiopia indicated it would act" has INDICATED before ACT
        if self.dicts.petrarch_conventions() {
            floor = self.governing_clause_start(floor);
        }
        let mut limit = p.vg.main; // words are searched right to left from the verb
        let mut role = Before::Plain;
        for (i, e) in frame.before.iter().enumerate().rev() {
            let joined = frame.joined.iter().any(|pl| pl.before && pl.index == i);
            match e {
                Element::Word(alts) | Element::Optional(alts) => {
                    let hit = |k: usize| self.word_is(alts, k);
                    let found = if joined {
                        // next to what follows it
                        let k = limit;
                        (k > floor && hit(k - 1)).then(|| k - 1)
                    } else {
                        (floor..limit).rev().find(|&k| hit(k))
                    };
                    match (found, e) {
                        (Some(k), _) => limit = k,
                        (None, Element::Optional(_)) => {}
                        (None, _) => return None,
                    }
                }
                Element::Source => {
                    p.subject?;
                }
                Element::Target(_) => {
                    p.subject?;
                    // before a pattern word: the noun phrase ending right before it
                    // (auxiliaries aside: "Mordor will be hosting")
                    let at = (limit < p.vg.main)
                        .then(|| {
                            let mut k = limit;
                            while k > floor && {
                                let tag = self.doc.tokens()[k - 1].tag;
                                tag.is_verb() || tag == Tag::MD
                            } {
                                k -= 1;
                            }
                            (floor..k).rev().find_map(|j| self.arg_starting(j).filter(|a| a.end == k)).map(|a| a.start)
                        })
                        .flatten();
                    role = Before::SubjectIsTarget(at);
                }
                Element::AnyNp => {
                    if frame.compound.is_some_and(|pl| pl.before && pl.index == i) {
                        role = Before::Compound;
                    }
                }
            }
        }
        Some(role)
    }

    /// Where the clause starts whose finite verb takes, as its complement, the clause
    /// starting at token `start` ("[Ethiopia indicated] (that) it would act"); `start`
    /// when no such verb comes right before it.
    fn governing_clause_start(&self, start: usize) -> usize {
        let first = self.doc.sentences()[self.sentence].tokens.start;
        let mut k = start;
        if k > first && self.doc.norm(k - 1) == "that" {
            k -= 1;
        }
        let Some(&c) = (k > first).then(|| self.chunk_of.get(&(k - 1))).flatten() else { return start };
        let chunk = &self.doc.chunks()[c];
        if !matches!(chunk.kind, ChunkKind::Vg(ref v) if v.finite) {
            return start;
        }
        let Some(&before) = (chunk.start > first).then(|| self.chunk_of.get(&(chunk.start - 1))).flatten() else {
            return chunk.start;
        };
        self.arg_containing(self.doc.chunks()[before].start).map_or(chunk.start, |a| a.start)
    }

    /// The code of the violent act the subject of `p` names ("a roadside bombing", "an
    /// air strike"), from the least specific noun pattern of its head: the verb ("killed")
    /// says only that it was violent.
    fn violent_subject_code(&self, p: &Pred) -> Option<CameoCode> {
        let arg = &self.clauses.args[p.subject?];
        let head = arg.conjuncts.first()?.head;
        let code = self.noun_patterns_at(head).last()?.code;
        (code.root_number() >= 18 && !code.is_root()).then_some(code)
    }

    /// For a passive predicate whose subject holds the word the pattern wants first after
    /// the verb ("lift curfew": "the curfew was lifted"), the pattern without that word.
    fn object_in_subject(&self, p: &Pred, frame: &Frame) -> Option<Frame> {
        let subject = &self.clauses.args[p.subject?];
        let first = frame.elements.iter().position(|e| !matches!(e, Element::Optional(_)))?;
        let Element::Word(alts) = &frame.elements[first] else { return None };
        let in_subject = (subject.start..subject.end).any(|t| self.word_is(alts, t));
        in_subject.then(|| Frame {
            elements: frame.elements[first + 1..].to_vec(),
            required: Vec::new(),
            ..frame.clone()
        })
    }

    /// A source the text leaves unnamed, for the events of predicate `p`.
    fn unknown_actor(&self, p: &Pred) -> ActorRef {
        ActorRef {
            unknown: true,
            ..ActorRef::new(ActorCode::new(attache_ontology::Code3::UNKNOWN), p.vg.main, p.vg.main + 1)
        }
    }

    /// Whether the subject of `p` names no actor: an event or a thing ("a blast", "the
    /// shelling in Tehran"), or nothing at all.
    fn thing_subject(&self, p: &Pred) -> bool {
        p.subject.is_none_or(|a| {
            self.clauses.args[a].conjuncts.iter().all(|c| matches!(c.reference, crate::args::Reference::Nothing))
        })
    }

    /// Who reports the sentence: the subject of a verb of saying, or the noun phrase after
    /// an attribution phrase ("according to ...").
    fn attribution(&self, preds: &[Pred]) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        let end = self.sentence_end();
        for p in preds {
            // "it was not reported": a denied or passive report names no reporter
            if self.dicts.is_special_verb(&p.lemma, Special::Say) && !p.vg.negated && !p.passive {
                if let Some(s) = p.subject {
                    out.extend(self.reporter(&self.clauses.args[s]));
                }
                // "an official told Reuters": the outlet told is a reporter too
                let after = p.vg.particle.map_or(p.vg.main + 1, |x| x + 1);
                if let Some(obj) = self.arg_starting(self.skip_adverbs(after, end)) {
                    out.extend(obj.actors().filter(|a| a.code.has_sector("MED")).cloned());
                }
            }
            for (sp, f) in self.dicts.specials(&p.lemma) {
                if *sp == Special::Attribution
                    && let Some(t) = self.match_elements_words(f, p.vg.main + 1, end)
                {
                    out.extend(self.reporter_at(t, end));
                }
            }
        }
        // "according to" is tagged as a participle or preposition: look for the phrases too
        let s = &self.doc.sentences()[self.sentence];
        for i in s.tokens.clone() {
            if !self.may_head_special(i) {
                continue;
            }
            for (sp, f) in self.dicts.specials(self.doc.norm(i)) {
                if *sp == Special::Attribution
                    && let Some(t) = self.match_elements_words(f, i + 1, end)
                {
                    out.extend(self.reporter_at(t, end));
                }
            }
        }
        let mut seen = Vec::new();
        out.retain(|a| {
            let key = (a.code, if a.code.is_countryless() { a.start } else { 0 });
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        out
    }

    /// The reporter named by the noun phrase at `t`: its actors; "sources close to the
    /// Kremlin" → the Kremlin's; "reliable sources", "a diplomat" → an anonymous source.
    fn reporter_at(&self, t: usize, end: usize) -> Vec<ActorRef> {
        let Some(arg) = self.arg_starting(self.skip_adverbs(t, end)) else { return Vec::new() };
        let named = self.reporter(arg);
        if !named.is_empty() {
            return named;
        }
        // "sources close to X"
        let mut k = arg.end;
        if k + 1 < end && self.doc.norm(k) == "close" && self.doc.norm(k + 1) == "to" {
            k += 2;
            if let Some(a) = self.arg_starting(k) {
                return self.reporter(a);
            }
        }
        Vec::new()
    }

    /// The actors of a reporting noun phrase; an anonymous one ("reliable sources", "an
    /// official") as a countryless actor with no sector.
    fn reporter(&self, arg: &Arg) -> Vec<ActorRef> {
        let named: Vec<ActorRef> = arg.actors().filter(|a| !a.code.is_countryless()).cloned().collect();
        if !named.is_empty() {
            return named;
        }
        let head = arg.conjuncts.first().map_or(arg.start, |c| c.head);
        let anonymous = matches!(
            self.doc.lemma(head),
            "source"
                | "official"
                | "diplomat"
                | "insider"
                | "aide"
                | "person"
                | "people"
                | "witness"
                | "observer"
                | "interlocutor"
        );
        if anonymous {
            return vec![ActorRef::new(ActorCode::new(attache_ontology::Code3::UNKNOWN), arg.start, arg.end)];
        }
        Vec::new()
    }

    /// The place of a predicate: a place named by an "in", "at", "across" or
    /// "throughout" phrase of its sentence, the one after the verb first.
    fn location(&self, p: &Pred, region_end: usize) -> Option<Place> {
        let s = &self.doc.sentences()[self.sentence];
        let from = self.doc.chunks()[p.chunk].start;
        // the predicate's clause, then before it, then the rest of the sentence
        let candidates = (from..region_end).chain(s.tokens.start..from).chain(region_end..s.tokens.end);
        for t in candidates {
            if !(matches!(self.doc.norm(t), "in" | "at" | "across" | "throughout")
                && self.doc.tokens()[t].tag == Tag::IN)
            {
                continue;
            }
            let Some(c) = self.arg_starting(t + 1).and_then(|a| a.conjuncts.first()) else {
                continue;
            };
            if let Some(l) = &c.location {
                return Some(l.clone());
            }
            if let Some(a) = c.actors.iter().find(|a| a.code.rest().is_empty() && !a.code.is_countryless()) {
                return Some(Place { country: a.code.primary(), start: a.start, end: a.end });
            }
        }
        None
    }
}

/// A protest followed in its sentence by the reform it demands ("staged rallies ...
/// to demand political reforms", "a hunger strike to demand the resignation of",
/// "calling for the removal of", "saying he must resign") is one event, the protest
/// for that aim (1412, 1421, 1451, ...): the demand is absorbed into it, as CAMEO codes
/// it.
fn protest_aims(out: &mut Vec<RawEvent>) {
    let mut absorbed = vec![false; out.len()];
    for i in 0..out.len() {
        let Some(code) = out[i].code.filter(|c| c.as_str().len() == 3 && c.root_number() == 14) else { continue };
        let aim = (0..out.len()).find_map(|j| {
            let d = &out[j];
            let aim = d.code?.reform_aim()?;
            (j != i && !absorbed[j] && d.sentence == out[i].sentence && d.trigger.0 > out[i].trigger.0)
                .then_some((j, aim))
        });
        let Some((j, aim)) = aim else { continue };
        let Some(refined) = code.with_aim(aim) else { continue };
        out[i].code = Some(refined);
        if out[i].target.is_none() {
            out[i].target = out[j].target.clone();
        }
        absorbed[j] = true;
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
}

/// A place as the target of an event.
fn place_actor(l: &Place) -> ActorRef {
    ActorRef { place_only: true, ..ActorRef::new(ActorCode::new(l.country), l.start, l.end) }
}

/// Whether a primary code names a country (a state or territory, present or past).
fn is_state(c: attache_ontology::Code3) -> bool {
    use attache_ontology::CountryKind;
    matches!(attache_ontology::country_kind(c.as_str()), Some(CountryKind::Country | CountryKind::Historical))
}

/// A value per token of one sentence (dense: no hashing on the hot path).
struct TokenMap<T> {
    start: usize,
    values: Vec<Option<T>>,
}

impl<T> TokenMap<T> {
    fn new(tokens: std::ops::Range<usize>) -> TokenMap<T> {
        TokenMap { start: tokens.start, values: tokens.map(|_| None).collect() }
    }

    fn insert(&mut self, t: usize, v: T) {
        if let Some(slot) = t.checked_sub(self.start).and_then(|k| self.values.get_mut(k)) {
            *slot = Some(v);
        }
    }

    fn get(&self, t: &usize) -> Option<&T> {
        t.checked_sub(self.start).and_then(|k| self.values.get(k)).and_then(Option::as_ref)
    }
}

/// Adds an event unless one with the same code, source and target is there.
fn push_new(out: &mut Vec<RawEvent>, e: RawEvent) {
    let key = |x: &RawEvent| (x.code, x.source.code, x.target.as_ref().map(|t| t.code));
    if !out.iter().any(|o| key(o) == key(&e)) {
        out.push(e);
    }
}

/// A joint act's frame without its trailing "with TARGET", for a subject that names
/// the partners itself ("Kosovo and Ghana expanded ties"): two or more countries, in
/// the active voice.
fn without_partner(frame: &Frame, code: CameoCode, subject: &[ActorRef], passive: bool) -> Option<Frame> {
    let n = frame.elements.len();
    // (cheap tests first: this runs for every pattern that failed to match)
    if passive || subject.len() < 2 || n < 2 || !joint_act(code) {
        return None;
    }
    let partner = matches!(&frame.elements[n - 2], Element::Word(w) if w.iter().any(|x| x == "with"))
        && matches!(&frame.elements[n - 1], Element::Target(s) if s.is_empty());
    let first = subject.iter().find(|a| !a.code.is_countryless())?.code.primary();
    let two = subject.iter().any(|a| !a.code.is_countryless() && a.code.primary() != first);
    if !partner || !two {
        return None;
    }
    Some(Frame { elements: frame.elements[..n - 2].to_vec(), required: Vec::new(), ..frame.clone() })
}

/// Acts that happen whoever does them, so that a passive without its agent ("two
/// diplomats were expelled", "the general was convicted") is still an event, by someone
/// the text does not name: material acts, and court findings (116), which a court makes.
/// Words need a speaker the text gives.
fn unnamed_doer(code: CameoCode) -> bool {
    matches!(code.root_number(), 6..=9 | 15..=20) || code.as_str() == "116"
}

/// Whether a frame that names its source's sectors (`SOURCE:MIL withdraw from`) has a
/// source with one of them.
fn source_fits(sources: &[ActorRef], frame: &Frame) -> bool {
    frame.source_sectors.is_empty() || sources.iter().any(|a| sector_ok(a, &frame.source_sectors))
}

fn sector_ok(a: &ActorRef, sectors: &[attache_ontology::Code3]) -> bool {
    sectors.is_empty() || sectors.iter().any(|s| a.code.has_sector(s.as_str()))
}

/// Codes of acts that several parties do together: a coordinated subject without a
/// target means each did it with the others (agree, meet, sign, cooperate, fight).
fn joint_act(code: CameoCode) -> bool {
    matches!(code.root_number(), 3..=6 | 19)
}

/// Whether two codes name the same party: the same country and the same sectors, a
/// state's government being the state ("Hungary" and "Hungarian officials" are one
/// party; "Rwandan rebels" and "the Rwandan government" two).
pub(crate) fn same_party(a: &ActorCode, b: &ActorCode) -> bool {
    let sectors = |c: &ActorCode| -> Vec<attache_ontology::Code3> {
        let mut v: Vec<_> = c.rest().iter().copied().filter(|x| x.as_str() != "GOV").collect();
        v.sort_unstable_by(|x, y| x.as_str().cmp(y.as_str()));
        v
    };
    same_primary(a, b) && sectors(a) == sectors(b)
}

/// Whether two actor codes name the same country (or organisation).
pub(crate) fn same_primary(a: &ActorCode, b: &ActorCode) -> bool {
    attache_ontology::same_country(a.primary().as_str(), b.primary().as_str())
}
