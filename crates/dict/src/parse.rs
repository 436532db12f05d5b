//! Reading dictionary files into entries, with a diagnostic for every line that cannot
//! be read.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use attache_ontology::{ActorCode, CameoCode, Code3, is_known_primary};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::Dictionaries;
use crate::entries::{ActorEntry, ActorKind, AgentEntry, AgentKind, Person, Role};
use crate::matcher::{Hit, PhraseMatcher};
use crate::pattern::{Element, Frame, Pattern, PatternKind, Special, parse_frame};

/// Where an entry was defined: file and line (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file name.
    pub file: Arc<str>,
    /// The line number, from 1.
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The entry is used, but something about it is doubtful.
    Warning,
    /// The line was skipped.
    Error,
}

/// A problem found in a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// Where.
    pub origin: Origin,
    /// What, and what to do about it.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error (line skipped)",
        };
        write!(f, "{}: {s}: {}", self.origin, self.message)
    }
}

/// Accumulates files, then compiles them into [`Dictionaries`].
#[derive(Default)]
pub(crate) struct Builder {
    /// 0 for the first set of files; each user folder added later is a higher layer whose
    /// phrases override the lower layers' ones.
    pub(crate) layer: u8,
    pub(crate) actors: Vec<(ActorEntry, u8)>,
    people: Vec<(Person, u8)>,
    pub(crate) agents: Vec<(AgentEntry, u8)>,
    pub(crate) patterns: Vec<Pattern>,
    specials: Vec<(Special, Frame)>,
    /// Nouns of governing classes ("appeal noun: plea"), by lemma.
    governing_nouns: Vec<(Special, String)>,
    pub(crate) discards: Vec<(String, bool, Origin)>,
    /// Code maps of governing verb classes: (class, from code or `*`, to code).
    maps: Vec<(Special, Option<CameoCode>, CameoCode, Origin)>,
    /// Issue phrases (PETRARCH's issue coding file); kept, not used by the coder yet.
    pub(crate) issues: Vec<crate::petrarch::IssuePhrase>,
    pub(crate) diags: Vec<Diagnostic>,
    /// Where the event patterns came from: PETRARCH/TABARI verb files, attache files.
    pub(crate) petrarch_verbs: bool,
    pub(crate) attache_patterns: bool,
}

/// Splits `HEAD KIND: items` (or `person: items`).
/// Splits `HEAD KIND [FROM..TO]: items` (or `person: items`).
fn split_entry(line: &str) -> Option<(&str, &str, Option<&str>, &str)> {
    let (left, items) = line.split_once(':')?;
    let mut parts = left.split_whitespace();
    let a = parts.next()?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some(("", a, None, items)),
        (Some(b), None, _) => Some((a, b, None, items)),
        (Some(b), Some(c), None) if c.contains("..") => Some((a, b, Some(c), items)),
        _ => None,
    }
}

/// Whether a file's text is in attache's own format: most of its first entry lines are
/// `HEAD KIND: phrases` with a kind attache knows. Used so that a folder of attache
/// dictionaries whose files happen to carry PETRARCH's names (`agents.txt`,
/// `discards.txt`) is still read as attache's.
pub(crate) fn looks_like_attache(text: &str) -> bool {
    let mut entries = 0;
    let mut known = 0;
    for line in text.lines().map(|l| strip_comment(l).trim_end()) {
        if line.trim().is_empty() || line.starts_with(char::is_whitespace) {
            continue;
        }
        entries += 1;
        if let Some((head, kind, _, _)) = split_entry(line)
            && (crate::entries::ActorKind::from_keyword(kind).is_some()
                || crate::entries::AgentKind::from_keyword(kind).is_some()
                || matches!(kind, "verb" | "noun" | "phrase" | "person" | "maps" | "prefix")
                || head == "discard" && matches!(kind, "sentence" | "story"))
        {
            known += 1;
        }
        if entries == 40 {
            break;
        }
    }
    entries > 0 && known * 2 > entries
}

