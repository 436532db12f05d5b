//! ICEWS coded event data: 20 tab-separated columns with a header, one de-duplicated
//! event a row.
//!
//! Names are ICEWS-style readable names: the words that named the actor (else its
//! country's name); sectors are the names of the sector codes (`GOV` → `Government`),
//! comma-separated; countries are country names. `Sentence Number` is 1-based, as in
//! ICEWS. `Intensity` is the Goldstein value of the code (ICEWS's own intensity scale
//! differs for a few codes). Location fields other than the country need a gazetteer
//! and stay empty.

use std::io::Write;

use attache_ontology::{CameoCode, country_name, sector_meaning};

use super::{EventExport, parts, text, tsv};
use crate::StoreError;

/// The header, in order.
pub const HEADER: [&str; 20] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
];

pub(crate) fn write_header(out: &mut dyn Write) -> Result<(), StoreError> {
    out.write_all(HEADER.join("\t").as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Name, sectors and country of an actor.
fn actor(code: &str, words: &str) -> [String; 3] {
    if code.is_empty() {
        return Default::default();
    }
    let ps = parts(code);
    let country = ps.first().and_then(|p| country_name(p)).unwrap_or("");
    let name = if words.trim().is_empty() { country } else { words };
    let sectors: Vec<&str> = ps[1..]
        .iter()
        .filter_map(|p| sector_meaning(p))
        .map(|m| m.split([':', '(', ',']).next().unwrap_or(m).trim())
        .collect();
    [tsv(&name.split_whitespace().collect::<Vec<_>>().join(" ")), tsv(&sectors.join(",")), country.to_string()]
}

/// The 20 fields of an event.
pub fn fields(e: &EventExport) -> Vec<String> {
    let [sn, ss, sc] = actor(&e.source, text(&e.record, &["source", "text"]));
    let [tn, ts, tc] = actor(&e.target, text(&e.record, &["target", "text"]));
    let name = CameoCode::parse(&e.cameo).map(|c| c.name()).unwrap_or("");
    let place_country = country_name(text(&e.record, &["location", "country"])).unwrap_or("");
    vec![
        e.id.to_string(),
        e.date.clone(),
        sn,
        ss,
        sc,
        tsv(name),
        e.cameo.clone(),
        format!("{:.1}", e.goldstein),
        tn,
        ts,
        tc,
        tsv(&e.doc_id),
        (e.sentence + 1).to_string(),
        tsv(e.outlet.as_deref().unwrap_or("")),
        String::new(),
        String::new(),
        String::new(),
        place_country.to_string(),
        String::new(),
        String::new(),
    ]
}

pub(crate) fn write_row(out: &mut dyn Write, e: &EventExport) -> Result<bool, StoreError> {
    out.write_all(fields(e).join("\t").as_bytes())?;
    out.write_all(b"\n")?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn actor_names_and_sectors() {
        let [n, s, c] = super::actor("FRAGOVMIL", "");
        assert_eq!((n.as_str(), s.as_str(), c.as_str()), ("France", "Government,Military", "France"));
        let [n, _, _] = super::actor("RUS", "Moscow");
        assert_eq!(n, "Moscow");
    }
}
