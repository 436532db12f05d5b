//! Reading documents: plain text, JSONL, HTML, RSS/Atom feeds and WARC archives, from
//! files, folders or standard input.
//!
//! A JSONL document is an object per line with `text` and, optionally, `id`, `date`
//! (`YYYY-MM-DD`, or a timestamp whose first ten characters are one), `url`, `outlet`
//! and `title`; other fields are ignored. A document without `id` gets one from a hash of
//! its text, so re-reading the same input gives the same ids.
//!
//! The format is chosen by extension (`.txt`, `.jsonl`, `.html`, `.rss`/`.atom`/`.xml`,
//! `.warc`, `.warc.gz`), else by content (`{`, `<html`, `<rss`/`<feed`, `WARC/`, gzip);
//! a folder is read file by file, in name order, recursively.
//!
//! Bad input never stops a run: a line that is not JSON, not UTF-8, has no text, a WARC
//! record that is damaged, a file that is binary or unreadable is reported as a [`Skip`]
//! with its file and line (or record), and reading goes on with the next record.
//!
//! Inputs are streamed: memory does not grow with the size of a file. A document longer
//! than [`ReadOptions::max_doc_bytes`] is cut there, and the cut is reported in its
//! [`Origin`]; a JSONL line that long cannot be parsed and is skipped.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use attache_coder::Document;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::record::{Body, Kind, Locator, Origin, Record};
use crate::{feed, warc};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One document per file (or per standard input).
    Text,
    /// One JSON document per line.
    Jsonl,
    /// One HTML page per file: its main text is extracted.
    Html,
    /// An RSS or Atom feed: one document per entry.
    Feed,
    /// A WARC archive, plain or gzipped: one document per HTML (or text) response.
    Warc,
    /// Decide from the file extension, else from the first bytes.
    Auto,
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, or a folder of files.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(p) => write!(f, "{}", p.display()),
            Input::Stdin => f.write_str("<stdin>"),
        }
    }
}

/// A record that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The input.
    pub source: String,
    /// The line (1-based) for JSONL, 0 for a whole file or a record named in `reason`.
    pub line: usize,
    /// What was wrong and what to do.
    pub reason: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: skipped: {}", self.source, self.line, self.reason)
        } else {
            write!(f, "{}: skipped: {}", self.source, self.reason)
        }
    }
}

/// What a text or HTML file without an id inside is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FileIds {
    /// Its file name without extension (`story.txt` → `story`): readable output for a
    /// few files.
    #[default]
    Stem,
    /// A hash of its text: the same article in two folders is one document, which is
    /// what a store that must not count a story twice needs.
    ContentHash,
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The format, or [`InputFormat::Auto`].
    pub format: InputFormat,
    /// The publication date of plain text (JSONL, feeds and WARC carry their own).
    pub date: Option<NaiveDate>,
    /// The most bytes of one document that are read; the rest is cut and counted.
    pub max_doc_bytes: u64,
    /// Ids of text and HTML files.
    pub file_ids: FileIds,
    /// Counts the bytes read from files (compressed bytes for `.gz`), for progress.
    pub progress: Option<Arc<AtomicU64>>,
    /// Set to stop reading: the readers check it between records.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl ReadOptions {
    /// Whether the caller asked to stop.
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: InputFormat::Auto,
            date: None,
            max_doc_bytes: u64::MAX,
            file_ids: FileIds::Stem,
            progress: None,
            cancel: None,
        }
    }
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    source: Option<serde_json::Value>,
    title: Option<String>,
}

/// A stable id from the text: FNV-1a, 64 bits, in hex.
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("doc-{h:016x}")
}

/// Parses a publication date: `YYYY-MM-DD`, or a timestamp that starts with one.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Reads the documents of one input, calling `emit` for each document and `skip` for
/// each record that cannot be read. `date` is the publication date given on the command
/// line for plain text (JSONL documents carry their own).
///
/// Documents are read whole (no size limit) and HTML is extracted on the calling thread;
/// [`read_records`] gives the records before extraction, with their provenance.
pub fn read_source(
    input: &Input,
    format: InputFormat,
    date: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document),
    skip: &mut dyn FnMut(Skip),
) {
    let opts = ReadOptions { format, date, ..ReadOptions::default() };
    // Both callbacks may skip: share `skip` between them.
    let skip = std::cell::RefCell::new(skip);
    read_records(
        input,
        &opts,
        &mut |r| match r.into_document() {
            Ok((d, _)) => emit(d),
            Err(s) => (skip.borrow_mut())(s),
        },
        &mut |s| (skip.borrow_mut())(s),
    );
}

