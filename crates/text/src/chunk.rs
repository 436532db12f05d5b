//! The chunker: noun phrases, verb groups and the words between them.
//!
//! Shallow and fast: one left-to-right pass over the tags of a sentence. A verb group
//! records what event coding needs to know about the verb: its main verb, voice,
//! negation, modal, tense, and whether it is an infinitive or a bare participle.
//! Attachment and clause structure are left to the coder, which knows the dictionaries.

use crate::doc::Doc;
use crate::tag::Tag;

/// What a chunk is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChunkKind {
    /// A noun phrase. `possessor_end` is the index of the token after the last possessive
    /// marker, when the phrase opens with a possessor ("Navalny's suspended sentence").
    Np {
        /// First token after the possessor, if any.
        possessor_end: Option<usize>,
    },
    /// A verb group.
    Vg(VerbGroup),
    /// A preposition (or "to" before a noun phrase).
    Prep,
    /// A coordinating conjunction.
    Conj,
    /// A wh-word that opens a clause (which, who, when, where).
    Wh,
    /// Adverbs outside a verb group.
    Adv,
    /// Punctuation.
    Punct,
    /// Anything else.
    Other,
}

/// Active or passive voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// "France expelled him".
    Active,
    /// "He was expelled by France".
    Passive,
}

/// What the chunker knows about a verb group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    /// Token index of the main (last) verb.
    pub main: usize,
    /// Active or passive.
    pub voice: Voice,
    /// "not", "n't" or "never" inside the group.
    pub negated: bool,
    /// Token index of the modal (will, would, could, may...), if any.
    pub modal: Option<usize>,
    /// Whether the group is a "to" infinitive.
    pub infinitive: bool,
    /// Whether the group has a tensed verb or modal (a clause's predicate).
    pub finite: bool,
    /// Whether the group is in the past (past tense, or "had").
    pub past: bool,
    /// Whether the group is only a participle or gerund ("sending", "expelled").
    pub nonfinite_participle: bool,
    /// Token index of a particle after the verb ("kick *out*"), if any.
    pub particle: Option<usize>,
    /// Whether the main verb is a form of "be" used alone (a copula).
    pub copula: bool,
}

/// A chunk: a kind and a range of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// What it is.
    pub kind: ChunkKind,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The head token (the last noun of a noun phrase, the main verb of a verb group).
    pub head: usize,
}

impl Chunk {
    /// Whether this is a noun phrase.
    pub fn is_np(&self) -> bool {
        matches!(self.kind, ChunkKind::Np { .. })
    }

    /// The verb group, if this is one.
    pub fn verb_group(&self) -> Option<&VerbGroup> {
        match &self.kind {
            ChunkKind::Vg(v) => Some(v),
            _ => None,
        }
    }
}

fn np_modifier(t: Tag) -> bool {
    matches!(
        t,
        Tag::JJ | Tag::JJR | Tag::JJS | Tag::CD | Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::VBN | Tag::VBG
    )
}

fn np_head(t: Tag) -> bool {
    matches!(t, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::CD | Tag::PRP)
}

fn is_negation(doc: &Doc, i: usize) -> bool {
    matches!(doc.norm(i), "not" | "n't" | "never")
}

/// Chunks every sentence of a tagged document.
pub fn chunk(doc: &mut Doc) {
    let mut chunks = Vec::with_capacity(doc.tokens.len() / 2 + 1);
    for si in 0..doc.sentences.len() {
        let range = doc.sentences[si].tokens.clone();
        let a = chunks.len();
        let title_case = crate::tagger::is_title_case(doc, range.clone());
        let headline = title_case || is_headline(doc, si);
        chunk_sentence(doc, range, headline, title_case, &mut chunks);
        doc.sentences[si].chunks = a..chunks.len();
    }
    doc.chunks = chunks;
}

/// Whether sentence `si` is an untitled headline: a lone line opening the document
/// without final punctuation ("Curfew lifted in Rome after talks"). (Title case marks a
/// headline too; the caller checks that.)
pub(crate) fn is_headline(doc: &Doc, si: usize) -> bool {
    let s = &doc.sentences[si];
    if s.tokens.is_empty() {
        return false;
    }
    // (only the first sentence can be an untitled headline: the check is cheap then)
    if si != 0 || s.tokens.len() > 25 || matches!(doc.norm(s.tokens.end - 1), "." | "!" | "?" | "\"" | "”") {
        return false;
    }
    doc.sentences.get(1).is_none_or(|o| o.paragraph != s.paragraph)
}

