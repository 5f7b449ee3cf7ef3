//! Everything a suite names, read and checked before any case runs: the suite (or a
//! MockConfigFile run as one), its definition, mocks, MockConfigFile, S3 folder and input files,
//! each path relative to the suite's file. Whatever is wrong is reported as `SUITE:LINE:COL:
//! message`, at the line that names it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use asl::exec::ExecutionType;
use asl::mock_config::MockConfig;
use asl::model::StateMachine;
use asl::s3::VirtualS3;
use asl::suite::{self, CaseInput, Mocks, Pos, Source, Suite};
use serde_json::Value;

use crate::args::Args;
use crate::files::{read_json, read_text};
use crate::mocks::{Answerer, MockSource, module_sources};

/// A suite ready to run.
pub struct Prepared {
    pub file: String,
    pub suite: Suite,
    pub machine: Arc<StateMachine>,
    /// The state machine's name: the context object's, and the MockConfigFile's entry.
    pub machine_name: String,
    pub execution_type: ExecutionType,
    pub timeout_ms: u64,
    pub modules: Vec<MockSource>,
    pub mock_config: Option<MockConfig>,
    pub s3: Option<VirtualS3>,
    /// Each case's input, in order.
    pub inputs: Vec<Value>,
}

/// What was read, to watch; and the suite, or every error found.
pub struct Loaded {
    pub prepared: Result<Prepared, Vec<String>>,
    pub watched: Vec<PathBuf>,
}

/// The default for `--mock-timeout` and `mockTimeoutMs`.
const DEFAULT_TIMEOUT_MS: u64 = 5_000;

struct Loader<'a> {
    file: &'a str,
    base: PathBuf,
    errors: Vec<String>,
    watched: Vec<PathBuf>,
}

impl Loader<'_> {
    fn error(&mut self, at: Pos, message: impl std::fmt::Display) {
        let at = if at.line == 0 { Pos { line: 1, column: 1 } } else { at };
        self.errors.push(format!("{}:{}:{}: {message}", self.file, at.line, at.column));
    }

    /// A path the suite names, relative to the suite's file; watched from now on.
    fn path(&mut self, relative: &str) -> PathBuf {
        let path = self.base.join(relative);
        self.watched.push(path.clone());
        path
    }
}

pub fn load(args: &Args) -> Loaded {
    let file = args.file.as_str();
    let base = Path::new(file).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut l = Loader { file, base, errors: Vec::new(), watched: vec![PathBuf::from(file)] };
    let prepared = prepare(&mut l, args);
    let errors = std::mem::take(&mut l.errors);
    let prepared = match prepared {
        Some(p) if errors.is_empty() => Ok(p),
        _ => Err(errors),
    };
    Loaded { prepared, watched: l.watched }
}

