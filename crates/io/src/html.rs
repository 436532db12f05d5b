//! Main text of an HTML page: the article without navigation, adverts and footers.
//!
//! Extraction is `dom_smoothie`'s port of Mozilla's Readability (html5ever underneath,
//! so broken HTML parses the way browsers parse it). When Readability finds no article
//! (a short page, a feed entry's fragment) the visible text of the body is used instead,
//! without scripts and styles.

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};

use crate::read::parse_date;

/// What a page gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The headline (empty when the page has none).
    pub title: String,
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// The publication date from the page's metadata (`article:published_time`, JSON-LD).
    pub published: Option<NaiveDate>,
    /// The site name from the page's metadata (`og:site_name`).
    pub site_name: Option<String>,
}

/// Extracts the main text of `html`. Bytes that are not UTF-8 are replaced (U+FFFD):
/// pages in other encodings give damaged words, never an error.
///
/// ```
/// let page = attache_io::html::extract(b"<html><head><title>Expulsions</title></head><body>\
///     <nav>Home | World</nav><p>France expelled two Russian diplomats on Friday.</p></body></html>", None);
/// assert!(page.text.contains("France expelled two Russian diplomats"));
/// assert!(!page.text.contains("Home | World") || page.text.len() < 80);
/// ```
pub fn extract(html: &[u8], url: Option<&str>) -> Page {
    let source = String::from_utf8_lossy(html);
    let cfg = || Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    // Readability rejects relative URLs; the URL only resolves links, so go without.
    let new =
        |src: &str| Readability::new(src, url, Some(cfg())).or_else(|_| Readability::new(src, None, Some(cfg()))).ok();
    let Some(mut r) = new(&source) else { return Page::default() };
    match r.parse() {
        Ok(article) if !article.text_content.trim().is_empty() => Page {
            title: clean(&article.title),
            text: tidy(&article.text_content),
            published: article.published_time.as_deref().and_then(parse_date),
            site_name: article.site_name.map(|s| clean(&s)).filter(|s| !s.is_empty()),
        },
        _ => body_text(&source),
    }
}

/// Pages with more elements than this are read as plain body text: Readability's scoring
/// grows with the element count, and no article needs this many.
const MAX_ELEMENTS: usize = 200_000;

/// The visible text of the body, for pages Readability makes nothing of.
fn body_text(source: &str) -> Page {
    let Ok(r) = Readability::new(source, None, None) else { return Page::default() };
    let doc = &r.doc;
    let title = clean(&doc.select("title").text());
    doc.select("script, style, noscript, template").remove();
    let body = doc.select("body");
    let text = if body.exists() { body.formatted_text() } else { doc.formatted_text() };
    Page { title, text: tidy(&text), published: None, site_name: None }
}

/// One line, single spaces.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines trimmed, runs of blank lines made one, so that paragraphs stay apart for the
/// segmenter and nothing else is left of the layout.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!DOCTYPE html><html><head><title>Paris expels diplomats | World News</title>
<meta property="article:published_time" content="2021-02-06T10:00:00Z">
<meta property="og:site_name" content="Daily Example">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Buy now! Limited offer!</div>
<article><h1>Paris expels diplomats</h1>
<p>France expelled two Russian diplomats on Friday, officials in Paris said, after a months-long
investigation into what the foreign ministry called activities incompatible with their status.</p>
<p>Moscow promised to respond in kind and summoned the French ambassador on Saturday to protest
against the decision, which it called unfriendly and groundless.</p>
<p>The expulsions are the latest in a series of tit-for-tat measures between the two capitals,
which have traded accusations of espionage and interference for several years.</p>
</article><footer>Copyright Daily Example. All rights reserved.</footer>
<script>var tracking = "France expelled nobody";</script></body></html>"#;

    #[test]
    fn article_without_boilerplate() {
        let page = extract(ARTICLE.as_bytes(), Some("https://example.com/world/1"));
        assert!(page.text.contains("France expelled two Russian diplomats on Friday"), "{page:?}");
        assert!(page.text.contains("\n\n"), "paragraphs kept apart: {page:?}");
        assert!(!page.text.contains("Buy now"), "{page:?}");
        assert!(!page.text.contains("tracking"), "{page:?}");
        assert!(!page.text.contains("Copyright"), "{page:?}");
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2021, 2, 6));
        assert_eq!(page.site_name.as_deref(), Some("Daily Example"));
        assert!(page.title.starts_with("Paris expels diplomats"));
    }

    #[test]
    fn invalid_html_still_gives_its_text() {
        let broken = b"<html><body><p>France expelled <b>two <i>Russian</b> diplomats</p><div><table><tr><td>Moscow \
            protested</div></td></p></span>\xff\xfe<p>unclosed";
        let page = extract(broken, Some("not a url"));
        assert!(page.text.contains("France expelled two Russian diplomats"), "{page:?}");
        assert!(page.text.contains("Moscow protested"), "{page:?}");
    }

    #[test]
    fn not_html_at_all() {
        assert!(extract(b"", None).text.is_empty());
        let page = extract(b"just words, no tags", None);
        assert_eq!(page.text, "just words, no tags");
    }
}
