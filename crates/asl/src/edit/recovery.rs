//! A state's Retry and Catch as design mode's editors change them: retriers and catchers added
//! and removed, their members set, and the error names to offer (Step Functions' own, and those
//! the state's mock throws with the mock API's `context.error(name)`).

use serde_json::{Value, json};

use super::EditError;
use super::document::{Document, Place, child};
use super::states::{TRANSITIONS, state};
use super::text::apply;
use crate::errors;

/// Step Functions' own error names, `States.ALL` first.
pub const STATES_ERRORS: &[&str] = &[
    errors::ALL,
    errors::TASK_FAILED,
    errors::TIMEOUT,
    errors::HEARTBEAT_TIMEOUT,
    errors::RUNTIME,
    errors::PERMISSIONS,
    errors::RESULT_PATH_MATCH_FAILURE,
    errors::PARAMETER_PATH_FAILURE,
    errors::QUERY_EVALUATION_ERROR,
    errors::BRANCH_FAILED,
    errors::NO_CHOICE_MATCHED,
    errors::INTRINSIC_FAILURE,
    errors::EXCEED_TOLERATED_FAILURE_THRESHOLD,
    errors::ITEM_READER_FAILED,
    errors::RESULT_WRITER_FAILED,
    errors::DATA_LIMIT_EXCEEDED,
];

/// The error names a mock throws: the first argument of each `.error('Name'...)` call.
pub fn thrown_errors(mock: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = mock;
    while let Some(at) = rest.find(".error(") {
        rest = &rest[at + ".error(".len()..];
        let trimmed = rest.trim_start();
        let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '\'' | '"' | '`')) else { continue };
        let body = &trimmed[1..];
        if let Some(end) = body.find(quote) {
            let name = &body[..end];
            if !name.is_empty() && !name.contains('\n') && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
    found
}

/// The names to offer for ErrorEquals: what the mock throws, then Step Functions' own.
pub fn error_names(thrown: &[String]) -> Vec<String> {
    let mut names: Vec<String> = thrown.to_vec();
    names.extend(STATES_ERRORS.iter().map(|s| s.to_string()).filter(|s| !thrown.contains(s)));
    names
}

/// Adds a retrier (3 attempts) to state `name`: for every error, or, when a retrier already
/// takes every error (it must stay last), for States.TaskFailed before that one.
pub fn add_retrier(text: &str, scope: &str, name: &str) -> Result<String, EditError> {
    let retrier =
        |error: &str| json!({"ErrorEquals": [error], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2});
    add(text, &state(scope, name), "Retry", retrier)
}

/// Adds a catcher to state `name`, leading to `next`: for every error, or before the one that
/// takes every error, for States.TaskFailed.
pub fn add_catcher(text: &str, scope: &str, name: &str, next: &str) -> Result<String, EditError> {
    add(text, &state(scope, name), "Catch", |error| json!({"ErrorEquals": [error], "Next": next}))
}

/// Adds to the list `key` (Retry or Catch) of the state at `holder` what `make` makes for an
/// error name, keeping the one for States.ALL last.
fn add(text: &str, holder: &str, key: &str, make: impl Fn(&str) -> Value) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let items = doc.get(&child(holder, key)).and_then(Value::as_array).cloned().unwrap_or_default();
    let takes_all = |item: &Value| {
        item.get("ErrorEquals").and_then(Value::as_array).is_some_and(|e| e.iter().any(|n| n == errors::ALL))
    };
    match items.iter().position(takes_all) {
        Some(at) => Ok(apply(text, &[doc.insert_at(&child(holder, key), at, &make(errors::TASK_FAILED))?])),
        None => append(text, holder, key, make(errors::ALL)),
    }
}

/// Sets member `key` of the retrier or catcher at `pointer` (`None` removes it).
pub fn set_member(text: &str, pointer: &str, key: &str, value: Option<Value>) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    match doc.put(pointer, key, value.as_ref(), Place::Last)? {
        Some(edit) => Ok(apply(text, &[edit])),
        None => Ok(text.to_string()),
    }
}

/// Removes the retrier or catcher at `pointer` (`.../Retry/1`); its list goes when it empties.
pub fn remove(text: &str, pointer: &str) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let list = &pointer[..pointer.rfind('/').unwrap_or(0)];
    let alone = doc.get(list).and_then(Value::as_array).is_some_and(|items| items.len() == 1);
    Ok(apply(text, &[doc.remove(if alone { list } else { pointer })?]))
}

/// Adds `value` to the list `key` of the object at `holder` (made when it is missing; before
/// the state's Next or End).
fn append(text: &str, holder: &str, key: &str, value: Value) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let list = child(holder, key);
    let edit = match doc.get(&list) {
        Some(_) => doc.push(&list, &value)?,
        None => doc.insert(holder, key, &Value::Array(vec![value]), Place::Before(TRANSITIONS))?,
    };
    Ok(apply(text, &[edit]))
}
