//! Tests of the PETRARCH loaders, on small dictionaries written for them, and on the
//! shared Phoenix and unit-test sets when they are present.

use super::*;
use crate::{AgentKind, Coding, Element, Hit, Pattern, Place, Severity};

fn load(files: &[(&str, &str)]) -> (Dictionaries, Vec<Diagnostic>) {
    Dictionaries::from_petrarch_texts(files)
}

fn word(w: &str) -> Element {
    Element::Word(vec![w.to_string()])
}

/// The patterns of a head coming from a line.
fn at<'a>(d: &'a Dictionaries, head: &str, line: u32) -> Vec<&'a Pattern> {
    d.patterns().iter().filter(|p| p.frame.head == head && p.frame.origin.line == line).collect()
}

const VERBS: &str = "\
# a comment line
<!-- an XML comment that must not switch the patterns off -->
&WEAPON
+GUN
+MISSILE_
+ARMORED_CAR
&ARMS
+&WEAPON
+BOMB

####### VERB PATTERNS #######

--- STRIKE [190] ---
STRIKE {STRIKES STRUCK STRIKING}
HIT
BOMBARD [195]
+OPEN_FIRE
- * +                     [190]
- $ * (AGAINST ^)         [193]   # a source before the verb
- POLICE * [---]
- * &ARMS (AT +)          [194]
- % * TALKS               [040:040]
- FAILED_TO_* ^           [120]
- * ^ [:173]
- * WITH % [042:043]
--- VISIT [042:043] ---
VISIT
--- OFFEND [:110] ---
OFFEND
";

#[test]
fn verb_blocks_forms_and_codes() {
    let (d, diags) = load(&[("t.verbs.txt", VERBS)]);
    assert!(diags.is_empty(), "{diags:#?}");
    // bare verbs: block code, own code, paired, passive-only
    let bare = |h: &str, line| at(&d, h, line).into_iter().find(|p| p.frame.elements.is_empty()).cloned();
    assert_eq!(bare("strike", 14).unwrap().code.as_str(), "190");
    assert_eq!(bare("hit", 15).unwrap().code.as_str(), "190");
    assert_eq!(bare("bombard", 16).unwrap().code.as_str(), "195", "a verb's own code wins");
    let visit = bare("visit", 27).unwrap();
    assert_eq!((visit.code.as_str(), visit.coding.paired.map(|c| c.as_str())), ("042", Some("043")));
    let offend = bare("offend", 29).unwrap();
    assert!(offend.coding.passive_only && offend.code.as_str() == "110");
    // `struck` is a form attache's lemmatizer gives to `strike`: no head of its own
    assert!(!d.has_verb("struck"));
    // a multi-word verb: head `open`, its particle first
    let open = at(&d, "open", 17);
    assert_eq!(open[0].frame.elements, [word("fire")]);
    // every pattern applies to every verb of the block
    for head in ["strike", "hit", "bombard", "open"] {
        assert_eq!(at(&d, head, 18).len(), 1, "{head}");
    }
    let p = &at(&d, "open", 18)[0];
    assert_eq!(p.frame.elements, [word("fire"), Element::Target(vec![])], "particle, then the pattern");
}

#[test]
fn markers() {
    let (d, _) = load(&[("t.verbs.txt", VERBS)]);
    // `$` before the verb, `(AGAINST ^)` after it
    let p = &at(&d, "strike", 19)[0];
    assert_eq!(p.frame.before, [Element::Source]);
    assert_eq!(p.frame.elements, [word("against"), Element::AnyNp]);
    assert_eq!(p.code.as_str(), "193");
    assert!(p.frame.is_extended());
    // a word before the verb, null code
    let p = &at(&d, "strike", 20)[0];
    assert_eq!(p.frame.before, [word("police")]);
    assert_eq!(p.coding, Coding { null: true, paired: None, passive_only: false });
    assert_eq!(p.code.as_str(), "190", "the placeholder is the block's code");
    // `%` before the verb: a compound slot
    let p = &at(&d, "strike", 22)[0];
    assert_eq!(p.frame.before, [Element::AnyNp]);
    assert_eq!(p.frame.compound, Some(Place { before: true, index: 0 }));
    assert_eq!(p.coding.paired.map(|c| c.as_str()), Some("040"));
    let p = &at(&d, "strike", 25)[0];
    assert_eq!(p.frame.elements, [word("with"), Element::AnyNp]);
    assert_eq!(p.frame.compound, Some(Place { before: false, index: 1 }));
    // `_` joins: FAILED_TO_* — both words, each joined towards the verb
    let p = &at(&d, "strike", 23)[0];
    assert_eq!(p.frame.before, [word("failed"), word("to")]);
    assert_eq!(p.frame.joined, [Place { before: true, index: 0 }, Place { before: true, index: 1 }]);
    // `[:B]` on a pattern
    let p = &at(&d, "strike", 24)[0];
    assert!(p.coding.passive_only && p.code.as_str() == "173");
    // pre-verb words are required words too (a coder can rule the pattern out by them)
    assert_eq!(at(&d, "strike", 20)[0].frame.required.len(), 1);
}

