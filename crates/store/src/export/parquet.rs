//! Apache Parquet: one reported event a row, typed columns, snappy-compressed, written in
//! row groups of [`ROWS_PER_BATCH`] so that memory stays flat (`parquet` feature).
//!
//! The schema (the README lists it too; `bench/check_parquet.py` checks a file against it):
//!
//! | column | type | |
//! |---|---|---|
//! | `global_event_id` | int64, null | the de-duplicated event (null: negated or hypothetical) |
//! | `doc_id`, `event_id` | string | |
//! | `sentence` | int32 | index of the first mention's sentence |
//! | `date` | string | `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, empty when undated |
//! | `date_granularity` | string, null | `day`, `month`, `year` |
//! | `day` | date32, null | the date, when given to the day |
//! | `date_source` | string | `text`, `inherited`, `publication`, `unresolved`, `none` |
//! | `source_code`, `source_text`, `source_country` | string | |
//! | `cameo`, `cameo_name`, `root` | string | |
//! | `target_code`, `target_text`, `target_country` | string | empty when no target |
//! | `plover_type`, `plover_mode` | string, null | |
//! | `goldstein` | float32 | |
//! | `quad_class` | int8 | 1–4 |
//! | `negated`, `hypothetical`, `future`, `hedged`, `secret` | bool | |
//! | `confidence` | float32 | |
//! | `num_mentions`, `num_sources`, `num_articles` | int32, null | of the de-duplicated event |
//! | `url`, `outlet`, `title` | string, null | of the document |
//! | `publication_date` | date32, null | of the document |
//! | `trigger`, `evidence` | string | |

use std::io::Write;
use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Float32Builder, Int8Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use super::{ReportExport, text};
use crate::{Filter, Store, StoreError};

/// Rows per row group.
pub const ROWS_PER_BATCH: usize = 8192;

/// The schema, in column order.
pub fn schema() -> Schema {
    use DataType::*;
    let s = |n: &str| Field::new(n, Utf8, false);
    let sn = |n: &str| Field::new(n, Utf8, true);
    let b = |n: &str| Field::new(n, Boolean, false);
    Schema::new(vec![
        Field::new("global_event_id", Int64, true),
        s("doc_id"),
        s("event_id"),
        Field::new("sentence", Int32, false),
        s("date"),
        sn("date_granularity"),
        Field::new("day", Date32, true),
        s("date_source"),
        s("source_code"),
        s("source_text"),
        s("source_country"),
        s("cameo"),
        s("cameo_name"),
        s("root"),
        s("target_code"),
        s("target_text"),
        s("target_country"),
        sn("plover_type"),
        sn("plover_mode"),
        Field::new("goldstein", Float32, false),
        Field::new("quad_class", Int8, false),
        b("negated"),
        b("hypothetical"),
        b("future"),
        b("hedged"),
        b("secret"),
        Field::new("confidence", Float32, false),
        Field::new("num_mentions", Int32, true),
        Field::new("num_sources", Int32, true),
        Field::new("num_articles", Int32, true),
        sn("url"),
        sn("outlet"),
        sn("title"),
        Field::new("publication_date", Date32, true),
        s("trigger"),
        s("evidence"),
    ])
}

