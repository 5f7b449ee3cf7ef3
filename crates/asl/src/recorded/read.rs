//! The text people paste to a [`Recorded`] execution.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Recorded, RecordedEvent};
use crate::timestamp;

/// How many events a text may hold: far more than the 25,000 an execution can have.
const MAX_EVENTS: usize = 200_000;

/// Reads one or more JSON documents (concatenated, or in an array): history pages
/// (`{"events": [...]}`), `describe-execution` and `describe-state-machine-for-execution`.
/// The error says what is wrong and where, for people.
pub fn read(text: &str) -> Result<Recorded, String> {
    let mut documents = Vec::new();
    for item in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match item {
            Ok(Value::Array(items)) => documents.extend(items),
            Ok(value) => documents.push(value),
            Err(e) if e.is_eof() => {
                return Err(format!("the history is cut short: it ends at line {} inside a JSON value", e.line()));
            }
            Err(e) => return Err(format!("the history is not JSON: {e}")),
        }
    }
    let mut recorded = Recorded::default();
    let mut events: BTreeMap<u64, RecordedEvent> = BTreeMap::new();
    let mut pages = 0;
    for document in documents {
        let Value::Object(object) = document else {
            return Err("the history holds something that is not a JSON object".into());
        };
        if let Some(list) = object.get("events") {
            let list = list.as_array().ok_or("\"events\" must be a list")?;
            pages += 1;
            for (i, event) in list.iter().enumerate() {
                let event = read_event(event).map_err(|why| format!("event {} of page {pages}: {why}", i + 1))?;
                events.insert(event.id, event);
                if events.len() > MAX_EVENTS {
                    return Err(format!("the history holds more than {MAX_EVENTS} events"));
                }
            }
        } else if object.contains_key("executionArn") && object.contains_key("status") {
            // describe-execution
            if let Some(input) = object.get("input").and_then(Value::as_str) {
                recorded.input = serde_json::from_str(input).ok();
            }
            recorded.execution_name = object.get("name").and_then(Value::as_str).map(str::to_string);
        } else if let Some(definition) = object.get("definition").and_then(Value::as_str) {
            // describe-state-machine-for-execution (or describe-state-machine)
            recorded.definition = Some(definition.to_string());
            recorded.state_machine_name = object.get("name").and_then(Value::as_str).map(str::to_string);
        } else {
            return Err(
                "the text holds an object that is neither a history page ({\"events\": [...]}), describe-execution nor describe-state-machine-for-execution".into(),
            );
        }
    }
    if pages == 0 {
        return Err("the text holds no history: paste what `aws stepfunctions get-execution-history` prints".into());
    }
    recorded.events = events.into_values().collect();
    match recorded.events.first() {
        Some(first) if first.kind == "ExecutionStarted" => {}
        Some(first) => {
            return Err(format!(
                "the history does not start with ExecutionStarted (its first event is {} #{}): a page may be missing",
                first.kind, first.id
            ));
        }
        None => return Err("the history has no events".into()),
    }
    let started = &recorded.events[0];
    recorded.has_data = started.details.get("input").is_some();
    if recorded.input.is_none() {
        recorded.input = started.json_field("input");
    }
    assign_states(&mut recorded.events);
    Ok(recorded)
}

fn read_event(value: &Value) -> Result<RecordedEvent, String> {
    let object = value.as_object().ok_or("not an object")?;
    let id = object.get("id").and_then(Value::as_u64).ok_or("no numeric \"id\"")?;
    let kind = object.get("type").and_then(Value::as_str).ok_or("no \"type\"")?.to_string();
    let previous_event_id = object.get("previousEventId").and_then(Value::as_u64).unwrap_or(0);
    let (timestamp, millis) = match object.get("timestamp") {
        Some(Value::String(s)) => (s.clone(), timestamp::parse(s).map(|t| timestamp::to_millis(t) as i64)),
        // Epoch seconds, as some tools print them.
        Some(Value::Number(n)) => (n.to_string(), n.as_f64().map(|s| (s * 1000.0).round() as i64)),
        _ => (String::new(), None),
    };
    let details = object
        .iter()
        .find(|(k, v)| k.ends_with("EventDetails") && v.is_object())
        .map(|(_, v)| v.clone())
        .unwrap_or(Value::Null);
    Ok(RecordedEvent { id, previous_event_id, timestamp, millis, kind, details, state: None })
}

/// Gives every event its state: a state's entry and exit name it; any other event belongs to
/// the state of the event that led to it (its `previousEventId`), when that one has one.
fn assign_states(events: &mut [RecordedEvent]) {
    let position: BTreeMap<u64, usize> = events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    for i in 0..events.len() {
        let event = &events[i];
        let state = if event.kind.ends_with("StateEntered") || event.kind.ends_with("StateExited") {
            event.own_name().map(str::to_string)
        } else if event.kind.starts_with("Execution") {
            None
        } else {
            // Earlier events already have theirs (ids only point back).
            position
                .get(&event.previous_event_id)
                .filter(|&&p| p < i)
                .and_then(|&p| events[p].state.clone())
                .or_else(|| event.own_name().map(str::to_string))
        };
        events[i].state = state;
    }
}
