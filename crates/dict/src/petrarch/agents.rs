//! The agent dictionary (`*.agents.txt`): sector phrases.
//!
//! | PETRARCH | attache |
//! |---|---|
//! | `POLICE {} [~COP]` | [`AgentKind::Noun`] with sector COP, no plural |
//! | `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]` | the listed plural(s) |
//! | `DIPLOMAT [~GOV]` | plurals generated: PETRARCH's rule on the last letter (`Y` → `IES`, `S` → `+ES`, else `+S`) and, where it differs, attache's English plural (`policeman` → `policemen`) |
//! | `[~GOVMIL]` | sectors GOV, MIL |
//! | `[~PPL]` (man, people) | [`AgentKind::Generic`]: yields to any other sector in the phrase, as PETRARCH drops `~PPL` beside another agent |
//! | `[NGO~]` (prefix) | [`AgentKind::Prefix`]: the sector goes before the actor code |
//! | `!PERSON! = MAN, MEN` and `CONGRESS!PERSON! [~LEG]` | one phrase per item (`congressman`, `congressmen`), no generated plurals |
//!
//! A phrase defined twice keeps its last definition (as in PETRARCH), with a warning
//! naming both lines.
//!
//! [`AgentKind::Noun`]: crate::AgentKind::Noun
//! [`AgentKind::Generic`]: crate::AgentKind::Generic
//! [`AgentKind::Prefix`]: crate::AgentKind::Prefix

use std::sync::Arc;

use attache_ontology::Code3;
use rustc_hash::FxHashMap;

use super::{common_lines, error, origin, petrarch_plural, phrase, warning};
use crate::entries::{AgentEntry, AgentKind};
use crate::parse::Builder;

/// Reads an agent file.
pub(super) fn load(b: &mut Builder, file: &Arc<str>, text: &str) {
    let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
    // phrase -> (index into b.agents, line)
    let mut seen: FxHashMap<String, (usize, u32)> = FxHashMap::default();
    for (line, content) in common_lines(text) {
        let t = content.trim();
        // substitution set: !NAME! = a, b, c
        if t.starts_with('!')
            && let Some((name, items)) = t.split_once('=')
        {
            let name = name.trim();
            if name.len() < 3 || !name.ends_with('!') || name[1..name.len() - 1].contains('!') {
                error(b, file, line, format!("`{name}` is not a set name (`!NAME!`)"));
                continue;
            }
            let items: Vec<String> =
                items.split(',').map(|s| s.trim().replace('_', " ")).filter(|s| !s.is_empty()).collect();
            if items.is_empty() {
                error(b, file, line, format!("the set {name} has no items"));
                continue;
            }
            sets.insert(name.to_string(), items);
            continue;
        }
        let Some(open) = t.rfind('[') else {
            error(b, file, line, "an agent line needs a code: `PHRASE {PLURALS} [~SECTOR]`");
            continue;
        };
        let Some(close) = t[open..].find(']').map(|c| open + c) else {
            error(b, file, line, "an unclosed `[` in the code");
            continue;
        };
        let code = t[open + 1..close].trim();
        let (kind, sectors) = match parse_agent_code(code) {
            Ok(k) => k,
            Err(e) => {
                error(b, file, line, e);
                continue;
            }
        };
        let mut head = &t[..open];
        let plurals: Option<Vec<&str>> = match (head.find('{'), head.rfind('}')) {
            (Some(a), Some(z)) if a < z => {
                let p = head[a + 1..z].split_whitespace().collect();
                head = &head[..a];
                Some(p)
            }
            (None, None) => None,
            _ => {
                error(b, file, line, "unbalanced `{ }` around the plurals");
                continue;
            }
        };
        let raw = head.trim();
        if raw.is_empty() {
            error(b, file, line, "no phrase before the code");
            continue;
        }
        // expand !NAME! sets (no plurals then)
        let mut phrases: Vec<String> = Vec::new();
        if let Some(start) = raw.find('!') {
            let Some(len) = raw[start + 1..].find('!') else {
                error(b, file, line, "an unclosed `!NAME!`");
                continue;
            };
            let name = &raw[start..start + len + 2];
            let Some(items) = sets.get(name) else {
                error(b, file, line, format!("the set {name} is not defined (`{name} = A, B` before its use)"));
                continue;
            };
            for item in items {
                phrases.push(phrase(&raw.replacen(name, item, 1)));
            }
            if plurals.as_ref().is_some_and(|p| !p.is_empty()) {
                warning(b, file, line, "plurals of a `!NAME!` entry are ignored: each item is stored as written");
            }
        } else {
            let sing = phrase(raw);
            phrases.push(sing.clone());
            match plurals {
                Some(list) => phrases.extend(list.iter().map(|p| phrase(p))),
                None => {
                    let lower = sing.to_lowercase();
                    let ours = petrarch_plural(&lower);
                    let english = attache_text::noun_plural(&lower);
                    phrases.push(ours.clone());
                    if english != ours {
                        phrases.push(english);
                    }
                }
            }
        }
        phrases.retain(|p| !p.is_empty());
        phrases.dedup();
        // a later definition replaces an earlier one of the same phrase
        let index = b.agents.len();
        for p in &phrases {
            if let Some((old, old_line)) = seen.insert(p.clone(), (index, line)) {
                if let Some((e, _)) = b.agents.get_mut(old) {
                    e.phrases.retain(|x| x != p);
                }
                warning(
                    b,
                    file,
                    line,
                    format!("`{p}` is defined again (first at line {old_line}); this definition wins"),
                );
            }
        }
        let entry = AgentEntry { sectors, kind, phrases, origin: origin(file, line) };
        b.agents.push((entry, b.layer));
    }
}

/// `~GOV`, `~GOVMIL`: suffix sectors; `NGO~`: a prefix sector.
fn parse_agent_code(code: &str) -> Result<(AgentKind, Vec<Code3>), String> {
    let (kind, letters) = if let Some(s) = code.strip_prefix('~') {
        (AgentKind::Noun, s)
    } else if let Some(p) = code.strip_suffix('~') {
        (AgentKind::Prefix, p)
    } else {
        return Err(format!(
            "`[{code}]` is not an agent code: write `[~SECTOR]` (suffix, `~GOV`) or `[SECTOR~]` (prefix, `NGO~`)"
        ));
    };
    if letters.is_empty() || !letters.len().is_multiple_of(3) || !letters.is_ascii() {
        return Err(format!("`[{code}]`: `{letters}` is not a run of three-letter sector codes"));
    }
    let sectors: Option<Vec<Code3>> =
        letters.as_bytes().chunks(3).map(|c| Code3::new(std::str::from_utf8(c).ok()?)).collect();
    let sectors =
        sectors.ok_or_else(|| format!("`[{code}]`: `{letters}` is not a run of three-letter sector codes"))?;
    let kind = if kind == AgentKind::Noun && letters == "PPL" { AgentKind::Generic } else { kind };
    Ok((kind, sectors))
}
