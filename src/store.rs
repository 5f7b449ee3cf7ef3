//! The playground's state and the one way it changes: [`Store::apply`] takes an [`Action`].
//! What is derived (the analysis, the playback) is computed from it; effects only sync it with
//! the outside world (the editors, local storage).

use std::collections::BTreeMap;
use std::sync::Arc;

use asl::exec::ExecutionType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::browser;
use crate::examples;
use crate::runner::RunState;
use crate::share::Mode;
use crate::sources::{self, Key};

/// What a person works on: everything a reload must restore.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub definition: String,
    pub input: String,
    /// Mock sources by name.
    pub mocks: BTreeMap<String, String>,
    /// The example it started from.
    #[serde(default)]
    pub example: Option<String>,
    #[serde(default)]
    pub express: bool,
    /// The editor tab that was open.
    #[serde(default)]
    pub tab: Option<String>,
    /// The workspace's S3 objects by `bucket/key` (a Distributed Map's ItemReader and S3 tasks
    /// read them). Left out of links and saves while there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
    /// The SAM or CloudFormation template the definition came from, when it did: the
    /// definition's placeholders take their values from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<TemplateSource>,
    /// Values the person gave placeholders (over those the template gives).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub substitutions: BTreeMap<String, String>,
    /// An execution recorded in AWS, as its history was imported (get-execution-history's
    /// output, with the describe outputs beside it when they came too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<String>,
    /// A MockConfigFile (AWS Step Functions Local's mocks), answering tasks before the JS
    /// mocks: a replay's mocks, made from the recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock_config: Option<String>,
    /// The workspace's test suite (`asl test`'s format, YAML): its cases and expectations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<String>,
    /// An exercise the workspace is (a lesson of the Learn path, or one an instructor shared),
    /// as an [`Exercise`]'s JSON text: only the Learn module, loaded on demand, reads it (the
    /// first download carries no reader of it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
}

/// An exercise: a task, and the checks (a test suite the learner does not see) that say when
/// the workspace does it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    /// The lesson it is, when it is one of the Learn path's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    pub title: String,
    /// What to read first (the little Markdown of the examples' explanations).
    #[serde(default)]
    pub about: String,
    /// The task, in one sentence.
    pub task: String,
    /// Offered one by one after the second failed check.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The checks: a test suite's text.
    pub checks: String,
}

impl Exercise {
    /// The exercise a workspace's `exercise` holds, if it reads as one.
    pub fn of(text: &str) -> Option<Exercise> {
        serde_json::from_str(text).ok()
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The lesson a workspace's exercise is, if it is one of the Learn path's.
    pub fn lesson_of(text: &str) -> Option<String> {
        Exercise::of(text).and_then(|e| e.lesson)
    }
}

/// A template and which of its state machines the definition is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSource {
    pub template: String,
    pub state_machine: String,
}

/// A message at the top of the page (a link opened, a link refused...).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// Offer to bring back the work a shared link replaced.
    pub restore_draft: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice { error: false, text: text.into(), restore_draft: false }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice { error: true, text: text.into(), restore_draft: false }
    }
}

impl Workspace {
    /// Whether replacing this workspace loses nothing a person made: it is empty (a first
    /// visit, before its example arrives), or an example exactly as it ships.
    pub fn holds_no_work(&self) -> bool {
        let nothing_beside = self.recording.is_none() && self.mock_config.is_none();
        nothing_beside
            && ((self.definition.trim().is_empty() && self.mocks.is_empty() && self.files.is_empty())
                || self.is_pristine_example())
    }

    /// Whether this is an example exactly as it ships: replacing it loses nothing. (An example
    /// not fetched yet in this session counts as changed, which keeps a draft at worst.)
    pub fn is_pristine_example(&self) -> bool {
        let Some(e) = self.example.as_deref().and_then(examples::find) else { return false };
        let Some(files) = examples::cached(e.id) else { return false };
        let fresh = Workspace::from_example(e, &files);
        self.definition == fresh.definition
            && self.mocks == fresh.mocks
            && self.files == fresh.files
            && self.tests == fresh.tests
            && self.exercise.is_none()
            && files.inputs.iter().any(|(_, i)| *i == self.input)
    }