fn chunk_sentence(doc: &Doc, range: std::ops::Range<usize>, headline: bool, title_case: bool, out: &mut Vec<Chunk>) {
    let end = range.end;
    let mut i = range.start;
    let tag = |k: usize| doc.tokens[k].tag;
    let mut seen_np = false;
    let mut seen_finite = false;
    let mut headline_passive = false;
    while i < end {
        let t = tag(i);
        // Noun phrase.
        if let Some(np_end) = scan_np(doc, i, end, seen_np && !seen_finite) {
            let (np_end, possessor_end) = np_end;
            let head = np_end - 1;
            out.push(Chunk { kind: ChunkKind::Np { possessor_end }, start: i, end: np_end, head });
            seen_np = true;
            i = np_end;
            continue;
        }
        // Verb group (with an infinitive "to").
        if let Some((vg_end, mut vg)) = scan_vg(doc, i, end) {
            // "Russia and France at the end of 2020 secretly expelled ...": a past form the
            // tagger read as a participle is the clause's verb when a subject precedes it,
            // no verb came before, and no "by" follows.
            if vg.nonfinite_participle
                && tag(vg.main) == Tag::VBN
                && doc.tokens[vg.main].alts.contains(Tag::VBD)
                && seen_np
                && !seen_finite
                && !(vg_end < end && doc.norm(vg_end) == "by")
                && !crate::rules::finite_verb_follows(doc, vg_end, end)
            {
                vg.nonfinite_participle = false;
                vg.finite = true;
                vg.past = true;
            }
            // Headlinese: "Soldiers Deployed to Border", "Mayor Kidnapped, Killed",
            // "Reporter Shot and Killed by Gunmen": a bare past participle after the
            // subject is a passive with its auxiliary left out
            // (bare: no auxiliary before it either; "Ethiopia has acted" is active)
            let bare_past = vg_end == vg.main + 1
                && i == vg.main
                && (tag(vg.main) == Tag::VBN
                    || tag(vg.main) == Tag::VBD && doc.tokens[vg.main].alts.contains(Tag::VBN));
            // (adverbs aside: "Opposition Party Formally Outlawed")
            let before = out.iter().rev().find(|c| !matches!(c.kind, ChunkKind::Adv));
            let after_subject = before.is_some_and(|c| matches!(c.kind, ChunkKind::Np { .. })) && !seen_finite;
            let after_passive = headline_passive
                && !out.is_empty()
                && (matches!(out[out.len() - 1].kind, ChunkKind::Conj) || doc.norm(out[out.len() - 1].start) == ",");
            let no_object = vg_end >= end
                || !matches!(
                    tag(vg_end),
                    Tag::DT | Tag::PRPS | Tag::CD | Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::PRP
                );
            // in a title-case headline the verb is capitalized too ("Macron condemned
            // Russia." is a sentence full of names, not a headline)
            let styled = !title_case || doc.tokens[vg.main].shape.has(crate::Shape::CAPITALIZED);
            if headline && bare_past && (after_subject || after_passive) && no_object && styled {
                vg.voice = Voice::Passive;
                vg.finite = true;
                vg.past = true;
                vg.nonfinite_participle = false;
                headline_passive = true;
            }
            seen_finite |= vg.finite;
            let head = vg.main;
            out.push(Chunk { kind: ChunkKind::Vg(vg), start: i, end: vg_end, head });
            i = vg_end;
            continue;
        }
        let kind = match t {
            Tag::IN | Tag::TO => ChunkKind::Prep,
            Tag::CC => ChunkKind::Conj,
            Tag::WDT | Tag::WP | Tag::WRB | Tag::WPS => ChunkKind::Wh,
            Tag::RB | Tag::RBR | Tag::RBS | Tag::RP => ChunkKind::Adv,
            t if t.is_punct() => ChunkKind::Punct,
            _ => ChunkKind::Other,
        };
        out.push(Chunk { kind, start: i, end: i + 1, head: i });
        i += 1;
    }
}

