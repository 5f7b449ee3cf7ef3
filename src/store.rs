//! The playground's state and the one way it changes: [`Store::apply`] takes an [`Action`].
//! What is derived (the analysis, the playback) is computed from it; effects only sync it with
//! the outside world (the editors, local storage).

use std::collections::BTreeMap;
use std::sync::Arc;

use asl::exec::ExecutionType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::examples;
use crate::runner::RunState;

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
}

impl Workspace {
    pub fn from_example(e: &examples::Example) -> Workspace {
        Workspace {
            definition: e.definition.to_string(),
            input: e.inputs.first().map(|(_, i)| i.to_string()).unwrap_or_else(|| "{}\n".into()),
            mocks: e.mocks.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            example: Some(e.id.to_string()),
            express: false,
            tab: None,
        }
    }
}

/// Which editor is showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tab {
    Definition,
    Input,
    Mock(String),
}

impl Tab {
    pub fn id(&self) -> String {
        match self {
            Tab::Definition => "definition".into(),
            Tab::Input => "input".into(),
            Tab::Mock(k) => format!("mock:{k}"),
        }
    }

    pub fn from_id(id: &str) -> Tab {
        match id {
            "input" => Tab::Input,
            _ => match id.strip_prefix("mock:") {
                Some(k) => Tab::Mock(k.to_string()),
                None => Tab::Definition,
            },
        }
    }
}

/// Every change to the playground's state.
#[derive(Clone, Debug)]
pub enum Action {
    LoadExample(String),
    UseInput(String),
    EditDefinition(String),
    EditInput(String),
    EditMock(String, String),
    SetExpress(bool),
    OpenTab(Tab),
    /// A state chosen on the graph or in the event table.
    Select(Option<String>),
    SelectVisit(Option<usize>),
    RunStarted,
    RunProgress(usize),
    RunFinished(RunState),
    /// Show the first `n` history events.
    Seek(usize),
    Play,
    Pause,
    SetSpeed(f64),
}

/// The playground's state, as signals. `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Store {
    pub workspace: RwSignal<Workspace>,
    pub analysis: Memo<Arc<Analysis>>,
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
}

impl Store {
    pub fn new(initial: Workspace) -> Store {
        let tab = initial.tab.as_deref().map(Tab::from_id).unwrap_or(Tab::Definition);
        let workspace = RwSignal::new(initial);
        let analysis = Memo::new(move |_| Arc::new(workspace.with(|w| Analysis::of(&w.definition))));
        Store {
            workspace,
            analysis,
            tab: RwSignal::new(tab),
            run: RwSignal::new(RunState::Idle),
            cursor: RwSignal::new(0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            selected: RwSignal::new(None),
            selected_visit: RwSignal::new(None),
            revision: RwSignal::new(0),
        }
    }

    pub fn apply(&self, action: Action) {
        match action {
            Action::LoadExample(id) => {
                if let Some(e) = examples::find(&id) {
                    self.workspace.set(Workspace::from_example(e));
                    self.clear_run();
                    self.tab.set(Tab::Definition);
                    self.revision.update(|r| *r += 1);
                }
            }
            Action::UseInput(text) => {
                self.workspace.update(|w| w.input = text);
                self.tab.set(Tab::Input);
                self.revision.update(|r| *r += 1);
            }
            Action::EditDefinition(text) => {
                if self.workspace.with_untracked(|w| w.definition != text) {
                    self.workspace.update(|w| w.definition = text);
                }
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
            Action::SetExpress(express) => self.workspace.update(|w| w.express = express),
            Action::OpenTab(tab) => {
                let id = tab.id();
                if let Tab::Mock(key) = &tab {
                    // A tab for a new Task gets the default mock.
                    if self.workspace.with_untracked(|w| !w.mocks.contains_key(key)) {
                        let key = key.clone();
                        self.workspace.update(|w| {
                            w.mocks.insert(key.clone(), examples::default_mock(&key));
                        });
                    }
                }
                self.workspace.update(|w| w.tab = Some(id));
                self.tab.set(tab);
            }
            Action::Select(name) => {
                self.selected.set(name);
                self.selected_visit.set(None);
            }
            Action::SelectVisit(v) => self.selected_visit.set(v),
            Action::RunStarted => {
                self.playing.set(false);
                self.cursor.set(0);
                self.run.set(RunState::Running { events: 0 });
            }
            Action::RunProgress(events) => self.run.set(RunState::Running { events }),
            Action::RunFinished(state) => {
                let events = match &state {
                    RunState::Done(r) => r.history.len(),
                    _ => 0,
                };
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
        }
    }

    fn clear_run(&self) {
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
