//! GDELT 2.0 events: 61 tab-separated columns, no header, one de-duplicated event a row.
//!
//! Filled as a text-only coder can (see FORMATS.md, "fill" column):
//!
//! * `GlobalEventID`: the store's event id (numeric, stable for the store's life);
//! * `Day`, `FractionDate` when the text dates the event to the day; `MonthYear` to the
//!   month; `Year` always when dated (GDELT itself falls back to the publication date,
//!   which the JSON record keeps in `date.source`);
//! * the ten fields of each actor from its CAMEO code: country (a country or region
//!   code first), known group (an organisation code after `IGO`/`NGO`...), up to three
//!   type codes (`GOV`, `MIL`, and `IGO`-like first codes); `Actor1Name` is the text that
//!   named the actor, upper-cased as GDELT does; ethnic and religion codes stay empty;
//! * `IsRootEvent`: 1 when the first report's sentence is among the first three of its
//!   document (the lead);
//! * `EventCode`, `EventBaseCode`, `EventRootCode` (a bare root code `04` is written
//!   `040`, as GDELT does), `QuadClass`, `GoldsteinScale`;
//! * `NumMentions`, `NumSources`, `NumArticles` from cross-story de-duplication;
//! * `ActionGeo_FullName` when the text names the place; other geography needs a
//!   gazetteer and stays empty, as does `AvgTone` (no tone model);
//! * `DATEADDED` (when the event entered the store, UTC) and `SOURCEURL` (the first
//!   document's URL, else its id).

use std::io::Write;

use attache_ontology::{CameoCode, CountryKind, country_kind, country_name, sector_meaning};
use chrono::{Datelike, NaiveDate};

use super::{EventExport, parts, text, tsv};
use crate::StoreError;

/// The number of columns.
pub const COLUMNS: usize = 61;

/// Codes that say what kind of actor it is (GDELT's Type codes); any other code after the
/// first is a known group (`UNO`, `AMN`, ...).
const TYPE_CODES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "PTY", "AGR", "BUS", "CRM", "CVL", "DEV",
    "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM",
    "NGO", "UIS",
];

/// The ten GDELT fields of an actor: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
/// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
fn actor(code: &str, name: &str) -> [String; 10] {
    let mut f: [String; 10] = Default::default();
    if code.is_empty() {
        return f;
    }
    let ps = parts(code);
    let primary = ps.first().copied().unwrap_or("");
    f[0] = code.to_string();
    let kind = country_kind(primary);
    if matches!(kind, Some(CountryKind::Country | CountryKind::Region | CountryKind::Historical | CountryKind::Other)) {
        f[2] = primary.to_string();
    }
    let mut types = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        if TYPE_CODES.contains(p) {
            types.push(*p);
        } else if i > 0 && f[3].is_empty() {
            f[3] = p.to_string();
        }
    }
    for (slot, t) in types.into_iter().take(3).enumerate() {
        f[7 + slot] = t.to_string();
    }
    // no words named the actor: the known group's name, else the country's
    let name = if name.trim().is_empty() {
        let group = sector_meaning(&f[3]).map(|m| m.split(['(', ':']).next().unwrap_or(m).trim());
        group.or(country_name(&f[2])).unwrap_or("")
    } else {
        name
    };
    f[1] = tsv(&name.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase());
    f
}

/// GDELT's form of a CAMEO code: a bare root (`04`) is `040`.
fn gdelt_code(code: &str) -> String {
    if code.len() == 2 { format!("{code}0") } else { code.to_string() }
}

/// The 61 fields of an event.
pub fn fields(e: &EventExport) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(COLUMNS);
    f.push(e.id.to_string());
    let day = (e.granularity.as_deref() == Some("day"))
        .then(|| NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").ok())
        .flatten();
    let month = e.date.get(..7).filter(|_| matches!(e.granularity.as_deref(), Some("day" | "month")));
    let year = e.date.get(..4).filter(|_| e.granularity.is_some());
    f.push(day.map(|d| d.format("%Y%m%d").to_string()).unwrap_or_default());
    f.push(month.map(|m| m.replace('-', "")).unwrap_or_default());
    f.push(year.unwrap_or("").to_string());
    f.push(day.map(|d| format!("{:.4}", d.year() as f64 + d.ordinal() as f64 / 365.0)).unwrap_or_default());
    f.extend(actor(&e.source, text(&e.record, &["source", "text"])));
    f.extend(actor(&e.target, text(&e.record, &["target", "text"])));
    f.push(if e.sentence < 3 { "1" } else { "0" }.to_string());
    let code = CameoCode::parse(&e.cameo).ok();
    f.push(gdelt_code(&e.cameo));
    f.push(code.map(|c| gdelt_code(c.base().as_str())).unwrap_or_default());
    f.push(code.map(|c| c.root().as_str().to_string()).unwrap_or_default());
    f.push(e.quad.to_string());
    f.push(format!("{:.1}", e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(String::new()); // AvgTone: no tone model
    f.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
    let place = text(&e.record, &["location", "name"]);
    f.push(String::new()); // ActionGeo_Type
    f.push(tsv(place));
    f.extend(std::iter::repeat_n(String::new(), 6)); // ActionGeo_CountryCode (FIPS) .. FeatureID
    f.push(e.added.clone());
    f.push(tsv(e.url.as_deref().filter(|u| !u.is_empty()).unwrap_or(&e.doc_id)));
    debug_assert_eq!(f.len(), COLUMNS);
    f
}

pub(crate) fn write_row(out: &mut dyn Write, e: &EventExport) -> Result<bool, StoreError> {
    out.write_all(fields(e).join("\t").as_bytes())?;
    out.write_all(b"\n")?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_fields() {
        let f = actor("RUSGOVMIL", "the Russian  army");
        assert_eq!(f[0], "RUSGOVMIL");
        assert_eq!(f[1], "THE RUSSIAN ARMY");
        assert_eq!(f[2], "RUS");
        assert_eq!(f[3], "");
        assert_eq!(&f[7..], ["GOV", "MIL", ""]);
        let f = actor("IGOUNO", "");
        assert_eq!((f[1].as_str(), f[2].as_str(), f[3].as_str(), f[7].as_str()), ("UNITED NATIONS", "", "UNO", "IGO"));
        assert_eq!(actor("DEU", "")[1], "GERMANY");
        assert_eq!(actor("", "x"), <[String; 10]>::default());
        assert_eq!(gdelt_code("04"), "040");
        assert_eq!(gdelt_code("1661"), "1661");
    }
}
