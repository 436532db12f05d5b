//! The tagger: a part-of-speech tag and a lemma for every token.
//!
//! A lexicon-driven tagger of our own: every token gets its possible readings from the
//! [`Lexicon`] (or, for unknown words, from its shape and suffix), and a Viterbi search
//! over a hand-set bigram model (`data/transitions.txt`) picks the best sequence. This is
//! what tells the noun *attacks* in "the attacks" from the verb in "Russia attacks
//! Ukraine": the lexicon allows both, the neighbours decide.
//!
//! Capitalisation is evidence for proper nouns, except in title-case headlines, where
//! every word is capitalised.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::doc::{Doc, Shape};
use crate::lexicon::{Lexicon, Reading};
use crate::tag::{Tag, TagSet};

const TRANSITIONS: &str = include_str!("../data/transitions.txt");

/// Transition classes: tags grouped, with the auxiliaries *be*, *have* and *do* apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Tc {
    Start,
    Det,
    Poss,
    PosMark,
    Adj,
    Noun,
    NounPl,
    Propn,
    Pron,
    Num,
    Vb,
    Vbp,
    Vbz,
    Vbd,
    Vbn,
    Vbg,
    Md,
    To,
    Prep,
    By,
    Of,
    Conj,
    Adv,
    Rp,
    Wh,
    Ex,
    Comma,
    Punct,
    Be,
    Have,
    Do,
    Other,
}

const N_TC: usize = Tc::Other as usize + 1;

fn tc_names() -> &'static [(&'static str, &'static [Tc])] {
    use Tc::*;
    &[
        ("Start", &[Start]),
        ("Det", &[Det]),
        ("Poss", &[Poss]),
        ("PosMark", &[PosMark]),
        ("Adj", &[Adj]),
        ("Noun", &[Noun]),
        ("NounPl", &[NounPl]),
        ("Propn", &[Propn]),
        ("Pron", &[Pron]),
        ("Num", &[Num]),
        ("Vb", &[Vb]),
        ("Vbp", &[Vbp]),
        ("Vbz", &[Vbz]),
        ("Vbd", &[Vbd]),
        ("Vbn", &[Vbn]),
        ("Vbg", &[Vbg]),
        ("Md", &[Md]),
        ("To", &[To]),
        ("Prep", &[Prep]),
        ("By", &[By]),
        ("Of", &[Of]),
        ("Conj", &[Conj]),
        ("Adv", &[Adv]),
        ("Rp", &[Rp]),
        ("Wh", &[Wh]),
        ("Ex", &[Ex]),
        ("Comma", &[Comma]),
        ("Punct", &[Punct]),
        ("Be", &[Be]),
        ("Have", &[Have]),
        ("Do", &[Do]),
        ("Finite", &[Vbp, Vbz, Vbd]),
        ("Verb", &[Vb, Vbp, Vbz, Vbd, Vbn, Vbg]),
        ("Nominal", &[Noun, NounPl, Propn, Pron, Num]),
    ]
}

fn transitions() -> &'static [[f32; N_TC]; N_TC] {
    static T: OnceLock<[[f32; N_TC]; N_TC]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = [[0f32; N_TC]; N_TC];
        let class =
            |name: &str| -> &'static [Tc] { tc_names().iter().find(|(n, _)| *n == name).map_or(&[], |(_, c)| *c) };
        for line in TRANSITIONS.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() != 3 {
                continue;
            }
            let Ok(score) = f[2].parse::<f32>() else {
                continue;
            };
            for a in f[0].split(',').flat_map(class) {
                for b in f[1].split(',').flat_map(class) {
                    t[*a as usize][*b as usize] = score;
                }
            }
        }
        t
    })
}

