//! Prints the chunks of a text read from standard input: `cargo run -p attache-text --example chunks < file`.
use std::io::Read;

use attache_text::{Analyzer, ChunkKind};

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read stdin");
    let a = Analyzer::builtin();
    let d = a.analyze(&text);
    for s in d.sentences() {
        let mut line = String::new();
        for c in d.sentence_chunks(s) {
            let label = match &c.kind {
                ChunkKind::Np { .. } => "NP".to_string(),
                ChunkKind::Vg(v) => format!(
                    "VG{}{}",
                    if v.voice == attache_text::Voice::Passive { ":pass" } else { "" },
                    if v.negated { ":neg" } else { "" }
                ),
                k => format!("{k:?}"),
            };
            let words: Vec<String> = (c.start..c.end).map(|i| format!("{}/{}", d.word(i), d.tokens()[i].tag)).collect();
            line.push_str(&format!("[{label} {}] ", words.join(" ")));
        }
        println!("{line}\n");
    }
}
