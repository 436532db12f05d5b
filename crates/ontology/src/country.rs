//! Country, region and international primary codes, and sector codes.

use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const EXTRA: &str = include_str!("../data/extra-primary.tsv");
const SECTORS: &str = include_str!("../data/sectors.tsv");

/// What a primary code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryKind {
    /// A country or territory (`FRA`).
    Country,
    /// A CAMEO region (`WST`, `EUR` as Europe).
    Region,
    /// A generic international first-position code (`IGO`, `NGO`, `IMG`).
    International,
    /// Another place code used by GDELT (`WSB`, `GZS`).
    Other,
    /// A state that no longer exists (`SUN`, `YUG`).
    Historical,
    /// A religious or ethnic group code used first when no country is given (`MOS`, `ABN`).
    Group,
}

fn countries() -> &'static HashMap<&'static str, (&'static str, CountryKind)> {
    static MAP: OnceLock<HashMap<&'static str, (&'static str, CountryKind)>> = OnceLock::new();
    MAP.get_or_init(|| {
        COUNTRIES
            .lines()
            .chain(EXTRA.lines())
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let code = f.next()?;
                let name = f.next()?.trim_matches('"');
                let kind = match f.next().unwrap_or("") {
                    k if k.starts_with("country") => CountryKind::Country,
                    k if k.starts_with("region") => CountryKind::Region,
                    k if k.starts_with("international") => CountryKind::International,
                    "historical" => CountryKind::Historical,
                    "group" => CountryKind::Group,
                    _ => CountryKind::Other,
                };
                Some((code, (name, kind)))
            })
            .collect()
    })
}

/// The English name of a primary code (`"FRA"` → `"France"`).
///
/// ```
/// assert_eq!(attache_ontology::country_name("DEU"), Some("Germany"));
/// assert_eq!(attache_ontology::country_name("XXX"), None);
/// ```
pub fn country_name(code: &str) -> Option<&'static str> {
    countries().get(code).map(|(n, _)| *n)
}

/// The kind of a primary code, if it is known.
pub fn country_kind(code: &str) -> Option<CountryKind> {
    countries().get(code).map(|(_, k)| *k)
}

/// Whether `code` may stand first in an actor code.
pub fn is_known_primary(code: &str) -> bool {
    code == "---" || countries().contains_key(code)
}

/// The meaning of a sector or organisation-type code (`"GOV"`), if it is in the table.
pub fn sector_meaning(code: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        SECTORS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?))
            })
            .collect()
    })
    .get(code)
    .copied()
}

/// Codes that different datasets use for the same place.
const SYNONYMS: [(&str, &str); 6] =
    [("PAL", "PSE"), ("ROM", "ROU"), ("MTN", "MNE"), ("TMP", "TLS"), ("ZAR", "COD"), ("KOS", "KSV")];

/// The canonical form of a primary code (ISO-style where two are in use).
fn canonical(code: &str) -> &str {
    SYNONYMS.iter().find(|(a, _)| *a == code).map_or(code, |(_, b)| b)
}

/// Whether two primary codes name the same place (`PSE` = `PAL`, `ROU` = `ROM`, ...).
///
/// ```
/// assert!(attache_ontology::same_country("ROM", "ROU"));
/// assert!(!attache_ontology::same_country("FRA", "DEU"));
/// ```
pub fn same_country(a: &str, b: &str) -> bool {
    canonical(a) == canonical(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(country_kind("FRA"), Some(CountryKind::Country));
        assert_eq!(country_kind("IGO"), Some(CountryKind::International));
        assert_eq!(country_kind("WST"), Some(CountryKind::Region));
        assert!(is_known_primary("---"));
        assert_eq!(sector_meaning("GOV").map(|m| m.starts_with("Government")), Some(true));
    }
}
