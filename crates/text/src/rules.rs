//! Contextual tag corrections: what a bigram tagger cannot see, fixed by looking further.
//!
//! Each rule is a small, documented pattern over tags and words, run after the tagger
//! and before the chunker:
//!
//! * **Approximate quantities**: "about", "around", "nearly", "some", "over", "up to",
//!   "at least", "more than" before a number modify the number; they are adverbs, not
//!   prepositions, so "About 300 activists protested" keeps its subject.
//! * **Headline verbs**: a headline without a finite verb takes the first word after a
//!   noun that can be a verb agreeing with it ("Chad and Sudan Sign Treaty").
//! * **Nominal adjectives**: "deployed its military to": after a determiner, with no
//!   noun after it, an adjective that can be a noun is one.
//! * **Counted compounds**: "four shell bombs": after a number and a noun, a plural.
//! * **Plurals after adjectives**: "far-reaching reforms": after an attributive adjective,
//!   a word that can be a plural noun or a verb is the noun.
//! * **Infinitives after control verbs**: "began to hand in", "agreed to hand over":
//!   after "to" following a verb that takes an infinitive, a word that can be a base
//!   verb is one.
//! * **Day adverbs**: "police today released": "today" before a verb says when.
//! * **Plural possessors without an apostrophe**: "would not meet hostage-takers
//!   demands": after a verb and a plural noun, a word that can be a plural noun is one
//!   (a verb there would not agree with its plural subject).
//! * **Adjectives in -ing**: "willing", "unwilling" are adjectives, not forms of the verb
//!   "will" ("they are willing to forgive").
//! * **Nouns ending a phrase**: "its debt relief plan.": a base verb after a noun and
//!   before punctuation or a preposition is a noun.
//! * **Objects after a date**: "denied on Thursday charges by": after a verb and its
//!   day, a word that can be a plural noun is the verb's object, not a second verb.
//! * **Reduced relatives**: "militants based in Gaza attacked Israel": a past form right
//!   after a noun, followed by a prepositional phrase and then by the clause's finite
//!   verb, is a participle modifying the noun, not the verb of the clause.

use crate::{Doc, Tag};

/// Applies every rule to every sentence of a tagged document.
///
/// ```
/// let a = attache_text::Analyzer::builtin();
/// let doc = a.analyze("About 300 activists based in Gaza protested.");
/// let tags: Vec<_> = doc.tokens().iter().map(|t| t.tag).collect();
/// assert_eq!(tags[0], attache_text::Tag::RB);
/// assert_eq!(tags[3], attache_text::Tag::VBN);
/// ```
pub fn apply(doc: &mut Doc) {
    for si in 0..doc.sentences().len() {
        let range = doc.sentences()[si].tokens.clone();
        approximate_quantities(doc, range.clone());
        reduced_relatives(doc, range.clone());
        counted_compounds(doc, range.clone());
        plurals_after_adjectives(doc, range.clone());
        nominal_adjectives(doc, range.clone());
        infinitives(doc, range.clone());
        day_adverbs(doc, range.clone());
        objects_after_dates(doc, range.clone());
        ing_adjectives(doc, range.clone());
        nouns_ending_phrases(doc, range.clone());
        bare_plural_possessors(doc, range.clone());
        headline_verb(doc, si, range);
    }
}