/// Scans a noun phrase at `i`; returns its end and the end of its possessor.
///
/// `verb_pending`: a subject came and no finite verb yet, so a past form that may be
/// finite is taken as the clause's verb, not as a premodifier ("Russia and France at the
/// end of 2020 secretly expelled diplomats").
fn scan_np(doc: &Doc, i: usize, end: usize, verb_pending: bool) -> Option<(usize, Option<usize>)> {
    let tag = |k: usize| doc.tokens[k].tag;
    let may_be_verb = |k: usize| verb_pending && tag(k) == Tag::VBN && doc.tokens[k].alts.contains(Tag::VBD);
    let t = tag(i);
    if t == Tag::PRP {
        // "them all", "themselves" stay single
        return Some((i + 1, None));
    }
    if t == Tag::EX {
        return None;
    }
    let opens = matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::WPS) || np_modifier(t) || np_head(t);
    if !opens {
        return None;
    }
    // A lone participle or gerund is a verb group unless a noun follows inside the phrase.
    if matches!(t, Tag::VBN | Tag::VBG) && (!participle_premodifies(doc, i, end) || may_be_verb(i)) {
        return None;
    }
    let mut k = i;
    let mut possessor_end = None;
    let mut last_head: Option<usize> = None;
    while k < end {
        let tk = tag(k);
        let ok = match tk {
            Tag::DT | Tag::PDT | Tag::PRPS => k == i || possessor_end == Some(k) || (tag(k - 1) == Tag::PDT),
            Tag::POS => last_head.is_some(),
            Tag::VBN if k > i && may_be_verb(k) => false,
            Tag::VBN | Tag::VBG => {
                // a gerund after a determiner or adjective heads the phrase ("the alleged poisoning")
                participle_premodifies(doc, k, end)
                    || tk == Tag::VBG && k > i && matches!(tag(k - 1), Tag::DT | Tag::JJ | Tag::PRPS | Tag::POS)
            }
            // a number after a common noun starts a new phrase ("their capitals | one diplomat")
            Tag::CD if k > i && matches!(tag(k - 1), Tag::NN | Tag::NNS) => false,
            // an adverb inside a phrase only before an adjective or participle ("very strained relations")
            Tag::RB => {
                k + 1 < end
                    && matches!(tag(k + 1), Tag::JJ | Tag::VBN)
                    && !may_be_verb(k + 1)
                    && k + 2 < end
                    && np_modifier(tag(k + 2))
            }
            // "military and civilian personnel", "political and economic ties": two plain
            // adjectives of one noun ("Hungarian and Romanian officials" is two phrases,
            // one per country, below)
            Tag::CC if k > i && matches!(doc.norm(k), "and" | "or") => {
                let plain = |j: usize| tag(j) == Tag::JJ && !doc.tokens[j].shape.has(crate::Shape::CAPITALIZED);
                plain(k - 1) && k + 1 < end && plain(k + 1) && {
                    let mut j = k + 1;
                    while j < end && tag(j) == Tag::JJ {
                        j += 1;
                    }
                    j < end && matches!(tag(j), Tag::NN | Tag::NNS)
                }
            }
            t => np_modifier(t) || np_head(t) && t != Tag::PRP,
        };
        if !ok {
            break;
        }
        // "In 2019 Poland expelled": a year ends its phrase before a name
        let year = tk == Tag::CD
            && doc.norm(k).len() == 4
            && matches!(doc.norm(k).as_bytes()[..2], [b'1', b'9'] | [b'2', b'0']);
        if year && k + 1 < end && matches!(tag(k + 1), Tag::NNP | Tag::NNPS) {
            last_head = Some(k);
            break;
        }
        if tk == Tag::POS {
            possessor_end = Some(k + 1);
            last_head = None;
        } else if np_head(tk) || tk == Tag::VBG && !participle_premodifies(doc, k, end) {
            last_head = Some(k);
        }
        k += 1;
    }
    // "Hungarian and Romanian officials": a capitalized adjective coordinated with the
    // next one is a phrase of its own, which borrows the noun of the last
    let coordinated_adjective = last_head.is_none()
        && possessor_end.is_none()
        && k > i
        && k + 1 < end
        && (i..k).all(|j| tag(j) == Tag::JJ && doc.tokens[j].shape.has(crate::Shape::CAPITALIZED))
        && (tag(k) == Tag::CC || doc.norm(k) == ",")
        && matches!(tag(k + 1), Tag::JJ | Tag::NNP)
        && doc.tokens[k + 1].shape.has(crate::Shape::CAPITALIZED);
    if coordinated_adjective {
        last_head = Some(k - 1);
    }
    // End the phrase at its last head word ("the attack" not "the attack expelled").
    let np_end = last_head.map(|h| h + 1).or(possessor_end)?;
    if np_end <= i {
        return None;
    }
    Some((np_end, possessor_end.filter(|p| *p < np_end)))
}

