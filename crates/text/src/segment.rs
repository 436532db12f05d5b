//! The segmenter: text into tokens, sentences and paragraphs.
//!
//! Tokens keep byte and Unicode scalar offsets into the original text. The rules are the
//! ones news text needs:
//!
//! * abbreviations stay whole and do not end sentences (`U.S.`, `Feb.`, `Mr.`, `Gen.`);
//!   an acronym does end one when a typical sentence opener follows (`... in the U.S. The`);
//! * possessives and contractions are split off (`Navalny’s` → `Navalny` `’s`,
//!   `didn't` → `did` `n't`), names with apostrophes are not (`O'Brien`, `d'Ivoire`);
//! * hyphenated words stay whole (`tit-for-tat`, `Secretary-General`), as do numbers
//!   (`1,000`, `3.5`) and suspended prefixes (`pro-` in `pro- and anti-war`);
//! * curly and straight quotes, dashes and ellipses are tokens of their own;
//! * a blank line ends a paragraph and a sentence (headlines have no full stop);
//! * a sentence longer than [`MAX_SENTENCE_TOKENS`] is cut at a comma or semicolon so that
//!   no later stage sees unbounded input.

use crate::doc::{Doc, Sentence, Shape, Token};
use crate::normalize::normalize_into;
use crate::tag::{Tag, TagSet};

/// The longest sentence, in tokens, that later stages see (longer runs are cut).
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Abbreviations that never end a sentence: titles and months (normalized, no period).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen",
    "rep", "gov", "pres", "amb", "rev", "fr", "st", "mt", "ft", "hon", "supt", "insp", "det", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "messrs", "mme", "mlle",
    "brig", "cdr", "gens", "sens", "reps", "lieut", "gov", "atty", "dept", "univ", "approx", "fig", "est", "al",
];

/// Abbreviations that may end a sentence.
const ENDING_ABBREVIATIONS: &[&str] = &["etc", "inc", "corp", "ltd", "co", "bros", "jr", "sr", "plc", "llc"];

