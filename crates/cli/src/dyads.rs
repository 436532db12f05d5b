//! `attache dyads`: dyad × time counts, Goldstein sums and means, QuadClass counts, as a
//! table, CSV, or a small terminal chart.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use attache_store::{DyadOptions, DyadRow, Interval, Store};
use clap::Args;

use crate::store_args::{DbArg, FilterArgs};

#[derive(Args)]
pub struct DyadsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only this pair: SOURCE,TARGET country codes (FRA,RUS).
    #[arg(long, value_name = "SOURCE,TARGET")]
    pub pair: Option<String>,
    /// With --pair: count both directions together.
    #[arg(long)]
    pub both: bool,
    /// The period: day, week (ISO) or month.
    #[arg(long, default_value = "month")]
    pub interval: Interval,
    /// table, csv, or chart (a bar per period, for the busiest dyads).
    #[arg(long, short, default_value = "table")]
    pub format: String,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Dyads the chart draws when no pair is given.
const CHART_DYADS: usize = 6;

pub fn run(args: DyadsArgs) -> Result<ExitCode> {
    let pair = match args.pair.as_deref() {
        None => None,
        Some(p) => match p.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Some((a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase()))
            }
            _ => bail!("--pair `{p}` is not a pair: write SOURCE,TARGET (FRA,RUS)"),
        },
    };
    if args.both && pair.is_none() {
        bail!("--both needs --pair");
    }
    if !matches!(args.format.as_str(), "table" | "csv" | "chart") {
        bail!("unknown format `{}` (table, csv, chart)", args.format);
    }
    let store = Store::open_read_only(&args.db.db)?;
    let opts = DyadOptions { pair, both_directions: args.both, interval: args.interval, filter: args.filter.filter()? };
    let d = store.dyads(&opts)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format.as_str() {
        "csv" => csv(&mut out, &d.rows),
        "chart" => chart(&mut out, &d.rows),
        _ => table(&mut out, &d.rows),
    }
    .and_then(|()| out.flush());
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e.into());
    }
    if d.imprecise > 0 {
        eprintln!("attache: {} events left out: undated, or dated less precisely than the interval", d.imprecise);
    }
    if d.rows.is_empty() {
        eprintln!("attache: no event between countries matches");
    }
    Ok(ExitCode::SUCCESS)
}

fn table(out: &mut dyn Write, rows: &[DyadRow]) -> std::io::Result<()> {
    writeln!(out, "SOURCE TARGET PERIOD     EVENTS G.SUM   G.MEAN  Q1  Q2  Q3  Q4")?;
    for r in rows {
        writeln!(
            out,
            "{:<6} {:<6} {:<10} {:>6} {:>7.1} {:>6.2} {:>3} {:>3} {:>3} {:>3}",
            r.source,
            r.target,
            r.period,
            r.events,
            r.goldstein_sum,
            r.goldstein_mean,
            r.quad[0],
            r.quad[1],
            r.quad[2],
            r.quad[3]
        )?;
    }
    Ok(())
}

fn csv(out: &mut dyn Write, rows: &[DyadRow]) -> std::io::Result<()> {
    writeln!(out, "source,target,period,events,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4")?;
    for r in rows {
        writeln!(
            out,
            "{},{},{},{},{},{:.4},{},{},{},{}",
            r.source,
            r.target,
            r.period,
            r.events,
            r.goldstein_sum,
            r.goldstein_mean,
            r.quad[0],
            r.quad[1],
            r.quad[2],
            r.quad[3]
        )?;
    }
    Ok(())
}

/// A bar per period: its length the event count, its character the mean's sign (█ for
/// cooperation, ▒ for conflict), the mean Goldstein value after it.
fn chart(out: &mut dyn Write, rows: &[DyadRow]) -> std::io::Result<()> {
    let mut dyads: Vec<(&str, &str, u64)> = Vec::new();
    for r in rows {
        match dyads.iter_mut().find(|d| d.0 == r.source && d.1 == r.target) {
            Some(d) => d.2 += r.events,
            None => dyads.push((&r.source, &r.target, r.events)),
        }
    }
    dyads.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    for (s, t, total) in dyads.into_iter().take(CHART_DYADS) {
        let of: Vec<&DyadRow> = rows.iter().filter(|r| r.source == s && r.target == t).collect();
        let max = of.iter().map(|r| r.events).max().unwrap_or(1).max(1);
        writeln!(out, "{s} → {t}  ({total} events; █ cooperation, ▒ conflict)")?;
        for r in of {
            let len = ((r.events * 40).div_ceil(max)) as usize;
            let c = if r.goldstein_mean >= 0.0 { "█" } else { "▒" };
            writeln!(out, "  {:<10} {} {} (G {:+.1})", r.period, c.repeat(len.max(1)), r.events, r.goldstein_mean)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
