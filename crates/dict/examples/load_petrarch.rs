//! Loads a folder of PETRARCH/TABARI dictionaries and reports the time, the counts and
//! the problems by kind:
//!
//! ```text
//! cargo run --release -p attache-dict --example load_petrarch -- ../shared/petrarch/phoenix
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

use attache_dict::Dictionaries;

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        eprintln!("usage: load_petrarch DIR...");
        std::process::exit(2);
    }
    for dir in dirs {
        let t = Instant::now();
        let (d, diags) = match Dictionaries::load_dir(dir.as_ref()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{dir}: {e}");
                continue;
            }
        };
        let elapsed = t.elapsed();
        println!("{dir}: loaded in {:.3} s", elapsed.as_secs_f64());
        println!("  {:?}", d.stats());
        let extended = d.patterns().iter().filter(|p| p.frame.is_extended()).count();
        let null = d.patterns().iter().filter(|p| p.coding.null).count();
        let paired = d.patterns().iter().filter(|p| p.coding.paired.is_some()).count();
        let passive = d.patterns().iter().filter(|p| p.coding.passive_only).count();
        let dated = d.actors().iter().filter(|a| a.is_dated()).count();
        println!(
            "  patterns: {extended} extended (before/joined/compound/source), {null} null, {paired} paired, {passive} passive-only; {dated} dated actor entries; {} issue entries",
            d.issues().len()
        );
        // problems by kind: the message with its quoted parts blanked
        let mut kinds: BTreeMap<(String, String), (usize, String)> = BTreeMap::new();
        for x in &diags {
            let mut kind = String::new();
            let mut inside = false;
            for c in x.message.chars() {
                if c == '`' {
                    inside = !inside;
                    if inside {
                        kind.push_str("`_`");
                    }
                } else if !inside && !c.is_ascii_digit() {
                    kind.push(c);
                }
            }
            let e = kinds.entry((format!("{:?}", x.severity), kind)).or_insert((0, x.to_string()));
            e.0 += 1;
        }
        let mut per_file: BTreeMap<(String, String), usize> = BTreeMap::new();
        for x in &diags {
            let file = x.origin.file.rsplit('/').next().unwrap_or("").to_string();
            *per_file.entry((file, format!("{:?}", x.severity))).or_default() += 1;
        }
        println!("  {} problems: {per_file:?}", diags.len());
        for ((sev, kind), (n, example)) in &kinds {
            println!("  {n:6} {sev}: {kind}\n           e.g. {example}");
        }
    }
}
