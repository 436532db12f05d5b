//! Loaders for dictionaries in the PETRARCH/TABARI formats.
//!
//! Twenty years of CAMEO dictionaries exist in these formats (the Phoenix set of
//! PETRARCH2, the TABARI files before it). These loaders read them into the same
//! builder as attache's own files, so the result is an ordinary [`Dictionaries`]:
//!
//! | file | loader | becomes |
//! |---|---|---|
//! | verbs (`CAMEO*.txt`, `*.verbs.txt`) | `verbs` | verb [`Pattern`]s, one per verb lemma and pattern |
//! | actors (`*.actors.txt`) | `actors` | [`ActorEntry`]s (kind `name`), dated ones split into disjoint date ranges |
//! | agents (`*.agents.txt`) | `agents` | [`AgentEntry`]s with their plurals |
//! | discards (`*.discards.txt`) | `discards` | sentence and story discards |
//! | issues (`*Issue*.txt`) | `issues` | [`IssuePhrase`]s, kept but not used by the coder yet |
//!
//! Every line that cannot be read is reported as a [`Diagnostic`] with its file and line
//! and skipped; nothing panics, and unlike PETRARCH2 the last record of a file is kept.
//! Where PETRARCH2's reader has a known defect (FORMATS.md in the project's shared
//! notes), the loaders follow the documented meaning instead and say so in their docs:
//! `<!--` comments in a verb file do not switch its patterns off, and the TABARI
//! markers `$ + % _` keep their TABARI meaning instead of being read as words.
//!
//! Phrases are stored in lower case: PETRARCH matches case-insensitively. The exception
//! is a one-word phrase that is also an English function word (`US`, `IT`), kept in
//! capitals so that attache's matcher only takes it written so (not the pronoun).
//!
//! [`Pattern`]: crate::Pattern
//! [`ActorEntry`]: crate::ActorEntry
//! [`AgentEntry`]: crate::AgentEntry

mod actors;
mod agents;
mod discards;
mod issues;
mod verbs;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[allow(unused_imports)]
use crate::Dictionaries;
use crate::parse::{Builder, Diagnostic, Origin, Severity};

pub use issues::IssuePhrase;

/// The kinds of PETRARCH/TABARI dictionary files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// The verb dictionary: synsets, verb blocks, patterns, transformations.
    Verbs,
    /// An actor dictionary: phrases with (dated) actor codes.
    Actors,
    /// The agent dictionary: sector phrases (`~GOV`) with plurals.
    Agents,
    /// The discard list: phrases that discard a sentence or (`+`) a story.
    Discards,
    /// The issue coding file.
    Issues,
}

impl FileKind {
    /// The kind a file's name gives by PETRARCH's conventions: `*.verbs.txt` or
    /// `CAMEO*.txt`, `*.actors.txt`, `*.agents.txt`, `*.discards.txt`, `*Issue*.txt`
    /// (case does not matter); `None` for any other name.
    ///
    /// ```
    /// use attache_dict::petrarch::FileKind;
    /// assert_eq!(FileKind::from_name("CAMEO.2.0.txt"), Some(FileKind::Verbs));
    /// assert_eq!(FileKind::from_name("Phoenix.Countries.actors.txt"), Some(FileKind::Actors));
    /// assert_eq!(FileKind::from_name("Phoenix.IssueCoding.txt"), Some(FileKind::Issues));
    /// assert_eq!(FileKind::from_name("countries.txt"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<FileKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
        let stem = base.strip_suffix(".txt")?;
        Some(if stem.ends_with(".verbs") || stem == "verbs" || stem.starts_with("cameo") {
            FileKind::Verbs
        } else if stem.ends_with(".actors") || stem == "actors" {
            FileKind::Actors
        } else if stem.ends_with(".agents") || stem == "agents" {
            FileKind::Agents
        } else if stem.ends_with(".discards") || stem == "discards" {
            FileKind::Discards
        } else if stem.contains("issue") {
            FileKind::Issues
        } else {
            return None;
        })
    }

    /// The kind a file's text shows: a verb file has block headers (`--- NAME [CODE] ---`)
    /// or the `VERB PATTERNS` section line. Other kinds are recognised by name only.
    ///
    /// ```
    /// use attache_dict::petrarch::FileKind;
    /// assert_eq!(FileKind::from_content("--- ATTACK [190] ---\nATTACK\n"), Some(FileKind::Verbs));
    /// assert_eq!(FileKind::from_content("FRA name: France\n"), None);
    /// ```
    pub fn from_content(text: &str) -> Option<FileKind> {
        text.lines()
            .take(20_000)
            .any(|l| l.starts_with("####### VERB PATTERNS") || verbs::is_block_header(l))
            .then_some(FileKind::Verbs)
    }
}