/// Capitalized words that usually open a sentence: after an acronym such as `U.S.` they
/// signal that its period also ends the sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "some",
    "many",
    "most",
    "both",
    "earlier",
    "later",
    "also",
    "according",
    "last",
    "on",
    "since",
    "during",
    "officials",
    "no",
    "one",
    "two",
    "three",
];

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    cpos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn peek_nth(&self, n: usize) -> Option<char> {
        self.text[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        self.cpos += 1;
        Some(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    // ASCII first: nearly every character of English news is
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Clitics split off after an apostrophe (`'s`, `'re`, ...), lower case.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// The letters starting at byte `at`, up to the first non-letter.
fn letters_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    &rest[..end]
}

/// Splits `text` into tokens, sentences and paragraphs. Tags are left `Unknown`.
///
/// ```
/// let doc = attache_text::segment::segment("Mr. Smith met U.S. envoys on Feb. 5. They didn’t agree.");
/// let words: Vec<&str> = doc.tokens().iter().map(|t| doc.text_of(t)).collect();
/// assert_eq!(words, ["Mr.", "Smith", "met", "U.S.", "envoys", "on", "Feb.", "5", ".",
///                    "They", "did", "n’t", "agree", "."]);
/// assert_eq!(doc.sentences().len(), 2);
/// ```
pub fn segment(text: &str) -> Doc {
    let mut doc = Doc {
        text: text.to_string(),
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        arena: String::with_capacity(text.len() + 16),
        ..Doc::default()
    };
    tokenize(&mut doc);
    split_sentences(&mut doc);
    doc
}

fn tokenize(doc: &mut Doc) {
    let text: &str = &doc.text;
    let mut cur = Cursor { text, pos: 0, cpos: 0 };
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut arena = std::mem::take(&mut doc.arena);
    let mut newlines = 0usize;
    let mut space = false;
    while let Some(c) = cur.peek() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            space = true;
            cur.bump();
            continue;
        }
        let (start, cstart) = (cur.pos, cur.cpos);
        let mut shape = 0u16;
        if space {
            shape |= Shape::SPACE_BEFORE;
        }
        if newlines >= 1 {
            shape |= Shape::NEWLINE_BEFORE;
        }
        if newlines >= 2 {
            shape |= Shape::PARAGRAPH_BEFORE;
        }
        newlines = 0;
        space = false;

        let prev_adjacent_word =
            tokens.last().is_some_and(|t: &Token| t.end as usize == start && t.shape.has(Shape::ALPHA));
        if is_apostrophe(c) && prev_adjacent_word {
            // A clitic: 's, 're, 've, 'll, 'd, 'm; or a bare possessive apostrophe (diplomats').
            let after = start + c.len_utf8();
            let letters = letters_at(text, after);
            let lower = letters.to_ascii_lowercase();
            cur.bump();
            if CLITICS.contains(&lower.as_str()) {
                for _ in letters.chars() {
                    cur.bump();
                }
            }
        } else if (c == 'n' || c == 'N')
            && prev_adjacent_word
            && cur.peek_nth(1).is_some_and(is_apostrophe)
            && matches!(cur.peek_nth(2), Some('t' | 'T'))
            && !cur.peek_nth(3).is_some_and(char::is_alphabetic)
        {
            for _ in 0..3 {
                cur.bump();
            }
        } else if is_word_char(c) {
            scan_word(&mut cur);
        } else if c == '.' && cur.peek_nth(1) == Some('.') && cur.peek_nth(2) == Some('.') {
            for _ in 0..3 {
                cur.bump();
            }
        } else if let Some(n) =
            (is_hyphen(c) && prev_adjacent_word).then(|| name_suffix(&text[cur.pos + c.len_utf8()..])).flatten()
        {
            // the "-led" of "US-led", split from the name (see `scan_word`)
            for _ in 0..=n {
                cur.bump();
            }
        } else if is_hyphen(c) && cur.peek_nth(1).is_some_and(is_hyphen) {
            while cur.peek().is_some_and(is_hyphen) {
                cur.bump();
            }
        } else {
            cur.bump();
        }
        let (end, cend) = (cur.pos, cur.cpos);
        let surface = &text[start..end];
        shape |= surface_shape(surface);
        let a = arena.len() as u32;
        normalize_into(surface, &mut arena);
        let b = arena.len() as u32;
        tokens.push(Token {
            start: start as u32,
            end: end as u32,
            char_start: cstart as u32,
            char_end: cend as u32,
            tag: Tag::Unknown,
            alts: TagSet::EMPTY,
            shape: Shape(shape),
            norm: (a, b),
            lemma: (a, b),
        });
    }
    doc.tokens = tokens;
    doc.arena = arena;
}

/// Whether the hyphen at byte `at`, ending the word that starts at `start`, is a
/// suspended one: a lower-case prefix or first part ("anti-", "two-") followed by a
/// space and a word. A hyphen with spaces on both sides is a dash, and a capitalized
/// word before one ("Kabul- The") is a typo for a dash, not a prefix.
fn suspended_hyphen(text: &str, start: usize, at: usize) -> bool {
    let word = &text[start..at];
    // (the hyphen may be a three-byte U+2010)
    let after = text[at..].char_indices().nth(1).map_or("", |(i, _)| &text[at + i..]);
    let rest = after.trim_start_matches([' ', '\t']);
    !word.is_empty()
        && word.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && rest.len() < after.len()
        && rest.chars().next().is_some_and(is_word_char)
}

/// Participles that, after a hyphen and a name, make the name the actor or the country of
/// what they modify: "US-led coalition", "Greek-owned tanker", "Panama-flagged ship",
/// "Gaza-based militants" ("Iran-backed" is not among them: the militia is not Iran).
const NAME_SUFFIXES: &[&str] = &["led", "owned", "flagged", "registered", "based", "run"];

/// The length of the name suffix `rest` starts with (after a hyphen: "US-led"), if any.
fn name_suffix(rest: &str) -> Option<usize> {
    NAME_SUFFIXES
        .iter()
        .find(|s| {
            rest.get(..s.len()).is_some_and(|w| w.eq_ignore_ascii_case(s)) && !rest[s.len()..].starts_with(is_word_char)
        })
        .map(|s| s.len())
}