/// Reads the records of one input (a file, a folder, or standard input), calling `emit`
/// for each record and `skip` for each that cannot be read.
pub fn read_records(input: &Input, opts: &ReadOptions, emit: &mut dyn FnMut(Record), skip: &mut dyn FnMut(Skip)) {
    let name = input.to_string();
    let sk = |reason: String| Skip { source: name.clone(), line: 0, reason };
    let (reader, size, path): (Box<dyn Read>, Option<u64>, Option<&Path>) = match input {
        Input::Stdin => (Box::new(std::io::stdin().lock()), None, None),
        Input::File(p) if p.is_dir() => {
            let (files, problems) = crate::walk::files(p);
            for reason in problems {
                skip(sk(reason));
            }
            for f in files {
                if opts.cancelled() {
                    return;
                }
                read_records(&Input::File(f), opts, emit, skip);
            }
            return;
        }
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => {
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(f), size, Some(p.as_path()))
            }
            Err(e) => return skip(sk(format!("cannot open: {e}"))),
        },
    };
    let reader: Box<dyn Read> = match &opts.progress {
        Some(counter) => Box::new(Counting { inner: reader, counter: counter.clone() }),
        None => reader,
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let format = match opts.format {
        InputFormat::Auto => detect(path, &mut reader),
        f => f,
    };
    let ctx = Ctx { name: &name, path, size, opts };
    match format {
        InputFormat::Jsonl => read_jsonl(&ctx, reader, emit, skip),
        InputFormat::Html => read_html(&ctx, reader, emit, skip),
        InputFormat::Feed => feed::read(&ctx, reader, emit, skip),
        InputFormat::Warc => warc::read(&ctx, reader, emit, skip),
        InputFormat::Text | InputFormat::Auto => read_text(&ctx, reader, emit, skip),
    }
}

/// What the format readers need to know of their input.
pub(crate) struct Ctx<'a> {
    /// The input's name for messages.
    pub name: &'a str,
    /// The file, if it is one.
    pub path: Option<&'a Path>,
    /// The file's size, if known.
    pub size: Option<u64>,
    /// The options.
    pub opts: &'a ReadOptions,
}

impl Ctx<'_> {
    pub(crate) fn skip(&self, line: usize, reason: String) -> Skip {
        Skip { source: self.name.to_string(), line, reason }
    }

    fn file_id(&self, text: &str) -> Option<String> {
        match (self.opts.file_ids, self.path) {
            (FileIds::Stem, Some(p)) => Some(file_id(p)),
            _ => Some(content_id(text)),
        }
    }
}

