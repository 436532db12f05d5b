//! WARC archives, plain or gzipped (Common Crawl News ships `.warc.gz`): one document per
//! HTML or text response.
//!
//! Records are parsed by the `warc` crate and HTTP headers by `httparse`; this module
//! only decides what a record holds and keeps going when one is damaged:
//!
//! * `response` records with a 2xx HTTP status and an HTML or plain-text content type
//!   become documents (HTML through [`crate::html`]); `resource` and `conversion`
//!   records (WET files) by their WARC content type. Requests, metadata, redirects,
//!   images and the like are not documents and are passed over without a message.
//! * a damaged record (bad header, wrong length, undecodable content) is a [`Skip`]
//!   naming its number and byte offset, and reading resumes at the next line that starts
//!   a record (`WARC/1.x`);
//! * a truncated or corrupt gzip stream ends the file with a skip: the records before
//!   it were read, nothing after it can be.
//!
//! Memory is bounded whatever the input: a payload is read up to the document limit and
//! the rest of it streamed past; a header line or header block is at most [`MAX_HEADER`]
//! bytes.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use flate2::read::{GzDecoder, MultiGzDecoder, ZlibDecoder};
use warc::{Error as WarcError, RecordType, WarcHeader, WarcReader};

use crate::read::{Ctx, Skip, read_line_capped, trim_partial_char};
use crate::record::{Body, Kind, Locator, Origin, Record};

/// The most bytes a record's WARC header block (or HTTP header block) may have.
pub const MAX_HEADER: usize = 1 << 20;

/// The HTTP header block of a response is read with at most this many bytes.
const MAX_HTTP_HEADER: u64 = 64 << 10;

/// A header the stream refuses before the parser sees it, told apart from I/O errors.
#[derive(Debug)]
enum BadHeader {
    /// Longer than [`MAX_HEADER`].
    TooLong,
    /// Not UTF-8 (the parser would panic on it).
    NotUtf8,
}

impl std::fmt::Display for BadHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadHeader::TooLong => write!(f, "a WARC header is longer than {MAX_HEADER} bytes"),
            BadHeader::NotUtf8 => write!(f, "a WARC header line is not UTF-8"),
        }
    }
}

impl std::error::Error for BadHeader {}

/// The byte stream under the `warc` parser: counts offsets, bounds header reads, and can
/// put back the line found when resynchronising after a damaged record.
///
/// The parser reads headers line by line through `BufRead` and bodies through `Read`, so
/// bytes consumed through `BufRead` since the last `Read` are header bytes: they are
/// counted, and checked to be UTF-8 line by line (`warc` unwraps header values as UTF-8).
struct Stream<R> {
    inner: R,
    pushback: Vec<u8>,
    pos: usize,
    offset: Rc<Cell<u64>>,
    header_bytes: usize,
    line: Vec<u8>,
    not_utf8: bool,
}

impl<R: BufRead> Stream<R> {
    fn advance(&self, n: usize) {
        self.offset.set(self.offset.get() + n as u64);
    }

    /// Moves to the next line that starts a record; `false` at the end of the input.
    fn resync(&mut self) -> io::Result<bool> {
        self.pushback.clear();
        self.pos = 0;
        self.header_bytes = 0;
        self.line.clear();
        self.not_utf8 = false;
        let mut line = Vec::with_capacity(16);
        loop {
            line.clear();
            let n = read_line_capped(&mut self.inner, &mut line, 16)?;
            if n == 0 {
                return Ok(false);
            }
            if n <= 12 && line.starts_with(b"WARC/1.") {
                self.pushback = line;
                return Ok(true);
            }
            self.advance(n);
        }
    }
}

