//! Executions recorded in AWS, in the page: an imported history played back as a run's (its
//! events, the visits rebuilt from them, its outcome), a replay that runs the definition again
//! with mocks answering as AWS did, and each later run compared with the recording.
//!
//! The engine reads and compares (`asl::recorded`); this is the page's side: which texts, when,
//! and what is shown.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use asl::exec::HistoryEvent;
use asl::recorded::Recorded;
use leptos::prelude::*;

use super::{Origin, RunResult, RunState, plural, session};
use crate::browser;
use crate::store::{Action, Notice, Store, Tab};

/// A recording as read, with its events as the engine's.
struct Read {
    recorded: Recorded,
    events: Arc<Vec<HistoryEvent>>,
    unknown: Vec<String>,
}

thread_local! {
    /// The last recording read, by its text: each run is compared with it, and a long
    /// history is read once.
    static LAST: RefCell<Option<(String, Arc<Read>)>> = const { RefCell::new(None) };
}

fn read(text: &str) -> Result<Arc<Read>, String> {
    if let Some(hit) = LAST.with(|l| l.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, r)| Arc::clone(r))) {
        return Ok(hit);
    }
    let recorded = asl::recorded::read(text)?;
    if recorded.events.is_empty() {
        return Err("it holds no events".into());
    }
    let (events, unknown) = asl::recorded::history_events(&recorded);
    let read = Arc::new(Read { recorded, events: Arc::new(events), unknown });
    LAST.with(|l| *l.borrow_mut() = Some((text.to_string(), Arc::clone(&read))));
    Ok(read)
}

/// Keeps `text` as the workspace's recording and plays it, when it is an execution history.
pub async fn import(store: Store, text: String) {
    // A frame for the page to say it is busy before a long history is read.
    browser::sleep(0).await;
    match read(&text) {
        Ok(_) => {
            store.apply(Action::RecordingImported(text));
            play(store).await;
        }
        Err(why) => store.apply(Action::Notify(Notice::error(format!(
            "This is not an execution history the playground can read: {why}. Nothing was changed."
        )))),
    }
}

/// Shows the workspace's recording as the execution on show, read against the definition
/// shown: the states it names that the definition lacks are said, and the rest plays.
pub async fn play(store: Store) {
    let Some(text) = store.workspace.with_untracked(|w| w.recording.clone()) else { return };
    let read = match read(&text) {
        Ok(r) => r,
        Err(why) => {
            store.apply(Action::RunFinished(RunState::Refused(format!("The recorded history cannot be read: {why}."))));
            return;
        }
    };
    let analysis = store.analysis.get_untracked();
    let events = read.events.as_ref().clone();
    let names = read.recorded.state_names();
    let (visits, missing) = match &analysis.machine {
        Some(machine) => {
            let known: HashSet<&str> = machine.all_states().map(|s| &*s.name).collect();
            let missing = names.iter().filter(|n| !known.contains(*n)).map(|n| n.to_string()).collect();
            (asl::recorded::visits(&events, machine), missing)
        }
        None => (Vec::new(), names.iter().map(|n| n.to_string()).collect()),
    };
    let outcome = asl::recorded::outcome(&events);
    let (index, checkpoints) = session::index(&events).await;
    let definition = analysis.definition_value();
    let origin = Origin::Recording { missing, states: names.len(), definition: read.recorded.definition.clone() };
    if !read.unknown.is_empty() {
        store.apply(Action::Notify(Notice::info(format!(
            "The history's {} event{} of type {} are not shown: the playground does not know {}.",
            read.unknown.len(),
            plural(read.unknown.len()),
            read.unknown.join(", "),
            if read.unknown.len() == 1 { "it" } else { "them" }
        ))));
    }
    let result =
        RunResult { history: events, visits, outcome, index, checkpoints, definition, origin, ..RunResult::default() };
    store.apply(Action::RunFinished(RunState::Done(Arc::new(result))));
}

/// Runs the definition shown with the recording's input and mocks answering every task as the
/// recording says (a MockConfigFile, made now unless the workspace has one), then compares.
pub async fn replay(store: Store) {
    let Some(text) = store.workspace.with_untracked(|w| w.recording.clone()) else {
        store.apply(Action::RunFinished(RunState::Refused("There is no recorded execution to replay.".into())));
        return;
    };
    let read = match read(&text) {
        Ok(r) => r,
        Err(why) => {
            store.apply(Action::RunFinished(RunState::Refused(format!("The recorded history cannot be read: {why}."))));
            return;
        }
    };
    if store.workspace.with_untracked(|w| w.mock_config.is_none()) {
        let machine = read.recorded.state_machine_name.clone().unwrap_or_else(|| "StateMachine".into());
        let config = asl::recorded::mock_config(&read.recorded, &machine);
        let text = serde_json::to_string_pretty(&config).unwrap_or_default() + "\n";
        store.apply(Action::EditMockConfig(Some(text)));
    }
    if let Some(input) = &read.recorded.input {
        let text = serde_json::to_string_pretty(input).unwrap_or_default() + "\n";
        if store.workspace.with_untracked(|w| w.input != text) {
            store.apply(Action::UseInput(text));
        }
    }
    store.apply(Action::OpenTab(Tab::MockConfig));
    session::run(store).await;
}

/// A run's history beside the workspace's recording: where it departs, when there is one.
pub fn compare(store: Store, history: &[HistoryEvent]) -> Origin {
    let Some(read) = store.workspace.with_untracked(|w| w.recording.as_deref().and_then(|t| read(t).ok())) else {
        return Origin::Run;
    };
    Origin::Compared(asl::recorded::first_divergence(read.events.as_slice(), history))
}
