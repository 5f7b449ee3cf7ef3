//! `--watch`: the files a run read, polled for changes (their modification time and size,
//! every 300 ms: no dependency, and fine for a handful of files); a folder stands for every
//! file below it, so a mock added to the mocks folder counts.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

pub const POLL: Duration = Duration::from_millis(300);

/// What the watched files looked like: each file's path, modification time and size (none when
/// it does not exist).
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot(Vec<(PathBuf, Option<(SystemTime, u64)>)>);

impl Snapshot {
    pub fn take(paths: &[PathBuf]) -> Snapshot {
        let mut files = Vec::new();
        for p in paths {
            collect(p, &mut files, 0);
        }
        files.sort();
        files.dedup();
        Snapshot(files.into_iter().map(|f| (f.clone(), stamp(&f))).collect())
    }

    /// The first file that differs between two snapshots (changed, added or removed).
    pub fn changed(&self, now: &Snapshot) -> Option<PathBuf> {
        for (path, stamp) in &now.0 {
            if self.0.iter().find(|(p, _)| p == path).map(|(_, s)| s) != Some(stamp) {
                return Some(path.clone());
            }
        }
        self.0.iter().find(|(p, _)| !now.0.iter().any(|(q, _)| q == p)).map(|(p, _)| p.clone())
    }
}

/// `path` itself, or every file below it when it is a folder (to a sane depth).
fn collect(path: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    match std::fs::read_dir(path) {
        Ok(entries) if depth < 8 => {
            for e in entries.filter_map(Result::ok) {
                collect(&e.path(), out, depth + 1);
            }
        }
        _ => out.push(path.to_path_buf()),
    }
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
