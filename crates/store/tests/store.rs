//! The store as a library: idempotence, cross-story de-duplication, exports, filters,
//! dyads, and the faults it must survive (a full disk, a locked database).

use std::path::PathBuf;

use attache_coder::{Coder, Document};
use attache_io::{Kind, Locator, Origin, OutputFormat, Skip, Writer};
use attache_store::{DyadOptions, ExportFormat, Filter, Interval, OpenOptions, Prepared, Store, StoreError, export};
use chrono::NaiveDate;

struct Db(PathBuf);

impl Db {
    fn new(name: &str) -> Db {
        let p = std::env::temp_dir().join(format!("attache-store-{}-{name}.db", std::process::id()));
        Db::remove(&p);
        Db(p)
    }

    fn remove(p: &std::path::Path) {
        for s in ["", "-wal", "-shm"] {
            std::fs::remove_file(format!("{}{s}", p.display())).ok();
        }
    }

    fn open(&self) -> Store {
        Store::open(&self.0, &OpenOptions::default()).unwrap()
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        Db::remove(&self.0);
    }
}

fn coder() -> &'static Coder {
    static C: std::sync::OnceLock<Coder> = std::sync::OnceLock::new();
    C.get_or_init(Coder::builtin)
}

fn prep(id: &str, text: &str, date: &str, outlet: &str) -> Prepared {
    let mut doc = Document::new(id, text).with_date(date);
    doc.outlet = Some(outlet.to_string());
    doc.url = Some(format!("https://{}/{id}", outlet.to_lowercase().replace(' ', "")));
    let origin = Origin {
        source: "test.jsonl".into(),
        locator: Locator::Line(1),
        kind: Kind::Jsonl,
        bytes: text.len() as u64,
        cut: 0,
    };
    Prepared::new(&doc, origin, coder().code(&doc))
}

const EXPEL: &str = "France expelled two Russian diplomats on Friday. Paris said the diplomats had spied.";

fn sample() -> Vec<Prepared> {
    vec![
        prep("a", EXPEL, "2021-02-06", "Le Monde"),
        // the same event the next day, told by another outlet, with other words
        prep("b", "On Friday, France expelled two Russian diplomats, officials said.", "2021-02-07", "Reuters"),
        // and by the first outlet again, in another article
        prep(
            "c",
            "Officials in Paris confirmed it: France expelled two Russian diplomats on Friday.",
            "2021-02-06",
            "le monde",
        ),
        // a week later: another expulsion
        prep("d", "France expelled two Russian diplomats on Friday.", "2021-02-13", "Reuters"),
        // a different event
        prep("e", "Germany criticized Poland on Monday. Russia did not expel French diplomats.", "2021-02-09", "DW"),
    ]
}

#[test]
fn reingesting_adds_nothing() {
    let db = Db::new("reingest");
    let mut store = db.open();
    let first = store.write_batch(&sample(), &[], "20210301000000").unwrap();
    assert_eq!(first.documents, 5);
    let counts = store.counts().unwrap();
    let dump = store.dump().unwrap();
    let again = store.write_batch(&sample(), &[], "20210302000000").unwrap();
    assert_eq!((again.documents, again.reports, again.events), (0, 0, 0));
    assert_eq!(again.present, 5);
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(store.dump().unwrap(), dump);
    drop(store);
    // and after reopening
    let mut store = db.open();
    store.write_batch(&sample(), &[], "20210303000000").unwrap();
    assert_eq!(store.dump().unwrap(), dump);
}

