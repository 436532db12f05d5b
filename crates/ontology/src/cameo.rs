//! CAMEO event codes.

use std::fmt;
use std::sync::OnceLock;

use crate::plover::PloverType;

/// The compiled-in table: `code, name, goldstein, plover type, plover mode, context`.
const TABLE: &str = include_str!("../data/cameo.tsv");

struct Row {
    code: &'static str,
    name: &'static str,
    goldstein: f32,
    plover: Option<PloverType>,
    plover_mode: Option<&'static str>,
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows: Vec<Row> = Vec::with_capacity(320);
        for line in TABLE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            let code = f[0];
            if rows.iter().any(|r| r.code == code) {
                continue; // the source lists a few codes twice; the first wins
            }
            let goldstein = f.get(2).and_then(|g| g.parse::<f32>().ok()).unwrap_or(f32::NAN);
            let plover = f.get(3).and_then(|p| PloverType::parse(p));
            let plover_mode = f.get(4).copied().filter(|m| !m.is_empty());
            rows.push(Row { code, name: f[1], goldstein, plover, plover_mode });
        }
        rows.sort_by(|a, b| a.code.cmp(b.code));
        // A code without a Goldstein value anywhere takes its parent's.
        for i in 0..rows.len() {
            if rows[i].goldstein.is_nan() {
                let parent = &rows[i].code[..rows[i].code.len() - 1];
                let g = rows.iter().find(|r| r.code == parent).map_or(0.0, |r| r.goldstein);
                rows[i].goldstein = g;
            }
        }
        rows
    })
}

/// Codes defined by dictionaries outside the table (PETRARCH's test codes, WEIS codes,
/// a project's own), registered once and kept for the life of the process. Indices from
/// `EXTRA_BASE` point into `EXTRA`, written once per slot, so reading needs no lock.
const EXTRA_BASE: u16 = 0x8000;
const EXTRA_CAPACITY: usize = 4096;
static EXTRA: [OnceLock<Row>; EXTRA_CAPACITY] = [const { OnceLock::new() }; EXTRA_CAPACITY];
static EXTRA_CODES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
static UNDEFINED: Row = Row { code: "", name: "", goldstein: 0.0, plover: None, plover_mode: None };

/// A CAMEO event code known to the CAMEO 1.1b3 table (root `"16"`, base `"161"`, or
/// four-digit `"1661"`), or one a dictionary defines outside it ([`CameoCode::define`]).
///
/// It is a small copyable index into the compiled-in table, so it carries its name,
/// Goldstein value, QuadClass and PLOVER mapping without allocation; [`CameoCode::parse`]
/// accepts only the table's codes, so a typo cannot become a code.
///
/// ```
/// use attache_ontology::CameoCode;
/// let c = CameoCode::parse("1661").unwrap();
/// assert_eq!(c.base().as_str(), "166");
/// assert_eq!(c.root().as_str(), "16");
/// assert!(c.is_within(CameoCode::parse("16").unwrap()));
/// assert_eq!(c.goldstein(), -7.0);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode(u16);

/// The error for a string that is not a CAMEO code of the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a CAMEO event code (expected a code of the CAMEO 1.1b3 table such as 04, 042 or 0421)")]
pub struct UnknownCameoCode(pub String);

impl CameoCode {
    /// Looks a code up in the table. Leading zeros matter: `"042"` is a code, `"42"` is not.
    pub fn parse(s: &str) -> Result<CameoCode, UnknownCameoCode> {
        let s = s.trim();
        rows()
            .binary_search_by(|r| r.code.cmp(s))
            .map(|i| CameoCode(i as u16))
            .map_err(|_| UnknownCameoCode(s.to_string()))
    }