/// Whether `dir` holds PETRARCH/TABARI dictionaries: a `*.txt` file named as
/// [`FileKind::from_name`] expects, or a verb file recognised by its content.
/// [`Dictionaries::load_dir`] uses this to pick the format.
pub fn is_petrarch_dir(dir: &Path) -> std::io::Result<bool> {
    let files = txt_files(dir)?;
    let texts: Vec<(PathBuf, Option<String>)> = files
        .into_iter()
        .map(|p| {
            let t = std::fs::read(&p).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
            (p, t)
        })
        .collect();
    Ok(is_petrarch_folder(texts.iter().map(|(p, t)| (p.as_path(), t.as_deref().map(Cow::Borrowed)))))
}

/// The decision of [`is_petrarch_dir`] on files already read.
pub(crate) fn is_petrarch_folder<'a>(files: impl Iterator<Item = (&'a Path, Option<Cow<'a, str>>)>) -> bool {
    // a file in attache's own format settles it: attache's folder has an `agents.txt`
    // and a `discards.txt` too
    let mut any = false;
    for (path, text) in files {
        if text.as_deref().is_some_and(crate::parse::looks_like_attache) {
            return false;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if FileKind::from_name(&name).is_some() || text.is_some_and(|t| FileKind::from_content(&t).is_some()) {
            any = true;
        }
    }
    any
}

/// The `*.txt` files of a folder, in name order (the order dictionaries layer in).
pub(crate) fn txt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Adds every `*.txt` file of `dir` as a new layer, each read by its kind.
pub(crate) fn add_dir(b: &mut Builder, dir: &Path) -> std::io::Result<()> {
    let files = txt_files(dir)?;
    b.layer = b.layer.saturating_add(1);
    let texts = files.into_iter().map(|p| (p.clone(), std::fs::read(&p))).collect();
    add_files(b, texts);
    Ok(())
}

/// Reads files of a PETRARCH folder (the layer is already set).
pub(crate) fn add_files(b: &mut Builder, files: Vec<(PathBuf, std::io::Result<Vec<u8>>)>) {
    for (path, bytes) in files {
        let name = path.display().to_string();
        let origin = Origin { file: name.as_str().into(), line: 0 };
        match bytes {
            Ok(bytes) => {
                // PETRARCH reads UTF-8; a stray byte costs one warning, not the file
                let text = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(e) => {
                        b.diag(
                            Severity::Warning,
                            &origin,
                            format!("the file is not valid UTF-8 ({e}); invalid bytes were replaced"),
                        );
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    }
                };
                add_text(b, &name, &text);
            }
            Err(e) => b.diag(Severity::Error, &origin, format!("cannot read the file: {e}")),
        }
    }
}

