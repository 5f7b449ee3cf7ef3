//! Generates the playground's tables of examples and of lessons from the `examples/` and
//! `lessons/` folders, so that adding one is adding a folder (and its name to the folder's
//! `index.json`, which sets the order). An example's folder holds `about.md` (its first line `# Title`), `definition.asl.json`,
//! `input.json`, optional `inputs/<name>.json` and `mocks/<key>.js` (a `.` in the key's file
//! name stands for `:`, as `sns.publish.js` mocks `sns:publish`), and optional `s3/<bucket>/<key>`:
//! the S3 objects its workspace starts with (as `asl run --s3` reads a folder), and optional
//! `tests.yaml`, its test suite. A lesson's folder is laid out the same, with `lesson.md` for
//! `about.md`, plus `lesson.json` (its task and hints) and `checks.yaml` (the suite that checks
//! the learner's work).
//!
//! The table holds each example's title and the paths of its files; the files themselves are
//! served beside the app (Trunk copies `examples/` and `lessons/`) and fetched when an example is opened, so
//! they stay out of the wasm.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut out = String::from("pub const EXAMPLES: &[Example] = &[\n");
    for id in ordered(&manifest, "examples") {
        example(&mut out, &id, &manifest.join("examples").join(&id), "about.md");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("examples.rs");
    fs::write(dest, out).unwrap();

    // The Learn path's lessons: each a workspace as an example is, with its task and hints
    // (`lesson.json`) and its checks (`checks.yaml`, a test suite).
    let mut out = String::from("pub const LESSONS: &[Lesson] = &[\n");
    for id in ordered(&manifest, "lessons") {
        let dir = manifest.join("lessons").join(&id);
        for p in ["lesson.json", "checks.yaml"] {
            assert!(dir.join(p).is_file(), "lessons/{id} has no {p}");
            println!("cargo:rerun-if-changed={}", dir.join(p).display());
        }
        out.push_str("    Lesson {\n        workspace: ");
        example(&mut out, &id, &dir, "lesson.md");
        writeln!(out, "        meta: {:?},", format!("lessons/{id}/lesson.json")).unwrap();
        writeln!(out, "        checks: {:?},", format!("lessons/{id}/checks.yaml")).unwrap();
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("lessons.rs");
    fs::write(dest, out).unwrap();
}

/// The folders under `kind/` (examples, lessons) in the order its `index.json` gives, every
/// folder listed.
fn ordered(manifest: &Path, kind: &str) -> Vec<String> {
    let root = manifest.join(kind);
    println!("cargo:rerun-if-changed={}", root.display());
    let index = root.join("index.json");
    let order: Vec<String> = serde_json::from_str(&read(&index)).unwrap_or_else(|e| panic!("{}: {e}", index.display()));
    let mut folders: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    for f in &folders {
        assert!(order.contains(f), "{kind}/{f} is missing from {kind}/index.json");
    }
    for id in &order {
        assert!(root.join(id).is_dir(), "{kind}/index.json names '{id}', which is not a folder under {kind}/");
    }
    order
}

/// An `Example` (a workspace's files) for the folder `dir`, whose explanation is `about`.
fn example(out: &mut String, id: &str, dir: &Path, about_file: &str) {
    let kind = dir.parent().and_then(Path::file_name).map(|k| k.to_string_lossy().into_owned()).unwrap_or_default();
    let about = read(&dir.join(about_file));
    let first = about.lines().next().unwrap_or_default();
    let title =
        first.strip_prefix("# ").unwrap_or_else(|| panic!("{kind}/{id}/{about_file} must start with '# Title'"));
    for p in [about_file, "definition.asl.json", "input.json"] {
        println!("cargo:rerun-if-changed={}", dir.join(p).display());
    }
    writeln!(out, "    Example {{").unwrap();
    writeln!(out, "        id: {id:?},").unwrap();
    writeln!(out, "        title: {:?},", title.trim()).unwrap();
    writeln!(out, "        about: {:?},", format!("{kind}/{id}/{about_file}")).unwrap();
    writeln!(out, "        definition: {:?},", format!("{kind}/{id}/definition.asl.json")).unwrap();
    // The default input first: under its name when `inputs/` holds the same text.
    let default = read(&dir.join("input.json"));
    let mut inputs = files(&dir.join("inputs"), "json");
    let position = inputs.iter().position(|(_, p)| read(p) == default);
    let first = match position {
        Some(i) => inputs.remove(i),
        None => ("default".to_string(), dir.join("input.json")),
    };
    writeln!(out, "        inputs: &[").unwrap();
    for (name, p) in std::iter::once(first).chain(inputs) {
        writeln!(out, "            ({name:?}, {:?}),", url(&root_of(dir), &p)).unwrap();
    }
    writeln!(out, "        ],").unwrap();
    writeln!(out, "        mocks: &[").unwrap();
    for (name, p) in files(&dir.join("mocks"), "js") {
        writeln!(out, "            ({:?}, {:?}),", name.replace('.', ":"), url(&root_of(dir), &p)).unwrap();
    }
    writeln!(out, "        ],").unwrap();
    writeln!(out, "        s3: &[").unwrap();
    let s3 = dir.join("s3");
    let mut objects = Vec::new();
    all_files(&s3, &mut objects);
    objects.sort();
    for p in objects {
        writeln!(out, "            ({:?}, {:?}),", url(&s3, &p), url(&root_of(dir), &p)).unwrap();
    }
    writeln!(out, "        ],").unwrap();
    let tests = dir.join("tests.yaml");
    println!("cargo:rerun-if-changed={}", tests.display());
    let tests = tests.is_file().then(|| url(&root_of(dir), &tests));
    writeln!(out, "        tests: {tests:?},").unwrap();
    writeln!(out, "    }},").unwrap();
}

/// Every file under `dir`, at any depth.
fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = fs::read_dir(dir) else { return };
    for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The files with extension `ext` in `dir`, by name (without the extension), sorted.
fn files(dir: &Path, ext: &str) -> Vec<(String, PathBuf)> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The folder that holds `examples/` (or `lessons/`).
fn root_of(example_dir: &Path) -> PathBuf {
    example_dir.parent().and_then(Path::parent).expect("examples/<id> has a parent").to_path_buf()
}

/// A file's URL relative to the page: its path under the repository, with `/`.
fn url(root: &Path, p: &Path) -> String {
    let relative = p.strip_prefix(root).expect("the file is under the repository");
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}
