//! The issue coding file (`*Issue*.txt`): phrases that tag a sentence's events with
//! issues (`n:preschool [EARLY_CHILDHOOD_EDUCATION]`).
//!
//! attache does not code issues yet: the phrases are loaded, expanded and counted, and
//! [`crate::Dictionaries::issues`] gives them to whoever wants them. Expansions:
//! `n:word` gives the word and its plural, `v:word` its verb forms, `a+b` both "a b"
//! and "a-b". `~phrase` and `~~phrase` are ignore phrases (they cancel the sentence's
//! issues). `<ISSUE ...>` section lines are skipped.

use std::sync::Arc;

use super::{common_lines, error, origin};
use crate::parse::{Builder, Origin};

/// An issue phrase: its expanded forms, its issue code, where it was defined.
///
/// ```
/// use attache_dict::Dictionaries;
/// let (d, diags) = Dictionaries::from_petrarch_texts(&[("x.IssueCoding.txt", "n:school [EDUCATION]\n~a head start\n")]);
/// assert!(diags.is_empty());
/// assert_eq!(d.issues()[0].phrases, ["school", "schools"]);
/// assert_eq!(d.issues()[0].code.as_deref(), Some("EDUCATION"));
/// assert_eq!(d.issues()[1].code, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuePhrase {
    /// Every form the entry expands into, lower case.
    pub phrases: Vec<String>,
    /// The issue code; `None` for an ignore phrase (`~phrase`), which cancels the
    /// issues of its sentence.
    pub code: Option<String>,
    /// Where it was defined.
    pub origin: Origin,
}

const MAX_FORMS: usize = 512;

/// Reads an issue file.
pub(super) fn load(b: &mut Builder, file: &Arc<str>, text: &str) {
    for (line, content) in common_lines(text) {
        let t = content.trim();
        if t.starts_with('<') && t.ends_with('>') {
            continue; // <ISSUE CATEGORY=...> and </ISSUE> section lines
        }
        let (body, code) = if let Some(rest) = t.strip_prefix('~') {
            (rest.trim_start_matches('~'), None)
        } else {
            let (Some(open), true) = (t.rfind('['), t.ends_with(']')) else {
                error(b, file, line, "an issue line is `phrase [CODE]` or `~phrase`");
                continue;
            };
            let code = t[open + 1..t.len() - 1].trim();
            if code.is_empty() || code.contains(char::is_whitespace) {
                error(b, file, line, format!("`[{code}]` is not an issue code"));
                continue;
            }
            (&t[..open], Some(code.to_string()))
        };
        let mut forms: Vec<String> = vec![String::new()];
        for word in body.split_whitespace() {
            let alts = expand_word(&word.to_lowercase());
            let mut next = Vec::with_capacity(forms.len() * alts.len());
            for f in &forms {
                for a in &alts {
                    next.push(if f.is_empty() { a.clone() } else { format!("{f} {a}") });
                }
            }
            forms = next;
            if forms.len() > MAX_FORMS {
                break;
            }
        }
        if forms.len() > MAX_FORMS {
            error(b, file, line, format!("the entry expands into more than {MAX_FORMS} phrases"));
            continue;
        }
        forms.retain(|f| !f.is_empty());
        if forms.is_empty() {
            error(b, file, line, "no phrase");
            continue;
        }
        let mut phrases = Vec::with_capacity(forms.len());
        for f in forms {
            if !phrases.contains(&f) {
                phrases.push(f);
            }
        }
        b.issues.push(IssuePhrase { phrases, code, origin: origin(file, line) });
    }
}

/// The forms of one word of an issue phrase.
fn expand_word(w: &str) -> Vec<String> {
    if w.contains('+') && w.len() > 1 {
        let parts: Vec<Vec<String>> = w.split('+').filter(|p| !p.is_empty()).map(expand_word).collect();
        let mut out: Vec<String> = vec![String::new()];
        for (i, alts) in parts.iter().enumerate() {
            let mut next = Vec::new();
            for f in &out {
                for a in alts {
                    if i == 0 {
                        next.push(a.clone());
                    } else {
                        next.push(format!("{f} {a}"));
                        next.push(format!("{f}-{a}"));
                    }
                }
            }
            out = next;
        }
        return out;
    }
    if let Some(n) = w.strip_prefix("n:") {
        let plural = match n.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{n}s"),
        };
        return vec![n.to_string(), plural];
    }
    if let Some(v) = w.strip_prefix("v:") {
        let past = if v.ends_with('e') { format!("{v}d") } else { format!("{v}ed") };
        let gerund = match v.strip_suffix('e') {
            Some(stem) if !stem.is_empty() => format!("{stem}ing"),
            _ => format!("{v}ing"),
        };
        return vec![v.to_string(), format!("{v}s"), past, gerund];
    }
    vec![w.to_string()]
}
