//! Event patterns: verb and noun phrases that code an event.
//!
//! A pattern is a head word (a verb or noun lemma) followed by elements matched, in
//! order, against what follows the head in the clause:
//!
//! | element | matches |
//! |---|---|
//! | `word` | a token whose form or lemma is `word`; words inside the next noun phrase may be skipped to reach it (`replace sentence` matches "replaced Navalny's suspended sentence") |
//! | `word/other` | either word |
//! | `(word)` | the word, or nothing |
//! | `TARGET` | a noun phrase whose actors are the event's target |
//! | `TARGET:GOV,MIL` | the same, only when the target has one of these sectors |
//! | `SOURCE` | (noun patterns) a noun phrase whose actors are the source: `attack by SOURCE on TARGET` |
//! | `SOURCE:MIL,REB` | (first) the source must have one of these sectors: `SOURCE:MIL withdraw from TARGET` |
//! | `NP` | any noun phrase, not an actor of the event |
//!
//! Without a `TARGET`, the target is the noun phrase the last word matched in, or else
//! the first noun phrase after the matched words (the direct object). In the passive,
//! the target is the subject and the source the `by` phrase, whatever the pattern says.

use attache_ontology::{CameoCode, Code3, PloverType};

use crate::parse::Origin;

/// Whether a pattern starts with a verb or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PatternKind {
    /// A verb lemma: "expel TARGET".
    Verb,
    /// A noun lemma: "expulsion of TARGET" (after a light verb such as "announce", or
    /// with a possessive source: "Russia's expulsion of").
    Noun,
}

/// One element of a pattern after its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A word, or one of several (lower case, normalized).
    Word(Vec<String>),
    /// An optional word.
    Optional(Vec<String>),
    /// The target slot, with the sectors it must have (empty: any).
    Target(Vec<Code3>),
    /// The source slot (noun patterns).
    Source,
    /// Any noun phrase.
    AnyNp,
}

/// Phrases with a role other than coding an event directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Special {
    /// A reciprocal act ("took a symmetrical step", "responded in kind"): the event is
    /// the mirror of the one it answers.
    Mirror,
    /// A light verb whose object noun carries the event ("announced the expulsion of",
    /// "held talks with").
    Light,
    /// A verb of saying or reporting: its subject is the attribution of what it reports.
    Say,
    /// A phrase after which a noun phrase names who reports the event ("according to",
    /// "became known to").
    Attribution,
    /// A verb that announces what its infinitive says ("promised to send aid": 07 → 033).
    Intend,
    /// A verb that asks another to do what its infinitive says ("urged Iran to release":
    /// 084 → 0253).
    Appeal,
    /// A verb that demands it ("demanded that Russia withdraw": 087 → 1056).
    Demand,
    /// A verb that threatens it ("threatened to attack": 19 → 1384).
    Threaten,
    /// A verb that refuses it ("refused to help": 07 → 122); what is refused did not happen.
    Refuse,
    /// A verb that denies it ("denied attacking": 016); what is denied did not happen.
    Deny,
    /// A verb that considers it ("is considering giving money": 014).
    Consider,
    /// Not a verb class: the codes whose event implies its mirror image ("X visited Y"
    /// is also "Y hosted X": 042 → 043), given as `reverse maps:`.
    Reverse,
    /// A phrase that marks the events of its sentence as answers to an earlier act ("in
    /// retaliation for", "in response to", "tit-for-tat").
    Answer,
    /// A phrase that continues the story's timeline ("then", "later that day"): events of
    /// a sentence without a date of its own take the date the paragraph last gave.
    Narrative,
    /// A noun that refers back to an earlier act of the story whatever its kind ("the
    /// decision", "the move"): a reaction to it ("condemned the move") targets whoever
    /// did it. Nouns of one kind of act ("the attack", "the expulsion") refer back
    /// through their own patterns and need no entry.
    Refer,
    /// A noun for something said ("the claim", "the allegations", "the report"): a
    /// reaction to it ("denied the claim") targets whoever made it, an earlier accuser
    /// or the reporter of an earlier event of another country.
    Claim,
    /// A verb saying that an act told by its subject noun happens ("riots broke out",
    /// "protests spread", "a blast rocked the capital"): the noun's event is coded,
    /// by people of the place for a protest, else by someone the text does not name.
    Occur,
}

impl Special {
    /// The classes of governing verbs, which recode the event of their complement.
    pub const GOVERNING: [Special; 7] = [
        Special::Intend,
        Special::Appeal,
        Special::Demand,
        Special::Threaten,
        Special::Refuse,
        Special::Deny,
        Special::Consider,
    ];