    /// The code `s`: the table's, or else a dictionary-defined code outside CAMEO (two to
    /// four ASCII letters or digits: WEIS's `903`, PETRARCH's test code `174K`), which has
    /// no name of its own, no PLOVER type, the Goldstein value of the CAMEO root its first
    /// two digits name (else 0) and that root's QuadClass.
    ///
    /// ```
    /// use attache_ontology::CameoCode;
    /// let c = CameoCode::define("174K").unwrap();
    /// assert!(!c.is_cameo() && c.as_str() == "174K" && c.root().as_str() == "17");
    /// assert_eq!(CameoCode::define("174K").unwrap(), c);
    /// assert!(CameoCode::define("1661").unwrap().is_cameo());
    /// assert!(CameoCode::define("x!").is_err());
    /// ```
    pub fn define(s: &str) -> Result<CameoCode, UnknownCameoCode> {
        if let Ok(c) = CameoCode::parse(s) {
            return Ok(c);
        }
        let s = s.trim();
        if !(2..=4).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(UnknownCameoCode(s.to_string()));
        }
        let mut codes = EXTRA_CODES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = codes.iter().position(|c| *c == s) {
            return Ok(CameoCode(EXTRA_BASE + i as u16));
        }
        let i = codes.len();
        if i >= EXTRA_CAPACITY {
            return Err(UnknownCameoCode(format!("{s} (more than {EXTRA_CAPACITY} codes outside CAMEO)")));
        }
        let code: &'static str = Box::leak(s.to_string().into_boxed_str());
        let root = s.get(..2).and_then(|r| CameoCode::parse(r).ok());
        let row = Row {
            code,
            name: "code outside CAMEO, defined by a dictionary",
            goldstein: root.map_or(0.0, |r| r.goldstein()),
            plover: None,
            plover_mode: None,
        };
        let _ = EXTRA[i].set(row);
        codes.push(code);
        Ok(CameoCode(EXTRA_BASE + i as u16))
    }

    /// Whether the code is in the CAMEO table (not defined by a dictionary).
    pub fn is_cameo(self) -> bool {
        self.0 < EXTRA_BASE
    }

    /// Every code of the table, in code order.
    pub fn all() -> impl Iterator<Item = CameoCode> {
        (0..rows().len() as u16).map(CameoCode)
    }

    fn row(self) -> &'static Row {
        if self.0 >= EXTRA_BASE {
            return EXTRA.get((self.0 - EXTRA_BASE) as usize).and_then(OnceLock::get).unwrap_or(&UNDEFINED);
        }
        &rows()[self.0 as usize]
    }

    /// The code as written (`"036"`).
    pub fn as_str(self) -> &'static str {
        self.row().code
    }

    /// The CAMEO 1.1b3 name ("Express intent to meet or negotiate").
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The Goldstein conflict–cooperation value, −10 to +10.
    pub fn goldstein(self) -> f32 {
        self.row().goldstein
    }

    /// The two-digit root ("cue category").
    pub fn root(self) -> CameoCode {
        self.prefix(2)
    }

    /// The three-digit base code (the code itself for roots and base codes).
    pub fn base(self) -> CameoCode {
        self.prefix(3)
    }

    fn prefix(self, n: usize) -> CameoCode {
        let s = self.as_str();
        if s.len() <= n {
            return self;
        }
        // Every prefix of a table code is itself in the table (a defined code's may not be)
        s.get(..n).and_then(|p| CameoCode::parse(p).ok()).unwrap_or(self)
    }

    /// The root as a number, 1 to 20.
    pub fn root_number(self) -> u8 {
        self.as_str().get(..2).and_then(|r| r.parse().ok()).unwrap_or(0)
    }

    /// Whether `self` is `other` or one of its descendants.
    pub fn is_within(self, other: CameoCode) -> bool {
        self.as_str().starts_with(other.as_str())
    }

    /// What political reform the code asks for, grants or protests for, as CAMEO numbers
    /// it in its reform families (appeal 024x, demand 104x, accede 083x): 1 a change in
    /// leadership, 2 a policy change, 3 rights, 4 a change in institutions or regime. A
    /// bare appeal or demand for reform (024, 104) asks for a policy change.
    ///
    /// Protests take the same aims as their fourth digit ([`CameoCode::with_aim`]):
    /// a demonstration demanding a leader's resignation is 1411.
    ///
    /// ```
    /// use attache_ontology::CameoCode;
    /// assert_eq!(CameoCode::parse("1041").unwrap().reform_aim(), Some(1));
    /// assert_eq!(CameoCode::parse("0834").unwrap().reform_aim(), Some(4));
    /// assert_eq!(CameoCode::parse("104").unwrap().reform_aim(), Some(2));
    /// assert_eq!(CameoCode::parse("190").unwrap().reform_aim(), None);
    /// ```
    pub fn reform_aim(self) -> Option<u8> {
        let s = self.as_str();
        match s.get(..3)? {
            "024" | "104" | "083" if s.len() == 4 => s[3..].parse().ok().filter(|d| (1..=4).contains(d)),
            "024" | "104" if s.len() == 3 => Some(2),
            _ => None,
        }
    }

    /// A protest code (141 demonstrate, 142 hunger strike, 143 strike or boycott, 144
    /// obstruct, 145 violent protest) refined by the reform it is for
    /// ([`CameoCode::reform_aim`]); `None` for other codes and aims.
    ///
    /// ```
    /// use attache_ontology::CameoCode;
    /// assert_eq!(CameoCode::parse("142").unwrap().with_aim(1).unwrap().as_str(), "1421");
    /// assert!(CameoCode::parse("190").unwrap().with_aim(1).is_none());
    /// ```
    pub fn with_aim(self, aim: u8) -> Option<CameoCode> {
        let s = self.as_str();
        if !matches!(s, "141" | "142" | "143" | "144" | "145") || !(1..=4).contains(&aim) {
            return None;
        }
        CameoCode::parse(&format!("{s}{aim}")).ok()
    }

    /// Whether this is a two-digit root code.
    pub fn is_root(self) -> bool {
        self.as_str().len() == 2
    }

    /// QuadClass under the default (GDELT) rule.
    pub fn quad_class(self) -> QuadClass {
        QuadRule::Gdelt.quad_class(self)
    }

    /// The PLOVER event type, or `None` for CAMEO 01 (statements), which PLOVER drops.
    pub fn plover(self) -> Option<PloverType> {
        self.row().plover
    }

    /// The PLOVER mode, where the mapping gives one (`"expel"`, `"arrest"`).
    pub fn plover_mode(self) -> Option<&'static str> {
        self.row().plover_mode
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CameoCode {
    type Err = UnknownCameoCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CameoCode::parse(s)
    }
}