/// A headline has a verb: "Chad and Sudan Sign New Extradition Treaty", "Hackers target
/// government network". In a headline (title case, or a lone unpunctuated first line)
/// where the tagger found no finite verb, the first word after a noun that can be a verb
/// agreeing with it is taken as one: a past form after anything, a plural present after
/// a plural or coordinated subject, a singular present after a singular noun ("Saint
/// Helena Police Officers Beat Protestors": not "police", which would need "polices").
fn headline_verb(doc: &mut Doc, si: usize, range: std::ops::Range<usize>) {
    if !crate::tagger::is_title_case(doc, range.clone()) && !crate::chunk::is_headline(doc, si) {
        return;
    }
    let title_case = crate::tagger::is_title_case(doc, range.clone());
    // a participle is the verb of a passive headline ("Four killed in air strike")
    let finite = |t: Tag| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD | Tag::VBN);
    if range.clone().any(|i| finite(doc.tokens()[i].tag)) {
        return;
    }
    let mut first = None;
    let mut coordinated = false;
    for i in range.start + 1..range.end {
        let prev = doc.tokens()[i - 1].tag;
        coordinated |= prev == Tag::CC;
        if !matches!(prev, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::PRP) {
            continue;
        }
        let alts = doc.tokens()[i].alts;
        let plural = coordinated || matches!(prev, Tag::NNS | Tag::NNPS | Tag::PRP);
        let agreeing = if alts.contains(Tag::VBD) {
            Some(Tag::VBD)
        } else if plural && alts.contains(Tag::VBP) {
            Some(Tag::VBP)
        } else if !plural && alts.contains(Tag::VBZ) {
            Some(Tag::VBZ)
        } else {
            None
        };
        if let Some(v) = agreeing {
            doc.set_tag(i, v);
            return;
        }
        first = first.or_else(|| [Tag::VBZ, Tag::VBP].into_iter().find(|&t| alts.contains(t)).map(|t| (i, t)));
    }
    // no agreeing verb: in title case (where the tagger has little to go on), the first
    // word that can be one at all
    if let Some((i, v)) = first.filter(|_| title_case) {
        doc.set_tag(i, v);
    }
}

fn approximate_quantities(doc: &mut Doc, range: std::ops::Range<usize>) {
    let end = range.end;
    for i in range {
        let number_at = |k: usize| k < end && doc.tokens()[k].tag == Tag::CD;
        let w = doc.norm(i);
        let single = matches!(
            w,
            "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some" | "over" | "under"
        );
        if single && number_at(i + 1) && doc.tokens()[i].tag != Tag::CD {
            doc.set_tag(i, Tag::RB);
            continue;
        }
        let pair = i + 1 < end
            && matches!(
                (w, doc.norm(i + 1)),
                ("up", "to")
                    | ("at", "least")
                    | ("at", "most")
                    | ("more", "than")
                    | ("fewer", "than")
                    | ("less", "than")
            );
        if pair && number_at(i + 2) {
            doc.set_tag(i, Tag::RB);
            doc.set_tag(i + 1, Tag::RB);
        }
    }
}

/// "far-reaching reforms", "new attacks": a plural noun that can be a verb is the noun
/// after an attributive adjective (a verb right after an adjective has no subject).
fn plurals_after_adjectives(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 1..range.end {
        let t = &doc.tokens()[i];
        if t.tag != Tag::VBZ || !t.alts.contains(Tag::NNS) || doc.tokens()[i - 1].tag != Tag::JJ {
            continue;
        }
        doc.set_tag(i, Tag::NNS);
    }
}

/// "four shell bombs", "two truce monitors": after a number above one and a noun, a word
/// that may be a plural noun is one, not a verb.
fn counted_compounds(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 2..range.end {
        let t = &doc.tokens()[i];
        if t.tag != Tag::VBZ || !t.alts.contains(Tag::NNS) || doc.tokens()[i - 1].tag != Tag::NN {
            continue;
        }
        let counted = doc.tokens()[i - 2].tag == Tag::CD && !matches!(doc.norm(i - 2), "one" | "1")
            || matches!(doc.norm(i - 2), "several" | "many" | "these" | "those" | "both" | "few");
        if counted {
            doc.set_tag(i, Tag::NNS);
        }
    }
}

/// Verbs (lemmas) whose "to" introduces an infinitive, never a destination: the word
/// after it is a verb when it can be one ("agreed to hand over", not "returned to power").
const TAKES_INFINITIVE: &[&str] = &[
    "begin",
    "start",
    "continue",
    "agree",
    "refuse",
    "decide",
    "try",
    "attempt",
    "want",
    "plan",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "fail",
    "seek",
    "offer",
    "need",
    "hope",
    "intend",
    "prepare",
    "expect",
    "aim",
    "decline",
    "resolve",
    "undertake",
    "volunteer",
    "wish",
    "choose",
    "manage",
    "arrange",
    "move",
];

