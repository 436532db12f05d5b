//! Document reasoning: what only the whole story tells.
//!
//! * **Reciprocity**: "Russia took a symmetrical step" codes the mirror of the latest act
//!   done *to* Russia, and links to it.
//! * **Attribution** stated in a sentence of its own ("This became known to Les Echos")
//!   goes to the events of the sentence before.
//! * **Dates**: each event takes the temporal expression of its sentence nearest to its
//!   trigger, else the publication date, labelled as such.
//! * **One event, one record**: the same event told in the lede and again in the body is
//!   merged, keeping every mention.

use attache_text::Doc;
use chrono::NaiveDate;

use crate::args::ActorRef;
use crate::dates::{DateValue, TimeExpr};
use crate::events::{RawEvent, TargetInference, same_primary};
use crate::record::DateSource;
use attache_ontology::ActorCode;

/// The date chosen for an event.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    pub value: Option<DateValue>,
    pub source: DateSource,
    /// Tokens of the phrase.
    pub phrase: Option<(usize, usize)>,
}

/// An event after document reasoning.
#[derive(Debug, Clone)]
pub(crate) struct Final {
    pub ev: RawEvent,
    pub date: Dated,
    /// (sentence, trigger tokens) of every mention.
    pub mentions: Vec<(usize, (usize, usize))>,
    pub reciprocates: Option<usize>,
}

pub(crate) struct Reasoner<'a> {
    pub doc: &'a Doc,
    pub dicts: &'a attache_dict::Dictionaries,
    pub times: &'a [Vec<TimeExpr>],
    pub pub_date: Option<NaiveDate>,
    /// Attribution found in each sentence.
    pub attribution: &'a [Vec<ActorRef>],
    /// PETRARCH's `require_dyad` ([`crate::Coder::with_require_dyad`]).
    pub require_dyad: bool,
}

impl<'a> Reasoner<'a> {
    pub fn run(&self, mut raw: Vec<RawEvent>) -> Vec<Final> {
        self.resolve_mirrors(&mut raw);
        link_answers(&mut raw);
        self.attribute_back(&mut raw);
        if self.dicts.petrarch_conventions() {
            // PETRARCH's dictionaries come with its convention: no target, no event
            // (unless `require_dyad` is off)
            if self.require_dyad {
                for e in raw.iter_mut().filter(|e| e.target.is_none()) {
                    e.code = None;
                }
            }
        } else {
            self.resolve_event_objects(&mut raw);
            infer_targets(&mut raw);
            // a meeting with no one else ("the cabinet met on Sunday") is no act between actors
            for e in raw.iter_mut().filter(|e| e.target.is_none() && e.code.is_some_and(|c| c.root_number() == 4)) {
                e.code = None;
            }
        }
        // an event with neither a named source nor any target or place says nothing usable
        // (dropped below with the unresolved reciprocal acts, which keeps links right)
        for e in raw.iter_mut().filter(|e| e.source.unknown && e.target.is_none()) {
            e.code = None;
        }
        // Unresolved reciprocal acts (no code) are dropped; indices shift accordingly.
        let mut index = vec![None; raw.len()];
        let mut n = 0;
        for (i, e) in raw.iter().enumerate() {
            if e.code.is_some() {
                index[i] = Some(n);
                n += 1;
            }
        }
        let dated: Vec<Final> = raw
            .into_iter()
            .filter(|e| e.code.is_some())
            .map(|e| {
                let date = self.date_of(&e);
                let mentions = vec![(e.sentence, e.trigger)];
                let reciprocates = e.reciprocates.and_then(|j| index[j]);
                Final { ev: e, date, mentions, reciprocates }
            })
            .collect();
        merge(dated)
    }

