//! What only the whole story tells: event dates, attribution, modality, coreference,
//! reciprocity, one record per event, location. Every text here was written for these
//! tests; the publication date is Friday 2023-03-17 unless a test says otherwise.

use attache_coder::{Coder, Document, Event};

fn coder() -> &'static Coder {
    static C: std::sync::OnceLock<Coder> = std::sync::OnceLock::new();
    C.get_or_init(Coder::builtin)
}

fn code(text: &str) -> Vec<Event> {
    coder().code(&Document::new("s", text).with_date("2023-03-17")).events
}

/// The first factual event with this CAMEO code.
fn find<'a>(events: &'a [Event], cameo: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.cameo.as_str() == cameo && e.is_factual())
        .unwrap_or_else(|| panic!("no factual {cameo} event in {:#?}", summary(events)))
}

fn summary(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} date={} neg={} hyp={}",
                e.source.code_str(),
                e.target.code_str(),
                e.cameo,
                e.date.value,
                e.modality.negated,
                e.modality.hypothetical
            )
        })
        .collect()
}

// ---- dates

#[test]
fn full_partial_and_year_dates() {
    let e = code("On February 5, Poland expelled a Belarusian diplomat.");
    assert_eq!(find(&e, "161").date.value, "2023-02-05");
    let e = code("In early March, Poland expelled a Belarusian diplomat.");
    assert_eq!(find(&e, "161").date.value, "2023-03");
    let e = code("At the end of 2020, Poland expelled a Belarusian diplomat.");
    assert_eq!(find(&e, "161").date.value, "2020-12");
    let e = code("In 2019 Poland expelled a Belarusian diplomat.");
    let d = &find(&e, "161").date;
    assert_eq!((d.value.as_str(), d.phrase.as_deref()), ("2019", Some("In 2019")));
}

#[test]
fn weekdays_follow_the_tense() {
    // past tense: the last Friday on or before publication (the day itself)
    let e = code("Poland expelled a Belarusian diplomat on Friday.");
    assert_eq!(find(&e, "161").date.value, "2023-03-17");
    let e = code("Poland expelled a Belarusian diplomat on Monday.");
    assert_eq!(find(&e, "161").date.value, "2023-03-13");
    // future: the next one
    let e = code("The Polish foreign minister will visit Lithuania on Monday.");
    assert_eq!(find(&e, "036").date.value, "2023-03-20");
}

#[test]
fn relative_dates_and_narrative_offsets() {
    let e = code("Last month Poland expelled a Belarusian diplomat.");
    assert_eq!(find(&e, "161").date.value, "2023-02");
    let e = code("Poland expelled a Belarusian diplomat on March 6. Two days later, Belarus expelled a Polish consul.");
    let polish = e.iter().find(|x| x.source.code_str() == "POL").expect("Polish expulsion");
    let belarusian = e.iter().find(|x| x.source.code_str() == "BLR").expect("Belarusian expulsion");
    assert_eq!(polish.date.value, "2023-03-06");
    assert_eq!(belarusian.date.value, "2023-03-08");
}

#[test]
fn undated_sentences_take_the_publication_date_and_say_so() {
    let e = code("Poland expelled a Belarusian diplomat.");
    let d = &find(&e, "161").date;
    assert_eq!(d.value, "2023-03-17");
    assert_eq!(serde_json::to_value(d.source).unwrap(), "publication");
    assert!(d.phrase.is_none());
}

// ---- attribution

fn attributed(text: &str) -> Vec<String> {
    let e = code(text);
    let ev = e.iter().find(|x| x.cameo.root().as_str() == "16").expect("an expulsion");
    ev.attribution.iter().map(|a| a.code_str()).collect()
}

#[test]
fn attribution_in_all_its_forms() {
    assert_eq!(attributed("Poland expelled a Belarusian diplomat, according to Reuters."), ["GBRMED"]);
    assert_eq!(attributed("Poland expelled a Belarusian diplomat, the BBC reported."), ["GBRMED"]);
    assert_eq!(
        attributed("A Polish official told Reuters that Poland had expelled a Belarusian diplomat."),
        ["POLGOV", "GBRMED"]
    );
    assert_eq!(
        attributed("Poland expelled a Belarusian diplomat. This became known to the Financial Times."),
        ["GBRMED"]
    );
    // sources close to someone, and anonymous sources, are reporters without a code
    let anonymous = attributed("Poland expelled a Belarusian diplomat, sources close to the ministry said.");
    assert_eq!(anonymous, [""]);
}

// ---- modality