/// Scans a word or number starting at the cursor.
fn scan_word(cur: &mut Cursor) {
    let text = cur.text;
    let start = cur.pos;
    // Letters separated by single periods: U.S., U.N., p.m., e.g.
    let mut dotted = true;
    let mut segment_len = 0usize;
    while let Some(c) = cur.peek() {
        if is_word_char(c) {
            cur.bump();
            segment_len += 1;
            continue;
        }
        let next = cur.peek_nth(1);
        let next_is_word = next.is_some_and(is_word_char);
        let prev = text[..cur.pos].chars().next_back();
        let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
        if is_hyphen(c) && next_is_word {
            // "US-led", "Saudi-led": the leader's name stands apart, so that it is found
            // as the actor of the phrase ("the US-led coalition" is the United States')
            let capitalized = text[start..].chars().next().is_some_and(char::is_uppercase);
            if capitalized && name_suffix(&text[cur.pos + c.len_utf8()..]).is_some() {
                break;
            }
            dotted = false;
            cur.bump();
            segment_len = 0;
            continue;
        }
        if is_hyphen(c) && suspended_hyphen(text, start, cur.pos) {
            // "pro- and anti-war", "an anti- Gondor rally": the hyphen stays with its
            // prefix, which modifies what follows (a lone "-" would end the noun phrase)
            cur.bump();
            break;
        }
        if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
            let letters = letters_at(text, cur.pos + c.len_utf8());
            let lower = letters.to_ascii_lowercase();
            if CLITICS.contains(&lower.as_str()) {
                break;
            }
            if lower == "t" && prev.is_some_and(|p| p == 'n' || p == 'N') && cur.pos - 1 > start {
                // "didn't": give back the n so that the clitic is "n't"
                cur.pos -= 1;
                cur.cpos -= 1;
                break;
            }
            dotted = false;
            cur.bump();
            segment_len = 0;
            continue;
        }
        if c == '.' && next.is_some_and(|n| n.is_ascii_digit()) && prev_digit {
            cur.bump(); // 3.5
            continue;
        }
        if c == '.' && dotted && segment_len == 1 && next.is_some_and(char::is_alphabetic) {
            // U.S  p.m  e.g  (single letters between periods)
            let after = letters_at(text, cur.pos + 1);
            if after.chars().count() == 1 {
                cur.bump();
                segment_len = 0;
                continue;
            }
        }
        if c == ',' && prev_digit && text[cur.pos + 1..].bytes().take(3).filter(u8::is_ascii_digit).count() == 3 {
            let after3 = text[cur.pos + 1..].chars().nth(3);
            if !after3.is_some_and(|a| a.is_ascii_digit()) {
                cur.bump(); // 1,000
                continue;
            }
        }
        if c == '&' && next_is_word && prev.is_some_and(char::is_uppercase) {
            cur.bump(); // AT&T
            continue;
        }
        // "SPLM/A": an acronym and the single capital of its armed wing are one name
        if c == '/'
            && next.is_some_and(|n| n.is_ascii_uppercase())
            && !cur.peek_nth(2).is_some_and(is_word_char)
            && text[start..cur.pos].chars().all(|p| p.is_ascii_uppercase())
            && cur.pos - start >= 2
        {
            cur.bump();
            cur.bump();
            break;
        }
        break;
    }
    // A final period belongs to acronyms (U.S.), known abbreviations (Feb.) and initials (J.).
    if cur.peek() == Some('.') {
        let word = &text[start..cur.pos];
        let lower = word.to_ascii_lowercase();
        let is_acronym = word.contains('.');
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "No." and "Nos." abbreviate "number" only before a digit ("No. 5"); else "no" ends a sentence
        let numero = matches!(lower.as_str(), "no" | "nos");
        let digit_follows = text[cur.pos + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        let is_abbrev = (TITLES.contains(&lower.as_str()) && (!numero || digit_follows))
            || ENDING_ABBREVIATIONS.contains(&lower.as_str());
        if is_acronym || is_initial || is_abbrev {
            cur.bump();
        }
    }
}

fn surface_shape(s: &str) -> u16 {
    let mut shape = 0;
    let mut letters = 0;
    let mut upper = 0;
    let mut first = true;
    let mut has_word_char = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                if first {
                    shape |= Shape::CAPITALIZED;
                }
            }
            has_word_char = true;
        } else if c.is_numeric() {
            shape |= Shape::DIGIT;
            has_word_char = true;
        }
        first = false;
    }
    if letters > 0 {
        shape |= Shape::ALPHA;
    }
    if letters >= 2 && upper == letters {
        shape |= Shape::ALL_CAPS;
    }
    if !has_word_char {
        shape |= Shape::PUNCT;
    }
    if letters > 0 && s.contains('.') && !s.ends_with("...") {
        shape |= Shape::ABBREVIATION;
    }
    shape
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "...")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "\u{201D}" | "\u{2019}" | "'" | ")" | "]" | "\u{00BB}")
}