#[test]
fn synsets() {
    let (d, _) = load(&[("t.verbs.txt", VERBS)]);
    let ps = at(&d, "strike", 21);
    // one-word members (nested, with plurals unless `_`) in one word; the multi-word
    // member a pattern of its own
    assert_eq!(ps.len(), 2, "{ps:#?}");
    // (patterns are sorted most specific first: the two-word member comes first)
    let (ps0, ps1) = (ps[1], ps[0]);
    let Element::Word(alts) = &ps0.frame.elements[0] else { panic!() };
    for w in ["gun", "guns", "missile", "bomb", "bombs"] {
        assert!(alts.contains(&w.to_string()), "{w} in {alts:?}");
    }
    assert!(!alts.contains(&"missiles".to_string()), "a trailing `_` keeps the plural out");
    assert_eq!(ps1.frame.elements[..2], [word("armored"), word("car")]);
    assert_eq!(ps0.frame.elements[1..], [word("at"), Element::Target(vec![])]);
}

#[test]
fn synset_and_marker_errors_are_reported() {
    let text = "--- STRIKE [190] ---\nSTRIKE\n- * &NOSUCH [190]\n- * + [345]\n- * + + [190]\n- * (AT [190]\n- ^ + [190]\n- * [080!]\n~ a (a b ATTACK) SAY = a b 015\nTWO {THREE\n";
    let (d, diags) = load(&[("v.verbs.txt", text)]);
    let mut lines: Vec<(u32, Severity)> = diags.iter().map(|x| (x.origin.line, x.severity)).collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            (3, Severity::Error),
            (4, Severity::Warning),
            (5, Severity::Error),
            (6, Severity::Error),
            (7, Severity::Error),
            (8, Severity::Warning),
            (9, Severity::Error),
            (10, Severity::Error),
        ],
        "{diags:#?}"
    );
    assert!(diags.iter().any(|x| x.to_string().starts_with("v.verbs.txt:3: ")), "{diags:?}");
    // the bare verb, the pattern with the dictionary's own code 345 and the read-as-080
    // pattern survive
    assert_eq!(d.patterns().len(), 3);
}

