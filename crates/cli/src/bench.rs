//! `attache bench`: throughput of the coder on a file, I/O excluded.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use attache_coder::Document;
use attache_io::{Input, InputFormat, read_source};
use clap::Args;
use rayon::prelude::*;

use crate::DictOptions;

#[derive(Args)]
pub struct BenchArgs {
    /// A JSONL or text file of documents.
    pub file: PathBuf,
    /// Threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Passes over the file; the best pass is reported.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    #[command(flatten)]
    pub dicts: DictOptions,
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    crate::code::set_threads(args.threads);
    let t0 = Instant::now();
    let coder = args.dicts.coder()?;
    let startup = t0.elapsed();
    let mut docs: Vec<Document> = Vec::new();
    let mut skipped = 0;
    read_source(&Input::File(args.file.clone()), InputFormat::Auto, None, &mut |d| docs.push(d), &mut |s| {
        skipped += 1;
        eprintln!("attache: {s}");
    });
    if docs.is_empty() {
        bail!("no document in {}", args.file.display());
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let threads = rayon::current_num_threads();
    let mut best = f64::INFINITY;
    let mut sentences = 0;
    let mut events = 0;
    for _ in 0..args.repeat.max(1) {
        let t = Instant::now();
        let coded: Vec<(usize, usize)> = docs
            .par_iter()
            .map(|d| {
                let c = coder.code(d);
                (c.sentences, c.events.len())
            })
            .collect();
        let secs = t.elapsed().as_secs_f64();
        sentences = coded.iter().map(|c| c.0).sum();
        events = coded.iter().map(|c| c.1).sum();
        best = best.min(secs);
    }
    let mb = bytes as f64 / 1e6;
    println!("file:        {}", args.file.display());
    println!("threads:     {threads}");
    println!("start-up:    {:.1} ms (dictionaries loaded and compiled)", startup.as_secs_f64() * 1e3);
    println!("documents:   {} ({} skipped)", docs.len(), skipped);
    println!("text:        {mb:.2} MB, {sentences} sentences, {events} events");
    println!("best of {}:   {best:.3} s", args.repeat.max(1));
    println!(
        "throughput:  {:.2} MB/s, {:.0} sentences/s, {:.0} documents/s",
        mb / best,
        sentences as f64 / best,
        docs.len() as f64 / best
    );
    Ok(ExitCode::SUCCESS)
}
