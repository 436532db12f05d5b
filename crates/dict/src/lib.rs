//! attache's dictionaries: what the coder knows of the world and of event language.
//!
//! Dictionaries are data, not code. They are plain UTF-8 text files in one line-oriented
//! format (documented in `dictionaries/README.md`), so that analysts can read, diff and
//! extend them; the built-in set is compiled into the binary and loaded into fast
//! matchers at start-up.
//!
//! Every line is an *entry*: a head, a kind, and a list of phrases:
//!
//! ```text
//! FRA      name:    France | French Republic
//! FRA      adj:     French
//! RUSGOV   capital: Moscow
//! FRAMED   media:   Les Echos | Le Monde
//! GOV      agent:   embassy | diplomat | foreign ministry
//! 161      verb:    expel TARGET:GOV | declare TARGET persona non grata
//! 161      noun:    expulsion of TARGET:GOV
//! ```
//!
//! People carry dated roles in an indented block:
//!
//! ```text
//! person: Emmanuel Macron | Macron
//!     FRAGOV  2017-05-14..
//!     FRAGOV  2014-08-26..2016-08-30
//! ```
//!
//! Loading never panics and never drops an entry silently: every line that cannot be
//! read is reported as a [`Diagnostic`] naming its file and line.
//!
//! ```
//! use attache_dict::Dictionaries;
//! let (dicts, problems) = Dictionaries::builtin();
//! assert!(problems.is_empty(), "{problems:?}");
//! assert!(dicts.stats().actor_phrases > 100);
//! ```

#![warn(missing_docs)]

mod check;
mod entries;
mod matcher;
mod parse;
mod pattern;
pub mod petrarch;

use std::path::Path;

pub use entries::{ActorEntry, ActorKind, AgentEntry, AgentKind, Person, Role};
pub use matcher::{Hit, PhraseMatcher};
pub use parse::Origin;
pub use parse::{Diagnostic, Severity};
pub use pattern::{Coding, Element, Frame, Pattern, PatternKind, Place, PloverRefinement, Special};

use attache_ontology::ActorCode;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// The built-in dictionary files, compiled in.
pub const BUILTIN: &[(&str, &str)] = &[
    ("countries.txt", include_str!("../../../dictionaries/countries.txt")),
    ("organizations.txt", include_str!("../../../dictionaries/organizations.txt")),
    ("media.txt", include_str!("../../../dictionaries/media.txt")),
    ("people.txt", include_str!("../../../dictionaries/people.txt")),
    ("people-g20.txt", include_str!("../../../dictionaries/people-g20.txt")),
    ("people-world.txt", include_str!("../../../dictionaries/people-world.txt")),
    ("agents.txt", include_str!("../../../dictionaries/agents.txt")),
    ("grammar.txt", include_str!("../../../dictionaries/grammar.txt")),
    ("events-01-05.txt", include_str!("../../../dictionaries/events-01-05.txt")),
    ("events-06-09.txt", include_str!("../../../dictionaries/events-06-09.txt")),
    ("events-10-13.txt", include_str!("../../../dictionaries/events-10-13.txt")),
    ("events-14-17.txt", include_str!("../../../dictionaries/events-14-17.txt")),
    ("events-18-20.txt", include_str!("../../../dictionaries/events-18-20.txt")),
    ("discards.txt", include_str!("../../../dictionaries/discards.txt")),
];

/// Counts of what a dictionary set holds, for reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Actor entries (countries, organisations, media, places).
    pub actor_entries: usize,
    /// Distinct actor phrases, all kinds together.
    pub actor_phrases: usize,
    /// People.
    pub people: usize,
    /// Dated roles of people.
    pub roles: usize,
    /// Agent phrases (with generated plurals).
    pub agent_phrases: usize,
    /// Verb patterns.
    pub verb_patterns: usize,
    /// Noun patterns.
    pub noun_patterns: usize,
    /// Distinct CAMEO codes that some pattern produces.
    pub cameo_codes: usize,
    /// Discard phrases.
    pub discards: usize,
}

