//! CSV and JSONL exports: the same records `attache code` writes, one reported event a
//! row, in ingestion order.
//!
//! JSONL is the stored record itself. CSV rebuilds `attache code --format csv`'s row from
//! it (the record is the contract, so nothing is lost); a test checks both writers agree.

use std::io::Write;

use serde_json::Value;

use super::{ReportExport, text};
use crate::StoreError;

pub(crate) fn write_jsonl(out: &mut dyn Write, r: &ReportExport) -> Result<bool, StoreError> {
    out.write_all(r.record.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(true)
}

/// The CSV row of a stored record, in the columns of [`attache_io::write::CSV_COLUMNS`].
pub fn csv_row(record: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(record).unwrap_or_default();
    let s = |path: &[&str]| text(&v, path).to_string();
    let flag = |name: &str| v["modality"][name].as_bool().unwrap_or(false).to_string();
    let f32_of = |path: &str| v[path].as_f64().unwrap_or(0.0) as f32;
    let location = match (&v["location"]["name"], &v["location"]["country"]) {
        (Value::String(n), Value::String(c)) => format!("{n} ({c})"),
        _ => String::new(),
    };
    let attribution = v["attribution"]
        .as_array()
        .map(|a| a.iter().map(|x| x["code"].as_str().unwrap_or("")).collect::<Vec<_>>().join(";"))
        .unwrap_or_default();
    vec![
        s(&["doc_id"]),
        s(&["id"]),
        s(&["date", "value"]),
        s(&["date", "source"]),
        s(&["source", "code"]),
        s(&["source", "text"]),
        s(&["cameo"]),
        s(&["cameo_name"]),
        s(&["target", "code"]),
        s(&["target", "text"]),
        s(&["plover", "type"]),
        s(&["plover", "mode"]),
        format!("{}", f32_of("goldstein")),
        v["quad_class"].as_u64().unwrap_or(0).to_string(),
        flag("negated"),
        flag("hypothetical"),
        flag("future"),
        flag("hedged"),
        flag("secret"),
        attribution,
        location,
        s(&["reciprocates"]),
        format!("{:.2}", f32_of("confidence")),
        s(&["trigger"]),
        s(&["evidence"]),
    ]
}
