//! WARC reading: good records, every kind of damage, gzip, limits. The archives are
//! written here, byte by byte, so that each damage is exactly the one tested.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::read::{InputFormat, ReadOptions, read_records};
use crate::{Input, Record, Skip};

fn record(kind: &str, id: usize, extra: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n\
         WARC-Date: 2021-02-06T10:00:00Z\r\nContent-Length: {}\r\n",
        body.len()
    )
    .into_bytes();
    for (k, v) in extra {
        r.extend(format!("{k}: {v}\r\n").bytes());
    }
    r.extend(b"\r\n");
    r.extend(body);
    r.extend(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .into_bytes()
}

fn response(id: usize, url: &str, body: &[u8]) -> Vec<u8> {
    record("response", id, &[("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")], body)
}

fn page(sentence: &str) -> String {
    format!(
        "<html><head><title>Story</title></head><body><article><p>{sentence}</p>\
         <p>Officials said more measures could follow in the coming weeks.</p></article></body></html>"
    )
}

fn read(bytes: &[u8], name: &str, max: u64) -> (Vec<Record>, Vec<Skip>) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("attache-warc-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    let (mut recs, mut skips) = (Vec::new(), Vec::new());
    let opts = ReadOptions { format: InputFormat::Auto, max_doc_bytes: max, ..ReadOptions::default() };
    read_records(&Input::File(p), &opts, &mut |r| recs.push(r), &mut |s| skips.push(s));
    std::fs::remove_dir_all(&dir).ok();
    (recs, skips)
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(r).unwrap();
        out.extend(e.finish().unwrap());
    }
    out
}

fn texts(recs: &[Record]) -> Vec<String> {
    recs.iter().map(|r| r.clone().into_document().unwrap().0.text).collect()
}

fn archive() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", 1, &[("Content-Type", "application/warc-fields")], b"software: test\r\n"),
        record("request", 2, &[("WARC-Target-URI", "https://news.example/a")], b"GET /a HTTP/1.1\r\n\r\n"),
        response(
            3,
            "https://www.news.example/a",
            &http("200 OK", "text/html; charset=utf-8", &page("France expelled two Russian diplomats.")),
        ),
        response(4, "https://news.example/logo.png", &http("200 OK", "image/png", "\u{89}PNG")),
        response(5, "https://news.example/gone", &http("404 Not Found", "text/html", "<p>missing</p>")),
        response(6, "https://news.example/moved", &http("301 Moved Permanently", "text/html", "")),
        record(
            "resource",
            7,
            &[("WARC-Target-URI", "https://news.example/b.txt"), ("Content-Type", "text/plain")],
            b"Poland summoned the German ambassador.",
        ),
        record(
            "conversion",
            8,
            &[("WARC-Target-URI", "https://news.example/c"), ("Content-Type", "text/plain")],
            b"Germany and France held talks.",
        ),
    ]
}

#[test]
fn documents_of_an_archive_and_nothing_else() {
    let (recs, skips) = read(&archive().concat(), "a.warc", u64::MAX);
    assert!(skips.is_empty(), "{skips:?}");
    let t = texts(&recs);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("France expelled two Russian diplomats."), "{t:?}");
    assert_eq!(t[1], "Poland summoned the German ambassador.");
    assert_eq!(t[2], "Germany and France held talks.");
    let (d, o) = recs[0].clone().into_document().unwrap();
    assert_eq!(d.id, "urn:uuid:00000000-0000-0000-0000-000000000003");
    assert_eq!(d.url.as_deref(), Some("https://www.news.example/a"));
    assert_eq!(d.outlet.as_deref(), Some("news.example"));
    assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2021, 2, 6), "the crawl date when the page gives none");
    let offset = archive()[..2].iter().map(Vec::len).sum::<usize>() as u64;
    assert_eq!(o.locator, crate::Locator::Record { index: 3, offset });
}

#[test]
fn gzipped_per_record_and_detected_by_content() {
    let gz = gzip_members(&archive());
    let (recs, skips) = read(&gz, "a.warc.gz", u64::MAX);
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(recs.len(), 3);
    let (recs, _) = read(&gz, "no-extension", u64::MAX);
    assert_eq!(recs.len(), 3, "gzip magic means WARC");
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let gz = gzip_members(&archive());
    let cut = &gz[..gz.len() - 40];
    let (recs, skips) = read(cut, "cut.warc.gz", u64::MAX);
    assert_eq!(recs.len(), 2, "the records before the damage");
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert!(skips[0].reason.contains("record 8"), "{skips:?}");
    assert!(skips[0].reason.contains("gzip") || skips[0].reason.contains("truncated"), "{skips:?}");
}

#[test]
fn corrupt_gzip_is_reported() {
    let mut gz = gzip_members(&archive());
    let n = gz.len();
    for b in &mut gz[n / 2..n / 2 + 64] {
        *b ^= 0x5a;
    }
    let (recs, skips) = read(&gz, "bad.warc.gz", u64::MAX);
    assert!(recs.len() < 3);
    // garbage may first read as damaged records; the gzip check ends the file
    assert!(skips.last().unwrap().reason.contains("gzip"), "{skips:#?}");
}

/// `record` with its Content-Length changed by `delta`.
fn wrong_length(mut record: Vec<u8>, delta: i64) -> Vec<u8> {
    let text = String::from_utf8_lossy(&record).into_owned();
    let at = text.find("Content-Length: ").unwrap() + 16;
    let end = at + text[at..].find('\r').unwrap();
    let n: i64 = text[at..end].parse().unwrap();
    record.splice(at..end, (n + delta).to_string().bytes());
    record
}