/// A pattern's index with the word ids of its first required word, kept next to each
/// other so that a coder can rule out most of a common verb's hundreds of patterns
/// without touching the patterns themselves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyed {
    pub(crate) index: u32,
    /// Up to four alternatives of the first required word; `ANY` pads, and a key of
    /// only `ANY` rules nothing out (no required word, or more than four alternatives).
    pub(crate) key: [u32; 4],
    /// The [`WordSet::signature`] bits of the required words that have no alternative:
    /// a text whose signature lacks one of them cannot match.
    pub(crate) sig: u64,
}

impl Keyed {
    pub(crate) const ANY: u32 = u32::MAX;

    pub(crate) fn new(index: u32, frame: &Frame) -> Keyed {
        let mut key = [Keyed::ANY; 4];
        if let Some(first) = frame.required.first()
            && first.len() <= 4
        {
            key[..first.len()].copy_from_slice(first);
        }
        // (a trailing "with TARGET" may be left out when the subject names both partners,
        // so its "with" proves nothing)
        let n = frame.elements.len();
        let partner = n >= 2
            && matches!(&frame.elements[n - 2], Element::Word(w) if w.iter().any(|x| x == "with"))
            && matches!(frame.elements[n - 1], Element::Target(_));
        let words = frame.elements.iter().filter(|e| matches!(e, Element::Word(_))).count();
        let sig = frame
            .required
            .iter()
            .enumerate()
            .filter(|(i, alts)| alts.len() == 1 && !(partner && *i + 1 == words))
            .fold(0, |s, (_, alts)| s | WordSet::bit(alts[0]));
        Keyed { index, key, sig }
    }

    fn may_match(&self, words: &WordSet) -> bool {
        self.sig & !words.sig == 0
            && (self.key[0] == Keyed::ANY || self.key.iter().any(|&k| k != Keyed::ANY && words.contains(k)))
    }
}

/// The pattern words a text holds (by [`Dictionaries::word_id`]), as a bit set with a
/// one-word signature: most of a common verb's patterns are ruled out by one AND of
/// the signatures, before any pattern's own words are looked at.
///
/// ```
/// use attache_dict::{Dictionaries, WordSet};
/// let (d, _) = Dictionaries::from_texts(&[("e.txt", "161 verb: expel diplomats from TARGET\n")]);
/// let mut words = WordSet::new(d.word_count());
/// let id = d.word_id("diplomats").unwrap();
/// assert!(!words.contains(id));
/// words.insert(id);
/// assert!(words.contains(id));
/// ```
#[derive(Debug, Clone)]
pub struct WordSet {
    bits: Vec<u64>,
    sig: u64,
}

impl WordSet {
    /// An empty set for word ids below `count` ([`Dictionaries::word_count`]).
    pub fn new(count: usize) -> WordSet {
        WordSet { bits: vec![0; count.div_ceil(64)], sig: 0 }
    }

    /// Adds a word.
    pub fn insert(&mut self, id: u32) {
        if let Some(w) = self.bits.get_mut(id as usize / 64) {
            *w |= 1 << (id % 64);
            self.sig |= WordSet::bit(id);
        }
    }

    /// Whether the set holds the word.
    pub fn contains(&self, id: u32) -> bool {
        self.bits.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// The signature bit of a word: ids folded onto 64 bits, so that a missing bit
    /// proves a word absent.
    fn bit(id: u32) -> u64 {
        1 << (id.wrapping_mul(0x9E37_79B9) >> 26)
    }
}

/// A loaded, compiled set of dictionaries.
#[derive(Default, Clone)]
pub struct Dictionaries {
    pub(crate) actors: Vec<ActorEntry>,
    pub(crate) people: Vec<Person>,
    pub(crate) agents: Vec<AgentEntry>,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) specials: Vec<(Special, Frame)>,
    pub(crate) discards: Vec<(String, bool, parse::Origin)>,
    /// Names, agents and places, by first token.
    pub(crate) phrases: PhraseMatcher,
    /// Verb patterns by verb lemma, most specific first, each with its key.
    pub(crate) verbs: FxHashMap<String, Vec<Keyed>>,
    /// Noun patterns by noun lemma, most specific first, each with its key.
    pub(crate) nouns: FxHashMap<String, Vec<Keyed>>,
    /// Special verb phrases (mirror, light, say...) by verb lemma.
    pub(crate) special_verbs: FxHashMap<String, Vec<u32>>,
    /// Nouns of the governing classes by lemma ([`Dictionaries::governing_noun`]).
    pub(crate) governing_nouns: FxHashMap<String, Special>,
    pub(crate) discard_matcher: PhraseMatcher,
    /// Every word that a pattern's elements require, and every head of a special
    /// phrase, numbered.
    pub(crate) words: FxHashMap<String, u32>,
    /// Bit per word id: heads a special phrase.
    pub(crate) special_heads: Vec<u64>,
    /// The event patterns are all PETRARCH's (see [`Dictionaries::petrarch_conventions`]).
    pub(crate) petrarch_conventions: bool,
    /// Some verb pattern holds to one word form ([`Frame::form`]).
    pub(crate) form_restricted: bool,
    /// Code maps of the governing verb classes.
    pub(crate) maps: FxHashMap<(Special, Option<attache_ontology::CameoCode>), (attache_ontology::CameoCode, Origin)>,
    /// Issue phrases of PETRARCH issue files (loaded, not used by the coder yet).
    pub(crate) issues: Vec<petrarch::IssuePhrase>,
}

