//! `--s3 DIR`: a folder that stands for S3, one sub-folder per bucket and one file per object
//! (a key's `/` are sub-folders). Read before the run, and what the run wrote is written back.

use std::path::{Path, PathBuf};

use asl::s3::VirtualS3;

/// More than this in the folder is refused: the whole virtual S3 is held in memory.
const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// Reads the folder. Objects are dated at the Unix epoch: the folder's own times would make
/// runs differ from machine to machine.
pub fn load(dir: &str) -> Result<VirtualS3, String> {
    let root = Path::new(dir);
    let meta = std::fs::metadata(root).map_err(|e| format!("cannot read the S3 folder '{dir}': {e}"))?;
    if !meta.is_dir() {
        return Err(format!("the S3 folder '{dir}' is not a folder: give a folder with one sub-folder per bucket"));
    }
    let mut s3 = VirtualS3::new();
    let mut total = 0u64;
    for bucket in sorted_entries(root)? {
        let name = file_name(&bucket)?;
        if !bucket.is_dir() {
            return Err(format!(
                "'{}' is a file at the top of the S3 folder: each entry there is a bucket, a folder holding its objects",
                bucket.display()
            ));
        }
        s3.create_bucket(&name);
        let mut files = Vec::new();
        collect_files(&bucket, &mut files)?;
        for file in files {
            let key = key_of(&bucket, &file)?;
            let body =
                std::fs::read(&file).map_err(|e| format!("cannot read the S3 object '{}': {e}", file.display()))?;
            total += body.len() as u64;
            if total > MAX_TOTAL_BYTES {
                return Err(format!("the S3 folder '{dir}' holds more than 1 GiB, more than asl run keeps in memory"));
            }
            s3.insert(&name, &key, body, 0, false);
        }
    }
    Ok(s3)
}

/// Writes back the objects the run wrote.
pub fn save(dir: &str, s3: &VirtualS3) -> Result<(), String> {
    for (bucket, key, object) in s3.written() {
        let path = Path::new(dir).join(bucket).join(key);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot write '{}': {e}", parent.display()))?;
        }
        std::fs::write(&path, &object.body).map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
    }
    Ok(())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("cannot read the folder '{}': {e}", dir.display()))?;
    let mut entries = Vec::new();
    for entry in read {
        entries.push(entry.map_err(|e| format!("cannot read the folder '{}': {e}", dir.display()))?.path());
    }
    entries.sort();
    Ok(entries)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for path in sorted_entries(dir)? {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("'{}' is not a name S3 can hold (it is not UTF-8)", path.display()))
}

/// The object key of `file` in `bucket`: its path below the bucket's folder, with `/`.
fn key_of(bucket: &Path, file: &Path) -> Result<String, String> {
    let relative = file.strip_prefix(bucket).map_err(|_| format!("'{}' is outside its bucket", file.display()))?;
    let parts: Option<Vec<&str>> = relative.components().map(|c| c.as_os_str().to_str()).collect();
    parts
        .map(|p| p.join("/"))
        .ok_or_else(|| format!("'{}' is not a name S3 can hold (it is not UTF-8)", file.display()))
}
