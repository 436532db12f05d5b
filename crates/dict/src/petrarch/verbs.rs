//! The verb dictionary (`CAMEO.2.0.txt`, `*.verbs.txt`): synsets, verb blocks,
//! patterns and transformations.
//!
//! A PETRARCH pattern `- PRE * POST [CODE]` applies to every verb of its block. Each
//! (verb lemma, pattern) pair becomes one attache [`Pattern`] whose head is the lemma:
//!
//! | PETRARCH | attache |
//! |---|---|
//! | verb line `HURRY {HURRIES HURRYING HURRIED}` | head `hurry` (attache's lemmatizer finds the forms; a listed form it would not lemmatize to the head, such as an unlisted irregular past, becomes a head of its own) |
//! | multi-word verb `+CORDON_OFF`, `WIRE_+TAP` | head `cordon` with the particle `off` as the first [`Element::Word`]; words before the `+` verb are [`Frame::before`] words joined to the head |
//! | verb's own code `DECLINE [120]` | the verb's bare pattern (no elements) codes 120 instead of the block's code |
//! | `WORD` | [`Element::Word`] |
//! | `{W1 W2 HEAD}`, `(PREP ...)` | their words in order, as [`Element::Word`]s (the group itself is not kept: attache's words may skip inside a noun phrase to reach the next) |
//! | `^` | [`Element::AnyNp`] |
//! | `$` | [`Element::Source`] |
//! | `+` | [`Element::Target`] (no sector restriction) |
//! | `%` | [`Element::AnyNp`] at [`Frame::compound`] |
//! | `_` inside a token | consecutive words: each part an element, recorded in [`Frame::joined`]; a trailing `_` (whole word) is dropped |
//! | words before `*` | [`Frame::before`] |
//! | `&NAME` | the synset's one-word members (with their plurals) as the alternatives of one [`Element::Word`]; each multi-word member gives a pattern of its own |
//! | `[190]` | [`Pattern::code`] |
//! | `[---]` | [`Coding::null`] |
//! | `[A:B]` | code A, [`Coding::paired`] B |
//! | `[:B]` | code B, [`Coding::passive_only`] |
//! | `~` transformation | reported (error, line skipped): attache's `say` and governing verb classes do this work |
//!
//! Differences from PETRARCH2's reader, on purpose: `<!--` comment lines do not switch
//! off every later pattern (PETRARCH2 then ignores all patterns of the validation
//! dictionary); synsets may be defined anywhere in the file and used before their
//! definition; an undefined synset or a code that is not a CAMEO code is reported
//! and its pattern skipped, where PETRARCH2 keeps a dead pattern or fails at coding
//! time. A junk code such as `080!` is read as PETRARCH2 reads it (its first two
//! characters and `0`), with a warning, when that is a CAMEO code.
//!
//! [`Pattern`]: crate::Pattern
//! [`Pattern::code`]: crate::Pattern::code
//! [`Element::Word`]: crate::Element::Word
//! [`Element::AnyNp`]: crate::Element::AnyNp
//! [`Element::Source`]: crate::Element::Source
//! [`Element::Target`]: crate::Element::Target
//! [`Frame::before`]: crate::Frame::before
//! [`Frame::joined`]: crate::Frame::joined
//! [`Frame::compound`]: crate::Frame::compound
//! [`Coding::null`]: crate::Coding::null
//! [`Coding::paired`]: crate::Coding::paired
//! [`Coding::passive_only`]: crate::Coding::passive_only

use std::sync::{Arc, OnceLock};

use attache_ontology::CameoCode;
use attache_text::{Lexicon, Tag};
use rustc_hash::FxHashMap;

use super::{error, origin, petrarch_plural, warning};
use crate::parse::Builder;
use crate::pattern::{Coding, Element, Frame, Pattern, PatternKind, Place};

/// The most patterns one PETRARCH pattern line may expand into (multi-word synset
/// members multiply); beyond this the line is reported.
const MAX_VARIANTS: usize = 256;

/// Whether a line is a block header: `--- NAME [CODE] ---`.
pub(super) fn is_block_header(line: &str) -> bool {
    let t = line.trim_end();
    t.starts_with("---") && t.len() > 6 && t.ends_with("---") && t.contains('[')
}

