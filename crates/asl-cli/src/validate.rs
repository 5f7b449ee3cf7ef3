//! `asl validate`: every diagnostic of a definition, as `file:line:col: severity code: message`
//! or as JSON.

use std::process::ExitCode;

use asl::span::LineIndex;
use serde_json::json;

use crate::args::Args;
use crate::files::read_text;

pub fn main(argv: &[String]) -> ExitCode {
    let args = match Args::parse(argv, &[("format", true)]) {
        Ok(a) => a,
        Err(e) => return usage(&e),
    };
    let format = args.value("format").unwrap_or("text");
    if format != "text" && format != "json" {
        return usage(&format!("--format must be text or json, not '{format}'"));
    }
    let text = match read_text(&args.file, "definition") {
        Ok(t) => t,
        Err(e) => return usage(&e),
    };
    let def = asl::load(&text);
    let index = LineIndex::new(&text);
    let mut diagnostics = def.diagnostics.clone();
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    if format == "json" {
        let list: Vec<_> = diagnostics
            .iter()
            .map(|d| {
                let at = d.position(&index);
                json!({
                    "severity": d.severity.as_str(),
                    "code": d.code,
                    "message": d.message,
                    "location": d.location,
                    "line": at.line,
                    "column": at.column,
                })
            })
            .collect();
        let result = if def.has_errors() { "FAIL" } else { "OK" };
        let out = json!({ "result": result, "diagnostics": list });
        crate::files::print_out(&serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        for d in &diagnostics {
            let at = d.position(&index);
            let location = if d.location.is_empty() { String::new() } else { format!(" (at {})", d.location) };
            let line = format!(
                "{}:{}:{}: {} {}: {}{location}",
                args.file,
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            );
            crate::files::print_out(&line);
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        eprintln!("{}: {errors} error(s), {warnings} warning(s)", args.file);
    }
    if def.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("asl validate: {message}\nusage: asl validate FILE [--format text|json]");
    ExitCode::from(2)
}