impl<R: BufRead> Read for Stream<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        self.header_bytes = 0;
        self.line.clear();
        let n = if self.pos < self.pushback.len() {
            let n = out.len().min(self.pushback.len() - self.pos);
            out[..n].copy_from_slice(&self.pushback[self.pos..self.pos + n]);
            self.pos += n;
            n
        } else {
            self.inner.read(out)?
        };
        self.advance(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Stream<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.header_bytes > MAX_HEADER {
            return Err(io::Error::new(io::ErrorKind::InvalidData, BadHeader::TooLong));
        }
        if self.not_utf8 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, BadHeader::NotUtf8));
        }
        if self.pos < self.pushback.len() {
            return Ok(&self.pushback[self.pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.header_bytes += amt;
        self.advance(amt);
        let consumed: &[u8] = if self.pos < self.pushback.len() {
            &self.pushback[self.pos..self.pos + amt]
        } else {
            // the bytes are still in the buffer: fill_buf gives them again without reading
            self.inner.fill_buf().map(|b| &b[..amt.min(b.len())]).unwrap_or(&[])
        };
        for chunk in consumed.split_inclusive(|&b| b == b'\n') {
            self.line.extend_from_slice(chunk);
            if chunk.ends_with(b"\n") {
                self.not_utf8 |= std::str::from_utf8(&self.line).is_err();
                self.line.clear();
            }
        }
        if self.pos < self.pushback.len() {
            self.pos += amt;
        } else {
            self.inner.consume(amt);
        }
    }
}

/// What to do after a damaged record.
enum Recovery {
    /// Look for the next record.
    Resync,
    /// Stop reading the file.
    Stop,
}

fn classify(e: &WarcError) -> (String, Recovery) {
    match e {
        WarcError::ParseHeaders(_) => ("malformed WARC header".into(), Recovery::Resync),
        WarcError::MissingHeader(h) => (format!("the WARC header lacks the required field {h}"), Recovery::Resync),
        WarcError::MalformedHeader(h, why) => (format!("malformed WARC field {h}: {why}"), Recovery::Resync),
        WarcError::ReadOverflow => ("the record is longer than its Content-Length".into(), Recovery::Resync),
        WarcError::UnexpectedEOB => {
            ("the file ends inside the record: it is truncated; the records before it were read".into(), Recovery::Stop)
        }
        WarcError::ReadData(io) => read_error(io),
    }
}

fn read_error(io: &io::Error) -> (String, Recovery) {
    if io.get_ref().is_some_and(|e| e.is::<BadHeader>()) {
        return (format!("{io}: not a WARC record"), Recovery::Resync);
    }
    (
        format!(
            "read error: {io} (a truncated or corrupt gzip stream?); the records before it were read, \
             the rest of the file cannot be"
        ),
        Recovery::Stop,
    )
}

pub(crate) fn read(
    ctx: &Ctx,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Record),
    skip: &mut dyn FnMut(Skip),
) {
    let gz = matches!(reader.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
    let inner: Box<dyn BufRead> =
        if gz { Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader))) } else { Box::new(reader) };
    let offset = Rc::new(Cell::new(0u64));
    let mut stream = Stream {
        inner,
        pushback: Vec::new(),
        pos: 0,
        offset: offset.clone(),
        header_bytes: 0,
        line: Vec::new(),
        not_utf8: false,
    };
    match stream.fill_buf() {
        Ok(b) if b.starts_with(b"WARC/") => {}
        Ok([]) => return skip(ctx.skip(0, "empty file".into())),
        Ok(_) => {
            let what = if gz { "a gzip file that does not hold a WARC archive" } else { "not a WARC file" };
            return skip(ctx.skip(0, format!("{what} (it does not start with `WARC/`)")));
        }
        Err(e) => return skip(ctx.skip(0, read_error(&e).0)),
    }
    let mut index = 0usize;
    loop {
        // A fresh parser after each damaged record: it starts at a record boundary.
        let mut parser = WarcReader::new(&mut stream);
        let mut records = parser.stream_records();
        let mut first = true;
        // The last record's document, emitted once the parser has found the record's end
        // where its Content-Length says: a wrong length makes the record a skip.
        let mut pending: Option<(Record, Locator)> = None;
        let recovery = loop {
            if ctx.opts.cancelled() {
                return;
            }
            // the previous body was read to its end, so only its 4-byte trailer is left
            let body_end = offset.get();
            let start = body_end + if first { 0 } else { 4 };
            let item = records.next_item();
            let bad_end = !first
                && matches!(&item, Some(Err(e)) if !matches!(e, WarcError::UnexpectedEOB))
                && offset.get() <= body_end + 4;
            first = false;
            if let Some((doc, at)) = pending.take() {
                if bad_end {
                    skip(ctx.skip(
                        0,
                        format!(
                            "{at}: the record does not end where its Content-Length says (a wrong length); \
                             skipped to the next record"
                        ),
                    ));
                } else {
                    emit(doc);
                }
            }
            if bad_end {
                break Recovery::Resync;
            }
            let Some(item) = item else { return };
            index += 1;
            let locator = Locator::Record { index, offset: start };
            let mut record = match item {
                Ok(r) => r,
                Err(e) => {
                    let (reason, recovery) = classify(&e);
                    let then = if matches!(recovery, Recovery::Resync) { "; skipped to the next record" } else { "" };
                    skip(ctx.skip(0, format!("{locator}: {reason}{then}")));
                    break recovery;
                }
            };
            match document(ctx, &mut record, locator) {
                Ok(Some(r)) => pending = Some((r, locator)),
                Ok(None) => {}
                Err(Damage::Record(reason)) => skip(ctx.skip(0, format!("{locator}: {reason}"))),
                Err(Damage::Stream(e)) => return skip(ctx.skip(0, format!("{locator}: {}", read_error(&e).0))),
            }
            // the rest of the body is streamed past, never held
            match io::copy(&mut record, &mut io::sink()) {
                Ok(_) if record.content_length() == 0 => {}
                Ok(_) => return skip(ctx.skip(0, format!("{locator}: {}", classify(&WarcError::UnexpectedEOB).0))),
                Err(e) => return skip(ctx.skip(0, format!("{locator}: {}", read_error(&e).0))),
            }
        };
        match recovery {
            Recovery::Stop => return,
            Recovery::Resync => match stream.resync() {
                Ok(true) => continue,
                Ok(false) => return,
                Err(e) => return skip(ctx.skip(0, format!("after record {index}: {}", read_error(&e).0))),
            },
        }
    }
}

