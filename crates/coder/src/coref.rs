//! Coreference within a document: "him", "the ministry", "both sides", "three foreign
//! diplomats ... Diplomats from Poland, Sweden and Germany".
//!
//! The resolver keeps the actors named so far (the history) and, for descriptions that a
//! later sentence elaborates, a first-pass view of the sentences that follow:
//!
//! * personal pronouns take the most recent antecedent that agrees (a person for "he",
//!   "him"; a country, organisation or institution for "it"; a plural or a group for
//!   "they");
//! * a definite description without a country ("the ministry", "the court") takes the
//!   country of the most recent actor of the same sector;
//! * an indefinite or "foreign" description ("three foreign diplomats") takes the actors
//!   of the next mention with the same head noun that names countries, within the next
//!   two sentences (and, for a counted phrase, as many actors as it counts);
//! * "both sides", "the two countries" take the last two countries named.

use attache_ontology::{ActorCode, Code3};
use attache_text::{Doc, Tag};

use crate::args::{ActorRef, Arg, Conj, Reference};

#[derive(Debug, Clone)]
struct Antecedent {
    actors: Vec<ActorRef>,
    person_like: bool,
    plural: bool,
    sentence: usize,
    head_lemma: String,
    /// Named where something happens ("met in Brussels"): a place, not a party.
    locative: bool,
}

/// Builds the first-pass arguments (no coreference) of a sentence, for lookahead.
pub(crate) type FirstPass<'a> = dyn Fn(usize) -> Vec<Arg> + 'a;

/// The coreference resolver of one document.
pub(crate) struct Resolver<'a> {
    history: Vec<Antecedent>,
    /// First-pass arguments of later sentences, built when an elaboration is looked for.
    lookahead: std::cell::RefCell<rustc_hash::FxHashMap<usize, std::rc::Rc<Vec<Arg>>>>,
    first_pass: &'a FirstPass<'a>,
    sentences: usize,
    doc: &'a Doc,
    /// The sentence being built.
    pub sentence: usize,
    /// The actors of the subject of the clause an object pronoun stands in.
    pub clause_subject: Vec<attache_ontology::ActorCode>,
    /// The country the sentence places itself in ("in Jakarta", "across Iran"), if any.
    pub sentence_place: Option<attache_ontology::Code3>,
}

/// How far back (in sentences) a pronoun or description may find its antecedent.
const WINDOW: usize = 4;