/// A parsed code: `[190]`, `[---]`, `[A:B]`, `[:B]`.
#[derive(Debug, Clone, Copy)]
struct Code {
    /// `None`: null.
    main: Option<CameoCode>,
    paired: Option<CameoCode>,
    passive_only: bool,
}

impl Code {
    const NULL: Code = Code { main: None, paired: None, passive_only: false };

    fn coding(&self) -> Coding {
        Coding { null: self.main.is_none(), paired: self.paired, passive_only: self.passive_only }
    }
}

/// Parses the inside of a code bracket; warnings (junk read as PETRARCH does) go to
/// `warn`.
fn parse_code(s: &str, warn: &mut Vec<String>) -> Result<Code, String> {
    let s = s.trim();
    let one = |c: &str, warn: &mut Vec<String>| -> Result<Option<CameoCode>, String> {
        let c = c.trim();
        if c == "---" {
            return Ok(None);
        }
        if let Ok(code) = CameoCode::parse(c) {
            return Ok(Some(code));
        }
        // a code outside CAMEO (WEIS's 903, the test set's 174K) is the dictionary's own
        if let Ok(code) = CameoCode::define(c) {
            warn.push(format!("`{c}` is not a CAMEO code: kept as the dictionary's own code (no PLOVER type)"));
            return Ok(Some(code));
        }
        // PETRARCH2 falls back on the first two characters + 0 ("080!" → 080)
        if c.len() >= 3 && c.is_char_boundary(2) {
            let fallback = format!("{}0", &c[..2]);
            if c[..2].bytes().all(|b| b.is_ascii_digit())
                && let Ok(code) = CameoCode::parse(&fallback)
            {
                warn.push(format!("`{c}` is not a CAMEO code; read as {fallback}, as PETRARCH2 does"));
                return Ok(Some(code));
            }
        }
        Err(format!("`{c}` is not a CAMEO event code of attache's table (CAMEO 1.1b3)"))
    };
    match s.split_once(':') {
        None => Ok(Code { main: one(s, warn)?, paired: None, passive_only: false }),
        Some((a, b)) if a.trim().is_empty() => {
            let b = one(b, warn)?.ok_or("`[:---]` codes nothing; write `[---]`")?;
            Ok(Code { main: Some(b), paired: None, passive_only: true })
        }
        Some((a, b)) => {
            let a = one(a, warn)?;
            let b = one(b, warn)?;
            match a {
                Some(a) => Ok(Code { main: Some(a), paired: b, passive_only: false }),
                None if b.is_none() => Ok(Code::NULL),
                None => Err(format!("`[{s}]`: a paired code needs its first code")),
            }
        }
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::builtin)
}

/// The lemma attache's tagger gives a verb form: the form itself when the lexicon
/// knows it as a verb lemma, else the lemma of an inflected reading, else the form.
fn verb_lemma(form: &str) -> String {
    let readings = lexicon().readings(form);
    if readings.iter().any(|r| matches!(r.tag, Tag::VB | Tag::VBP) && r.lemma.is_none()) {
        return form.to_string();
    }
    readings
        .iter()
        .find(|r| matches!(r.tag, Tag::VBD | Tag::VBN | Tag::VBZ | Tag::VBG))
        .and_then(|r| r.lemma.as_deref())
        .unwrap_or(form)
        .to_string()
}

/// A verb form split at its `+`: (front words, verb, particles), lower case.
fn split_form(form: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let words: Vec<&str> = form.split('_').filter(|w| !w.is_empty()).collect();
    let verb_at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |w: &str| attache_text::normalize::normalize(w.trim_start_matches('+'));
    let verb = clean(words.get(verb_at)?);
    if verb.is_empty() || verb.contains(['+', '{', '}', '[', ']', '*']) {
        return None;
    }
    Some((
        words[..verb_at].iter().map(|w| clean(w)).collect(),
        verb,
        words[verb_at + 1..].iter().map(|w| clean(w)).collect(),
    ))
}

struct VerbLine {
    line: u32,
    heads: Vec<String>,
    /// The verb as written when it is an inflected form (`LEFT`, lemma `leave`): the
    /// block then codes that form only, where another block has the lemma.
    surface: Option<String>,
    front: Vec<String>,
    particles: Vec<String>,
    own: Option<Code>,
}

