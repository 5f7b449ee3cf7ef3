//! `asl test SUITE`: runs a test suite (a suite file, or a MockConfigFile's test cases) and
//! says which cases pass, which expectations fail and why; `--coverage` adds what the cases
//! exercised of the state machine, `--junit` writes JUnit XML for CI, `--watch` runs again
//! whenever a file the suite read changes. Exit 0 when every case passes, 1 when one fails, 2
//! when the suite cannot run (with `SUITE:LINE:COL: message`).

mod junit;
mod load;
mod print;
mod run_case;
mod watch;

use std::process::ExitCode;

use asl::suite::Coverage;

use crate::args::{Args, Spec};
use crate::files::print_out;

const SPEC: Spec = &[
    ("definition", true),
    ("junit", true),
    ("coverage", false),
    ("coverage-json", true),
    ("watch", false),
    ("mock-timeout", true),
    ("state-machine", true),
];

pub fn main(argv: &[String]) -> ExitCode {
    let args = match Args::parse(argv, SPEC) {
        Ok(a) => a,
        Err(e) => {
            // The parser's own words name a definition FILE; here the file is a suite.
            let e = if e.starts_with("a FILE") {
                "a SUITE (a test suite, or a MockConfigFile) is required".into()
            } else {
                e
            };
            eprintln!("asl test: {e}");
            return ExitCode::from(2);
        }
    };
    if !args.flag("watch") {
        return ExitCode::from(once(&args).0);
    }
    loop {
        let (_, watched) = once(&args);
        let before = watch::Snapshot::take(&watched);
        let changed = loop {
            std::thread::sleep(watch::POLL);
            if let Some(path) = before.changed(&watch::Snapshot::take(&watched)) {
                break path;
            }
        };
        print_out(&format!("\n──── {} changed: running again ────\n", changed.display()));
    }
}

/// Runs the suite once: the exit code, and the files it read (for `--watch`).
fn once(args: &Args) -> (u8, Vec<std::path::PathBuf>) {
    let loaded = load::load(args);
    let p = match loaded.prepared {
        Ok(p) => p,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            if let Some(path) = args.value("junit") {
                write(path, &junit::error_report(&args.file, &errors));
            }
            return (2, loaded.watched);
        }
    };
    let mut coverage = Coverage::new(&p.machine);
    let mut jsonata = asl_cli::jsonata::LazyJsonata::new(p.timeout_ms);
    let runs: Vec<run_case::CaseRun> = p
        .suite
        .cases
        .iter()
        .zip(&p.inputs)
        .map(|(case, input)| run_case::run_case(&p, case, input, &mut jsonata, &mut coverage))
        .collect();
    print_out(&print::summary(&p.file, &runs));
    let report = coverage.report();
    if args.flag("coverage") {
        print_out(&format!("\n{}", report.text().trim_end()));
    }
    let mut code = if runs.iter().all(|r| r.result.passed) { 0 } else { 1 };
    if let Some(path) = args.value("coverage-json") {
        let json = serde_json::to_string_pretty(&report).unwrap_or_default();
        if !write(path, &json) {
            code = 2;
        }
    }
    if let Some(path) = args.value("junit")
        && !write(path, &junit::report(&p.file, &runs))
    {
        code = 2;
    }
    (code, loaded.watched)
}

/// Writes a report file, saying so when it cannot.
fn write(path: &str, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("asl test: cannot write '{path}': {e}");
            false
        }
    }
}
