//! A record as read, before it becomes a [`Document`]: where it came from, what it says
//! about itself, and its body (plain text, or HTML whose main text is still to extract).
//!
//! Reading and extraction are two steps so that a caller can read on one thread and
//! extract in parallel (main-text extraction costs about as much as coding):
//! [`crate::read_records`] yields [`Record`]s, and [`Record::into_document`] turns one into
//! a [`Document`] and its [`Origin`], or a [`Skip`] saying why it has no text.

use std::fmt;

use attache_coder::Document;
use chrono::NaiveDate;

use crate::html;
use crate::read::{Skip, content_id};

/// The kind of input a record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A plain text file or standard input.
    Text,
    /// A line of a JSONL file.
    Jsonl,
    /// An HTML file.
    Html,
    /// An entry of an RSS or Atom feed.
    Feed,
    /// A record of a WARC file.
    Warc,
}

impl Kind {
    /// The lower-case name (`"warc"`), as stored in provenance.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Jsonl => "jsonl",
            Kind::Html => "html",
            Kind::Feed => "feed",
            Kind::Warc => "warc",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in its input a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locator {
    /// The whole file (a text or HTML file).
    Whole,
    /// A line (1-based) of a JSONL file.
    Line(usize),
    /// An entry (1-based) of a feed.
    Entry(usize),
    /// A WARC record: its number (1-based) and the byte offset of its header in the
    /// (uncompressed) stream.
    Record {
        /// The record number.
        index: usize,
        /// The byte offset.
        offset: u64,
    },
}

impl fmt::Display for Locator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Locator::Whole => Ok(()),
            Locator::Line(n) => write!(f, "line {n}"),
            Locator::Entry(n) => write!(f, "entry {n}"),
            Locator::Record { index, offset } => write!(f, "record {index} at byte {offset}"),
        }
    }
}

/// Where a document came from: kept with it as provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The input file (or `<stdin>`).
    pub source: String,
    /// Where in it.
    pub locator: Locator,
    /// What kind of input.
    pub kind: Kind,
    /// The bytes read for this record (the JSONL line, the WARC payload, the file).
    pub bytes: u64,
    /// The bytes past the `max_doc_bytes` limit that were not read, so not coded.
    pub cut: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.locator {
            Locator::Whole => f.write_str(&self.source),
            l => write!(f, "{} ({l})", self.source),
        }
    }
}

/// The body of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text, ready to code.
    Text(String),
    /// An HTML page or fragment, whose main text is extracted by [`Record::into_document`].
    Html(Vec<u8>),
}

/// A record read from an input.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Where it came from.
    pub origin: Origin,
    /// Its own id (a JSONL `id`, a feed entry's guid, a WARC-Record-ID, a file name);
    /// `None` gives a content hash of the text.
    pub id: Option<String>,
    /// The publication date, if the input gives one.
    pub date: Option<NaiveDate>,
    /// The URL.
    pub url: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// A date to fall back on when neither the input nor the page's metadata gives a
    /// publication date (a WARC record's crawl date).
    pub fallback_date: Option<NaiveDate>,
    /// The body.
    pub body: Body,
}

impl Record {
    /// The document to code: the text as is, or the main text extracted from the HTML
    /// (with its headline first, and the page's publication date and site name when the
    /// record has none); a [`Skip`] when no text is left.
    pub fn into_document(self) -> Result<(Document, Origin), Skip> {
        let Record { origin, id, mut date, url, mut outlet, mut title, fallback_date, body } = self;
        let text = match body {
            Body::Text(t) => t,
            Body::Html(bytes) => {
                let page = html::extract(&bytes, url.as_deref());
                date = date.or(page.published);
                outlet = outlet.or(page.site_name);
                if title.is_none() && !page.title.is_empty() {
                    title = Some(page.title.clone());
                }
                let mut text = String::with_capacity(page.text.len() + page.title.len() + 2);
                if !page.title.is_empty() && !page.text.starts_with(page.title.as_str()) {
                    text.push_str(&page.title);
                    text.push_str("\n\n");
                }
                text.push_str(&page.text);
                text
            }
        };
        date = date.or(fallback_date);
        if text.trim().is_empty() {
            let what = match origin.kind {
                Kind::Html | Kind::Warc | Kind::Feed => "no readable text in the page (empty or not an article)",
                _ => "empty document",
            };
            return Err(skip_at(&origin, what.to_string()));
        }
        let id = id.filter(|i| !i.is_empty()).unwrap_or_else(|| content_id(&text));
        Ok((Document { id, text, date, url, outlet, title }, origin))
    }
}

/// A skip for the record at `origin`.
pub(crate) fn skip_at(origin: &Origin, reason: String) -> Skip {
    match origin.locator {
        Locator::Whole => Skip { source: origin.source.clone(), line: 0, reason },
        Locator::Line(n) => Skip { source: origin.source.clone(), line: n, reason },
        l => Skip { source: origin.source.clone(), line: 0, reason: format!("{l}: {reason}") },
    }
}
