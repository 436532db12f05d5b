//! `attache ingest`, `export`, `dyads` and `query` end to end: idempotence, a run killed
//! with SIGKILL and resumed, every kind of bad input, a full disk, a locked database.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use attache_store::Store;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn ngec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/ngec-synthetic/dev.jsonl")
}

/// A fresh folder for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("attache-store-cli-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().expect("run attache");
    let so = String::from_utf8_lossy(&out.stdout).into_owned();
    let se = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, so, se)
}

/// The first `n` documents of the NGEC synthetic set (or made-up ones when the shared
/// folder is missing), as a JSONL file.
fn corpus(d: &Path, n: usize) -> PathBuf {
    let p = d.join("docs.jsonl");
    let lines: Vec<String> = match std::fs::read_to_string(ngec()) {
        Ok(s) => s.lines().take(n).map(str::to_string).collect(),
        Err(_) => {
            let countries = ["France", "Germany", "Poland", "Italy", "Spain", "Japan", "Egypt", "Brazil", "Kenya"];
            (0..n)
                .map(|i| {
                    let (a, b) = (countries[i % 9], countries[(i / 9 + 1 + i) % 9]);
                    let text = format!("{a} expelled {i} diplomats of {b} on Friday. {b} protested on Saturday.");
                    serde_json::json!({"id": format!("d{i}"), "date": format!("2021-02-{:02}", 1 + i % 28), "text": text})
                        .to_string()
                })
                .collect()
        }
    };
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> (Output, String, String) {
    run(bin().arg("ingest").args(inputs).arg("--db").arg(db).args(extra))
}

fn dump(db: &Path) -> String {
    Store::open_read_only(db).unwrap().dump().unwrap()
}

#[test]
fn reingesting_the_same_input_adds_zero_documents_and_zero_events() {
    let d = dir("reingest");
    let docs = corpus(&d, 120);
    let html = d.join("pages");
    std::fs::create_dir_all(&html).unwrap();
    std::fs::write(html.join("a.html"), "<html><body><p>France expelled two Russian diplomats.</p></body></html>")
        .unwrap();
    std::fs::write(html.join("b.txt"), "Poland summoned the German ambassador on Monday.").unwrap();
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&docs, &html], &["--date", "2021-02-05"]);
    assert!(out.status.success(), "{se}");
    let store = Store::open_read_only(&db).unwrap();
    let before = store.counts().unwrap();
    assert_eq!(before.documents, 122, "{se}");
    assert!(before.reports > 50 && before.events > 10, "{before:?}");
    let first = store.dump().unwrap();
    drop(store);
    let (out, _, se) = ingest(&db, &[&docs, &html], &["--date", "2021-02-05"]);
    assert!(out.status.success(), "{se}");
    assert!(se.contains("0 new documents (122 already in"), "{se}");
    assert!(se.contains(" 0 events reported, 0 new events"), "{se}");
    assert_eq!(Store::open_read_only(&db).unwrap().counts().unwrap(), before);
    assert_eq!(dump(&db), first);
}

/// A little pseudo-random number from the clock (no dependency for one number).
fn random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn an_ingest_killed_with_sigkill_and_resumed_equals_an_uninterrupted_one() {
    let d = dir("kill");
    let docs = corpus(&d, 400);
    let args = ["--batch", "8", "--threads", "2"];
    // the reference: one uninterrupted run
    let reference = d.join("reference.db");
    let start = Instant::now();
    let (out, _, se) = ingest(&reference, &[&docs], &args);
    assert!(out.status.success(), "{se}");
    let took = start.elapsed();
    let expected = dump(&reference);
    assert!(expected.lines().filter(|l| l.starts_with("documents\t")).count() == 400);

    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    eprintln!("kill test seed {seed}");
    let db = d.join("killed.db");
    let mut killed_midway = 0;
    let mut attempts = 0;
    let took_ms = (took.as_millis() as u64).max(100);
    while killed_midway < 3 && attempts < 20 {
        attempts += 1;
        let mut child = bin()
            .arg("ingest")
            .arg(&docs)
            .arg("--db")
            .arg(&db)
            .args(args)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // somewhere in the run, start-up included
        let ms = took_ms / 20 + random(&mut seed) % (took_ms * 3 / 4);
        std::thread::sleep(Duration::from_millis(ms));
        // Child::kill sends SIGKILL on Unix: no destructor, no rollback, no flush runs
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        let n = Store::open_read_only(&db).ok().and_then(|s| s.counts().ok()).map_or(0, |c| c.documents);
        if finished || n == 400 {
            if killed_midway > 0 {
                break;
            }
            // the run ended before the kill: start the scenario again
            for suffix in ["", "-wal", "-shm"] {
                std::fs::remove_file(format!("{}{suffix}", db.display())).ok();
            }
            continue;
        }
        eprintln!("killed after {ms} ms with {n} of 400 documents stored");
        // a kill before the first batch was stored tests little: it does not count
        if n > 0 {
            killed_midway += 1;
        }
    }
    assert!(killed_midway >= 1, "no kill landed mid-way in {attempts} attempts");
    let (out, _, se) = ingest(&db, &[&docs], &args);
    assert!(out.status.success(), "{se}");
    assert_eq!(dump(&db), expected, "the resumed database differs from the uninterrupted one (seed printed above)");
    eprintln!("killed mid-way {killed_midway} times in {attempts} attempts");
}

