//! `asl run`: runs a state machine to its end with mocked tasks and prints the result and the
//! history as JSON.

use std::process::ExitCode;
use std::sync::Arc;

use asl::exec::{Execution, ExecutionType, Options, Status};
use serde_json::{Map, Value, json};

use crate::report::Report;

use crate::args::{Args, Spec};
use crate::files::{json_arg, read_json, read_text};
use crate::mocks::Answerer;
use asl::host::PersonTasks;

const SPEC: Spec = &[
    ("input", true),
    ("context", true),
    ("mock-config", true),
    ("test-case", true),
    ("mocks", true),
    ("type", true),
    ("seed", true),
    ("mock-timeout", true),
    ("data-flow", false),
    ("output-only", false),
    ("pretty", false),
    ("s3", true),
    ("state-machine", true),
    ("sub", true),
    ("subs", true),
];

pub fn main(argv: &[String]) -> ExitCode {
    match run(argv) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("asl run: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(argv, SPEC)?;
    let text = read_text(&args.file, "file")?;
    let loaded = crate::definition::load(&args, &text)?;
    if loaded.definition.has_errors() {
        return Err(format!("the definition is not valid:\n{}", loaded.error_lines().join("\n")));
    }
    for p in loaded.unvalued() {
        eprintln!("asl run: ${{{}}} has no value and runs as that text: give it with --sub {}=VALUE", p.name, p.name);
    }
    let def = loaded.definition;
    let machine = def.machine.ok_or("the definition holds no state machine")?;
    let input = match args.value("input") {
        Some(arg) => json_arg(arg, "input")?,
        None => Value::Object(Map::new()),
    };
    let mut options = Options::default();
    // A template's state machine is named after its logical id, unless the context says.
    if let Some(id) = &loaded.logical_id {
        options.state_machine_name = id.clone();
    }
    if let Some(path) = args.value("context") {
        let context = read_json(path, "context file")?;
        if !context.is_object() {
            return Err(format!(
                "the context file '{path}' must hold a JSON object like {{\"Execution\": {{\"Name\": \"...\"}}}}"
            ));
        }
        if let Some(name) = context.pointer("/StateMachine/Name").and_then(Value::as_str) {
            options.state_machine_name = name.to_string();
        }
        if let Some(name) = context.pointer("/Execution/Name").and_then(Value::as_str) {
            options.execution_name = Some(name.to_string());
        }
        options.context_overrides = Some(context);
    }
    options.execution_type = match args.value("type").unwrap_or("STANDARD") {
        "STANDARD" | "standard" => ExecutionType::Standard,
        "EXPRESS" | "express" => ExecutionType::Express,
        other => return Err(format!("--type must be STANDARD or EXPRESS, not '{other}'")),
    };
    if let Some(seed) = args.value("seed") {
        options.seed = seed.parse().map_err(|_| format!("--seed must be a whole number, not '{seed}'"))?;
    }
    options.record_data_flow = args.flag("data-flow");
    if let Some(dir) = args.value("s3") {
        options.s3 = Some(crate::s3_dir::load(dir)?);
    }
    let mock_timeout_ms = match args.value("mock-timeout") {
        Some(ms) => ms.parse().map_err(|_| format!("--mock-timeout must be milliseconds, not '{ms}'"))?,
        None => 5_000,
    };
    let mut answerer = Answerer::new(
        &options.state_machine_name,
        args.value("mock-config"),
        args.value("test-case"),
        args.value("mocks"),
        mock_timeout_ms,
    )?;

    let mut exec = Execution::start(Arc::new(machine), input, options).map_err(|e| e.message)?;
    let mut person = PersonTasks::default();
    let mut jsonata = asl_cli::jsonata::LazyJsonata::new(mock_timeout_ms);
    asl::host::run_until_person(&mut exec, &mut person, |req| answerer.answer(req), &mut jsonata);
    for note in answerer.notes() {
        eprintln!("asl run: {note}");
    }

    let mut report = Report::of(&exec);
    let code = match exec.outcome() {
        Some(outcome) if outcome.status == Status::Succeeded => ExitCode::SUCCESS,
        Some(_) => ExitCode::from(2),
        None => {
            eprintln!("asl run: the execution is still running: it waits for a callback that no mock sends");
            report.waiting = Some(waiting(&exec, &person));
            ExitCode::from(2)
        }
    };
    if args.flag("output-only") {
        report.history = None;
    }
    if args.flag("data-flow") {
        report.data_flow = Some(exec.visits());
    }
    if let (Some(dir), Some(s3)) = (args.value("s3"), exec.s3()) {
        crate::s3_dir::save(dir, s3)?;
        report.written = Some(s3);
    }
    report.print(args.flag("pretty"));
    Ok(code)
}

/// The callback tasks the execution waits on: their state, token, what was sent and the next
/// deadline, so a person can see what is missing.
fn waiting(exec: &Execution, person: &PersonTasks) -> Value {
    let tasks = person.waiting().iter().map(|r| {
        let deadline = exec.task_deadlines(r.id).into_iter().next();
        json!({
            "stateName": r.state_name,
            "resource": r.resource,
            "taskToken": r.task_token,
            "input": r.input,
            "deadline": deadline.map(|d| json!({
                "kind": d.kind,
                "timestamp": asl::timestamp::format_millis(d.at),
            })),
        })
    });
    Value::Array(tasks.collect())
}
