//! Dictionary entries: actors, people, agents.

use attache_ontology::{ActorCode, Code3};
use chrono::NaiveDate;

use crate::parse::Origin;

/// How an actor phrase is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A name: the phrase *is* the actor ("France", "the United Nations").
    Name,
    /// An adjective or demonym adjective: it gives a country to what it modifies
    /// ("French diplomats" → FRA + GOV).
    Adjective,
    /// A people ("Russians", "Frenchmen").
    People,
    /// A capital or seat of government: the actor when it acts ("Moscow announced"), a
    /// place when it locates ("the embassy in Moscow").
    Capital,
    /// A city or region: a place, and the country of an actor described only by place
    /// ("police in Cairo").
    Place,
    /// A news outlet.
    Media,
}

impl ActorKind {
    /// The keyword of the dictionary format (`name`, `adj`, ...).
    pub fn keyword(self) -> &'static str {
        match self {
            ActorKind::Name => "name",
            ActorKind::Adjective => "adj",
            ActorKind::People => "people",
            ActorKind::Capital => "capital",
            ActorKind::Place => "place",
            ActorKind::Media => "media",
        }
    }

    pub(crate) fn from_keyword(k: &str) -> Option<ActorKind> {
        Some(match k {
            "name" | "org" => ActorKind::Name,
            "adj" => ActorKind::Adjective,
            "people" => ActorKind::People,
            "capital" => ActorKind::Capital,
            "place" => ActorKind::Place,
            "media" => ActorKind::Media,
            _ => return None,
        })
    }
}

/// One actor phrase and the code it gives.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// The code.
    pub code: ActorCode,
    /// How the phrase is used.
    pub kind: ActorKind,
    /// The phrase as written in the dictionary.
    pub phrase: String,
    /// First day the entry holds (`SUN capital ..1991-12-25: Moscow`), if bounded.
    pub from: Option<NaiveDate>,
    /// Last day it holds, if bounded.
    pub to: Option<NaiveDate>,
    /// Where it was defined.
    pub origin: Origin,
}

impl ActorEntry {
    /// Whether the entry has a date range.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether the entry holds on `date` (an undated entry always does; a dated one only
    /// when the date is known and in range).
    pub fn holds_on(&self, date: Option<NaiveDate>) -> bool {
        if !self.is_dated() {
            return true;
        }
        date.is_some_and(|d| self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t))
    }
}

/// A dated role of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The actor code while the role lasts.
    pub code: ActorCode,
    /// First day (inclusive), if bounded.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive), if bounded.
    pub to: Option<NaiveDate>,
    /// Where it was defined.
    pub origin: Origin,
}

impl Role {
    /// Whether the role holds on `d`.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// A person with names and dated roles.
#[derive(Debug, Clone)]
pub struct Person {
    /// Names and aliases, the full name first.
    pub names: Vec<String>,
    /// Roles, in the order given.
    pub roles: Vec<Role>,
    /// Where the person was defined.
    pub origin: Origin,
}

impl Person {
    /// The actor code of the person on `date`.
    ///
    /// * A role that holds on the date gives its code (the latest-starting one if several).
    /// * After every role has ended, the person is a former official: the country of the
    ///   last role + `ELI` ("Sarkozy" in 2021 → `FRAELI`).
    /// * Before any role, the country of the first role alone.
    /// * With no date, the role that has not ended, else the last one.
    ///
    /// ```
    /// use attache_dict::Dictionaries;
    /// let (d, _) = Dictionaries::from_texts(&[("p.txt", "person: Jane Doe\n  FRAGOV 2010-01-01..2012-05-15\n")]);
    /// let p = &d.people()[0];
    /// let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    /// assert_eq!(p.code_on(day("2011-03-01")).unwrap().to_string(), "FRAGOV");
    /// assert_eq!(p.code_on(day("2021-03-01")).unwrap().to_string(), "FRAELI");
    /// assert_eq!(p.code_on(day("2001-03-01")).unwrap().to_string(), "FRA");
    /// ```
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<ActorCode> {
        let Some(d) = date else {
            return self.roles.iter().rev().find(|r| r.to.is_none()).or(self.roles.last()).map(|r| r.code);
        };
        if let Some(r) = self.roles.iter().filter(|r| r.contains(d)).max_by_key(|r| r.from) {
            return Some(r.code);
        }
        let last_end = self.roles.iter().filter_map(|r| r.to).max();
        let first_start = self.roles.iter().filter_map(|r| r.from).min();
        if let Some(end) = last_end
            && d > end
        {
            let last = self.roles.iter().filter(|r| r.to.is_some()).max_by_key(|r| r.to)?;
            return Some(last.code.country_only().with_sector("ELI"));
        }
        if let Some(start) = first_start
            && d < start
        {
            let first = self.roles.iter().filter(|r| r.from.is_some()).min_by_key(|r| r.from)?;
            return Some(first.code.country_only());
        }
        self.roles.last().map(|r| r.code)
    }
}

/// How an agent phrase combines with actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKind {
    /// A sector noun ("embassy", "diplomats", "foreign ministry").
    Noun,
    /// A generic role noun ("official", "spokesman", "leader") that yields to a more
    /// specific sector in the same phrase ("military officials" → MIL).
    Generic,
    /// A modifier that gives a sector to the noun it modifies ("opposition", "military").
    Modifier,
    /// A modifier that makes the person a former office-holder ("former", "ex-").
    Former,
    /// A sector noun for those who represent their country abroad ("embassy", "consul",
    /// "ambassador"): a place never gives them a country ("the embassy in Paris" is not
    /// French).
    Envoy,
    /// A sector noun only after a proper name ("the Umma party", "the Baath party"): alone
    /// the word is too common to be an actor ("a party", "the other party").
    Named,
    /// A sector that goes *before* the actor's code (PETRARCH's prefix agents `NGO~`:
    /// "human rights body" + ARN → NGOARN). Only PETRARCH dictionaries give it; a coder
    /// that does not know it appends the sector like a [`AgentKind::Noun`].
    Prefix,
}

impl AgentKind {
    /// The keyword of the dictionary format.
    pub fn keyword(self) -> &'static str {
        match self {
            AgentKind::Noun => "agent",
            AgentKind::Generic => "generic",
            AgentKind::Modifier => "modifier",
            AgentKind::Former => "former",
            AgentKind::Envoy => "envoy",
            AgentKind::Named => "named",
            AgentKind::Prefix => "prefix",
        }
    }

    pub(crate) fn from_keyword(k: &str) -> Option<AgentKind> {
        Some(match k {
            "agent" => AgentKind::Noun,
            "generic" => AgentKind::Generic,
            "modifier" => AgentKind::Modifier,
            "former" => AgentKind::Former,
            "envoy" => AgentKind::Envoy,
            "named" => AgentKind::Named,
            _ => return None,
        })
    }
}

/// A sector phrase and the sector codes it gives.
#[derive(Debug, Clone)]
pub struct AgentEntry {
    /// Sector codes, in order (`GOV`; `GOV MIL` for "defence minister").
    pub sectors: Vec<Code3>,
    /// How it combines.
    pub kind: AgentKind,
    /// The phrases, as written and with generated plurals.
    pub phrases: Vec<String>,
    /// Where it was defined.
    pub origin: Origin,
}
