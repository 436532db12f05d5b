//! Arguments: noun phrases with their attachments and coordination, and the actors they
//! name.
//!
//! A chunk-level noun phrase is rarely the whole actor. "One of the heads of the economic
//! department of the Russian embassy in Paris" is five noun phrases joined by `of` and
//! `in`; "diplomats from Poland, Sweden and Germany" is one agent and three countries.
//! This stage joins such chunks into [`Arg`]s and composes each conjunct's actor from the
//! dictionary mentions it holds:
//!
//! 1. a name, person, outlet or capital in the phrase's own words is the actor, with the
//!    sector of an agent word added ("Kremlin spokesman" → RUS + GOV);
//! 2. else an agent word takes its country from an adjective ("Russian embassy"), a
//!    possessor ("Russia's army"), an `of`/`from` phrase ("diplomats from Poland") or a
//!    place ("police in Cairo"); without one it is left countryless for coreference;
//! 3. else a phrase with no actor words of its own passes on the actor of its possessor
//!    or `of` phrase ("the request of Kommersant", "Navalny's sentence").

use attache_dict::{ActorKind, AgentKind, Dictionaries, Origin};
use attache_ontology::{ActorCode, Code3};
use attache_text::{ChunkKind, Doc, Tag};
use chrono::NaiveDate;

use crate::coref::Resolver;
use crate::mentions::{Found, Lexeme};

/// An actor named in the text.
#[derive(Debug, Clone)]
pub(crate) struct ActorRef {
    pub code: ActorCode,
    /// Tokens that name it.
    pub start: usize,
    pub end: usize,
    /// Dictionary entries that contributed.
    pub origins: Vec<Origin>,
    /// When found through coreference: the antecedent's tokens.
    pub antecedent: Option<(usize, usize)>,
    /// "The other side": stands for whichever of the event's sources is not the source.
    pub reciprocal: bool,
    /// Named only as a place ("Gaza"): a target, never a source.
    pub place_only: bool,
    /// A definite description of a domestic institution whose country the story does not
    /// say ("the government", "parliament"): the country of the event's source.
    pub domestic: bool,
    /// Stands for a source the text does not name ("were killed", "a blast killed"):
    /// no code, no words.
    pub unknown: bool,
}

impl ActorRef {
    /// An actor named by tokens `start..end` with `code`, found directly (no
    /// coreference, no inference).
    pub fn new(code: ActorCode, start: usize, end: usize) -> ActorRef {
        ActorRef {
            code,
            start,
            end,
            origins: Vec::new(),
            antecedent: None,
            reciprocal: false,
            place_only: false,
            domestic: false,
            unknown: false,
        }
    }
}

/// A place named in the text.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub country: Code3,
    pub start: usize,
    pub end: usize,
}

/// What kind of reference a conjunct is, for coreference.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reference {
    /// Names its actors itself.
    Named,
    /// A personal pronoun ("he", "them").
    Pronoun { person: bool, plural: bool, reflexive: bool },
    /// Agent words with no country ("the ministry", "three foreign diplomats").
    Countryless { sectors: Vec<Code3>, foreign: bool, definite: bool, possessive_pronoun: bool, envoy: bool },
    /// "Both sides", "the two countries": the last pair of actors.
    Pair,
    /// "The other side", "each other": the other participant of a joint act.
    Reciprocal,
    /// Nothing actor-like.
    Nothing,
}

/// One conjunct of an argument.
#[derive(Debug, Clone)]
pub(crate) struct Conj {
    pub start: usize,
    pub end: usize,
    /// Head token of its noun phrase.
    pub head: usize,
    pub actors: Vec<ActorRef>,
    pub reference: Reference,
    pub location: Option<Place>,
    /// The phrase holds only country adjectives ("Polish" in "Polish, Swedish and German
    /// diplomats"): it borrows the agent of the last conjunct.
    pub adjective_only: bool,
    /// How many the phrase counts ("three foreign diplomats" → 3).
    pub count: Option<u32>,
    /// Whether it is a person (a person entry or a person-like agent noun).
    pub person_like: bool,
    /// Whether its actors are named by its own words or possessor ("Israeli strikes",
    /// "Russia's invasion"), not passed on from an attached phrase ("the invasion of
    /// Ukraine"): an event noun's source.
    pub own: bool,
    /// Whether it is the proper name of one country, organisation or outlet: "the United
    /// States" and "the Netherlands" are "it", whatever their grammatical number.
    pub proper_name: bool,
}

impl Conj {
    /// Whether it names an actor of some country (not only "officials", "prisoners").
    fn names_country(&self) -> bool {
        self.actors.iter().any(|a| !a.code.is_countryless())
    }
}