    pub fn from_example(e: &examples::Example, files: &examples::Files) -> Workspace {
        Workspace {
            definition: files.definition.clone(),
            input: files.inputs.first().map(|(_, i)| i.clone()).unwrap_or_else(|| "{}\n".into()),
            mocks: files.mocks.clone(),
            example: Some(e.id.to_string()),
            express: false,
            tab: None,
            files: files.s3.clone(),
            source: None,
            substitutions: BTreeMap::new(),
            recording: None,
            mock_config: None,
            tests: files.tests.clone(),
            exercise: None,
        }
    }

    /// An empty workspace, while the first example is fetched.
    pub fn empty() -> Workspace {
        Workspace {
            definition: String::new(),
            input: "{}\n".into(),
            mocks: BTreeMap::new(),
            example: None,
            express: false,
            tab: None,
            files: BTreeMap::new(),
            source: None,
            substitutions: BTreeMap::new(),
            recording: None,
            mock_config: None,
            tests: None,
            exercise: None,
        }
    }
}

/// Which editor is showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tab {
    Definition,
    Input,
    Mock(String),
    /// An S3 object of the workspace, or one the last run wrote: `bucket/key`.
    File(String),
    /// The workspace's MockConfigFile.
    MockConfig,
    /// The workspace's test suite.
    Tests,
}

impl Tab {
    pub fn id(&self) -> String {
        match self {
            Tab::Definition => "definition".into(),
            Tab::Input => "input".into(),
            Tab::Mock(k) => format!("mock:{k}"),
            Tab::File(p) => format!("file:{p}"),
            Tab::MockConfig => "mock-config".into(),
            Tab::Tests => "tests".into(),
        }
    }

    pub fn from_id(id: &str) -> Tab {
        match id {
            "input" => Tab::Input,
            "mock-config" => Tab::MockConfig,
            "tests" => Tab::Tests,
            _ => match (id.strip_prefix("mock:"), id.strip_prefix("file:")) {
                (Some(k), _) => Tab::Mock(k.to_string()),
                (_, Some(p)) => Tab::File(p.to_string()),
                _ => Tab::Definition,
            },
        }
    }
}

/// Every change to the playground's state.
#[derive(Clone, Debug)]
pub enum Action {
    /// An example, fetched, replaces the workspace (see [`examples::open`]).
    LoadExample(Box<Workspace>),
    UseInput(String),
    EditDefinition(String),
    EditInput(String),
    EditMock(String, String),
    /// An S3 object's text (a new path adds the object).
    EditFile(String, String),
    /// Deletes an S3 object of the workspace.
    RemoveFile(String),
    SetExpress(bool),
    OpenTab(Tab),
    /// A state chosen on the graph or in the event table.
    Select(Option<String>),
    SelectVisit(Option<usize>),
    RunStarted,
    RunProgress(usize),
    RunFinished(RunState),
    /// A paused run goes on after the person's answer.
    RunResumed,
    /// It paused again or finished: the playback goes on from where it was.
    RunContinued(RunState),
    /// Show the first `n` history events.
    Seek(usize),
    Play,
    Pause,
    SetSpeed(f64),
    /// A shared link or a workspace file replaces the workspace (keeping local work as a draft).
    OpenShared(Box<Workspace>, Mode),
    /// A definition or template opened from a file or pasted, named for the notice: a new
    /// workspace (keeping local work as a draft).
    OpenFile(Box<Workspace>, String),
    /// A template's state machine, opened: its definition's text and the template.
    OpenTemplateMachine(String, TemplateSource),
    /// A value for a placeholder (`None`: back to the template's).
    SetSubstitution(String, Option<String>),
    /// An execution history, read: kept in the workspace and played back (see
    /// `runner::import`).
    RecordingImported(String),
    /// The recording and its replay's mocks leave the workspace.
    ForgetRecording,
    /// A definition from outside the editor (a recording's) replaces the one there.
    ReplaceDefinition(String),
    /// The same definition in the other form (JSON or YAML): the workspace stays as it is.
    ConvertDefinition(String),
    /// The MockConfigFile's text (`None` removes it).
    EditMockConfig(Option<String>),
    /// The test suite's text, as typed.
    EditTests(String),
    /// The test suite's text, changed from outside its editor (a case added).
    ReplaceTests(String),
    /// A lesson or a shared exercise replaces the workspace.
    OpenExercise(Box<Workspace>),
    RestoreDraft,
    SetMode(Mode),
    Notify(Notice),
    DismissNotice,
}