/// Reads one PETRARCH file, its kind from its name or (verbs) its content; a file of no
/// known kind is reported and skipped.
pub(crate) fn add_text(b: &mut Builder, name: &str, text: &str) {
    let file: Arc<str> = Arc::from(name);
    let kind = FileKind::from_name(name).or_else(|| FileKind::from_content(text));
    let Some(kind) = kind else {
        let origin = Origin { file, line: 0 };
        b.diag(
            Severity::Warning,
            &origin,
            "not a PETRARCH dictionary this loader reads (name it *.verbs.txt, *.actors.txt, *.agents.txt, *.discards.txt or *Issue*.txt); the file was skipped",
        );
        return;
    };
    match kind {
        FileKind::Verbs => {
            b.petrarch_verbs = true;
            verbs::load(b, &file, text)
        }
        FileKind::Actors => actors::load(b, &file, text),
        FileKind::Agents => agents::load(b, &file, text),
        FileKind::Discards => discards::load(b, &file, text),
        FileKind::Issues => issues::load(b, &file, text),
    }
}

/// The lines of an actor, agent, discard or issue file after PETRARCH's common reader
/// (FORMATS §0): lines starting with `#` or `<!`, and blank lines, are skipped;
/// everything from the first `#` is cut; `<!-- ... -->` inside a line is cut, and an
/// unclosed `<!--` skips lines up to the one holding `-->`. Yields (1-based line
/// number, content).
pub(crate) fn common_lines(text: &str) -> impl Iterator<Item = (u32, Cow<'_, str>)> {
    let mut in_comment = false;
    text.lines().enumerate().filter_map(move |(n, raw)| {
        let line_no = n as u32 + 1;
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if in_comment {
            if raw.contains("-->") {
                in_comment = false;
            }
            return None;
        }
        if raw.starts_with('#') || raw.starts_with("<!") || raw.trim().is_empty() {
            return None;
        }
        let mut line: Cow<str> = Cow::Borrowed(raw.split('#').next().unwrap_or(""));
        while let Some(start) = line.find("<!--") {
            match line[start..].find("-->") {
                Some(end) => {
                    let mut s = line[..start].to_string();
                    s.push_str(&line[start + end + 3..]);
                    line = Cow::Owned(s);
                }
                None => {
                    in_comment = true;
                    line = Cow::Owned(line[..start].to_string());
                    break;
                }
            }
        }
        if line.trim().is_empty() { None } else { Some((line_no, line)) }
    })
}

/// A dictionary phrase in attache's form: `_` is a space, words are single-spaced, a
/// trailing `_` (TABARI's "whole word") is dropped; lower case (PETRARCH matches
/// case-insensitively), except a one-word function word (`US`), which keeps its
/// capitals so that only the capitals match.
pub(crate) fn phrase(raw: &str) -> String {
    let words: Vec<&str> = raw.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    if words.len() == 1 && words[0].chars().all(|c| c.is_ascii_uppercase()) {
        let lower = words[0].to_ascii_lowercase();
        if function_word(&lower) {
            return words[0].to_string();
        }
        return lower;
    }
    words.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ")
}

fn function_word(w: &str) -> bool {
    use std::sync::OnceLock;
    static LEX: OnceLock<attache_text::Lexicon> = OnceLock::new();
    LEX.get_or_init(attache_text::Lexicon::builtin).is_function_word(w)
}

/// PETRARCH's plural of a word or phrase (of its last word): `Y` → `IES`, `S` (and for
/// verbs' nouns `X`, `Z`) → `+ES`, else `+S`; on a lower-case phrase.
pub(crate) fn petrarch_plural(p: &str) -> String {
    if let Some(stem) = p.strip_suffix('y') {
        format!("{stem}ies")
    } else if p.ends_with('s') {
        format!("{p}es")
    } else {
        format!("{p}s")
    }
}

pub(crate) fn origin(file: &Arc<str>, line: u32) -> Origin {
    Origin { file: file.clone(), line }
}

pub(crate) fn error(b: &mut Builder, file: &Arc<str>, line: u32, msg: impl Into<String>) {
    b.diags.push(Diagnostic { severity: Severity::Error, origin: origin(file, line), message: msg.into() });
}

pub(crate) fn warning(b: &mut Builder, file: &Arc<str>, line: u32, msg: impl Into<String>) {
    b.diags.push(Diagnostic { severity: Severity::Warning, origin: origin(file, line), message: msg.into() });
}

#[cfg(test)]
mod tests;
