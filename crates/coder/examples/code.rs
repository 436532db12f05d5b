//! Codes standard input with the built-in dictionaries and prints one line per event:
//! `echo "France expelled a Russian diplomat." | cargo run --release -p attache-coder --example code -- [DATE]`.
use std::io::Read;

use attache_coder::{Coder, Document};

fn main() {
    let date = std::env::args().nth(1).unwrap_or_else(|| "2021-03-05".into());
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let coder = Coder::builtin();
    let doc = Document::new("stdin", text).with_date(&date);
    if std::env::var("EXPLAIN").is_ok() {
        print!("{}", coder.explain(&doc));
        return;
    }
    for e in coder.code(&doc).events {
        println!(
            "{} {} {} {} date={} negated={} hypothetical={} reciprocates={:?} attribution={:?}",
            e.source.code_str(),
            e.target.code_str(),
            e.cameo,
            e.cameo_name,
            e.date.value,
            e.modality.negated,
            e.modality.hypothetical,
            e.reciprocates,
            e.attribution.iter().map(|a| a.code_str()).collect::<Vec<_>>()
        );
    }
}
