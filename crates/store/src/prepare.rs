//! A coded document made ready for the store: everything the writer needs, nothing it
//! does not (the document's text is dropped once the evidence of every mention is cut
//! from it, so a batch waiting for the writer holds little memory).
//!
//! Preparing runs on the coding threads, so the single writer thread only writes.

use attache_coder::{Coded, Document, Event, Span};
use attache_io::Origin;
use chrono::NaiveDate;

/// A coded document, ready to write.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document id.
    pub id: String,
    /// A hash of the text (same text, same hash).
    pub hash: String,
    /// The publication date.
    pub date: Option<NaiveDate>,
    /// The URL.
    pub url: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where it came from.
    pub origin: Origin,
    /// Its number of sentences.
    pub sentences: usize,
    /// Its events.
    pub events: Vec<PreparedEvent>,
}

/// One event of a prepared document.
#[derive(Debug, Clone)]
pub struct PreparedEvent {
    /// The event.
    pub event: Event,
    /// Its JSON record, as `attache code --format jsonl` writes it.
    pub record: String,
    /// The sentence of each of `event.mentions`, in the same order.
    pub mentions: Vec<String>,
}

impl Prepared {
    /// Prepares the result of coding `doc`.
    pub fn new(doc: &Document, origin: Origin, coded: Coded) -> Prepared {
        let spans: Vec<Span> = coded.events.iter().flat_map(|e| e.mentions.iter().map(|m| m.span)).collect();
        let mut texts = char_slices(&doc.text, &spans).into_iter();
        let events = coded
            .events
            .into_iter()
            .map(|event| {
                let mentions: Vec<String> = texts.by_ref().take(event.mentions.len()).collect();
                // An Event always serialises (its fields are plain data).
                let record = serde_json::to_string(&event).unwrap_or_default();
                PreparedEvent { event, record, mentions }
            })
            .collect();
        Prepared {
            id: doc.id.clone(),
            hash: attache_io::read::content_id(&doc.text),
            date: doc.date,
            url: doc.url.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            origin,
            sentences: coded.sentences,
            events,
        }
    }

    /// What counts as one source for NumSources: the outlet, else the URL's host, else
    /// the document itself.
    pub fn source_key(&self) -> String {
        if let Some(o) = self.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            return o.to_lowercase();
        }
        if let Some(host) = self.url.as_deref().and_then(host) {
            return host;
        }
        format!("doc:{}", self.id)
    }
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The text of each span (Unicode scalar offsets, end-exclusive), in one pass over the
/// text whatever the number of spans.
fn char_slices(text: &str, spans: &[Span]) -> Vec<String> {
    let mut bounds: Vec<u32> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut byte_of = Vec::with_capacity(bounds.len());
    let mut next = bounds.iter().peekable();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        while next.peek().is_some_and(|&&b| b as usize == ci) {
            byte_of.push(bi);
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    while next.next().is_some() {
        byte_of.push(text.len());
    }
    let at = |c: u32| byte_of[bounds.binary_search(&c).unwrap_or(0)];
    spans.iter().map(|s| text.get(at(s.start)..at(s.end).max(at(s.start))).unwrap_or("").to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters() {
        let text = "Éric a dit: «France expelled him.» Then more.";
        let spans = [Span { start: 13, end: 34 }, Span { start: 0, end: 4 }, Span { start: 35, end: 45 }];
        assert_eq!(char_slices(text, &spans), ["France expelled him.»", "Éric", "Then more."]);
        assert_eq!(char_slices("abc", &[Span { start: 2, end: 9 }]), ["c"]);
    }

    #[test]
    fn source_keys() {
        let mut p = Prepared {
            id: "d".into(),
            hash: String::new(),
            date: None,
            url: Some("https://www.Example.com:443/a?b".into()),
            outlet: None,
            title: None,
            origin: attache_io::Origin {
                source: String::new(),
                locator: attache_io::Locator::Whole,
                kind: attache_io::Kind::Text,
                bytes: 0,
                cut: 0,
            },
            sentences: 0,
            events: vec![],
        };
        assert_eq!(p.source_key(), "example.com");
        p.outlet = Some(" Reuters ".into());
        assert_eq!(p.source_key(), "reuters");
        p.outlet = None;
        p.url = None;
        assert_eq!(p.source_key(), "doc:d");
    }
}
