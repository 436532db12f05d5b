//! The document model and the linguistic stages of attache.
//!
//! A text becomes a [`Doc`]: the original string plus layers of annotation that point
//! into it. Each stage is a pure function of its input (and of the loaded lexicon), so it
//! can be tested alone and run in parallel over documents:
//!
//! | stage | what it adds | module |
//! |---|---|---|
//! | normalizer | a matching form of every token (lower case, straight quotes, no accents) | [`normalize`] |
//! | segmenter | tokens with byte and character offsets, sentences, paragraphs | [`segment`] |
//! | tagger | a part-of-speech tag and lemma per token | [`tagger`] |
//! | rules | contextual tag corrections a bigram model cannot see | [`rules`] |
//! | chunker | noun phrases, verb groups (auxiliaries, modals, negation, passive) | [`chunk`] |
//!
//! Offsets: every token records byte offsets (for slicing the Rust string) and
//! **Unicode scalar** offsets (what Python and JavaScript slice by), which are what the
//! event records publish.
//!
//! ```
//! use attache_text::{Analyzer, Tag};
//! let analyzer = Analyzer::builtin();
//! let doc = analyzer.analyze("Russia expelled two U.S. diplomats on Friday. Washington protested.");
//! assert_eq!(doc.sentences().len(), 2);
//! let expelled = doc.tokens().iter().position(|t| doc.text_of(t) == "expelled").unwrap();
//! assert_eq!(doc.tokens()[expelled].tag, Tag::VBD);
//! assert_eq!(doc.lemma(expelled), "expel");
//! ```

#![warn(missing_docs)]

pub mod chunk;
mod doc;
mod lexicon;
mod morph;
pub mod normalize;
pub mod rules;
pub mod segment;
mod tag;
pub mod tagger;

pub use chunk::{Chunk, ChunkKind, VerbGroup, Voice};
pub use doc::{Doc, Sentence, Shape, Token};
pub use lexicon::{Lexicon, WordClass};
pub use morph::{VerbForms, noun_plural, verb_forms};
pub use tag::{Tag, TagSet};
pub use tagger::Tagger;

/// The linguistic stages in order: segment, tag, chunk.
///
/// Build it once (it holds the lexicon) and share it between threads.
pub struct Analyzer {
    tagger: Tagger,
}

impl Analyzer {
    /// An analyzer with the built-in English lexicon.
    pub fn builtin() -> Analyzer {
        Analyzer { tagger: Tagger::new(Lexicon::builtin()) }
    }

    /// An analyzer over a lexicon extended by the caller (for example with the verbs of
    /// the event dictionaries, so every pattern verb is known as a verb).
    pub fn with_lexicon(lexicon: Lexicon) -> Analyzer {
        Analyzer { tagger: Tagger::new(lexicon) }
    }

    /// The tagger, for callers that run stages one by one.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Runs every stage on `text`.
    pub fn analyze(&self, text: &str) -> Doc {
        let mut doc = segment::segment(text);
        self.tagger.tag(&mut doc);
        rules::apply(&mut doc);
        chunk::chunk(&mut doc);
        doc
    }
}