/// Days from 1970-01-01, Arrow's date32.
fn date32(s: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some((d - NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days() as i32)
}

#[derive(Default)]
struct Columns {
    global_event_id: Int64Builder,
    strings: Vec<StringBuilder>,
    sentence: Int32Builder,
    day: Date32Builder,
    goldstein: Float32Builder,
    quad: Int8Builder,
    flags: Vec<BooleanBuilder>,
    confidence: Float32Builder,
    counts: Vec<Int32Builder>,
    publication_date: Date32Builder,
    rows: usize,
}

/// String columns in the order they are pushed (see `push`).
const STRINGS: usize = 21;
const FLAGS: [&str; 5] = ["negated", "hypothetical", "future", "hedged", "secret"];

impl Columns {
    fn new() -> Columns {
        Columns {
            strings: (0..STRINGS).map(|_| StringBuilder::new()).collect(),
            flags: (0..FLAGS.len()).map(|_| BooleanBuilder::new()).collect(),
            counts: (0..3).map(|_| Int32Builder::new()).collect(),
            ..Columns::default()
        }
    }

    fn push(&mut self, r: &ReportExport) {
        let v: Value = serde_json::from_str(&r.record).unwrap_or_default();
        let t = |path: &[&str]| text(&v, path).to_string();
        let opt = |path: &[&str]| Some(t(path)).filter(|s| !s.is_empty());
        let strings: [Option<String>; STRINGS] = [
            Some(t(&["doc_id"])),
            Some(t(&["id"])),
            Some(t(&["date", "value"])),
            opt(&["date", "granularity"]),
            Some(t(&["date", "source"])),
            Some(t(&["source", "code"])),
            Some(t(&["source", "text"])),
            Some(t(&["source", "country"])),
            Some(t(&["cameo"])),
            Some(t(&["cameo_name"])),
            Some(t(&["root"])),
            Some(t(&["target", "code"])),
            Some(t(&["target", "text"])),
            Some(t(&["target", "country"])),
            opt(&["plover", "type"]),
            opt(&["plover", "mode"]),
            r.url.clone(),
            r.outlet.clone(),
            r.title.clone(),
            Some(t(&["trigger"])),
            Some(t(&["evidence"])),
        ];
        for (b, s) in self.strings.iter_mut().zip(strings) {
            b.append_option(s);
        }
        self.global_event_id.append_option(r.event);
        self.sentence.append_value(v["sentence"].as_i64().unwrap_or(0) as i32);
        let day = (text(&v, &["date", "granularity"]) == "day").then(|| date32(text(&v, &["date", "value"]))).flatten();
        self.day.append_option(day);
        self.goldstein.append_value(v["goldstein"].as_f64().unwrap_or(0.0) as f32);
        self.quad.append_value(v["quad_class"].as_i64().unwrap_or(0) as i8);
        for (b, f) in self.flags.iter_mut().zip(FLAGS) {
            b.append_value(v["modality"][f].as_bool().unwrap_or(false));
        }
        self.confidence.append_value(v["confidence"].as_f64().unwrap_or(0.0) as f32);
        let counts = r.counts.map(|(m, s, a)| [m, s, a]);
        for (i, b) in self.counts.iter_mut().enumerate() {
            b.append_option(counts.map(|c| c[i] as i32));
        }
        self.publication_date.append_option(r.published.as_deref().and_then(date32));
        self.rows += 1;
    }

    /// The arrays in schema order; the builders are emptied.
    fn finish(&mut self) -> Vec<ArrayRef> {
        let mut s: Vec<ArrayRef> = self.strings.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef).collect();
        let mut take = || s.remove(0);
        let mut f: Vec<ArrayRef> = self.flags.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef).collect();
        let mut c: Vec<ArrayRef> = self.counts.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef).collect();
        self.rows = 0;
        let mut out: Vec<ArrayRef> = vec![Arc::new(self.global_event_id.finish())];
        out.push(take()); // doc_id
        out.push(take()); // event_id
        out.push(Arc::new(self.sentence.finish()));
        out.push(take()); // date
        out.push(take()); // date_granularity
        out.push(Arc::new(self.day.finish()));
        for _ in 0..12 {
            out.push(take()); // date_source .. plover_mode
        }
        out.push(Arc::new(self.goldstein.finish()));
        out.push(Arc::new(self.quad.finish()));
        out.append(&mut f);
        out.push(Arc::new(self.confidence.finish()));
        out.append(&mut c);
        for _ in 0..3 {
            out.push(take()); // url, outlet, title
        }
        out.push(Arc::new(self.publication_date.finish()));
        out.push(take()); // trigger
        out.push(take()); // evidence
        out
    }
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(std::io::Error::other(e.to_string()))
}

pub(crate) fn write(store: &Store, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<u64, StoreError> {
    let schema = Arc::new(schema());
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(err)?;
    let mut cols = Columns::new();
    let flush = |cols: &mut Columns, writer: &mut ArrowWriter<&mut (dyn Write + Send)>| -> Result<(), StoreError> {
        let batch = RecordBatch::try_new(schema.clone(), cols.finish()).map_err(err)?;
        writer.write(&batch).map_err(err)
    };
    let n = store.each_report(filter, &mut |r| {
        cols.push(r);
        if cols.rows >= ROWS_PER_BATCH {
            flush(&mut cols, &mut writer)?;
        }
        Ok(true)
    })?;
    if cols.rows > 0 || n == 0 {
        flush(&mut cols, &mut writer)?;
    }
    writer.close().map_err(err)?;
    Ok(n)
}