/// Why a record gave no document.
enum Damage {
    /// This record is bad; the next may be fine.
    Record(String),
    /// The stream under it failed: nothing more can be read.
    Stream(io::Error),
}

/// The document a record holds, if it holds one.
fn document<T: Read>(
    ctx: &Ctx,
    record: &mut warc::Record<warc::StreamingBody<'_, T>>,
    locator: Locator,
) -> Result<Option<Record>, Damage> {
    let kind = record.warc_type().clone();
    let warc_type = record.header(WarcHeader::ContentType).map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    let length = record.content_length();
    let max = ctx.opts.max_doc_bytes;
    let (bytes, cut, html) = match kind {
        RecordType::Response => {
            if !warc_type.is_empty() && !warc_type.starts_with("application/http") {
                return Ok(None);
            }
            let mut head = Vec::new();
            record.by_ref().take(MAX_HTTP_HEADER.saturating_add(max)).read_to_end(&mut head).map_err(Damage::Stream)?;
            match http_payload(head, max)? {
                Some((bytes, cut_decoded, html)) => {
                    let unread = length.saturating_sub(MAX_HTTP_HEADER.saturating_add(max));
                    (bytes, cut_decoded + unread, html)
                }
                None => return Ok(None),
            }
        }
        RecordType::Resource | RecordType::Conversion => {
            let Some(html) = text_kind(&warc_type) else { return Ok(None) };
            let mut bytes = Vec::new();
            record.by_ref().take(max).read_to_end(&mut bytes).map_err(Damage::Stream)?;
            (bytes, length.saturating_sub(max), html)
        }
        _ => return Ok(None),
    };
    let mut bytes = bytes;
    let mut cut = cut;
    if cut > 0 {
        cut += trim_partial_char(&mut bytes);
    }
    let url = record.header(WarcHeader::TargetURI).map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    let outlet = url.as_deref().and_then(host);
    let id = record.warc_id().trim().trim_start_matches('<').trim_end_matches('>').to_string();
    let origin = Origin { source: ctx.name.to_string(), locator, kind: Kind::Warc, bytes: length, cut };
    let body = if html {
        Body::Html(bytes)
    } else {
        match String::from_utf8(bytes) {
            Ok(t) => Body::Text(t),
            Err(e) => Body::Text(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    };
    Ok(Some(Record {
        origin,
        id: Some(id).filter(|i| !i.is_empty()),
        date: None,
        url,
        outlet,
        title: None,
        fallback_date: Some(record.date().date_naive()),
        body,
    }))
}

/// Whether a content type is HTML (`Some(true)`), plain text (`Some(false)`), or neither.
fn text_kind(content_type: &str) -> Option<bool> {
    let ct = content_type.trim().to_ascii_lowercase();
    if ct.contains("html") {
        Some(true)
    } else if ct.starts_with("text/plain") || ct.is_empty() {
        Some(false)
    } else {
        None
    }
}

/// The payload of an HTTP response (its first bytes in `head`): decoded, cut to `max`
/// bytes, with the bytes cut and whether it is HTML; `None` when it is not a document.
#[allow(clippy::type_complexity)]
fn http_payload(head: Vec<u8>, max: u64) -> Result<Option<(Vec<u8>, u64, bool)>, Damage> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let header_len = match response.parse(&head) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err(Damage::Record("the HTTP response ends inside its headers".into()));
        }
        Err(e) => return Err(Damage::Record(format!("malformed HTTP response: {e}"))),
    };
    if !response.code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let Some(html) = text_kind(&header("content-type").unwrap_or_default()) else { return Ok(None) };
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        return Err(Damage::Record(
            "the payload keeps its chunked transfer encoding, which attache does not decode".into(),
        ));
    }
    let encoding = header("content-encoding").unwrap_or_default();
    let mut body = head;
    body.drain(..header_len);
    let (mut bytes, cut) = match encoding.as_str() {
        "" | "identity" | "none" => {
            let cut = (body.len() as u64).saturating_sub(max);
            body.truncate(usize::try_from(max).unwrap_or(usize::MAX).min(body.len()));
            (body, cut)
        }
        "gzip" | "x-gzip" => decode(GzDecoder::new(&body[..]), max)?,
        "deflate" => decode(ZlibDecoder::new(&body[..]), max)?,
        other => {
            return Err(Damage::Record(format!(
                "the payload is compressed with `{other}`, which attache does not decode"
            )));
        }
    };
    if cut > 0 {
        trim_partial_char(&mut bytes);
    }
    Ok(Some((bytes, cut, html)))
}

/// At most `max` decoded bytes, and how many more there were (counted up to 1 GiB: a
/// compression bomb costs time, never memory).
fn decode(mut decoder: impl Read, max: u64) -> Result<(Vec<u8>, u64), Damage> {
    let mut out = Vec::new();
    let bad = |e: io::Error| Damage::Record(format!("cannot decode the compressed payload: {e}"));
    decoder.by_ref().take(max).read_to_end(&mut out).map_err(bad)?;
    let cut = io::copy(&mut decoder.take(1 << 30), &mut io::sink()).unwrap_or(0);
    Ok((out, cut))
}

/// The host of a URL without `www.`, as the outlet of a page that names none.
fn host(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let h = u.host_str()?;
    Some(h.strip_prefix("www.").unwrap_or(h).to_string())
}

#[cfg(test)]
mod tests;
