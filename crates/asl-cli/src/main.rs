//! `asl`: validate and run Amazon States Language state machines from the command line, with
//! the same engine as the playground.
//!
//! ```text
//! asl validate FILE [--format text|json] [CHOICE]
//! asl run FILE --input JSON|FILE [--context FILE] [--mock-config FILE --test-case NAME]
//!              [--mocks DIR|FILE] [--type STANDARD|EXPRESS] [--seed N] [--data-flow]
//!              [--s3 DIR] [--output-only] [--pretty] [--mock-timeout MS] [CHOICE]
//! asl replay HISTORY [--definition FILE] [--input JSON|FILE] [--context FILE]
//!              [--format text|json] [CHOICE]
//! asl test-state --input-json FILE|-
//! asl test SUITE [--definition FILE] [--junit FILE] [--coverage] [--coverage-json FILE]
//!              [--watch] [--mock-timeout MS] [--state-machine NAME]
//! CHOICE:      [--state-machine ID] [--sub KEY=VALUE]... [--subs FILE]
//! ```
//!
//! FILE is a definition (JSON or YAML) or a SAM or CloudFormation template.

mod args;
mod definition;
mod files;
mod mocks;
mod replay;
mod report;
mod run;
mod s3_dir;
mod test;
mod test_state;
mod validate;

use std::process::ExitCode;

// The executor allocates many small values; mimalloc serves them faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
usage:
  asl validate FILE [--format text|json] [CHOICE]
  asl run FILE --input JSON|FILE [--context FILE] [--mock-config FILE --test-case NAME]
               [--mocks DIR|FILE] [--type STANDARD|EXPRESS] [--seed N] [--data-flow]
               [--s3 DIR] [--output-only] [--pretty] [--mock-timeout MS] [CHOICE]
  asl replay HISTORY [--definition FILE] [--input JSON|FILE] [--context FILE]
               [--format text|json] [CHOICE]
  asl test-state --input-json FILE|-
  asl test SUITE [--definition FILE] [--junit FILE] [--coverage] [--coverage-json FILE]
               [--watch] [--mock-timeout MS] [--state-machine NAME]
  CHOICE:      [--state-machine ID] [--sub KEY=VALUE]... [--subs FILE]

FILE is a state machine definition (JSON or YAML) or a SAM or CloudFormation template (JSON
or YAML). --state-machine names the template's state machine when it has several; its
placeholders (${...}, Ref, Fn::GetAtt) are valued from DefinitionSubstitutions and the template,
then from --subs FILE (a JSON or YAML object), then from each --sub.

validate exits 0 when the definition has no ERROR, 1 when it has, 2 on usage errors.
run prints {\"status\", \"output\" | \"error\", \"cause\", \"history\"} (--output-only leaves the
history out; --s3 DIR adds \"s3Written\", and writes those objects to DIR; indented at a terminal
or with --pretty, compact otherwise) and exits 0 when the
execution succeeded, 2 when it failed, timed out or was aborted, 1 when it could not start.
replay runs the definition (--definition, or the one the history carries) again with every task
answered as the history (get-execution-history's output) records, prints the first event where
the run departs from the recording, and exits 0 when it does not, 3 when it does, 1 when it
could not start.
test-state answers a TestState API request (FILE, or - for stdin, holds it as the API takes it)
with the API's response (exit 0), or with {\"exception\": {\"Code\", \"Message\"}} where AWS
refuses the request (exit 1).
test runs a test suite (YAML or JSON: cases with inputs, mocks and expectations; see
docs/test-suites.md), or a MockConfigFile's test cases for --definition (--state-machine names
its state machine when it has several), and prints a line per case and each failed expectation
with its line; --coverage prints what the cases exercised, --coverage-json FILE writes it,
--junit FILE writes JUnit XML, --watch runs again when a file it read changes, --definition
replaces the suite's definition. It exits 0 when every case passes, 1 when one fails, 2 when the
suite cannot run (SUITE:LINE:COL: what is wrong).";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match argv.first().map(String::as_str) {
        Some("validate") => validate::main(&argv[1..]),
        Some("run") => run::main(&argv[1..]),
        Some("replay") => replay::main(&argv[1..]),
        Some("test-state") => test_state::main(&argv[1..]),
        Some("test") => test::main(&argv[1..]),
        Some("-h" | "--help" | "help") => {
            files::print_out(USAGE);
            ExitCode::SUCCESS
        }
        Some("-V" | "--version") => {
            files::print_out(concat!("asl ", env!("CARGO_PKG_VERSION")));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("asl: unknown command '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
