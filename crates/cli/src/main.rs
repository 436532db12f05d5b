//! `attache`: code news into political events.
//!
//! A thin command line over the library crates: argument parsing, file handling and
//! parallelism live here; everything else is in `attache-coder`, `attache-io`,
//! `attache-eval` and `attache-dict`.

mod bench;
mod code;
mod dict;
mod eval;
mod parse;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use attache_coder::Coder;
use attache_dict::{Dictionaries, Severity};
use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "Examples:
  attache code examples/story.txt --date 2023-03-14
  attache code news.jsonl --format jsonl > events.jsonl
  echo 'France expelled two Russian diplomats.' | attache code
  attache eval ../shared/eval/seed/gold.jsonl
  attache dict lookup 'French President'
  attache bench ../shared/eval/ngec-synthetic/dev.jsonl --threads 1";

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
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("attache: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