    /// Links each reciprocal act ("retaliated in kind", "took a symmetrical step") to the
    /// act it answers: the latest act done *to* its source by another country, a material
    /// one (expulsion, sanction, force) before a verbal one.
    ///
    /// When the reciprocal act's sentence codes an act of the same source itself
    /// ("retaliated in kind and ordered an Estonian consul to leave"), that event is the
    /// answer and gets the link; otherwise the reciprocal act becomes the mirror image of
    /// the act it answers (its code, its source as target).
    fn resolve_mirrors(&self, raw: &mut [RawEvent]) {
        let answered_by =
            |raw: &[RawEvent], i: usize, src: attache_ontology::ActorCode, root: Option<u8>| -> Option<usize> {
                let candidates: Vec<usize> = (0..i)
                    .rev()
                    .filter(|&j| {
                        let e = &raw[j];
                        e.code.is_some()
                            && e.sentence < raw[i].sentence
                            && e.target.as_ref().is_some_and(|t| same_primary(&t.code, &src))
                            && !same_primary(&e.source.code, &src)
                    })
                    .collect();
                let root_of = |j: usize| raw[j].code.map_or(0, |c| c.root_number());
                root.and_then(|r| candidates.iter().copied().find(|&j| root_of(j) == r))
                    .or_else(|| candidates.iter().copied().find(|&j| root_of(j) >= 14))
                    .or_else(|| candidates.first().copied())
            };
        let mut drop = vec![false; raw.len()];
        for i in 0..raw.len() {
            if raw[i].code.is_some() {
                continue;
            }
            let src = raw[i].source.code;
            let sentence = raw[i].sentence;
            let own: Vec<usize> = (0..raw.len())
                .filter(|&k| {
                    k != i
                        && raw[k].sentence == sentence
                        && raw[k].code.is_some()
                        && same_primary(&raw[k].source.code, &src)
                })
                .collect();
            if !own.is_empty() {
                for k in own {
                    let root = raw[k].code.map(|c| c.root_number());
                    if let Some(j) = answered_by(raw, k, src, root) {
                        raw[k].reciprocates = Some(j);
                    }
                }
                drop[i] = true;
                continue;
            }
            let Some(j) = answered_by(raw, i, src, None) else {
                continue;
            };
            let code = raw[j].code;
            let other = raw[j].source.clone();
            // the most specific actor of the sentence from the answered act's source country
            let target = raw[i]
                .sentence_actors
                .iter()
                .filter(|a| {
                    same_primary(&a.code, &other.code)
                        && !(a.start == raw[i].source.start && a.end == raw[i].source.end)
                })
                .max_by_key(|a| a.code.parts().len())
                .cloned()
                .unwrap_or(other);
            let secret = raw[j].modality.secret;
            let e = &mut raw[i];
            e.code = code;
            e.target = Some(target);
            e.reciprocates = Some(j);
            // the answer to a secret act is as secret
            e.modality.secret |= secret;
        }
        // Dropped placeholders keep their slot (indices stay valid) but lose their code.
        for (i, d) in drop.into_iter().enumerate() {
            if d {
                raw[i].code = None;
            }
        }
    }

    /// A sentence that only says who reports ("This became known to Les Echos") gives its
    /// attribution to the events of the sentence before it in the same paragraph.
    fn attribute_back(&self, raw: &mut [RawEvent]) {
        let sentences = self.doc.sentences();
        for (s, attr) in self.attribution.iter().enumerate() {
            if attr.is_empty() || s == 0 || raw.iter().any(|e| e.sentence == s) {
                continue;
            }
            if sentences[s].paragraph != sentences[s - 1].paragraph {
                continue;
            }
            for e in raw.iter_mut().filter(|e| e.sentence == s - 1) {
                for a in attr {
                    if !e.attribution.iter().any(|x| x.code == a.code) {
                        e.attribution.push(a.clone());
                    }
                }
            }
        }
    }

