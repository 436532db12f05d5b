//! The document model: one text, with tokens, sentences and chunks pointing into it.

use std::ops::Range;

use crate::chunk::Chunk;
use crate::tag::{Tag, TagSet};

/// Surface properties of a token, as bit flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape(pub u16);

impl Shape {
    /// Starts with an upper-case letter.
    pub const CAPITALIZED: u16 = 1;
    /// Every letter is upper case (and there are at least two).
    pub const ALL_CAPS: u16 = 1 << 1;
    /// Contains a digit.
    pub const DIGIT: u16 = 1 << 2;
    /// Made of punctuation only.
    pub const PUNCT: u16 = 1 << 3;
    /// Whitespace precedes the token.
    pub const SPACE_BEFORE: u16 = 1 << 4;
    /// A line break precedes the token.
    pub const NEWLINE_BEFORE: u16 = 1 << 5;
    /// A blank line (paragraph break) precedes the token.
    pub const PARAGRAPH_BEFORE: u16 = 1 << 6;
    /// Contains a letter.
    pub const ALPHA: u16 = 1 << 7;
    /// Contains letters and inner periods (`U.S.`, `p.m.`).
    pub const ABBREVIATION: u16 = 1 << 8;

    /// Whether every flag in `flags` is set.
    pub fn has(self, flags: u16) -> bool {
        self.0 & flags == flags
    }
}

/// A token: a word, number or punctuation mark of the text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of the first byte in [`Doc::text`].
    pub start: u32,
    /// Byte offset just past the last byte.
    pub end: u32,
    /// Unicode scalar offset of the first character.
    pub char_start: u32,
    /// Unicode scalar offset just past the last character.
    pub char_end: u32,
    /// Part of speech chosen by the tagger (`Tag::Unknown` before tagging).
    pub tag: Tag,
    /// Every tag the lexicon allowed for this token, for stages that reconsider.
    pub alts: TagSet,
    /// Surface flags.
    pub shape: Shape,
    pub(crate) norm: (u32, u32),
    pub(crate) lemma: (u32, u32),
}

/// A sentence: a range of tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Indices of its tokens in [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Indices of its chunks in [`Doc::chunks`] (empty before chunking).
    pub chunks: Range<usize>,
    /// The paragraph it belongs to, counted from 0.
    pub paragraph: usize,
}

/// A document and its annotations.
///
/// Stages append layers; none of them changes the text, so every offset stays valid.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) chunks: Vec<Chunk>,
    /// Normalized forms and lemmas, concatenated; tokens hold ranges into it.
    pub(crate) arena: String,
}

impl Doc {
    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences, in text order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// All chunks, in text order.
    pub fn chunks(&self) -> &[Chunk] {
        &self.chunks
    }

    /// The chunks of one sentence.
    pub fn sentence_chunks(&self, s: &Sentence) -> &[Chunk] {
        &self.chunks[s.chunks.clone()]
    }

    /// The text of a token as written.
    pub fn text_of(&self, t: &Token) -> &str {
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text of token `i` as written.
    pub fn word(&self, i: usize) -> &str {
        self.text_of(&self.tokens[i])
    }

    /// The normalized form of token `i`: lower case, straight quotes, accents removed.
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].norm;
        &self.arena[a as usize..b as usize]
    }

    /// The lemma of token `i` (`"expelled"` → `"expel"`, `"talks"` → `"talk"`), or its
    /// normalized form when it has no other.
    pub fn lemma(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].lemma;
        &self.arena[a as usize..b as usize]
    }

    /// The text between two tokens, inclusive, as written.
    pub fn span_text(&self, first: usize, last: usize) -> &str {
        let a = self.tokens[first].start as usize;
        let b = self.tokens[last].end as usize;
        &self.text[a..b]
    }

    /// The text of a sentence as written.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        if s.tokens.is_empty() {
            return "";
        }
        self.span_text(s.tokens.start, s.tokens.end - 1)
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    /// Overrides the tag of token `i` (for a later stage that knows better, such as the
    /// coder marking a dictionary name; run the chunker again afterwards).
    pub fn set_tag(&mut self, i: usize, tag: Tag) {
        self.tokens[i].tag = tag;
    }

    pub(crate) fn set_lemma(&mut self, i: usize, lemma: &str) {
        if lemma == self.norm(i) {
            self.tokens[i].lemma = self.tokens[i].norm;
            return;
        }
        let a = self.arena.len() as u32;
        self.arena.push_str(lemma);
        self.tokens[i].lemma = (a, self.arena.len() as u32);
    }
}
