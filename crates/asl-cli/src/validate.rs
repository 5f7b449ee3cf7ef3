//! `asl validate`: every diagnostic of a definition, as `file:line:col: severity code: message`
//! or as JSON. JSONata expressions are checked too, by the evaluator `run` uses.

use std::process::ExitCode;

use asl::diagnostics::{Diagnostic, Severity};
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
    diagnostics.extend(jsonata_diagnostics(&text, &def));
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
        let result = if diagnostics.iter().any(|d| d.is_error()) { "FAIL" } else { "OK" };
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
    if diagnostics.iter().any(|d| d.is_error()) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("asl validate: {message}\nusage: asl validate FILE [--format text|json]");
    ExitCode::from(2)
}

/// The JSONata expressions that do not parse, checked by the reference implementation (the one
/// `run` evaluates with), each at the string that holds it.
fn jsonata_diagnostics(text: &str, def: &asl::Definition) -> Vec<Diagnostic> {
    let (Some(machine), Ok(value)) = (&def.machine, serde_json::from_str::<serde_json::Value>(text)) else {
        return Vec::new();
    };
    let sites = asl::model::jsonata_sites(&value, machine);
    if sites.is_empty() {
        return Vec::new();
    }
    let mut jsonata = match asl_cli::jsonata::Jsonata::new(5_000) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("asl validate: JSONata expressions not checked: {e}");
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for site in sites {
        let Some(error) = jsonata.check(&site.expression) else { continue };
        let text = |k: &str| error.get(k).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
        let at = error.get("position").and_then(serde_json::Value::as_u64);
        let position = at.map(|p| format!(" (at character {p} of the expression)")).unwrap_or_default();
        let span = def.spans.get(&site.pointer).map(|n| n.value).unwrap_or_else(|| def.spans.locate(&site.pointer));
        out.push(Diagnostic {
            severity: Severity::Error,
            code: "SCHEMA_VALIDATION_FAILED",
            message: format!(
                "The JSONata expression '{}' is not valid: {} [{}]{position}",
                site.expression,
                text("message"),
                text("code")
            ),
            location: site.pointer,
            span,
        });
    }
    out
}