    /// Reactions to an earlier act named by a definite noun ("Syria condemned the
    /// attack", "Beijing rejected the protest", "welcomed the decision") target whoever
    /// did that act: the latest earlier act of the story of the noun's kind (by the
    /// noun's own patterns, or any kind for a `refer` noun) done by another country.
    /// A call to release people or property ("demanded their release") is addressed to
    /// whoever holds them: the latest other country to arrest or seize (17). A denial
    /// of "the claim" answers whoever made it (an accuser, or the reporter of an earlier
    /// act, of another country); a complaint naming no one ("lodged a protest") answers
    /// the latest material act (15-20) done to the complainant's country by another.
    /// The target keeps the act's source as its antecedent.
    fn resolve_event_objects(&self, raw: &mut [RawEvent]) {
        for i in 0..raw.len() {
            let e = &raw[i];
            let Some(code) = e.code else { continue };
            let reaction = matches!(code.root_number(), 1 | 2 | 10..=13) || code.as_str().starts_with("051");
            // (a target of no country, "the fishermen", is no one to address)
            let targeted = e.target.as_ref().is_some_and(|t| !t.code.is_countryless());
            if targeted || !reaction || e.source.unknown || e.source.code.is_countryless() {
                continue;
            }
            // "demanded their release": a call to free people or property is addressed to
            // whoever holds them, the latest to arrest or seize (17) in the story
            let release = matches!(code.as_str(), "0253" | "1053");
            // "Tokyo lodged a protest": a complaint that names no one is about what was
            // last done to the complainant's country by another (a material act, 15-20)
            let complaint = code.as_str() == "114" || code.as_str() == "111";
            let Some((noun, family, claim)) = self
                .referring_noun(e)
                .or(release.then(|| (e.trigger.0, Some(vec![17]), false)))
                .or(complaint.then(|| (e.trigger.0, Some(vec![15, 16, 17, 18, 19, 20]), false)))
            else {
                continue;
            };
            let family = if release { Some(vec![17]) } else { family };
            let against_us =
                |a: &RawEvent| !complaint || a.target.as_ref().is_some_and(|t| same_primary(&t.code, &e.source.code));
            let lemma = if release { "" } else { self.doc.lemma(noun) };
            let found = raw[..i].iter().rev().find(|a| {
                let Some(c) = a.code else { return false };
                let before = a.sentence < e.sentence || a.trigger.0 < e.trigger.0;
                let told = !a.modality.negated && !a.modality.hypothetical;
                let other = !a.source.unknown
                    && !a.source.code.is_countryless()
                    && !same_primary(&a.source.code, &e.source.code);
                // (a violent protest is an attack too: "protesters threw stones at the
                // embassy ... condemned the attack")
                let violent = |f: &Vec<u8>| f.iter().any(|r| (18..=20).contains(r)) && c.base().as_str() == "145";
                let kind = family.as_ref().is_none_or(|f| f.contains(&c.root_number()) || violent(f))
                    || !lemma.is_empty() && a.pattern.split_whitespace().any(|w| w == lemma);
                before && told && other && kind && against_us(a)
            });
            // a claim was made by whoever reported an earlier act: "X shelled Y, Y's
            // ministry said. X denied the claim"
            let other_reporter = |a: &RawEvent| {
                a.attribution
                    .iter()
                    .find(|r| !r.code.is_countryless() && !same_primary(&r.code, &e.source.code))
                    .cloned()
            };
            let holder = match found {
                Some(a) => Some(a.source.clone()),
                None if claim => raw[..i].iter().rev().filter(|a| a.sentence < e.sentence).find_map(other_reporter),
                None => None,
            };
            if let Some(h) = holder {
                let target = ActorRef {
                    start: noun,
                    end: noun + 1,
                    antecedent: Some((h.start, h.end)),
                    reciprocal: false,
                    place_only: false,
                    ..h
                };
                raw[i].target = Some(target);
            }
        }
    }

