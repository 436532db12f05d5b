//! `attache dict check`: what a loaded dictionary set holds that is doubtful though
//! readable: duplicates, conflicts, overlapping roles, patterns that can never fire.

use std::collections::BTreeMap;

use crate::parse::{Diagnostic, Origin, Severity};
use crate::{ActorKind, Dictionaries, PatternKind};

fn warn(out: &mut Vec<Diagnostic>, origin: &Origin, message: String) {
    out.push(Diagnostic { severity: Severity::Warning, origin: origin.clone(), message });
}

impl Dictionaries {
    /// Checks the loaded entries against each other and returns warnings (the entries
    /// are used as they are; each warning says what to look at):
    ///
    /// * an actor phrase defined twice with the same kind and code (a duplicate), or as a
    ///   name of two different countries (a conflict: the coder takes both);
    /// * a person whose roles overlap with different countries;
    /// * two patterns with the same words and different codes (the later one never fires),
    ///   or the same pattern twice;
    /// * a governing or light verb phrase defined twice.
    ///
    /// ```
    /// use attache_dict::Dictionaries;
    /// let (d, _) = Dictionaries::from_texts(&[("x.txt", "FRA name: Gaul\nITA name: Gaul\n161 verb: expel TARGET\n174 verb: expel TARGET\n")]);
    /// let w = d.check();
    /// assert_eq!(w.len(), 2, "{w:?}");
    /// assert!(w[0].to_string().contains("x.txt:2"));
    /// ```
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // actors: (normalized phrase, kind) -> entries
        let mut by_phrase: BTreeMap<(String, &'static str), Vec<usize>> = BTreeMap::new();
        for (i, a) in self.actors.iter().enumerate() {
            // the phrase as written: "UNIFIL" and "Unifil" are two entries on purpose
            let key = (a.phrase.trim().to_string(), a.kind.keyword());
            by_phrase.entry(key).or_default().push(i);
        }
        for ((phrase, kind), ids) in &by_phrase {
            for (k, &j) in ids.iter().enumerate().skip(1) {
                let e = &self.actors[j];
                let same: Vec<&usize> = ids[..k]
                    .iter()
                    .filter(|&&x| {
                        self.actors[x].code == e.code && self.actors[x].from == e.from && self.actors[x].to == e.to
                    })
                    .collect();
                if let Some(&&first) = same.first() {
                    warn(
                        &mut out,
                        &e.origin,
                        format!(
                            "`{phrase}` ({kind}) is defined twice with {}: see {}",
                            e.code, self.actors[first].origin
                        ),
                    );
                } else if matches!(e.kind, ActorKind::Name | ActorKind::Adjective | ActorKind::Capital)
                    && let Some(&other) = ids[..k].iter().find(|&&x| {
                        let o = &self.actors[x];
                        o.code.primary() != e.code.primary() && !o.is_dated() && !e.is_dated()
                    })
                {
                    warn(
                        &mut out,
                        &e.origin,
                        format!(
                            "`{phrase}` ({kind}) names both {} ({}) and {}: the coder will code both; date the entries or keep one",
                            self.actors[other].code, self.actors[other].origin, e.code
                        ),
                    );
                }
            }
        }
        // people: overlapping roles with different countries
        for p in &self.people {
            for (i, a) in p.roles.iter().enumerate() {
                for b in &p.roles[i + 1..] {
                    let overlap = a.from.is_none_or(|af| b.to.is_none_or(|bt| af <= bt))
                        && b.from.is_none_or(|bf| a.to.is_none_or(|at| bf <= at));
                    let countries = [a, b].iter().all(|r| {
                        matches!(
                            attache_ontology::country_kind(r.code.primary().as_str()),
                            Some(attache_ontology::CountryKind::Country)
                        )
                    });
                    if overlap && countries && a.code.primary() != b.code.primary() {
                        warn(
                            &mut out,
                            &b.origin,
                            format!(
                                "{}: the roles {} and {} ({}) overlap in time in two countries",
                                p.names[0], b.code, a.code, a.origin
                            ),
                        );
                    }
                }
            }
        }
        // patterns: same words, different codes
        let mut seen: BTreeMap<(PatternKind, String), usize> = BTreeMap::new();
        for (i, p) in self.patterns.iter().enumerate() {
            let f = &p.frame;
            let key = (f.kind, format!("{:?} {:?} {} {:?}", f.source_sectors, f.before, f.head, f.elements));
            match seen.get(&key) {
                Some(&j) if self.patterns[j].code == p.code => warn(
                    &mut out,
                    &p.frame.origin,
                    format!("the pattern `{}` ({}) is also at {}", p.frame.text, p.code, self.patterns[j].frame.origin),
                ),
                Some(&j) => warn(
                    &mut out,
                    &p.frame.origin,
                    format!(
                        "the pattern `{}` codes {} here and {} at {}: only one can fire",
                        p.frame.text, p.code, self.patterns[j].code, self.patterns[j].frame.origin
                    ),
                ),
                None => {
                    seen.insert(key, i);
                }
            }
        }
        // special phrases defined twice
        let mut specials: BTreeMap<String, usize> = BTreeMap::new();
        for (i, (s, f)) in self.specials.iter().enumerate() {
            let key = format!("{} {} {:?}", s.keyword(), f.head, f.elements);
            if let Some(&j) = specials.get(&key) {
                warn(
                    &mut out,
                    &f.origin,
                    format!("`{} {}` is also at {}", s.keyword(), f.text, self.specials[j].1.origin),
                );
            } else {
                specials.insert(key, i);
            }
        }
        out.sort_by(|a, b| (a.origin.file.as_ref(), a.origin.line).cmp(&(b.origin.file.as_ref(), b.origin.line)));
        out
    }
}
