//! Temporal expressions: "On February 5", "at the end of 2020", "on Friday", "last month".
//!
//! News reports events of the past with the date of their own publication; GDELT and
//! ICEWS often stamp events with that date. attache reads the date from the text and
//! resolves it against the publication date with chrono's calendar arithmetic, keeping
//! the granularity the text gives (a day, a month, a year) and the phrase it came from.

use attache_text::{Doc, Tag};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::record::Granularity;

/// A calendar value of some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    /// The year.
    pub year: i32,
    /// The month, 1–12, if known.
    pub month: Option<u32>,
    /// The day, if known.
    pub day: Option<u32>,
}

impl DateValue {
    fn day(d: NaiveDate) -> DateValue {
        DateValue { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }

    fn month(year: i32, month: u32) -> DateValue {
        DateValue { year, month: Some(month), day: None }
    }

    fn year(year: i32) -> DateValue {
        DateValue { year, month: None, day: None }
    }

    /// The granularity.
    pub fn granularity(&self) -> Granularity {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Granularity::Day,
            (Some(_), None) => Granularity::Month,
            _ => Granularity::Year,
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn format(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A temporal expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved value; `None` when it needs a publication date the document lacks,
    /// or a narrative anchor not yet applied.
    pub value: Option<DateValue>,
    /// For "two days later", "the day before": days from the date the story last named.
    pub offset_days: Option<i64>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let abbrev = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if w == "sept" {
        return Some(9);
    }
    abbrev.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn day_number(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) || w.len() > 4 {
        return None;
    }
    let w = w.trim_end_matches("st").trim_end_matches("nd").trim_end_matches("rd").trim_end_matches("th");
    let d: u32 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The latest date of the given month and day that is not more than 30 days after the
/// publication date: news mostly tells the recent past, sometimes the coming weeks.
fn anchor_month_day(pub_date: NaiveDate, month: u32, day: Option<u32>) -> Option<DateValue> {
    let limit = pub_date + Duration::days(30);
    for y in [pub_date.year() + 1, pub_date.year(), pub_date.year() - 1] {
        let first = NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1))?;
        if first <= limit {
            return Some(match day {
                Some(_) => DateValue::day(first),
                None => DateValue::month(y, month),
            });
        }
    }
    None
}

/// Finds and resolves the temporal expressions of tokens `range`.
///
/// `pub_date` is the publication date; without it, expressions that need it (a month
/// without a year, a weekday, "last month") are found but left unresolved.
pub fn find(doc: &Doc, range: std::ops::Range<usize>, pub_date: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let n = range.end;
    let w = |i: usize| if i < n { doc.norm(i) } else { "" };
    let mut i = range.start;
    while i < n {
        let start = i;
        let word = w(i);
        // ISO date 2021-02-05
        if word.len() == 10
            && word.as_bytes()[4] == b'-'
            && word.as_bytes()[7] == b'-'
            && let Ok(d) = NaiveDate::parse_from_str(word, "%Y-%m-%d")
        {
            out.push(TimeExpr { start, end: i + 1, value: Some(DateValue::day(d)), offset_days: None });
            i += 1;
            continue;
        }
        // MONTH DAY(,)? (YEAR)?   |   MONTH YEAR   |   MONTH
        if let Some(m) = month_of(word).filter(|_| doc.tokens()[i].shape.has(attache_text::Shape::CAPITALIZED)) {
            // "May" is also a modal and a name: only with a day, a year or a preposition.
            let mut j = i + 1;
            let day = day_number(w(j));
            if day.is_some() {
                j += 1;
            }
            if w(j) == "," && year_number(w(j + 1)).is_some() {
                j += 1;
            }
            let year = year_number(w(j));
            if year.is_some() {
                j += 1;
            }
            let prep_before = i > range.start
                && matches!(
                    w(i - 1),
                    "in" | "on"
                        | "since"
                        | "by"
                        | "during"
                        | "until"
                        | "early"
                        | "late"
                        | "mid"
                        | "of"
                        | "last"
                        | "this"
                        | "next"
                );
            if m == 5 && day.is_none() && year.is_none() && !prep_before {
                i += 1;
                continue;
            }
            let value = match (year, day) {
                (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::day),
                (Some(y), None) => Some(DateValue::month(y, m)),
                (None, d) => pub_date.and_then(|p| anchor_month_day(p, m, d)),
            };
            let s = extend_left(doc, range.start, i);
            out.push(TimeExpr { start: s, end: j, value, offset_days: None });
            i = j;
            continue;
        }
        // DAY MONTH (YEAR)?  — "23 January", "5th of February 2021"
        if let Some(d) = day_number(word) {
            let mut j = i + 1;
            if w(j) == "of" {
                j += 1;
            }
            if let Some(m) = month_of(w(j)) {
                j += 1;
                let year = year_number(w(j));
                if year.is_some() {
                    j += 1;
                }
                let value = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::day),
                    None => pub_date.and_then(|p| anchor_month_day(p, m, Some(d))),
                };
                let s = extend_left(doc, range.start, i);
                out.push(TimeExpr { start: s, end: j, value, offset_days: None });
                i = j;
                continue;
            }
        }
        // "at the end of 2020", "the beginning of 2021", "in 2020", "early 2020"
        if let Some(y) = year_number(word)
            && doc.tokens()[i].tag == Tag::CD
        {
            let before: Vec<&str> = (range.start.max(i.saturating_sub(4))..i).map(|k| doc.norm(k)).collect();
            let ends = |tail: &[&str]| before.ends_with(tail);
            let (value, s) = if ends(&["end", "of"]) {
                (DateValue::month(y, 12), i.saturating_sub(if ends(&["the", "end", "of"]) { 3 } else { 2 }))
            } else if ends(&["beginning", "of"]) || ends(&["start", "of"]) {
                (
                    DateValue::month(y, 1),
                    i.saturating_sub(if ends(&["the", "beginning", "of"]) || ends(&["the", "start", "of"]) {
                        3
                    } else {
                        2
                    }),
                )
            } else if matches!(
                before.last().copied(),
                Some("in" | "since" | "during" | "by" | "of" | "early" | "late" | "mid" | "until")
            ) {
                (DateValue::year(y), i)
            } else {
                i += 1;
                continue;
            };
            let s = extend_left(doc, range.start, s.max(range.start));
            out.push(TimeExpr { start: s, end: i + 1, value: Some(value), offset_days: None });
            i += 1;
            continue;
        }
        // weekdays: "on Friday", "Friday"
        if let Some(wd) = weekday_of(word) {
            // the last such day on or before publication, or the next one after it when the
            // sentence speaks of the future ("will meet on Friday", "next Tuesday")
            let future = future_tense(doc, range.clone()) || i > range.start && doc.norm(i - 1) == "next";
            let value = pub_date.map(|p| {
                let d = wd.num_days_from_monday() as i64 - p.weekday().num_days_from_monday() as i64;
                if future {
                    let ahead = d.rem_euclid(7);
                    DateValue::day(p + Duration::days(if ahead == 0 { 7 } else { ahead }))
                } else {
                    DateValue::day(p - Duration::days((-d).rem_euclid(7)))
                }
            });
            let s = extend_left(doc, range.start, i);
            out.push(TimeExpr { start: s, end: i + 1, value, offset_days: None });
            i += 1;
            continue;
        }
        // relative words
        let rel = match (word, w(i + 1)) {
            ("yesterday", _) => Some((1, pub_date.map(|p| DateValue::day(p - Duration::days(1))))),
            ("today", _) | ("tonight", _) => Some((1, pub_date.map(DateValue::day))),
            ("last", "month") => Some((
                2,
                pub_date
                    .and_then(|p| p.checked_sub_months(Months::new(1)))
                    .map(|d| DateValue::month(d.year(), d.month())),
            )),
            ("this", "month") => Some((2, pub_date.map(|p| DateValue::month(p.year(), p.month())))),
            ("last", "year") => Some((2, pub_date.map(|p| DateValue::year(p.year() - 1)))),
            ("this", "year") => Some((2, pub_date.map(|p| DateValue::year(p.year())))),
            _ => None,
        };
        if let Some((len, value)) = rel {
            out.push(TimeExpr { start, end: i + len, value, offset_days: None });
            i += len;
            continue;
        }
        // "two days later", "a day earlier", "the next day", "the day before"
        if let Some((len, days)) = narrative_offset(doc, i, n) {
            out.push(TimeExpr { start, end: i + len, value: None, offset_days: Some(days) });
            i += len;
            continue;
        }
        // "N days ago"
        if let Some(k) = crate::args::number_value(word)
            && matches!(w(i + 1), "days" | "day")
            && w(i + 2) == "ago"
        {
            let value = pub_date.map(|p| DateValue::day(p - Duration::days(k as i64)));
            out.push(TimeExpr { start, end: i + 3, value, offset_days: None });
            i += 3;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the sentence speaks of the future: "will", "shall", "'ll", "is to", "plans to",
/// "is scheduled to", "is expected to".
fn future_tense(doc: &Doc, range: std::ops::Range<usize>) -> bool {
    let w = |k: usize| if k < range.end { doc.norm(k) } else { "" };
    range.clone().any(|k| {
        matches!(w(k), "will" | "shall" | "'ll")
            || matches!(w(k), "scheduled" | "expected" | "due" | "set" | "planning" | "plans" | "plan")
                && w(k + 1) == "to"
    })
}

/// A phrase that dates an event relative to the one the story told before it.
fn narrative_offset(doc: &Doc, i: usize, n: usize) -> Option<(usize, i64)> {
    let w = |k: usize| if k < n { doc.norm(k) } else { "" };
    let unit = |u: &str| match u {
        "day" | "days" => Some(1),
        "week" | "weeks" => Some(7),
        _ => None,
    };
    // N days/weeks later|earlier
    let count = match w(i) {
        "a" | "one" => Some(1),
        x => crate::args::number_value(x).filter(|&k| k < 400),
    };
    if let Some(k) = count
        && let Some(u) = unit(w(i + 1))
    {
        let sign = match w(i + 2) {
            "later" | "after" => 1,
            "earlier" | "before" => -1,
            _ => 0,
        };
        if sign != 0 {
            return Some((3, sign * k as i64 * u));
        }
    }
    if w(i) == "the" {
        match (w(i + 1), w(i + 2)) {
            ("next" | "following", "day") => return Some((3, 1)),
            ("previous", "day") => return Some((3, -1)),
            ("day", "before") => return Some((3, -1)),
            ("day", "after") => return Some((3, 1)),
            _ => {}
        }
    }
    None
}

/// Resolves "two days later" and the like against the last day the story named before
/// them, in text order over all sentences.
pub fn resolve_narrative(times: &mut [Vec<TimeExpr>]) {
    let mut anchor: Option<NaiveDate> = None;
    for sentence in times.iter_mut() {
        for t in sentence.iter_mut() {
            if t.value.is_none()
                && let (Some(days), Some(a)) = (t.offset_days, anchor)
            {
                t.value = Some(DateValue::day(a + Duration::days(days)));
            }
            if let Some(DateValue { year, month: Some(m), day: Some(d) }) = t.value {
                anchor = NaiveDate::from_ymd_opt(year, m, d);
            }
        }
    }
}

/// Includes a preposition or modifier before the expression in its phrase ("On February 5").
fn extend_left(doc: &Doc, floor: usize, i: usize) -> usize {
    let mut s = i;
    while s > floor
        && matches!(
            doc.norm(s - 1),
            "on" | "in"
                | "since"
                | "by"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "this"
                | "at"
                | "the"
                | "of"
                | "until"
        )
    {
        s -= 1;
        if matches!(doc.norm(s), "on" | "in" | "since" | "by" | "during" | "until" | "at") {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_text::Analyzer;

    fn dates(text: &str, pub_date: &str) -> Vec<(String, Option<String>)> {
        let a = Analyzer::builtin();
        let d = a.analyze(text);
        let p = NaiveDate::parse_from_str(pub_date, "%Y-%m-%d").ok();
        find(&d, 0..d.tokens().len(), p)
            .into_iter()
            .map(|t| (d.span_text(t.start, t.end - 1).to_string(), t.value.map(|v| v.format())))
            .collect()
    }

    #[test]
    fn absolute_and_partial() {
        assert_eq!(
            dates("On February 5, Moscow announced it.", "2021-02-26"),
            [("On February 5".to_string(), Some("2021-02-05".to_string()))]
        );
        assert_eq!(
            dates("actions that took place on 23 January.", "2021-02-26"),
            [("on 23 January".to_string(), Some("2021-01-23".to_string()))]
        );
        assert_eq!(dates("They met on Feb. 5, 2019 in Rome.", "2021-02-26")[0].1.as_deref(), Some("2019-02-05"));
        assert_eq!(dates("In December, talks failed.", "2021-02-26")[0].1.as_deref(), Some("2020-12"));
        assert_eq!(dates("The summit is on March 3.", "2021-02-26")[0].1.as_deref(), Some("2021-03-03"));
        assert_eq!(dates("In February 2020 it rained.", "2021-02-26")[0].1.as_deref(), Some("2020-02"));
    }

    #[test]
    fn years_and_spans() {
        assert_eq!(
            dates("Russia and France at the end of 2020 expelled.", "2021-02-26"),
            [("at the end of 2020".to_string(), Some("2020-12".to_string()))]
        );
        assert_eq!(dates("in 2019 the war began", "2021-02-26")[0].1.as_deref(), Some("2019"));
        assert!(dates("He paid 2019 dollars.", "2021-02-26").is_empty());
    }

    #[test]
    fn relative() {
        // 2021-02-26 is a Friday
        assert_eq!(dates("He spoke on Friday.", "2021-02-26")[0].1.as_deref(), Some("2021-02-26"));
        assert_eq!(dates("He will speak on Tuesday.", "2021-02-26")[0].1.as_deref(), Some("2021-03-02"));
        assert_eq!(dates("They meet next Friday.", "2021-02-26")[0].1.as_deref(), Some("2021-03-05"));
        assert_eq!(dates("He spoke on Tuesday.", "2021-02-26")[0].1.as_deref(), Some("2021-02-23"));
        assert_eq!(dates("He spoke yesterday.", "2021-02-26")[0].1.as_deref(), Some("2021-02-25"));
        assert_eq!(dates("It happened last month.", "2021-03-10")[0].1.as_deref(), Some("2021-02"));
        assert_eq!(dates("three days ago", "2021-03-10")[0].1.as_deref(), Some("2021-03-07"));
    }

    #[test]
    fn may_is_not_always_a_month() {
        assert!(dates("Russia may expel them.", "2021-02-26").is_empty());
        assert_eq!(dates("In May, Russia expelled them.", "2021-02-26")[0].1.as_deref(), Some("2020-05"));
    }

    #[test]
    fn narrative_offsets() {
        let a = Analyzer::builtin();
        let d = a.analyze("They met on Monday. Two days later, talks failed. The day before, nothing.");
        let p = NaiveDate::parse_from_str("2023-03-17", "%Y-%m-%d").ok();
        let mut times: Vec<Vec<TimeExpr>> = d.sentences().iter().map(|s| find(&d, s.tokens.clone(), p)).collect();
        resolve_narrative(&mut times);
        let v: Vec<String> = times.iter().flatten().map(|t| t.value.map(|v| v.format()).unwrap_or_default()).collect();
        assert_eq!(v, ["2023-03-13", "2023-03-15", "2023-03-14"]);
    }

    #[test]
    fn no_publication_date() {
        assert_eq!(dates("On Friday he left.", "none"), [("On Friday".to_string(), None)]);
        assert_eq!(dates("On 5 May 2020 he left.", "none")[0].1.as_deref(), Some("2020-05-05"));
    }
}
