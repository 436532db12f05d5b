//! Actor dictionaries (`*.actors.txt`): phrases with dated actor codes.
//!
//! A record is a base line (`PHRASE [CODE]...`), synonym lines (`+PHRASE`) and code
//! lines (`[CODE RESTRICTION]...`). Every phrase of the record gets every code of the
//! record, as [`ActorEntry`]s of kind [`ActorKind::Name`].
//!
//! Date restrictions (`<D`, `>D`, `D1-D2`, none): on a story's date the *first* dated
//! code in file order whose restriction holds applies; an undated code is the default
//! for the days no dated code covers, wherever it stands in the record (PETRARCH2 lets an
//! undated code listed first shadow every restriction after it, which its own unit tests
//! say is wrong: "default but should never hit this given these restrictions"). attache's
//! entries hold on their own date range, so the loader gives each code the days on which
//! it applies: its range minus the ranges of the codes before it in that order, possibly
//! as several entries; a code that never applies is reported. Dates `YYMMDD` (YY ≤
//! 30 is 20YY) and `YYYYMMDD` are read; `>D` holds from D, `<D` until the day before D,
//! `D1-D2` from D1 until the day before D2.
//!
//! A compound code `FRO/BIL/SAM` (PETRARCH-1) gives one entry per part. Codes are not
//! checked against attache's country table: PETRARCH dictionaries may define their own
//! world (the unit tests' Arnor and Gondor). The last record of a file is kept
//! (PETRARCH2 drops it).
//!
//! [`ActorEntry`]: crate::ActorEntry
//! [`ActorKind::Name`]: crate::ActorKind::Name

use std::sync::Arc;

use attache_ontology::ActorCode;
use chrono::NaiveDate;

use super::{common_lines, error, origin, phrase, warning};
use crate::entries::{ActorEntry, ActorKind};
use crate::parse::Builder;

/// Days since the common era, with open bounds as the extremes.
type Range = (i32, i32);
const OPEN_LO: i32 = i32::MIN;
const OPEN_HI: i32 = i32::MAX;

struct Record {
    line: u32,
    phrases: Vec<String>,
    /// (codes of one group — several for a compound `A/B` —, range, line of the group)
    codes: Vec<(Vec<ActorCode>, Range, u32)>,
}

/// Reads an actor file.
pub(super) fn load(b: &mut Builder, file: &Arc<str>, text: &str) {
    let mut rec: Option<Record> = None;
    for (line, content) in common_lines(text) {
        let t = content.trim();
        if let Some(syn) = t.strip_prefix('+') {
            let Some(r) = rec.as_mut() else {
                error(b, file, line, "a synonym line (`+PHRASE`) before any actor");
                continue;
            };
            let (p, codes) = split_phrase(syn);
            if !codes.trim().is_empty() {
                warning(b, file, line, "codes on a synonym line belong to the whole record");
                parse_codes(b, file, line, codes, r);
            }
            if p.is_empty() {
                error(b, file, line, "an empty synonym");
            } else {
                r.phrases.push(p);
            }
        } else if t.starts_with('[') {
            match rec.as_mut() {
                Some(r) => parse_codes(b, file, line, t, r),
                None => error(b, file, line, "a code line before any actor"),
            }
        } else {
            if let Some(r) = rec.take() {
                flush(b, file, r);
            }
            let (p, codes) = split_phrase(t);
            if p.is_empty() {
                error(b, file, line, format!("`{t}` names no actor"));
                continue;
            }
            let mut r = Record { line, phrases: vec![p], codes: Vec::new() };
            parse_codes(b, file, line, codes, &mut r);
            rec = Some(r);
        }
    }
    if let Some(r) = rec.take() {
        flush(b, file, r);
    }
}

/// Splits a base line into its phrase (before the first `[`) and its codes.
fn split_phrase(t: &str) -> (String, &str) {
    let (p, codes) = match t.find('[') {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    (phrase(p), codes)
}

/// Reads `[CODE]` / `[CODE RESTRICTION]` groups into the record.
fn parse_codes(b: &mut Builder, file: &Arc<str>, line: u32, s: &str, r: &mut Record) {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(inner_start) = rest.strip_prefix('[') else {
            error(b, file, line, format!("`{rest}` is not a code group `[CODE]` or `[CODE DATES]`"));
            return;
        };
        let Some(close) = inner_start.find(']') else {
            error(b, file, line, format!("an unclosed `[` in `{rest}`"));
            return;
        };
        let inner = inner_start[..close].trim();
        rest = inner_start[close + 1..].trim_start();
        let (code_s, restriction) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let restriction: String = restriction.chars().filter(|c| !c.is_whitespace()).collect();
        let range = match parse_restriction(&restriction) {
            Ok(range) if range.0 > range.1 => {
                warning(
                    b,
                    file,
                    line,
                    format!("[{inner}]: the range is empty (D1 ≤ date < D2), so the code never applies; skipped"),
                );
                continue;
            }
            Ok(range) => range,
            Err(e) => {
                error(b, file, line, format!("[{inner}]: {e}; the code was skipped"));
                continue;
            }
        };
        let mut group = Vec::new();
        for part in code_s.split('/') {
            match ActorCode::parse(part) {
                Ok(c) => group.push(c),
                Err(e) => error(b, file, line, format!("[{inner}]: {e}")),
            }
        }
        if !group.is_empty() {
            r.codes.push((group, range, line));
        }
    }
}

