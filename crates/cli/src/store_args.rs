//! Options shared by the commands that read a store (`export`, `query`, `dyads`).

use std::path::PathBuf;

use anyhow::{Result, bail};
use attache_store::Filter;
use clap::Args;

/// Which events.
#[derive(Args, Clone, Default)]
pub struct FilterArgs {
    /// Events dated on or after this day (an event dated to the month is in when its month is).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Events dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Events whose source or target code starts with this (FRA takes FRAGOV).
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Events whose CAMEO code starts with this (16 takes 161 and 1661).
    #[arg(long, value_name = "CAMEO")]
    pub code: Option<String>,
    /// Events told by a sentence containing this text.
    #[arg(long)]
    pub text: Option<String>,
}

impl FilterArgs {
    /// The filter, or an error naming the bad date.
    pub fn filter(&self) -> Result<Filter> {
        let date = |flag: &str, d: &Option<String>| -> Result<_> {
            match d {
                None => Ok(None),
                Some(s) => match attache_io::read::parse_date(s) {
                    Some(d) => Ok(Some(d)),
                    None => bail!("--{flag} `{s}` is not a date: write YYYY-MM-DD"),
                },
            }
        };
        Ok(Filter {
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
            actor: self.actor.clone(),
            code: self.code.clone(),
            text: self.text.clone(),
        })
    }
}

/// The store to read.
#[derive(Args, Clone)]
pub struct DbArg {
    /// The database `attache ingest` made.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
}

/// Clips `s` to `n` characters, with an ellipsis when cut; one line.
pub fn clip(s: &str, n: usize) -> String {
    let s = s.replace(['\n', '\t', '\r'], " ");
    if s.chars().count() <= n {
        return s;
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` clipped and padded to `n` characters.
pub fn fit(s: &str, n: usize) -> String {
    let c = clip(s, n);
    let len = c.chars().count();
    format!("{c}{}", " ".repeat(n - len.min(n)))
}
