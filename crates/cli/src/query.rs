//! `attache query`: events by actor, code, date and text, newest first.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use attache_store::Store;
use clap::Args;

use crate::store_args::{DbArg, FilterArgs, clip, fit};

#[derive(Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many events.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// table (for people) or jsonl.
    #[arg(long, short, default_value = "table")]
    pub format: String,
}

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    if !matches!(args.format.as_str(), "table" | "jsonl") {
        bail!("unknown format `{}` (table, jsonl)", args.format);
    }
    let store = Store::open_read_only(&args.db.db)?;
    let rows = store.query(&args.filter.filter()?, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = (|| -> std::io::Result<()> {
        if args.format == "jsonl" {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        } else {
            writeln!(
                out,
                "{} {} {} {} {} {:>9} EVIDENCE",
                fit("ID", 7),
                fit("DATE", 10),
                fit("SOURCE", 18),
                fit("EVENT", 28),
                fit("TARGET", 18),
                "MEN/SRC/ART"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{} {} {} {} {} {:>11} {}",
                    fit(&r.id.to_string(), 7),
                    fit(&r.date, 10),
                    fit(&format!("{} {}", r.source, r.source_text), 18),
                    fit(&format!("{} {}", r.cameo, r.cameo_name), 28),
                    fit(&if r.target.is_empty() { "-".into() } else { format!("{} {}", r.target, r.target_text) }, 18),
                    format!("{}/{}/{}", r.num_mentions, r.num_sources, r.num_articles),
                    clip(&r.evidence, 60)
                )?;
            }
        }
        out.flush()
    })();
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => {
            if rows.is_empty() {
                eprintln!("attache: no event matches");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
