//! A readable trace of how a sentence was coded (`attache parse`).

use std::fmt::Write;

use attache_text::{ChunkKind, Doc, Voice};

use crate::args::{ActorRef, Arg};
use crate::dates::TimeExpr;
use crate::events::{RawEvent, SentenceCoder};

fn actor(doc: &Doc, a: &ActorRef) -> String {
    let via = a.antecedent.map(|(s, e)| format!(" <- «{}»", doc.span_text(s, e.max(s + 1) - 1))).unwrap_or_default();
    format!("{}{}", a.code, via)
}

pub(crate) fn sentence(
    out: &mut String,
    doc: &Doc,
    i: usize,
    args: &[Arg],
    sc: &SentenceCoder,
    events: &[RawEvent],
    times: &[TimeExpr],
) {
    let s = &doc.sentences()[i];
    let _ = writeln!(out, "\n[{i}] {}", doc.sentence_text(s).replace('\n', " "));
    let tagged: Vec<String> = s.tokens.clone().map(|t| format!("{}/{}", doc.word(t), doc.tokens()[t].tag)).collect();
    let _ = writeln!(out, "  tags:   {}", tagged.join(" "));
    let chunks: Vec<String> = doc
        .sentence_chunks(s)
        .iter()
        .map(|c| {
            let label = match &c.kind {
                ChunkKind::Np { .. } => "NP".to_string(),
                ChunkKind::Vg(v) => format!(
                    "VG{}{}",
                    if v.voice == Voice::Passive { ":passive" } else { "" },
                    if v.negated { ":neg" } else { "" }
                ),
                ChunkKind::Prep => "P".into(),
                ChunkKind::Conj => "CC".into(),
                ChunkKind::Wh => "WH".into(),
                ChunkKind::Adv => "ADV".into(),
                ChunkKind::Punct => "PU".into(),
                ChunkKind::Other => "O".into(),
            };
            format!("[{label} {}]", doc.span_text(c.start, c.end - 1))
        })
        .collect();
    let _ = writeln!(out, "  chunks: {}", chunks.join(" "));
    for a in args {
        let actors: Vec<String> = a.actors().map(|x| actor(doc, x)).collect();
        let _ = writeln!(
            out,
            "  arg:    «{}»{} -> {}",
            doc.span_text(a.start, a.end.max(a.start + 1) - 1),
            if a.appositive { " (apposition)" } else { "" },
            if actors.is_empty() { "-".to_string() } else { actors.join(", ") }
        );
    }
    for p in sc.clauses.predicates() {
        let subj = p
            .subject
            .map(|x| doc.span_text(args[x].start, args[x].end.max(args[x].start + 1) - 1).to_string())
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "  pred:   {} ({:?}{}) subject «{}»",
            p.lemma,
            p.kind,
            if p.passive { ", passive" } else { "" },
            subj
        );
    }
    for t in times {
        let _ = writeln!(
            out,
            "  time:   «{}» = {}",
            doc.span_text(t.start, t.end - 1),
            t.value.map(|v| v.format()).unwrap_or_else(|| "unresolved".into())
        );
    }
    for e in events {
        let code = e.code.map(|c| c.to_string()).unwrap_or_else(|| "(mirror)".into());
        let target = e.target.as_ref().map(|t| actor(doc, t)).unwrap_or_else(|| "-".into());
        let _ =
            writeln!(out, "  event:  {} -> {} {code} via `{}` ({})", actor(doc, &e.source), target, e.pattern, e.entry);
    }
}
