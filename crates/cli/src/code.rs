//! `attache code`: documents in, events out, in parallel, in input order.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use attache_coder::{Coded, Document};
use attache_io::{Input, InputFormat, OutputFormat, Skip, Writer, read_source};
use clap::Args;
use rayon::prelude::*;

use crate::DictOptions;

#[derive(Args)]
pub struct CodeArgs {
    /// Files to code (plain text or JSONL); standard input when none is given.
    pub files: Vec<PathBuf>,
    /// Publication date of plain-text input (YYYY-MM-DD): relative dates resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Output format: table, jsonl or csv.
    #[arg(long, short, default_value = "table")]
    pub format: OutputFormat,
    /// How to read the input: auto (by extension, then content), text, jsonl.
    #[arg(long, default_value = "auto", value_parser = parse_input_format)]
    pub input: InputFormat,
    /// Threads to code with (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Leave out negated and hypothetical events.
    #[arg(long)]
    pub factual_only: bool,
    #[command(flatten)]
    pub dicts: DictOptions,
}

pub fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    match s {
        "auto" => Ok(InputFormat::Auto),
        "text" | "txt" => Ok(InputFormat::Text),
        "jsonl" => Ok(InputFormat::Jsonl),
        _ => Err(format!("unknown input format `{s}` (auto, text, jsonl)")),
    }
}

/// Documents are coded in batches of this many, in parallel; output keeps input order.
const BATCH: usize = 256;

pub fn set_threads(threads: Option<usize>) {
    if let Some(n) = threads {
        // fails only if the pool is already built, which it is not at this point
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
}

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    set_threads(args.threads);
    let date = match &args.date {
        Some(d) => match attache_io::read::parse_date(d) {
            Some(d) => Some(d),
            None => bail!("--date `{}` is not a date: write YYYY-MM-DD", d),
        },
        None => None,
    };
    let coder = args.dicts.coder()?;
    let inputs: Vec<Input> =
        if args.files.is_empty() { vec![Input::Stdin] } else { args.files.iter().cloned().map(Input::File).collect() };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(if std::io::stdout().is_terminal() { 120 } else { 160 });
    let stdout = std::io::stdout();
    let mut writer = Writer::new(BufWriter::new(stdout.lock()), args.format, width);
    let mut skipped = 0usize;
    let mut docs = 0usize;
    let mut events = 0usize;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<Document>, writer: &mut Writer<_>, events: &mut usize| -> std::io::Result<()> {
        let coded: Vec<Coded> = batch.par_iter().map(|d| coder.code(d)).collect();
        for mut c in coded {
            if args.factual_only {
                c.events.retain(|e| e.is_factual());
            }
            *events += c.events.len();
            writer.write_events(&c.events)?;
        }
        batch.clear();
        Ok(())
    };
    for input in &inputs {
        let mut err: Option<std::io::Error> = None;
        read_source(
            input,
            args.input,
            date,
            &mut |d| {
                docs += 1;
                batch.push(d);
                if batch.len() >= BATCH
                    && err.is_none()
                    && let Err(e) = flush(&mut batch, &mut writer, &mut events)
                {
                    err = Some(e);
                }
            },
            &mut |s: Skip| {
                skipped += 1;
                eprintln!("attache: {s}");
            },
        );
        if let Some(e) = err {
            return broken_pipe_or(e);
        }
    }
    if let Err(e) = flush(&mut batch, &mut writer, &mut events) {
        return broken_pipe_or(e);
    }
    if let Err(e) = writer.finish() {
        return broken_pipe_or(e);
    }
    if skipped > 0 {
        eprintln!("attache: {docs} documents coded, {events} events; {skipped} records skipped (reasons above)");
        return Ok(ExitCode::from(1));
    }
    if docs == 0 {
        eprintln!("attache: no document read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writing to a closed pipe (`attache code ... | head`) is not an error.
fn broken_pipe_or(e: std::io::Error) -> Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::SUCCESS);
    }
    let _ = std::io::stderr().flush();
    Err(e.into())
}