/// The playground's state, as signals. `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Store {
    pub workspace: RwSignal<Workspace>,
    pub analysis: Memo<Arc<Analysis>>,
    /// The reader of YAML and templates' last analysis, with what it was asked (see
    /// `sources`; `app::read_sources` asks).
    pub prepared: RwSignal<Option<(Key, Arc<Analysis>)>>,
    pub tab: RwSignal<Tab>,
    pub run: RwSignal<RunState>,
    /// How many history events the playback shows.
    pub cursor: RwSignal<usize>,
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<f64>,
    pub selected: RwSignal<Option<String>>,
    pub selected_visit: RwSignal<Option<usize>>,
    /// Bumped when an editor's text is replaced from outside (an example, a restore), so the
    /// editors reload.
    pub revision: RwSignal<u64>,
    pub mode: RwSignal<Mode>,
    pub notice: RwSignal<Option<Notice>>,
    /// The state Test state is open on, in the inspector.
    pub test_state: RwSignal<Option<String>>,
    /// The next state Test state's last answer named, marked on the graph.
    pub test_next: RwSignal<Option<String>>,
    /// The last run of the test suite: each case's result and the coverage.
    pub suite: RwSignal<Option<std::sync::Arc<crate::runner::SuiteOutcome>>>,
    /// Whether the graph shows the suite's coverage (what no case exercised, dimmed).
    pub show_coverage: RwSignal<bool>,
}

impl Store {
    pub fn new(initial: Workspace) -> Store {
        let tab = initial.tab.as_deref().map(Tab::from_id).unwrap_or(Tab::Definition);
        let workspace = RwSignal::new(initial);
        let prepared: RwSignal<Option<(Key, Arc<Analysis>)>> = RwSignal::new(None);
        let analysis = Memo::new(move |previous: Option<&Arc<Analysis>>| {
            if !workspace.with(sources::needs_reader) {
                return Arc::new(workspace.with(|w| Analysis::of(&w.definition)));
            }
            let key = workspace.with(Key::of);
            // Until the reader answers for this text, what was shown stays.
            prepared
                .with(|p| p.as_ref().filter(|(k, _)| *k == key).map(|(_, a)| a.clone()))
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| Arc::new(Analysis::of("")))
        });
        Store {
            workspace,
            analysis,
            prepared,
            tab: RwSignal::new(tab),
            run: RwSignal::new(RunState::Idle),
            cursor: RwSignal::new(0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            selected: RwSignal::new(None),
            selected_visit: RwSignal::new(None),
            revision: RwSignal::new(0),
            mode: RwSignal::new(Mode::Edit),
            notice: RwSignal::new(None),
            test_state: RwSignal::new(None),
            test_next: RwSignal::new(None),
            suite: RwSignal::new(None),
            show_coverage: RwSignal::new(false),
        }
    }