#[test]
fn denials_refusals_and_threats_are_what_cameo_codes() {
    // what is denied did not happen; the denial is the event
    let e = code("Belarus denied attacking Polish border guards.");
    find(&e, "016");
    assert!(e.iter().filter(|x| x.cameo.root().as_str() == "19").all(|x| !x.is_factual()));
    // what is refused is a rejection, never the act
    let e = code("Poland refused to help Belarus.");
    assert_eq!(find(&e, "122").target.code_str(), "BLR");
    assert!(e.iter().all(|x| x.cameo.root().as_str() != "07" || !x.is_factual()));
    // a threat is a threat
    let e = code("Belarus threatened to attack Poland.");
    assert_eq!(find(&e, "1384").target.code_str(), "POL");
}

#[test]
fn negation_plans_and_conditions() {
    let e = code("Poland did not expel the Belarusian ambassador.");
    assert!(e.iter().all(|x| x.modality.negated || x.cameo.root().as_str() != "16"));
    let e = code("Poland never expelled the Belarusian ambassador.");
    assert!(e.iter().all(|x| x.modality.negated || x.cameo.root().as_str() != "16"));
    // a conditional act may not happen
    let e = code("If Belarus attacks, Poland would expel the Belarusian ambassador.");
    assert!(e.iter().all(|x| !x.is_factual() || x.cameo.root().as_str() != "16"));
    // what is to happen before or until something else has not happened yet; what
    // happened before something else has
    let e = code("Poland said Belarus must apologise before Poland expels the Belarusian ambassador.");
    assert!(e.iter().all(|x| !x.is_factual() || x.cameo.root().as_str() != "16"));
    let e = code("Poland expelled the Belarusian ambassador before Belarus closed its border.");
    assert!(e.iter().any(|x| x.is_factual() && x.cameo.root().as_str() == "16"));
}

#[test]
fn hedges_and_secrecy_are_flags() {
    let e = code("Poland secretly expelled a Belarusian diplomat.");
    assert!(find(&e, "161").modality.secret);
    let e = code("Poland reportedly expelled a Belarusian diplomat.");
    assert!(find(&e, "161").modality.hedged);
}

// ---- coreference

#[test]
fn pronouns_keep_their_antecedent() {
    let e = code("Belarus accused the Polish ambassador of spying. It expelled him on Monday.");
    let x = find(&e, "161");
    assert_eq!((x.source.code_str().as_str(), x.target.code_str().as_str()), ("BLR", "POLGOV"));
    assert_eq!(x.target.antecedent.as_deref(), Some("Polish ambassador"));
    let e = code("Polish and Lithuanian diplomats met in Vilnius. They condemned Belarus.");
    let mut who: Vec<String> = e.iter().filter(|x| x.cameo.as_str() == "111").map(|x| x.source.code_str()).collect();
    who.sort();
    assert_eq!(who, ["LTUGOV", "POLGOV"]);
}

#[test]
fn definite_descriptions_find_their_actor() {
    let e = code("The Russian Foreign Ministry summoned the Estonian ambassador. The ministry condemned Tallinn.");
    assert_eq!(find(&e, "111").source.code_str(), "RUSGOV");
    let e =
        code("The Dutch newspaper De Telegraaf reported the expulsion. The Dutch publication said it was a warning.");
    assert!(e.iter().all(|x| x.source.code_str() != "---MED"));
}

#[test]
fn pairs_and_the_other_side() {
    let e = code("Armenia and Azerbaijan met in Brussels. Both sides accused the other side of shelling.");
    let mut pairs: Vec<(String, String)> = e
        .iter()
        .filter(|x| x.cameo.root().as_str() == "11")
        .map(|x| (x.source.code_str(), x.target.code_str()))
        .collect();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs, [("ARM".into(), "AZE".into()), ("AZE".into(), "ARM".into())]);
}

// ---- reciprocity

#[test]
fn retaliation_links_the_answer() {
    for answer in [
        "In retaliation, Belarus expelled a Polish consul.",
        "In response, Belarus expelled a Polish consul.",
        "Belarus responded with a tit-for-tat expulsion of a Polish consul.",
        "Belarus took mirror measures.",
        "Belarus expelled a Polish consul.",
    ] {
        let text = format!("Poland expelled a Belarusian diplomat on Monday. {answer}");
        let e = code(&text);
        let first = e.iter().find(|x| x.source.code_str() == "POL").expect("Polish expulsion");
        let second = e
            .iter()
            .find(|x| x.source.code_str() == "BLR" && x.cameo.root().as_str() == "16")
            .unwrap_or_else(|| panic!("no Belarusian answer in {answer:?}: {:#?}", summary(&e)));
        assert_eq!(second.reciprocates.as_deref(), Some(first.id.as_str()), "{answer}");
    }
}

// ---- one event, one record

#[test]
fn lede_and_body_are_one_record() {
    let e = code(
        "Poland expels Belarusian diplomat\n\nPoland on Monday expelled a Belarusian diplomat, the foreign ministry said.",
    );
    let expulsions: Vec<&Event> = e.iter().filter(|x| x.cameo.as_str() == "161").collect();
    assert_eq!(expulsions.len(), 1, "{:#?}", summary(&e));
    assert_eq!(expulsions[0].mentions.len(), 2);
    // the more precise date wins
    assert_eq!(expulsions[0].date.value, "2023-03-13");
}