fn parse_restriction(s: &str) -> Result<Range, String> {
    if s.is_empty() {
        return Ok((OPEN_LO, OPEN_HI));
    }
    if let Some(d) = s.strip_prefix('<') {
        return Ok((OPEN_LO, day(d)? - 1));
    }
    if let Some(d) = s.strip_prefix('>') {
        return Ok((day(d)?, OPEN_HI));
    }
    if let Some((a, c)) = s.split_once('-') {
        let (a, c) = (day(a)?, day(c)?);
        if c < a {
            return Err(format!("the range `{s}` ends before it starts"));
        }
        return Ok((a, c - 1));
    }
    Err(format!("`{s}` is not a date restriction (`<D`, `>D` or `D1-D2`)"))
}

/// A PETRARCH date: `YYYYMMDD`, or `YYMMDD` (YY ≤ 30: 20YY, else 19YY).
fn day(s: &str) -> Result<i32, String> {
    use chrono::Datelike;
    let bad = || format!("`{s}` is not a date (YYMMDD or YYYYMMDD)");
    if !s.bytes().all(|c| c.is_ascii_digit()) || !(s.len() == 6 || s.len() == 8) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
    let (y, m, d) = if s.len() == 8 {
        (n(0..4)? as i32, n(4..6)?, n(6..8)?)
    } else {
        let yy = n(0..2)? as i32;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, n(2..4)?, n(4..6)?)
    };
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.num_days_from_ce()).ok_or_else(bad)
}

fn date_of(days: i32) -> Option<NaiveDate> {
    if days == OPEN_LO || days == OPEN_HI {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// `range` minus every range of `covered`.
fn subtract(range: Range, covered: &[Range]) -> Vec<Range> {
    let mut pieces = vec![range];
    for &(lo, hi) in covered {
        let mut next = Vec::with_capacity(pieces.len() + 1);
        for (a, z) in pieces {
            if hi < a || lo > z {
                next.push((a, z));
                continue;
            }
            if lo > a {
                next.push((a, lo - 1));
            }
            if hi < z {
                next.push((hi + 1, z));
            }
        }
        pieces = next;
    }
    pieces
}

fn flush(b: &mut Builder, file: &Arc<str>, r: Record) {
    if r.codes.is_empty() {
        error(
            b,
            file,
            r.line,
            format!(
                "`{}` has no code: codes go on its line or on `[CODE]` lines below it (codes below a later phrase belong to that phrase; write it `+PHRASE` to share them)",
                r.phrases[0]
            ),
        );
        return;
    }
    let mut covered: Vec<Range> = Vec::new();
    // dated codes first, in file order; undated ones are the defaults for the other days
    // (the unit tests' "SAM_GAMGEE [HOB] # default" before its dated roles)
    let undated = |range: &Range| *range == (OPEN_LO, OPEN_HI);
    let order = r.codes.iter().filter(|c| !undated(&c.1)).chain(r.codes.iter().filter(|c| undated(&c.1)));
    for (group, range, line) in order {
        let pieces = subtract(*range, &covered);
        if pieces.is_empty() {
            let codes: Vec<String> = group.iter().map(|c| c.to_string()).collect();
            warning(
                b,
                file,
                *line,
                format!("{} never applies to `{}`: the codes before it cover its dates", codes.join("/"), r.phrases[0]),
            );
        }
        for (lo, hi) in pieces {
            for (p, code) in r.phrases.iter().flat_map(|p| group.iter().map(move |c| (p, c))) {
                let entry = ActorEntry {
                    code: *code,
                    kind: ActorKind::Name,
                    phrase: p.clone(),
                    from: date_of(lo),
                    to: date_of(hi),
                    origin: origin(file, *line),
                };
                b.actors.push((entry, b.layer));
            }
        }
        covered.push(*range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| date_of(day(s).unwrap()).unwrap().to_string();
        assert_eq!(d("080508"), "2008-05-08");
        assert_eq!(d("320101"), "1932-01-01");
        assert_eq!(d("19950101"), "1995-01-01");
        assert!(day("0805").is_err());
        assert!(day("081308").is_err());
        assert!(parse_restriction("080101-070101").is_err());
    }

    #[test]
    fn subtraction() {
        assert_eq!(subtract((0, 10), &[(3, 4), (8, 20)]), [(0, 2), (5, 7)]);
        assert_eq!(subtract((OPEN_LO, OPEN_HI), &[(OPEN_LO, 5)]), [(6, OPEN_HI)]);
        assert!(subtract((3, 4), &[(0, 10)]).is_empty());
    }
}
