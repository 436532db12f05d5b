//! `attache export`: the store in the formats researchers' tools read.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use attache_store::{ExportFormat, Store};
use clap::Args;

use crate::store_args::{DbArg, FilterArgs};

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// gdelt (61 columns), icews (20 columns), plover (JSON lines), csv, jsonl, parquet.
    #[arg(long, short)]
    pub format: ExportFormat,
    /// Write to this file (written whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let filter = args.filter.filter()?;
    let store = Store::open_read_only(&args.db.db)?;
    let rows = match &args.output {
        Some(path) => {
            // A partial file is never left under the final name.
            let partial = path.with_extension("partial");
            let file =
                std::fs::File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
            let mut out = BufWriter::new(file);
            let result = store.export(args.format, &filter, &mut out).map_err(anyhow::Error::from).and_then(|n| {
                out.flush()?;
                out.get_ref().sync_all()?;
                Ok(n)
            });
            match result {
                Ok(n) => {
                    std::fs::rename(&partial, path).with_context(|| format!("cannot write {}", path.display()))?;
                    n
                }
                Err(e) => {
                    std::fs::remove_file(&partial).ok();
                    return Err(e);
                }
            }
        }
        None => {
            if args.format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                bail!("Parquet is binary: give --output FILE.parquet");
            }
            let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout());
            let n = match store.export(args.format, &filter, &mut out) {
                Err(attache_store::StoreError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                r => r?,
            };
            if let Err(e) = out.flush()
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
            n
        }
    };
    eprintln!("attache: {rows} rows exported");
    Ok(ExitCode::SUCCESS)
}
