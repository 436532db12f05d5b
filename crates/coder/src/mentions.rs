//! Dictionary mentions: where the dictionaries' phrases occur in a sentence.

use attache_dict::{ActorKind, AgentKind, Dictionaries, Hit};
use attache_text::Doc;

/// What a dictionary phrase in the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lexeme {
    /// An actor entry of the given kind.
    Actor(u32, ActorKind),
    /// A person.
    Person(u32),
    /// An agent entry of the given kind.
    Agent(u32, AgentKind),
}

/// A dictionary phrase found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its meanings (a phrase may be both a capital and a place, say).
    pub lexemes: Vec<Lexeme>,
}

/// Finds the dictionary phrases of tokens `range`, longest first, left to right.
pub(crate) fn find(doc: &Doc, dicts: &Dictionaries, range: std::ops::Range<usize>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if let Some((n, hits)) = dicts.phrases().longest_at(doc, i, range.end) {
            let lexemes: Vec<Lexeme> = hits
                .iter()
                .filter_map(|h| match *h {
                    Hit::Actor(a) => Some(Lexeme::Actor(a, dicts.actor(a).kind)),
                    Hit::Person(p) => Some(Lexeme::Person(p)),
                    Hit::Agent(a) => Some(Lexeme::Agent(a, dicts.agent(a).kind)),
                    Hit::Discard(_) => None,
                })
                .collect();
            if !lexemes.is_empty() {
                out.push(Found { start: i, end: i + n, lexemes });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Which discard phrases a stretch of text holds: (a sentence discard, a story discard).
pub(crate) fn discards(doc: &Doc, dicts: &Dictionaries, range: std::ops::Range<usize>) -> (bool, bool) {
    let m = dicts.discards();
    let (mut sentence, mut story) = (false, false);
    if m.is_empty() {
        return (false, false);
    }
    for i in range.clone() {
        for (_, hits) in m.matches_at(doc, i, range.end) {
            for h in hits {
                if let Hit::Discard(d) = h {
                    if dicts.discard_is_story(*d) {
                        story = true;
                    } else {
                        sentence = true;
                    }
                }
            }
        }
    }
    (sentence, story)
}
