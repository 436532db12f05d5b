//! The tagger's lexicon: which parts of speech a word can take, and how likely each is.
//!
//! Three sources, in order of precedence:
//!
//! 1. `data/closed.txt`: closed-class words (determiners, pronouns, prepositions,
//!    auxiliaries, modals) and hand-set overrides for news usage, written here;
//! 2. words added by the caller, such as the verbs of the event dictionaries;
//! 3. `data/wordnet.tsv`: open-class lemmas from WordNet 3.0 with, per part of speech,
//!    1 + the number of SemCor-tagged senses as a prior (see `tools/gen_lexicon.py`).
//!
//! Inflected forms are analysed on lookup (`talks` → `talk` + NNS or VBZ), so the tables
//! hold lemmas only and start-up stays fast.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::morph::{irregular, noun_plural, verb_forms};
use crate::tag::Tag;

const CLOSED: &str = include_str!("../data/closed.txt");
const WORDNET: &str = include_str!("../data/wordnet.tsv");
const NOUN_EXC: &str = include_str!("../data/wordnet-noun-exc.tsv");

/// Prior weights of a lemma per open word class.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordClass {
    /// Noun weight (0: not a noun).
    pub noun: f32,
    /// Verb weight.
    pub verb: f32,
    /// Adjective weight.
    pub adj: f32,
    /// Adverb weight.
    pub adv: f32,
}

/// One reading of a word: a tag, a prior weight and the lemma.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The part of speech.
    pub tag: Tag,
    /// Relative prior weight (readings of a word are normalised together).
    pub weight: f32,
    /// The lemma when it differs from the word.
    pub lemma: Option<Arc<str>>,
}

/// Endings that mark a word as an adjective first.
const ADJ_SUFFIXES: [&str; 8] = ["al", "ic", "ive", "ous", "ful", "less", "able", "ible"];

struct Base {
    closed: FxHashMap<&'static str, Vec<Reading>>,
    open: FxHashMap<&'static str, WordClass>,
    /// Irregular verb form → (lemma, is past, is participle).
    verb_forms: FxHashMap<&'static str, Vec<(&'static str, bool, bool)>>,
    /// Irregular plural → singular.
    plurals: FxHashMap<String, Arc<str>>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut closed: FxHashMap<&'static str, Vec<Reading>> = FxHashMap::default();
        for line in CLOSED.lines() {
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split_whitespace();
            let Some(word) = fields.next() else { continue };
            let mut lemma: Option<Arc<str>> = None;
            let mut readings = Vec::new();
            for f in fields {
                if let Some(l) = f.strip_prefix('=') {
                    lemma = Some(Arc::from(l));
                    continue;
                }
                let (t, w) = f.split_once('/').unwrap_or((f, "1"));
                if let Some(tag) = Tag::parse(t) {
                    readings.push(Reading { tag, weight: w.parse().unwrap_or(1.0), lemma: None });
                }
            }
            for r in &mut readings {
                r.lemma = lemma.clone();
            }
            closed.insert(word, readings);
        }
        let mut open: FxHashMap<&'static str, WordClass> = FxHashMap::default();
        for line in WORDNET.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(w), Some(n), Some(v), Some(a), Some(r)) = (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let p = |s: &str| s.parse::<f32>().unwrap_or(0.0);
            let mut c = WordClass { noun: p(n), verb: p(v), adj: p(a), adv: p(r) };
            // a tie between a rare noun and an adjective of adjectival form goes to the
            // adjective ("constitutional changes", "presidential palace")
            if c.adj > 0.0 && c.noun <= c.adj && ADJ_SUFFIXES.iter().any(|x| w.ends_with(x)) {
                c.adj += 1.0;
            }
            open.insert(w, c);
        }
        let mut verb_forms_map: FxHashMap<&'static str, Vec<(&'static str, bool, bool)>> = FxHashMap::default();
        for (lemma, (past, part)) in irregular() {
            for p in past {
                verb_forms_map.entry(p).or_default().push((lemma, true, part.contains(p)));
            }
            for p in part {
                if !past.contains(p) {
                    verb_forms_map.entry(p).or_default().push((lemma, false, true));
                }
            }
        }
        let mut plurals = FxHashMap::default();
        for line in NOUN_EXC.lines().filter(|l| !l.starts_with('#')) {
            if let Some((p, s)) = line.split_once('\t') {
                plurals.insert(p.to_string(), Arc::from(s));
            }
        }
        for s in [
            "man",
            "woman",
            "child",
            "person",
            "spokesman",
            "spokeswoman",
            "chairman",
            "gunman",
            "policeman",
            "congressman",
            "businessman",
            "serviceman",
            "militiaman",
            "clergyman",
            "fisherman",
            "countryman",
            "tribesman",
        ] {
            plurals.insert(noun_plural(s), Arc::from(s));
        }
        Base { closed, open, verb_forms: verb_forms_map, plurals }
    })
}

/// The lexicon the tagger consults: the built-in tables plus words added by the caller.
#[derive(Clone)]
pub struct Lexicon {
    extra: FxHashMap<String, WordClass>,
}