#[test]
fn the_same_event_told_by_several_outlets_is_one_event() {
    let db = Db::new("dedupe");
    let mut store = db.open();
    let o = store.write_batch(&sample(), &[], "20210301000000").unwrap();
    let fra_rus = Filter { actor: Some("FRA".into()), code: Some("161".into()), ..Filter::default() };
    let mut events = store.query(&fra_rus, 10).unwrap();
    events.sort_by_key(|e| e.id);
    assert_eq!(events.len(), 2, "{events:#?}");
    let first = &events[0];
    assert_eq!(first.date, "2021-02-05");
    assert_eq!(first.num_articles, 3, "{first:#?}");
    assert_eq!(first.num_sources, 2, "Le Monde twice, Reuters once: {first:#?}");
    assert!(first.num_mentions >= 3, "{first:#?}");
    assert_eq!(events[1].date, "2021-02-12");
    assert_eq!(events[1].num_articles, 1);
    assert!(o.merged >= 2, "{o:?}");
    // every mention keeps its evidence
    let mut dump = store.dump().unwrap();
    dump.retain(|c| c != '\r');
    let mentions: Vec<&str> = dump
        .lines()
        .filter(|l| l.starts_with("mentions\t") && l.split('\t').nth(3) == Some(&first.id.to_string()))
        .collect();
    assert_eq!(mentions.len() as i64, first.num_mentions, "{mentions:#?}");
    assert!(mentions.iter().any(|m| m.contains("On Friday, France expelled")), "{mentions:#?}");
    assert!(mentions.iter().any(|m| m.contains("Officials in Paris confirmed")), "{mentions:#?}");
}

#[test]
fn a_document_telling_two_events_keeps_two() {
    let db = Db::new("twice");
    let mut store = db.open();
    let text = "France expelled two Russian diplomats on Monday. France expelled two Russian diplomats on Tuesday.";
    store.write_batch(&[prep("x", text, "2021-02-10", "AFP")], &[], "20210301000000").unwrap();
    let events = store.query(&Filter::default(), 10).unwrap();
    assert_eq!(events.len(), 2, "{events:#?}");
}

#[test]
fn negated_reports_are_stored_but_are_not_events() {
    let db = Db::new("negated");
    let mut store = db.open();
    store.write_batch(&[prep("n", "Russia did not expel French diplomats.", "2021-02-10", "AFP")], &[], "x").unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.reports, c.events), (1, 0));
    let mut out = Vec::new();
    store.export(ExportFormat::Jsonl, &Filter::default(), &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["modality"]["negated"], true);
}

#[test]
fn the_same_text_under_another_id_is_a_duplicate_and_an_id_reused_for_another_text_a_skip() {
    let db = Db::new("dups");
    let mut store = db.open();
    store.write_batch(&[prep("a", EXPEL, "2021-02-06", "X")], &[], "t").unwrap();
    let o = store.write_batch(&[prep("a2", EXPEL, "2021-02-06", "Y")], &[], "t").unwrap();
    assert_eq!((o.documents, o.duplicates, o.reports), (1, 1, 0));
    let o = store.write_batch(&[prep("a", "Germany criticized Poland.", "2021-02-06", "X")], &[], "t").unwrap();
    assert_eq!(o.documents, 0);
    assert_eq!(o.conflicts.len(), 1);
    assert!(o.conflicts[0].reason.contains("already in the store for another text"), "{:?}", o.conflicts);
    assert_eq!(o.conflicts[0].line, 1);
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.duplicates, c.skips), (2, 1, 1));
}

fn exported(store: &Store, format: ExportFormat, filter: &Filter) -> String {
    let mut out = Vec::new();
    store.export(format, filter, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn gdelt_rows_have_61_tab_separated_columns() {
    let db = Db::new("gdelt");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "20210301120000").unwrap();
    let out = exported(&store, ExportFormat::Gdelt, &Filter::default());
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len() as u64, store.counts().unwrap().events);
    for r in &rows {
        assert_eq!(r.len(), 61, "{r:?}");
        assert!(r[0].parse::<u64>().is_ok(), "numeric GlobalEventID: {r:?}");
    }
    let r = rows.iter().find(|r| r[26] == "161" && r[1] == "20210205").expect("the expulsion");
    assert_eq!((r[2], r[3]), ("202102", "2021"));
    assert_eq!((r[5], r[7]), ("FRA", "FRA"));
    assert_eq!((r[15], r[17], r[22]), ("RUSGOV", "RUS", "GOV"));
    assert_eq!((r[28], r[29], r[30]), ("16", "4", "-4.0"));
    assert_eq!((r[31], r[32], r[33]), (r[31], "2", "3"));
    assert_eq!(r[59], "20210301120000");
    assert!(r[60].starts_with("https://"), "{r:?}");
    // stable ids: the same store exports the same rows
    assert_eq!(exported(&store, ExportFormat::Gdelt, &Filter::default()), out);
}