fn prepare(l: &mut Loader, args: &Args) -> Option<Prepared> {
    let start = Pos::default();
    let text = match read_text(l.file, "suite") {
        Ok(t) => t,
        Err(e) => {
            l.error(start, e);
            return None;
        }
    };
    let (suite, mut mock_config) = match as_mock_config(&text) {
        Some(config) => {
            let config = MockConfig::from_value(&config)
                .map_err(|e| l.error(start, format!("this MockConfigFile cannot be read: {e}")))
                .ok()?;
            let name = mock_config_machine(l, &config, args.value("state-machine"))?;
            let mut suite = suite::from_mock_config(&config, &name);
            place_test_cases(&mut suite, &text, &name);
            (suite, Some(config))
        }
        None => match suite::read(&text) {
            Ok(s) => (s, None),
            Err(errors) => {
                for e in errors {
                    l.error(Pos { line: e.line, column: e.column }, e.message);
                }
                return None;
            }
        },
    };
    if args.value("state-machine").is_some() && mock_config.is_none() {
        l.error(
            start,
            "--state-machine chooses a MockConfigFile's state machine; a suite names it with `stateMachine:`",
        );
    }
    let (machine, logical_id) = definition(l, &suite, args.value("definition"))?;
    let machine_name = suite.state_machine.clone().or(logical_id).unwrap_or_else(|| "StateMachine".to_string());
    let timeout_ms = match args.value("mock-timeout") {
        Some(ms) => match ms.parse() {
            Ok(ms) => ms,
            Err(_) => {
                l.error(start, format!("--mock-timeout must be milliseconds, not '{ms}'"));
                DEFAULT_TIMEOUT_MS
            }
        },
        None => suite.mock_timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
    };
    let modules = modules(l, &suite, timeout_ms);
    if mock_config.is_none() {
        mock_config = read_mock_config(l, &suite);
    }
    test_cases(l, &suite, mock_config.as_ref(), &machine_name);
    let s3 = suite.s3.as_ref().and_then(|dir| {
        let path = l.path(&dir.value);
        crate::s3_dir::load(&path.to_string_lossy()).map_err(|e| l.error(dir.at, e)).ok()
    });
    let inputs = suite.cases.iter().map(|c| input(l, &c.input)).collect();
    for e in suite::check_references(&suite, &machine) {
        l.error(Pos { line: e.line, column: e.column }, e.message);
    }
    Some(Prepared {
        file: l.file.to_string(),
        execution_type: suite.execution_type.unwrap_or_default(),
        suite,
        machine: Arc::new(machine),
        machine_name,
        timeout_ms,
        modules,
        mock_config,
        s3,
        inputs,
    })
}

/// The text's value when it is a MockConfigFile (it has `StateMachines` or `MockedResponses`).
fn as_mock_config(text: &str) -> Option<Value> {
    let value = asl::source::read(text).parsed.value?;
    let object = value.as_object()?;
    (object.contains_key("StateMachines") || object.contains_key("MockedResponses")).then_some(value)
}

/// Each test case of a MockConfigFile, and its expectation, at the line of its entry.
fn place_test_cases(suite: &mut Suite, text: &str, machine: &str) {
    let document = asl::source::read(text);
    let lines = asl::span::LineIndex::new(text);
    let escape = asl::json::escape_pointer_segment;
    for case in &mut suite.cases {
        let pointer = format!("/StateMachines/{}/TestCases/{}", escape(machine), escape(&case.name));
        let at = lines.line_col(document.parsed.spans.locate(&pointer).start);
        case.at = Pos { line: at.line, column: at.column };
        for e in &mut case.expect {
            e.at = case.at;
        }
    }
}

/// The state machine of a MockConfigFile whose cases run: `--state-machine`, or its only one.
fn mock_config_machine(l: &mut Loader, config: &MockConfig, chosen: Option<&str>) -> Option<String> {
    let mut names: Vec<&str> = config.cases().iter().map(|(m, _)| *m).collect();
    names.dedup();
    match (chosen, names.as_slice()) {
        (Some(name), _) if names.contains(&name) => Some(name.to_string()),
        (None, [only]) => Some(only.to_string()),
        (Some(name), _) => {
            l.error(
                Pos::default(),
                format!("this MockConfigFile has no state machine '{name}' (it has: {})", names.join(", ")),
            );
            None
        }
        (None, []) => {
            l.error(Pos::default(), "this MockConfigFile has no test cases");
            None
        }
        (None, _) => {
            l.error(
                Pos::default(),
                format!(
                    "this MockConfigFile has several state machines ({}): choose one with --state-machine NAME",
                    names.join(", ")
                ),
            );
            None
        }
    }
}