impl Dictionaries {
    /// The built-in dictionaries, with the problems found while loading them (none,
    /// unless a built-in file has a mistake; the test suite checks that).
    pub fn builtin() -> (Dictionaries, Vec<Diagnostic>) {
        let mut b = parse::Builder::default();
        for (name, text) in BUILTIN {
            b.add_file(name, text);
        }
        b.finish()
    }

    /// Loads every `*.txt` file of a folder (in name order) in attache's format, or, when
    /// the folder holds PETRARCH/TABARI dictionaries (see
    /// [`petrarch::is_petrarch_dir`]), in theirs. Unreadable files and lines are
    /// reported, not fatal.
    pub fn load_dir(dir: &Path) -> std::io::Result<(Dictionaries, Vec<Diagnostic>)> {
        let mut b = parse::Builder::default();
        b.add_dir(dir)?;
        Ok(b.finish())
    }

    /// The built-in dictionaries extended by the files of `dir` (attache's format or
    /// PETRARCH's, detected as for [`Dictionaries::load_dir`]); entries of `dir` win
    /// where both define the same phrase.
    pub fn builtin_extended_by(dir: &Path) -> std::io::Result<(Dictionaries, Vec<Diagnostic>)> {
        let mut b = parse::Builder::default();
        for (name, text) in BUILTIN {
            b.add_file(name, text);
        }
        b.add_dir(dir)?;
        Ok(b.finish())
    }

    /// Loads a folder of PETRARCH/TABARI dictionaries, whatever its files are named:
    /// each `*.txt` file is read by the loader its name or content calls for (verbs,
    /// actors, agents, discards, issues; see [`petrarch`]), and a file that is none of
    /// these is reported and skipped. Use it where the format is known (a gold file's
    /// `dictionaries` folder written for PETRARCH).
    ///
    /// ```no_run
    /// let (d, diags) = attache_dict::Dictionaries::load_petrarch_dir("../shared/petrarch/phoenix".as_ref()).unwrap();
    /// println!("{:?}, {} problems", d.stats(), diags.len());
    /// ```
    pub fn load_petrarch_dir(dir: &Path) -> std::io::Result<(Dictionaries, Vec<Diagnostic>)> {
        let mut b = parse::Builder::default();
        petrarch::add_dir(&mut b, dir)?;
        Ok(b.finish())
    }

    /// The built-in dictionaries extended by a folder of PETRARCH/TABARI dictionaries
    /// (as [`Dictionaries::load_petrarch_dir`] reads it); its phrases win.
    pub fn builtin_extended_by_petrarch(dir: &Path) -> std::io::Result<(Dictionaries, Vec<Diagnostic>)> {
        let mut b = parse::Builder::default();
        for (name, text) in BUILTIN {
            b.add_file(name, text);
        }
        petrarch::add_dir(&mut b, dir)?;
        Ok(b.finish())
    }