    /// The definite noun of an earlier act that an event's verb governs ("condemned
    /// *the attack*", "called *the decision* regrettable"), with the CAMEO roots of its
    /// kind (`None`: any kind). A noun followed by its own participants ("the attack
    /// on", "the decision by") is not a reference back.
    fn referring_noun(&self, e: &RawEvent) -> Option<(usize, Option<Vec<u8>>, bool)> {
        let range = self.doc.sentences()[e.sentence].tokens.clone();
        let end = range.end.min(e.trigger.1 + 6);
        let mut determiner = false;
        for t in e.trigger.0 + 1..end {
            let norm = self.doc.norm(t);
            match norm {
                "the" | "this" | "that" | "these" | "those" | "such" => {
                    determiner = true;
                    continue;
                }
                "," | ";" | ":" | "." | "and" | "but" | "which" | "who" | "after" | "as" | "because" | "saying" => {
                    return None;
                }
                _ => {}
            }
            if !determiner || !self.doc.tokens()[t].tag.is_noun() {
                continue;
            }
            if t + 1 < range.end && matches!(self.doc.norm(t + 1), "of" | "on" | "against" | "by" | "'s") {
                return None;
            }
            let lemma = self.doc.lemma(t);
            let is = |class| self.dicts.specials(lemma).any(|(sp, f)| *sp == class && f.elements.is_empty());
            // (a claim is made by statements and accusations, or reported)
            if is(attache_dict::Special::Claim) {
                return Some((t, Some(vec![1, 11]), true));
            }
            if is(attache_dict::Special::Refer) {
                return Some((t, None, false));
            }
            let mut roots: Vec<u8> = self
                .dicts
                .noun_patterns(lemma)
                .chain(self.dicts.verb_patterns(lemma))
                .map(|p| p.code.root_number())
                .collect();
            if roots.is_empty() {
                continue;
            }
            roots.sort_unstable();
            roots.dedup();
            return Some((t, Some(roots), false));
        }
        None
    }

    /// Whether a narrative phrase ("then", "later") comes before token `t` in sentence `s`.
    fn continues(&self, s: usize, t: usize) -> bool {
        let range = self.doc.sentences()[s].tokens.clone();
        (range.start..t.min(range.end)).any(|i| {
            self.dicts.specials(self.doc.norm(i)).any(|(sp, f)| {
                *sp == attache_dict::Special::Narrative
                    && f.elements.iter().enumerate().all(|(k, el)| {
                        matches!(el, attache_dict::Element::Word(w) if i + 1 + k < range.end && w.iter().any(|x| x == self.doc.norm(i + 1 + k)))
                    })
            })
        })
    }

    fn date_of(&self, e: &RawEvent) -> Dated {
        let times = &self.times[e.sentence];
        let t = e.trigger.0;
        let nearest = times.iter().min_by_key(|x| if x.end <= t { t - x.end } else { x.start.saturating_sub(t) });
        if let Some(x) = nearest {
            return match x.value {
                Some(v) => Dated { value: Some(v), source: DateSource::Text, phrase: Some((x.start, x.end)) },
                None => Dated { value: None, source: DateSource::Unresolved, phrase: Some((x.start, x.end)) },
            };
        }
        // "Russia then imposed sanctions": the narrative goes on from the paragraph's last date
        if self.continues(e.sentence, t) {
            let para = self.doc.sentences()[e.sentence].paragraph;
            let last = (0..e.sentence)
                .rev()
                .take_while(|&s| self.doc.sentences()[s].paragraph == para)
                .find_map(|s| self.times[s].iter().rev().find(|x| x.value.is_some()).cloned());
            if let Some(x) = last {
                return Dated { value: x.value, source: DateSource::Inherited, phrase: Some((x.start, x.end)) };
            }
        }
        match self.pub_date {
            Some(p) => Dated {
                value: Some(DateValue {
                    year: chrono::Datelike::year(&p),
                    month: Some(chrono::Datelike::month(&p)),
                    day: Some(chrono::Datelike::day(&p)),
                }),
                source: DateSource::Publication,
                phrase: None,
            },
            None => Dated { value: None, source: DateSource::None, phrase: None },
        }
    }
}

/// Links answers to what they answer: an event whose sentence says it answers ("in
/// retaliation for", "in response to") answers the latest earlier act done to its source
/// by another party (of the same root if there is one); and an act of the same root as an
/// earlier one with source and target swapped answers it ("Estonia expelled a Russian
/// diplomat ... Russia expelled an Estonian one").
fn link_answers(raw: &mut [RawEvent]) {
    for i in 0..raw.len() {
        let (Some(code), Some(target)) = (raw[i].code, raw[i].target.clone()) else { continue };
        if raw[i].reciprocates.is_some() || raw[i].rule == "implied" {
            continue;
        }
        let src = raw[i].source.code;
        let root = code.root_number();
        let earlier = |j: usize| raw[j].sentence < raw[i].sentence && raw[j].code.is_some() && raw[j].rule != "implied";
        // swapped actors, same root
        let swapped = (0..i).rev().find(|&j| {
            earlier(j)
                && raw[j].code.is_some_and(|c| c.root_number() == root)
                && same_primary(&raw[j].source.code, &target.code)
                && raw[j].target.as_ref().is_some_and(|t| same_primary(&t.code, &src))
        });
        let answered = swapped.or_else(|| {
            if !raw[i].answers {
                return None;
            }
            let done_to_source: Vec<usize> = (0..i)
                .rev()
                .filter(|&j| {
                    earlier(j)
                        && raw[j].target.as_ref().is_some_and(|t| same_primary(&t.code, &src))
                        && !same_primary(&raw[j].source.code, &src)
                })
                .collect();
            done_to_source
                .iter()
                .copied()
                .find(|&j| raw[j].code.is_some_and(|c| c.root_number() == root))
                .or(done_to_source.first().copied())
        });
        raw[i].reciprocates = answered;
    }
}

