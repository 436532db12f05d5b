//! The discard list (`*.discards.txt`): one phrase a line; `+PHRASE` discards the whole
//! story, a bare phrase only its sentence.
//!
//! Phrases become attache's sentence and story discards, matched as whole tokens after
//! normalization (PETRARCH2 compares raw whitespace-split tokens, so "played baseball."
//! escapes BASEBALL there; here it does not). `_` is a space and a trailing `_` is
//! dropped.

use std::sync::Arc;

use super::{common_lines, error, origin, phrase};
use crate::parse::Builder;

/// Reads a discard file.
pub(super) fn load(b: &mut Builder, file: &Arc<str>, text: &str) {
    for (line, content) in common_lines(text) {
        let t = content.trim();
        let (story, raw) = match t.strip_prefix('+') {
            Some(r) => (true, r),
            None => (false, t),
        };
        if raw.contains(['[', ']', '{', '}']) {
            error(b, file, line, format!("`{t}` is not a discard phrase (words only; `+` for a whole story)"));
            continue;
        }
        let p = phrase(raw);
        if p.is_empty() {
            error(b, file, line, "an empty discard phrase");
            continue;
        }
        b.discards.push((p, story, origin(file, line)));
    }
}
