//! `attache parse`: how the coder reads a text, for people writing dictionaries.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use attache_coder::Document;
use clap::Args;

use crate::DictOptions;

#[derive(Args)]
pub struct ParseArgs {
    /// A text file (standard input when absent).
    pub file: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub dicts: DictOptions,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let text = match &args.file {
        Some(p) => std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).context("cannot read standard input")?;
            s
        }
    };
    let coder = args.dicts.coder()?;
    let mut doc = Document::new("parse", text);
    doc.date = args.date.as_deref().and_then(attache_io::read::parse_date);
    print!("{}", coder.explain(&doc));
    Ok(ExitCode::SUCCESS)
}
