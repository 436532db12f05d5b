//! `attache eval`: score the coder on a gold file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use attache_coder::{Coder, Document};
use attache_dict::Dictionaries;
use attache_eval::{GoldDoc, Prediction, Scorer, read_gold};
use clap::Args;
use rayon::prelude::*;

use crate::DictOptions;

#[derive(Args)]
pub struct EvalArgs {
    /// The gold file (JSONL, see FORMAT.md).
    pub gold: PathBuf,
    /// How many misses and false alarms to list.
    #[arg(long, default_value_t = 30)]
    pub errors: usize,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit status 1) when a figure is below a floor, e.g. `--floor code.f1=0.8`.
    /// Figures: root|code|strict .f1|.precision|.recall|.found, date.exact, date.exact_count,
    /// date.lenient, label.recall, label.min, exact.
    #[arg(long, value_name = "FIGURE=VALUE")]
    pub floor: Vec<String>,
    /// Threads to code with (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub dicts: DictOptions,
}

/// What a gold file's `dictionaries` folder holds.
enum Folder {
    Attache(Box<Coder>),
    Unsupported(String),
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    crate::code::set_threads(args.threads);
    let floors: Vec<(String, f64)> = args
        .floor
        .iter()
        .map(|f| {
            let (k, v) =
                f.split_once('=').ok_or_else(|| anyhow!("--floor `{f}`: write FIGURE=VALUE, e.g. code.f1=0.8"))?;
            Ok((
                k.trim().to_string(),
                v.trim().parse::<f64>().with_context(|| format!("--floor `{f}`: `{v}` is not a number"))?,
            ))
        })
        .collect::<Result<_>>()?;
    let gold = read_gold(&args.gold).map_err(|e| anyhow!(e))?;
    if gold.is_empty() {
        bail!("{} holds no gold document", args.gold.display());
    }
    let default_coder = args.dicts.coder()?;
    let base = args.gold.parent().unwrap_or(Path::new("."));
    let mut folders: BTreeMap<String, Folder> = BTreeMap::new();
    let mut notes = Vec::new();
    for d in &gold {
        if let Some(rel) = &d.dictionaries
            && !folders.contains_key(rel)
        {
            let dir = base.join(rel);
            // attache's format or PETRARCH/TABARI's, detected by the loader
            let folder = match Dictionaries::load_dir(&dir) {
                Ok((dicts, diags)) => {
                    if !diags.is_empty() {
                        notes.push(format!(
                            "{} dictionary problems in {} (attache dict check {} lists them)",
                            diags.len(),
                            dir.display(),
                            dir.display()
                        ));
                    }
                    Folder::Attache(Box::new(Coder::new(dicts)))
                }
                Err(e) => Folder::Unsupported(format!(
                    "cannot read the dictionaries folder {}: {e}; scored with the default dictionaries",
                    dir.display()
                )),
            };
            if let Folder::Unsupported(n) = &folder {
                eprintln!("attache: {n}");
                notes.push(n.clone());
            }
            folders.insert(rel.clone(), folder);
        }
    }
    let coder_for = |d: &GoldDoc| -> &Coder {
        match d.dictionaries.as_ref().and_then(|r| folders.get(r)) {
            Some(Folder::Attache(c)) => c,
            _ => &default_coder,
        }
    };
    let predictions: Vec<Vec<Prediction>> = gold
        .par_iter()
        .map(|g| {
            let doc = Document {
                id: g.id.clone(),
                text: g.text.clone(),
                date: g.date.as_deref().and_then(attache_io::read::parse_date),
                ..Document::default()
            };
            // a record may switch PETRARCH's require_dyad off (its unit tests do)
            let coded = match g.require_dyad() {
                Some(require) if require != coder_for(g).requires_dyad() => {
                    coder_for(g).with_require_dyad(require).code(&doc)
                }
                _ => coder_for(g).code(&doc),
            };
            coded.events.iter().map(Prediction::from).collect()
        })
        .collect();
    let mut scorer = Scorer::new();
    for (g, p) in gold.iter().zip(&predictions) {
        scorer.add(g, p);
    }
    let report = scorer.report(notes);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text(args.errors));
    }
    let mut failed = false;
    for (name, floor) in &floors {
        match report.figure(name) {
            Some(v) if v + 1e-9 >= *floor => {
                eprintln!("attache: floor {name} >= {floor}: ok ({v:.3})")
            }
            Some(v) => {
                eprintln!("attache: floor {name} >= {floor}: FAILED ({v:.3})");
                failed = true;
            }
            None => bail!("unknown figure `{name}` in --floor"),
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