#[test]
fn icews_has_a_header_and_20_columns() {
    let db = Db::new("icews");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "20210301120000").unwrap();
    let out = exported(&store, ExportFormat::Icews, &Filter::default());
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header, export::icews::HEADER);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == 20));
    let r = rows.iter().find(|r| r[6] == "161").unwrap();
    assert_eq!((r[4], r[10], r[9]), ("France", "Russia", "Government"));
}

#[test]
fn plover_records() {
    let db = Db::new("plover");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "20210301120000").unwrap();
    let out = exported(&store, ExportFormat::Plover, &Filter::default());
    let recs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!recs.is_empty());
    for r in &recs {
        for f in
            ["id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_text", "cite_info"]
        {
            assert!(r.get(f).is_some(), "{f} missing in {r}");
        }
    }
    let r = recs.iter().find(|r| r["event"][0] == "SANCTION").unwrap();
    assert_eq!(r["actor"][0]["code"], "FRA");
    assert_eq!(r["recipient"][0]["code"], "RUS");
    assert_eq!(r["recipient"][0]["sector"][0], "GOV");
    assert_eq!(r["quad_code"], 3);
    assert_eq!(r["attache"]["num_articles"], 3);
}

#[test]
fn csv_and_jsonl_are_what_attache_code_writes() {
    let db = Db::new("flat");
    let mut store = db.open();
    let docs = sample();
    store.write_batch(&docs, &[], "t").unwrap();
    for (format, out_format) in [(ExportFormat::Csv, OutputFormat::Csv), (ExportFormat::Jsonl, OutputFormat::Jsonl)] {
        let mut w = Writer::new(Vec::new(), out_format, 80);
        for p in &docs {
            let events: Vec<_> = p.events.iter().map(|e| e.event.clone()).collect();
            w.write_events(&events).unwrap();
        }
        let expected = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(exported(&store, format, &Filter::default()), expected, "{format:?}");
    }
}

#[test]
fn filters() {
    let db = Db::new("filters");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "t").unwrap();
    let n = |f: Filter| store.query(&f, 100).unwrap().len();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(n(Filter::default()), 3);
    assert_eq!(n(Filter { from: day("2021-02-06"), ..Filter::default() }), 2);
    assert_eq!(n(Filter { from: day("2021-02-06"), to: day("2021-02-10"), ..Filter::default() }), 1);
    assert_eq!(n(Filter { actor: Some("POL".into()), ..Filter::default() }), 1);
    assert_eq!(n(Filter { actor: Some("rus".into()), ..Filter::default() }), 2);
    assert_eq!(n(Filter { code: Some("11".into()), ..Filter::default() }), 1);
    assert_eq!(n(Filter { text: Some("officials said".into()), ..Filter::default() }), 1);
    assert_eq!(n(Filter { text: Some("100%_".into()), ..Filter::default() }), 0);
    // newest first
    let dates: Vec<String> = store.query(&Filter::default(), 10).unwrap().into_iter().map(|e| e.date).collect();
    assert_eq!(dates, ["2021-02-12", "2021-02-08", "2021-02-05"]);
}

#[test]
fn dyad_counts() {
    let db = Db::new("dyads");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "t").unwrap();
    let d = store.dyads(&DyadOptions { interval: Interval::Week, ..DyadOptions::default() }).unwrap();
    let fra: Vec<_> = d.rows.iter().filter(|r| r.source == "FRA").collect();
    assert_eq!(fra.len(), 2, "{d:#?}");
    assert_eq!((fra[0].period.as_str(), fra[0].events, fra[0].quad[3]), ("2021-W05", 1, 1));
    assert_eq!(fra[0].goldstein_sum, -4.0);
    let pair = DyadOptions {
        pair: Some(("rus".into(), "fra".into())),
        both_directions: true,
        interval: Interval::Month,
        ..DyadOptions::default()
    };
    let d = store.dyads(&pair).unwrap();
    assert_eq!(d.rows.len(), 1);
    assert_eq!((d.rows[0].source.as_str(), d.rows[0].target.as_str(), d.rows[0].events), ("RUS", "FRA", 2));
    assert_eq!(d.rows[0].goldstein_mean, -4.0);
}