    /// Whether this is a class of governing verbs.
    pub fn is_governing(self) -> bool {
        Special::GOVERNING.contains(&self)
    }

    /// Whether the governing verb's object (not its subject) is the target of the
    /// recoded event ("urged Iran to ...": Iran).
    pub fn targets_object(self) -> bool {
        matches!(self, Special::Appeal | Special::Demand)
    }
}

impl Special {
    /// The head keyword of the dictionary format.
    pub fn keyword(self) -> &'static str {
        match self {
            Special::Mirror => "mirror",
            Special::Light => "light",
            Special::Say => "say",
            Special::Attribution => "attribution",
            Special::Intend => "intend",
            Special::Appeal => "appeal",
            Special::Demand => "demand",
            Special::Threaten => "threaten",
            Special::Refuse => "refuse",
            Special::Deny => "deny",
            Special::Consider => "consider",
            Special::Reverse => "reverse",
            Special::Answer => "answer",
            Special::Narrative => "narrative",
            Special::Refer => "refer",
            Special::Claim => "claim",
            Special::Occur => "occur",
        }
    }

    pub(crate) fn from_keyword(k: &str) -> Option<Special> {
        Some(match k {
            "mirror" => Special::Mirror,
            "light" => Special::Light,
            "say" => Special::Say,
            "attribution" => Special::Attribution,
            "intend" => Special::Intend,
            "appeal" => Special::Appeal,
            "demand" => Special::Demand,
            "threaten" => Special::Threaten,
            "refuse" => Special::Refuse,
            "deny" => Special::Deny,
            "consider" => Special::Consider,
            "reverse" => Special::Reverse,
            "answer" => Special::Answer,
            "narrative" => Special::Narrative,
            "refer" => Special::Refer,
            "claim" => Special::Claim,
            "occur" => Special::Occur,
            _ => return None,
        })
    }
}

/// A phrase of a pattern: its head and elements.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Verb or noun.
    pub kind: PatternKind,
    /// The head lemma.
    pub head: String,
    /// What follows the head.
    pub elements: Vec<Element>,
    /// The pattern as written.
    pub text: String,
    /// Where it was defined.
    pub origin: Origin,
    /// For each required word, the ids of its alternatives in the dictionaries' word
    /// list ([`crate::Dictionaries::word_id`]); filled when the dictionaries are
    /// compiled, so that a coder can rule a frame out with a few integer lookups.
    /// Words of [`Frame::before`] come after those of [`Frame::elements`].
    pub required: Vec<Box<[u32]>>,
    /// Elements that must come *before* the head, in text order (PETRARCH/TABARI
    /// patterns have a pre-verb part: `- POLICE * [173]` is `before: [police]`). Empty
    /// for attache's own format. A `Source` here names the subject slot explicitly; a
    /// `Target` here makes the subject (or the phrase before the verb) the target.
    pub before: Vec<Element>,
    /// Elements that TABARI's `_` joins to their neighbour towards the head: the
    /// element and that neighbour (the head itself for the nearest element) must be
    /// consecutive tokens (`FAILED_TO_*`, `* TO_LET_ESCAPE`). Empty for attache's own
    /// format, where words may be apart.
    pub joined: Vec<Place>,
    /// The place of a TABARI `%` slot (an [`Element::AnyNp`] there): a compound noun
    /// phrase ("Arnor and Gondor") whose members are each other's source and target.
    pub compound: Option<Place>,
    /// Sectors the event's source (a verb's subject, a noun's own actor or `by` phrase)
    /// must have (one of them), written before the head:
    /// `SOURCE:MIL,REB withdraw from TARGET` is a military retreat, where plain
    /// `withdraw from TARGET` is a country leaving a body. Empty: any source.
    pub source_sectors: Vec<Code3>,
    /// The PLOVER type and mode of the pattern's act where it refines what its CAMEO
    /// code maps to: CAMEO 173 lumps arrests with legal charges, which PLOVER files as
    /// ACCUSE allege (`173=ACCUSE.allege verb: charge TARGET with NP`). Holds for the
    /// pattern's own code only: a recoded event ("threatened to charge") maps as usual.
    pub plover: Option<PloverRefinement>,
    /// The one word form the head must have in the text, for a PETRARCH verb block
    /// headed by an inflected form where another block holds the verb's other forms:
    /// `--- LEFT [032:033] ---` codes "left" while `--- LEAVE [012] ---` codes "leave",
    /// "leaves" and "leaving". `None`: any form of the head lemma.
    pub form: Option<String>,
}

