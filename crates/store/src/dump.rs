//! A canonical text dump of a store: every table, every column but time stamps, in a
//! fixed order. Two stores with the same dump hold the same data, which is what the
//! kill-and-resume tests compare.

use rusqlite::types::ValueRef;

use crate::{Store, StoreError};

/// The tables, the columns compared (time stamps left out) and their order.
const TABLES: &[(&str, &str, &str)] = &[
    ("documents", "id, hash, duplicate_of, date, url, outlet, title, sentences, events", "id"),
    ("provenance", "doc_id, source, locator, kind, bytes, cut_bytes, coder", "doc_id"),
    ("reports", "*", "id"),
    (
        "events",
        "id, source, source_country, target, target_country, cameo, root, quad, goldstein, date, granularity, day, \
         first_report, num_mentions, num_sources, num_articles",
        "id",
    ),
    ("mentions", "*", "id"),
    ("actors", "*", "rowid"),
    ("skips", "*", "source, line, reason"),
];

impl Store {
    /// The dump: one line per row, `table<TAB>value<TAB>value...`.
    pub fn dump(&self) -> Result<String, StoreError> {
        let mut out = String::new();
        for (table, cols, order) in TABLES {
            let mut stmt =
                self.conn.prepare(&format!("SELECT {cols} FROM {table} ORDER BY {order}")).map_err(|e| self.err(e))?;
            let n = stmt.column_count();
            let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                out.push_str(table);
                for i in 0..n {
                    out.push('\t');
                    match r.get_ref(i).map_err(|e| self.err(e))? {
                        ValueRef::Null => out.push_str("NULL"),
                        ValueRef::Integer(v) => out.push_str(&v.to_string()),
                        ValueRef::Real(v) => out.push_str(&v.to_string()),
                        ValueRef::Text(t) => out.push_str(&String::from_utf8_lossy(t).escape_debug().to_string()),
                        ValueRef::Blob(b) => out.push_str(&format!("{b:?}")),
                    }
                }
                out.push('\n');
            }
        }
        Ok(out)
    }
}