/// Writes a WARC record.
fn warc_record(kind: &str, id: usize, uri: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n\
         WARC-Date: 2021-02-06T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend(body);
    r.extend(b"\r\n\r\n");
    r
}

fn http_html(sentence: &str) -> Vec<u8> {
    let body =
        format!("<html><head><title>News</title></head><body><article><p>{sentence}</p></article></body></html>");
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn gzip(records: &[Vec<u8>]) -> Vec<u8> {
    use flate2::Compression;
    use flate2::write::GzEncoder;
    let mut out = Vec::new();
    for r in records {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(r).unwrap();
        out.extend(e.finish().unwrap());
    }
    out
}

#[test]
fn bad_inputs_are_skipped_counted_and_logged_and_the_rest_is_stored() {
    let d = dir("bad");
    let inputs = d.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    // a WARC with a malformed record between two good ones
    let mut warc =
        warc_record("response", 1, "https://a.example/1", &http_html("France expelled two Russian diplomats."));
    warc.extend(b"WARC/1.0\r\nnot a header line\r\n\r\n");
    warc.extend(warc_record(
        "response",
        3,
        "https://a.example/3",
        &http_html("Poland summoned the German ambassador."),
    ));
    std::fs::write(inputs.join("a.warc"), &warc).unwrap();
    // a truncated WARC.gz: its first record is kept
    let gz = gzip(&[
        warc_record("response", 4, "https://b.example/4", &http_html("Italy praised Spain.")),
        warc_record("response", 5, "https://b.example/5", &http_html("Japan hosted Korea.")),
    ]);
    std::fs::write(inputs.join("b.warc.gz"), &gz[..gz.len() - 30]).unwrap();
    // invalid HTML still gives its text
    std::fs::write(inputs.join("c.html"), b"<html><body><p>Germany <b>criticized <i>Poland</b></p><td>\xff</div>")
        .unwrap();
    // an entity bomb and an external entity
    std::fs::write(
        inputs.join("d.rss"),
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
         <rss><channel><item><description>&b;</description></item></channel></rss>",
    )
    .unwrap();
    std::fs::write(
        inputs.join("e.rss"),
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
         <rss><channel><item><description>&x;</description></item></channel></rss>",
    )
    .unwrap();
    // a binary file, an empty page, a broken JSONL line
    std::fs::write(inputs.join("f.bin"), [0u8, 1, 2, 3, 0, 0]).unwrap();
    std::fs::write(inputs.join("g.html"), "<html><body><script>x()</script></body></html>").unwrap();
    std::fs::write(
        inputs.join("h.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Egypt mediated.\"}\n{\"id\": \"bad\", \"text\": \"tru\n",
    )
    .unwrap();
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&inputs], &[]);
    assert_eq!(out.status.code(), Some(1), "{se}");
    for (file, what) in [
        ("a.warc", "record 2"),
        ("b.warc.gz", "gzip"),
        ("d.rss", "entity"),
        ("e.rss", "entity"),
        ("f.bin", "binary"),
        ("g.html", "no readable text"),
        ("h.jsonl:2", "not a JSON document"),
    ] {
        assert!(se.lines().any(|l| l.contains(file) && l.contains(what)), "{file}: {what} not logged:\n{se}");
    }
    let store = Store::open_read_only(&db).unwrap();
    let c = store.counts().unwrap();
    assert_eq!(c.skips, 7, "{se}");
    assert!(se.contains("7 records skipped"), "{se}");
    // a.warc 1 and 3, b.warc.gz 4, c.html, h.jsonl ok
    assert_eq!(c.documents, 5, "{se}");
    drop(store);
    // the same again: nothing new, the same skips, counted once in the store
    let (out, _, se) = ingest(&db, &[&inputs], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(se.contains("0 new documents"), "{se}");
    assert_eq!(Store::open_read_only(&db).unwrap().counts().unwrap(), c);
}

/// The largest resident set of the children waited for so far, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage writes into the struct it is given, nothing else.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    u.ru_maxrss as u64 * 1024
}