#[test]
fn a_full_disk_writes_nothing_of_the_batch_and_the_next_run_completes() {
    let db = Db::new("full");
    let reference = Db::new("full-ref");
    let mut store = db.open();
    store.write_batch(&sample()[..1], &[], "t").unwrap();
    let before = store.dump().unwrap();
    let pages: i64 =
        rusqlite::Connection::open(&db.0).unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    drop(store);
    let tight = OpenOptions { max_pages: Some(pages as u64), ..OpenOptions::default() };
    let mut store = Store::open(&db.0, &tight).unwrap();
    let big: Vec<Prepared> =
        (0..200).map(|i| prep(&format!("big{i}"), EXPEL, "2021-03-01", &format!("O{i}"))).collect();
    let err = store.write_batch(&big, &[], "t").unwrap_err();
    assert!(matches!(err, StoreError::Full { .. }), "{err}");
    assert!(err.to_string().contains("Free some space and run the same command again"), "{err}");
    assert_eq!(store.dump().unwrap(), before, "nothing of the batch");
    drop(store);
    let mut store = db.open();
    store.write_batch(&big, &[], "t").unwrap();
    let mut r = reference.open();
    r.write_batch(&sample()[..1], &[], "t").unwrap();
    r.write_batch(&big, &[], "t").unwrap();
    assert_eq!(store.dump().unwrap(), r.dump().unwrap());
}

#[test]
fn a_locked_database_is_a_clear_error_and_nothing_is_written() {
    let db = Db::new("locked");
    let mut store = db.open();
    store.write_batch(&sample()[..1], &[], "t").unwrap();
    let before = store.dump().unwrap();
    drop(store);
    let other = rusqlite::Connection::open(&db.0).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('held', 'yes');").unwrap();
    let short = OpenOptions { busy_timeout_ms: 200, ..OpenOptions::default() };
    let mut store = Store::open(&db.0, &short).unwrap();
    let err = store.write_batch(&sample(), &[], "t").unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("locked by another process"), "{err}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.dump().unwrap(), before);
    store.write_batch(&sample(), &[], "t").unwrap();
}

#[test]
fn not_a_database_and_settings_that_cannot_change() {
    let db = Db::new("notdb");
    std::fs::write(&db.0, b"this is a text file, not SQLite, long enough to have a header of sorts......").unwrap();
    let err = Store::open(&db.0, &OpenOptions::default()).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    let db = Db::new("window");
    drop(Store::open(&db.0, &OpenOptions { window_days: Some(3), ..OpenOptions::default() }).unwrap());
    let err = Store::open(&db.0, &OpenOptions { window_days: Some(2), ..OpenOptions::default() }).err().unwrap();
    assert!(err.to_string().contains("--window-days 3"), "{err}");
    assert_eq!(Store::open(&db.0, &OpenOptions::default()).unwrap().window_days(), 3);
    let missing = Store::open_read_only(&std::env::temp_dir().join("attache-no-such.db")).err().unwrap();
    assert!(missing.to_string().contains("attache ingest"), "{missing}");
}

#[test]
fn skips_are_kept_once() {
    let db = Db::new("skips");
    let mut store = db.open();
    let s = Skip { source: "x.jsonl".into(), line: 3, reason: "not a JSON document".into() };
    store.write_batch(&[], &[s.clone(), s.clone()], "t").unwrap();
    store.write_batch(&[], &[s], "t").unwrap();
    assert_eq!(store.counts().unwrap().skips, 1);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_with_the_schema_and_a_row_per_report() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let db = Db::new("parquet");
    let mut store = db.open();
    store.write_batch(&sample(), &[], "20210301120000").unwrap();
    let mut out = Vec::new();
    let n = store.export(ExportFormat::Parquet, &Filter::default(), &mut out).unwrap();
    assert_eq!(n, store.counts().unwrap().reports);
    let file = db.0.with_extension("parquet");
    std::fs::write(&file, &out).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows() as u64, n);
    let fields: Vec<String> =
        reader.metadata().file_metadata().schema_descr().columns().iter().map(|c| c.name().to_string()).collect();
    let expected: Vec<String> = export::parquet::schema().fields().iter().map(|f| f.name().clone()).collect();
    assert_eq!(fields, expected);
    assert_eq!(fields.len(), 36);
    std::fs::remove_file(file).ok();
}