/// The machine (and a template's logical id): `--definition` (relative to the working
/// folder), else the suite's `definition:`.
fn definition(l: &mut Loader, suite: &Suite, given: Option<&str>) -> Option<(StateMachine, Option<String>)> {
    let (source, at) = match (given, &suite.definition) {
        (Some(path), _) => (Source::Path(path.to_string()), Pos::default()),
        (None, Some(d)) => (d.value.clone(), d.at),
        (None, None) => {
            l.error(Pos::default(), "the suite has no definition: give `definition:` (a path or the definition itself) or --definition FILE");
            return None;
        }
    };
    match source {
        Source::Inline(value) => {
            let d = asl::load_value(&value);
            let errors: Vec<String> = d
                .diagnostics
                .iter()
                .filter(|x| x.is_error())
                .map(|x| format!("  ERROR {} at {}: {}", x.code, x.location, x.message))
                .collect();
            if !errors.is_empty() {
                l.error(at, format!("the definition is not valid:\n{}", errors.join("\n")));
                return None;
            }
            d.machine.map(|m| (m, None))
        }
        Source::Path(path) => {
            let path = if given.is_some() {
                l.watched.push(PathBuf::from(&path));
                PathBuf::from(&path)
            } else {
                l.path(&path)
            };
            let shown = path.to_string_lossy().into_owned();
            let text = read_text(&shown, "definition").map_err(|e| l.error(at, e)).ok()?;
            let choose = Args::parse(std::slice::from_ref(&shown), &[]).ok()?;
            let loaded = crate::definition::load_file(&shown, &text, &choose).map_err(|e| l.error(at, e)).ok()?;
            let errors = loaded.error_lines();
            if !errors.is_empty() {
                l.error(at, format!("the definition '{shown}' is not valid:\n  {}", errors.join("\n  ")));
                return None;
            }
            let id = loaded.logical_id.clone();
            loaded.definition.machine.map(|m| (m, id))
        }
    }
}

/// The suite's JavaScript mocks, read and loaded once to report a module that does not load.
fn modules(l: &mut Loader, suite: &Suite, timeout_ms: u64) -> Vec<MockSource> {
    let Some(mocks) = &suite.mocks else { return Vec::new() };
    let modules = match &mocks.value {
        Mocks::Path(p) => {
            let path = l.path(p);
            match module_sources(&path) {
                Ok(m) => m,
                Err(e) => {
                    l.error(mocks.at, e.replace("--mocks: ", "mocks: "));
                    return Vec::new();
                }
            }
        }
        Mocks::Inline(map) => map
            .iter()
            .map(|(key, source)| MockSource {
                key: key.clone(),
                name: format!("{} (mocks.{key})", l.file),
                source: source.clone(),
            })
            .collect(),
    };
    if let Err(e) = Answerer::from_parts(None, &modules, timeout_ms) {
        l.error(mocks.at, e);
    }
    modules
}

fn read_mock_config(l: &mut Loader, suite: &Suite) -> Option<MockConfig> {
    let source = suite.mock_config.as_ref()?;
    let value = match &source.value {
        Source::Inline(v) => v.clone(),
        Source::Path(p) => {
            let path = l.path(p);
            read_json(&path.to_string_lossy(), "MockConfigFile").map_err(|e| l.error(source.at, e)).ok()?
        }
    };
    MockConfig::from_value(&value)
        .map_err(|e| l.error(source.at, format!("mockConfig is not a MockConfigFile: {e}")))
        .ok()
}

/// Every case's `testCase` must be in the MockConfigFile.
fn test_cases(l: &mut Loader, suite: &Suite, config: Option<&MockConfig>, machine: &str) {
    for case in &suite.cases {
        let Some(tc) = &case.test_case else { continue };
        match config {
            None => l.error(
                tc.at,
                format!("the case '{}' names the test case '{}', but the suite has no mockConfig", case.name, tc.value),
            ),
            Some(c) => {
                if let Err(e) = c.test_case(machine, &tc.value) {
                    l.error(tc.at, e);
                }
            }
        }
    }
}

fn input(l: &mut Loader, input: &CaseInput) -> Value {
    match input {
        CaseInput::Value(v) => v.clone(),
        CaseInput::File(f) => {
            let path = l.path(&f.value);
            read_json(&path.to_string_lossy(), "input file").map_err(|e| l.error(f.at, e)).unwrap_or(Value::Null)
        }
    }
}
