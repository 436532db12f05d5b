//! PLOVER/POLECAT JSON lines: one de-duplicated event a line, in the record fields of the
//! PLOVER manual (`id`, `date`, `actor`, `recipient`, `event`, `mode`, `context`,
//! `quad_code`, `event_text`, `event_loc`, `text`, `text_info`, `cite_info`).
//!
//! Events of CAMEO 01 and 02 (statements, appeals) have no PLOVER type (PLOVER drops
//! them) and are left out. Actor sectors follow PLOVER's renaming of CAMEO's (`MED`
//! media → `JRN`, `HLH` health → `MED`, `INS`/`SEP` → `REB`). What PLOVER has no field
//! for (the CAMEO code, Goldstein value, GDELT counts, the GlobalEventID) is under
//! `attache`.

use std::io::Write;

use attache_ontology::{PloverType, country_name};
use serde_json::{Value, json};

use super::{EventExport, parts, text};
use crate::StoreError;

/// PLOVER's sector code for a CAMEO one.
fn sector(code: &str) -> &str {
    match code {
        "MED" => "JRN",
        "HLH" => "MED",
        "INS" | "SEP" => "REB",
        c => c,
    }
}

fn entity(code: &str, words: &str) -> Vec<Value> {
    if code.is_empty() {
        return vec![];
    }
    let ps = parts(code);
    let primary = ps.first().copied().unwrap_or("");
    let sectors: Vec<&str> = ps[1..].iter().map(|p| sector(p)).collect();
    vec![json!({
        "code": primary,
        "country_name": country_name(primary),
        "sector": sectors,
        "entity_text": words,
        "actor_code": code,
    })]
}

/// The PLOVER record of an event, or `None` for a code PLOVER drops.
pub fn record(e: &EventExport) -> Option<Value> {
    let r = &e.record;
    let kind = PloverType::parse(text(r, &["plover", "type"]))?;
    let mode: Vec<&str> = r["plover"]["mode"].as_str().into_iter().collect();
    let mention = &r["mentions"][0];
    let place = r["location"].is_object().then(|| {
        json!({
            "extracted_place": text(r, &["location", "name"]),
            "country_code": text(r, &["location", "country"]),
        })
    });
    Some(json!({
        "id": format!("attache-{}", e.id),
        "has_event": true,
        "date": e.date,
        "actor": entity(&e.source, text(r, &["source", "text"])),
        "recipient": entity(&e.target, text(r, &["target", "text"])),
        "event": [kind.as_str()],
        "mode": mode,
        "context": [],
        "quad_code": kind.quad_code(),
        "event_text": [text(r, &["trigger"])],
        "event_loc": place,
        "text": text(r, &["evidence"]),
        "text_info": {
            "sequence": e.sentence,
            "start": mention["span"]["start"],
            "end": mention["span"]["end"],
        },
        "cite_info": {
            "citation": e.doc_id,
            "url": e.url,
            "title": e.title,
            "publication": e.outlet,
            "coder": "attache",
            "version": env!("CARGO_PKG_VERSION"),
            "codebook": "CAMEO 1.1b3 coded, mapped to PLOVER by CAMEO2PLOVER",
        },
        "coded_date": e.added.get(..8).map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8])),
        "attache": {
            "global_event_id": e.id,
            "cameo": e.cameo,
            "goldstein": e.goldstein,
            "date_granularity": e.granularity,
            "date_source": r["date"]["source"],
            "num_mentions": e.num_mentions,
            "num_sources": e.num_sources,
            "num_articles": e.num_articles,
        },
    }))
}

pub(crate) fn write_row(out: &mut dyn Write, e: &EventExport) -> Result<bool, StoreError> {
    let Some(v) = record(e) else { return Ok(false) };
    serde_json::to_writer(&mut *out, &v).map_err(|e| StoreError::Io(e.into()))?;
    out.write_all(b"\n")?;
    Ok(true)
}