/// A reader that adds the bytes it reads to a shared counter.
struct Counting {
    inner: Box<dyn Read>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn detect(path: Option<&Path>, reader: &mut BufReader<Box<dyn Read>>) -> InputFormat {
    if let Some(name) = path.and_then(|p| p.file_name()).and_then(|n| n.to_str()) {
        let name = name.to_ascii_lowercase();
        if name.ends_with(".warc") || name.ends_with(".warc.gz") || name.ends_with(".arc.gz") {
            return InputFormat::Warc;
        }
        match name.rsplit('.').next().unwrap_or("") {
            "jsonl" | "ndjson" | "json" => return InputFormat::Jsonl,
            "txt" | "text" => return InputFormat::Text,
            "html" | "htm" | "xhtml" => return InputFormat::Html,
            "rss" | "atom" => return InputFormat::Feed,
            _ => {}
        }
    }
    let Ok(buf) = reader.fill_buf() else { return InputFormat::Text };
    sniff(buf)
}

/// The format of a file from its first bytes.
fn sniff(buf: &[u8]) -> InputFormat {
    if buf.starts_with(&[0x1f, 0x8b]) || buf.starts_with(b"WARC/") {
        return InputFormat::Warc;
    }
    let start = buf.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(buf.len());
    let head = &buf[start..buf.len().min(start + 4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if head.first() == Some(&b'{') {
        InputFormat::Jsonl
    } else if head.first() == Some(&b'<') && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) {
        InputFormat::Feed
    } else if head.first() == Some(&b'<') && (has(b"<html") || has(b"<!doctype html") || has(b"<body")) {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Reads at most `max` bytes; returns them and the number of bytes left unread (known
/// from the file size, or counted by draining a stream).
pub(crate) fn read_capped(reader: &mut dyn Read, max: u64, size: Option<u64>) -> std::io::Result<(Vec<u8>, u64)> {
    let mut bytes = Vec::new();
    reader.take(max).read_to_end(&mut bytes)?;
    if (bytes.len() as u64) < max {
        return Ok((bytes, 0));
    }
    let cut = match size {
        Some(s) => s.saturating_sub(bytes.len() as u64),
        None => std::io::copy(reader, &mut std::io::sink())?,
    };
    Ok((bytes, cut))
}

/// The longest prefix of `bytes` that ends on a character boundary when only the end of
/// `bytes` was cut mid-character; `bytes` unchanged otherwise.
pub(crate) fn trim_partial_char(bytes: &mut Vec<u8>) -> u64 {
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
    {
        let cut = bytes.len() - e.valid_up_to();
        bytes.truncate(e.valid_up_to());
        return cut as u64;
    }
    0
}

fn read_text(
    ctx: &Ctx,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Record),
    skip: &mut dyn FnMut(Skip),
) {
    let (mut bytes, mut cut) = match read_capped(&mut reader, ctx.opts.max_doc_bytes, ctx.size) {
        Ok(r) => r,
        Err(e) => return skip(ctx.skip(0, format!("cannot read: {e}"))),
    };
    if looks_binary(&bytes) {
        return skip(ctx.skip(0, "binary file (NUL bytes); give a text or JSONL file".into()));
    }
    if cut > 0 {
        cut += trim_partial_char(&mut bytes);
    }
    let read = bytes.len() as u64;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return skip(
                ctx.skip(line, format!("not valid UTF-8 (byte {at}); convert the file to UTF-8, e.g. with iconv")),
            );
        }
    };
    if text.trim().is_empty() {
        return skip(ctx.skip(0, "empty document".into()));
    }
    let id = ctx.file_id(&text);
    let origin = Origin { source: ctx.name.to_string(), locator: Locator::Whole, kind: Kind::Text, bytes: read, cut };
    emit(Record {
        origin,
        id,
        date: ctx.opts.date,
        url: None,
        outlet: None,
        title: None,
        fallback_date: None,
        body: Body::Text(text),
    });
}

fn read_html(
    ctx: &Ctx,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Record),
    skip: &mut dyn FnMut(Skip),
) {
    let (bytes, cut) = match read_capped(&mut reader, ctx.opts.max_doc_bytes, ctx.size) {
        Ok(r) => r,
        Err(e) => return skip(ctx.skip(0, format!("cannot read: {e}"))),
    };
    if looks_binary(&bytes) {
        return skip(ctx.skip(0, "binary file (NUL bytes), not HTML".into()));
    }
    // The id of an HTML file is known only once its text is extracted: a stem now, or
    // the content hash later.
    let id = match (ctx.opts.file_ids, ctx.path) {
        (FileIds::Stem, Some(p)) => Some(file_id(p)),
        _ => None,
    };
    let origin = Origin {
        source: ctx.name.to_string(),
        locator: Locator::Whole,
        kind: Kind::Html,
        bytes: bytes.len() as u64,
        cut,
    };
    emit(Record {
        origin,
        id,
        date: ctx.opts.date,
        url: None,
        outlet: None,
        title: None,
        fallback_date: None,
        body: Body::Html(bytes),
    });
}

fn file_id(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
}

/// Reads one line into `buf`, keeping at most `max` bytes of it; returns the length of
/// the whole line (0 at the end of input). A longer line is consumed to its end without
/// being kept, so that one huge line costs no memory.
pub(crate) fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
    let mut total = 0usize;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(total);
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

fn read_jsonl(
    ctx: &Ctx,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Record),
    skip: &mut dyn FnMut(Skip),
) {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let max = usize::try_from(ctx.opts.max_doc_bytes).unwrap_or(usize::MAX);
    while !ctx.opts.cancelled() {
        buf.clear();
        let len = match read_line_capped(&mut reader, &mut buf, max) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                skip(ctx.skip(line_no + 1, format!("read error: {e}")));
                break;
            }
        };
        line_no += 1;
        let sk = |reason: String| ctx.skip(line_no, reason);
        if len > buf.len() {
            skip(sk(format!(
                "the line is {len} bytes, over the limit of {max} bytes a document may have; \
                 split the document or raise the limit (--max-doc-bytes)"
            )));
            continue;
        }
        let bytes = trim_ascii(&buf);
        if bytes.is_empty() {
            continue;
        }
        if bytes.contains(&0) {
            skip(sk("binary data (NUL bytes) in the line".into()));
            continue;
        }
        let line = match std::str::from_utf8(bytes) {
            Ok(l) => l,
            Err(e) => {
                skip(sk(format!("not valid UTF-8 at byte {}; convert the file to UTF-8", e.valid_up_to())));
                continue;
            }
        };
        let parsed: JsonDoc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                skip(sk(format!("not a JSON document: {e}")));
                continue;
            }
        };
        let Some(text) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            skip(sk("no \"text\" field (or it is empty)".into()));
            continue;
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => content_id(&text),
        };
        let date = parsed.date.as_deref().and_then(parse_date);
        let source_name = match parsed.source {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        };
        let outlet = parsed.outlet.or(source_name);
        let origin = Origin {
            source: ctx.name.to_string(),
            locator: Locator::Line(line_no),
            kind: Kind::Jsonl,
            bytes: len as u64,
            cut: 0,
        };
        emit(Record {
            origin,
            id: Some(id),
            date,
            url: parsed.url,
            outlet,
            title: parsed.title,
            fallback_date: None,
            body: Body::Text(text),
        });
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &b[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;
    use std::io::Write;

    fn read_file(content: &[u8], ext: &str) -> (Vec<Document>, Vec<Skip>) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("attache-read-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(format!("input.{ext}"));
        std::fs::File::create(&p).unwrap().write_all(content).unwrap();
        let mut docs = Vec::new();
        let mut skips = Vec::new();
        read_source(&Input::File(p.clone()), InputFormat::Auto, None, &mut |d| docs.push(d), &mut |s| skips.push(s));
        std::fs::remove_dir_all(&dir).ok();
        (docs, skips)
    }

    #[test]
    fn jsonl_good_and_bad_lines() {
        let input = b"{\"id\": \"a\", \"text\": \"One.\", \"date\": \"2021-02-05\"}\n\
            {\"id\": \"b\", \"text\": \"Two.\", \"date\": null, \"extra\": [1,2]}\n\
            {\"id\": \"c\", \"text\": \"Tru\n\
            not json at all\n\
            \n\
            {\"id\": \"d\"}\n\
            {\"text\": \"No id here.\", \"date\": \"2021-02-05T10:00:00Z\"}\n\
            {\"id\": 7, \"text\": \"Numeric id.\", \"date\": \"yesterday\"}\n";
        let (docs, skips) = read_file(input, "jsonl");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(ids[..2], ["a", "b"]);
        assert!(ids[2].starts_with("doc-"));
        assert_eq!(ids[3], "7");
        assert_eq!(docs[0].date, NaiveDate::from_ymd_opt(2021, 2, 5));
        assert_eq!(docs[1].date, None);
        assert_eq!(docs[2].date, NaiveDate::from_ymd_opt(2021, 2, 5));
        assert_eq!(docs[3].date, None);
        let lines: Vec<usize> = skips.iter().map(|s| s.line).collect();
        assert_eq!(lines, [3, 4, 6]);
        assert!(skips[0].to_string().contains("input.jsonl:3"));
    }

    #[test]
    fn invalid_utf8_line_is_skipped_alone() {
        let mut input = b"{\"id\": \"a\", \"text\": \"caf".to_vec();
        input.extend([0xff, 0xfe]);
        input.extend(b"\"}\n{\"id\": \"b\", \"text\": \"fine\"}\n");
        let (docs, skips) = read_file(&input, "jsonl");
        assert_eq!(docs.len(), 1);
        assert_eq!(skips.len(), 1);
        assert_eq!(skips[0].line, 1);
        assert!(skips[0].reason.contains("UTF-8"));
    }

    #[test]
    fn text_files() {
        let (docs, skips) = read_file("Russia expelled them.".as_bytes(), "txt");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "input");
        assert!(skips.is_empty());
        let (docs, skips) = read_file(b"", "txt");
        assert!(docs.is_empty());
        assert!(skips[0].reason.contains("empty"));
        let (docs, skips) = read_file(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2], "bin");
        assert!(docs.is_empty());
        assert!(skips[0].reason.contains("binary"));
        let (docs, skips) = read_file(&[b'a', 0xc3, 0x28], "txt");
        assert!(docs.is_empty());
        assert!(skips[0].reason.contains("UTF-8"));
    }

    #[test]
    fn detects_jsonl_by_content() {
        let (docs, _) = read_file(b"  {\"text\": \"x\"}\n", "dat");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "x");
    }

    #[test]
    fn missing_file() {
        let mut skips = Vec::new();
        read_source(&Input::File("/nonexistent/x.txt".into()), InputFormat::Auto, None, &mut |_| {}, &mut |s| {
            skips.push(s)
        });
        assert!(skips[0].reason.contains("cannot open"));
    }

    fn records(input: &Input, opts: &ReadOptions) -> (Vec<Record>, Vec<Skip>) {
        let (mut recs, mut skips) = (Vec::new(), Vec::new());
        read_records(input, opts, &mut |r| recs.push(r), &mut |s| skips.push(s));
        (recs, skips)
    }

    #[test]
    fn a_huge_sparse_file_is_cut_without_reading_it_whole() {
        let dir = std::env::temp_dir().join(format!("attache-read-huge-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("huge.txt");
        let mut f = std::fs::File::create(&p).unwrap();
        let sentence = "France expelled a Russian diplomat. ";
        for _ in 0..(200_000 / sentence.len() + 1) {
            f.write_all(sentence.as_bytes()).unwrap();
        }
        // 1 GiB on paper, a few blocks on disk
        f.set_len(1 << 30).unwrap();
        drop(f);
        let opts = ReadOptions { max_doc_bytes: 100_001, ..ReadOptions::default() };
        let (recs, skips) = records(&Input::File(p), &opts);
        assert!(skips.is_empty(), "{skips:?}");
        assert_eq!(recs[0].origin.bytes + recs[0].origin.cut, 1 << 30);
        assert!(recs[0].origin.bytes <= 100_001);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_jsonl_line_over_the_limit_is_skipped_without_holding_it() {
        let long = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n", "a ".repeat(100_000));
        let mut input = long.into_bytes();
        input.extend(b"{\"id\": \"small\", \"text\": \"France expelled him.\"}\n");
        let dir = std::env::temp_dir().join(format!("attache-read-long-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("long.jsonl");
        std::fs::write(&p, input).unwrap();
        let opts = ReadOptions { max_doc_bytes: 10_000, ..ReadOptions::default() };
        let (recs, skips) = records(&Input::File(p), &opts);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].id.as_deref(), Some("small"));
        assert_eq!(skips[0].line, 1);
        assert!(skips[0].reason.contains("--max-doc-bytes"), "{skips:?}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_folder_of_mixed_files_by_extension_and_content() {
        let dir = std::env::temp_dir().join(format!("attache-read-dir-{}", std::process::id()));
        let files: [(&str, &[u8]); 5] = [
            ("a.txt", b"France expelled a Russian diplomat."),
            ("b/page.html", b"<html><body><p>Poland summoned the German ambassador.</p></body></html>"),
            ("b/noext", b"<!DOCTYPE html><html><body><p>Italy praised Spain.</p></body></html>"),
            ("c.jsonl", b"{\"id\": \"j1\", \"text\": \"Japan hosted Korea.\"}\n"),
            ("d.bin", &[0, 1, 2, 3]),
        ];
        for (name, content) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, content).unwrap();
        }
        let opts = ReadOptions { file_ids: FileIds::ContentHash, ..ReadOptions::default() };
        let (recs, skips) = records(&Input::File(dir.clone()), &opts);
        let docs: Vec<Document> = recs.into_iter().map(|r| r.into_document().unwrap().0).collect();
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[0], "France expelled a Russian diplomat.");
        assert!(texts[1].contains("Italy praised Spain."), "sniffed as HTML: {texts:?}");
        assert!(texts[2].contains("Poland summoned"), "{texts:?}");
        assert_eq!(texts[3], "Japan hosted Korea.");
        assert_eq!(docs[0].id, content_id(texts[0]), "content-hash ids");
        assert_eq!(docs[3].id, "j1", "own ids kept");
        assert_eq!(skips.len(), 1);
        assert!(skips[0].source.ends_with("d.bin") && skips[0].reason.contains("binary"), "{skips:?}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
