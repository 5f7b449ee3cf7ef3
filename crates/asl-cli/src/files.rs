//! Reading the files and JSON arguments the commands take, with messages that say what and
//! where when they are wrong.

use serde_json::Value;

/// Reads a text file, or says why it cannot.
pub fn read_text(path: &str, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read the {what} '{path}': {e}"))
}

/// Parses JSON text, locating the error by line and column.
pub fn parse_json(text: &str, what: &str) -> Result<Value, String> {
    serde_json::from_str(text)
        .map_err(|e| format!("the {what} is not valid JSON: {} at line {}, column {}", plain(&e), e.line(), e.column()))
}

/// A JSON file.
pub fn read_json(path: &str, what: &str) -> Result<Value, String> {
    let text = read_text(path, what)?;
    parse_json(&text, &format!("{what} '{path}'"))
}

/// `--input`: a file when one exists at that path, otherwise JSON text.
pub fn json_arg(arg: &str, what: &str) -> Result<Value, String> {
    if std::path::Path::new(arg).is_file() {
        read_json(arg, what)
    } else if looks_like_path(arg) && serde_json::from_str::<Value>(arg).is_err() {
        Err(format!("there is no {what} file '{arg}' (and '{arg}' is not JSON text either)"))
    } else {
        parse_json(arg, what)
    }
}

fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".json") || arg.contains('/')
}

/// serde_json's message without its own " at line X column Y" suffix.
fn plain(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Writes to stdout; a closed pipe (`asl run ... | head`) ends the output quietly instead of
/// panicking.
pub fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush());
}