/// A top-level argument: one or more coordinated conjuncts.
#[derive(Debug, Clone)]
pub(crate) struct Arg {
    pub start: usize,
    pub end: usize,
    /// Its chunks: `first_chunk..end_chunk`, absolute indices.
    pub first_chunk: usize,
    pub end_chunk: usize,
    pub conjuncts: Vec<Conj>,
    /// Set off by commas after another argument ("Russia, Ukraine's neighbour, ..."): it
    /// describes that argument and is never a participant itself.
    pub appositive: bool,
}

impl Arg {
    /// Every actor of every conjunct.
    pub fn actors(&self) -> impl Iterator<Item = &ActorRef> {
        self.conjuncts.iter().flat_map(|c| c.actors.iter())
    }

    /// Whether some conjunct names an actor.
    pub fn has_actor(&self) -> bool {
        self.actors().next().is_some()
    }
}

pub(crate) struct ArgBuilder<'a> {
    pub doc: &'a Doc,
    pub dicts: &'a Dictionaries,
    pub found: &'a [Found],
    pub date: Option<NaiveDate>,
}

/// Prepositions whose noun phrase attaches to the noun before it.
fn attaching(prep: &str) -> Option<Attach> {
    Some(match prep {
        "of" => Attach::Of,
        "from" => Attach::From,
        "in" | "at" | "near" | "outside" | "inside" | "throughout" | "across" | "around" => Attach::In,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attach {
    Of,
    From,
    In,
}

const PERSON_PRONOUNS: &[&str] = &["he", "him", "she", "her", "himself", "herself"];
const PLURAL_PRONOUNS: &[&str] = &["they", "them", "themselves"];
const THING_PRONOUNS: &[&str] = &["it", "itself"];

impl<'a> ArgBuilder<'a> {
    fn chunk_kind(&self, c: usize) -> &ChunkKind {
        &self.doc.chunks()[c].kind
    }

    fn is_np(&self, c: usize) -> bool {
        self.doc.chunks()[c].is_np()
    }

    fn word(&self, c: usize) -> &str {
        self.doc.norm(self.doc.chunks()[c].start)
    }

    /// Builds the arguments of the chunks `chunks` (one sentence): the top-level ones,
    /// and every nested one in `nested` (for patterns that reach inside, "the expulsion
    /// of TARGET"). With a resolver, pronouns and descriptions are resolved and the
    /// top-level arguments become antecedents for what follows.
    pub fn build(
        &self,
        chunks: std::ops::Range<usize>,
        mut resolver: Option<&mut Resolver>,
        nested: &mut Vec<Arg>,
    ) -> Vec<Arg> {
        let mut args: Vec<Arg> = Vec::new();
        let mut c = chunks.start;
        while c < chunks.end {
            if !self.is_np(c) {
                c += 1;
                continue;
            }
            // a verb's object (not a preposition's: "clashes between X and Y killed ...")
            let object_position = c > chunks.start && matches!(self.chunk_kind(c - 1), ChunkKind::Vg(_))
                || c > chunks.start + 1
                    && matches!(self.chunk_kind(c - 1), ChunkKind::Adv)
                    && matches!(self.chunk_kind(c - 2), ChunkKind::Vg(_));
            // an object pronoun after "SUBJECT VERB" may not be that subject; one that
            // opens a clause of its own may ("Turkey said it will attack")
            let opens_clause = c + 1 < chunks.end
                && matches!(self.chunk_kind(c + 1), ChunkKind::Vg(v) if v.finite || v.modal.is_some());
            if let Some(r) = resolver.as_deref_mut() {
                r.clause_subject = match args.last() {
                    Some(prev) if object_position && !opens_clause && c >= 2 && prev.end_chunk + 1 == c => {
                        prev.actors().map(|a| a.code).collect()
                    }
                    _ => Vec::new(),
                };
            }
            let (mut arg, next) = self.parse_arg(c, chunks.end, 0, object_position, resolver.as_deref(), nested);
            // Apposition: ", NP ," right after another argument, with no conjunction, or
            // "( NP )" ("the European Union (EU)")
            // ("Pakistan, a key U.S. ally in the war against terrorism, has refused": its
            // prepositional phrases belong to the apposition)
            let mut close = next;
            while close + 1 < chunks.end && matches!(self.chunk_kind(close), ChunkKind::Prep) && self.is_np(close + 1) {
                close += 2;
            }
            let closes = |k: usize| k < chunks.end && self.word(k) == ",";
            if let Some(prev) = args.last()
                && let Arg { end_chunk, .. } = prev
                && *end_chunk + 1 == c
                && next < chunks.end
                && (matches!((self.word(c - 1), self.word(next)), (",", ",") | ("(", ")"))
                    || self.word(c - 1) == "," && closes(close))
                && arg.conjuncts.len() == 1
            {
                arg.appositive = true;
            }
            if let Some(r) = resolver.as_deref_mut() {
                r.register(&arg);
            }
            args.push(arg);
            c = next;
        }
        args
    }

    /// Parses an argument starting at NP chunk `c`; returns it and the next chunk.
    fn parse_arg(
        &self,
        c: usize,
        end: usize,
        depth: usize,
        object_position: bool,
        res: Option<&Resolver>,
        nested: &mut Vec<Arg>,
    ) -> (Arg, usize) {
        let mut conjuncts = Vec::new();
        let (first, mut next) = self.parse_conj(c, end, depth, res, nested);
        // ("US and British forces" is one phrase wherever it stands: "US" cannot end it)
        let splittable = object_position && !first.adjective_only;
        let first_names = first.names_country();
        conjuncts.push(first);
        let (items, after) = self.coordination(next, end, depth, splittable, first_names, res, nested);
        conjuncts.extend(items);
        next = after;
        distribute_agents(&mut conjuncts);
        let start = conjuncts.first().map_or(0, |x| x.start);
        let end_tok = conjuncts.iter().map(|x| x.end).max().unwrap_or(start);
        (Arg { start, end: end_tok, first_chunk: c, end_chunk: next, conjuncts, appositive: false }, next)
    }

    /// The conjuncts coordinated after a first one that ends at chunk `next`:
    /// `("," C)* ","? and|or C`. Returns them and the chunk after the last one taken.
    #[allow(clippy::too_many_arguments)]
    fn coordination(
        &self,
        next: usize,
        end: usize,
        depth: usize,
        object_position: bool,
        first_names: bool,
        res: Option<&Resolver>,
        nested: &mut Vec<Arg>,
    ) -> (Vec<Conj>, usize) {
        let mut k = next;
        let mut items = Vec::new();
        while k < end && self.word(k) == "," && k + 1 < end && self.is_np(k + 1) {
            let kept = nested.len();
            let (cj, n) = self.parse_conj(k + 1, end, depth, res, nested);
            // "on Cessation of Hostilities, the Sudanese government and SPLM/A have
            // agreed": after a phrase naming no one, a comma and actors start the clause
            if !first_names && items.is_empty() && cj.names_country() {
                nested.truncate(kept);
                return (Vec::new(), next);
            }
            items.push(cj);
            k = n;
        }
        if k < end && self.word(k) == "," && k + 1 < end && matches!(self.chunk_kind(k + 1), ChunkKind::Conj) {
            k += 1;
        }
        let conj_follows = k + 1 < end
            && matches!(self.chunk_kind(k), ChunkKind::Conj)
            && matches!(self.word(k), "and" | "or")
            && self.is_np(k + 1);
        if !conj_follows {
            // commas without a final "and": appositions ("Moscow, Russia"), not a list;
            // unless two or more country names follow ("to Iran, Libya, North Korea,
            // Sudan, and with strings attached, Cuba")
            let country = |c: &Conj| {
                c.reference == Reference::Named
                    && !c.actors.is_empty()
                    && c.actors.iter().all(|a| a.code.rest().is_empty() && !a.code.is_countryless())
            };
            if items.len() >= 2 && items.iter().all(country) {
                return (items, k);
            }
            return (Vec::new(), next);
        }
        let kept = nested.len();
        let (cj, n) = self.parse_conj(k + 1, end, depth, res, nested);
        // ("on Sunday, and Sudanese troops killed": a time or thing and an actor are no list)
        if !first_names && items.is_empty() && cj.names_country() {
            nested.truncate(kept);
            return (Vec::new(), next);
        }
        items.push(cj);
        k = n;
        // An object list followed by a finite verb: its last member starts a new clause
        // ("attacked Ukraine and Poland condemned it").
        let finite_follows = k < end && matches!(self.chunk_kind(k), ChunkKind::Vg(v) if v.finite);
        if object_position && finite_follows && depth == 0 {
            if items.len() == 1 {
                return (Vec::new(), next);
            }
            items.pop();
            // the rest of the list stays; the last member is parsed again as a subject
            return (items, self.last_conj_chunk(next, k));
        }
        (items, k)
    }

    /// The chunk where the last conjunct between `from` and `to` starts (after its "and").
    fn last_conj_chunk(&self, from: usize, to: usize) -> usize {
        (from..to).rev().find(|&k| matches!(self.chunk_kind(k), ChunkKind::Conj)).map_or(to, |k| k + 1)
    }

    /// Parses one conjunct: an NP and its `of`/`from`/`in` attachments.
    fn parse_conj(
        &self,
        c: usize,
        end: usize,
        depth: usize,
        res: Option<&Resolver>,
        nested: &mut Vec<Arg>,
    ) -> (Conj, usize) {
        let chunk = &self.doc.chunks()[c];
        let ChunkKind::Np { possessor_end } = chunk.kind else { unreachable!("parse_conj on a non-NP") };
        let mut next = c + 1;
        let mut attachments: Vec<(Attach, Arg)> = Vec::new();
        // Attachments, at most a few levels deep (bounded work on long chains).
        while depth < 6 && next + 1 < end && matches!(self.chunk_kind(next), ChunkKind::Prep) && self.is_np(next + 1) {
            let Some(kind) = attaching(self.word(next)) else {
                break;
            };
            // "in"/"at" attach only a place ("the embassy in Paris"), not a time or a thing.
            if kind == Attach::In && !self.names_place(next + 1) {
                break;
            }
            let (sub, n) = self.parse_arg(next + 1, end, depth + 1, false, res, nested);
            nested.push(sub.clone());
            attachments.push((kind, sub));
            next = n;
        }
        let mut conj = self.compose(chunk.start, chunk.end, chunk.head, possessor_end, &attachments);
        if let Some(r) = res
            && !matches!(conj.reference, Reference::Named | Reference::Nothing)
        {
            r.resolve(&mut conj);
        }
        let end_tok = attachments.last().map_or(chunk.end, |(_, a)| a.end);
        (Conj { end: end_tok, ..conj }, next)
    }

    /// Whether the NP chunk `c` names a place, a capital or a country.
    fn names_place(&self, c: usize) -> bool {
        let ch = &self.doc.chunks()[c];
        self.found.iter().any(|f| {
            f.start >= ch.start
                && f.end <= ch.end
                && f.lexemes
                    .iter()
                    .any(|l| matches!(l, Lexeme::Actor(_, ActorKind::Place | ActorKind::Capital | ActorKind::Name)))
        })
    }

    /// The dictionary phrases that start in tokens `start..end` (a name may run on into an
    /// attached phrase: "Republic of the Congo").
    fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Found> {
        let from = self.found.partition_point(|f| f.start < start);
        self.found[from..].iter().take_while(move |f| f.start < end)
    }

    /// Composes the actors of one noun phrase (own tokens `start..end`, possessor before
    /// `possessor_end`) with its attachments; a prefix agent (PETRARCH's `NGO~`: "MSF
    /// Arnor" → NGOARN) goes before the codes so made.
    fn compose(
        &self,
        start: usize,
        end: usize,
        head: usize,
        possessor_end: Option<usize>,
        attachments: &[(Attach, Arg)],
    ) -> Conj {
        let mut conj = self.compose_codes(start, end, head, possessor_end, attachments);
        let own_start = possessor_end.unwrap_or(start);
        let prefix = self.mentions_in(own_start, end).flat_map(|f| f.lexemes.iter()).find_map(|l| match *l {
            Lexeme::Agent(a, AgentKind::Prefix) => self.dicts.agent(a).sectors.first().copied(),
            _ => None,
        });
        if let Some(prefix) = prefix {
            for a in &mut conj.actors {
                let mut code = ActorCode::new(prefix);
                for part in a.code.parts().iter().filter(|p| **p != Code3::UNKNOWN) {
                    code = code.with_sector(part.as_str());
                }
                a.code = code;
            }
        }
        conj
    }

    fn compose_codes(
        &self,
        start: usize,
        end: usize,
        head: usize,
        possessor_end: Option<usize>,
        attachments: &[(Attach, Arg)],
    ) -> Conj {
        let doc = self.doc;
        let own_start = possessor_end.unwrap_or(start);
        let mut names: Vec<ActorRef> = Vec::new();
        let mut adjectives: Vec<ActorRef> = Vec::new();
        let mut places: Vec<Place> = Vec::new();
        let mut agents: Vec<(Vec<Code3>, AgentKind, Origin, usize)> = Vec::new();
        let mut former = false;
        let mut person_like = false;
        let mut person_starts: Vec<usize> = Vec::new();
        let mut proper_name = false;
        let mut covered = 0usize;
        for f in self.mentions_in(own_start, end) {
            covered += f.end - f.start;
            // An entry dated for this time wins over undated ones ("Moscow" in 1985 is SUN).
            let dated_holds = f.lexemes.iter().any(|l| {
                matches!(l, Lexeme::Actor(a, _) if self.dicts.actor(*a).is_dated() && self.dicts.actor(*a).holds_on(self.date))
            });
            for lx in &f.lexemes {
                match *lx {
                    Lexeme::Actor(a, kind) => {
                        let e = self.dicts.actor(a);
                        if !e.holds_on(self.date) || dated_holds && !e.is_dated() {
                            continue;
                        }
                        let r = ActorRef {
                            code: e.code,
                            start: f.start,
                            end: f.end,
                            origins: vec![e.origin.clone()],
                            antecedent: None,
                            reciprocal: false,
                            place_only: false,
                            domestic: false,
                            unknown: false,
                        };
                        match kind {
                            ActorKind::Name | ActorKind::Media | ActorKind::People | ActorKind::Capital => {
                                proper_name |= kind != ActorKind::People && f.end == end;
                                names.push(r)
                            }
                            ActorKind::Adjective => adjectives.push(r),
                            ActorKind::Place => {
                                places.push(Place { country: e.code.primary(), start: f.start, end: f.end })
                            }
                        }
                    }
                    Lexeme::Person(p) => {
                        if let Some(code) = self.dicts.person_code(p, self.date) {
                            let origin = self.dicts.person(p).origin.clone();
                            names.push(ActorRef {
                                code,
                                start: f.start,
                                end: f.end,
                                origins: vec![origin],
                                antecedent: None,
                                reciprocal: false,
                                place_only: false,
                                domestic: false,
                                unknown: false,
                            });
                            person_like = true;
                            person_starts.push(f.start);
                        }
                    }
                    // prefixes are put before the code by `compose`
                    Lexeme::Agent(_, AgentKind::Prefix) => {}
                    // "the Umma party": only after a proper name of its own phrase
                    Lexeme::Agent(_, AgentKind::Named)
                        if f.start <= own_start || doc.tokens()[f.start - 1].tag != Tag::NNP => {}
                    Lexeme::Agent(a, kind) => {
                        let e = self.dicts.agent(a);
                        if kind == AgentKind::Former {
                            former = true;
                        } else {
                            agents.push((e.sectors.clone(), kind, e.origin.clone(), f.start));
                            person_like |= kind == AgentKind::Generic || is_person_noun(doc.lemma(f.end - 1));
                        }
                    }
                }
            }
        }
        // A capital named as the place of something else is a place ("the embassy in
        // Moscow" is handled by attachment; "Moscow police" here).
        if !agents.is_empty() {
            names.retain(|n| {
                let is_capital_only = self.found.iter().any(|f| {
                    f.start == n.start
                        && f.lexemes
                            .iter()
                            .all(|l| matches!(l, Lexeme::Actor(_, ActorKind::Capital | ActorKind::Place)))
                });
                if is_capital_only {
                    places.push(Place { country: n.code.primary(), start: n.start, end: n.end });
                }
                !is_capital_only
            });
        }
        let sectors = choose_sectors(&agents);
        // Envoys (embassies, consuls) represent their country wherever they are: a place
        // never gives them one.
        let envoy = agents.iter().any(|a| a.1 == AgentKind::Envoy);
        if envoy {
            places.clear();
        }
        let agent_origins: Vec<Origin> = agents.iter().map(|a| a.2.clone()).collect();
        let agent_start = agents.iter().map(|a| a.3).min().unwrap_or(own_start);
        let possessor = possessor_end.map(|p| self.possessor_actors(start, p));
        let of_actors = |kinds: &[Attach]| -> Vec<ActorRef> {
            attachments.iter().filter(|(k, _)| kinds.contains(k)).flat_map(|(_, a)| a.actors().cloned()).collect()
        };
        let location = attachments
            .iter()
            .filter(|(k, _)| *k == Attach::In)
            .find_map(|(_, a)| self.place_of(a))
            .or_else(|| places.first().cloned());
        let count = (own_start..end).find(|&i| doc.tokens()[i].tag == Tag::CD).and_then(|i| number_value(doc.norm(i)));
        let definite = matches!(doc.norm(own_start), "the" | "this" | "that" | "these" | "those");
        let pron = doc.norm(head);
        let mut conj = Conj {
            start,
            end,
            head,
            actors: Vec::new(),
            reference: Reference::Nothing,
            location,
            adjective_only: false,
            count,
            person_like,
            own: false,
            proper_name,
        };
        // Pronouns.
        if end - start == 1 && doc.tokens()[head].tag == Tag::PRP {
            let person = PERSON_PRONOUNS.contains(&pron);
            let plural = PLURAL_PRONOUNS.contains(&pron);
            if person || plural || THING_PRONOUNS.contains(&pron) {
                conj.reference = Reference::Pronoun {
                    person,
                    plural,
                    reflexive: pron.ends_with("self") || pron.ends_with("selves"),
                };
                conj.person_like = person;
            }
            return conj;
        }
        let with_former = |code: ActorCode| {
            if former { code.country_only().with_sector("ELI") } else { code }
        };
        // "NATO Secretary General Jens Stoltenberg": a title naming an organisation or a
        // country says what the person is here, whatever the person's dated roles say
        let titled =
            names.iter().any(|n| !person_starts.contains(&n.start) && person_starts.iter().any(|&p| n.start < p));
        if titled {
            names.retain(|n| !person_starts.contains(&n.start));
        }
        if !names.is_empty() {
            // "US (and British forces)": a bare abbreviated country name stands as an
            // adjective does, and borrows the sectors of the last conjunct
            conj.adjective_only = names.len() == 1
                && sectors.is_empty()
                && names[0].start == own_start
                && names[0].end == end
                && is_country_code(names[0].code.primary())
                && names[0].code.rest().is_empty()
                && (own_start..end).all(|i| is_abbreviation(doc, i));
            // Names: the most specific one (a person over a country adjective).
            for mut n in names {
                if n.code.rest().is_empty() && !sectors.is_empty() {
                    for s in &sectors {
                        n.code = n.code.with_sector(s.as_str());
                    }
                    n.origins.extend(agent_origins.iter().cloned());
                    n.start = n.start.min(agent_start);
                }
                n.code = with_former(n.code);
                if !conj.actors.iter().any(|a: &ActorRef| a.code == n.code) {
                    conj.actors.push(n);
                }
            }
            // "French President Emmanuel Macron": the person subsumes the adjective.
            // ("the rebel Revolutionary United Front" is an organisation, an "it", though
            // "rebel" alone would be people)
            if proper_name && person_starts.is_empty() {
                conj.person_like = false;
            }
            conj.reference = Reference::Named;
            conj.own = true;
            return conj;
        }
        if !sectors.is_empty() {
            let mut countries: Vec<ActorRef> = adjectives.clone();
            if countries.is_empty() {
                countries.extend(places.iter().map(|p| ActorRef::new(ActorCode::new(p.country), p.start, p.end)));
            }
            if countries.is_empty()
                && let Some(p) = &possessor
            {
                countries.extend(p.iter().cloned());
            }
            conj.own = !countries.is_empty();
            // "its troops": the owner is found by coreference, not by a "from" phrase
            let possessive_pronoun = doc.tokens()[own_start].tag == Tag::PRPS;
            if countries.is_empty() && !possessive_pronoun {
                countries = of_actors(&[Attach::Of, Attach::From]);
            }
            if countries.is_empty()
                && !envoy
                && let Some(loc) = &conj.location
            {
                // "lawmakers in Fornost and Gondor": each place of a coordinated "in"
                let mut places: Vec<Place> = attachments
                    .iter()
                    .filter(|(k, _)| *k == Attach::In)
                    .flat_map(|(_, a)| a.conjuncts.iter())
                    .filter_map(|c| {
                        c.location.clone().or_else(|| {
                            c.actors.first().map(|r| Place { country: r.code.primary(), start: r.start, end: r.end })
                        })
                    })
                    .collect();
                if places.is_empty() {
                    places.push(loc.clone());
                }
                for p in places {
                    if countries.iter().any(|c: &ActorRef| c.code.primary() == p.country) {
                        continue;
                    }
                    countries.push(ActorRef::new(ActorCode::new(p.country), p.start, p.end));
                }
            }
            if countries.is_empty() {
                let foreign = (own_start..end).any(|i| doc.norm(i) == "foreign");
                let possessive_pronoun = doc.tokens()[own_start].tag == Tag::PRPS;
                conj.reference =
                    Reference::Countryless { sectors: sectors.clone(), foreign, definite, possessive_pronoun, envoy };
                let mut code = ActorCode::new(Code3::UNKNOWN);
                for s in &sectors {
                    code = code.with_sector(s.as_str());
                }
                conj.actors.push(ActorRef {
                    code: with_former(code),
                    start: agent_start,
                    end,
                    origins: agent_origins,
                    antecedent: None,
                    reciprocal: false,
                    place_only: false,
                    domestic: false,
                    unknown: false,
                });
                return conj;
            }
            for c in countries {
                let mut code = c.code.country_only();
                // an organisation keeps its own parts ("IGOUNO" + ... stays IGOUNO)
                if !c.code.rest().is_empty() && !is_country_code(c.code.primary()) {
                    code = c.code;
                }
                for s in &sectors {
                    code = code.with_sector(s.as_str());
                }
                let mut origins = c.origins.clone();
                origins.extend(agent_origins.iter().cloned());
                let r = ActorRef {
                    code: with_former(code),
                    start: c.start.min(agent_start),
                    end: c.end.max(end),
                    origins,
                    antecedent: c.antecedent,
                    reciprocal: c.reciprocal,
                    place_only: false,
                    domestic: false,
                    unknown: false,
                };
                if !conj.actors.iter().any(|a| a.code == r.code) {
                    conj.actors.push(r);
                }
            }
            conj.reference = Reference::Named;
            return conj;
        }
        if !adjectives.is_empty() {
            // Only country adjectives: "the French", or "Polish" in a coordination.
            // "Senior Hungarian (and Romanian officials)": other adjectives may stand with it
            let plain = (own_start..end).filter(|&i| matches!(doc.tokens()[i].tag, Tag::JJ | Tag::DT)).count();
            conj.adjective_only = covered + plain >= end - own_start;
            conj.actors = adjectives;
            conj.reference = Reference::Named;
            conj.own = true;
            return conj;
        }
        // "both sides", "the two countries"
        if is_pair_phrase(doc, own_start, end) {
            conj.reference = Reference::Pair;
            return conj;
        }
        if is_other_side(doc, own_start, end) {
            conj.reference = Reference::Reciprocal;
            conj.actors
                .push(ActorRef { reciprocal: true, ..ActorRef::new(ActorCode::new(Code3::UNKNOWN), start, end) });
            return conj;
        }
        // No actor words of its own: the possessor's or the `of` phrase's actor ("the
        // request of Kommersant", "one of the heads of ..."), and its person-likeness.
        let passed = match possessor.filter(|p| !p.is_empty()) {
            Some(p) => {
                conj.own = true;
                p
            }
            None => {
                conj.person_like = attachments
                    .iter()
                    .find(|(k, _)| *k == Attach::Of)
                    .and_then(|(_, a)| a.conjuncts.first())
                    .is_some_and(|c| c.person_like);
                of_actors(&[Attach::Of])
            }
        };
        if !passed.is_empty() {
            conj.actors = passed;
            conj.reference = Reference::Named;
            return conj;
        }
        // A bare count ("Four killed in air strike", "gunmen killed 75", "Hundreds
        // rallied"): people, local unless the story says otherwise
        if !attachments.iter().any(|(k, _)| *k == Attach::Of) && is_head_count(doc, own_start, end) {
            conj.reference = Reference::Countryless {
                sectors: vec![Code3::new("CVL").expect("a sector code")],
                foreign: false,
                definite: false,
                possessive_pronoun: false,
                envoy: false,
            };
            conj.actors.push(ActorRef::new(ActorCode::new(Code3::UNKNOWN).with_sector("CVL"), start, end));
            return conj;
        }
        // A place named alone ("shelled Aleppo", "airstrikes on Gaza") stands for its
        // country as a target; it never acts.
        if let Some(p) = places.iter().find(|p| p.start <= head && head < p.end) {
            conj.actors.push(ActorRef { place_only: true, ..ActorRef::new(ActorCode::new(p.country), p.start, p.end) });
            conj.reference = Reference::Named;
        }
        conj
    }

    /// The actors of a possessor ("Navalny's", "Russia's").
    fn possessor_actors(&self, start: usize, possessor_end: usize) -> Vec<ActorRef> {
        // the possessor is everything before the last possessive marker
        let end = possessor_end.saturating_sub(1).max(start);
        if end <= start {
            return Vec::new();
        }
        let head = end - 1;
        let conj = self.compose(start, end, head, None, &[]);
        conj.actors
    }

    fn place_of(&self, a: &Arg) -> Option<Place> {
        let c = a.conjuncts.first()?;
        if let Some(l) = &c.location {
            return Some(l.clone());
        }
        c.actors.first().map(|r| Place { country: r.code.primary(), start: r.start, end: r.end })
    }
}

/// Whether an agent noun names people rather than an institution ("diplomat",
/// "spokesman" but not "embassy"): pronouns agree with it ("him", "they").
fn is_person_noun(lemma: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "diplomat",
        "president",
        "minister",
        "ambassador",
        "envoy",
        "official",
        "head",
        "chief",
        "leader",
        "judge",
        "king",
        "queen",
        "premier",
        "chancellor",
        "consul",
        "attache",
        "general",
        "soldier",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "deputy",
        "senator",
        "lawmaker",
        "journalist",
        "reporter",
        "correspondent",
        "rebel",
        "militant",
        "activist",
        "dissident",
        "civilian",
        "resident",
        "citizen",
        "refugee",
        "student",
        "teacher",
        "worker",
        "emir",
        "sultan",
        "monarch",
        "governor",
        "mayor",
        "prosecutor",
        "magistrate",
        "negotiator",
        "representative",
        "delegate",
        "commander",
        "spy",
        "agent",
        "policeman",
        "legislator",
        "parliamentarian",
        "insurgent",
        "guerrilla",
        "separatist",
    ];
    PEOPLE.contains(&lemma) || lemma.ends_with("man") || lemma.ends_with("woman") || lemma.ends_with("ist")
}

/// "US", "U.S.", "UK": token `i` is in capitals, with at most four letters.
fn is_abbreviation(doc: &Doc, i: usize) -> bool {
    doc.tokens()[i].shape.has(attache_text::Shape::ALL_CAPS)
        && doc.word(i).chars().filter(|c| c.is_alphabetic()).count() <= 4
}

fn is_country_code(c: Code3) -> bool {
    matches!(
        attache_ontology::country_kind(c.as_str()),
        Some(attache_ontology::CountryKind::Country | attache_ontology::CountryKind::Historical)
    )
}

/// Sector codes of the agents of one phrase: specific ones over generic ones ("military
/// officials" → MIL), at most two.
fn choose_sectors(agents: &[(Vec<Code3>, AgentKind, Origin, usize)]) -> Vec<Code3> {
    let specific: Vec<&(Vec<Code3>, AgentKind, Origin, usize)> =
        agents.iter().filter(|a| a.1 != AgentKind::Generic).collect();
    let pool: Vec<&(Vec<Code3>, AgentKind, Origin, usize)> =
        if specific.is_empty() { agents.iter().collect() } else { specific };
    let mut out: Vec<Code3> = Vec::new();
    for a in pool {
        for s in &a.0 {
            if !out.contains(s) && out.len() < 2 {
                out.push(*s);
            }
        }
    }
    out
}

/// In "Polish, Swedish and German diplomats", the adjective-only conjuncts borrow the
/// sectors of the last conjunct.
fn distribute_agents(conjuncts: &mut [Conj]) {
    if conjuncts.len() < 2 {
        return;
    }
    let Some(last) = conjuncts.last() else { return };
    if last.adjective_only || last.actors.is_empty() {
        return;
    }
    let sectors: Vec<Code3> = last.actors[0].code.rest().to_vec();
    let person_like = last.person_like;
    if sectors.is_empty() {
        return;
    }
    let n = conjuncts.len();
    for c in &mut conjuncts[..n - 1] {
        if c.adjective_only {
            for a in &mut c.actors {
                for s in &sectors {
                    a.code = a.code.with_sector(s.as_str());
                }
            }
            c.adjective_only = false;
            c.person_like = person_like;
        }
    }
}

fn is_other_side(doc: &Doc, start: usize, end: usize) -> bool {
    let words: Vec<&str> = (start..end).map(|i| doc.norm(i)).collect();
    matches!(
        words.as_slice(),
        ["the", "other", "side"]
            | ["the", "other"]
            | ["each", "other"]
            | ["one", "another"]
            | ["the", "other", "country"]
            | ["the", "other", "party"]
    )
}

/// Whether a phrase is only a count of people: a number or "hundreds", "dozens" (not
/// "millions", mostly money), with at most an approximation ("over 5,000", "at least
/// 12"), and not a year, a sum or a share.
fn is_head_count(doc: &Doc, start: usize, end: usize) -> bool {
    let mut count = false;
    for i in start..end {
        let w = doc.norm(i);
        let tag = doc.tokens()[i].tag;
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with('1') || w.starts_with('2'));
        if matches!(w, "hundreds" | "thousands" | "dozens" | "scores" | "tens") || tag == Tag::CD && !year {
            count = true;
        } else if !matches!(
            w,
            "over" | "about" | "around" | "nearly" | "almost" | "some" | "up" | "to" | "at" | "least" | "more" | "than"
        ) {
            return false;
        }
    }
    count
        && !matches!(doc.norm(end.saturating_sub(1)), "%" | "percent" | "million" | "billion")
        && (start == 0 || !matches!(doc.norm(start - 1), "$" | "£" | "€"))
}

fn is_pair_phrase(doc: &Doc, start: usize, end: usize) -> bool {
    let words: Vec<&str> = (start..end).map(|i| doc.norm(i)).collect();
    let pair_noun = |w: &str| {
        matches!(
            w,
            "sides" | "countries" | "governments" | "capitals" | "nations" | "states" | "neighbours" | "neighbors"
        )
    };
    match words.as_slice() {
        ["both", n] | ["the", "two", n] | ["both", "their", n] => pair_noun(n),
        // "agreed that their countries should cooperate"
        ["their", n] => matches!(*n, "countries" | "governments" | "nations"),
        _ => false,
    }
}

/// The value of a number word or numeral ("three" → 3, "1,000" → 1000).
pub(crate) fn number_value(w: &str) -> Option<u32> {
    let n = match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "twenty" => 20,
        _ if w.starts_with(|c: char| c.is_ascii_digit()) => {
            // "1,000": digits and thousands separators only
            let mut v: u32 = 0;
            for c in w.chars() {
                match c {
                    '0'..='9' => v = v.checked_mul(10)?.checked_add(c as u32 - '0' as u32)?,
                    ',' => {}
                    _ => return None,
                }
            }
            return Some(v);
        }
        _ => return None,
    };
    Some(n)
}