/// A pattern's PLOVER type and mode, refining the mapping of its CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverRefinement {
    /// The CAMEO code it refines.
    pub code: CameoCode,
    /// The PLOVER type.
    pub kind: PloverType,
    /// The mode, one of [`PloverType::modes`].
    pub mode: Option<&'static str>,
}

impl PloverRefinement {
    /// Parses `TYPE` or `TYPE.mode` ("ACCUSE.allege") for `code`.
    ///
    /// ```
    /// use attache_dict::PloverRefinement;
    /// use attache_ontology::{CameoCode, PloverType};
    /// let r = PloverRefinement::parse(CameoCode::parse("173").unwrap(), "ACCUSE.allege").unwrap();
    /// assert_eq!((r.kind, r.mode), (PloverType::Accuse, Some("allege")));
    /// assert!(PloverRefinement::parse(CameoCode::parse("173").unwrap(), "ACCUSE.shout").is_err());
    /// ```
    pub fn parse(code: CameoCode, text: &str) -> Result<PloverRefinement, String> {
        let (kind, mode) = text.split_once('.').map_or((text, None), |(k, m)| (k, Some(m)));
        let kind = PloverType::parse(kind).ok_or_else(|| format!("`{kind}` is not a PLOVER type"))?;
        let mode = match mode {
            None => None,
            Some(m) => Some(*kind.modes().iter().find(|x| **x == m).ok_or_else(|| {
                format!("`{m}` is not a mode of {kind} (the manual's are: {})", kind.modes().join(", "))
            })?),
        };
        Ok(PloverRefinement { code, kind, mode })
    }
}

/// Where an element of a [`Frame`] sits: in [`Frame::before`] or in
/// [`Frame::elements`], at `index`.
///
/// ```
/// use attache_dict::Place;
/// let p = Place { before: true, index: 0 };
/// assert!(p.before);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// In [`Frame::before`] (else in [`Frame::elements`]).
    pub before: bool,
    /// The index in that list.
    pub index: usize,
}

impl Frame {
    /// A rough measure of how specific the frame is: more words and constraints first.
    pub fn specificity(&self) -> u32 {
        self.elements
            .iter()
            .chain(&self.before)
            .map(|e| match e {
                Element::Word(_) => 4,
                Element::Optional(_) => 1,
                Element::Target(c) if !c.is_empty() => 3,
                Element::Target(_) => 1,
                Element::Source => 1,
                Element::AnyNp => 1,
            })
            .sum::<u32>()
            + if self.source_sectors.is_empty() { 0 } else { 3 }
    }

    /// Whether the frame has an explicit target slot.
    pub fn has_target(&self) -> bool {
        self.elements.iter().any(|e| matches!(e, Element::Target(_)))
    }

    /// Whether the frame uses anything beyond attache's own format (elements before
    /// the head, joined words, a compound slot, or a source slot in a verb pattern): a
    /// coder that does not implement these should not use the frame as if they were
    /// absent.
    pub fn is_extended(&self) -> bool {
        !self.before.is_empty()
            || !self.joined.is_empty()
            || self.compound.is_some()
            || self.form.is_some()
            || (self.kind == PatternKind::Verb && self.elements.iter().any(|e| matches!(e, Element::Source)))
    }
}

/// An event pattern: a frame and the CAMEO code it gives.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The code (a placeholder when [`Coding::null`] is set).
    pub code: CameoCode,
    /// The phrase.
    pub frame: Frame,
    /// What the pattern codes beyond `code`: nothing, a second reversed event, or an
    /// event only in the passive (PETRARCH's `[---]`, `[A:B]`, `[:B]`). The default, a
    /// plain event of `code`, for attache's own format.
    pub coding: Coding,
}

/// What a pattern codes beyond its one code, for dictionaries in the PETRARCH/TABARI
/// format (attache's own patterns always have the default: one event of the code).
///
/// ```
/// use attache_dict::Coding;
/// assert!(!Coding::default().null);
/// assert_eq!(Coding::default().paired, None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coding {
    /// `[---]`: when this is the best matching pattern, the clause codes **no** event
    /// (`- STOCKS * [---]` under DECLINE keeps "stocks declined" out); the pattern's
    /// `code` is then only a placeholder and must not be emitted.
    pub null: bool,
    /// `[A:B]`: besides the event A from subject to object, an event B from the object
    /// back to the subject ("Obama visited China": 042, and 043 from China to Obama).
    pub paired: Option<CameoCode>,
    /// `[:B]`: the pattern codes only in the passive voice ("X was offended by Y" codes
    /// Y → X; "Y offended X" codes nothing).
    pub passive_only: bool,
}

