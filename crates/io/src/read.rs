//! Reading documents: plain text and JSONL, from files or standard input.
//!
//! A JSONL document is an object per line with `text` and, optionally, `id`, `date`
//! (`YYYY-MM-DD`, or a timestamp whose first ten characters are one), `url`, `outlet`
//! and `title`; other fields are ignored. A document without `id` gets one from a hash of
//! its text, so re-reading the same input gives the same ids.
//!
//! Bad input never stops a run: a line that is not JSON, not UTF-8, has no text, or a
//! file that is binary or unreadable is reported as a [`Skip`] with its file and line,
//! and reading goes on with the next record.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use attache_coder::Document;
use chrono::NaiveDate;
use serde::Deserialize;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One document per file (or per standard input).
    Text,
    /// One JSON document per line.
    Jsonl,
    /// Decide from the file extension, else from the first character (`{` → JSONL).
    Auto,
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
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
    /// The line (1-based) for JSONL, 0 for a whole file.
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
pub fn read_source(
    input: &Input,
    format: InputFormat,
    date: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document),
    skip: &mut dyn FnMut(Skip),
) {
    let name = input.to_string();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return skip(Skip { source: name, line: 0, reason: format!("cannot open: {e}") });
            }
        },
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let format = match format {
        InputFormat::Auto => detect(input, &mut reader),
        f => f,
    };
    match format {
        InputFormat::Jsonl => read_jsonl(&name, reader, emit, skip),
        _ => read_text(input, &name, reader, date, emit, skip),
    }
}

fn detect(input: &Input, reader: &mut BufReader<Box<dyn Read>>) -> InputFormat {
    if let Input::File(p) = input
        && let Some(ext) = p.extension().and_then(|e| e.to_str())
    {
        match ext.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => return InputFormat::Jsonl,
            "txt" | "text" => return InputFormat::Text,
            _ => {}
        }
    }
    match reader.fill_buf() {
        Ok(buf) => {
            let first = buf.iter().find(|b| !b.is_ascii_whitespace());
            if first == Some(&b'{') { InputFormat::Jsonl } else { InputFormat::Text }
        }
        Err(_) => InputFormat::Text,
    }
}

fn read_text(
    input: &Input,
    name: &str,
    mut reader: BufReader<Box<dyn Read>>,
    date: Option<NaiveDate>,
    emit: &mut dyn FnMut(Document),
    skip: &mut dyn FnMut(Skip),
) {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return skip(Skip { source: name.to_string(), line: 0, reason: format!("cannot read: {e}") });
    }
    if looks_binary(&bytes) {
        return skip(Skip {
            source: name.to_string(),
            line: 0,
            reason: "binary file (NUL bytes); give a text or JSONL file".into(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return skip(Skip {
                source: name.to_string(),
                line,
                reason: format!("not valid UTF-8 (byte {at}); convert the file to UTF-8, e.g. with iconv"),
            });
        }
    };
    if text.trim().is_empty() {
        return skip(Skip { source: name.to_string(), line: 0, reason: "empty document".into() });
    }
    let id = match input {
        Input::File(p) => file_id(p),
        Input::Stdin => content_id(&text),
    };
    emit(Document { id, text, date, ..Document::default() });
}

fn file_id(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
}

fn read_jsonl(
    name: &str,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Document),
    skip: &mut dyn FnMut(Skip),
) {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                skip(Skip { source: name.to_string(), line: line_no + 1, reason: format!("read error: {e}") });
                break;
            }
        }
        line_no += 1;
        let bytes = trim_ascii(&buf);
        if bytes.is_empty() {
            continue;
        }
        let sk = |reason: String| Skip { source: name.to_string(), line: line_no, reason };
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
        emit(Document { id, text, date, url: parsed.url, outlet, title: parsed.title });
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
}
