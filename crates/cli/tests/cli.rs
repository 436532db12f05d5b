//! The `attache` command line, end to end: inputs, outputs, exit status, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-cli-{}", std::process::id()));
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, content).unwrap();
    p
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().expect("run attache");
    let so = String::from_utf8_lossy(&out.stdout).into_owned();
    let se = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, so, se)
}

#[test]
fn codes_the_example_story_as_a_table() {
    let (out, so, _) = run(bin().args(["code", "--date", "2023-03-17"]).arg(root().join("examples/story.txt")));
    assert!(out.status.success());
    assert!(so.starts_with("SOURCE"), "{so}");
    assert!(so.contains("161 Reduce or break"), "{so}");
}

#[test]
fn example_story_meets_its_gold() {
    let (out, so, se) = run(bin()
        .args(["eval", "--floor", "code.f1=0.9", "--floor", "root.recall=1.0"])
        .arg(root().join("examples/story.gold.jsonl")));
    assert!(out.status.success(), "{so}\n{se}");
}

#[test]
fn jsonl_output_follows_the_contract() {
    let input = tmp(
        "docs.jsonl",
        br#"{"id": "a", "text": "France expelled two Russian diplomats on Friday.", "date": "2021-02-26"}
{"id": "b", "text": "Nothing happened.", "date": null}
"#,
    );
    let (out, so, _) = run(bin().args(["code", "--format", "jsonl"]).arg(&input));
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = so.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    let e = &lines[0];
    for field in ["doc_id", "source", "target", "cameo", "plover", "date", "modality", "reciprocates", "evidence"] {
        assert!(e.get(field).is_some(), "missing {field}");
    }
    assert_eq!(e["doc_id"], "a");
    assert_eq!(e["source"]["code"], "FRA");
    assert_eq!(e["target"]["code"], "RUSGOV");
    assert_eq!(e["cameo"], "161");
    assert_eq!(e["plover"]["type"], "SANCTION");
    assert_eq!(e["date"]["value"], "2021-02-26");
    assert_eq!(e["modality"]["negated"], false);
    assert_eq!(e["modality"]["hypothetical"], false);
}