/// Whether two dated events may be the same event.
fn dates_compatible(a: &Dated, b: &Dated) -> bool {
    match (a.source, b.source) {
        (DateSource::Text, DateSource::Text) => match (a.value, b.value) {
            (Some(x), Some(y)) => {
                let (xs, ys) = (x.format(), y.format());
                xs.starts_with(&ys) || ys.starts_with(&xs)
            }
            _ => true,
        },
        _ => true,
    }
}

/// Whether two actor codes may name the same actor: one country, and the sectors of one
/// begin those of the other ("Colombia" and "the Colombian government"; not the
/// government and the rebels).
fn same_actor(a: &attache_ontology::ActorCode, b: &attache_ontology::ActorCode) -> bool {
    let (x, y) = (a.rest(), b.rest());
    same_primary(a, b) && (x.starts_with(y) || y.starts_with(x))
}

fn same_event(a: &Final, b: &Final) -> bool {
    let (x, y) = (&a.ev, &b.ev);
    x.code == y.code
        && same_actor(&x.source.code, &y.source.code)
        && match (&x.target, &y.target) {
            (Some(s), Some(t)) => same_actor(&s.code, &t.code),
            (None, None) => true,
            _ => false,
        }
        && x.modality.negated == y.modality.negated
        && x.modality.hypothetical == y.modality.hypothetical
        && dates_compatible(&a.date, &b.date)
}

fn more_specific(a: &ActorRef, b: &ActorRef) -> bool {
    b.code.parts().len() > a.code.parts().len()
}

/// Merges mentions of the same event; returns the merged list with `reciprocates`
/// pointing at merged indices.
/// Gives a target to coded events whose text names none, as CAMEO coding does (and a
/// source to an unnamed arrest or ban: the state where it happened): the
/// country of the place where the event happened, else, for a domestic actor (one with a
/// country and a sector), its own country: "Sudan's government lifted the state of
/// emergency in West Darfur" is SDNGOV → SDN, "General Avril resigned" HTIGOVMIL → HTI.
///
/// Public statements (root 01) keep no target: they are addressed to no one in
/// particular; nor do meetings (04), which need a counterpart the text does not give.
/// Other words (appeals, intentions, cooperation, demands, disapproval, rejections,
/// threats) take a place's country but never the speaker's own. An event whose inferred
/// target would be its source itself ("Russia", at home) keeps none either. The record
/// says the target was inferred and how.
fn infer_targets(raw: &mut [RawEvent]) {
    for e in raw.iter_mut() {
        let Some(code) = e.code else { continue };
        // "a missionary was arrested in Lebanon": arrests, bans and seizures (17) are
        // the acts of the state where they happen
        if e.source.unknown
            && code.root_number() == 17
            && let Some(p) = &e.location
            && e.target.as_ref().is_none_or(|t| t.code.primary() != p.country || !t.code.rest().is_empty())
        {
            e.source = ActorRef::new(ActorCode::new(p.country), p.start, p.end);
            e.source_inferred = true;
        }
        // a meeting needs a counterpart: "delegates met in Berlin" is with no one known
        if e.target.is_some() || matches!(code.root_number(), 1 | 4) {
            continue;
        }
        if e.source.code.is_countryless() && !e.source.unknown {
            continue;
        }
        let home = e.source.code.primary();
        let (country, span, how) = match &e.location {
            Some(p) => (p.country, (p.start, p.end), TargetInference::Place),
            // an unnamed source has no home
            None if e.source.unknown => continue,
            // words (appeals, intentions, cooperation, demands, disapproval, rejections,
            // threats) are addressed to someone the text names; with no one named, the
            // speaker's own country is a guess, and mostly a wrong one ("Syria's ministry
            // condemned the attack" is not against Syria)
            None if matches!(code.root_number(), 2 | 3 | 5 | 10..=13) => continue,
            None => (home, (e.source.start, e.source.end), TargetInference::Home),
        };
        let inferred = ActorCode::new(country);
        // a place's code must name a place; an organisation or a group has no home, so
        // only a place gives it a target
        use attache_ontology::CountryKind;
        let kind = attache_ontology::country_kind(country.as_str());
        let is_place = matches!(kind, Some(CountryKind::Country | CountryKind::Historical | CountryKind::Other));
        if inferred == e.source.code || !is_place {
            continue;
        }
        e.target = Some(ActorRef { place_only: true, ..ActorRef::new(inferred, span.0, span.1) });
        e.target_inferred = Some(how);
    }
}

