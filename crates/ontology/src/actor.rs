//! CAMEO actor codes.

use std::fmt;

/// Three upper-case ASCII letters: a country, organisation or sector code (`RUS`, `UNO`,
/// `GOV`), or `---` for "no country known".
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code3([u8; 3]);

impl Code3 {
    /// The placeholder for an actor whose country is unknown (`---GOV`: "a government").
    pub const UNKNOWN: Code3 = Code3(*b"---");

    /// Parses three upper-case letters (or `---`).
    ///
    /// ```
    /// use attache_ontology::Code3;
    /// assert_eq!(Code3::new("GOV").unwrap().as_str(), "GOV");
    /// assert!(Code3::new("gov").is_none());
    /// assert!(Code3::new("GOVT").is_none());
    /// ```
    pub fn new(s: &str) -> Option<Code3> {
        let b = s.as_bytes();
        if b.len() != 3 {
            return None;
        }
        let ok = b.iter().all(|c| c.is_ascii_uppercase()) || b == b"---";
        ok.then(|| Code3([b[0], b[1], b[2]]))
    }

    /// The code as a string.
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Whether this is the unknown-country placeholder `---`.
    pub fn is_unknown(&self) -> bool {
        *self == Code3::UNKNOWN
    }
}

impl fmt::Debug for Code3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Code3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Up to this many three-letter parts make an actor code (`IGOEUREEC` has three).
const MAX_PARTS: usize = 5;

/// A CAMEO actor code: a primary code (country, region or international actor such as
/// `IGO`) followed by up to four more three-letter codes (organisation, sectors).
///
/// `RUSGOV` is the Russian government, `FRAMED` French media, `IGOUNO` the United Nations,
/// `---GOV` a government of unknown country. The value is `Copy` and compares by its parts.
///
/// ```
/// use attache_ontology::ActorCode;
/// let a: ActorCode = "RUSGOV".parse().unwrap();
/// assert_eq!(a.primary().as_str(), "RUS");
/// assert!(a.has_sector("GOV"));
/// assert_eq!(a.with_sector("MIL").to_string(), "RUSGOVMIL");
/// assert!("RUSG".parse::<ActorCode>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode {
    parts: [Code3; MAX_PARTS],
    len: u8,
}

/// Why a string is not an actor code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActorCodeError {
    /// The length is not a multiple of three between 3 and 15.
    #[error("`{0}` is not an actor code: expected 3 to 15 upper-case letters in groups of three (RUS, RUSGOV, IGOUNO)")]
    Length(String),
    /// A part is not three upper-case letters.
    #[error("`{0}` is not an actor code: `{1}` is not three upper-case letters")]
    Part(String, String),
}

impl ActorCode {
    /// An actor code of only a primary code (a country: `FRA`).
    pub fn new(primary: Code3) -> ActorCode {
        ActorCode { parts: [primary, Code3::UNKNOWN, Code3::UNKNOWN, Code3::UNKNOWN, Code3::UNKNOWN], len: 1 }
    }

    /// Parses a concatenated code (`"RUSGOV"`, `"---MIL"`).
    pub fn parse(s: &str) -> Result<ActorCode, ActorCodeError> {
        let s = s.trim();
        if s.is_empty() || !s.len().is_multiple_of(3) || s.len() > 3 * MAX_PARTS || !s.is_ascii() {
            return Err(ActorCodeError::Length(s.to_string()));
        }
        let mut code = ActorCode::new(Code3::UNKNOWN);
        code.len = 0;
        for (i, chunk) in s.as_bytes().chunks(3).enumerate() {
            let part = std::str::from_utf8(chunk).unwrap_or("");
            let c = Code3::new(part).ok_or_else(|| ActorCodeError::Part(s.to_string(), part.to_string()))?;
            if i > 0 && c.is_unknown() {
                return Err(ActorCodeError::Part(s.to_string(), part.to_string()));
            }
            code.parts[i] = c;
            code.len += 1;
        }
        Ok(code)
    }

    /// The first part: a country, region or international code, or `---`.
    pub fn primary(&self) -> Code3 {
        self.parts[0]
    }

    /// The parts after the primary one (organisation and sector codes).
    pub fn rest(&self) -> &[Code3] {
        &self.parts[1..self.len as usize]
    }

    /// All parts.
    pub fn parts(&self) -> &[Code3] {
        &self.parts[..self.len as usize]
    }

    /// Whether the code has no country (`---GOV`).
    pub fn is_countryless(&self) -> bool {
        self.primary().is_unknown()
    }

    /// Whether a part after the primary one is `sector`.
    pub fn has_sector(&self, sector: &str) -> bool {
        self.rest().iter().any(|p| p.as_str() == sector)
    }

    /// The code with `sector` appended, unless it is already there or the code is full.
    pub fn with_sector(&self, sector: &str) -> ActorCode {
        let mut c = *self;
        if let Some(s) = Code3::new(sector)
            && !c.has_sector(sector)
            && (c.len as usize) < MAX_PARTS
        {
            c.parts[c.len as usize] = s;
            c.len += 1;
        }
        c
    }

    /// The code with its primary part replaced (`---GOV` + `POL` → `POLGOV`).
    pub fn with_primary(&self, primary: Code3) -> ActorCode {
        let mut c = *self;
        c.parts[0] = primary;
        c
    }

    /// The code without its sector parts after the primary one.
    pub fn country_only(&self) -> ActorCode {
        ActorCode::new(self.primary())
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in self.parts() {
            f.write_str(p.as_str())?;
        }
        Ok(())
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActorCode({self})")
    }
}

impl std::str::FromStr for ActorCode {
    type Err = ActorCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorCode::parse(s)
    }
}

impl serde::Serialize for ActorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in ["FRA", "RUSGOV", "IGOEUREEC", "---GOV", "GBRGOVMIL"] {
            assert_eq!(ActorCode::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects() {
        for s in ["", "FR", "FRAG", "fra", "FRA---", "ABCDEFGHIJKLMNOPQR", "FRÉ"] {
            assert!(ActorCode::parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn sectors() {
        let c = ActorCode::parse("---GOV").unwrap();
        assert!(c.is_countryless());
        let p = c.with_primary(Code3::new("POL").unwrap());
        assert_eq!(p.to_string(), "POLGOV");
        assert_eq!(p.with_sector("GOV"), p);
        assert_eq!(p.country_only().to_string(), "POL");
    }
}
