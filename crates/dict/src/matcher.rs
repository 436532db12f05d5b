//! The phrase matcher: finds dictionary phrases in a tokenized document.
//!
//! Phrases are tokenized by the same segmenter as the text and compared on normalized
//! forms, so `Les Echos`, `LES ECHOS` and `Les Échos` meet. Case matters where the
//! dictionary says so: a phrase written capitalized (`Turkey`, `Chad`) only matches
//! capitalized text, so the bird and the verb stay out; an acronym written in capitals
//! (`US`, `UN`) only matches those capitals, so the pronoun "us" stays out.
//!
//! Lookup is a hash of the first token followed by a comparison of the candidates,
//! longest first: a few hash probes per token, whatever the dictionary size.

use attache_text::{Doc, Shape};
use rustc_hash::FxHashMap;

/// What a matched phrase refers to: an index into the dictionaries' tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hit {
    /// An actor entry.
    Actor(u32),
    /// A person.
    Person(u32),
    /// An agent entry.
    Agent(u32),
    /// A discard phrase.
    Discard(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Case {
    /// Any case.
    Any,
    /// The token must be capitalized.
    Capitalized,
    /// The token must be written exactly so (acronyms).
    Exact,
}

/// Per token of a phrase: the case the text must have, and the surface for `Exact`.
type Cases = Vec<(Case, Box<str>)>;

#[derive(Debug, Clone)]
struct Phrase {
    tokens: Vec<Box<str>>,
    cases: Cases,
    hits: Vec<Hit>,
}

/// A set of phrases, each with the hits it stands for.
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    first: FxHashMap<Box<str>, Vec<u32>>,
    phrases: Vec<Phrase>,
}

/// The normalized tokens of a phrase and the case each must have in text: a token written
/// in capitals must appear so (`US`), a capitalized one capitalized (`Russia Today`
/// does not match "Russia today"), a lower-case one in any case.
fn tokenize(phrase: &str) -> (Vec<Box<str>>, Cases) {
    let doc = attache_text::segment::segment(phrase);
    let tokens = (0..doc.tokens().len()).map(|i| Box::from(doc.norm(i))).collect();
    let cases = doc
        .tokens()
        .iter()
        .map(|t| {
            let case = if t.shape.has(Shape::ALL_CAPS) {
                Case::Exact
            } else if t.shape.has(Shape::CAPITALIZED) {
                Case::Capitalized
            } else {
                Case::Any
            };
            (case, Box::from(if case == Case::Exact { doc.text_of(t) } else { "" }))
        })
        .collect();
    (tokens, cases)
}

impl PhraseMatcher {
    /// Adds a phrase; a phrase already present gains the hit.
    pub fn insert(&mut self, phrase: &str, hit: Hit) {
        let (tokens, cases) = tokenize(phrase);
        if tokens.is_empty() {
            return;
        }
        let ids = self.first.entry(tokens[0].clone()).or_default();
        for &id in ids.iter() {
            let p = &mut self.phrases[id as usize];
            if p.tokens == tokens && p.cases == cases {
                if !p.hits.contains(&hit) {
                    p.hits.push(hit);
                }
                return;
            }
        }
        let id = self.phrases.len() as u32;
        ids.push(id);
        self.phrases.push(Phrase { tokens, cases, hits: vec![hit] });
        // longest first, so that the first match found is the longest
        let phrases = &self.phrases;
        ids.sort_by_key(|&j| std::cmp::Reverse(phrases[j as usize].tokens.len()));
    }

    /// Removes every hit for which `drop` is true (used when a user dictionary
    /// overrides a built-in phrase).
    pub(crate) fn retain_hits(&mut self, mut keep: impl FnMut(&str, Hit) -> bool) {
        for p in &mut self.phrases {
            let key = p.tokens.join(" ");
            p.hits.retain(|h| keep(&key, *h));
        }
    }

    /// The number of distinct phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The longest phrase that starts at token `i` and ends before token `end`: its
    /// length in tokens and its hits.
    pub fn longest_at<'a>(&'a self, doc: &'a Doc, i: usize, end: usize) -> Option<(usize, &'a [Hit])> {
        self.matches_at(doc, i, end).next()
    }

    /// Every phrase that starts at token `i` and ends before `end`, longest first.
    pub fn matches_at<'a>(
        &'a self,
        doc: &'a Doc,
        i: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, &'a [Hit])> + 'a {
        let ids: &[u32] = self.first.get(doc.norm(i)).map_or(&[], Vec::as_slice);
        ids.iter().filter_map(move |&id| {
            let p = &self.phrases[id as usize];
            let n = p.tokens.len();
            if i + n > end || p.hits.is_empty() {
                return None;
            }
            let ok = (0..n).all(|k| {
                let t = &doc.tokens()[i + k];
                let (case, surface) = &p.cases[k];
                (k == 0 || doc.norm(i + k) == &*p.tokens[k])
                    && match case {
                        Case::Any => true,
                        Case::Capitalized => t.shape.has(Shape::CAPITALIZED),
                        Case::Exact => doc.text_of(t) == &**surface,
                    }
            });
            ok.then_some((n, p.hits.as_slice()))
        })
    }

    /// The hits of a phrase given as text (for `attache dict lookup`).
    pub fn lookup(&self, phrase: &str) -> Vec<Hit> {
        let (tokens, _) = tokenize(phrase);
        let Some(first) = tokens.first() else {
            return Vec::new();
        };
        self.first
            .get(first)
            .into_iter()
            .flatten()
            .map(|&id| &self.phrases[id as usize])
            .filter(|p| p.tokens == tokens)
            .flat_map(|p| p.hits.iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        let mut m = PhraseMatcher::default();
        m.insert("US", Hit::Actor(0));
        m.insert("Turkey", Hit::Actor(1));
        m.insert("embassy", Hit::Agent(0));
        m.insert("Les Echos", Hit::Actor(2));
        m.insert("Russia Today", Hit::Actor(3));
        let doc =
            attache_text::segment::segment("Send us turkey. The US and Turkey. EMBASSY of LES ÉCHOS, Russia today.");
        let found: Vec<(String, Vec<Hit>)> = (0..doc.tokens().len())
            .filter_map(|i| {
                m.longest_at(&doc, i, doc.tokens().len())
                    .map(|(n, h)| (doc.span_text(i, i + n - 1).to_string(), h.to_vec()))
            })
            .collect();
        assert_eq!(
            found,
            [
                ("US".to_string(), vec![Hit::Actor(0)]),
                ("Turkey".to_string(), vec![Hit::Actor(1)]),
                ("EMBASSY".to_string(), vec![Hit::Agent(0)]),
                ("LES ÉCHOS".to_string(), vec![Hit::Actor(2)]),
            ]
        );
    }

    #[test]
    fn longest_first() {
        let mut m = PhraseMatcher::default();
        m.insert("foreign", Hit::Agent(0));
        m.insert("foreign ministry", Hit::Agent(1));
        m.insert("foreign ministry spokesman", Hit::Agent(2));
        let doc = attache_text::segment::segment("the foreign ministry said");
        assert_eq!(m.longest_at(&doc, 1, 4).map(|(n, h)| (n, h[0])), Some((2, Hit::Agent(1))));
        assert_eq!(m.matches_at(&doc, 1, 4).count(), 2);
    }
}
