//! PETRARCH/TABARI pattern semantics on attache's own parse: small dictionaries in
//! PETRARCH's formats, and sentences, written for these tests (a fictional world of
//! three countries, so that nothing here leans on the built-in dictionaries).

use attache_coder::{Coder, Document};
use attache_dict::Dictionaries;

const ACTORS: &str = "\
VALORIA_ [VAL]
ESTERLAND_ [EST]
MOREVIA_ [MOR]
BRANDT_ [VALGOV]
";

const VERBS: &str = "\
--- DEPART [012] ---
DEPART
LEAVE
--- LEFT [032:033] ---
LEFT
--- CONCEDE [080] ---
CONCEDE
- * REALLY_FAIR  [024]
- * THE_FAIREST_TERMS  [027]
- LATELY_*  [025]
- HINTED WOULD *  [081]
--- STORM [190] ---
STORM
- + * INTO $  [075]
--- ABANDON [161] ---
ABANDON
--- CONDEMN [122] ---
CONDEMN
--- FEAST [042] ---
FEAST
- + HOSTING * HARVEST_DAY $  [046]
- + * SOLSTICE ^ $  [043]
--- PURSUE [180] ---
PURSUE
- * EFFORT  [100]
--- SIDE [030] ---
SIDE
- * WITH %  [031]
--- MARCH [140] ---
MARCH
- * OFFENSIVE  [1721]
";

fn coder() -> &'static Coder {
    static C: std::sync::OnceLock<Coder> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let (d, diags) = Dictionaries::from_petrarch_texts(&[
            ("World.actors.txt", ACTORS),
            ("World.agents.txt", ""),
            ("World.verbs.txt", VERBS),
        ]);
        assert!(diags.is_empty(), "{diags:#?}");
        Coder::new(d)
    })
}

/// `source target code` of every factual event.
fn triples(text: &str) -> Vec<String> {
    let mut v: Vec<String> = coder()
        .code(&Document::new("t", text).with_date("2001-05-05"))
        .events
        .iter()
        .filter(|e| e.is_factual())
        .map(|e| format!("{} {} {}", e.source.code_str(), e.target.code_str(), e.cameo))
        .collect();
    v.sort();
    v
}

#[test]
fn a_block_for_an_inflected_form_codes_that_form() {
    // `LEFT` codes "left" (and its paired reply); `DEPART`'s LEAVE codes "leaves"
    assert_eq!(triples("Valoria left for Esterland."), ["EST VAL 033", "VAL EST 032"]);
    assert_eq!(triples("Valoria leaves for Esterland."), ["VAL EST 012"]);
}

#[test]
fn joined_words_must_be_adjacent_and_gaps_are_skipped() {
    // the pattern's words may lie anywhere after the verb, the target is the first actor
    // after it ("that" clause included); `_` joins words with nothing between them
    assert_eq!(triples("Valoria conceded that Esterland is really fair to traders."), ["VAL EST 024"]);
    assert_eq!(triples("Valoria conceded that Esterland is really and truly fair."), ["VAL EST 080"]);
    assert_eq!(triples("Valoria conceded that Esterland offers the fairest terms."), ["VAL EST 027"]);
    // a word joined before the verb is next to it: an auxiliary between breaks the join
    assert_eq!(triples("Valoria lately conceded that Esterland is right."), ["VAL EST 025"]);
    assert_eq!(triples("Valoria lately did concede that Esterland is right."), ["VAL EST 080"]);
}

#[test]
fn a_source_after_the_verb_acts_on_the_subject() {
    // `+ * INTO $`: the subject is the target, the actor after "into" the source
    assert_eq!(triples("Valoria stormed into Esterland."), ["EST VAL 075"]);
}

#[test]
fn an_actor_in_a_prefixed_modifier_is_the_target() {
    // "an anti- Esterland rally": the suspended hyphen keeps the noun phrase whole
    assert_eq!(triples("Valoria abandoned an anti- Esterland rally."), ["VAL EST 161"]);
}

#[test]
fn the_target_may_follow_words_that_reach_past_the_clause() {
    // "marched and launched an offensive against Morevia": the pattern's word lies after
    // the coordinated verb; the target after that word
    assert_eq!(triples("Valoria began a raid and bombing offensive against Morevia."), Vec::<String>::new());
    assert_eq!(triples("Valoria marched a new bombing and shelling offensive against Morevia."), ["VAL MOR 1721"]);
}

#[test]
fn words_before_the_verb_reach_into_the_clause_that_takes_it() {
    // "hinted it would concede": HINTED stands before the complement's subject, and a
    // pattern that spells the modal out codes the readiness itself, as a fact
    assert_eq!(triples("Valoria hinted it would concede to Esterland."), ["VAL EST 081"]);
    // without the pattern, "would concede" is hypothetical
    assert!(triples("Valoria said it would concede to Esterland.").is_empty());
}

#[test]
fn slots_take_the_next_noun_phrase_past_prepositions_and_dates() {
    // `+ HOSTING *`: the phrase before "hosting" is the target; `$` takes the next noun
    // phrase, past "with"; `^` skips one (with its "of" phrases), dates aside
    assert_eq!(triples("Valoria will be hosting Morevia to feast on Harvest Day with Esterland."), ["EST VAL 046"]);
    assert_eq!(triples("Valoria feasted at the solstice with Morevia next week at Esterland."), ["EST VAL 043"]);
}

#[test]
fn pattern_words_match_word_forms_not_lemmas() {
    // TABARI compares words as written: EFFORT is not "efforts" (synsets list plurals)
    assert_eq!(triples("Valoria pursued an effort against Esterland."), ["VAL EST 100"]);
    assert_eq!(triples("Valoria pursued efforts against Esterland."), ["VAL EST 180"]);
}

#[test]
fn a_compound_after_the_verb_gives_each_member_as_target() {
    assert_eq!(triples("Valoria sided with Esterland and Morevia on trade."), ["VAL EST 031", "VAL MOR 031"]);
}
