//! `attache ingest`: documents in, a store out, with a progress bar, resumable.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use attache_io::{FileIds, Input, InputFormat, Origin, ReadOptions, Skip};
use attache_store::OpenOptions;
use attache_store::pipeline::{IngestOptions, Observer, Totals, ingest};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::DictOptions;

#[derive(Args)]
pub struct IngestArgs {
    /// Files and folders to ingest (text, HTML, JSONL, RSS/Atom, WARC, WARC.gz); standard
    /// input when none is given.
    pub sources: Vec<PathBuf>,
    /// The database to ingest into (made if missing).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Publication date of plain-text and HTML files without one (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// How to read the inputs: auto (by extension, then content), text, jsonl, html, feed, warc.
    #[arg(long, default_value = "auto", value_parser = parse_input)]
    pub input: InputFormat,
    /// Threads to code with (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// The most bytes of one document that are coded; the rest is cut, counted and reported.
    #[arg(long, default_value = "16M", value_parser = parse_size, value_name = "BYTES")]
    pub max_doc_bytes: u64,
    /// Documents per batch (one transaction each).
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Reports of the same event dated up to this many days apart are one event (set when
    /// the database is made; default 2).
    #[arg(long, value_name = "DAYS")]
    pub window_days: Option<u32>,
    /// How long to wait for another process that holds the database, in milliseconds.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    pub busy_timeout: u64,
    /// No progress bar (it is shown only on a terminal anyway).
    #[arg(long)]
    pub quiet: bool,
    /// Make the database fail as a full disk would past this many pages (for tests).
    #[arg(long, hide = true)]
    pub max_db_pages: Option<u64>,
    #[command(flatten)]
    pub dicts: DictOptions,
}

fn parse_input(s: &str) -> Result<InputFormat, String> {
    Ok(match s {
        "auto" => InputFormat::Auto,
        "text" | "txt" => InputFormat::Text,
        "jsonl" => InputFormat::Jsonl,
        "html" => InputFormat::Html,
        "feed" | "rss" | "atom" => InputFormat::Feed,
        "warc" => InputFormat::Warc,
        _ => return Err(format!("unknown input format `{s}` (auto, text, jsonl, html, feed, warc)")),
    })
}

/// `16M`, `512K`, `1G`, or bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().trim_end_matches(['B', 'b']).trim_end_matches('i');
    let (num, mult) = match t.chars().last() {
        Some('K' | 'k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&t[..t.len() - 1], 1 << 20),
        Some('G' | 'g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    match num.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n.saturating_mul(mult)),
        _ => Err(format!("`{s}` is not a size: write bytes, or a number with K, M or G (16M)")),
    }
}

/// The bytes the inputs hold, for the progress bar's ETA.
fn total_bytes(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for i in inputs {
        match i {
            Input::Stdin => return None,
            Input::File(p) if p.is_dir() => {
                total +=
                    attache_io::walk::files(p).0.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum::<u64>()
            }
            Input::File(p) => total += p.metadata().map(|m| m.len()).unwrap_or(0),
        }
    }
    Some(total)
}

/// Shows progress, logs skips and cuts.
struct Report {
    bar: ProgressBar,
    read: Arc<AtomicU64>,
    start: Instant,
}

impl Report {
    fn log(&self, line: String) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }
}

impl Observer for Report {
    fn skipped(&mut self, s: &Skip) {
        self.log(format!("attache: {s}"));
    }

    fn cut(&mut self, o: &Origin, id: &str) {
        self.log(format!(
            "attache: {o}: document `{id}` cut at the --max-doc-bytes limit: {} bytes were not coded",
            o.cut
        ));
    }

    fn progress(&mut self, t: &Totals) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let docs = t.written.documents + t.already_done + t.written.present;
        self.bar.set_position(self.read.load(Ordering::Relaxed));
        self.bar.set_message(format!(
            "{docs} docs ({:.0}/s), {} events, {} errors",
            docs as f64 / secs,
            t.written.reports,
            t.skipped
        ));
    }
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    crate::code::set_threads(args.threads);
    let date = match &args.date {
        Some(d) => match attache_io::read::parse_date(d) {
            Some(d) => Some(d),
            None => bail!("--date `{d}` is not a date: write YYYY-MM-DD"),
        },
        None => None,
    };
    if args.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let coder = args.dicts.coder()?;
    let inputs: Vec<Input> = if args.sources.is_empty() {
        vec![Input::Stdin]
    } else {
        args.sources.iter().cloned().map(Input::File).collect()
    };
    for i in &inputs {
        if let Input::File(p) = i
            && !p.exists()
        {
            bail!("{} does not exist", p.display());
        }
    }
    let read = Arc::new(AtomicU64::new(0));
    let opts = IngestOptions {
        read: ReadOptions {
            format: args.input,
            date,
            max_doc_bytes: args.max_doc_bytes,
            file_ids: FileIds::ContentHash,
            progress: Some(read.clone()),
            cancel: None,
        },
        open: OpenOptions {
            busy_timeout_ms: args.busy_timeout,
            window_days: args.window_days,
            max_pages: args.max_db_pages,
        },
        batch_docs: args.batch,
        ..IngestOptions::default()
    };
    let total = total_bytes(&inputs);
    let target = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(total, target);
    let template = if total.is_some() {
        "{spinner} {elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}"
    } else {
        "{spinner} {elapsed_precise} {binary_bytes} {binary_bytes_per_sec} {msg}"
    };
    bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar.enable_steady_tick(Duration::from_millis(250));
    let start = Instant::now();
    let mut report = Report { bar, read: read.clone(), start };
    let result = ingest(&args.db, &inputs, &coder, &opts, &mut report);
    report.bar.finish_and_clear();
    let t = result?;
    let secs = start.elapsed().as_secs_f64().max(1e-3);
    let mb = read.load(Ordering::Relaxed) as f64 / 1e6;
    let w = &t.written;
    eprintln!(
        "attache: {} new documents ({} already in {}, {} duplicates of others), {} events reported, {} new events \
         ({} merged into events told elsewhere); {} records skipped, {} documents cut at --max-doc-bytes",
        w.documents,
        t.already_done + w.present,
        args.db.display(),
        w.duplicates,
        w.reports,
        w.events,
        w.merged,
        t.skipped,
        t.cut_documents
    );
    eprintln!(
        "attache: {:.1} MB read in {:.1} s: {:.0} documents/s, {:.2} MB/s, {:.0} events/s",
        mb,
        secs,
        t.records as f64 / secs,
        mb / secs,
        w.reports as f64 / secs
    );
    if t.skipped > 0 {
        return Ok(ExitCode::from(1));
    }
    if t.records == 0 {
        eprintln!("attache: no document read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes() {
        assert_eq!(super::parse_size("16M"), Ok(16 << 20));
        assert_eq!(super::parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(super::parse_size("1000"), Ok(1000));
        assert!(super::parse_size("lots").is_err());
    }
}