#[test]
fn reads_standard_input() {
    let mut child = bin()
        .args(["code", "--format", "csv", "--date", "2021-02-26"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Poland expelled a Russian diplomat.").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("doc_id,event_id,date"), "{s}");
    assert!(s.contains(",POL,"), "{s}");
}

#[test]
fn bad_records_are_reported_and_skipped_and_the_rest_is_coded() {
    let mut bytes = b"{\"id\": \"good1\", \"text\": \"France expelled a Russian diplomat.\"}\n".to_vec();
    bytes.extend(b"{\"id\": \"trunc\", \"text\": \"Germany expel\n");
    bytes.extend(b"{\"id\": \"bad-utf8\", \"text\": \"caf\xff\"}\n");
    bytes.extend(b"{\"id\": \"notext\"}\n");
    bytes.extend(b"{\"id\": \"good2\", \"text\": \"Poland expelled a Russian diplomat.\"}\n");
    let input = tmp("mixed.jsonl", &bytes);
    let (out, so, se) = run(bin().args(["code", "--format", "jsonl"]).arg(&input));
    assert_eq!(out.status.code(), Some(1), "{se}");
    for line in [2, 3, 4] {
        assert!(se.contains(&format!("mixed.jsonl:{line}: skipped")), "line {line}: {se}");
    }
    let docs: Vec<String> = so
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["good1", "good2"]);
}

#[test]
fn empty_binary_and_non_utf8_files() {
    let empty = tmp("empty.txt", b"");
    let binary = tmp("blob.bin", &[0x7f, b'E', b'L', b'F', 0, 0, 0, 1, 2, 3]);
    let latin1 = tmp("latin1.txt", b"Fran\xe7ois expelled them.");
    let good = tmp("good.txt", b"France expelled a Russian diplomat.");
    let (out, so, se) = run(bin().args(["code", "--format", "jsonl"]).args([&empty, &binary, &latin1, &good]));
    assert_eq!(out.status.code(), Some(1));
    assert!(se.contains("empty.txt: skipped: empty"), "{se}");
    assert!(se.contains("blob.bin: skipped: binary"), "{se}");
    assert!(se.contains("latin1.txt:1: skipped: not valid UTF-8"), "{se}");
    assert_eq!(so.lines().count(), 1);
}

#[test]
fn a_fifty_megabyte_single_line_document() {
    let sentence = "Officials met in Paris and France expelled a Russian diplomat while talks continued ";
    let mut text = String::with_capacity(50_000_100);
    while text.len() < 50_000_000 {
        text.push_str(sentence);
    }
    let doc = serde_json::json!({"id": "huge", "text": text, "date": "2021-02-26"});
    let input = tmp("huge.jsonl", format!("{doc}\n").as_bytes());
    let (out, so, se) = run(bin().args(["code", "--format", "jsonl"]).arg(&input));
    assert!(out.status.success(), "{se}");
    let first: serde_json::Value = serde_json::from_str(so.lines().next().unwrap()).unwrap();
    assert_eq!(first["doc_id"], "huge");
    let last: serde_json::Value = serde_json::from_str(so.lines().last().unwrap()).unwrap();
    // spans of the last event point into the whole document, not into a window
    assert!(last["source"]["span"]["start"].as_u64().unwrap() > 40_000_000);
    std::fs::remove_file(input).ok();
}

#[test]
fn usage_errors_exit_nonzero() {
    let (out, _, se) = run(bin().args(["code", "--date", "26/02/2021", "x.txt"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(se.contains("YYYY-MM-DD"), "{se}");
    let (out, _, _) = run(bin().args(["frobnicate"]));
    assert!(!out.status.success());
}

#[test]
fn dict_check_and_lookup() {
    let (out, so, _) = run(bin().args(["dict", "check"]));
    assert!(out.status.success(), "{so}");
    assert!(so.contains("0 errors"), "{so}");
    let (out, so, _) = run(bin().args(["dict", "lookup", "expel"]));
    assert!(out.status.success());
    assert!(so.contains("161"), "{so}");
    let bad = tmp("baddict/x.txt", b"");
    std::fs::write(&bad, "FRA name: France\nXXQ name: Nowhere\n").unwrap();
    let (out, so, _) = run(bin().args(["dict", "check"]).arg(bad.parent().unwrap()));
    assert_eq!(out.status.code(), Some(1));
    assert!(so.contains("x.txt:2"), "{so}");
}

#[test]
fn a_gold_record_may_switch_petrarch_require_dyad_off() {
    // PETRARCH's unit tests set require_dyad per record: off, "an official said" is an
    // event with no target (`---` in their gold); on, it is not coded
    tmp("dyad/dicts/World.actors.txt", b"ARNOR_ [ARN]\n");
    tmp("dyad/dicts/World.agents.txt", b"OFFICIAL [~GOV]\n");
    tmp("dyad/dicts/World.verbs.txt", b"--- SAY [023] ---\nSAY\n");
    let gold = tmp("dyad/gold.jsonl", br#"{"id": "off", "date": "2021-01-01", "text": "An official said on Friday.", "events": [{"source": "---GOV", "target": "---", "code": "023"}], "dictionaries": "dicts", "config": {"require_dyad": "False"}}
{"id": "on", "date": "2021-01-01", "text": "An official said on Friday.", "events": [], "dictionaries": "dicts", "config": {"require_dyad": "True"}}
"#);
    let (out, so, se) = run(bin().args(["eval", "--floor", "strict.f1=1"]).arg(&gold));
    assert!(out.status.success(), "{so}\n{se}");
}

#[test]
fn gold_dictionaries_field_loads_petrarch_dictionaries() {
    // a fictional world in PETRARCH's formats, written for this test
    tmp("petr/dicts/World.actors.txt", b"ARNOR_ [ARN]\nGONDOR_ [GON]\n");
    tmp("petr/dicts/World.agents.txt", b"");
    tmp("petr/dicts/World.verbs.txt", b"--- EXPEL [161] ---\nEXPEL\n- * +  [161]\n");
    let gold = tmp("petr/gold.jsonl", br#"{"id": "x", "date": "2021-01-01", "text": "Arnor expelled Gondor.", "events": [{"source": "ARN", "target": "GON", "code": "161", "required": true}], "dictionaries": "dicts"}
{"id": "y", "date": "2021-01-01", "text": "France expelled a Russian diplomat.", "events": [], "dictionaries": "missing"}
"#);
    let (out, so, se) = run(bin().args(["eval"]).arg(&gold));
    assert!(out.status.success(), "{so}\n{se}");
    // the fictional actors are known: the event is found
    assert!(so.lines().any(|l| l.starts_with("code") && l.contains("1/1")), "{so}");
    // a folder that is not there is reported, not ignored
    assert!(se.contains("cannot read the dictionaries folder") && so.contains("NOTE:"), "{so}\n{se}");
}