    /// Parses PETRARCH/TABARI dictionary texts held in memory; each file's kind comes
    /// from its name as for a folder ([`petrarch::FileKind::from_name`]), or from its
    /// content for a verb file.
    ///
    /// ```
    /// use attache_dict::Dictionaries;
    /// let (d, diags) = Dictionaries::from_petrarch_texts(&[
    ///     ("x.actors.txt", "ARNOR_ [ARN]\n+ARNORIAN_\n"),
    ///     ("x.verbs.txt", "--- ATTACK [190] ---\nATTACK\n- * +  (WITH &ARMS) [193]\n&ARMS\n+GUN\n"),
    /// ]);
    /// assert!(diags.is_empty(), "{diags:?}");
    /// assert_eq!(d.stats().actor_phrases, 2);
    /// assert_eq!(d.stats().verb_patterns, 2);
    /// ```
    pub fn from_petrarch_texts(files: &[(&str, &str)]) -> (Dictionaries, Vec<Diagnostic>) {
        let mut b = parse::Builder::default();
        for (name, text) in files {
            petrarch::add_text(&mut b, name, text);
        }
        b.finish()
    }

    /// Parses dictionary text held in memory (tests, embedding).
    pub fn from_texts(files: &[(&str, &str)]) -> (Dictionaries, Vec<Diagnostic>) {
        let mut b = parse::Builder::default();
        for (name, text) in files {
            b.add_file(name, text);
        }
        b.finish()
    }

    /// Counts of entries per kind.
    pub fn stats(&self) -> Stats {
        let mut codes: Vec<_> = self.patterns.iter().map(|p| p.code).collect();
        codes.sort();
        codes.dedup();
        Stats {
            actor_entries: self.actors.len(),
            actor_phrases: self.phrases.len(),
            people: self.people.len(),
            roles: self.people.iter().map(|p| p.roles.len()).sum(),
            agent_phrases: self.agents.iter().map(|a| a.phrases.len()).sum(),
            verb_patterns: self.patterns.iter().filter(|p| p.frame.kind == PatternKind::Verb).count(),
            noun_patterns: self.patterns.iter().filter(|p| p.frame.kind == PatternKind::Noun).count(),
            cameo_codes: codes.len(),
            discards: self.discards.len(),
        }
    }

    /// The matcher of actor, person, agent and place phrases.
    pub fn phrases(&self) -> &PhraseMatcher {
        &self.phrases
    }

    /// An actor entry by index (from a [`Hit::Actor`]).
    pub fn actor(&self, i: u32) -> &ActorEntry {
        &self.actors[i as usize]
    }

    /// A person by index (from a [`Hit::Person`]).
    pub fn person(&self, i: u32) -> &Person {
        &self.people[i as usize]
    }

    /// An agent entry by index (from a [`Hit::Agent`]).
    pub fn agent(&self, i: u32) -> &AgentEntry {
        &self.agents[i as usize]
    }

    /// A pattern by index.
    pub fn pattern(&self, i: u32) -> &Pattern {
        &self.patterns[i as usize]
    }

    /// The verb patterns of a verb lemma, most specific first.
    pub fn verb_patterns(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.verbs.get(lemma).into_iter().flatten().map(|k| &self.patterns[k.index as usize])
    }

