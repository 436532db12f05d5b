//! Scores the built-in coder on a gold file without the CLI:
//! `cargo run --release -p attache-eval --example score -- GOLD.jsonl [ERRORS]`.
use attache_coder::{Coder, Document};
use attache_eval::{Prediction, Scorer, read_gold};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: score GOLD.jsonl [ERRORS]");
    let errors: usize = args.next().and_then(|e| e.parse().ok()).unwrap_or(0);
    let gold = read_gold(std::path::Path::new(&path)).expect("gold file");
    let coder = Coder::builtin();
    let mut scorer = Scorer::new();
    for g in &gold {
        let mut doc = Document::new(g.id.clone(), g.text.clone());
        doc.date = g
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok());
        let preds: Vec<Prediction> = coder.code(&doc).events.iter().map(Prediction::from).collect();
        scorer.add(g, &preds);
    }
    print!("{}", scorer.report(Vec::new()).to_text(errors));
}