#[test]
fn a_one_gigabyte_document_is_cut_and_streamed_not_loaded() {
    let d = dir("huge");
    let p = d.join("huge.txt");
    let mut f = std::fs::File::create(&p).unwrap();
    let sentence = "France expelled a Russian diplomat on Friday and Moscow protested. ";
    let chunk = sentence.repeat(2_000_000 / sentence.len());
    f.write_all(chunk.as_bytes()).unwrap();
    // 1 GiB on paper: sparse, so the test needs neither the disk nor the memory
    f.set_len(1 << 30).unwrap();
    drop(f);
    // and a JSONL line of 300 MB, streamed past
    let j = d.join("long.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&j).unwrap());
    f.write_all(b"{\"id\": \"long\", \"text\": \"").unwrap();
    let block = "a".repeat(1 << 20);
    for _ in 0..300 {
        f.write_all(block.as_bytes()).unwrap();
    }
    f.write_all(b"\"}\n{\"id\": \"short\", \"text\": \"Egypt mediated between Israel and Hamas on Friday.\"}\n")
        .unwrap();
    drop(f);
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&p, &j], &["--max-doc-bytes", "1M", "--date", "2021-02-05"]);
    assert_eq!(out.status.code(), Some(1), "the long line is a skip: {se}");
    assert!(se.contains("huge.txt: document") && se.contains("cut at the --max-doc-bytes limit"), "{se}");
    assert!(se.contains("long.jsonl:1: skipped") && se.contains("over the limit"), "{se}");
    assert!(se.contains("1 documents cut"), "{se}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (bytes, cut): (i64, i64) = conn
        .query_row("SELECT bytes, cut_bytes FROM provenance WHERE source LIKE '%huge.txt'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(bytes <= 1 << 20);
    assert_eq!(bytes + cut, 1 << 30);
    let docs: i64 = conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(docs, 2);
    let rss = children_max_rss();
    assert!(rss < 400 << 20, "a child used {} MB", rss >> 20);
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn a_full_disk_stops_with_a_clear_message_and_the_next_run_resumes() {
    let d = dir("full");
    let docs = corpus(&d, 150);
    let reference = d.join("reference.db");
    let (out, _, se) = ingest(&reference, &[&docs], &["--batch", "16"]);
    assert!(out.status.success(), "{se}");
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&docs], &["--batch", "16", "--max-db-pages", "60"]);
    assert_eq!(out.status.code(), Some(2), "{se}");
    assert!(se.contains("is full") && se.contains("run the same command again"), "{se}");
    assert!(!se.contains("panicked"), "{se}");
    let partial = Store::open_read_only(&db).unwrap().counts().unwrap();
    assert!(partial.documents < 150, "{partial:?}");
    // whole batches only: every stored document has all its events
    let conn = rusqlite::Connection::open(&db).unwrap();
    let bad: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM documents d WHERE d.events <> (SELECT COUNT(*) FROM reports r WHERE r.doc_id = d.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    drop(conn);
    let (out, _, se) = ingest(&db, &[&docs], &["--batch", "16"]);
    assert!(out.status.success(), "{se}");
    assert_eq!(dump(&db), dump(&reference));
}

#[test]
fn a_locked_database_is_a_clear_error() {
    let d = dir("locked");
    let docs = corpus(&d, 20);
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&docs], &[]);
    assert!(out.status.success(), "{se}");
    let before = dump(&db);
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let more = d.join("more.jsonl");
    std::fs::write(&more, "{\"id\": \"m\", \"text\": \"France expelled a Russian diplomat.\"}\n").unwrap();
    let (out, _, se) = ingest(&db, &[&more], &["--busy-timeout", "300"]);
    assert_eq!(out.status.code(), Some(2), "{se}");
    assert!(se.contains("locked by another process"), "{se}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(dump(&db), before);
    let (out, _, se) = ingest(&db, &[&more], &[]);
    assert!(out.status.success(), "{se}");
}

fn export(db: &Path, args: &[&str]) -> (Output, String, String) {
    run(bin().arg("export").arg("--db").arg(db).args(args))
}