    /// The verb patterns of a lemma that may match a text holding `words`:
    /// [`Dictionaries::verb_patterns`] without those whose required words the text
    /// lacks (by the set's signature and the first required word).
    pub fn verb_patterns_with<'a>(&'a self, lemma: &str, words: &'a WordSet) -> impl Iterator<Item = &'a Pattern> + 'a {
        let keyed: &[Keyed] = self.verbs.get(lemma).map_or(&[], Vec::as_slice);
        keyed.iter().filter(move |k| k.may_match(words)).map(|k| &self.patterns[k.index as usize])
    }

    /// [`Dictionaries::verb_patterns_with`] for noun patterns.
    pub fn noun_patterns_with<'a>(&'a self, lemma: &str, words: &'a WordSet) -> impl Iterator<Item = &'a Pattern> + 'a {
        let keyed: &[Keyed] = self.nouns.get(lemma).map_or(&[], Vec::as_slice);
        keyed.iter().filter(move |k| k.may_match(words)).map(|k| &self.patterns[k.index as usize])
    }

    /// The noun patterns of a noun lemma, most specific first.
    pub fn noun_patterns(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.nouns.get(lemma).into_iter().flatten().map(|k| &self.patterns[k.index as usize])
    }

    /// The number of a word that some pattern requires after its head (see
    /// [`Frame::required`]) or that heads a special phrase; `None` for any other word.
    pub fn word_id(&self, word: &str) -> Option<u32> {
        self.words.get(word).copied()
    }

    /// Whether the word numbered `id` ([`Dictionaries::word_id`]) heads a special
    /// phrase ([`Dictionaries::specials`]): a fast test before looking them up.
    pub fn heads_special(&self, id: u32) -> bool {
        self.special_heads.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// Whether the event patterns all come from PETRARCH/TABARI verb dictionaries, whose
    /// coders follow PETRARCH's conventions: an event needs a target (attache otherwise
    /// codes an act with no other party, and infers a target from the place or the
    /// source's country), and no target is inferred.
    pub fn petrarch_conventions(&self) -> bool {
        self.petrarch_conventions
    }

    /// Whether some verb pattern holds to one word form of its head ([`Frame::form`]):
    /// when not, a coder need not compare forms at all.
    pub fn has_form_restrictions(&self) -> bool {
        self.form_restricted
    }

    /// How many words [`Dictionaries::word_id`] numbers (ids are below this).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Whether some verb pattern starts with this lemma.
    pub fn has_verb(&self, lemma: &str) -> bool {
        self.verbs.contains_key(lemma)
    }

    /// Special phrases (reciprocity, light verbs, speech verbs...) of a verb lemma.
    pub fn specials(&self, lemma: &str) -> impl Iterator<Item = &(Special, Frame)> {
        self.special_verbs.get(lemma).into_iter().flatten().map(|&i| &self.specials[i as usize])
    }

    /// Whether `lemma` is a verb of the given special class with no further words
    /// (a plain light verb or speech verb).
    pub fn is_special_verb(&self, lemma: &str, class: Special) -> bool {
        self.specials(lemma).any(|(s, f)| *s == class && f.elements.is_empty())
    }

    /// The code a governing verb class gives to the event of its complement: the map of
    /// the code itself, else of its base code, else of its root, else the class default
    /// (`*`); `None` when the class has no map for it.
    ///
    /// ```
    /// use attache_dict::{Dictionaries, Special};
    /// use attache_ontology::CameoCode;
    /// let (d, _) = Dictionaries::from_texts(&[("m.txt", "intend maps: 07 033 | 073 0333 | * 030\n")]);
    /// let c = |s: &str| CameoCode::parse(s).unwrap();
    /// assert_eq!(d.recode(Special::Intend, c("073")), Some(c("0333")));
    /// assert_eq!(d.recode(Special::Intend, c("071")), Some(c("033")));
    /// assert_eq!(d.recode(Special::Intend, c("190")), Some(c("030")));
    /// assert_eq!(d.recode(Special::Threaten, c("190")), None);
    /// ```
    pub fn recode(&self, class: Special, code: attache_ontology::CameoCode) -> Option<attache_ontology::CameoCode> {
        let get = |k: Option<attache_ontology::CameoCode>| self.maps.get(&(class, k)).map(|(c, _)| *c);
        get(Some(code)).or_else(|| get(Some(code.base()))).or_else(|| get(Some(code.root()))).or_else(|| get(None))
    }

    /// The code of the mirror image an event of `code` implies ("visit" 042 → "host"
    /// 043), from the exact code only.
    pub fn reverse_code(&self, code: attache_ontology::CameoCode) -> Option<attache_ontology::CameoCode> {
        self.maps.get(&(Special::Reverse, Some(code))).map(|(c, _)| *c)
    }

    /// The governing verb class of a verb lemma whose phrase has no further words
    /// ("threaten"), if any; phrases with words ("call on") are found with [`Dictionaries::specials`].
    pub fn governing_class(&self, lemma: &str) -> Option<Special> {
        self.specials(lemma).find(|(s, f)| s.is_governing() && f.elements.is_empty()).map(|(s, _)| *s)
    }

    /// The governing class of a noun of asking or offering, if it is one: its infinitive
    /// is the act asked for or offered ("rejected North Korea's demand to sever the
    /// alliance", "renewed an appeal to Belgium to extradite him"). Written `appeal
    /// noun: plea` in the grammar file.
    ///
    /// ```
    /// use attache_dict::{Dictionaries, Special};
    /// let (d, _) = Dictionaries::from_texts(&[("g.txt", "demand noun: ultimatum\n")]);
    /// assert_eq!(d.governing_noun("ultimatum"), Some(Special::Demand));
    /// assert_eq!(d.governing_noun("demand"), None);
    /// ```
    pub fn governing_noun(&self, lemma: &str) -> Option<Special> {
        self.governing_nouns.get(lemma).copied()
    }

    /// The discard phrase matcher (payloads are [`Hit::Discard`]).
    pub fn discards(&self) -> &PhraseMatcher {
        &self.discard_matcher
    }

    /// Whether discard `i` discards the whole story (else only its sentence).
    pub fn discard_is_story(&self, i: u32) -> bool {
        self.discards.get(i as usize).is_some_and(|d| d.1)
    }

    /// Every verb lemma the patterns use (to teach the tagger that they are verbs).
    pub fn verb_lemmas(&self) -> impl Iterator<Item = &str> {
        // the heads of answer, narrative and attribution phrases ("tit-for-tat", "then",
        // "according") are not verbs
        let verb_class = |s: Special| {
            !matches!(s, Special::Answer | Special::Narrative | Special::Attribution | Special::Refer | Special::Claim)
        };
        let specials = self
            .special_verbs
            .iter()
            .filter(move |(_, ids)| ids.iter().any(|&i| verb_class(self.specials[i as usize].0)));
        self.verbs.keys().chain(specials.map(|(k, _)| k)).map(String::as_str)
    }

    /// Every noun lemma the noun patterns use.
    pub fn noun_lemmas(&self) -> impl Iterator<Item = &str> {
        self.nouns.keys().map(String::as_str)
    }

    /// The actor code of a person on a date (see [`Person::code_on`]).
    pub fn person_code(&self, i: u32, date: Option<NaiveDate>) -> Option<ActorCode> {
        self.people[i as usize].code_on(date)
    }

    /// Every entry, for `attache dict check` and `lookup`.
    pub fn actors(&self) -> &[ActorEntry] {
        &self.actors
    }

    /// Every person.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Every agent entry.
    pub fn agents(&self) -> &[AgentEntry] {
        &self.agents
    }

    /// Every event pattern.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The issue phrases of PETRARCH issue files ([`petrarch::IssuePhrase`]); loaded and
    /// counted, not used by the coder yet.
    pub fn issues(&self) -> &[petrarch::IssuePhrase] {
        &self.issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_cleanly() {
        let (d, problems) = Dictionaries::builtin();
        assert!(problems.is_empty(), "{problems:#?}");
        let s = d.stats();
        assert!(s.verb_patterns > 20, "{s:?}");
        assert!(s.people > 5, "{s:?}");
    }

    #[test]
    fn plover_refinements_on_codes() {
        let (d, problems) = Dictionaries::from_texts(&[(
            "e.txt",
            "173=ACCUSE.allege verb: indict TARGET\n173 verb: arrest TARGET\n\
             173=ACCUSE.shout verb: charge TARGET\n173=FIGHT verb: try TARGET\n",
        )]);
        let refined: Vec<_> = d.patterns().iter().map(|p| p.frame.plover.as_ref().map(|r| (r.kind, r.mode))).collect();
        assert_eq!(refined, [Some((attache_ontology::PloverType::Accuse, Some("allege"))), None]);
        // an unknown mode or type is an error with its line, and the line is skipped
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems.iter().all(|p| p.severity == Severity::Error));
        assert!(problems[0].message.contains("not a mode of ACCUSE"), "{}", problems[0].message);
    }

    /// The project's own folder, edited and passed with `--dictionaries`, is read in
    /// attache's format even though two of its files carry PETRARCH's names.
    #[test]
    fn own_folder_loads_as_builtin() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries");
        assert!(!petrarch::is_petrarch_dir(&dir).unwrap());
        let (d, problems) = Dictionaries::load_dir(&dir).unwrap();
        let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(format!("{:?}", d.stats()), format!("{:?}", Dictionaries::builtin().0.stats()));
    }
}