fn tc(tag: Tag, lemma: &str, word: &str) -> Tc {
    if tag.is_verb() || tag == Tag::MD {
        match lemma {
            "be" => return Tc::Be,
            "have" if tag != Tag::VBN => return Tc::Have,
            "do" if tag != Tag::VBN && tag != Tag::VBG => return Tc::Do,
            _ => {}
        }
    }
    match tag {
        Tag::DT | Tag::PDT | Tag::WPS => Tc::Det,
        Tag::PRPS => Tc::Poss,
        Tag::POS => Tc::PosMark,
        Tag::JJ | Tag::JJR | Tag::JJS => Tc::Adj,
        Tag::NN => Tc::Noun,
        Tag::NNS => Tc::NounPl,
        Tag::NNP | Tag::NNPS => Tc::Propn,
        Tag::PRP => Tc::Pron,
        Tag::EX => Tc::Ex,
        Tag::CD => Tc::Num,
        Tag::VB => Tc::Vb,
        Tag::VBP => Tc::Vbp,
        Tag::VBZ => Tc::Vbz,
        Tag::VBD => Tc::Vbd,
        Tag::VBN => Tc::Vbn,
        Tag::VBG => Tc::Vbg,
        Tag::MD => Tc::Md,
        Tag::TO => Tc::To,
        Tag::IN if word == "by" => Tc::By,
        Tag::IN if word == "of" => Tc::Of,
        Tag::IN => Tc::Prep,
        Tag::CC => Tc::Conj,
        Tag::RB | Tag::RBR | Tag::RBS => Tc::Adv,
        Tag::RP => Tc::Rp,
        Tag::WDT | Tag::WP | Tag::WRB => Tc::Wh,
        Tag::Comma => Tc::Comma,
        Tag::Stop | Tag::Colon | Tag::LQuote | Tag::RQuote | Tag::LParen | Tag::RParen => Tc::Punct,
        _ => Tc::Other,
    }
}

/// The tagger. Build one per lexicon and share it; it is `Send + Sync`.
pub struct Tagger {
    lexicon: Lexicon,
    id: u64,
}

type Cache = FxHashMap<String, Arc<[Cand]>>;

thread_local! {
    static CACHE: RefCell<(u64, Cache)> = RefCell::new((0, FxHashMap::default()));
}

/// Distinct ids for taggers, so that a thread's reading cache is never shared between
/// two lexicons.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The most readings a thread caches before starting afresh (bounds memory on text with
/// an unbounded vocabulary, such as lists of names or numbers).
const CACHE_LIMIT: usize = 200_000;

#[derive(Debug, Clone)]
struct Cand {
    tag: Tag,
    emission: f32,
    tc: Tc,
    lemma: Option<Arc<str>>,
}

/// The most readings a token keeps (the lightest are dropped).
const MAX_CANDS: usize = 8;

/// A token's candidates: shared from the cache for ordinary words, built for the rest.
enum Cands {
    Shared(Arc<[Cand]>),
    Owned(Vec<Cand>),
}

impl std::ops::Deref for Cands {
    type Target = [Cand];
    fn deref(&self) -> &[Cand] {
        match self {
            Cands::Shared(a) => a,
            Cands::Owned(v) => v,
        }
    }
}

/// Turns readings into candidates with normalised log-probability emissions.
fn to_cands(mut readings: Vec<Reading>, norm: &str) -> Vec<Cand> {
    if readings.len() > MAX_CANDS {
        readings.sort_by(|a, b| b.weight.partial_cmp(&a.weight).unwrap_or(std::cmp::Ordering::Equal));
        readings.truncate(MAX_CANDS);
    }
    let total: f32 = readings.iter().map(|r| r.weight).sum::<f32>().max(1e-6);
    readings
        .into_iter()
        .map(|r| {
            let lemma_str = r.lemma.as_deref().unwrap_or(norm);
            Cand {
                tc: tc(r.tag, lemma_str, norm),
                tag: r.tag,
                emission: (r.weight / total).max(1e-4).ln(),
                lemma: r.lemma,
            }
        })
        .collect()
}