    pub fn apply(&self, action: Action) {
        match action {
            Action::LoadExample(workspace) => {
                self.workspace.set(*workspace);
                self.clear_run();
                self.suite.set(None);
                self.tab.set(Tab::Definition);
                self.revision.update(|r| *r += 1);
            }
            Action::UseInput(text) => {
                self.workspace.update(|w| w.input = text);
                self.tab.set(Tab::Input);
                self.revision.update(|r| *r += 1);
            }
            Action::EditDefinition(text) => {
                if self.workspace.with_untracked(|w| w.definition != text) {
                    self.workspace.update(|w| {
                        // Replaced by something unrelated, it is no longer the example.
                        if w.example.is_some() && crate::origin::replaced_by_unrelated(&w.definition, &text) {
                            w.example = None;
                        }
                        w.definition = text;
                    });
                }
            }
            Action::OpenTemplateMachine(text, source) => {
                self.workspace.update(|w| {
                    w.definition = text;
                    w.source = Some(source);
                    w.example = None;
                    // Values given for another definition's placeholders do not carry over.
                    w.substitutions.clear();
                });
                self.clear_run();
                self.tab.set(Tab::Definition);
                self.revision.update(|r| *r += 1);
            }
            Action::SetSubstitution(name, value) => {
                self.workspace.update(|w| match value {
                    Some(v) => {
                        w.substitutions.insert(name, v);
                    }
                    None => {
                        w.substitutions.remove(&name);
                    }
                });
            }
            Action::RecordingImported(text) => {
                self.workspace.update(|w| w.recording = Some(text));
                // Being read: shown as a run in progress until it plays.
                self.playing.set(false);
                self.run.set(RunState::Running { events: 0, shown: None });
            }
            Action::ForgetRecording => {
                self.workspace.update(|w| {
                    w.recording = None;
                    w.mock_config = None;
                });
                if self.tab.get_untracked() == Tab::MockConfig {
                    self.apply(Action::OpenTab(Tab::Definition));
                }
                self.clear_run();
            }
            Action::ReplaceDefinition(text) => {
                self.workspace.update(|w| {
                    w.definition = text;
                    w.example = None;
                    w.source = None;
                    w.substitutions.clear();
                });
                self.tab.set(Tab::Definition);
                self.revision.update(|r| *r += 1);
            }
            Action::ConvertDefinition(text) => {
                self.workspace.update(|w| w.definition = text);
                self.revision.update(|r| *r += 1);
            }
            Action::EditMockConfig(text) => {
                let removed = text.is_none();
                if self.workspace.with_untracked(|w| w.mock_config != text) {
                    self.workspace.update(|w| w.mock_config = text);
                }
                if removed && self.tab.get_untracked() == Tab::MockConfig {
                    self.apply(Action::OpenTab(Tab::Definition));
                }
            }
            Action::EditTests(text) => {
                // An emptied model of a workspace without tests is not a suite written.
                let unchanged = self
                    .workspace
                    .with_untracked(|w| w.tests.as_ref() == Some(&text) || (w.tests.is_none() && text.is_empty()));
                if !unchanged {
                    self.workspace.update(|w| w.tests = Some(text));
                }
            }
            Action::ReplaceTests(text) => {
                self.workspace.update(|w| w.tests = Some(text));
                self.revision.update(|r| *r += 1);
            }
            Action::OpenExercise(workspace) => {
                self.workspace.set(*workspace);
                self.clear_run();
                self.suite.set(None);
                self.tab.set(Tab::Definition);
                self.revision.update(|r| *r += 1);
            }
            Action::EditInput(text) => {
                if self.workspace.with_untracked(|w| w.input != text) {
                    self.workspace.update(|w| w.input = text);
                }
            }
            Action::EditMock(key, text) => {
                if self.workspace.with_untracked(|w| w.mocks.get(&key) != Some(&text)) {
                    self.workspace.update(|w| {
                        w.mocks.insert(key, text);
                    });
                }
            }
            Action::EditFile(path, text) => {
                if self.workspace.with_untracked(|w| w.files.get(&path) != Some(&text)) {
                    self.workspace.update(|w| {
                        w.files.insert(path, text);
                    });
                }
            }
            Action::RemoveFile(path) => {
                self.workspace.update(|w| {
                    w.files.remove(&path);
                });
                if self.tab.get_untracked() == Tab::File(path) {
                    self.apply(Action::OpenTab(Tab::Definition));
                }
            }
            Action::SetExpress(express) => self.workspace.update(|w| w.express = express),
            Action::OpenTab(tab) => {
                let id = tab.id();
                if let Tab::Mock(key) = &tab {
                    // A tab for a new Task gets the default mock.
                    if self.workspace.with_untracked(|w| !w.mocks.contains_key(key)) {
                        let key = key.clone();
                        let callback =
                            self.analysis.with_untracked(|a| a.needs.iter().any(|n| n.key == key && n.callback));
                        self.workspace.update(|w| {
                            w.mocks.insert(key.clone(), examples::default_mock(&key, callback));
                        });
                    }
                }
                if tab == Tab::Tests && self.workspace.with_untracked(|w| w.tests.is_none()) {
                    self.workspace.update(|w| w.tests = Some(crate::view::tests::STARTER.to_string()));
                }
                self.workspace.update(|w| w.tab = Some(id));
                self.tab.set(tab);
            }
            Action::Select(name) => {
                // Test state belongs to the state it was opened on.
                if self.test_state.get_untracked().is_some_and(|t| Some(&t) != name.as_ref()) {
                    self.test_state.set(None);
                    self.test_next.set(None);
                }
                self.selected.set(name);
                self.selected_visit.set(None);
            }
            Action::SelectVisit(v) => self.selected_visit.set(v),
            Action::RunStarted => {
                self.playing.set(false);
                self.cursor.set(0);
                self.run.set(RunState::Running { events: 0, shown: None });
            }
            Action::RunProgress(n) => self.run.update(|r| match r {
                RunState::Running { events, .. } => *events = n,
                _ => *r = RunState::Running { events: n, shown: None },
            }),
            Action::RunResumed => {
                let shown = self.run.with_untracked(|r| r.result());
                let events = shown.as_ref().map_or(0, |r| r.history.len());
                self.run.set(RunState::Running { events, shown });
            }
            Action::RunContinued(state) => {
                let total = state.events();
                self.run.set(state);
                // Play on from the moment the run paused, live.
                let cursor = self.cursor.get_untracked().min(total);
                self.cursor.set(cursor);
                self.playing.set(cursor < total);
            }
            Action::RunFinished(state) => {
                let events = state.events();
                self.run.set(state);
                // Play it back from the start.
                self.cursor.set(if events > 0 { 1 } else { 0 });
                self.playing.set(events > 0);
            }
            Action::Seek(n) => {
                let total = self.run.with_untracked(|r| r.events());
                self.cursor.set(n.min(total));
                if n >= total {
                    self.playing.set(false);
                }
            }
            Action::Play => {
                let total = self.run.with_untracked(|r| r.events());
                if self.cursor.get_untracked() >= total {
                    self.cursor.set(1.min(total));
                }
                self.playing.set(total > 0);
            }
            Action::Pause => self.playing.set(false),
            Action::SetSpeed(s) => self.speed.set(s.clamp(0.25, 16.0)),
            Action::OpenShared(workspace, mode) => {
                self.replace_workspace(*workspace, mode, "Opened a shared workflow. Nothing runs until you press Run.")
            }
            Action::OpenFile(workspace, name) => {
                self.replace_workspace(*workspace, Mode::Edit, &format!("Opened {name}."));
            }
            Action::RestoreDraft => {
                match browser::load_draft().and_then(|t| serde_json::from_str::<Workspace>(&t).ok()) {
                    Some(draft) => {
                        self.workspace.set(draft);
                        self.clear_run();
                        self.revision.update(|r| *r += 1);
                        browser::clear_draft();
                        self.notice.set(Some(Notice::info("Your previous work is back.")));
                    }
                    None => self.notice.set(Some(Notice::error("There is no draft to bring back."))),
                }
            }
            Action::SetMode(mode) => {
                // Leaving an embedded view to edit: from now on the workspace is saved here, so
                // the work saved before is kept as a draft.
                if self.mode.get_untracked() == Mode::Embed && mode == Mode::Edit {
                    let saved = browser::load_saved().and_then(|t| serde_json::from_str::<Workspace>(&t).ok());
                    if let Some(saved) = saved.filter(|s| *s != self.workspace.get_untracked() && !s.holds_no_work())
                        && let Ok(text) = serde_json::to_string(&saved)
                    {
                        browser::save_draft(&text);
                        self.notice.set(Some(Notice {
                            error: false,
                            text: "Editing the embedded workflow. Your previous work is kept as a draft.".into(),
                            restore_draft: true,
                        }));
                    }
                }
                self.mode.set(mode);
            }
            Action::Notify(notice) => self.notice.set(Some(notice)),
            Action::DismissNotice => self.notice.set(None),
        }
    }

