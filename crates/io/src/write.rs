//! Writing events: a table for people, JSONL and CSV for programs.

use std::io::{self, Write};

use attache_coder::Event;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// A table that fits a terminal: source, code and name, target, date, evidence.
    Table,
    /// One JSON object per event (the contract of `../shared/eval/FORMAT.md`).
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(OutputFormat::Table),
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            _ => Err(format!("unknown format `{s}` (table, jsonl, csv)")),
        }
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "date",
    "date_source",
    "source_code",
    "source_text",
    "cameo",
    "cameo_name",
    "target_code",
    "target_text",
    "plover_type",
    "plover_mode",
    "goldstein",
    "quad_class",
    "negated",
    "hypothetical",
    "future",
    "hedged",
    "secret",
    "attribution",
    "location",
    "reciprocates",
    "confidence",
    "trigger",
    "evidence",
];

/// Writes events in one format to a byte sink.
pub struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    width: usize,
    header_written: bool,
}

impl<W: Write> Writer<W> {
    /// A writer; `width` is the terminal width the table fits (ignored by other formats).
    pub fn new(out: W, format: OutputFormat, width: usize) -> Writer<W> {
        Writer { out, format, width: width.max(60), header_written: false }
    }

    /// Writes one document's events.
    pub fn write_events(&mut self, events: &[Event]) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                for e in events {
                    serde_json::to_writer(&mut self.out, e)?;
                    self.out.write_all(b"\n")?;
                }
            }
            OutputFormat::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                if !self.header_written {
                    w.write_record(CSV_COLUMNS)?;
                    self.header_written = true;
                }
                for e in events {
                    w.write_record(csv_row(e))?;
                }
                let buf = w.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
                self.out.write_all(&buf)?;
            }
            OutputFormat::Table => {
                if !self.header_written {
                    let h = self.table_row("SOURCE", "EVENT", "TARGET", "DATE", "EVIDENCE");
                    writeln!(self.out, "{h}")?;
                    self.header_written = true;
                }
                for e in events {
                    let mut code = format!("{} {}", e.cameo, e.cameo_name);
                    if e.modality.negated {
                        code = format!("NOT {code}");
                    } else if e.modality.hypothetical {
                        code = format!("MAYBE {code}");
                    }
                    let target = if e.target.text.is_empty() {
                        "-".to_string()
                    } else {
                        format!("{} {}", e.target.code_str(), e.target.text)
                    };
                    let source = format!("{} {}", e.source.code_str(), e.source.text);
                    let row = self.table_row(&source, &code, &target, &e.date.value, &e.evidence);
                    writeln!(self.out, "{row}")?;
                }
            }
        }
        Ok(())
    }

    fn table_row(&self, source: &str, code: &str, target: &str, date: &str, evidence: &str) -> String {
        // fixed columns, evidence takes the rest of the line
        let (ws, wc, wt, wd) = (22, 30, 22, 10);
        let rest = self.width.saturating_sub(ws + wc + wt + wd + 4).max(10);
        format!(
            "{} {} {} {} {}",
            fit(source, ws),
            fit(code, wc),
            fit(target, wt),
            fit(date, wd),
            clip(&evidence.replace(['\n', '\t'], " "), rest)
        )
    }

    /// Flushes the sink.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn fit(s: &str, n: usize) -> String {
    let c = clip(s, n);
    let len = c.chars().count();
    format!("{c}{}", " ".repeat(n - len.min(n)))
}

fn csv_row(e: &Event) -> Vec<String> {
    vec![
        e.doc_id.clone(),
        e.id.clone(),
        e.date.value.clone(),
        serde_json::to_value(e.date.source).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        e.source.code_str(),
        e.source.text.clone(),
        e.cameo.to_string(),
        e.cameo_name.to_string(),
        e.target.code_str(),
        e.target.text.clone(),
        e.plover.kind.map(|k| k.to_string()).unwrap_or_default(),
        e.plover.mode.clone().unwrap_or_default(),
        format!("{}", e.goldstein),
        e.quad_class.number().to_string(),
        e.modality.negated.to_string(),
        e.modality.hypothetical.to_string(),
        e.modality.future.to_string(),
        e.modality.hedged.to_string(),
        e.modality.secret.to_string(),
        e.attribution.iter().map(|a| a.code_str()).collect::<Vec<_>>().join(";"),
        e.location.as_ref().map(|l| format!("{} ({})", l.name, l.country)).unwrap_or_default(),
        e.reciprocates.clone().unwrap_or_default(),
        format!("{:.2}", e.confidence),
        e.trigger.clone(),
        e.evidence.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_coder::{Coder, Document};

    fn events() -> Vec<Event> {
        let coder = Coder::builtin();
        coder
            .code(&Document::new("t", "France expelled two Russian diplomats on Friday.").with_date("2021-02-26"))
            .events
    }

    #[test]
    fn jsonl_has_contract_fields() {
        let mut w = Writer::new(Vec::new(), OutputFormat::Jsonl, 80);
        w.write_events(&events()).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(v["doc_id"], "t");
        assert_eq!(v["source"]["code"], "FRA");
        assert_eq!(v["target"]["code"], "RUSGOV");
        assert_eq!(v["cameo"], "161");
        assert_eq!(v["plover"]["type"], "SANCTION");
        assert_eq!(v["date"]["value"], "2021-02-26");
        assert_eq!(v["modality"]["negated"], false);
        assert_eq!(v["modality"]["hypothetical"], false);
        assert!(v["reciprocates"].is_null());
    }

    #[test]
    fn csv_has_header_and_rows() {
        let mut w = Writer::new(Vec::new(), OutputFormat::Csv, 80);
        w.write_events(&events()).unwrap();
        w.write_events(&events()).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        let mut r = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(r.headers().unwrap().len(), CSV_COLUMNS.len());
        assert_eq!(r.records().count(), 2);
    }

    #[test]
    fn table_fits_width() {
        let mut w = Writer::new(Vec::new(), OutputFormat::Table, 100);
        w.write_events(&events()).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
        assert!(out.contains("161 Reduce"));
    }
}
