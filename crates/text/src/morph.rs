//! English inflection: the forms of a verb and the plural of a noun.
//!
//! Dictionaries list lemmas (`expel`, `embassy`); the matchers need every form the text
//! may use (`expels`, `expelled`, `expelling`; `embassies`). Regular forms come from the
//! spelling rules; irregular ones from `data/irregular-verbs.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

const IRREGULAR: &str = include_str!("../data/irregular-verbs.txt");

/// The inflected forms of a verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForms {
    /// The lemma (`take`).
    pub base: String,
    /// Third person singular present (`takes`).
    pub third: String,
    /// Past tense forms (`took`).
    pub past: Vec<String>,
    /// Past participles (`taken`).
    pub participle: Vec<String>,
    /// Present participle (`taking`).
    pub gerund: String,
}

impl VerbForms {
    /// Every distinct form, the lemma first.
    pub fn all(&self) -> Vec<&str> {
        let mut v: Vec<&str> = vec![&self.base, &self.third, &self.gerund];
        v.extend(self.past.iter().map(String::as_str));
        v.extend(self.participle.iter().map(String::as_str));
        let mut seen = Vec::with_capacity(v.len());
        for f in v {
            if !seen.contains(&f) {
                seen.push(f);
            }
        }
        seen
    }
}

/// Irregular verbs: lemma → (past forms, participles).
pub(crate) type Irregular = HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>;

pub(crate) fn irregular() -> &'static Irregular {
    static MAP: OnceLock<Irregular> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for line in IRREGULAR.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() == 3 {
                m.insert(f[0], (f[1].split('|').collect(), f[2].split('|').collect()));
            }
        }
        m
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a one-syllable verb ending consonant-vowel-consonant doubles its last letter
/// (`stop` → `stopped`, `ban` → `banned`; not `visit`, `fix`, `show`).
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || !w.is_ascii() {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    if is_vowel(c1) || !is_vowel(v) || is_vowel(c2) || matches!(c2, b'w' | b'x' | b'y') {
        return false;
    }
    // one vowel group only: a single syllable
    let groups = b.iter().enumerate().filter(|(i, c)| is_vowel(**c) && (*i == 0 || !is_vowel(b[i - 1]))).count();
    groups == 1
}

fn ends_sibilant(w: &str) -> bool {
    w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("ch") || w.ends_with("sh")
}

fn consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// The inflected forms of the verb `lemma` (lower case).
///
/// ```
/// let f = attache_text::verb_forms("expel");
/// assert_eq!(f.past, ["expelled"]);
/// assert_eq!(f.gerund, "expelling");
/// assert_eq!(attache_text::verb_forms("deny").third, "denies");
/// assert_eq!(attache_text::verb_forms("take").participle, ["taken"]);
/// ```
pub fn verb_forms(lemma: &str) -> VerbForms {
    let w = lemma;
    let third = if w == "have" {
        "has".to_string()
    } else if w == "be" {
        "is".to_string()
    } else if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ends_sibilant(w) || w.ends_with('o') {
        format!("{w}es")
    } else {
        format!("{w}s")
    };
    let dbl = doubles(w);
    let regular_past = if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if dbl {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    };
    let gerund = if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") && w.len() > 2 {
        format!("{}ing", &w[..w.len() - 1])
    } else if dbl {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    };
    let (past, participle) = match irregular().get(w) {
        Some((p, pp)) => (p.iter().map(|s| s.to_string()).collect(), pp.iter().map(|s| s.to_string()).collect()),
        None => (vec![regular_past.clone()], vec![regular_past]),
    };
    // Verbs listed for their doubled consonant double it in the gerund too.
    let gerund = match irregular().get(w) {
        Some((p, _))
            if p.iter().any(|f| {
                f.len() == w.len() + 3 && f.ends_with("ed") && f.as_bytes()[w.len()] == f.as_bytes()[w.len() - 1]
            }) =>
        {
            format!("{w}{}ing", &w[w.len() - 1..])
        }
        _ => gerund,
    };
    VerbForms { base: w.to_string(), third, past, participle, gerund }
}

/// Irregular noun plurals that English news needs and spelling rules miss.
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("person", "people"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("mouse", "mice"),
    ("crisis", "crises"),
    ("thesis", "theses"),
    ("analysis", "analyses"),
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
    ("chief", "chiefs"),
    ("roof", "roofs"),
    ("proof", "proofs"),
    ("belief", "beliefs"),
    ("life", "lives"),
    ("wife", "wives"),
    ("knife", "knives"),
    ("leaf", "leaves"),
    ("half", "halves"),
    ("thief", "thieves"),
    ("shelf", "shelves"),
    ("staff", "staff"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("militia", "militias"),
    ("media", "media"),
    ("aircraft", "aircraft"),
    ("series", "series"),
    ("species", "species"),
    ("headquarters", "headquarters"),
];

/// The plural of the noun `lemma` (lower case); for a multi-word noun, of its last word.
///
/// ```
/// assert_eq!(attache_text::noun_plural("embassy"), "embassies");
/// assert_eq!(attache_text::noun_plural("spokesman"), "spokesmen");
/// assert_eq!(attache_text::noun_plural("foreign minister"), "foreign ministers");
/// assert_eq!(attache_text::noun_plural("crisis"), "crises");
/// ```
pub fn noun_plural(lemma: &str) -> String {
    if let Some((head, last)) = lemma.rsplit_once(' ') {
        return format!("{head} {}", noun_plural(last));
    }
    if let Some((head, last)) = lemma.rsplit_once('-')
        && !head.is_empty()
        && !last.is_empty()
        && !["in", "of", "at"].iter().any(|p| head.ends_with(&format!("-{p}")))
    {
        return format!("{head}-{}", noun_plural(last));
    }
    let w = lemma;
    if let Some((_, p)) = IRREGULAR_PLURALS.iter().find(|(s, _)| *s == w) {
        return p.to_string();
    }
    for (sing, plur) in [("man", "men"), ("woman", "women")] {
        if w.ends_with(sing) && w.len() > sing.len() {
            return format!("{}{plur}", &w[..w.len() - sing.len()]);
        }
    }
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ends_sibilant(w) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        let f = verb_forms("attack");
        assert_eq!((f.third.as_str(), f.past[0].as_str(), f.gerund.as_str()), ("attacks", "attacked", "attacking"));
        let f = verb_forms("stop");
        assert_eq!((f.past[0].as_str(), f.gerund.as_str()), ("stopped", "stopping"));
        let f = verb_forms("visit");
        assert_eq!((f.past[0].as_str(), f.gerund.as_str()), ("visited", "visiting"));
        let f = verb_forms("accuse");
        assert_eq!((f.past[0].as_str(), f.gerund.as_str()), ("accused", "accusing"));
        let f = verb_forms("reach");
        assert_eq!(f.third, "reaches");
        let f = verb_forms("die");
        assert_eq!(f.gerund, "dying");
        assert_eq!(verb_forms("agree").gerund, "agreeing");
        assert_eq!(verb_forms("show").past, ["showed"]);
        assert_eq!(verb_forms("fix").past, ["fixed"]);
    }

    #[test]
    fn irregular_verbs() {
        let f = verb_forms("send");
        assert_eq!((f.past[0].as_str(), f.participle[0].as_str()), ("sent", "sent"));
        assert_eq!(verb_forms("expel").gerund, "expelling");
        assert_eq!(verb_forms("commit").gerund, "committing");
        assert!(verb_forms("be").all().contains(&"was"));
    }
}
