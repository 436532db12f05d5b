//! `attache`: code news into political events.
//!
//! A thin command line over the library crates: argument parsing, file handling and
//! parallelism live here; everything else is in `attache-coder`, `attache-io`,
//! `attache-eval` and `attache-dict`.

mod bench;
mod code;
mod dict;
mod dyads;
mod eval;
mod export;
mod ingest;
mod parse;
mod query;
mod store_args;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use attache_coder::Coder;
use attache_dict::{Dictionaries, Severity};
use clap::{Args, Parser, Subcommand};

/// mimalloc rather than the system allocator: coding makes many small, short-lived
/// allocations (tokens, chunks, arguments per sentence), and loading the dictionaries
/// tens of thousands; it cuts start-up and coding time measurably (see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXAMPLES: &str = "Examples:
  attache code examples/story.txt --date 2023-03-14
  attache code news.jsonl --format jsonl > events.jsonl
  echo 'France expelled two Russian diplomats.' | attache code
  attache eval ../shared/eval/seed/gold.jsonl
  attache dict lookup 'French President'
  attache bench ../shared/eval/ngec-synthetic/dev.jsonl --threads 1
  attache ingest articles/ news.warc.gz --db news.db
  attache export --db news.db --format gdelt > events.tsv
  attache dyads --db news.db --pair FRA,RUS --interval month";

/// attache files the report an embassy attaché would: who did what to whom, when, where,
/// and who says so, as events coded in CAMEO and PLOVER.
#[derive(Parser)]
#[command(name = "attache", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents (plain text, JSONL, or standard input) into events.
    #[command(after_help = "Input: plain text files (one document each; --date gives their publication date), \
JSONL files (one {\"id\", \"text\", \"date\", \"url\", \"outlet\", \"title\"} object per line), or standard input \
when no file is given. Records that cannot be read are reported on standard error with file and line and \
skipped; the exit status is then 1.

Output: --format table (for people), jsonl (one event per line, the contract of FORMAT.md), csv.

Examples:
  attache code examples/story.txt --date 2023-03-14
  attache code news.jsonl --format jsonl > events.jsonl
  cat article.txt | attache code --date 2021-02-26")]
    Code(code::CodeArgs),
    /// Score the coder on a gold file (FORMAT.md): precision, recall, F1, dates, misses.
    Eval(eval::EvalArgs),
    /// Check or query dictionaries.
    #[command(subcommand)]
    Dict(dict::DictCommand),
    /// Show how a text is segmented, tagged and chunked, and which actors it names.
    Parse(parse::ParseArgs),
    /// Measure throughput (MB/s, sentences/s, documents/s) on a JSONL or text file.
    Bench(bench::BenchArgs),
    /// Code documents into an event store (SQLite): idempotent, resumable, de-duplicated.
    #[command(after_help = "Input: files and folders of plain text (.txt), HTML (.html), JSONL, RSS/Atom feeds \
(.rss, .atom, .xml) and WARC archives (.warc, .warc.gz, as Common Crawl News ships them), chosen by extension, \
else by content. Documents are keyed by their id, else by a hash of their text: ingesting the same input again \
adds nothing, and a run stopped at any point (Ctrl-C, kill, a full disk) resumes where it stopped when run again. \
Reports of the same event by several documents (same actors and code, dates within --window-days) become one \
event with its mentions, sources and articles counted. Records that cannot be read are logged with their reason \
and kept in the database; the exit status is then 1.

Examples:
  attache ingest articles/ --db news.db
  attache ingest CC-NEWS-20210205.warc.gz feeds/*.rss --db news.db
  attache ingest news.jsonl --db news.db --threads 2")]
    Ingest(ingest::IngestArgs),
    /// Export a store as GDELT, ICEWS, PLOVER, CSV, JSONL or Parquet.
    #[command(after_help = "Formats: gdelt (GDELT 2.0 events, 61 tab-separated columns), icews (20 columns with a \
header), plover (PLOVER/POLECAT JSON lines): one de-duplicated event per row; csv, jsonl (what `attache code` \
writes) and parquet: one reported event per row. Parquet needs a build with `--features parquet`.

Examples:
  attache export --db news.db --format gdelt > events.tsv
  attache export --db news.db --format icews --from 2021-01-01 --to 2021-03-31 --actor RUS -o icews.tsv
  attache export --db news.db --format parquet -o events.parquet")]
    Export(export::ExportArgs),
    /// Count events by dyad and period: counts, Goldstein sum and mean, QuadClass counts.
    #[command(after_help = "Examples:
  attache dyads --db news.db --pair FRA,RUS --interval week
  attache dyads --db news.db --pair FRA,RUS --both --format chart
  attache dyads --db news.db --interval month --format csv > dyads.csv")]
    Dyads(dyads::DyadsArgs),
    /// Find events by actor, code, date and text, newest first.
    #[command(after_help = "Examples:
  attache query --db news.db --actor RUS --code 16
  attache query --db news.db --text Navalny --from 2021-02-01 --format jsonl")]
    Query(query::QueryArgs),
}

/// Options shared by every command that codes.
#[derive(Args, Clone, Default)]
pub struct DictOptions {
    /// Use the dictionaries of this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Add the dictionaries of this folder to the built-in ones (its entries win).
    #[arg(long, value_name = "DIR")]
    pub extra_dictionaries: Option<PathBuf>,
    /// Print every dictionary problem, not only a summary.
    #[arg(long)]
    pub verbose_dictionaries: bool,
}

impl DictOptions {
    /// Loads the dictionaries these options name, reporting problems on standard error.
    pub fn load(&self) -> Result<Dictionaries> {
        let (dicts, diags) = match (&self.dictionaries, &self.extra_dictionaries) {
            (Some(_), Some(_)) => {
                bail!("give either --dictionaries or --extra-dictionaries, not both")
            }
            (Some(dir), None) => Dictionaries::load_dir(dir)
                .with_context(|| format!("cannot read the dictionary folder {}", dir.display()))?,
            (None, Some(dir)) => Dictionaries::builtin_extended_by(dir)
                .with_context(|| format!("cannot read the dictionary folder {}", dir.display()))?,
            (None, None) => Dictionaries::builtin(),
        };
        report_diagnostics(&diags, self.verbose_dictionaries);
        Ok(dicts)
    }

    /// A coder over the dictionaries these options name.
    pub fn coder(&self) -> Result<Coder> {
        Ok(Coder::new(self.load()?))
    }
}

fn report_diagnostics(diags: &[attache_dict::Diagnostic], verbose: bool) {
    if diags.is_empty() {
        return;
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let shown = if verbose { diags.len() } else { 10 };
    for d in diags.iter().take(shown) {
        eprintln!("attache: dictionary {d}");
    }
    if diags.len() > shown {
        eprintln!(
            "attache: ... and {} more dictionary problems (--verbose-dictionaries lists them all)",
            diags.len() - shown
        );
    }
    eprintln!("attache: {} dictionary lines skipped, {} warnings", errors, diags.len() - errors);
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => code::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Dict(c) => dict::run(c),
        Command::Parse(a) => parse::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Export(a) => export::run(a),
        Command::Dyads(a) => dyads::run(a),
        Command::Query(a) => query::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("attache: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