/// Parses `FROM..TO`, `FROM..` or `..TO` (bounds `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
fn parse_range(range: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    let (a, b) = range
        .split_once("..")
        .ok_or_else(|| format!("`{range}` is not a date range (write FROM..TO, FROM.. or ..TO)"))?;
    let from = if a.is_empty() { None } else { Some(parse_bound(a, false)?) };
    let to = if b.is_empty() { None } else { Some(parse_bound(b, true)?) };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("the range ends ({t}) before it starts ({f})"));
    }
    Ok((from, to))
}

fn strip_comment(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_space {
            return &line[..i];
        }
        prev_space = c.is_whitespace();
    }
    line
}

/// Parses a date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day.
fn parse_bound(s: &str, end: bool) -> Result<NaiveDate, String> {
    let bad = || format!("`{s}` is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let y = num(parts[0])? as i32;
    let (m, d) = match parts.len() {
        1 => (if end { 12 } else { 1 }, None),
        2 => (num(parts[1])?, None),
        3 => (num(parts[1])?, Some(num(parts[2])?)),
        _ => return Err(bad()),
    };
    let d = match d {
        Some(d) => d,
        None if end => {
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
            return next.and_then(|n| n.pred_opt()).ok_or_else(bad);
        }
        None => 1,
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

fn parse_sectors(head: &str) -> Option<Vec<Code3>> {
    if head.is_empty() || !head.len().is_multiple_of(3) || !head.is_ascii() {
        return None;
    }
    head.as_bytes().chunks(3).map(|c| Code3::new(std::str::from_utf8(c).ok()?)).collect()
}

impl Builder {
    pub(crate) fn diag(&mut self, severity: Severity, origin: &Origin, message: impl Into<String>) {
        self.diags.push(Diagnostic { severity, origin: origin.clone(), message: message.into() });
    }

    /// Adds every `*.txt` file of `dir`, in name order, as a new layer.
    pub(crate) fn add_dir(&mut self, dir: &Path) -> std::io::Result<()> {
        let files = crate::petrarch::txt_files(dir)?;
        self.layer = self.layer.saturating_add(1);
        // a folder of PETRARCH/TABARI dictionaries (by file names, or a verb file by its
        // content) is read with the PETRARCH loaders
        let texts: Vec<(std::path::PathBuf, std::io::Result<Vec<u8>>)> =
            files.into_iter().map(|p| (p.clone(), std::fs::read(&p))).collect();
        if crate::petrarch::is_petrarch_folder(
            texts.iter().map(|(p, t)| (p.as_path(), t.as_ref().ok().map(|b| String::from_utf8_lossy(b)))),
        ) {
            crate::petrarch::add_files(self, texts);
            return Ok(());
        }
        for (path, bytes) in texts {
            let name = path.display().to_string();
            match bytes {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => self.add_file(&name, &text),
                    Err(e) => {
                        let origin = Origin { file: name.into(), line: 0 };
                        self.diag(Severity::Error, &origin, format!("the file is not UTF-8 ({e}); save it as UTF-8"));
                    }
                },
                Err(e) => {
                    let origin = Origin { file: name.into(), line: 0 };
                    self.diag(Severity::Error, &origin, format!("cannot read the file: {e}"));
                }
            }
        }
        Ok(())
    }

    /// Parses one file's text.
    pub(crate) fn add_file(&mut self, name: &str, text: &str) {
        let before = self.patterns.len();
        self.add_file_entries(name, text);
        self.attache_patterns |= self.patterns.len() > before;
    }

    fn add_file_entries(&mut self, name: &str, text: &str) {
        let file: Arc<str> = Arc::from(name);
        let mut person: Option<Person> = None;
        for (n, raw) in text.lines().enumerate() {
            let origin = Origin { file: file.clone(), line: n as u32 + 1 };
            let line = strip_comment(raw).trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let indented = line.starts_with(char::is_whitespace);
            if indented {
                match person.as_mut() {
                    Some(p) => match parse_role(line.trim(), &origin) {
                        Ok(r) => p.roles.push(r),
                        Err(e) => self.diag(Severity::Error, &origin, e),
                    },
                    None => self.diag(Severity::Error, &origin, "an indented line belongs under a `person:` line"),
                }
                continue;
            }
            if let Some(p) = person.take() {
                self.push_person(p);
            }
            let Some((head, kind, range, items)) = split_entry(line) else {
                self.diag(
                    Severity::Error,
                    &origin,
                                        "expected `HEAD KIND: phrase | phrase ...` (for example `FRA name: France`, or with dates `SUN capital ..1991-12-25: Moscow`)",
                );
                continue;
            };
            let items: Vec<&str> = items.split('|').map(str::trim).filter(|s| !s.is_empty()).collect();
            if items.is_empty() {
                self.diag(Severity::Error, &origin, "no phrases after the colon");
                continue;
            }
            if kind == "person" && head.is_empty() {
                person =
                    Some(Person { names: items.iter().map(|s| s.to_string()).collect(), roles: Vec::new(), origin });
                continue;
            }
            let dates = match range.map(parse_range).transpose() {
                Ok(d) => d,
                Err(e) => {
                    self.diag(Severity::Error, &origin, e);
                    continue;
                }
            };
            if dates.is_some() && ActorKind::from_keyword(kind).is_none() {
                self.diag(
                    Severity::Error,
                    &origin,
                    "a date range applies to actor entries only (name, adj, people, capital, place, media)",
                );
                continue;
            }
            self.add_entry(head, kind, dates.unwrap_or((None, None)), &items, &origin);
        }
        if let Some(p) = person.take() {
            self.push_person(p);
        }
    }

    fn push_person(&mut self, p: Person) {
        if p.roles.is_empty() {
            let o = p.origin.clone();
            self.diag(
                Severity::Error,
                &o,
                format!("person `{}` has no role lines (indent `CODE FROM..TO` under it)", p.names[0]),
            );
            return;
        }
        self.people.push((p, self.layer));
    }

    fn add_entry(
        &mut self,
        head: &str,
        kind: &str,
        (from, to): (Option<NaiveDate>, Option<NaiveDate>),
        items: &[&str],
        origin: &Origin,
    ) {
        if let Some(actor_kind) = ActorKind::from_keyword(kind) {
            let code = match ActorCode::parse(head) {
                Ok(c) if is_known_primary(c.primary().as_str()) => c,
                Ok(c) => {
                    return self.diag(
                        Severity::Error,
                        origin,
                        format!(
                            "`{}` is not a known country or organisation code (see the ontology's country table)",
                            c.primary()
                        ),
                    );
                }
                Err(e) => return self.diag(Severity::Error, origin, e.to_string()),
            };
            for item in items {
                let entry =
                    ActorEntry { code, kind: actor_kind, phrase: item.to_string(), from, to, origin: origin.clone() };
                self.actors.push((entry, self.layer));
            }
        } else if let Some(agent_kind) = AgentKind::from_keyword(kind) {
            let Some(sectors) = parse_sectors(head) else {
                return self.diag(
                    Severity::Error,
                    origin,
                    format!("`{head}` is not a sector code or a run of them (GOV, GOVMIL)"),
                );
            };
            let mut phrases = Vec::new();
            for item in items {
                let (sing, plural) = match item.split_once('/') {
                    Some((s, p)) => (s.trim().to_string(), Some(p.trim().to_string())),
                    None => (item.to_string(), None),
                };
                let plural = plural.or_else(|| {
                    let pluralizes = matches!(
                        agent_kind,
                        AgentKind::Noun | AgentKind::Generic | AgentKind::Envoy | AgentKind::Named
                    ) && sing.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-');
                    pluralizes.then(|| attache_text::noun_plural(&sing))
                });
                phrases.push(sing.clone());
                if let Some(p) = plural
                    && p != sing
                {
                    phrases.push(p);
                }
            }
            let entry = AgentEntry { sectors, kind: agent_kind, phrases, origin: origin.clone() };
            self.agents.push((entry, self.layer));
        } else if kind == "verb" || kind == "noun" || kind == "phrase" {
            let pk = if kind == "noun" { PatternKind::Noun } else { PatternKind::Verb };
            let special = Special::from_keyword(head);
            // "173=ACCUSE.allege": the code, and the PLOVER type and mode the patterns'
            // act has where its code's mapping is too coarse
            let (head, refinement) = head.split_once('=').map_or((head, None), |(c, p)| (c, Some(p)));
            let code = if special.is_some() {
                None
            } else {
                match CameoCode::parse(head) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        return self.diag(
                            Severity::Error,
                            origin,
                            format!("{e}; or use one of the heads mirror, light, say, attribution"),
                        );
                    }
                }
            };
            let plover = match (code, refinement) {
                (Some(code), Some(r)) => match crate::PloverRefinement::parse(code, r) {
                    Ok(r) => Some(r),
                    Err(e) => return self.diag(Severity::Error, origin, format!("`{head}={r}`: {e}")),
                },
                (None, Some(_)) => {
                    return self.diag(
                        Severity::Error,
                        origin,
                        "a PLOVER refinement (`=TYPE.mode`) belongs to a CAMEO code",
                    );
                }
                _ => None,
            };
            for item in items {
                // alternatives in the head ("expand/deepen cooperation with TARGET") give one
                // pattern each
                // (after the source's sectors, if the pattern names them)
                let (source, item) = match item.split_once(char::is_whitespace) {
                    Some((s, rest)) if s.starts_with("SOURCE:") => (s, rest.trim_start()),
                    _ => ("", *item),
                };
                let (head_word, rest) = item.split_once(char::is_whitespace).unwrap_or((item, ""));
                for alt in head_word.split('/') {
                    let text = format!("{source} {alt} {rest}");
                    match parse_frame(pk, text.trim(), origin.clone()) {
                        Ok(mut frame) => match (special, code) {
                            // a noun of asking ("demand", "appeal"): its infinitive is
                            // the act asked for
                            (Some(s), _) if pk == PatternKind::Noun && s.is_governing() => {
                                if !frame.elements.is_empty() {
                                    self.diag(
                                        Severity::Error,
                                        origin,
                                        format!("`{item}`: a governing noun is one word (\"demand\", \"appeal\")"),
                                    );
                                } else {
                                    self.governing_nouns.push((s, frame.head));
                                }
                            }
                            (Some(s), _) => self.specials.push((s, frame)),
                            (None, Some(code)) => {
                                frame.plover = plover.clone();
                                self.patterns.push(Pattern { code, frame, coding: Default::default() })
                            }
                            (None, None) => {}
                        },
                        Err(e) => self.diag(Severity::Error, origin, format!("in `{item}`: {e}")),
                    }
                }
            }
        } else if kind == "maps" {
            let Some(class) = Special::from_keyword(head).filter(|s| s.is_governing() || *s == Special::Reverse) else {
                return self.diag(Severity::Error, origin, format!("`{head} maps:`: maps belong to a governing verb class (intend, appeal, demand, threaten, refuse, deny, consider) or to `reverse`"));
            };
            for item in items {
                let mut f = item.split_whitespace();
                let (Some(from), Some(to), None) = (f.next(), f.next(), f.next()) else {
                    self.diag(
                        Severity::Error,
                        origin,
                        format!("`{item}`: write FROM TO (two CAMEO codes, or * TO for the default)"),
                    );
                    continue;
                };
                let from = if from == "*" {
                    None
                } else {
                    match CameoCode::parse(from) {
                        Ok(c) => Some(c),
                        Err(e) => {
                            self.diag(Severity::Error, origin, e.to_string());
                            continue;
                        }
                    }
                };
                match CameoCode::parse(to) {
                    Ok(to) => self.maps.push((class, from, to, origin.clone())),
                    Err(e) => self.diag(Severity::Error, origin, e.to_string()),
                }
            }
        } else if head == "discard" && (kind == "sentence" || kind == "story") {
            for item in items {
                self.discards.push((item.to_string(), kind == "story", origin.clone()));
            }
        } else {
            self.diag(
                Severity::Error,
                origin,
                format!("unknown kind `{kind}` (actors: name adj people capital place media; agents: agent generic modifier former envoy named; events: verb noun phrase maps; discard sentence/story; person)"),
            );
        }
    }

    /// Compiles everything read so far.
    pub(crate) fn finish(mut self) -> (Dictionaries, Vec<Diagnostic>) {
        let mut d =
            Dictionaries { petrarch_conventions: self.petrarch_verbs && !self.attache_patterns, ..Default::default() };
        let mut phrases = PhraseMatcher::default();
        let mut layer_of: FxHashMap<Hit, u8> = FxHashMap::default();
        // Actors, people and agents all go into one phrase matcher.
        for (e, layer) in std::mem::take(&mut self.actors) {
            let hit = Hit::Actor(d.actors.len() as u32);
            phrases.insert(&e.phrase, hit);
            layer_of.insert(hit, layer);
            d.actors.push(e);
        }
        for (p, layer) in std::mem::take(&mut self.people) {
            let hit = Hit::Person(d.people.len() as u32);
            for name in &p.names {
                phrases.insert(name, hit);
            }
            layer_of.insert(hit, layer);
            d.people.push(p);
        }
        for (a, layer) in std::mem::take(&mut self.agents) {
            let hit = Hit::Agent(d.agents.len() as u32);
            for ph in &a.phrases {
                phrases.insert(ph, hit);
            }
            layer_of.insert(hit, layer);
            d.agents.push(a);
        }
        // A phrase defined in a higher layer (a user folder) replaces the lower layers'
        // meanings of the same phrase: actors and people together, agents apart.
        let mut top: FxHashMap<(String, bool), u8> = FxHashMap::default();
        phrases.retain_hits(|key, h| {
            let l = layer_of.get(&h).copied().unwrap_or(0);
            let e = top.entry((key.to_string(), matches!(h, Hit::Agent(_)))).or_insert(l);
            *e = (*e).max(l);
            true
        });
        phrases.retain_hits(|key, h| {
            let l = layer_of.get(&h).copied().unwrap_or(0);
            top.get(&(key.to_string(), matches!(h, Hit::Agent(_)))).is_none_or(|t| l >= *t)
        });
        d.phrases = phrases;

        let mut patterns = std::mem::take(&mut self.patterns);
        let mut specials = std::mem::take(&mut self.specials);
        for f in patterns.iter_mut().map(|p| &mut p.frame).chain(specials.iter_mut().map(|(_, f)| f)) {
            f.required = f
                .elements
                .iter()
                .chain(&f.before)
                .filter_map(|e| match e {
                    Element::Word(alts) => Some(alts),
                    _ => None,
                })
                .map(|alts| {
                    alts.iter()
                        .map(|a| {
                            let n = d.words.len() as u32;
                            *d.words.entry(a.clone()).or_insert(n)
                        })
                        .collect()
                })
                .collect();
        }
        // the heads of special phrases are numbered too, so that a coder scanning every
        // word for "according to" or "in retaliation" can skip the others by number
        for (_, f) in &specials {
            let n = d.words.len() as u32;
            let id = *d.words.entry(f.head.clone()).or_insert(n);
            let (w, b) = (id as usize / 64, id % 64);
            if d.special_heads.len() <= w {
                d.special_heads.resize(w + 1, 0);
            }
            d.special_heads[w] |= 1 << b;
        }
        d.form_restricted = patterns.iter().any(|p| p.frame.form.is_some());
        patterns.sort_by_key(|p| std::cmp::Reverse(p.frame.specificity()));
        for (i, p) in patterns.iter().enumerate() {
            let map = match p.frame.kind {
                PatternKind::Verb => &mut d.verbs,
                PatternKind::Noun => &mut d.nouns,
            };
            map.entry(p.frame.head.clone()).or_default().push(crate::Keyed::new(i as u32, &p.frame));
        }
        d.patterns = patterns;
        specials.sort_by_key(|(_, f)| std::cmp::Reverse(f.specificity()));
        for (i, (_, f)) in specials.iter().enumerate() {
            d.special_verbs.entry(f.head.clone()).or_default().push(i as u32);
        }
        d.specials = specials;
        d.governing_nouns = std::mem::take(&mut self.governing_nouns).into_iter().map(|(s, h)| (h, s)).collect();
        for (i, (phrase, _, _)) in self.discards.iter().enumerate() {
            d.discard_matcher.insert(phrase, Hit::Discard(i as u32));
        }
        d.discards = std::mem::take(&mut self.discards);
        d.issues = std::mem::take(&mut self.issues);
        for (class, from, to, origin) in std::mem::take(&mut self.maps) {
            let key = (class, from);
            if let Some((old, o)) = d.maps.get(&key)
                && *old != to
            {
                let msg = format!(
                    "`{}` maps {} twice: to {} ({o}) and to {}",
                    class.keyword(),
                    from.map_or("*".to_string(), |c| c.to_string()),
                    old,
                    to
                );
                self.diags.push(Diagnostic { severity: Severity::Warning, origin: origin.clone(), message: msg });
            }
            d.maps.insert(key, (to, origin));
        }
        (d, self.diags)
    }
}