impl<'a> Resolver<'a> {
    pub fn new(doc: &'a Doc, first_pass: &'a FirstPass<'a>) -> Resolver<'a> {
        Resolver {
            history: Vec::new(),
            lookahead: Default::default(),
            first_pass,
            sentences: doc.sentences().len(),
            doc,
            sentence: 0,
            clause_subject: Vec::new(),
            sentence_place: None,
        }
    }

    fn first_pass_args(&self, s: usize) -> std::rc::Rc<Vec<Arg>> {
        self.lookahead.borrow_mut().entry(s).or_insert_with(|| std::rc::Rc::new((self.first_pass)(s))).clone()
    }

    /// Records the actors of a top-level argument as possible antecedents.
    pub fn register(&mut self, arg: &Arg) {
        if arg.appositive {
            return;
        }
        let plural_group = arg.conjuncts.len() > 1;
        let locative = arg.start > 0
            && matches!(
                self.doc.norm(arg.start - 1),
                "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout" | "off"
            );
        let mut all = Vec::new();
        for c in &arg.conjuncts {
            if c.actors.is_empty() || c.actors.iter().all(|a| a.code.is_countryless()) {
                continue;
            }
            all.extend(c.actors.iter().cloned());
            self.history.push(Antecedent {
                actors: c.actors.clone(),
                person_like: c.person_like,
                plural: self.is_plural(c) || c.actors.len() > 1,
                sentence: self.sentence,
                head_lemma: self.doc.lemma(c.head).to_string(),
                locative,
            });
        }
        if plural_group && all.len() > 1 {
            let person_like = arg.conjuncts.iter().all(|c| c.person_like);
            let head_lemma = arg.conjuncts.last().map(|c| self.doc.lemma(c.head).to_string()).unwrap_or_default();
            self.history.push(Antecedent {
                actors: all,
                person_like,
                plural: true,
                sentence: self.sentence,
                head_lemma,
                locative,
            });
        }
    }

    fn is_plural(&self, c: &Conj) -> bool {
        !c.proper_name && matches!(self.doc.tokens()[c.head].tag, Tag::NNS | Tag::NNPS)
    }

    fn recent(&self) -> impl Iterator<Item = &Antecedent> {
        let floor = self.sentence.saturating_sub(WINDOW);
        self.history.iter().rev().take_while(move |a| a.sentence >= floor)
    }

    /// Resolves a conjunct that does not name its actors itself.
    pub fn resolve(&self, conj: &mut Conj) {
        match conj.reference.clone() {
            Reference::Pronoun { person, plural, reflexive } => {
                // "Poland condemned it": an object pronoun is not its own clause's subject;
                // a reflexive one is
                let exclude = &self.clause_subject;
                let allowed = |a: &&Antecedent| {
                    let local = a.actors.iter().any(|x| exclude.contains(&x.code));
                    !a.locative && (reflexive == local || exclude.is_empty())
                };
                // "they": a plural first, else a country or organisation
                let found = if person {
                    self.recent().filter(allowed).find(|a| a.person_like && !a.plural)
                } else if plural {
                    self.recent()
                        .filter(allowed)
                        .find(|a| a.plural)
                        .or_else(|| self.recent().filter(allowed).find(|a| !a.person_like))
                } else {
                    self.recent().filter(allowed).find(|a| !a.person_like && !a.plural)
                };
                if let Some(a) = found {
                    conj.actors = self.as_antecedent(&a.actors, conj);
                }
            }
            Reference::Countryless { sectors, foreign, definite, possessive_pronoun, envoy } => {
                // ("their governments" looks back through "their", never ahead)
                if (foreign || !definite)
                    && !possessive_pronoun
                    && let Some(actors) = self.elaboration(conj, &sectors)
                {
                    conj.actors = self.as_antecedent(&actors, conj);
                    return;
                }
                // "students staged protests in Jakarta": local actors of a sentence that is
                // placed in one country belong to it (envoys and foreigners excepted)
                // elsewhere they are the country's of the other party of their event
                // ("Chadian troops attacked rebels"), which the event coder supplies
                let placed = |conj: &mut Conj| {
                    let Some(own) = conj.actors.first_mut() else { return };
                    if envoy || foreign {
                        return;
                    }
                    match self.sentence_place {
                        Some(c) => own.code = own.code.with_primary(c),
                        None => own.domestic = true,
                    }
                };
                // an indefinite ("an official", "three diplomats") introduces someone new:
                // only a later elaboration names them, never an earlier actor
                if foreign || !definite && !possessive_pronoun {
                    placed(conj);
                    return;
                }
                // "the ministry", "its embassy": the country of the latest actor of the same
                // sector (or, for a possessive pronoun, of the latest actor at all).
                // the same head noun first ("the ministry" <- "the Russian Foreign Ministry"),
                // then the same sector
                let head = self.doc.lemma(conj.head);
                // (a place is nobody's possessor: "their crews" after "off the Kuril
                // Islands" are the boats')
                let usable = |a: &&Antecedent| {
                    a.actors.iter().any(|x| !(x.code.is_countryless() || possessive_pronoun && x.place_only))
                };
                let found =
                    self.recent().filter(usable).find(|a| !possessive_pronoun && a.head_lemma == head).or_else(|| {
                        self.recent().filter(usable).find(|a| {
                            a.actors
                                .iter()
                                .any(|x| possessive_pronoun || sectors.iter().any(|s| x.code.has_sector(s.as_str())))
                        })
                    });
                if let Some(a) = found {
                    let mut out = Vec::new();
                    for x in a.actors.iter().filter(|x| !x.code.is_countryless()) {
                        let code = conj.actors.first().map_or(x.code, |own| own.code.with_primary(x.code.primary()));
                        if !out.iter().any(|r: &ActorRef| r.code == code) {
                            out.push(ActorRef {
                                code,
                                start: conj.start,
                                end: conj.end,
                                origins: own_origins(conj),
                                antecedent: Some((x.start, x.end)),
                                reciprocal: false,
                                place_only: false,
                                domestic: false,
                                unknown: false,
                            });
                        }
                        if definite {
                            break;
                        }
                    }
                    conj.actors = out;
                } else {
                    placed(conj);
                    // "rallied against the government": nobody else's, so the source's own
                    if !envoy
                        && conj.actors.iter().all(|a| a.code.is_countryless())
                        && let Some(own) = conj.actors.first_mut()
                    {
                        own.domestic = true;
                    }
                }
            }
            Reference::Pair => {
                let mut countries: Vec<&ActorRef> = Vec::new();
                for a in self.recent().filter(|a| !a.locative) {
                    // places ("met in Brussels") are not sides
                    for x in a.actors.iter().filter(|x| !x.place_only) {
                        if !x.code.is_countryless() && !countries.iter().any(|c| c.code.primary() == x.code.primary()) {
                            countries.push(x);
                        }
                    }
                    if countries.len() >= 2 {
                        break;
                    }
                }
                if countries.len() >= 2 {
                    conj.actors = countries[..2]
                        .iter()
                        .map(|x| ActorRef {
                            code: ActorCode::new(x.code.primary()),
                            start: conj.start,
                            end: conj.end,
                            origins: Vec::new(),
                            antecedent: Some((x.start, x.end)),
                            reciprocal: false,
                            place_only: false,
                            domestic: false,
                            unknown: false,
                        })
                        .collect();
                }
            }
            Reference::Named | Reference::Nothing | Reference::Reciprocal => {}
        }
    }

    /// The actors of a later mention with the same head noun that names countries.
    fn elaboration(&self, conj: &Conj, sectors: &[Code3]) -> Option<Vec<ActorRef>> {
        let head = self.doc.lemma(conj.head);
        for s in self.sentence..(self.sentence + 3).min(self.sentences) {
            // building a sentence's arguments is costly: only where the head noun recurs
            let tokens = self.doc.sentences()[s].tokens.clone();
            let from = if s == self.sentence { (conj.start + 1).max(tokens.start) } else { tokens.start };
            if !(from..tokens.end).any(|t| self.doc.lemma(t) == head) {
                continue;
            }
            let args = self.first_pass_args(s);
            for arg in args.iter() {
                if arg.start <= conj.start && s == self.sentence {
                    continue;
                }
                for c in &arg.conjuncts {
                    let same_head = self.doc.lemma(c.head) == head;
                    let countries: Vec<ActorRef> = c
                        .actors
                        .iter()
                        .filter(|a| !a.code.is_countryless() && sectors.iter().all(|x| a.code.has_sector(x.as_str())))
                        .cloned()
                        .collect();
                    if same_head && !countries.is_empty() && conj.count.is_none_or(|n| n as usize == countries.len()) {
                        return Some(countries);
                    }
                }
            }
        }
        None
    }

    fn as_antecedent(&self, actors: &[ActorRef], conj: &Conj) -> Vec<ActorRef> {
        actors
            .iter()
            .map(|a| ActorRef {
                code: a.code,
                start: conj.start,
                end: conj.end,
                origins: a.origins.clone(),
                antecedent: Some((a.start, a.end)),
                reciprocal: false,
                place_only: false,
                domestic: false,
                unknown: false,
            })
            .collect()
    }
}

fn own_origins(conj: &Conj) -> Vec<attache_dict::Origin> {
    conj.actors.first().map(|a| a.origins.clone()).unwrap_or_default()
}