// ---- location

#[test]
fn places_give_name_and_country() {
    let e = code("Police arrested three opposition activists in Paris.");
    let l = find(&e, "173").location.as_ref().expect("a location");
    assert_eq!((l.name.as_str(), l.country.as_str()), ("Paris", "FRA"));
    let e = code("Russian forces shelled Ukrainian positions in the Donbas.");
    assert_eq!(find(&e, "194").location.as_ref().map(|l| l.country.as_str()), Some("UKR"));
    let e = code("The German chancellor met the Chinese foreign minister at the Munich Security Conference.");
    assert_eq!(find(&e, "040").location.as_ref().map(|l| l.country.as_str()), Some("DEU"));
}

// ---- appositions and titles

#[test]
fn appositions_and_titles_make_no_self_events() {
    let e = code("Russia, Ukraine's neighbour, attacked Ukraine.");
    let attacks: Vec<String> = e.iter().map(|x| format!("{} {}", x.source.code_str(), x.target.code_str())).collect();
    assert_eq!(attacks, ["RUS UKR"]);
    let e = code("French President Emmanuel Macron, the host, welcomed German Chancellor Olaf Scholz.");
    assert!(e.iter().all(|x| x.source.country != x.target.country));
}

#[test]
fn a_lede_telling_both_acts_does_not_make_them_answer_each_other() {
    let e = code(
        "Latvia and Russia quietly expelled one diplomat each last year.\n\nLatvia expelled a Russian attache first. \
         Russia took a symmetrical step.",
    );
    let latvian = e.iter().find(|x| x.source.code_str() == "LVA" && x.cameo.root().as_str() == "16").expect("Latvia's");
    let russian = e.iter().find(|x| x.source.code_str() == "RUS" && x.cameo.root().as_str() == "16").expect("Russia's");
    assert_eq!(russian.reciprocates.as_deref(), Some(latvian.id.as_str()), "{:#?}", summary(&e));
    assert_eq!(latvian.reciprocates, None);
}

// ---- reactions to an act named by a noun

#[test]
fn a_reaction_to_an_act_targets_who_did_it() {
    let e = code(
        "Turkish drones struck a fuel depot near Qamishli on Sunday. \
         The Syrian foreign ministry condemned the attack.",
    );
    let c = find(&e, "111");
    assert_eq!(format!("{} {}", c.source.code_str(), c.target.code_str()), "SYRGOV TUR", "{:#?}", summary(&e));
    assert!(c.target.antecedent.is_some(), "the target says where it came from");

    // a noun of any act ("the move") refers back to the latest act of another country
    let e = code(
        "Kenya suspended flights from Tanzania on Monday. \
         Tanzania's foreign ministry called the move regrettable.",
    );
    let c = find(&e, "111");
    assert_eq!(format!("{} {}", c.source.code_str(), c.target.code_str()), "TZAGOV KEN", "{:#?}", summary(&e));
}

#[test]
fn a_reaction_with_nothing_to_refer_to_keeps_no_target() {
    // no earlier act, and never the speaker's own country
    let e = code("Serbia's foreign ministry condemned the decision.");
    let c = find(&e, "111");
    assert_eq!(c.target.code_str(), "", "{:#?}", summary(&e));
    // an act of the speaker's own country is not what it reacts to
    let e = code("Chile raised its import tariffs. The Chilean opposition condemned the move.");
    assert!(e.iter().all(|x| x.cameo.as_str() != "111" || x.target.code_str() != "CHL"), "{:#?}", summary(&e));
}

#[test]
fn a_call_for_release_targets_who_holds_them() {
    let e = code(
        "Venezuelan police detained three Colombian truck drivers near the border on Monday. \
         Colombia demanded their release.",
    );
    let d = e.iter().find(|x| x.cameo.as_str() == "1053").unwrap_or_else(|| panic!("{:#?}", summary(&e)));
    assert_eq!(format!("{} {}", d.source.code_str(), d.target.code_str()), "COL VENCOP", "{:#?}", summary(&e));
}

#[test]
fn a_dateline_places_local_actors() {
    // "KABUL (Reuters) -": the story's place gives unnamed local people their country
    let e = code("KABUL (Reuters) - Gunmen killed four policemen on Sunday.");
    let k = find(&e, "190");
    assert_eq!(format!("{} {}", k.source.code_str(), k.target.code_str()), "AFGUAF AFGCOP", "{:#?}", summary(&e));
    let e = code("Nepal: Four killed in air strike\n\nThe army said it was investigating.");
    assert_eq!(find(&e, "195").target.code_str(), "NPLCVL", "{:#?}", summary(&e));
}