/// Parses a role line: `CODE`, `CODE FROM..`, `CODE ..TO` or `CODE FROM..TO`.
fn parse_role(line: &str, origin: &Origin) -> Result<Role, String> {
    let mut parts = line.split_whitespace();
    let code_s = parts.next().ok_or("empty role line")?;
    let code = ActorCode::parse(code_s).map_err(|e| e.to_string())?;
    if !is_known_primary(code.primary().as_str()) {
        return Err(format!("`{}` is not a known country or organisation code", code.primary()));
    }
    let (from, to) = match parts.next() {
        Some(range) => parse_range(range)?,
        None => (None, None),
    };
    if let Some(extra) = parts.next() {
        return Err(format!("unexpected `{extra}` after the date range"));
    }
    Ok(Role { code, from, to, origin: origin.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> (Dictionaries, Vec<Diagnostic>) {
        let mut b = Builder::default();
        b.add_file("test.txt", text);
        b.finish()
    }

    #[test]
    fn reads_every_kind() {
        let (d, diags) = build(
            "# comment\nFRA name: France | French Republic  # trailing\nFRA adj: French\nGOV agent: embassy | spokesman/spokesmen\n\
             161 verb: expel TARGET:GOV\n161 noun: expulsion of TARGET\nmirror verb: take symmetrical step\n\
             person: Jane Doe | Doe\n  FRAGOV 2010..2012-05\n  FRAELI 2012-06-01..\ndiscard sentence: football\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.actors.len(), 3);
        assert_eq!(d.people[0].roles.len(), 2);
        assert_eq!(d.people[0].roles[0].to, NaiveDate::from_ymd_opt(2012, 5, 31));
        assert_eq!(d.agents[0].phrases, ["embassy", "embassies", "spokesman", "spokesmen"]);
        assert_eq!(d.patterns.len(), 2);
        assert_eq!(d.specials.len(), 1);
        assert_eq!(d.discards.len(), 1);
    }

    #[test]
    fn reports_bad_lines_with_file_and_line() {
        let (d, diags) = build(
            "XXQ name: Nowhere\nFRA name: France\n999 verb: foo\nthis is not an entry\nFRA frobnicate: x\n  FRAGOV 2010..\nperson: No Roles\nperson: Bad\n  FRAGOV 2012..2010\n161 verb: Expel\n",
        );
        assert_eq!(d.actors.len(), 1, "the good line survives");
        let lines: Vec<u32> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6, 7, 9, 8, 10], "{diags:#?}");
        assert!(diags.iter().all(|d| d.to_string().starts_with("test.txt:")));
    }

    #[test]
    fn user_layer_overrides() {
        let mut b = Builder::default();
        b.add_file("builtin.txt", "FRA name: Paris\n");
        b.layer = 1;
        b.add_file("user.txt", "FRAGOV name: Paris\n");
        let (d, _) = b.finish();
        let hits = d.phrases.lookup("Paris");
        assert_eq!(hits.len(), 1);
        let Hit::Actor(i) = hits[0] else { panic!() };
        assert_eq!(d.actors[i as usize].code.to_string(), "FRAGOV");
    }
}
