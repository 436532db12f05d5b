//! `attache dict`: check dictionaries, look phrases up.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use attache_dict::{Dictionaries, Hit, Severity};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum DictCommand {
    /// Read every entry of the built-in dictionaries (or of DIR) and report problems with
    /// file and line; exit status 1 when a line had to be skipped.
    Check {
        /// A dictionary folder (default: the built-in dictionaries).
        dir: Option<PathBuf>,
    },
    /// Show what a phrase means to the dictionaries (actors, people, agents, verb patterns).
    Lookup {
        /// The phrase ("French President", "expel").
        phrase: String,
        /// The date for people's roles (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// A dictionary folder (default: the built-in dictionaries).
        #[arg(long)]
        dictionaries: Option<PathBuf>,
    },
}

fn load(dir: &Option<PathBuf>) -> Result<(Dictionaries, Vec<attache_dict::Diagnostic>)> {
    match dir {
        Some(d) => Dictionaries::load_dir(d).with_context(|| format!("cannot read {}", d.display())),
        None => Ok(Dictionaries::builtin()),
    }
}

pub fn run(cmd: DictCommand) -> Result<ExitCode> {
    match cmd {
        DictCommand::Check { dir } => {
            let (d, mut diags) = load(&dir)?;
            diags.extend(d.check());
            for x in &diags {
                println!("{x}");
            }
            let s = d.stats();
            println!(
                "{} actor entries ({} phrases), {} people with {} roles, {} agent phrases, {} verb and {} noun patterns for {} CAMEO codes, {} discards",
                s.actor_entries,
                s.actor_phrases,
                s.people,
                s.roles,
                s.agent_phrases,
                s.verb_patterns,
                s.noun_patterns,
                s.cameo_codes,
                s.discards
            );
            let errors = diags.iter().filter(|x| x.severity == Severity::Error).count();
            println!("{} errors (lines skipped), {} warnings", errors, diags.len() - errors);
            Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        DictCommand::Lookup { phrase, date, dictionaries } => {
            let (d, _) = load(&dictionaries)?;
            let date = date.as_deref().and_then(attache_io::read::parse_date);
            let mut any = false;
            for h in d.phrases().lookup(&phrase) {
                any = true;
                match h {
                    Hit::Actor(i) => {
                        let e = d.actor(i);
                        println!("actor  {:<10} {:<8} ({})", e.code.to_string(), e.kind.keyword(), e.origin);
                    }
                    Hit::Person(i) => {
                        let p = d.person(i);
                        let code = p.code_on(date).map(|c| c.to_string()).unwrap_or_default();
                        println!("person {:<10} {} ({})", code, p.names.join(" | "), p.origin);
                        for r in &p.roles {
                            let f = r.from.map(|x| x.to_string()).unwrap_or_default();
                            let t = r.to.map(|x| x.to_string()).unwrap_or_default();
                            println!("         {:<10} {f}..{t}", r.code.to_string());
                        }
                    }
                    Hit::Agent(i) => {
                        let a = d.agent(i);
                        let sectors: Vec<&str> = a.sectors.iter().map(|s| s.as_str()).collect();
                        println!("agent  {:<10} {:<8} ({})", sectors.join(""), a.kind.keyword(), a.origin);
                    }
                    Hit::Discard(_) => {}
                }
            }
            let lemma = attache_text::normalize::normalize(phrase.split_whitespace().next().unwrap_or(""));
            for p in d.verb_patterns(&lemma) {
                any = true;
                println!("verb   {:<10} {} ({})", p.code.as_str(), p.frame.text, p.frame.origin);
            }
            for p in d.noun_patterns(&lemma) {
                any = true;
                println!("noun   {:<10} {} ({})", p.code.as_str(), p.frame.text, p.frame.origin);
            }
            for (s, f) in d.specials(&lemma) {
                any = true;
                println!("{:<6} {:<10} {} ({})", s.keyword(), "", f.text, f.origin);
            }
            if !any {
                println!("`{phrase}` is in no dictionary");
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