impl Tagger {
    /// A tagger over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Tagger {
        transitions();
        Tagger { lexicon, id: NEXT_ID.fetch_add(1, Ordering::Relaxed) }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The candidates of an ordinary (lower-case, known) word, cached per thread.
    fn cached_cands(&self, word: &str) -> Arc<[Cand]> {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.0 != self.id || c.1.len() > CACHE_LIMIT {
                c.0 = self.id;
                c.1.clear();
            }
            if let Some(r) = c.1.get(word) {
                return r.clone();
            }
            let r: Arc<[Cand]> = to_cands(self.lexicon.readings(word), word).into();
            c.1.insert(word.to_string(), r.clone());
            r
        })
    }

    /// Tags every sentence of `doc` and sets the lemmas.
    pub fn tag(&self, doc: &mut Doc) {
        for si in 0..doc.sentences.len() {
            let range = doc.sentences[si].tokens.clone();
            self.tag_sentence(doc, range);
        }
    }

    fn tag_sentence(&self, doc: &mut Doc, range: std::ops::Range<usize>) {
        let title_case = is_title_case(doc, range.clone());
        let mut cands: Vec<Cands> = Vec::with_capacity(range.len());
        let mut initial = true;
        for i in range.clone() {
            let c = self.candidates(doc, i, initial, title_case);
            let w = doc.word(i);
            // the next word still opens the sentence after an opening quote or bracket
            initial = matches!(w, "\"" | "“" | "'" | "‘" | "(" | "[" | "-" | "—" | "–" | "--" | ":");
            cands.push(c);
        }
        let best = viterbi(&cands);
        for (k, i) in range.enumerate() {
            let c = &cands[k][best[k]];
            let alts: TagSet = cands[k].iter().map(|c| c.tag).collect();
            doc.tokens[i].tag = c.tag;
            doc.tokens[i].alts = alts;
            if let Some(l) = &c.lemma {
                let l = l.clone();
                doc.set_lemma(i, &l);
            }
        }
    }

    fn candidates(&self, doc: &Doc, i: usize, initial: bool, title_case: bool) -> Cands {
        let t = &doc.tokens[i];
        let word = doc.word(i);
        let norm = doc.norm(i);
        // Fast path: an ordinary lower-case word the lexicon knows.
        if t.shape.has(Shape::ALPHA) && !t.shape.has(Shape::CAPITALIZED) && !t.shape.has(Shape::DIGIT) && norm != "'s" {
            let c = self.cached_cands(norm);
            if !c.is_empty() {
                return Cands::Shared(c);
            }
        }
        let mut readings: Vec<Reading> = Vec::new();
        if t.shape.has(Shape::PUNCT) {
            readings.push(Reading { tag: punct_tag(doc, i), weight: 1.0, lemma: None });
            if matches!(norm, "'") && i > 0 && doc.norm(i - 1).ends_with('s') && doc.tokens[i - 1].end == t.start {
                readings.push(Reading { tag: Tag::POS, weight: 2.0, lemma: None });
            }
        } else if t.shape.has(Shape::DIGIT) && !t.shape.has(Shape::ALPHA) {
            readings.push(Reading { tag: Tag::CD, weight: 1.0, lemma: None });
        } else if norm == "'s" {
            // Possessive after a noun ("Navalny's"), "is"/"has" after a pronoun ("it's").
            let after_pronoun = i > 0
                && matches!(
                    doc.norm(i - 1),
                    "it" | "he" | "she" | "that" | "there" | "what" | "who" | "here" | "where" | "let"
                );
            let (pos, vbz) = if after_pronoun { (0.2, 5.0) } else { (10.0, 0.5) };
            readings.push(Reading { tag: Tag::POS, weight: pos, lemma: None });
            readings.push(Reading { tag: Tag::VBZ, weight: vbz, lemma: Some(Arc::from("be")) });
        } else {
            readings = self.lexicon.readings(norm);
            let cap = t.shape.has(Shape::CAPITALIZED) && !title_case;
            let all_caps = t.shape.has(Shape::ALL_CAPS) && !title_case && word.chars().count() >= 2;
            let total: f32 = readings.iter().map(|r| r.weight).sum();
            let proper =
                if norm.ends_with('s') && readings.iter().any(|r| r.tag == Tag::NNS) { Tag::NNPS } else { Tag::NNP };
            if all_caps && norm != "i" {
                readings.clear();
                readings.push(Reading { tag: Tag::NNP, weight: 1.0, lemma: None });
            } else if t.shape.has(Shape::DIGIT) {
                readings.push(Reading { tag: Tag::CD, weight: 1.0, lemma: None });
                readings.push(Reading { tag: Tag::JJ, weight: 0.5, lemma: None });
            } else if cap && !initial {
                let closed_only = self.lexicon.is_function_word(norm);
                let w = if closed_only { total * 0.5 } else { total.max(1.0) * 6.0 };
                readings.push(Reading { tag: proper, weight: w, lemma: None });
            } else if cap && initial {
                let w = if readings.is_empty() { 1.0 } else { total * 0.15 };
                readings.push(Reading { tag: proper, weight: w, lemma: None });
            } else if readings.is_empty() {
                if t.shape.has(Shape::CAPITALIZED) {
                    readings.push(Reading { tag: Tag::NNP, weight: 1.0, lemma: None });
                }
                guess_unknown(norm, &mut readings);
            }
        }
        Cands::Owned(to_cands(readings, norm))
    }
}