fn opens_sentence(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.shape.has(Shape::CAPITALIZED) || t.shape.has(Shape::DIGIT) {
        return true;
    }
    let w = doc.text_of(t);
    matches!(
        w,
        "\"" | "\u{201C}" | "\u{201E}" | "'" | "\u{2018}" | "(" | "[" | "\u{00AB}" | "-" | "\u{2014}" | "\u{2013}"
    )
}

fn split_sentences(doc: &mut Doc) {
    let n = doc.tokens.len();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut paragraph = 0usize;
    let mut i = 0usize;
    while i < n {
        if i > start && doc.tokens[i].shape.has(Shape::PARAGRAPH_BEFORE) {
            push_sentence(&mut sentences, start, i, paragraph);
            paragraph += 1;
            start = i;
        } else if i == start && i > 0 && doc.tokens[i].shape.has(Shape::PARAGRAPH_BEFORE) {
            paragraph += 1;
        }
        let w = doc.word(i);
        let mut end_here = false;
        let mut last = i;
        if is_terminator(w) {
            while last + 1 < n && is_closer(doc.word(last + 1)) && !doc.tokens[last + 1].shape.has(Shape::SPACE_BEFORE)
            {
                last += 1;
            }
            end_here = last + 1 >= n
                || doc.tokens[last + 1].shape.has(Shape::PARAGRAPH_BEFORE)
                || (opens_sentence(doc, last + 1)
                    && (w != "..." && w != "…" || doc.tokens[last + 1].shape.has(Shape::CAPITALIZED)));
        } else if w.ends_with('.') && w.len() > 1 && i + 1 < n {
            // An abbreviation's period: ends the sentence only before a typical opener.
            let stem = doc.norm(i).trim_end_matches('.');
            let title = TITLES.contains(&stem);
            let next_norm = doc.norm(i + 1);
            let next_cap = doc.tokens[i + 1].shape.has(Shape::CAPITALIZED);
            end_here = !title && next_cap && OPENERS.contains(&next_norm);
        }
        if end_here {
            push_sentence(&mut sentences, start, last + 1, paragraph);
            start = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if start < n {
        push_sentence(&mut sentences, start, n, paragraph);
    }
    // Cut overlong sentences at a comma or semicolon (or hard, when there is none).
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut a = s.tokens.start;
        while s.tokens.end - a > MAX_SENTENCE_TOKENS {
            let limit = a + MAX_SENTENCE_TOKENS;
            let cut = (a + MAX_SENTENCE_TOKENS / 2..limit)
                .rev()
                .find(|&k| matches!(doc.word(k), "," | ";" | ":"))
                .map_or(limit, |k| k + 1);
            push_sentence(&mut out, a, cut, s.paragraph);
            a = cut;
        }
        push_sentence(&mut out, a, s.tokens.end, s.paragraph);
    }
    doc.sentences = out;
}

fn push_sentence(out: &mut Vec<Sentence>, a: usize, b: usize, paragraph: usize) {
    if b > a {
        out.push(Sentence { tokens: a..b, chunks: 0..0, paragraph });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let d = segment(text);
        d.tokens().iter().map(|t| d.text_of(t).to_string()).collect()
    }

    fn sentences(text: &str) -> Vec<String> {
        let d = segment(text);
        d.sentences().iter().map(|s| d.sentence_text(s).to_string()).collect()
    }

    #[test]
    fn possessives_and_contractions() {
        assert_eq!(words("Navalny’s sentence"), ["Navalny", "’s", "sentence"]);
        assert_eq!(words("the diplomats' cars"), ["the", "diplomats", "'", "cars"]);
        assert_eq!(words("they didn't, won't, can't"), ["they", "did", "n't", ",", "wo", "n't", ",", "ca", "n't"]);
        assert_eq!(words("O'Brien of Côte d'Ivoire"), ["O'Brien", "of", "Côte", "d'Ivoire"]);
        assert_eq!(words("it's"), ["it", "'s"]);
    }

    #[test]
    fn acronym_with_its_armed_wing() {
        assert_eq!(
            words("the SPLM/A and the MPLA/UNITA talks"),
            ["the", "SPLM/A", "and", "the", "MPLA", "/", "UNITA", "talks"]
        );
        assert_eq!(words("and/or A/B"), ["and", "/", "or", "A", "/", "B"]);
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(words("the U.S. and U.N. at 3 p.m."), ["the", "U.S.", "and", "U.N.", "at", "3", "p.m."]);
        assert_eq!(
            words("$8 billion, 1,000 troops, 3.5%"),
            ["$", "8", "billion", ",", "1,000", "troops", ",", "3.5", "%"]
        );
        assert_eq!(words("tit-for-tat Secretary-General"), ["tit-for-tat", "Secretary-General"]);
        assert_eq!(words("the US-led coalition"), ["the", "US", "-led", "coalition"]);
        assert_eq!(words("a Greek-owned tanker"), ["a", "Greek", "-owned", "tanker"]);
        assert_eq!(words("state-run media"), ["state-run", "media"]);
        assert_eq!(words("Gen. J. Smith"), ["Gen.", "J.", "Smith"]);
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(words("“must be demanding.”"), ["“", "must", "be", "demanding", ".", "”"]);
        assert_eq!(words("Kyiv -- and Moscow…"), ["Kyiv", "--", "and", "Moscow", "…"]);
        // a suspended hyphen stays with its prefix; a spaced or capitalized one is a dash
        assert_eq!(words("pro- and anti-war"), ["pro-", "and", "anti-war"]);
        assert_eq!(words("an anti- Israel rally"), ["an", "anti-", "Israel", "rally"]);
        assert_eq!(words("Kabul - The"), ["Kabul", "-", "The"]);
        assert_eq!(words("KABUL- The"), ["KABUL", "-", "The"]);
        assert_eq!(words("pro\u{2010} and anti\u{2010}war"), ["pro\u{2010}", "and", "anti\u{2010}war"]);
        assert_eq!(words("US\u{2010}led"), ["US", "\u{2010}led"]);
    }

    #[test]
    fn sentence_boundaries() {
        assert_eq!(
            sentences("He met Mr. Putin on Feb. 5. Talks failed. It said: “No.” Then it left."),
            ["He met Mr. Putin on Feb. 5.", "Talks failed.", "It said: “No.”", "Then it left."]
        );
        assert_eq!(
            sentences("Aid reached the U.S. embassy. The U.S. The end."),
            ["Aid reached the U.S. embassy.", "The U.S.", "The end."]
        );
        assert_eq!(sentences("A headline\n\nThe body text. More."), ["A headline", "The body text.", "More."]);
        assert_eq!(sentences("A line\nwrapped here."), ["A line\nwrapped here."]);
    }

    #[test]
    fn paragraphs() {
        let d = segment("One. Two.\n\nThree.\n\n\nFour.");
        let p: Vec<usize> = d.sentences().iter().map(|s| s.paragraph).collect();
        assert_eq!(p, [0, 0, 1, 2]);
    }

    #[test]
    fn offsets_are_unicode_scalars() {
        let d = segment("“Égalité” für Navalny’s");
        let t = &d.tokens()[1];
        assert_eq!(d.text_of(t), "Égalité");
        assert_eq!((t.char_start, t.char_end), (1, 8));
        let last = d.tokens().last().unwrap();
        assert_eq!(d.text_of(last), "’s");
        let chars: Vec<char> = d.text().chars().collect();
        let s: String = chars[last.char_start as usize..last.char_end as usize].iter().collect();
        assert_eq!(s, "’s");
    }

    #[test]
    fn long_sentences_are_cut() {
        let text = "word, ".repeat(2000);
        let d = segment(&text);
        assert!(d.sentences().iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(d.sentences().iter().map(|s| s.tokens.len()).sum::<usize>(), d.tokens().len());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            " ",
            "\n\n\n",
            "'",
            "’s",
            "n't",
            "...",
            "a.b.c.d.",
            "\u{0301}",
            "x\u{0301}y",
            ",,,",
            "1,2",
            "U.",
            "-a-",
        ] {
            let d = segment(t);
            assert_eq!(
                d.tokens().iter().map(|t| t.end - t.start).sum::<u32>() as usize,
                t.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>(),
                "{t:?}"
            );
        }
    }
}