struct Block {
    name: String,
    line: u32,
    code: Code,
    verbs: Vec<VerbLine>,
    patterns: Vec<(u32, String)>,
}

/// A synset member: a word list, or a reference to another synset.
enum Member {
    Words(Vec<String>, bool),
    Synset(String),
}

struct Synset {
    line: u32,
    members: Vec<Member>,
}

/// Reads a verb file into patterns.
pub(super) fn load(b: &mut Builder, file: &Arc<str>, text: &str) {
    let mut synsets: FxHashMap<String, Synset> = FxHashMap::default();
    let mut blocks: Vec<Block> = Vec::new();
    // what the last structural line opened: a synset (its label), a block, or nothing
    let mut open_synset: Option<String> = None;
    let mut in_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let line = n as u32 + 1;
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if in_comment {
            in_comment = !raw.contains("-->");
            continue;
        }
        if raw.starts_with("<!") {
            in_comment = raw.starts_with("<!--") && !raw.contains("-->");
            continue;
        }
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        let content = raw.split('#').next().unwrap_or("").trim_end();
        if content.trim().is_empty() {
            continue;
        }
        if raw.starts_with("---") {
            open_synset = None;
            match parse_header(content) {
                Ok((name, code, warns)) => {
                    for w in warns {
                        warning(b, file, line, w);
                    }
                    blocks.push(Block { name, line, code, verbs: Vec::new(), patterns: Vec::new() });
                }
                Err((name, e)) => {
                    error(b, file, line, format!("block header: {e}; the block's verbs code nothing by themselves"));
                    blocks.push(Block { name, line, code: Code::NULL, verbs: Vec::new(), patterns: Vec::new() });
                }
            }
        } else if raw.starts_with('-') {
            open_synset = None;
            match blocks.last_mut() {
                Some(bl) => bl.patterns.push((line, content.to_string())),
                None => error(b, file, line, "a pattern line before any block header (`--- NAME [CODE] ---`)"),
            }
        } else if raw.starts_with('&') {
            let label = content.trim();
            let name = label.trim_start_matches('&').to_string();
            if name.is_empty() || name.contains(char::is_whitespace) {
                error(b, file, line, format!("`{label}` is not a synset label (`&NAME`)"));
                open_synset = None;
                continue;
            }
            let key = name.trim_end_matches('_').to_string();
            if let Some(old) = synsets.get(&key) {
                warning(
                    b,
                    file,
                    line,
                    format!("the synset `&{key}` is defined again (first at line {}); this definition wins", old.line),
                );
            }
            synsets.insert(key.clone(), Synset { line, members: Vec::new() });
            open_synset = Some(key);
        } else if raw.starts_with('+') && open_synset.is_some() {
            let member = content.trim().trim_start_matches('+').trim();
            let Some(set) = open_synset.as_deref().and_then(|k| synsets.get_mut(k)) else { continue };
            if member.is_empty() {
                error(b, file, line, "an empty synset member");
            } else if let Some(r) = member.strip_prefix('&') {
                set.members.push(Member::Synset(r.trim_end_matches('_').to_string()));
            } else if member.contains(['[', ']', '{', '}', '*', '(', ')']) {
                error(b, file, line, format!("`{member}` is not a synset member (words only)"));
            } else {
                let whole = member.ends_with('_');
                let words: Vec<String> = member
                    .split(|c: char| c == '_' || c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .map(attache_text::normalize::normalize)
                    .collect();
                set.members.push(Member::Words(words, whole));
            }
        } else if raw.starts_with('~') {
            open_synset = None;
            error(
                b,
                file,
                line,
                "transformations (`~ a (a b VERB) VERB = ...`) are not supported: attache's `say` and governing verb classes recode reported and governed events",
            );
        } else {
            open_synset = None;
            let Some(bl) = blocks.last_mut() else {
                error(b, file, line, "a verb line before any block header (`--- NAME [CODE] ---`)");
                continue;
            };
            match parse_verb_line(content) {
                Ok((v, warns)) => {
                    for w in warns {
                        warning(b, file, line, w);
                    }
                    bl.verbs.push(VerbLine { line, ..v });
                }
                Err(e) => error(b, file, line, e),
            }
        }
    }
    // synsets: resolve into alternatives
    let mut resolved: FxHashMap<String, Result<Alternatives, String>> = FxHashMap::default();
    let keys: Vec<String> = synsets.keys().cloned().collect();
    for k in keys {
        let r = resolve(&synsets, &k, 0);
        resolved.insert(k, r);
    }
    for (k, s) in &synsets {
        if let Some(Err(e)) = resolved.get(k) {
            error(b, file, s.line, format!("synset `&{k}`: {e}"));
        } else if s.members.is_empty() {
            warning(b, file, s.line, format!("the synset `&{k}` has no members (`+WORD` lines after it)"));
        }
    }
    // a block headed by an inflected form keeps to that form only where another block
    // codes the lemma's other forms (`LEFT` beside `LEAVE`); alone, it codes them all
    let base: rustc_hash::FxHashSet<String> = blocks
        .iter()
        .flat_map(|bl| &bl.verbs)
        .filter(|v| v.surface.is_none())
        .flat_map(|v| v.heads.first().cloned())
        .collect();
    for v in blocks.iter_mut().flat_map(|bl| &mut bl.verbs) {
        if v.heads.first().is_none_or(|h| !base.contains(h)) {
            v.surface = None;
        }
    }
    for bl in &blocks {
        if bl.verbs.is_empty() {
            if !bl.patterns.is_empty() {
                error(
                    b,
                    file,
                    bl.line,
                    format!("the block {} has patterns but no verb lines: they cannot fire", bl.name),
                );
            }
            continue;
        }
        emit_block(b, file, bl, &resolved);
    }
}