#[test]
fn malformed_records_are_skipped_and_reading_resumes() {
    let good = |id, s: &str| response(id, "https://news.example/x", &http("200 OK", "text/html", &page(s)));
    let mut bytes = good(1, "France expelled two Russian diplomats.");
    // a header line without a colon
    bytes.extend(b"WARC/1.0\r\nthis is not a header\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
    bytes.extend(good(3, "Poland summoned the German ambassador."));
    // a Content-Length shorter than the body: the record does not end where it should
    bytes.extend(wrong_length(good(4, "Short record."), -10));
    bytes.extend(good(5, "Germany and France held talks."));
    // a header that is not UTF-8
    bytes.extend(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x/\xff\xfe\r\n\r\n");
    bytes.extend(good(7, "Italy praised Spain."));
    // missing required fields
    bytes.extend(b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n");
    bytes.extend(good(9, "Japan hosted Korea."));
    // a Content-Length longer than the body: it swallows the start of the next record,
    // which is lost with it; reading resumes at the one after
    bytes.extend(wrong_length(good(10, "Long record."), 50));
    bytes.extend(good(11, "Swallowed record."));
    bytes.extend(good(12, "Egypt mediated."));
    let (recs, skips) = read(&bytes, "damaged.warc", u64::MAX);
    let t = texts(&recs);
    let got = |s: &str| t.iter().any(|x| x.contains(s));
    for s in ["France expelled", "Poland summoned", "Germany and France", "Italy praised", "Japan hosted", "Egypt"] {
        assert!(got(s), "{s} lost: {t:?} {skips:#?}");
    }
    for s in ["Short record", "Long record", "Swallowed"] {
        assert!(!got(s), "{s} kept: {t:?}");
    }
    assert_eq!(recs.len(), 6);
    assert_eq!(skips.len(), 5, "{skips:#?}");
    assert!(skips.iter().all(|s| s.reason.starts_with("record ")), "{skips:#?}");
    assert!(skips[0].reason.contains("malformed WARC header"), "{skips:#?}");
    assert!(skips[1].reason.contains("does not end where its Content-Length says"), "{skips:#?}");
    assert!(skips[2].reason.contains("not UTF-8"), "{skips:#?}");
    assert!(skips[3].reason.contains("lacks the required field"), "{skips:#?}");
    assert!(skips[4].reason.contains("does not end where its Content-Length says"), "{skips:#?}");
}

#[test]
fn a_file_ending_inside_a_record() {
    let mut bytes = archive()[2].clone();
    let next = archive()[6].clone();
    bytes.extend(&next[..next.len() - 20]);
    let (recs, skips) = read(&bytes, "short.warc", u64::MAX);
    assert_eq!(recs.len(), 1);
    assert!(skips[0].reason.contains("truncated"), "{skips:?}");
}

#[test]
fn endless_header_costs_no_memory() {
    let mut bytes = archive()[2].clone();
    bytes.extend(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ");
    bytes.extend(std::iter::repeat_n(b'a', 3 << 20));
    bytes.extend(b"\r\n\r\n");
    bytes.extend(archive()[6].clone());
    let (recs, skips) = read(&bytes, "junk.warc", u64::MAX);
    assert_eq!(recs.len(), 2, "{skips:?}");
    assert!(skips[0].reason.contains("longer than"), "{skips:?}");
}

#[test]
fn payloads_are_cut_at_the_limit() {
    let sentence = "France expelled two Russian diplomats. ";
    let big = format!("<html><body><p>{}</p></body></html>", sentence.repeat(30_000));
    let bytes = response(1, "https://news.example/big", &http("200 OK", "text/html", &big));
    let (recs, skips) = read(&bytes, "big.warc", 100_000);
    assert!(skips.is_empty(), "{skips:?}");
    let (d, o) = recs[0].clone().into_document().unwrap();
    assert!(d.text.len() <= 100_000);
    assert!(o.cut > 1_000_000 - 100_000, "{o:?}");
}

#[test]
fn not_a_warc() {
    let (recs, skips) = read(b"<html>hello</html>", "page.warc", u64::MAX);
    assert!(recs.is_empty());
    assert!(skips[0].reason.contains("not a WARC file"), "{skips:?}");
    let (recs, skips) = read(&gzip_members(&[b"hello".to_vec()]), "x.warc.gz", u64::MAX);
    assert!(recs.is_empty());
    assert!(skips[0].reason.contains("gzip file that does not hold a WARC"), "{skips:?}");
}

#[test]
fn gzip_encoded_payload() {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(page("Spain criticised Portugal.").as_bytes()).unwrap();
    let z = e.finish().unwrap();
    let mut body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    body.extend(&z);
    let (recs, skips) = read(&response(1, "https://news.example/z", &body), "z.warc", u64::MAX);
    assert!(skips.is_empty(), "{skips:?}");
    assert!(texts(&recs)[0].contains("Spain criticised Portugal."));
    let mut bad = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    bad.extend(b"not gzip at all");
    let (recs, skips) = read(&response(1, "https://news.example/z", &bad), "zbad.warc", u64::MAX);
    assert!(recs.is_empty());
    assert!(skips[0].reason.contains("cannot decode"), "{skips:?}");
}