/// A headline in title case ("Over Half of Haiti Teachers Now Out on Wildcat Strike"):
/// most longer words capitalised, so capitals say nothing about proper nouns.
pub(crate) fn is_title_case(doc: &Doc, range: std::ops::Range<usize>) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for i in range {
        let t = &doc.tokens[i];
        if t.shape.has(Shape::ALPHA) && doc.word(i).len() >= 4 {
            words += 1;
            if t.shape.has(Shape::CAPITALIZED) {
                caps += 1;
            }
        }
    }
    words >= 3 && caps * 10 >= words * 8
}

fn punct_tag(doc: &Doc, i: usize) -> Tag {
    let w = doc.word(i);
    match w {
        "," => Tag::Comma,
        "." | "!" | "?" => Tag::Stop,
        ":" | ";" | "--" | "…" | "..." | "-" | "—" | "–" => Tag::Colon,
        "“" | "‘" | "«" | "„" => Tag::LQuote,
        "”" | "’" | "»" => Tag::RQuote,
        "\"" | "'" | "`" => {
            let t = &doc.tokens[i];
            let before_space = i == 0 || t.shape.has(Shape::SPACE_BEFORE);
            let next_adjacent = doc.tokens.get(i + 1).is_some_and(|n| n.start == t.end);
            if before_space && next_adjacent { Tag::LQuote } else { Tag::RQuote }
        }
        "(" | "[" | "{" => Tag::LParen,
        ")" | "]" | "}" => Tag::RParen,
        "$" | "€" | "£" | "¥" => Tag::Dollar,
        "%" => Tag::NN,
        "&" => Tag::CC,
        _ => Tag::SYM,
    }
}

const PREFIXES: &[&str] = &[
    "anti-", "pro-", "non-", "ex-", "pre-", "post-", "self-", "cross-", "inter-", "multi-", "counter-", "semi-",
    "neo-", "pan-", "trans-", "sub-", "co-",
];

fn guess_unknown(w: &str, out: &mut Vec<Reading>) {
    let mut push = |tag: Tag, weight: f32| out.push(Reading { tag, weight, lemma: None });
    let ends = |s: &str| w.ends_with(s);
    if w.contains('-') {
        let last = w.rsplit('-').next().unwrap_or("");
        // (compounds ending in a participle are adjectives: "US-led", "far-reaching")
        if PREFIXES.iter().any(|p| w.starts_with(p))
            || last.ends_with("ed")
            || last.ends_with("en")
            || last.ends_with("ing") && last.len() > 4
        {
            push(Tag::JJ, 0.7);
            push(Tag::NN, 0.3);
        } else {
            push(Tag::NN, 0.6);
            push(Tag::JJ, 0.4);
        }
    } else if ends("ly") {
        push(Tag::RB, 0.9);
        push(Tag::JJ, 0.1);
    } else if ends("ing") {
        push(Tag::VBG, 0.6);
        push(Tag::NN, 0.3);
        push(Tag::JJ, 0.1);
    } else if ends("ed") {
        push(Tag::VBD, 0.4);
        push(Tag::VBN, 0.4);
        push(Tag::JJ, 0.2);
    } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
        push(Tag::NNS, 0.8);
        push(Tag::VBZ, 0.2);
    } else if [
        "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ship", "ance", "ence", "er", "or", "cy", "age", "ure",
        "dom", "hood",
    ]
    .iter()
    .any(|s| ends(s))
    {
        push(Tag::NN, 1.0);
    } else if ["ous", "ful", "ive", "al", "able", "ible", "ic", "less", "ary", "ish", "ese", "ian", "ean"]
        .iter()
        .any(|s| ends(s))
    {
        push(Tag::JJ, 0.7);
        push(Tag::NN, 0.3);
    } else if ends("ize") || ends("ise") || ends("ate") || ends("ify") {
        push(Tag::VB, 0.4);
        push(Tag::VBP, 0.2);
        push(Tag::NN, 0.4);
    } else {
        push(Tag::NN, 0.75);
        push(Tag::JJ, 0.15);
        push(Tag::VB, 0.1);
    }
}

/// Whether the token's only reading is an adverb: the transition model skips it.
fn transparent(c: &[Cand]) -> bool {
    c.len() == 1 && matches!(c[0].tc, Tc::Adv)
}

