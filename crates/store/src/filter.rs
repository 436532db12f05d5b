//! Which events a query, a dyad count or an export covers.

use chrono::NaiveDate;
use rusqlite::types::Value;

/// A filter on events: all given conditions hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Events dated on or after this day. An event dated to the month or year is in when
    /// its month or year is.
    pub from: Option<NaiveDate>,
    /// Events dated on or before this day (same rule).
    pub to: Option<NaiveDate>,
    /// Events whose source or target code starts with this (`FRA` takes `FRAGOV`).
    pub actor: Option<String>,
    /// Events whose CAMEO code starts with this (`16` takes `161`, `1661`).
    pub code: Option<String>,
    /// Events with a sentence containing this (case-insensitive for ASCII letters).
    pub text: Option<String>,
}

impl Filter {
    /// The SQL condition on the table aliased `t` (`events` or `reports`), and its
    /// parameters. `mentions` says how to find an event's sentences for `text`: through
    /// the mentions table (`events`) or the report's own evidence (`reports`).
    pub(crate) fn sql(&self, t: &str, mentions: bool) -> (String, Vec<Value>) {
        let mut conds = vec!["1".to_string()];
        let mut params: Vec<Value> = Vec::new();
        let mut p = |v: String| {
            params.push(Value::Text(v));
            format!("?{}", params.len())
        };
        if let Some(d) = self.from {
            let x = p(d.to_string());
            conds.push(format!("({t}.date <> '' AND {t}.date >= substr({x}, 1, length({t}.date)))"));
        }
        if let Some(d) = self.to {
            let x = p(d.to_string());
            conds.push(format!("({t}.date <> '' AND {t}.date <= substr({x}, 1, length({t}.date)))"));
        }
        if let Some(a) = self.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            let x = p(format!("{}%", like_escape(&a.to_ascii_uppercase())));
            conds.push(format!("({t}.source LIKE {x} ESCAPE '\\' OR {t}.target LIKE {x} ESCAPE '\\')"));
        }
        if let Some(c) = self.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            let x = p(format!("{}%", like_escape(c)));
            conds.push(format!("{t}.cameo LIKE {x} ESCAPE '\\'"));
        }
        if let Some(s) = self.text.as_deref().filter(|s| !s.is_empty()) {
            let x = p(format!("%{}%", like_escape(s)));
            if mentions {
                conds.push(format!(
                    "EXISTS (SELECT 1 FROM mentions m WHERE m.event = {t}.id AND m.evidence LIKE {x} ESCAPE '\\')"
                ));
            } else {
                conds.push(format!("{t}.evidence LIKE {x} ESCAPE '\\'"));
            }
        }
        (conds.join(" AND "), params)
    }
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
