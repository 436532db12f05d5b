//! PLOVER event types.

use std::fmt;

/// The sixteen PLOVER event types (PLOVER manual, draft 2.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverType {
    /// Promise or offer to cooperate.
    Agree,
    /// Meetings, visits, talks, calls.
    Consult,
    /// Verbal or diplomatic backing.
    Support,
    /// Verbal concessions, apologies, pardons.
    Concede,
    /// Mutual material cooperation.
    Cooperate,
    /// One-way material help.
    Aid,
    /// Concessions with material effect, withdrawals, releases.
    Retreat,
    /// Requests, demands, orders.
    Request,
    /// Criticism, accusations, investigations.
    Accuse,
    /// Refusals.
    Reject,
    /// Threats.
    Threaten,
    /// Reducing relations, expulsions, convictions.
    Sanction,
    /// Collective physical protest.
    Protest,
    /// Force posture short of violence.
    Mobilize,
    /// Repression short of violence.
    Coerce,
    /// Violence.
    Assault,
}

impl PloverType {
    /// All types, in PLOVER's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Sanction,
        PloverType::Protest,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name PLOVER records use (`"SANCTION"`).
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Sanction => "SANCTION",
            PloverType::Protest => "PROTEST",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Parses a type name, case-insensitively.
    ///
    /// ```
    /// use attache_ontology::PloverType;
    /// assert_eq!(PloverType::parse("protest"), Some(PloverType::Protest));
    /// assert_eq!(PloverType::parse("FIGHT"), None);
    /// ```
    pub fn parse(s: &str) -> Option<PloverType> {
        let s = s.trim();
        PloverType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// The modes the PLOVER manual (draft 2.0) defines for the type; empty for the types
    /// without modes (AGREE, SUPPORT, CONCEDE, COOPERATE, AID).
    ///
    /// ```
    /// use attache_ontology::PloverType;
    /// assert!(PloverType::Accuse.modes().contains(&"allege"));
    /// assert!(PloverType::Agree.modes().is_empty());
    /// ```
    pub fn modes(self) -> &'static [&'static str] {
        use PloverType::*;
        match self {
            Accuse => &["disapprove", "investigate", "allege"],
            Assault => &[
                "abduct",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "unconventional",
            ],
            Coerce => &[
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            ],
            Consult => &["visit", "third-party", "multilateral", "phone"],
            Mobilize => &["troops", "weapons", "police", "militia"],
            Protest => &["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
            Reject | Request => &["assist", "change", "yield", "meet"],
            Retreat => &["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
            Sanction => &["convict", "expel", "withdraw", "discontinue"],
            Threaten => &["restrict", "arrest", "relations", "expel", "territory", "violence"],
            Agree | Support | Concede | Cooperate | Aid => &[],
        }
    }

    /// The quad class of the type in the PLOVER manual's quad table (1–4).
    pub fn quad_code(self) -> u8 {
        use PloverType::*;
        match self {
            Agree | Consult | Support | Concede => 1,
            Cooperate | Aid | Retreat => 2,
            Request | Accuse | Reject | Threaten | Sanction => 3,
            Protest | Mobilize | Coerce | Assault => 4,
        }
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for PloverType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
