//! Reading gold files.

use std::path::Path;

use serde::Deserialize;

/// A gold event.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldEvent {
    /// Source actor code.
    #[serde(default)]
    pub source: String,
    /// Target actor code (`""` for none).
    #[serde(default)]
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// Other acceptable codes.
    #[serde(default)]
    pub accept: Vec<String>,
    /// Whether missing it is a miss.
    #[serde(default = "yes")]
    pub required: bool,
    /// Expected date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), if any.
    #[serde(default)]
    pub date: Option<String>,
    /// The phrase the event rests on.
    #[serde(default)]
    pub evidence: Option<String>,
}

fn yes() -> bool {
    true
}

/// A document label (PLOVER type, optional mode).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldLabel {
    /// The PLOVER type.
    pub plover: String,
    /// The mode.
    #[serde(default)]
    pub mode: Option<String>,
}

/// A gold document.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldDoc {
    /// Its id.
    pub id: String,
    /// Publication date.
    #[serde(default)]
    pub date: Option<String>,
    /// The text.
    pub text: String,
    /// Gold events (event gold), if any.
    #[serde(default)]
    pub events: Option<Vec<GoldEvent>>,
    /// Labels (document-label gold), if any.
    #[serde(default)]
    pub labels: Option<Vec<GoldLabel>>,
    /// A dictionary folder, relative to the gold file, that replaces the built-in ones.
    #[serde(default)]
    pub dictionaries: Option<String>,
    /// Category of the record (PETRARCH unit tests), for per-category reports.
    #[serde(default)]
    pub category: Option<String>,
    /// PETRARCH's configuration for the record (its unit tests set some per record);
    /// see [`GoldDoc::require_dyad`].
    #[serde(default)]
    pub config: Option<serde_json::Map<String, serde_json::Value>>,
}

impl GoldDoc {
    /// The record's PETRARCH `require_dyad` setting, when it gives one: whether an event
    /// needs a target (`"False"`, `"false"`, `false` and the like turn it off).
    ///
    /// ```
    /// let d: attache_eval::GoldDoc = serde_json::from_str(
    ///     r#"{"id": "x", "text": "", "config": {"require_dyad": "False"}}"#).unwrap();
    /// assert_eq!(d.require_dyad(), Some(false));
    /// ```
    pub fn require_dyad(&self) -> Option<bool> {
        match self.config.as_ref()?.get("require_dyad")? {
            serde_json::Value::Bool(b) => Some(*b),
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }
}

/// Reads a gold file; a line that is not a gold document is an error naming the line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: GoldDoc = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: not a gold document: {e}", path.display(), i + 1))?;
        out.push(d);
    }
    Ok(out)
}
