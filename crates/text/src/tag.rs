//! Part-of-speech tags.

use std::fmt;

macro_rules! tags {
    ($($(#[$doc:meta])* $name:ident = $s:literal,)*) => {
        /// A part-of-speech tag. The names follow the Penn Treebank, with separate tags
        /// for the punctuation marks that matter to clause structure.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::upper_case_acronyms)]
        #[repr(u8)]
        pub enum Tag { $($(#[$doc])* $name,)* }

        impl Tag {
            /// Every tag.
            pub const ALL: &'static [Tag] = &[$(Tag::$name,)*];

            /// The tag's name (`"NNS"`, `"PRP$"`).
            pub fn as_str(self) -> &'static str {
                match self { $(Tag::$name => $s,)* }
            }

            /// Parses a tag name as [`Tag::as_str`] writes it.
            pub fn parse(s: &str) -> Option<Tag> {
                match s { $($s => Some(Tag::$name),)* _ => None }
            }
        }
    };
}

tags! {
    /// Coordinating conjunction.
    CC = "CC",
    /// Number.
    CD = "CD",
    /// Determiner.
    DT = "DT",
    /// Existential "there".
    EX = "EX",
    /// Foreign word.
    FW = "FW",
    /// Preposition or subordinating conjunction.
    IN = "IN",
    /// Adjective.
    JJ = "JJ",
    /// Comparative adjective.
    JJR = "JJR",
    /// Superlative adjective.
    JJS = "JJS",
    /// Modal.
    MD = "MD",
    /// Singular or mass noun.
    NN = "NN",
    /// Plural noun.
    NNS = "NNS",
    /// Proper noun.
    NNP = "NNP",
    /// Plural proper noun.
    NNPS = "NNPS",
    /// Predeterminer.
    PDT = "PDT",
    /// Possessive ending.
    POS = "POS",
    /// Personal pronoun.
    PRP = "PRP",
    /// Possessive pronoun.
    PRPS = "PRP$",
    /// Adverb.
    RB = "RB",
    /// Comparative adverb.
    RBR = "RBR",
    /// Superlative adverb.
    RBS = "RBS",
    /// Particle.
    RP = "RP",
    /// Symbol.
    SYM = "SYM",
    /// "to".
    TO = "TO",
    /// Interjection.
    UH = "UH",
    /// Verb, base form.
    VB = "VB",
    /// Verb, past tense.
    VBD = "VBD",
    /// Verb, gerund or present participle.
    VBG = "VBG",
    /// Verb, past participle.
    VBN = "VBN",
    /// Verb, present, not third person singular.
    VBP = "VBP",
    /// Verb, present, third person singular.
    VBZ = "VBZ",
    /// Wh-determiner.
    WDT = "WDT",
    /// Wh-pronoun.
    WP = "WP",
    /// Possessive wh-pronoun.
    WPS = "WP$",
    /// Wh-adverb.
    WRB = "WRB",
    /// Comma.
    Comma = ",",
    /// Sentence-final punctuation.
    Stop = ".",
    /// Colon, semicolon, dash, ellipsis.
    Colon = ":",
    /// Opening quotation mark.
    LQuote = "``",
    /// Closing quotation mark.
    RQuote = "''",
    /// Opening bracket.
    LParen = "(",
    /// Closing bracket.
    RParen = ")",
    /// Currency sign.
    Dollar = "$",
    /// Not yet tagged.
    Unknown = "?",
}

impl Tag {
    /// Nouns of any kind (common, proper, singular, plural).
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Proper nouns.
    pub fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Verbs of any form.
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
    }

    /// Finite verbs (present and past tense).
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ)
    }

    /// Adjectives.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// Adverbs.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Punctuation.
    pub fn is_punct(self) -> bool {
        matches!(self, Tag::Comma | Tag::Stop | Tag::Colon | Tag::LQuote | Tag::RQuote | Tag::LParen | Tag::RParen)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of tags, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct TagSet(u64);

impl TagSet {
    /// The empty set.
    pub const EMPTY: TagSet = TagSet(0);

    /// Adds a tag.
    pub fn insert(&mut self, t: Tag) {
        self.0 |= 1 << (t as u8);
    }

    /// Whether the set holds `t`.
    pub fn contains(self, t: Tag) -> bool {
        self.0 & (1 << (t as u8)) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the set holds a verb tag.
    pub fn has_verb(self) -> bool {
        [Tag::VB, Tag::VBD, Tag::VBG, Tag::VBN, Tag::VBP, Tag::VBZ].iter().any(|t| self.contains(*t))
    }

    /// Whether the set holds a noun tag.
    pub fn has_noun(self) -> bool {
        [Tag::NN, Tag::NNS, Tag::NNP, Tag::NNPS].iter().any(|t| self.contains(*t))
    }
}

impl FromIterator<Tag> for TagSet {
    fn from_iter<I: IntoIterator<Item = Tag>>(iter: I) -> Self {
        let mut s = TagSet::EMPTY;
        for t in iter {
            s.insert(t);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Tag::ALL {
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
        }
        assert!(Tag::ALL.len() < 64, "TagSet is a u64");
    }
}
