//! `asl replay`: runs a definition again against an execution recorded in AWS. Every task is
//! answered as AWS answered it (a MockConfigFile test case made from the history), and the
//! run is compared with the recording event by event (types, states, a failure's error): the
//! command prints the first event that differs, or that the run is the same, and then where
//! the data differs, if it does.

use std::process::ExitCode;
use std::sync::Arc;

use asl::exec::{Execution, Options};
use asl::host::PersonTasks;
use asl::mock_config::MockConfig;
use asl::recorded::{self, Recorded};
use serde_json::{Value, json};

use crate::args::{Args, Spec};
use crate::files::{json_arg, read_json, read_text};
use crate::mocks::Answerer;

const SPEC: Spec = &[
    ("definition", true),
    ("input", true),
    ("context", true),
    ("format", true),
    ("mock-timeout", true),
    ("s3", true),
    ("state-machine", true),
    ("sub", true),
    ("subs", true),
];

/// Exit codes: the run is the same, it departs, it cannot start.
const SAME: u8 = 0;
const DEPARTS: u8 = 3;
const CANNOT_START: u8 = 1;

pub fn main(argv: &[String]) -> ExitCode {
    match replay(argv) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("asl replay: {message}");
            ExitCode::from(CANNOT_START)
        }
    }
}

fn replay(argv: &[String]) -> Result<u8, String> {
    let args = Args::parse(argv, SPEC)?;
    let format = args.value("format").unwrap_or("text");
    if format != "text" && format != "json" {
        return Err(format!("--format must be text or json, not '{format}'"));
    }
    let recorded = recorded::read(&read_text(&args.file, "history")?).map_err(|e| format!("{}: {e}", args.file))?;
    let machine = definition(&args, &recorded)?;

    let missing: Vec<&str> =
        recorded.state_names().into_iter().filter(|name| !machine.all_states().any(|s| &*s.name == *name)).collect();
    if !missing.is_empty() {
        eprintln!("asl replay: the history names states the definition does not have: {}", missing.join(", "));
    }
    let input = match args.value("input") {
        Some(arg) => json_arg(arg, "input")?,
        None => recorded.input.clone().unwrap_or_else(|| {
            eprintln!("asl replay: the history holds no input (read without its data): the run starts with {{}}");
            json!({})
        }),
    };
    if !recorded.has_data {
        eprintln!("asl replay: the history holds no data: tasks answer null, and outputs are not compared");
    }

    let mut options = Options::default();
    if let Some(name) = &recorded.state_machine_name {
        options.state_machine_name = name.clone();
    }
    options.execution_name = recorded.execution_name.clone();
    if let Some(start) = recorded.events.first().and_then(|e| e.millis) {
        options.start_time = start;
    }
    if let Some(path) = args.value("context") {
        let context = read_json(path, "context file")?;
        if let Some(name) = context.pointer("/StateMachine/Name").and_then(Value::as_str) {
            options.state_machine_name = name.to_string();
        }
        if let Some(name) = context.pointer("/Execution/Name").and_then(Value::as_str) {
            options.execution_name = Some(name.to_string());
        }
        options.context_overrides = Some(context);
    }
    if let Some(dir) = args.value("s3") {
        options.s3 = Some(crate::s3_dir::load(dir)?);
    }
    let config = recorded::mock_config(&recorded, &options.state_machine_name);
    let config = MockConfig::from_value(&config)?;
    let mut answerer = Answerer::from_config(&options.state_machine_name, config, recorded::TEST_CASE)?;
    let timeout = match args.value("mock-timeout") {
        Some(ms) => ms.parse().map_err(|_| format!("--mock-timeout must be milliseconds, not '{ms}'"))?,
        None => 5_000,
    };

    let mut exec = Execution::start(Arc::new(machine), input, options).map_err(|e| e.message)?;
    let mut person = PersonTasks::default();
    let mut jsonata = asl_cli::jsonata::LazyJsonata::new(timeout);
    asl::host::run_until_person(&mut exec, &mut person, |req| answerer.answer(req), &mut jsonata);

    let history = serde_json::to_string(&json!({ "events": exec.history() })).map_err(|e| e.to_string())?;
    let ran = recorded::read(&history)?;
    let divergence = recorded::first_divergence(&recorded.events, &ran.events);
    let data = if recorded.has_data && divergence.is_none() {
        recorded::data_differences(&recorded.events, &ran.events)
    } else {
        Vec::new()
    };
    report(format, &recorded, &ran, divergence.as_ref(), &data);
    Ok(if divergence.is_some() { DEPARTS } else { SAME })
}