/// Parses the text of a pattern (after the `verb:` or `noun:` keyword).
pub(crate) fn parse_frame(kind: PatternKind, text: &str, origin: Origin) -> Result<Frame, String> {
    let mut words = text.split_whitespace().peekable();
    let mut source_sectors = Vec::new();
    if let Some(list) = words.peek().and_then(|w| w.strip_prefix("SOURCE:")) {
        source_sectors = sector_list(list)?;
        words.next();
    }
    let head = words.next().ok_or("empty pattern")?;
    if head.chars().any(|c| c.is_uppercase()) || head.contains(['(', '/', ':']) {
        return Err(format!(
            "the pattern must start with a {} lemma in lower case, not `{head}`",
            match kind {
                PatternKind::Verb => "verb",
                PatternKind::Noun => "noun",
            }
        ));
    }
    let mut elements = Vec::new();
    let mut targets = 0;
    for w in words {
        let e = if w == "TARGET" || w.starts_with("TARGET:") {
            targets += 1;
            let mut sectors = Vec::new();
            if let Some(list) = w.strip_prefix("TARGET:") {
                for s in list.split(',') {
                    sectors.push(
                        Code3::new(s).ok_or_else(|| format!("`{s}` in `{w}` is not a three-letter sector code"))?,
                    );
                }
            }
            Element::Target(sectors)
        } else if w == "SOURCE" {
            if kind == PatternKind::Verb {
                return Err("SOURCE belongs in noun patterns; a verb's source is its subject".into());
            }
            Element::Source
        } else if w == "NP" {
            Element::AnyNp
        } else if let Some(inner) = w.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            Element::Optional(alternatives(inner)?)
        } else if w.starts_with("TARGET") || w.starts_with("SOURCE") || w.starts_with("NP") || w.contains(':') {
            return Err(format!("`{w}` is neither a slot (TARGET, TARGET:SECTOR, SOURCE, NP) nor a word"));
        } else if w.chars().any(char::is_uppercase) {
            // capitals are for slots; a word in capitals is most likely a mistyped one
            return Err(format!("`{w}`: write a pattern's words in lower case (capitals are for TARGET, SOURCE, NP)"));
        } else {
            Element::Word(alternatives(w)?)
        };
        elements.push(e);
    }
    if targets > 1 {
        return Err("a pattern has at most one TARGET".into());
    }
    Ok(Frame {
        kind,
        head: attache_text::normalize::normalize(head),
        elements,
        text: text.trim().to_string(),
        origin,
        required: Vec::new(),
        before: Vec::new(),
        joined: Vec::new(),
        compound: None,
        source_sectors,
        plover: None,
        form: None,
    })
}

/// Parses `MIL,REB` (the sectors after `SOURCE:`).
fn sector_list(list: &str) -> Result<Vec<Code3>, String> {
    list.split(',')
        .map(|s| Code3::new(s).ok_or_else(|| format!("`{s}` in `SOURCE:{list}` is not a three-letter sector code")))
        .collect()
}

fn alternatives(w: &str) -> Result<Vec<String>, String> {
    let alts: Vec<String> = w.split('/').map(attache_text::normalize::normalize).collect();
    if alts.iter().any(|a| a.is_empty()) {
        return Err(format!("`{w}` has an empty alternative"));
    }
    Ok(alts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin { file: "t".into(), line: 1 }
    }

    #[test]
    fn parses() {
        let f = parse_frame(PatternKind::Verb, "call for talks/dialogue with TARGET:GOV,MIL", origin()).unwrap();
        assert_eq!(f.head, "call");
        assert_eq!(f.elements.len(), 4);
        assert_eq!(f.elements[1], Element::Word(vec!["talks".into(), "dialogue".into()]));
        assert!(matches!(&f.elements[3], Element::Target(s) if s.len() == 2));
        let f = parse_frame(PatternKind::Verb, "SOURCE:MIL,REB withdraw from TARGET", origin()).unwrap();
        assert_eq!((f.head.as_str(), f.source_sectors.len(), f.elements.len()), ("withdraw", 2, 2));
        let plain = parse_frame(PatternKind::Verb, "withdraw from TARGET", origin()).unwrap();
        assert!(f.specificity() > plain.specificity(), "the source's sectors make it more specific");
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "Expel TARGET",
            "expel TARGET TARGET",
            "expel Foo",
            "expel TARGET:gov",
            "expel SOURCE",
            "expel a//b",
            "a/b TARGET",
            "SOURCE:military withdraw",
            "SOURCE:MIL",
        ] {
            assert!(parse_frame(PatternKind::Verb, bad, origin()).is_err(), "{bad}");
        }
        assert!(parse_frame(PatternKind::Noun, "SOURCE:MIL withdrawal from TARGET", origin()).is_ok());
    }
}