    /// A workspace from elsewhere (a link, a file) replaces this one, which is kept as a draft
    /// when it holds work.
    fn replace_workspace(&self, workspace: Workspace, mode: Mode, said: &str) {
        let current = self.workspace.get_untracked();
        // An embedded view saves nothing (see `SetMode`), so it replaces nothing either.
        let keep = mode != Mode::Embed && workspace != current && !current.holds_no_work();
        if keep && let Ok(text) = serde_json::to_string(&current) {
            browser::save_draft(&text);
        }
        self.workspace.set(workspace);
        self.clear_run();
        self.tab.set(Tab::Definition);
        self.mode.set(mode);
        self.revision.update(|r| *r += 1);
        let mut notice = Notice::info(said);
        if keep {
            notice.text.push_str(" Your previous work is kept as a draft.");
            notice.restore_draft = true;
        }
        self.notice.set(Some(notice));
    }

    fn clear_run(&self) {
        crate::runner::forget();
        self.run.set(RunState::Idle);
        self.cursor.set(0);
        self.playing.set(false);
        self.selected.set(None);
        self.selected_visit.set(None);
    }

    pub fn execution_type(&self) -> ExecutionType {
        if self.workspace.with_untracked(|w| w.express) { ExecutionType::Express } else { ExecutionType::Standard }
    }
}
