//! The files of a folder, recursively, in name order (so that two runs over the same
//! folder read the same documents in the same order: what resuming needs).

use std::path::{Path, PathBuf};

/// The regular files under `dir`, sorted by path; hidden files and folders (`.git`) are
/// left out. Folders that cannot be listed are returned as messages.
pub fn files(dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("cannot list folder {}: {e}", d.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            let hidden = entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let path = entry.path();
            // follows symbolic links, as a user who links an archive in expects
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    (out, problems)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_recursive_without_hidden() {
        let dir = std::env::temp_dir().join(format!("attache-walk-{}", std::process::id()));
        for f in ["b.txt", "a/z.html", "a/c.txt", ".hidden/x.txt", ".y.txt"] {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let (files, problems) = super::files(&dir);
        let names: Vec<String> =
            files.iter().map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a/c.txt", "a/z.html", "b.txt"]);
        assert!(problems.is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }
}