impl Lexicon {
    /// The built-in English lexicon.
    pub fn builtin() -> Lexicon {
        base();
        Lexicon { extra: FxHashMap::default() }
    }

    /// Declares `lemma` (lower case) a verb, so that its forms are tagged as verbs.
    pub fn add_verb(&mut self, lemma: &str) {
        let e =
            self.extra.entry(lemma.to_string()).or_insert_with(|| base().open.get(lemma).copied().unwrap_or_default());
        e.verb = e.verb.max(1.0);
    }

    /// Declares `lemma` (lower case) a noun.
    pub fn add_noun(&mut self, lemma: &str) {
        let e =
            self.extra.entry(lemma.to_string()).or_insert_with(|| base().open.get(lemma).copied().unwrap_or_default());
        e.noun = e.noun.max(1.0);
    }

    /// The open-class weights of a lemma, if the lexicon knows it.
    pub fn class(&self, lemma: &str) -> Option<WordClass> {
        self.extra.get(lemma).copied().or_else(|| base().open.get(lemma).copied())
    }

    /// Whether `lemma` is known as a verb.
    pub fn is_verb(&self, lemma: &str) -> bool {
        self.class(lemma).is_some_and(|c| c.verb > 0.0) || irregular().contains_key(lemma)
    }

    /// Whether the word is a function word: every reading `data/closed.txt` gives it is
    /// closed-class (determiner, pronoun, preposition, conjunction, modal...). Capitalised
    /// in mid-sentence, such a word is still not a name ("The Hague" aside).
    pub fn is_function_word(&self, word: &str) -> bool {
        base().closed.get(word).is_some_and(|r| {
            r.iter().all(|r| {
                matches!(
                    r.tag,
                    Tag::DT
                        | Tag::PDT
                        | Tag::PRP
                        | Tag::PRPS
                        | Tag::IN
                        | Tag::CC
                        | Tag::MD
                        | Tag::TO
                        | Tag::WDT
                        | Tag::WP
                        | Tag::WPS
                        | Tag::WRB
                        | Tag::EX
                        | Tag::POS
                        | Tag::RP
                        | Tag::RB
                        | Tag::CD
                        | Tag::UH
                )
            })
        })
    }

    /// Every reading of a lower-case word, with inflected forms analysed. Empty when the
    /// word is unknown (the tagger then guesses from its shape).
    ///
    /// ```
    /// use attache_text::{Lexicon, Tag};
    /// let lex = Lexicon::builtin();
    /// let r = lex.readings("expelled");
    /// assert!(r.iter().any(|r| r.tag == Tag::VBD && r.lemma.as_deref() == Some("expel")));
    /// let r = lex.readings("talks");
    /// assert!(r.iter().any(|r| r.tag == Tag::NNS) && r.iter().any(|r| r.tag == Tag::VBZ));
    /// ```
    pub fn readings(&self, word: &str) -> Vec<Reading> {
        let b = base();
        if let Some(r) = b.closed.get(word) {
            return r.clone();
        }
        // "cease-fire", "cease-fires": a hyphenated spelling of a word the lexicon knows
        // whole reads as that word, whose lemma it takes (patterns say "ceasefire")
        if word.contains('-') && !word.starts_with('-') {
            let joined: String = word.chars().filter(|&c| c != '-').collect();
            let mut r = self.readings(&joined);
            if r.iter()
                .any(|x| matches!(x.tag, Tag::NN | Tag::NNS | Tag::VB | Tag::VBD | Tag::VBN | Tag::VBG | Tag::VBZ))
            {
                for x in &mut r {
                    x.lemma.get_or_insert_with(|| Arc::from(joined.as_str()));
                }
                return r;
            }
        }
        let mut out: Vec<Reading> = Vec::with_capacity(4);
        let push = |out: &mut Vec<Reading>, tag: Tag, weight: f32, lemma: Option<&str>| {
            if weight <= 0.0 {
                return;
            }
            if let Some(r) = out.iter_mut().find(|r| r.tag == tag) {
                r.weight = r.weight.max(weight);
            } else {
                out.push(Reading { tag, weight, lemma: lemma.filter(|l| *l != word).map(Arc::from) });
            }
        };
        // The word as a lemma.
        if let Some(c) = self.class(word) {
            push(&mut out, Tag::NN, c.noun, None);
            push(&mut out, Tag::VB, c.verb * 0.6, None);
            push(&mut out, Tag::VBP, c.verb * 0.6, None);
            push(&mut out, Tag::JJ, c.adj, None);
            push(&mut out, Tag::RB, c.adv, None);
        }
        // Irregular verb forms.
        if let Some(forms) = b.verb_forms.get(word) {
            for (lemma, past, part) in forms {
                let v = self.class(lemma).map_or(1.0, |c| c.verb.max(1.0));
                if *past {
                    push(&mut out, Tag::VBD, v, Some(lemma));
                }
                if *part {
                    push(&mut out, Tag::VBN, v * if *past { 1.0 } else { 2.0 }, Some(lemma));
                }
            }
        }
        // Irregular noun plurals.
        if let Some(s) = b.plurals.get(word) {
            let n = self.class(s).map_or(1.0, |c| c.noun.max(1.0));
            push(&mut out, Tag::NNS, n, Some(s));
        }
        self.analyse_suffixes(word, &mut out, push);
        // A past participle that is also listed as an adjective ("voiced", "strained") is
        // read as the verb more often than not in news.
        if word.ends_with("ed") && out.iter().any(|r| r.tag == Tag::VBD || r.tag == Tag::VBN) {
            for r in out.iter_mut().filter(|r| r.tag == Tag::JJ) {
                r.weight *= 0.3;
            }
        }
        out
    }