impl serde::Serialize for CameoCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CameoCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        CameoCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The four classes of the conflict–cooperation quad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// 1: statements, appeals, intentions, consultations.
    VerbalCooperation = 1,
    /// 2: material cooperation and aid.
    MaterialCooperation = 2,
    /// 3: demands, disapproval, rejection, threats.
    VerbalConflict = 3,
    /// 4: coercion, force, violence.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The class number, 1 to 4.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The class name as GDELT writes it.
    pub fn name(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "Verbal Cooperation",
            QuadClass::MaterialCooperation => "Material Cooperation",
            QuadClass::VerbalConflict => "Verbal Conflict",
            QuadClass::MaterialConflict => "Material Conflict",
        }
    }
}

impl serde::Serialize for QuadClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

/// How CAMEO roots are grouped into QuadClasses. The datasets disagree on roots 09, 14
/// and 16; attache uses [`QuadRule::Gdelt`] unless told otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuadRule {
    /// GDELT lookup: 01–05 / 06–09 / 10–14 / 15–20.
    #[default]
    Gdelt,
    /// ICEWS R package: 01–05 / 06–08 / 09–13 / 14–20.
    Icews,
    /// Phoenix, without its neutral class (01–02 counted as verbal cooperation):
    /// 01–05 / 06–08 / 09–13 and 16 / 14, 15, 17–20.
    Phoenix,
}

impl QuadRule {
    /// The class of `code` under this rule.
    pub fn quad_class(self, code: CameoCode) -> QuadClass {
        let r = code.root_number();
        use QuadClass::*;
        match self {
            QuadRule::Gdelt => match r {
                1..=5 => VerbalCooperation,
                6..=9 => MaterialCooperation,
                10..=14 => VerbalConflict,
                _ => MaterialConflict,
            },
            QuadRule::Icews => match r {
                1..=5 => VerbalCooperation,
                6..=8 => MaterialCooperation,
                9..=13 => VerbalConflict,
                _ => MaterialConflict,
            },
            QuadRule::Phoenix => match r {
                1..=5 => VerbalCooperation,
                6..=8 => MaterialCooperation,
                9..=13 | 16 => VerbalConflict,
                _ => MaterialConflict,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_level() {
        let all: Vec<_> = CameoCode::all().collect();
        assert_eq!(all.iter().filter(|c| c.is_root()).count(), 20);
        assert!(all.len() >= 310, "{}", all.len());
        for c in all {
            assert!(c.goldstein().is_finite(), "{c}");
            assert!(c.root().is_root());
            assert!(c.is_within(c.root()));
        }
    }

    #[test]
    fn known_values() {
        let c = CameoCode::parse("036").unwrap();
        assert_eq!(c.goldstein(), 4.0);
        assert_eq!(c.plover(), Some(PloverType::Agree));
        assert_eq!(CameoCode::parse("011").unwrap().plover(), None);
        assert_eq!(CameoCode::parse("173").unwrap().plover_mode(), Some("arrest"));
        // 1214 has no value in any source: it takes 121's.
        assert_eq!(CameoCode::parse("1214").unwrap().goldstein(), CameoCode::parse("121").unwrap().goldstein());
    }

    #[test]
    fn plover_manual_over_the_draft_table() {
        let plover = |c: &str| CameoCode::parse(c).unwrap().plover();
        // announced concessions are CONCEDE, carried-out ones RETREAT
        for c in ["0351", "0356", "081", "0813", "0814"] {
            assert_eq!(plover(c), Some(PloverType::Concede), "{c}");
        }
        for c in ["0841", "087", "0871", "0874"] {
            assert_eq!(plover(c), Some(PloverType::Retreat), "{c}");
        }
        assert_eq!(plover("116"), Some(PloverType::Sanction));
        assert_eq!(plover("163"), Some(PloverType::Sanction));
    }

    #[test]
    fn quad_rules_disagree_where_documented() {
        let protest = CameoCode::parse("141").unwrap();
        assert_eq!(QuadRule::Gdelt.quad_class(protest), QuadClass::VerbalConflict);
        assert_eq!(QuadRule::Icews.quad_class(protest), QuadClass::MaterialConflict);
        let investigate = CameoCode::parse("090").unwrap();
        assert_eq!(QuadRule::Gdelt.quad_class(investigate), QuadClass::MaterialCooperation);
        assert_eq!(QuadRule::Icews.quad_class(investigate), QuadClass::VerbalConflict);
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["", "42", "1", "99", "0000", "abc", "16a"] {
            assert!(CameoCode::parse(bad).is_err(), "{bad}");
        }
    }
}
