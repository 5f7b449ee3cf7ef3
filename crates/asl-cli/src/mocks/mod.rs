//! Answering task requests for `asl run`: a MockConfigFile test case first, then JavaScript
//! mock modules (named for the resource, else for the state), then the default: a task returns
//! its input, and a callback task no mock answers waits for its task token.

mod quickjs;

pub use quickjs::MockSource;

use std::path::{Path, PathBuf};

use asl::exec::{TaskAnswer, TaskRequest};
use asl::host::Reply;
use asl::mock_config::{CaseAnswers, MockConfig};

pub struct Answerer {
    /// The MockConfigFile's test case, answering before the JavaScript mocks.
    config: Option<CaseAnswers>,
    js: Option<quickjs::JsMocks>,
    defaulted: Vec<String>,
    /// Callback tasks no mock answered, by mock key.
    unanswered: Vec<String>,
    /// JavaScript mocks stopped by the time guard (or whose promise never settled): the
    /// state and the mock's key, for `asl test` to say which hung.
    stopped: Vec<(String, String)>,
}

impl Answerer {
    pub fn new(
        state_machine: &str,
        config: Option<&str>,
        test_case: Option<&str>,
        mocks: Option<&str>,
        timeout_ms: u64,
    ) -> Result<Answerer, String> {
        let config = match (config, test_case) {
            (Some(path), Some(case)) => {
                let v = crate::files::read_json(path, "mock config")?;
                let config = MockConfig::from_value(&v)
                    .map_err(|e| format!("the mock config '{path}' is not a MockConfigFile: {e}"))?;
                Some(CaseAnswers::new(config, state_machine, case)?)
            }
            (None, None) => None,
            _ => return Err("--mock-config and --test-case go together".into()),
        };
        let js = match mocks {
            Some(path) => Some(quickjs::JsMocks::load(&module_files(Path::new(path))?, timeout_ms)?),
            None => None,
        };
        Ok(Answerer::with(config, js))
    }

    /// Answers from a test case already chosen and modules already read (`asl test`).
    pub fn from_parts(
        config: Option<CaseAnswers>,
        modules: &[MockSource],
        timeout_ms: u64,
    ) -> Result<Answerer, String> {
        let js = match modules {
            [] => None,
            _ => Some(quickjs::JsMocks::load_sources(modules, timeout_ms)?),
        };
        Ok(Answerer::with(config, js))
    }

    fn with(config: Option<CaseAnswers>, js: Option<quickjs::JsMocks>) -> Answerer {
        Answerer { config, js, defaulted: Vec::new(), unanswered: Vec::new(), stopped: Vec::new() }
    }

    /// Answers every task from one test case of a MockConfigFile already read (a replay's).
    pub fn from_config(state_machine: &str, config: MockConfig, test_case: &str) -> Result<Answerer, String> {
        let config = Some(CaseAnswers::new(config, state_machine, test_case)?);
        Ok(Answerer::with(config, None))
    }

    pub fn answer(&mut self, req: &TaskRequest) -> Reply {
        if let Some(answer) = self.config.as_mut().and_then(|c| c.answer(&req.state_name)) {
            return Reply::Answer(answer, 0);
        }
        let key = req.mock_key();
        if let Some(js) = &mut self.js {
            let found = match js.answer(&key, req) {
                Some(reply) => Some((reply, key.clone())),
                None => js.answer(&req.state_name, req).map(|reply| (reply, req.state_name.clone())),
            };
            if let Some((reply, mock)) = found {
                if reply == Reply::Answer(TaskAnswer::NoAnswer, 0) {
                    self.stopped.push((req.state_name.clone(), mock));
                }
                return reply;
            }
        }
        if req.callback {
            if !self.unanswered.contains(&key) {
                self.unanswered.push(key);
            }
            return Reply::Person;
        }
        // S3 actions the virtual S3 answers are not defaulted.
        if !asl::s3::tasks::handles(&req.resource_kind) && !self.defaulted.contains(&key) {
            self.defaulted.push(key);
        }
        Reply::Default(TaskAnswer::FunctionReturned(default_result(req)))
    }

    /// The mocks that did not answer (stopped by the time guard): (state, mock key).
    pub fn stopped(&self) -> &[(String, String)] {
        &self.stopped
    }

    /// Things worth telling the person after the run.
    pub fn notes(&self) -> Vec<String> {
        let defaulted = self.defaulted.iter().map(|k| format!("no mock for '{k}': it returned its input"));
        let unanswered =
            self.unanswered.iter().map(|k| format!("no mock for '{k}', a callback task: it waits for its task token"));
        defaulted.chain(unanswered).collect()
    }
}

/// What the default mock returns: the function's input (for `lambda:invoke`, its `Payload`).
fn default_result(req: &TaskRequest) -> serde_json::Value {
    req.function_input().clone()
}

/// The mock modules at `path` (a file, or every module of a folder), read.
pub fn module_sources(path: &Path) -> Result<Vec<MockSource>, String> {
    let mut out = Vec::new();
    for (key, file) in module_files(path)? {
        let source =
            std::fs::read_to_string(&file).map_err(|e| format!("cannot read the mock '{}': {e}", file.display()))?;
        out.push(MockSource { key, name: file.display().to_string(), source });
    }
    Ok(out)
}

/// The mock modules at `path`: the file itself, or every `.js`/`.mjs` file in the directory,
/// keyed by file name without extension, with `.` read as `:` (`sqs.sendMessage.js` mocks
/// `sqs:sendMessage`).
fn module_files(path: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut list: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read the mocks directory '{}': {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("js" | "mjs")))
            .collect();
        list.sort();
        list
    } else if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        return Err(format!("--mocks: there is no file or directory '{}'", path.display()));
    };
    Ok(files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().replace('.', ":");
            (stem, p)
        })
        .collect())
}