/// A synset as one-word alternatives and multi-word members.
#[derive(Clone, Default)]
struct Alternatives {
    words: Vec<String>,
    phrases: Vec<Vec<String>>,
}

fn resolve(synsets: &FxHashMap<String, Synset>, key: &str, depth: usize) -> Result<Alternatives, String> {
    if depth > 8 {
        return Err("synsets nest too deep (a cycle?)".into());
    }
    let Some(s) = synsets.get(key) else {
        return Err(format!("the synset `&{key}` is not defined"));
    };
    let mut out = Alternatives::default();
    for m in &s.members {
        match m {
            Member::Words(w, whole) if w.len() == 1 => {
                push_unique(&mut out.words, w[0].clone());
                if !whole {
                    push_unique(&mut out.words, petrarch_plural(&w[0]));
                }
            }
            Member::Words(w, _) => out.phrases.push(w.clone()),
            Member::Synset(r) => {
                let inner = resolve(synsets, r, depth + 1)?;
                for w in inner.words {
                    push_unique(&mut out.words, w);
                }
                out.phrases.extend(inner.phrases);
            }
        }
    }
    Ok(out)
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

type HeaderError = (String, String);

fn parse_header(content: &str) -> Result<(String, Code, Vec<String>), HeaderError> {
    let inner = content.trim().trim_start_matches('-').trim_end_matches('-').trim();
    let Some(open) = inner.find('[') else {
        let name = inner.split_whitespace().collect::<Vec<_>>().join("_");
        return Err((name, "no code in brackets (write `--- NAME [CODE] ---`)".into()));
    };
    let name = inner[..open].split_whitespace().collect::<Vec<_>>().join("_");
    let Some(close) = inner[open..].find(']').map(|c| open + c) else {
        return Err((name, "an unclosed `[`".into()));
    };
    let mut warns = Vec::new();
    if name.is_empty() {
        return Err(("?".into(), "no block name".into()));
    }
    let rest = inner[close + 1..].trim();
    if !rest.is_empty() {
        warns.push(format!("`{rest}` after the block's code is ignored (PETRARCH reads the first code)"));
    }
    let code = parse_code(&inner[open + 1..close], &mut warns).map_err(|e| (name.clone(), e))?;
    Ok((name, code, warns))
}

/// Parses `FORM {FORMS...} [CODE]`.
fn parse_verb_line(content: &str) -> Result<(VerbLine, Vec<String>), String> {
    let mut warns = Vec::new();
    let mut s = content.trim().to_string();
    let mut own = None;
    if s.ends_with(']') {
        let open = s.rfind('[').ok_or("an unopened `]`")?;
        own = Some(parse_code(&s[open + 1..s.len() - 1], &mut warns)?);
        s.truncate(open);
    }
    let (main, forms) = match s.find('{') {
        Some(open) => {
            let close = s.rfind('}').ok_or("an unclosed `{` in the verb's forms")?;
            if close < open || !s[close + 1..].trim().is_empty() {
                return Err("the verb's forms in `{...}` must end the line (before its code)".into());
            }
            (s[..open].trim().to_string(), s[open + 1..close].split_whitespace().map(str::to_string).collect())
        }
        None => (s.trim().to_string(), Vec::new()),
    };
    // `LASH OUT` is read as `+LASH_OUT`: a verb and its particle
    let words: Vec<&str> = main.split_whitespace().collect();
    let joined;
    let form = match words.as_slice() {
        [] => return Err("no verb on the line".into()),
        [one] => *one,
        more => {
            joined = more.join("_");
            joined.as_str()
        }
    };
    if form.contains(['[', ']', '{', '}', '*', '(', ')', '&']) {
        return Err(format!("`{form}` is not a verb"));
    }
    let (front, verb, particles) = split_form(form).ok_or_else(|| format!("`{form}` is not a verb"))?;
    let head = verb_lemma(&verb);
    let regular = attache_text::verb_forms(&head);
    let regular = regular.all();
    let mut heads = vec![head.clone()];
    for f in &forms {
        match split_form(f) {
            Some((ff, v, fp)) => {
                if ff != front || fp != particles {
                    warns.push(format!("the form `{f}` has other particles than `{form}`; they are ignored"));
                }
                // a form attache's own inflection gives the head needs no head of its own
                if !regular.contains(&v.as_str()) {
                    push_unique(&mut heads, verb_lemma(&v));
                }
            }
            None => warns.push(format!("`{f}` is not a verb form; ignored")),
        }
    }
    let surface = (head != verb).then_some(verb);
    Ok((VerbLine { line: 0, heads, surface, front, particles, own }, warns))
}

/// One token of a pattern, in text order.
#[derive(Debug, Clone)]
enum Tok {
    Head,
    Elem(Element),
    Compound,
    Synset(String),
}

/// The variants one pattern line expands into: (before, after, joined, compound).
struct Variant {
    before: Vec<Element>,
    after: Vec<Element>,
    joined: Vec<Place>,
    compound: Option<Place>,
}

/// Parses a pattern line's body (after `-`, comment removed) into its variants and
/// code.
fn parse_pattern(
    body: &str,
    synsets: &FxHashMap<String, Result<Alternatives, String>>,
    warns: &mut Vec<String>,
) -> Result<(Vec<Variant>, Code), String> {
    let body = body.trim();
    let open = body.rfind('[').ok_or("no code: a pattern ends with `[CODE]`")?;
    let close = body[open..].find(']').map(|c| open + c).ok_or("an unclosed `[` in the code")?;
    if !body[close + 1..].trim().is_empty() {
        return Err(format!("`{}` after the code", body[close + 1..].trim()));
    }
    let code = parse_code(&body[open + 1..close], warns)?;
    let words = &body[..open];
    if words.contains(['[', ']']) {
        return Err("a `[` before the code".into());
    }
    // tokens in text order, each with whether `_` joins it to the one before
    let spaced = words.replace('{', " { ").replace('}', " } ").replace('(', " ( ").replace(')', " ) ");
    let mut toks: Vec<(Tok, bool)> = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    for t in spaced.split_whitespace() {
        match t {
            "{" | "(" => {
                if stack.contains(&'{') {
                    return Err(format!("`{t}` inside a `{{...}}` noun phrase"));
                }
                stack.push(if t == "{" { '{' } else { '(' });
                continue;
            }
            "}" | ")" => {
                let want = if t == "}" { '{' } else { '(' };
                if stack.pop() != Some(want) {
                    return Err(format!("an unmatched `{t}`"));
                }
                continue;
            }
            _ => {}
        }
        // `_` joins the parts of a token; a leading or trailing `_` only marks a whole word
        let mut first = true;
        // `*WORD` (no `_`): the verb and a word after it, as PETRARCH's tokens would be
        let t = t.to_string();
        let t = match (t.strip_prefix('*'), t.strip_suffix('*')) {
            (Some(rest), _) if !rest.is_empty() && !rest.starts_with('_') => {
                warns.push(format!("`{t}` read as `* {rest}`"));
                toks.push((Tok::Head, false));
                rest.to_string()
            }
            (_, Some(rest)) if !rest.is_empty() && !rest.ends_with('_') => {
                warns.push(format!("`{t}` read as `{rest} *`"));
                toks.push((tok_of(rest)?, false));
                toks.push((Tok::Head, false));
                continue;
            }
            _ => t,
        };
        for part in t.split('_').filter(|p| !p.is_empty()) {
            toks.push((tok_of(part)?, !first));
            first = false;
        }
    }
    if !stack.is_empty() {
        return Err("an unclosed bracket".into());
    }
    let heads = toks.iter().filter(|(t, _)| matches!(t, Tok::Head)).count();
    if heads != 1 {
        return Err(format!("a pattern has exactly one `*` (the verb); this one has {heads}"));
    }
    let count = |f: &dyn Fn(&Tok) -> bool| toks.iter().filter(|(t, _)| f(t)).count();
    if count(&|t| matches!(t, Tok::Elem(Element::Target(_)))) > 1 {
        return Err("more than one `+` (target)".into());
    }
    if count(&|t| matches!(t, Tok::Elem(Element::Source))) > 1 {
        return Err("more than one `$` (source)".into());
    }
    if count(&|t| matches!(t, Tok::Compound)) > 1 {
        return Err("more than one `%` (compound)".into());
    }
    // each token's alternatives: sequences of elements
    let mut units: Vec<(Vec<Vec<Tok>>, bool)> = Vec::new();
    let mut total = 1usize;
    for (t, join) in toks {
        let alts = match t {
            Tok::Synset(name) => {
                let key = name.trim_end_matches('_');
                let a = match synsets.get(key) {
                    Some(Ok(a)) => a,
                    Some(Err(e)) => return Err(format!("`&{name}`: {e}")),
                    None => return Err(format!("the synset `&{name}` is not defined")),
                };
                let mut alts: Vec<Vec<Tok>> = Vec::new();
                if !a.words.is_empty() {
                    alts.push(vec![Tok::Elem(Element::Word(a.words.clone()))]);
                }
                for p in &a.phrases {
                    alts.push(p.iter().map(|w| Tok::Elem(Element::Word(vec![w.clone()]))).collect());
                }
                if alts.is_empty() {
                    return Err(format!("the synset `&{name}` has no members"));
                }
                alts
            }
            t => vec![vec![t]],
        };
        total = total.saturating_mul(alts.len());
        units.push((alts, join));
    }
    if total > MAX_VARIANTS {
        return Err(format!(
            "the synsets' multi-word members expand this pattern into {total} patterns (at most {MAX_VARIANTS})"
        ));
    }
    let mut variants = Vec::with_capacity(total);
    let mut choice = vec![0usize; units.len()];
    loop {
        // flatten this choice: (token, joined to the previous in text order)
        let mut flat: Vec<(&Tok, bool)> = Vec::new();
        for (u, &c) in units.iter().zip(&choice) {
            for (k, t) in u.0[c].iter().enumerate() {
                flat.push((t, if k == 0 { u.1 } else { true }));
            }
        }
        variants.push(build_variant(&flat));
        // next choice
        let mut i = 0;
        loop {
            if i == units.len() {
                return Ok((variants, code));
            }
            choice[i] += 1;
            if choice[i] < units[i].0.len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

/// The token of one `_`-separated part of a pattern word.
fn tok_of(part: &str) -> Result<Tok, String> {
    Ok(match part {
        "*" => Tok::Head,
        "$" => Tok::Elem(Element::Source),
        "+" => Tok::Elem(Element::Target(Vec::new())),
        "^" => Tok::Elem(Element::AnyNp),
        "%" => Tok::Compound,
        p if p.starts_with('&') => Tok::Synset(p[1..].to_string()),
        p if p.contains(['*', '&', '$', '%', '^', '~']) => {
            return Err(format!("`{p}` mixes a marker with a word"));
        }
        p => Tok::Elem(Element::Word(vec![attache_text::normalize::normalize(p)])),
    })
}

fn build_variant(flat: &[(&Tok, bool)]) -> Variant {
    let head_at = flat.iter().position(|(t, _)| matches!(t, Tok::Head)).unwrap_or(flat.len());
    let mut v = Variant { before: Vec::new(), after: Vec::new(), joined: Vec::new(), compound: None };
    // the place of each flat token (None for the head)
    let mut places: Vec<Option<Place>> = Vec::with_capacity(flat.len());
    for (i, (t, _)) in flat.iter().enumerate() {
        let before = i < head_at;
        let list = if before { &mut v.before } else { &mut v.after };
        let e = match t {
            Tok::Head => {
                places.push(None);
                continue;
            }
            Tok::Elem(e) => e.clone(),
            Tok::Compound => Element::AnyNp,
            Tok::Synset(_) => Element::AnyNp, // resolved before; unreachable
        };
        let place = Place { before, index: list.len() };
        if matches!(t, Tok::Compound) {
            v.compound = Some(place);
        }
        list.push(e);
        places.push(Some(place));
    }
    // joined pairs: mark the element farther from... the one whose neighbour towards
    // the head is the other
    for i in 1..flat.len() {
        if !flat[i].1 {
            continue;
        }
        let (a, b) = (places[i - 1], places[i]);
        let mark = match (a, b) {
            (Some(a), None) => Some(a),                // before-word joined to the head
            (None, Some(b)) => Some(b),                // after-word joined to the head
            (Some(a), Some(_)) if a.before => Some(a), // both before: a's neighbour is b
            (Some(_), Some(b)) => Some(b),             // both after: b's neighbour is a
            (None, None) => None,
        };
        if let Some(m) = mark
            && !v.joined.contains(&m)
        {
            v.joined.push(m);
        }
    }
    v
}

/// Makes the patterns of one block: per verb line its bare pattern, and per verb
/// group (same front words and particles) every pattern line for each head.
fn emit_block(b: &mut Builder, file: &Arc<str>, bl: &Block, synsets: &FxHashMap<String, Result<Alternatives, String>>) {
    let placeholder = bl
        .code
        .main
        .or_else(|| bl.verbs.iter().find_map(|v| v.own.and_then(|c| c.main)))
        .unwrap_or_else(|| CameoCode::parse("010").expect("010 is a CAMEO code"));
    let words = |ws: &[String]| ws.iter().map(|w| Element::Word(vec![w.clone()])).collect::<Vec<_>>();
    // bare verbs
    for v in &bl.verbs {
        let code = v.own.unwrap_or(bl.code);
        // a null bare verb without particles has nothing to shadow
        if code.main.is_none() && v.particles.is_empty() && v.front.is_empty() {
            continue;
        }
        let before = words(&v.front);
        let joined = (0..before.len()).map(|index| Place { before: true, index }).collect::<Vec<_>>();
        for (i, head) in v.heads.iter().enumerate() {
            let frame = Frame {
                kind: PatternKind::Verb,
                head: head.clone(),
                elements: words(&v.particles),
                text: format!("{}: {}", bl.name, verb_text(v, head)),
                origin: origin(file, v.line),
                required: Vec::new(),
                before: before.clone(),
                joined: joined.clone(),
                compound: None,
                source_sectors: Vec::new(),
                plover: None,
                form: v.surface.clone().filter(|_| i == 0),
            };
            b.patterns.push(Pattern { code: code.main.unwrap_or(placeholder), frame, coding: code.coding() });
        }
    }
    // groups of verbs sharing front words and particles
    let mut groups: Vec<(&[String], &[String], Vec<HeadForm>)> = Vec::new();
    for v in &bl.verbs {
        let heads = v.heads.iter().enumerate().map(|(i, h)| (h.as_str(), v.surface.as_deref().filter(|_| i == 0)));
        match groups.iter_mut().find(|g| g.0 == v.front.as_slice() && g.1 == v.particles.as_slice()) {
            Some(g) => {
                for h in heads {
                    if !g.2.contains(&h) {
                        g.2.push(h);
                    }
                }
            }
            None => groups.push((&v.front, &v.particles, heads.collect())),
        }
    }
    for (line, body) in &bl.patterns {
        let mut warns = Vec::new();
        let text = body.trim_start_matches('-').trim();
        let parsed = parse_pattern(text, synsets, &mut warns);
        for w in warns {
            warning(b, file, *line, w);
        }
        let (variants, code) = match parsed {
            Ok(p) => p,
            Err(e) => {
                error(b, file, *line, format!("pattern `- {text}`: {e}"));
                continue;
            }
        };
        for (front, particles, heads) in &groups {
            for var in &variants {
                let mut before = var.before.clone();
                before.extend(words(front));
                let mut elements = words(particles);
                elements.extend(var.after.iter().cloned());
                let shift = |p: Place| {
                    if p.before { p } else { Place { before: false, index: p.index + particles.len() } }
                };
                let mut joined: Vec<Place> = var.joined.iter().map(|&p| shift(p)).collect();
                joined.extend((0..front.len()).map(|k| Place { before: true, index: var.before.len() + k }));
                for (head, form) in heads {
                    let frame = Frame {
                        kind: PatternKind::Verb,
                        head: head.to_string(),
                        form: form.map(str::to_string),
                        elements: elements.clone(),
                        text: format!("{}: - {}", bl.name, text),
                        origin: origin(file, *line),
                        required: Vec::new(),
                        before: before.clone(),
                        joined: joined.clone(),
                        compound: var.compound.map(shift),
                        source_sectors: Vec::new(),
                        plover: None,
                    };
                    b.patterns.push(Pattern { code: code.main.unwrap_or(placeholder), frame, coding: code.coding() });
                }
            }
        }
    }
}

/// A head lemma, and the one word form it must have ([`Frame::form`]), if any.
type HeadForm<'a> = (&'a str, Option<&'a str>);

fn verb_text(v: &VerbLine, head: &str) -> String {
    let mut s = v.front.join(" ");
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(head);
    for p in &v.particles {
        s.push(' ');
        s.push_str(p);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        let mut w = Vec::new();
        let c = parse_code("042:043", &mut w).unwrap();
        assert_eq!(c.main.unwrap().as_str(), "042");
        assert_eq!(c.paired.unwrap().as_str(), "043");
        let c = parse_code(":173", &mut w).unwrap();
        assert!(c.passive_only && c.main.unwrap().as_str() == "173");
        assert!(parse_code("---", &mut w).unwrap().main.is_none());
        assert!(w.is_empty());
        assert_eq!(parse_code("080!", &mut w).unwrap().main.unwrap().as_str(), "080");
        assert_eq!(w.len(), 1);
        // codes outside CAMEO are the dictionary's own, with a warning
        let own = parse_code("345", &mut w).unwrap().main.unwrap();
        assert!(own.as_str() == "345" && !own.is_cameo());
        assert_eq!(parse_code("176", &mut w).unwrap().main.unwrap().as_str(), "176");
        assert_eq!(w.len(), 3);
        assert!(parse_code("d!f", &mut w).is_err());
    }

    #[test]
    fn verb_forms_and_particles() {
        let (v, w) = parse_verb_line("+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}").unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(v.heads, ["cordon"]);
        assert_eq!(v.particles, ["off"]);
        let (v, _) = parse_verb_line("WIRE_+TAP [172]").unwrap();
        assert_eq!((v.front.as_slice(), v.heads[0].as_str()), (["wire".to_string()].as_slice(), "tap"));
        assert_eq!(v.own.unwrap().main.unwrap().as_str(), "172");
        let (v, _) = parse_verb_line("LASH OUT").unwrap();
        assert_eq!((v.heads[0].as_str(), v.particles.as_slice()), ("lash", ["out".to_string()].as_slice()));
        assert!(parse_verb_line("A {B").is_err());
    }

    #[test]
    fn joined_places() {
        let s = FxHashMap::default();
        let (v, _) = parse_pattern("FAILED_TO_* ^ TO_LET_ESCAPE [111]", &s, &mut Vec::new()).unwrap();
        let v = &v[0];
        assert_eq!(v.before.len(), 2);
        assert_eq!(v.after.len(), 4);
        let p = |before, index| Place { before, index };
        assert_eq!(v.joined, [p(true, 0), p(true, 1), p(false, 2), p(false, 3)]);
    }
}