/// The best candidate index per token. Scores and back-pointers live in two flat arrays
/// of `MAX_CANDS` slots per token: no allocation per token.
fn viterbi(cands: &[Cands]) -> Vec<usize> {
    let t = transitions();
    let n = cands.len();
    let mut best = vec![0usize; n];
    let mut score = vec![[f32::NEG_INFINITY; MAX_CANDS]; n];
    let mut back = vec![[0u8; MAX_CANDS]; n];
    let mut prev: Option<usize> = None; // the last non-transparent token
    let mut chain: Vec<usize> = Vec::with_capacity(n);
    for k in 0..n {
        let ck = &cands[k];
        if ck.is_empty() || transparent(ck) {
            continue;
        }
        for (j, c) in ck.iter().enumerate().take(MAX_CANDS) {
            match prev {
                None => score[k][j] = c.emission + t[Tc::Start as usize][c.tc as usize],
                Some(p) => {
                    let (mut bs, mut bj) = (f32::NEG_INFINITY, 0u8);
                    for (pj, pc) in cands[p].iter().enumerate().take(MAX_CANDS) {
                        let v = score[p][pj] + t[pc.tc as usize][c.tc as usize];
                        if v > bs {
                            bs = v;
                            bj = pj as u8;
                        }
                    }
                    score[k][j] = bs + c.emission;
                    back[k][j] = bj;
                }
            }
        }
        prev = Some(k);
        chain.push(k);
    }
    if let Some(&last) = chain.last() {
        let m = cands[last].len().min(MAX_CANDS);
        let mut j = (0..m)
            .max_by(|&a, &b| score[last][a].partial_cmp(&score[last][b]).unwrap_or(std::cmp::Ordering::Equal))
            .unwrap_or(0);
        for idx in (0..chain.len()).rev() {
            let k = chain[idx];
            best[k] = j;
            j = back[k][j] as usize;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Tag};

    fn tagged(text: &str) -> Vec<(String, Tag)> {
        let a = Analyzer::builtin();
        let d = a.analyze(text);
        d.tokens().iter().map(|t| (d.text_of(t).to_string(), t.tag)).collect()
    }

    fn tag_of(text: &str, word: &str) -> Tag {
        tagged(text).into_iter().find(|(w, _)| w == word).map(|(_, t)| t).unwrap()
    }

    #[test]
    fn noun_verb_ambiguity() {
        assert_eq!(tag_of("Russia attacks Ukraine.", "attacks"), Tag::VBZ);
        assert_eq!(tag_of("The attacks killed ten people.", "attacks"), Tag::NNS);
        assert_eq!(tag_of("Russia's attacks on Ukraine continued.", "attacks"), Tag::NNS);
        assert_eq!(tag_of("They held talks with Iran.", "talks"), Tag::NNS);
        assert_eq!(tag_of("Workers will protest on Monday.", "protest"), Tag::VB);
        assert_eq!(tag_of("The protest ended peacefully.", "protest"), Tag::NN);
        assert_eq!(tag_of("Teachers protest over pay.", "protest"), Tag::VBP);
        assert_eq!(tag_of("Israel strikes Gaza.", "strikes"), Tag::VBZ);
        assert_eq!(tag_of("Air strikes hit Gaza.", "strikes"), Tag::NNS);
    }

    #[test]
    fn participles() {
        assert_eq!(tag_of("France expelled him.", "expelled"), Tag::VBD);
        assert_eq!(tag_of("He was expelled by France.", "expelled"), Tag::VBN);
        assert_eq!(tag_of("France has expelled him.", "expelled"), Tag::VBN);
        assert_eq!(tag_of("The diplomats were summoned to the ministry.", "summoned"), Tag::VBN);
        assert_eq!(tag_of("Russia did not attack Ukraine.", "attack"), Tag::VB);
    }

    #[test]
    fn proper_nouns_and_headlines() {
        assert_eq!(tag_of("He met Macron in Paris.", "Macron"), Tag::NNP);
        assert_eq!(tag_of("The US and the UN agreed.", "US"), Tag::NNP);
        assert_eq!(tag_of("Over Half of Haiti Teachers Now Out on Wildcat Strike", "Teachers"), Tag::NNS);
    }

    #[test]
    fn lemmas() {
        let a = Analyzer::builtin();
        let d = a.analyze("Diplomats were summoned and Russia took a step.");
        let lemmas: Vec<&str> = (0..d.tokens().len()).map(|i| d.lemma(i)).collect();
        assert_eq!(lemmas, ["diplomat", "be", "summon", "and", "russia", "take", "a", "step", "."]);
    }
}