#[test]
fn actors_dates_synonyms_and_compounds() {
    let text = "\
ARNOR_ [ARN]
+ARNORIAN_
ARAGORN_  # a king with dates
\t[ARNGOV >080508]
\t[ARNMIL 950101-19990101][ARNELI <950101]
\t[ARN]
THE_SHIRE [FRO/BIL/SAM]
GONDOR\t[GON]";
    let (d, diags) = load(&[("w.actors.txt", text)]);
    assert!(diags.is_empty(), "{diags:#?}");
    let codes = |phrase: &str, date: &str| {
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let mut v: Vec<String> = d
            .phrases()
            .lookup(phrase)
            .into_iter()
            .filter_map(|h| match h {
                Hit::Actor(i) => Some(d.actor(i)),
                _ => None,
            })
            .filter(|a| a.holds_on(day))
            .map(|a| a.code.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(codes("Arnorian", "2000-01-01"), ["ARN"], "a synonym gets the record's codes");
    assert_eq!(codes("Aragorn", "2010-01-01"), ["ARNGOV"]);
    assert_eq!(codes("Aragorn", "2008-05-08"), ["ARNGOV"], ">D holds from D");
    assert_eq!(codes("Aragorn", "2008-05-07"), ["ARN"], "the undated code fills the gaps");
    assert_eq!(codes("Aragorn", "1996-01-01"), ["ARNMIL"]);
    assert_eq!(codes("Aragorn", "1998-12-31"), ["ARNMIL"]);
    assert_eq!(codes("Aragorn", "1999-01-01"), ["ARN"], "D1-D2 ends the day before D2");
    assert_eq!(codes("Aragorn", "1994-12-31"), ["ARNELI"]);
    assert_eq!(codes("the Shire", "2000-01-01"), ["BIL", "FRO", "SAM"], "a compound code gives each part");
    assert_eq!(codes("Gondor", "2000-01-01"), ["GON"], "the last record of a file is kept");
}

#[test]
fn dated_codes_win_over_the_undated_default() {
    // an undated code is the default for the days no dated code covers, even listed first
    let (d, diags) = load(&[("a.actors.txt", "X_ [ARN]\n[GON >990101]\n")]);
    assert!(diags.is_empty(), "{diags:#?}");
    let on = |date: &str| -> Vec<String> {
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        d.actors().iter().filter(|a| a.holds_on(day)).map(|a| a.code.to_string()).collect()
    };
    assert_eq!(on("2000-01-01"), ["GON"]);
    assert_eq!(on("1998-01-01"), ["ARN"]);
    // among dated codes the first that holds wins; one that never does is reported
    let (_, diags) = load(&[("b.actors.txt", "Y_ [ARN >990101]\n[GON >990101]\n")]);
    assert_eq!((diags[0].origin.line, diags[0].severity), (2, Severity::Warning));
}

#[test]
fn actor_errors_are_reported_with_file_and_line() {
    let text = "+ORPHAN\n[ARN]\nNOCODE\nBAD [arn]\nDATE [ARN 99999999]\nRANGE [ARN 990101-980101]\nJUNK [ARN] tail\nLAST [GON]\n";
    let (d, diags) = load(&[("e.actors.txt", text)]);
    let lines: Vec<u32> = diags.iter().map(|x| x.origin.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 4, 5, 5, 6, 6, 7], "{diags:#?}");
    assert!(diags.iter().all(|x| x.to_string().starts_with("e.actors.txt:")));
    // JUNK keeps its good code; LAST is kept
    assert!(!d.phrases().lookup("junk").is_empty());
    assert!(!d.phrases().lookup("last").is_empty());
}

#[test]
fn agents_and_plurals() {
    let text = "\
!PERSON! = MAN, MEN
DIPLOMAT [~GOV]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
DEFENSE_MINISTER [~GOVMIL]
PEOPLE {} [~PPL]
HUMAN_RIGHTS_BODY {} [NGO~]
SPY [~SPY]
NO CODE HERE
BAD [~GO]
UNDEFINED!SET! [~GOV]
LAST_AGENT [~MED]";
    let (d, diags) = load(&[("p.agents.txt", text)]);
    let lines: Vec<u32> = diags.iter().map(|x| x.origin.line).collect();
    assert_eq!(lines, [10, 11, 12], "{diags:#?}");
    let find = |p: &str| d.agents().iter().find(|a| a.phrases.iter().any(|x| x == p)).cloned();
    assert!(find("diplomats").is_some());
    assert_eq!(find("police").unwrap().phrases, ["police"], "`{{}}`: no plural");
    assert_eq!(find("attorney general").unwrap().phrases, ["attorney general", "attorneys general"]);
    assert_eq!(find("congressmen").unwrap().phrases, ["congressman", "congressmen"]);
    assert_eq!(find("defense minister").unwrap().sectors.len(), 2);
    assert_eq!(find("people").unwrap().kind, AgentKind::Generic);
    assert_eq!(find("human rights body").unwrap().kind, AgentKind::Prefix);
    let spy = find("spy").unwrap();
    assert!(spy.phrases.contains(&"spies".to_string()));
    assert!(find("last agent").is_some(), "the last entry of a file is kept");
}

#[test]
fn discards_and_issues() {
    let (d, diags) = load(&[
        ("x.discards.txt", "+World Golf Championships   # story\nBASEBALL\nGROUP A_\n[BAD]\nLAST ONE"),
        (
            "x.IssueCoding.txt",
            "<ISSUE CATEGORY=\"E\">\npre+n:school [EDU]\nv:vote [ELECTION]\nno code\n~a head start\n",
        ),
    ]);
    assert_eq!(diags.iter().map(|x| x.origin.line).collect::<Vec<_>>(), [4, 4], "{diags:#?}");
    assert_eq!(d.stats().discards, 4);
    let hits = d.discards().lookup("world golf championships");
    let Some(Hit::Discard(i)) = hits.first().copied() else { panic!("{hits:?}") };
    assert!(d.discard_is_story(i));
    let Some(Hit::Discard(i)) = d.discards().lookup("group a").first().copied() else { panic!() };
    assert!(!d.discard_is_story(i));
    assert!(!d.discards().lookup("last one").is_empty());
    let issues = d.issues();
    assert_eq!(issues.len(), 3);
    assert_eq!(issues[0].phrases, ["pre school", "pre-school", "pre schools", "pre-schools"]);
    assert_eq!(issues[1].phrases, ["vote", "votes", "voted", "voting"]);
    assert_eq!(issues[2].code, None);
}

#[test]
fn function_words_keep_their_capitals() {
    let (d, _) = load(&[("c.actors.txt", "US [USA]\nIRAN [IRN]\n")]);
    let phrases: Vec<&str> = d.actors().iter().map(|a| a.phrase.as_str()).collect();
    assert_eq!(phrases, ["US", "iran"]);
}

#[test]
fn folders_are_detected() {
    let dir = std::env::temp_dir().join(format!("attache-petrarch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("p")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("p/mine.verbs.txt"), "--- VISIT [042] ---\nVISIT\n").unwrap();
    std::fs::write(dir.join("p/mine.actors.txt"), "ARNOR [ARN]\n").unwrap();
    std::fs::write(dir.join("p/notes.txt"), "anything\n").unwrap();
    std::fs::write(dir.join("a/mine.txt"), "FRA name: France\n").unwrap();
    assert!(is_petrarch_dir(&dir.join("p")).unwrap());
    assert!(!is_petrarch_dir(&dir.join("a")).unwrap());
    let (d, diags) = Dictionaries::load_dir(&dir.join("p")).unwrap();
    assert_eq!((d.stats().verb_patterns, d.stats().actor_entries), (1, 1));
    assert_eq!(diags.len(), 1, "the unknown file is reported: {diags:?}");
    let (d, diags) = Dictionaries::load_dir(&dir.join("a")).unwrap();
    assert!(diags.is_empty() && d.stats().actor_entries == 1);
    // extending the built-in set: the PETRARCH folder's phrases come on top
    let (d, _) = Dictionaries::builtin_extended_by(&dir.join("p")).unwrap();
    assert!(d.stats().actor_entries > 100);
    assert!(d.verb_patterns("visit").any(|p| p.frame.origin.file.ends_with("mine.verbs.txt")));
    // a verb file recognised by content alone
    std::fs::write(dir.join("a/cameo-like.txt"), "--- VISIT [042] ---\nVISIT\n").unwrap();
    std::fs::remove_file(dir.join("a/mine.txt")).unwrap();
    assert!(is_petrarch_dir(&dir.join("a")).unwrap());
    let (d, _) = Dictionaries::load_petrarch_dir(&dir.join("a")).unwrap();
    assert_eq!(d.stats().verb_patterns, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The shared sets, when this checkout sits beside `../shared`.
fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..").join(rel);
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: {} is not here", p.display());
        None
    }
}

#[test]
fn loads_the_phoenix_set() {
    let Some(dir) = shared("shared/petrarch/phoenix") else { return };
    let t = std::time::Instant::now();
    let (d, diags) = Dictionaries::load_dir(&dir).unwrap();
    println!("phoenix: {:?} in {:?}, {} problems", d.stats(), t.elapsed(), diags.len());
    let s = d.stats();
    assert!(s.verb_patterns > 100_000, "{s:?}");
    assert!(s.actor_phrases > 35_000, "{s:?}");
    assert!(s.agent_phrases > 4_000, "{s:?}");
    assert!(s.discards > 450, "{s:?}");
    assert!(d.issues().len() > 2_900);
    // problems are few and every one names its file and line
    assert!(diags.len() < 600, "{}", diags.len());
    assert!(diags.iter().all(|x| x.origin.line > 0 || x.message.contains("file")));
    // the last record of each actor file is kept (PETRARCH2 drops them)
    for name in ["witness mangwende", "texas instruments", "shoko ashahara"] {
        assert!(!d.phrases().lookup(name).is_empty(), "{name}");
    }
}

#[test]
fn loads_the_unit_test_set() {
    let Some(dir) = shared("shared/eval/petrarch-unit/dicts") else { return };
    let (d, diags) = Dictionaries::load_dir(&dir).unwrap();
    println!("petrarch-unit: {:?}, {} problems", d.stats(), diags.len());
    let s = d.stats();
    assert!(s.verb_patterns > 400, "{s:?}");
    assert!(s.actor_phrases > 250, "{s:?}");
    assert!(s.agent_phrases > 100, "{s:?}");
    assert!(s.discards >= 9, "{s:?}");
    // the validation verbs' patterns are read (PETRARCH2 skips them after `<!--`)
    assert!(d.verb_patterns("agree").count() > 3);
}

#[test]
fn a_block_headed_by_an_inflected_form_keeps_to_it_beside_the_lemma_s_block() {
    // `LEFT` beside `LEAVE`: "left" is LEFT's; alone, `SAID` codes every form of "say"
    let verbs = "--- LEAVE [012] ---\nLEAVE\n--- LEFT [032] ---\nLEFT\n--- SAID [023] ---\nSAID\n";
    let (d, diags) = load(&[("t.verbs.txt", verbs)]);
    assert!(diags.is_empty(), "{diags:#?}");
    let forms: Vec<(&str, Option<&str>)> =
        d.verb_patterns("leave").map(|p| (p.code.as_str(), p.frame.form.as_deref())).collect();
    assert!(forms.contains(&("012", None)) && forms.contains(&("032", Some("left"))), "{forms:?}");
    assert!(d.has_form_restrictions());
    assert!(d.verb_patterns("say").all(|p| p.frame.form.is_none()));
}