/// The definition to run: `--definition FILE` (a definition or a template), else the one the
/// history carries (describe-state-machine-for-execution's).
fn definition(args: &Args, recorded: &Recorded) -> Result<asl::model::StateMachine, String> {
    let (label, loaded) = match (args.value("definition"), &recorded.definition) {
        (Some(path), _) => {
            (path.to_string(), crate::definition::load_file(path, &read_text(path, "definition")?, args)?)
        }
        (None, Some(text)) => (
            "the history's definition".to_string(),
            crate::definition::load_file("the history's definition", text, args)?,
        ),
        (None, None) => {
            return Err(
                "the history holds no definition: give it with --definition FILE (or paste describe-state-machine-for-execution's output with the history)"
                    .into(),
            );
        }
    };
    if loaded.definition.has_errors() {
        let first = loaded.definition.diagnostics.iter().find(|d| d.is_error()).expect("an error");
        let at = loaded.position(first.span);
        return Err(format!("{label}:{}:{}: the definition is not valid: {}", at.line, at.column, first.message));
    }
    loaded.definition.machine.ok_or_else(|| format!("{label} holds no state machine"))
}

fn report(
    format: &str,
    recorded: &Recorded,
    ran: &Recorded,
    divergence: Option<&recorded::Divergence>,
    data: &[(usize, String)],
) {
    let ending = |r: &Recorded| r.ending().map(|e| e.kind.clone()).unwrap_or_else(|| "still running".into());
    if format == "json" {
        let summary = |e: &Option<recorded::EventSummary>| {
            e.as_ref().map(|e| json!({ "id": e.id, "type": e.kind, "state": e.state }))
        };
        let out = json!({
            "same": divergence.is_none(),
            "recorded": { "events": recorded.events.len(), "ending": ending(recorded) },
            "run": { "events": ran.events.len(), "ending": ending(ran) },
            "divergence": divergence.map(|d| json!({
                "index": d.index,
                "recorded": summary(&d.recorded),
                "run": summary(&d.ran),
                "why": d.why,
            })),
            "dataDifferences": data.iter().map(|(i, what)| json!({ "index": i, "what": what })).collect::<Vec<_>>(),
        });
        crate::files::print_out(&serde_json::to_string_pretty(&out).unwrap_or_default());
        return;
    }
    match divergence {
        None => {
            crate::files::print_out(&format!(
                "the run is the same as the recording: {} events, {}",
                ran.events.len(),
                ending(ran)
            ));
            // Values no run gives again (random numbers, request ids) differ too: said, apart.
            for (_, what) in data.iter().take(5) {
                crate::files::print_out(&format!("  the data differs at {what}"));
            }
        }
        Some(d) => {
            let show = |e: &Option<recorded::EventSummary>| e.as_ref().map_or("nothing".to_string(), |e| e.to_string());
            crate::files::print_out(&format!(
                "the run departs from the recording at event {}: {}\n  recorded: {}\n  run:      {}\n(recorded {} events, {}; the run {} events, {})",
                d.index + 1,
                d.why,
                show(&d.recorded),
                show(&d.ran),
                recorded.events.len(),
                ending(recorded),
                ran.events.len(),
                ending(ran)
            ));
        }
    }
}