/// Whether a participle or gerund at `k` modifies a noun that follows it in the same
/// phrase ("the expelled diplomats", "a suspended sentence", "the ruling party").
fn participle_premodifies(doc: &Doc, k: usize, end: usize) -> bool {
    let tag = |k: usize| doc.tokens[k].tag;
    // (a nationality read as a proper noun counts as the adjective it may be: "two
    // Japanese fishing boats")
    let prev_ok = k > 0
        && (matches!(tag(k - 1), Tag::DT | Tag::PRPS | Tag::JJ | Tag::CD | Tag::POS | Tag::RB | Tag::PDT | Tag::VBN)
            || tag(k - 1) == Tag::NNP && doc.tokens[k - 1].alts.contains(Tag::JJ));
    if !prev_ok {
        return false;
    }
    let mut j = k + 1;
    while j < end && matches!(tag(j), Tag::JJ | Tag::VBN | Tag::VBG) {
        j += 1;
    }
    j < end && matches!(tag(j), Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
}

fn is_aux_lemma(doc: &Doc, k: usize) -> bool {
    matches!(doc.lemma(k), "be" | "have" | "do" | "get")
}

/// Scans a verb group at `i`.
fn scan_vg(doc: &Doc, i: usize, end: usize) -> Option<(usize, VerbGroup)> {
    let tag = |k: usize| doc.tokens[k].tag;
    let t = tag(i);
    let mut infinitive = false;
    let mut k = i;
    if t == Tag::TO {
        // "to" + (adverbs) + base verb
        let mut j = i + 1;
        while j < end && tag(j).is_adverb() {
            j += 1;
        }
        if j < end && tag(j) == Tag::VB {
            infinitive = true;
            k = i + 1;
        } else {
            return None;
        }
    } else if !(t.is_verb() || t == Tag::MD)
        && !(is_negation(doc, i) && i + 1 < end && (tag(i + 1).is_verb() || tag(i + 1) == Tag::MD))
    {
        return None;
    }
    let mut modal = None;
    let mut negated = false;
    let mut verbs: Vec<usize> = Vec::new();
    while k < end {
        let tk = tag(k);
        if tk == Tag::MD && verbs.is_empty() {
            modal = Some(k);
        } else if tk.is_verb() {
            // After a main verb, another verb starts a new group, unless the first was an
            // auxiliary ("has been expelled", "did not want").
            if let Some(&last) = verbs.last()
                && !is_aux_lemma(doc, last)
            {
                break;
            }
            // An auxiliary followed by a noun phrase is a main verb ("has two options").
            verbs.push(k);
        } else if tk.is_adverb() {
            // adverbs inside the group only when another verb follows
            let mut j = k;
            while j < end && tag(j).is_adverb() {
                j += 1;
            }
            let continues = j < end
                && (tag(j).is_verb() || tag(j) == Tag::MD)
                && (verbs.is_empty() || verbs.last().is_some_and(|&l| is_aux_lemma(doc, l)))
                || modal.is_some() && verbs.is_empty() && j < end && tag(j).is_verb();
            if !continues {
                break;
            }
            for a in k..j {
                if is_negation(doc, a) {
                    negated = true;
                }
            }
            k = j;
            continue;
        } else {
            break;
        }
        k += 1;
    }
    if verbs.is_empty() && modal.is_none() {
        return None;
    }
    let main = verbs.last().copied().or(modal)?;
    let mut vg_end = k;
    // A particle right after the main verb ("kick out", "call off").
    let mut particle = None;
    if vg_end < end && tag(vg_end) == Tag::RP {
        particle = Some(vg_end);
        vg_end += 1;
    }
    let lemma = |k: usize| doc.lemma(k);
    let main_tag = tag(main);
    let be_before = verbs[..verbs.len().saturating_sub(1)].iter().any(|&v| matches!(lemma(v), "be" | "get"));
    let voice = if main_tag == Tag::VBN && be_before { Voice::Passive } else { Voice::Active };
    let first = verbs.first().copied();
    // a bare base form is finite too: a subjunctive or imperative ("demanded that Russia withdraw")
    let finite = modal.is_some() || first.is_some_and(|f| tag(f).is_finite_verb() || tag(f) == Tag::VB && !infinitive);
    let past = first.is_some_and(|f| tag(f) == Tag::VBD) && modal.is_none();
    let nonfinite_participle = !finite && !infinitive && verbs.len() == 1 && matches!(main_tag, Tag::VBG | Tag::VBN);
    let copula = lemma(main) == "be";
    Some((
        vg_end,
        VerbGroup { main, voice, negated, modal, infinitive, finite, past, nonfinite_participle, particle, copula },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn chunks(text: &str) -> Vec<String> {
        let a = Analyzer::builtin();
        let d = a.analyze(text);
        d.chunks()
            .iter()
            .map(|c| {
                let label = match &c.kind {
                    ChunkKind::Np { .. } => "NP",
                    ChunkKind::Vg(v) if v.voice == Voice::Passive => "VGpass",
                    ChunkKind::Vg(v) if v.negated => "VGneg",
                    ChunkKind::Vg(v) if v.infinitive => "VGinf",
                    ChunkKind::Vg(_) => "VG",
                    ChunkKind::Prep => "P",
                    ChunkKind::Conj => "CC",
                    ChunkKind::Wh => "WH",
                    ChunkKind::Adv => "ADV",
                    ChunkKind::Punct => "PU",
                    ChunkKind::Other => "O",
                };
                format!("{label}[{}]", d.span_text(c.start, c.end - 1))
            })
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            chunks("French President Emmanuel Macron called for dialogue with Russia."),
            [
                "NP[French President Emmanuel Macron]",
                "VG[called]",
                "P[for]",
                "NP[dialogue]",
                "P[with]",
                "NP[Russia]",
                "PU[.]"
            ]
        );
    }

    #[test]
    fn coordinated_plain_adjectives_share_their_noun() {
        assert_eq!(
            chunks("Chile sent 40 military and civilian advisers."),
            ["NP[Chile]", "VG[sent]", "NP[40 military and civilian advisers]", "PU[.]"]
        );
        // nationalities stay apart: one phrase per country
        assert_eq!(
            chunks("Greek and Turkish diplomats met."),
            ["NP[Greek]", "CC[and]", "NP[Turkish diplomats]", "VG[met]", "PU[.]"]
        );
    }

    #[test]
    fn passive_and_negation() {
        assert_eq!(
            chunks("The information was ignored by the ministry."),
            ["NP[The information]", "VGpass[was ignored]", "P[by]", "NP[the ministry]", "PU[.]"]
        );
        assert_eq!(
            chunks("Russia did not attack Ukraine."),
            ["NP[Russia]", "VGneg[did not attack]", "NP[Ukraine]", "PU[.]"]
        );
        assert_eq!(
            chunks("Russia has never been attacked."),
            ["NP[Russia]", "VGpass[has never been attacked]", "PU[.]"]
        );
        // a headline's bare participle is passive; with "has" before it, it is not
        assert!(chunks("Soldiers Deployed to Border").contains(&"VGpass[Deployed]".to_string()));
        assert!(chunks("Opposition Party Formally Outlawed in Belarus").contains(&"VGpass[Outlawed]".to_string()));
        let c = chunks("Ethiopia has acted against Libya");
        assert!(c.contains(&"VG[has acted]".to_string()), "{c:?}");
    }

    #[test]
    fn possessives_and_participles() {
        let c = chunks("the Court replaced Navalny’s suspended sentence with a real one");
        assert!(c.contains(&"NP[Navalny’s suspended sentence]".to_string()), "{c:?}");
        let c = chunks("Russia took a symmetrical step, sending one of the diplomats");
        assert!(c.contains(&"VG[sending]".to_string()), "{c:?}");
    }

    #[test]
    fn infinitives_and_modals() {
        let c = chunks("Russia plans to expel them and will respond.");
        assert_eq!(
            c,
            ["NP[Russia]", "VG[plans]", "VGinf[to expel]", "NP[them]", "CC[and]", "VG[will respond]", "PU[.]"]
        );
    }
}