/// "agreed to hand over": after "to" following a verb of [`TAKES_INFINITIVE`], a word that
/// can be a base verb is one.
fn infinitives(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 2..range.end {
        let t = &doc.tokens()[i];
        if !matches!(t.tag, Tag::NN | Tag::NNP) || !t.alts.contains(Tag::VB) || doc.tokens()[i - 1].tag != Tag::TO {
            continue;
        }
        let v = &doc.tokens()[i - 2];
        if v.tag.is_verb() && TAKES_INFINITIVE.contains(&doc.lemma(i - 2)) {
            doc.set_tag(i, Tag::VB);
        }
    }
}

/// "Polish police today released", "Khomeini today rejected": a day word right before a
/// verb says when, it is no part of the noun phrase before it.
fn day_adverbs(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 1..range.end.saturating_sub(1) {
        // (tags first: most tokens are no day word before a verb)
        let next = doc.tokens()[i + 1].tag;
        if !matches!(doc.tokens()[i].tag, Tag::NN | Tag::NNP | Tag::RB)
            || !matches!(next, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD | Tag::VBN | Tag::NN | Tag::NNS)
            || !matches!(doc.norm(i), "today" | "yesterday" | "tonight")
        {
            continue;
        }
        // ("authorities today release a ship": a plural subject's present, tagged a noun)
        let present_after_plural = matches!(next, Tag::NN | Tag::NNS)
            && doc.tokens()[i + 1].alts.contains(Tag::VBP)
            && doc.tokens()[i - 1].tag == Tag::NNS;
        if present_after_plural {
            doc.set_tag(i + 1, Tag::VBP);
        }
        if matches!(next, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
            || present_after_plural
            || next == Tag::VBN && doc.tokens()[i + 1].alts.contains(Tag::VBD)
        {
            doc.set_tag(i, Tag::RB);
        }
    }
}

/// "Liberia denied on Thursday charges by Ivory Coast", "rejected Monday claims that":
/// a finite verb, its day ("on Thursday", "Monday", "today"), then a word that can be a
/// noun: the noun is the verb's object. Two finite verbs in a row with only a day between
/// them are a tagging slip.
fn objects_after_dates(doc: &mut Doc, range: std::ops::Range<usize>) {
    const DAYS: &[&str] =
        &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"];
    for i in range.start + 2..range.end {
        let t = &doc.tokens()[i];
        // (tags before words: most tokens are no verb after a day)
        if !matches!(t.tag, Tag::VBZ | Tag::VBD | Tag::VBP)
            || !matches!(doc.tokens()[i - 1].tag, Tag::NNP | Tag::NN | Tag::RB)
            || !DAYS.contains(&doc.norm(i - 1))
        {
            continue;
        }
        let verb = if doc.norm(i - 2) == "on" { i.checked_sub(3) } else { Some(i - 2) };
        let Some(verb) = verb.filter(|&v| v >= range.start) else { continue };
        // (a past form the reduced-relative rule took for a participle because of the
        // slip is the verb again)
        let v = &doc.tokens()[verb];
        let past = v.tag == Tag::VBN && v.alts.contains(Tag::VBD);
        if !matches!(v.tag, Tag::VBD | Tag::VBZ | Tag::VBP) && !past {
            continue;
        }
        let noun = if t.alts.contains(Tag::NNS) {
            Tag::NNS
        } else if t.alts.contains(Tag::NN) {
            Tag::NN
        } else {
            continue;
        };
        doc.set_tag(i, noun);
        if past {
            doc.set_tag(verb, Tag::VBD);
        }
    }
}

/// "would not meet hostage-takers demands to": verb, plural noun, then a word tagged as
/// a singular present verb that can be a plural noun. The verb would not agree with the
/// plural before it; the two nouns are one phrase with its apostrophe missing.
fn bare_plural_possessors(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 2..range.end {
        let t = &doc.tokens()[i];
        if t.tag != Tag::VBZ || !t.alts.contains(Tag::NNS) || doc.tokens()[i - 1].tag != Tag::NNS {
            continue;
        }
        if doc.tokens()[i - 2].tag.is_verb() {
            doc.set_tag(i, Tag::NNS);
        }
    }
}

/// "they are willing to forgive": a few words in -ing are adjectives only, though a
/// verb ("to will") has them as a form. And "pushing hard for": "hard" right after a
/// verb says how, an adverb.
fn ing_adjectives(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range {
        // (the tag first: most tokens are neither)
        let tag = doc.tokens()[i].tag;
        if tag == Tag::VBG && matches!(doc.norm(i), "willing" | "unwilling") {
            doc.set_tag(i, Tag::JJ);
            let word = doc.norm(i).to_string();
            doc.set_lemma(i, &word);
        }
        if tag == Tag::JJ && i > 0 && doc.tokens()[i - 1].tag.is_verb() && doc.norm(i) == "hard" {
            doc.set_tag(i, Tag::RB);
        }
    }
}

/// "its debt relief plan.": a base verb right after a noun and before the end of the
/// phrase (punctuation or a preposition) is the last noun of the phrase; a verb there
/// would need a subject or "to".
fn nouns_ending_phrases(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 1..range.end {
        let t = &doc.tokens()[i];
        if t.tag != Tag::VB || !t.alts.contains(Tag::NN) || !matches!(doc.tokens()[i - 1].tag, Tag::NN | Tag::NNS) {
            continue;
        }
        let next = doc.tokens().get(i + 1).map(|n| n.tag);
        if next.is_none_or(|n| n.is_punct() || n == Tag::IN) {
            doc.set_tag(i, Tag::NN);
        }
    }
}

/// "its military", "the wounded": an adjective after a determiner that no noun follows
/// heads the phrase itself, as the noun it may also be.
fn nominal_adjectives(doc: &mut Doc, range: std::ops::Range<usize>) {
    for i in range.start + 1..range.end {
        let t = &doc.tokens()[i];
        if t.tag != Tag::JJ || !t.alts.contains(Tag::NN) {
            continue;
        }
        let det = matches!(doc.tokens()[i - 1].tag, Tag::DT | Tag::PRPS | Tag::POS);
        let next = doc.tokens().get(i + 1).map(|n| n.tag);
        let no_noun = next.is_none_or(|n| {
            n.is_punct() || matches!(n, Tag::IN | Tag::TO | Tag::CC | Tag::MD | Tag::VBD | Tag::VBZ | Tag::VBP)
        });
        if det && no_noun {
            doc.set_tag(i, Tag::NN);
        }
    }
}

fn reduced_relatives(doc: &mut Doc, range: std::ops::Range<usize>) {
    let end = range.end;
    for i in range.start + 1..end.saturating_sub(2) {
        let t = &doc.tokens()[i];
        if t.tag != Tag::VBD || !t.alts.contains(Tag::VBN) {
            continue;
        }
        let prev = doc.tokens()[i - 1].tag;
        if !matches!(prev, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS) {
            continue;
        }
        // "precision guided missiles killed": a participle inside a noun phrase
        let next = doc.tokens()[i + 1].tag;
        if prev == Tag::NN && matches!(next, Tag::NNS | Tag::NN) && finite_verb_follows(doc, i + 2, end) {
            doc.set_tag(i, Tag::VBN);
            continue;
        }
        if next != Tag::IN {
            continue;
        }
        if matches!(doc.norm(i + 1), "that" | "because" | "while" | "after" | "before" | "as" | "if") {
            continue;
        }
        if finite_verb_follows(doc, i + 2, end) {
            doc.set_tag(i, Tag::VBN);
        }
    }
}

const SUBORDINATORS: [&str; 14] = [
    "that", "because", "while", "if", "after", "before", "as", "since", "when", "unless", "although", "though",
    "whether", "until",
];

/// Whether a finite verb follows from token `from`, with nothing that opens another
/// clause or ends this one in between: the sign that what came before is a modifier.
pub(crate) fn finite_verb_follows(doc: &Doc, from: usize, end: usize) -> bool {
    for k in from..end {
        let tk = doc.tokens()[k].tag;
        if matches!(tk, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD) {
            return true;
        }
        if tk.is_punct() || matches!(tk, Tag::CC | Tag::WDT | Tag::WP | Tag::WRB | Tag::VB | Tag::TO) {
            return false;
        }
        // a subordinator opens another clause: "agreed on Wednesday that they should"
        if tk == Tag::IN && SUBORDINATORS.contains(&doc.norm(k)) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Tag};

    fn tags(text: &str) -> Vec<Tag> {
        Analyzer::builtin().analyze(text).tokens().iter().map(|t| t.tag).collect()
    }

    #[test]
    fn quantities() {
        assert_eq!(tags("Up to 1,000 people marched.")[..2], [Tag::RB, Tag::RB]);
        assert_eq!(tags("More than 40 soldiers died.")[..2], [Tag::RB, Tag::RB]);
        // a preposition before a noun phrase stays one
        assert_eq!(tags("They talked about the war.")[2], Tag::IN);
    }

    #[test]
    fn headline_verbs_agree_with_their_subject() {
        // a lone unpunctuated first line is a headline even in sentence case
        assert_eq!(tags("Peru and Chile sign fishing accord\n\nThe deal was signed.")[3], Tag::VBP);
        assert_eq!(tags("Students march in Lima\n\nThousands joined.")[1], Tag::VBP);
        // "police" can be a verb but would need "polices" after a singular name
        let t = tags("Lima Police Officers Beat Students at Rally");
        assert_eq!((t[1], t[3]), (Tag::NN, Tag::VBD));
        // a passive headline has its verb: "strike" stays a noun
        let t = tags("Four killed in air strike\n\nThe army denied it.");
        assert_eq!((t[1], t[4]), (Tag::VBN, Tag::NN));
    }

    #[test]
    fn day_adverbs() {
        assert_eq!(tags("Polish police today released the correspondent.")[2], Tag::RB);
    }

    #[test]
    fn objects_after_dates() {
        assert_eq!(tags("Chad denied on Friday charges by Sudan.")[4], Tag::NNS);
        assert_eq!(tags("Chad rejected Monday claims that it had attacked.")[3], Tag::NNS);
        // a verb after a subject and its day stays one
        assert_eq!(tags("Chad Monday attacks the border posts.")[2], Tag::VBZ);
    }

    #[test]
    fn bare_plural_possessors() {
        assert_eq!(tags("Peru rejected kidnappers demands for money.")[3], Tag::NNS);
        // a plural subject keeps its verb
        assert_eq!(tags("The rebels demands money.")[2], Tag::VBZ);
    }

    #[test]
    fn ing_adjectives() {
        assert_eq!(tags("They are willing to talk.")[2], Tag::JJ);
        assert_eq!(tags("Britain is pushing hard for talks.")[3], Tag::RB);
    }

    #[test]
    fn nouns_ending_phrases() {
        assert_eq!(tags("Peru backed its debt relief plan.")[5], Tag::NN);
        // after "to" a base verb stays one
        assert_eq!(tags("They want to plan.")[3], Tag::VB);
    }

    #[test]
    fn present_after_a_plural_and_its_day() {
        assert_eq!(tags("Dutch authorities today release the ship.")[3], Tag::VBP);
    }

    #[test]
    fn plurals_after_adjectives() {
        assert_eq!(tags("The UN adopted far-reaching reforms.")[4], Tag::NNS);
    }

    #[test]
    fn infinitives_after_control_verbs() {
        assert_eq!(tags("The rebels began to hand in their weapons.")[4], Tag::VB);
        assert_eq!(tags("The rebels agreed to hand over their weapons.")[4], Tag::VB);
    }

    #[test]
    fn reduced_relative_needs_a_later_finite_verb() {
        assert_eq!(tags("Militants based in Gaza attacked Israel.")[1], Tag::VBN);
        // the clause's only verb stays finite
        assert_eq!(tags("Police arrested in Cairo three men.")[1], Tag::VBD);
    }
}
