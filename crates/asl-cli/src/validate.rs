//! `asl validate`: every diagnostic of a definition, as `file:line:col: severity code: message`
//! or as JSON. JSONata expressions are checked too, by the evaluator `run` uses. The FILE may
//! be a template (see `definition.rs`); a placeholder left with no value is a warning where
//! it is used.

use std::process::ExitCode;

use asl::diagnostics::{Diagnostic, Severity};
use serde_json::json;

use crate::args::{Args, Spec};
use crate::definition;
use crate::files::read_text;

const SPEC: Spec = &[("format", true), ("state-machine", true), ("sub", true), ("subs", true)];

pub fn main(argv: &[String]) -> ExitCode {
    let args = match Args::parse(argv, SPEC) {
        Ok(a) => a,
        Err(e) => return usage(&e),
    };
    let format = args.value("format").unwrap_or("text");
    if format != "text" && format != "json" {
        return usage(&format!("--format must be text or json, not '{format}'"));
    }
    let text = match read_text(&args.file, "file") {
        Ok(t) => t,
        Err(e) => return usage(&e),
    };
    let loaded = match definition::load(&args, &text) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("asl validate: {e}");
            return ExitCode::from(1);
        }
    };
    let def = &loaded.definition;
    let mut diagnostics = def.diagnostics.clone();
    diagnostics.extend(jsonata_diagnostics(loaded.value.as_ref(), def));
    diagnostics.extend(unvalued_placeholders(&loaded));
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    if format == "json" {
        let list: Vec<_> = diagnostics
            .iter()
            .map(|d| {
                let at = loaded.position(d.span);
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
            let at = loaded.position(d.span);
            let location = if d.location.is_empty() { String::new() } else { format!(" (at {})", d.location) };
            let line = format!(
                "{}:{}:{}: {} {}: {}{location}",
                loaded.label,
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
        eprintln!("{}: {errors} error(s), {warnings} warning(s)", loaded.label);
    }
    if diagnostics.iter().any(|d| d.is_error()) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn usage(message: &str) -> ExitCode {
    eprintln!(
        "asl validate: {message}\nusage: asl validate FILE [--format text|json] [--state-machine ID] [--sub KEY=VALUE]... [--subs FILE]"
    );
    ExitCode::from(2)
}

/// A warning where each placeholder with no value is used: it runs as the text `${name}`.
fn unvalued_placeholders(loaded: &definition::Loaded) -> Vec<Diagnostic> {
    let spans = &loaded.definition.spans;
    loaded
        .unvalued()
        .flat_map(|p| {
            p.uses.iter().map(move |pointer| Diagnostic {
                severity: Severity::Warning,
                code: "PLACEHOLDER_WITHOUT_VALUE",
                message: format!(
                    "${{{}}} has no value: give it with --sub {}=VALUE (or in --subs FILE)",
                    p.name, p.name
                ),
                location: pointer.clone(),
                span: spans.locate(pointer),
            })
        })
        .collect()
}

/// The JSONata expressions that do not parse, checked by the reference implementation (the one
/// `run` evaluates with), each at the string that holds it.
fn jsonata_diagnostics(value: Option<&serde_json::Value>, def: &asl::Definition) -> Vec<Diagnostic> {
    let (Some(machine), Some(value)) = (&def.machine, value) else {
        return Vec::new();
    };
    let sites = asl::model::jsonata_sites(value, machine);
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