fn merge(events: Vec<Final>) -> Vec<Final> {
    let mut out: Vec<Final> = Vec::with_capacity(events.len());
    let mut map = vec![0usize; events.len()];
    for (i, e) in events.into_iter().enumerate() {
        if let Some(k) = out.iter().position(|m| same_event(m, &e)) {
            map[i] = k;
            let m = &mut out[k];
            if more_specific(&m.ev.source, &e.ev.source) {
                m.ev.source = e.ev.source.clone();
            }
            if let (Some(t), Some(u)) = (&m.ev.target, &e.ev.target)
                && more_specific(t, u)
            {
                m.ev.target = Some(u.clone());
            }
            let better_date = m.date.source != DateSource::Text && e.date.source == DateSource::Text
                || (m.date.source == DateSource::Text
                    && e.date.source == DateSource::Text
                    && e.date.value.map(|v| v.granularity()) > m.date.value.map(|v| v.granularity()));
            if better_date {
                m.date = e.date.clone();
            }
            for a in e.ev.attribution {
                if !m.ev.attribution.iter().any(|x| x.code == a.code) {
                    m.ev.attribution.push(a);
                }
            }
            // (a mention that says it answers something, "took a symmetrical step", says
            // so for the record)
            m.ev.answers |= e.ev.answers || e.ev.rule == "mirror";
            m.ev.modality.secret |= e.ev.modality.secret;
            m.ev.modality.hedged |= e.ev.modality.hedged;
            if m.ev.location.is_none() {
                m.ev.location = e.ev.location;
            }
            if m.reciprocates.is_none() {
                m.reciprocates = e.reciprocates;
            }
            m.mentions.extend(e.mentions);
        } else {
            map[i] = out.len();
            out.push(e);
        }
    }
    // Indices in `reciprocates` were pre-merge indices of coded events: remap. An event
    // never answers itself.
    for (k, f) in out.iter_mut().enumerate() {
        f.reciprocates = f.reciprocates.and_then(|j| map.get(j).copied()).filter(|&j| j != k);
    }
    // Two records answering each other (mentions merged from the lede and the body): the
    // later act answers the earlier, by the dates the text gives, else the one the text
    // marks as an answer, else the one told later.
    for k in 0..out.len() {
        let Some(j) = out[k].reciprocates else { continue };
        if out[j].reciprocates != Some(k) {
            continue;
        }
        let dated = |f: &Final| f.date.value.filter(|_| f.date.source == DateSource::Text);
        let k_answers = match (dated(&out[k]), dated(&out[j])) {
            (Some(a), Some(b)) if a != b && !dates_compatible(&out[k].date, &out[j].date) => a > b,
            _ => {
                let marked = |f: &Final| f.ev.answers || f.ev.rule == "mirror";
                if marked(&out[k]) != marked(&out[j]) { marked(&out[k]) } else { k > j }
            }
        };
        if k_answers {
            out[j].reciprocates = None;
        } else {
            out[k].reciprocates = None;
        }
    }
    out
}