#[test]
fn exports_queries_and_dyads() {
    let d = dir("export");
    let docs = d.join("docs.jsonl");
    std::fs::write(
        &docs,
        [
            r#"{"id": "a", "date": "2021-02-06", "outlet": "Le Monde", "text": "France expelled two Russian diplomats on Friday."}"#,
            r#"{"id": "b", "date": "2021-02-07", "outlet": "Reuters", "url": "https://reuters.example/b", "text": "On Friday, France expelled two Russian diplomats, officials said."}"#,
            r#"{"id": "c", "date": "2021-02-08", "outlet": "TASS", "text": "Russia expelled two French diplomats on Sunday in response."}"#,
            r#"{"id": "e", "date": "2021-03-01", "outlet": "DW", "text": "Germany criticized Poland on Monday."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let db = d.join("news.db");
    let (out, _, se) = ingest(&db, &[&docs], &[]);
    assert!(out.status.success(), "{se}");

    let (out, so, se) = export(&db, &["--format", "gdelt"]);
    assert!(out.status.success(), "{se}");
    assert!(so.lines().count() >= 3);
    assert!(so.lines().all(|l| l.split('\t').count() == 61), "{so}");
    let expulsion: Vec<&str> = so.lines().find(|l| l.contains("\tRUSGOV\t")).unwrap().split('\t').collect();
    assert_eq!((expulsion[31], expulsion[32], expulsion[33]), ("2", "2", "2"), "{expulsion:?}");

    let out_file = d.join("icews.tsv");
    let (out, _, se) = export(&db, &["--format", "icews", "--from", "2021-02-01", "--to", "2021-02-28", "-o"]);
    assert!(!out.status.success(), "-o needs a value: {se}");
    let (out, _, se) = run(bin()
        .args(["export", "--format", "icews", "--from", "2021-02-01", "--to", "2021-02-28", "--db"])
        .arg(&db)
        .arg("-o")
        .arg(&out_file));
    assert!(out.status.success(), "{se}");
    let icews = std::fs::read_to_string(&out_file).unwrap();
    assert!(icews.starts_with("Event ID\tEvent Date\tSource Name"), "{icews}");
    assert!(icews.lines().all(|l| l.split('\t').count() == 20));
    assert!(!icews.contains("Poland"), "the date filter: {icews}");

    let (_, so, _) = export(&db, &["--format", "plover", "--actor", "RUS"]);
    let recs: Vec<serde_json::Value> = so.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(recs.iter().all(|r| r["event"][0] == "SANCTION"), "{so}");

    let (_, so, _) = export(&db, &["--format", "csv", "--code", "11"]);
    let mut lines = so.lines();
    assert!(lines.next().unwrap().starts_with("doc_id,event_id,date"));
    assert!(lines.all(|l| l.contains(",111,")), "{so}");

    let (_, so, _) = export(&db, &["--format", "jsonl"]);
    let (_, coded, _) = run(bin().args(["code", "--format", "jsonl"]).arg(&docs));
    assert_eq!(so, coded, "the same records as attache code");

    let (out, _, se) = export(&db, &["--format", "parquet", "-o"]);
    assert!(!out.status.success(), "{se}");
    let pq = d.join("events.parquet");
    let (out, _, se) = run(bin().args(["export", "--format", "parquet", "--db"]).arg(&db).arg("-o").arg(&pq));
    if cfg!(feature = "parquet") {
        assert!(out.status.success(), "{se}");
        assert!(std::fs::read(&pq).unwrap().starts_with(b"PAR1"));
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(se.contains("--features parquet"), "{se}");
        assert!(!pq.exists() && !d.join("events.partial").exists(), "no partial file left");
    }

    let (out, so, se) = run(bin().args(["query", "--actor", "FRA", "--db"]).arg(&db));
    assert!(out.status.success(), "{se}");
    assert!(so.lines().nth(1).unwrap().contains("FRA"), "{so}");
    let (_, so, _) = run(bin().args(["query", "--text", "in response", "--format", "jsonl", "--db"]).arg(&db));
    let rows: Vec<serde_json::Value> = so.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1, "{so}");
    assert_eq!(rows[0]["source"], "RUS");

    let (out, so, se) = run(bin()
        .args(["dyads", "--pair", "FRA,RUS", "--both", "--interval", "week", "--format", "csv", "--db"])
        .arg(&db));
    assert!(out.status.success(), "{se}");
    assert_eq!(
        so.lines().next().unwrap(),
        "source,target,period,events,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4"
    );
    assert_eq!(so.lines().nth(1).unwrap(), "FRA,RUS,2021-W05,2,-8,-4.0000,0,0,0,2", "{so}");
    let (_, so, _) = run(bin().args(["dyads", "--format", "chart", "--db"]).arg(&db));
    assert!(so.contains("FRA → RUS") && so.contains('▒'), "{so}");
    let (_, so, _) = run(bin().args(["dyads", "--db"]).arg(&db));
    assert!(so.starts_with("SOURCE TARGET PERIOD"), "{so}");
    let (out, _, se) = run(bin().args(["dyads", "--pair", "FRA", "--db"]).arg(&db));
    assert_eq!(out.status.code(), Some(2));
    assert!(se.contains("SOURCE,TARGET"), "{se}");
    let (out, _, se) = run(bin().args(["query", "--db", "/nonexistent/x.db"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(se.contains("attache ingest"), "{se}");
}