    fn analyse_suffixes(
        &self,
        word: &str,
        out: &mut Vec<Reading>,
        push: impl Fn(&mut Vec<Reading>, Tag, f32, Option<&str>),
    ) {
        let n = word.len();
        if n < 3 || !word.is_ascii() {
            return;
        }
        let verb_has = |stem: &str, pick: &dyn Fn(&crate::morph::VerbForms) -> bool| -> Option<f32> {
            let c = self.class(stem)?;
            if c.verb <= 0.0 {
                return None;
            }
            let f = verb_forms(stem);
            pick(&f).then_some(c.verb)
        };
        if let Some(stem1) = word.strip_suffix('s') {
            let mut stems = vec![stem1.to_string()];
            if let Some(s) = word.strip_suffix("es") {
                stems.push(s.to_string());
            }
            if let Some(s) = word.strip_suffix("ies") {
                stems.push(format!("{s}y"));
            }
            for stem in &stems {
                if let Some(c) = self.class(stem)
                    && c.noun > 0.0
                    && noun_plural(stem) == word
                {
                    push(out, Tag::NNS, c.noun, Some(stem));
                }
                if let Some(v) = verb_has(stem, &|f| f.third == word) {
                    push(out, Tag::VBZ, v, Some(stem));
                }
            }
        }
        if word.ends_with("ed") {
            let mut stems = vec![word[..n - 2].to_string(), word[..n - 1].to_string()];
            if n > 4 && word.as_bytes()[n - 3] == word.as_bytes()[n - 4] {
                stems.push(word[..n - 3].to_string());
            }
            if let Some(s) = word.strip_suffix("ied") {
                stems.push(format!("{s}y"));
            }
            for stem in &stems {
                if let Some(v) = verb_has(stem, &|f| f.past.iter().any(|p| p == word)) {
                    push(out, Tag::VBD, v * 0.5, Some(stem));
                    push(out, Tag::VBN, v * 0.5, Some(stem));
                }
            }
        }
        if word.ends_with("ing") && n > 4 {
            let mut stems = vec![word[..n - 3].to_string(), format!("{}e", &word[..n - 3])];
            if word.as_bytes()[n - 4] == word.as_bytes()[n - 5] {
                stems.push(word[..n - 4].to_string());
            }
            if let Some(s) = word.strip_suffix("ying") {
                stems.push(format!("{s}ie"));
            }
            for stem in &stems {
                if let Some(v) = verb_has(stem, &|f| f.gerund == word) {
                    push(out, Tag::VBG, v, Some(stem));
                    // a gerund can head a noun phrase ("the shelling")
                    push(out, Tag::NN, v * 0.2, None);
                }
            }
        }
        for (suffix, tag) in [("er", Tag::JJR), ("est", Tag::JJS)] {
            if let Some(stem) = word.strip_suffix(suffix) {
                let mut stems = vec![stem.to_string(), format!("{stem}e")];
                if let Some(s) = stem.strip_suffix('i') {
                    stems.push(format!("{s}y"));
                }
                if stem.len() > 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] {
                    stems.push(stem[..stem.len() - 1].to_string());
                }
                for s in &stems {
                    if let Some(c) = self.class(s)
                        && c.adj > 0.0
                        && s.len() <= 7
                    {
                        push(out, tag, c.adj, Some(s));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(word: &str) -> Vec<Tag> {
        Lexicon::builtin().readings(word).iter().map(|r| r.tag).collect()
    }

    #[test]
    fn analyses() {
        assert!(tags("sent").contains(&Tag::VBD));
        assert!(tags("taken").contains(&Tag::VBN));
        assert!(!tags("taken").contains(&Tag::VBD));
        assert!(tags("embassies").contains(&Tag::NNS));
        assert!(tags("summoned").contains(&Tag::VBN));
        assert!(tags("protested").contains(&Tag::VBD));
        assert!(tags("sending").contains(&Tag::VBG));
        assert!(tags("the").contains(&Tag::DT));
        assert!(tags("diplomats").contains(&Tag::NNS));
        assert!(tags("qwxzy").is_empty());
    }

    #[test]
    fn added_verbs() {
        let mut lex = Lexicon::builtin();
        assert!(!lex.readings("blorked").iter().any(|r| r.tag == Tag::VBD));
        lex.add_verb("blork");
        assert!(lex.readings("blorked").iter().any(|r| r.tag == Tag::VBD));
    }
}
