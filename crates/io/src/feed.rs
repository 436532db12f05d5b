//! RSS and Atom feeds (saved to files): one document per entry, parsed by `feed-rs`.
//!
//! An entry's document is its content, else its summary (HTML fragments, whose text is
//! extracted like a page's), with its title, link, publication date and id (the guid, else
//! the link, else a content hash: never a random id, so re-reading adds nothing).
//!
//! A feed whose DOCTYPE declares entities is refused: that is how XML entity bombs
//! ("billion laughs") and external entities (local files, URLs) are smuggled in, and no
//! news feed needs them. `feed-rs` would not expand them anyway; refusing says so.

use std::io::{BufReader, Read};

use quick_xml::events::Event as Xml;

use crate::read::{Ctx, Skip, read_capped, trim_partial_char};
use crate::record::{Body, Kind, Locator, Origin, Record};

/// A feed is parsed whole, so it may have at most this many bytes (or the document limit,
/// when that is larger).
pub const MAX_FEED_BYTES: u64 = 64 << 20;

pub(crate) fn read(
    ctx: &Ctx,
    mut reader: BufReader<Box<dyn Read>>,
    emit: &mut dyn FnMut(Record),
    skip: &mut dyn FnMut(Skip),
) {
    let limit = MAX_FEED_BYTES.max(ctx.opts.max_doc_bytes.min(u64::MAX - 1));
    let (bytes, cut) = match read_capped(&mut reader, limit, ctx.size) {
        Ok(r) => r,
        Err(e) => return skip(ctx.skip(0, format!("cannot read: {e}"))),
    };
    if cut > 0 {
        return skip(ctx.skip(
            0,
            format!(
                "the feed has more than {limit} bytes, more than a feed is read whole; split it into smaller files"
            ),
        ));
    }
    if let Some(reason) = declares_entities(&bytes) {
        return skip(ctx.skip(0, reason));
    }
    // No random ids for entries without one: they get the link or a content hash below.
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let feed = match parser.parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => return skip(ctx.skip(0, format!("not a readable RSS or Atom feed: {e}"))),
    };
    drop(bytes);
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        if ctx.opts.cancelled() {
            return;
        }
        let locator = Locator::Entry(i + 1);
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content).filter(|b| !b.trim().is_empty()));
        let Some(body) = body else {
            skip(ctx.skip(0, format!("{locator}: no content or summary to code")));
            continue;
        };
        let mut body = body.into_bytes();
        let mut cut = 0;
        if body.len() as u64 > ctx.opts.max_doc_bytes {
            cut = body.len() as u64 - ctx.opts.max_doc_bytes;
            body.truncate(ctx.opts.max_doc_bytes as usize);
            cut += trim_partial_char(&mut body);
        }
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let id = Some(entry.id).filter(|i| !i.trim().is_empty()).or_else(|| url.clone());
        let origin = Origin { source: ctx.name.to_string(), locator, kind: Kind::Feed, bytes: body.len() as u64, cut };
        emit(Record {
            origin,
            id,
            date: entry.published.or(entry.updated).map(|d| d.date_naive()),
            url,
            outlet: outlet.clone(),
            title: entry.title.map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" ")),
            fallback_date: None,
            body: Body::Html(body),
        });
    }
}

/// Why the feed is refused, when its DOCTYPE declares entities.
fn declares_entities(bytes: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    loop {
        match reader.read_event() {
            Ok(Xml::DocType(d)) => {
                let decl: &[u8] = d.as_ref().as_bytes();
                if decl.windows(8).any(|w| w.eq_ignore_ascii_case(b"<!ENTITY")) {
                    return Some(
                        "the feed's DOCTYPE declares XML entities (an entity bomb or external entity); \
                         attache never expands them: remove the DOCTYPE to read the feed"
                            .into(),
                    );
                }
            }
            Ok(Xml::Decl(_) | Xml::Comment(_) | Xml::PI(_) | Xml::Text(_)) => continue,
            // the root element: the prolog is over; errors are for feed-rs to report
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::read::{InputFormat, ReadOptions, read_records};
    use crate::{Input, Record, Skip};

    fn read(content: &str, ext: &str) -> (Vec<Record>, Vec<Skip>) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("attache-feed-{}-{n}.{ext}", std::process::id()));
        std::fs::write(&p, content).unwrap();
        let (mut recs, mut skips) = (Vec::new(), Vec::new());
        let opts = ReadOptions { format: InputFormat::Auto, ..ReadOptions::default() };
        read_records(&Input::File(p.clone()), &opts, &mut |r| recs.push(r), &mut |s| skips.push(s));
        std::fs::remove_file(p).ok();
        (recs, skips)
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.com</link>
<item><title>France expels diplomats</title><link>https://example.com/1</link><guid>urn:example:1</guid>
<pubDate>Fri, 05 Feb 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;France expelled two Russian diplomats on Friday.&lt;/p&gt;</description></item>
<item><title>No guid</title><link>https://example.com/2</link>
<description>Poland summoned the German ambassador.</description></item>
<item><title>Empty</title><link>https://example.com/3</link></item>
</channel></rss>"#;

    #[test]
    fn rss_entries_become_documents() {
        let (recs, skips) = read(RSS, "xml");
        assert_eq!(recs.len(), 2, "{skips:?}");
        let (d, o) = recs[0].clone().into_document().unwrap();
        assert_eq!(d.id, "urn:example:1");
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2021, 2, 5));
        assert_eq!(d.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(d.url.as_deref(), Some("https://example.com/1"));
        assert!(d.text.contains("France expelled two Russian diplomats on Friday."), "{}", d.text);
        assert_eq!(o.locator.to_string(), "entry 1");
        let (d, _) = recs[1].clone().into_document().unwrap();
        assert_eq!(d.id, "https://example.com/2", "the link stands for a missing guid");
        assert_eq!(skips.len(), 1);
        assert!(skips[0].reason.contains("entry 3: no content"), "{skips:?}");
    }

    #[test]
    fn atom() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:feed</id><updated>2021-02-05T00:00:00Z</updated>
<entry><title>Talks</title><id>urn:entry:1</id><updated>2021-02-04T00:00:00Z</updated>
<content type="html">&lt;p&gt;Germany and France held talks in Berlin.&lt;/p&gt;</content></entry></feed>"#;
        let (recs, skips) = read(atom, "atom");
        assert!(skips.is_empty(), "{skips:?}");
        let (d, _) = recs[0].clone().into_document().unwrap();
        assert_eq!(d.id, "urn:entry:1");
        assert!(d.text.contains("Germany and France held talks in Berlin."));
    }

    #[test]
    fn entity_bomb_and_external_entities_are_refused() {
        let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"#;
        let (recs, skips) = read(bomb, "rss");
        assert!(recs.is_empty());
        assert!(skips[0].reason.contains("entity bomb"), "{skips:?}");
        let xxe = r#"<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>X</title><item><title>x</title><description>&xxe;</description></item></channel></rss>"#;
        let (recs, skips) = read(xxe, "rss");
        assert!(recs.is_empty());
        assert!(skips[0].reason.contains("external entity"), "{skips:?}");
    }

    #[test]
    fn not_a_feed() {
        let (recs, skips) = read("<rss><channel><item><title>unclosed", "rss");
        assert!(recs.is_empty());
        assert!(skips[0].reason.contains("not a readable RSS or Atom feed"), "{skips:?}");
    }
}
