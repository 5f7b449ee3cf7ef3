use serde_json::{Value, json};

use super::*;

fn event(id: u64, previous: u64, kind: &str, details: Value) -> Value {
    let key = match kind {
        k if k.ends_with("StateEntered") => "stateEnteredEventDetails".to_string(),
        k if k.ends_with("StateExited") => "stateExitedEventDetails".to_string(),
        k => {
            let mut c = k.chars();
            let first = c.next().unwrap().to_ascii_lowercase();
            format!("{first}{}EventDetails", c.as_str())
        }
    };
    let mut e = json!({"timestamp": format!("2025-01-01T00:00:0{}.000000+00:00", id.min(9)), "type": kind, "id": id, "previousEventId": previous});
    if !details.is_null() {
        e[key] = details;
    }
    e
}

/// A Task retried once (a Lambda error, then success), then a Succeed.
fn history() -> Vec<Value> {
    vec![
        event(1, 0, "ExecutionStarted", json!({"input": "{\"n\":1}", "roleArn": "r"})),
        event(2, 1, "TaskStateEntered", json!({"name": "Work", "input": "{\"n\":1}"})),
        event(3, 2, "TaskScheduled", json!({"resource": "invoke", "resourceType": "lambda", "parameters": "{}"})),
        event(4, 3, "TaskStarted", json!({"resource": "invoke", "resourceType": "lambda"})),
        event(5, 4, "TaskFailed", json!({"error": "Lambda.ServiceException", "cause": "busy"})),
        event(6, 5, "TaskScheduled", json!({"resource": "invoke", "resourceType": "lambda", "parameters": "{}"})),
        event(7, 6, "TaskStarted", json!({"resource": "invoke", "resourceType": "lambda"})),
        event(8, 7, "TaskSucceeded", json!({"output": "{\"Payload\":{\"ok\":true}}"})),
        event(9, 8, "TaskStateExited", json!({"name": "Work", "output": "{\"ok\":true}"})),
        event(10, 9, "SucceedStateEntered", json!({"name": "Done", "input": "{\"ok\":true}"})),
        event(11, 10, "SucceedStateExited", json!({"name": "Done", "output": "{\"ok\":true}"})),
        event(12, 11, "ExecutionSucceeded", json!({"output": "{\"ok\":true}"})),
    ]
}

fn text(events: &[Value]) -> String {
    json!({"events": events}).to_string()
}

#[test]
fn a_history_is_read_with_each_event_in_its_state() {
    let r = read(&text(&history())).unwrap();
    assert_eq!(r.events.len(), 12);
    assert_eq!(r.input, Some(json!({"n": 1})));
    assert!(r.has_data);
    let states: Vec<Option<&str>> = r.events.iter().map(|e| e.state.as_deref()).collect();
    assert_eq!(states[2..9], [Some("Work"); 7]);
    assert_eq!(states[0], None);
    assert_eq!(states[11], None);
    assert_eq!(r.ending().unwrap().kind, "ExecutionSucceeded");
    assert_eq!(r.state_names(), ["Work", "Done"]);
    assert_eq!(r.events[1].millis, Some(1_735_689_602_000));
}

#[test]
fn reverse_order_pages_and_the_descriptions_beside() {
    let events = history();
    let mut reversed = events.clone();
    reversed.reverse();
    let r = read(&text(&reversed)).unwrap();
    assert_eq!(r.events.iter().map(|e| e.id).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());

    // Two pages (overlapping), as a list, then describe-execution and the definition.
    let pages = json!([{"events": events[..7], "nextToken": "t"}, {"events": events[5..]}]).to_string();
    let describe = json!({"executionArn": "arn:aws:states:us-east-1:1:execution:M:run-7", "name": "run-7", "status": "SUCCEEDED", "input": "{\"n\":2}"});
    let machine = json!({"stateMachineArn": "arn:aws:states:us-east-1:1:stateMachine:M", "name": "M", "definition": "{\"StartAt\":\"Work\"}"});
    let r = read(&format!("{pages}\n{describe}\n{machine}")).unwrap();
    assert_eq!(r.events.len(), 12);
    assert_eq!(r.input, Some(json!({"n": 2})), "describe-execution's input is the execution's");
    assert_eq!(r.execution_name.as_deref(), Some("run-7"));
    assert_eq!(r.state_machine_name.as_deref(), Some("M"));
    assert_eq!(r.definition.as_deref(), Some("{\"StartAt\":\"Work\"}"));

    // Epoch-second timestamps.
    let mut epoch = events.clone();
    epoch[0]["timestamp"] = json!(1735689600.5);
    assert_eq!(read(&text(&epoch)).unwrap().events[0].millis, Some(1_735_689_600_500));
}

#[test]
fn an_execution_read_without_its_data() {
    let events: Vec<Value> = history()
        .into_iter()
        .map(|mut e| {
            for (_, details) in e.as_object_mut().unwrap().iter_mut().filter(|(k, _)| k.ends_with("Details")) {
                let d = details.as_object_mut().unwrap();
                d.remove("input");
                d.remove("output");
            }
            e
        })
        .collect();
    let r = read(&text(&events)).unwrap();
    assert!(!r.has_data);
    assert_eq!(r.input, None);
    let config = mock_config(&r, "M");
    assert_eq!(config["MockedResponses"]["Work (recorded)"]["1"], json!({"Return": null}));
}

#[test]
fn what_is_not_a_history_is_said() {
    let said = |t: &str| read(t).unwrap_err();
    assert!(said("{\"events\": [").contains("cut short"));
    assert!(said("<html>").contains("not JSON"));
    assert!(said("{\"a\": 1}").contains("neither a history page"));
    assert!(said("{\"executionArn\": \"x\", \"status\": \"RUNNING\"}").contains("holds no history"));
    assert!(said(&text(&history()[1..])).contains("does not start with ExecutionStarted"));
    assert!(said("{\"events\": []}").contains("no events"));
    assert!(said("{\"events\": [{\"type\": \"ExecutionStarted\"}]}").contains("no numeric \"id\""));
}

#[test]
fn the_mock_config_answers_each_invocation_as_recorded() {
    let r = read(&text(&history())).unwrap();
    let config = mock_config(&r, "M");
    assert_eq!(config["StateMachines"]["M"]["TestCases"][TEST_CASE], json!({"Work": "Work (recorded)"}));
    assert_eq!(
        config["MockedResponses"]["Work (recorded)"],
        json!({
            "0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "busy"}},
            "1": {"Return": {"Payload": {"ok": true}}},
        })
    );
    assert!(crate::mock_config::MockConfig::from_value(&config).is_ok());
}

#[test]
fn parallel_branches_are_answered_by_scheduling_order() {
    // Two branches' tasks interleave; each ending is found through its chain of events.
    let events = vec![
        event(1, 0, "ExecutionStarted", json!({"input": "{}"})),
        event(2, 1, "ParallelStateEntered", json!({"name": "Both", "input": "{}"})),
        event(3, 2, "TaskStateEntered", json!({"name": "A", "input": "{}"})),
        event(4, 2, "TaskStateEntered", json!({"name": "B", "input": "{}"})),
        event(5, 3, "TaskScheduled", json!({})),
        event(6, 4, "TaskScheduled", json!({})),
        event(7, 6, "TaskStarted", json!({})),
        event(8, 5, "TaskStarted", json!({})),
        event(9, 7, "TaskSucceeded", json!({"output": "\"b\""})),
        event(10, 8, "TaskFailed", json!({"error": "E", "cause": "c"})),
    ];
    let r = read(&text(&events)).unwrap();
    assert_eq!(r.events[8].state.as_deref(), Some("B"));
    let config = mock_config(&r, "M");
    assert_eq!(config["MockedResponses"]["A (recorded)"]["0"], json!({"Throw": {"Error": "E", "Cause": "c"}}));
    assert_eq!(config["MockedResponses"]["B (recorded)"]["0"], json!({"Return": "b"}));
    assert!(r.ending().is_none(), "still running when recorded");
}

#[test]
fn the_first_divergence() {
    let recorded = read(&text(&history())).unwrap();
    assert_eq!(first_divergence(&recorded.events, &recorded.events), None);
    assert!(data_differences(&recorded.events, &recorded.events).is_empty());

    // A run that goes to another state after Work.
    let mut other = history();
    other[9]["stateEnteredEventDetails"]["name"] = json!("Elsewhere");
    let ran = read(&text(&other)).unwrap();
    let d = first_divergence(&recorded.events, &ran.events).unwrap();
    assert_eq!(d.index, 9);
    assert_eq!(d.why, "the recording is in state Done, the run in Elsewhere");
    assert_eq!(d.recorded.unwrap().to_string(), "#10 SucceedStateEntered (Done)");

    // A run that is shorter, and one that fails with another error.
    let ran = read(&text(&history()[..9])).unwrap();
    assert_eq!(first_divergence(&recorded.events, &ran.events).unwrap().why, "the run ends here");
    let failing = |error: &str| {
        let mut e = history()[..9].to_vec();
        e.push(event(10, 9, "ExecutionFailed", json!({"error": error, "cause": "x"})));
        read(&text(&e)).unwrap()
    };
    let d = first_divergence(&failing("A").events, &failing("B").events).unwrap();
    assert_eq!(d.why, "the recording fails with A, the run with B");

    // The same events with another output: a data difference, not a departure.
    let mut other = history();
    other[11]["executionSucceededEventDetails"]["output"] = json!("{\"ok\":false}");
    let ran = read(&text(&other)).unwrap();
    assert_eq!(first_divergence(&recorded.events, &ran.events), None);
    assert_eq!(
        data_differences(&recorded.events, &ran.events),
        vec![(11, "ExecutionSucceeded (#12): the output differs".to_string())]
    );
}

fn machine(definition: Value) -> crate::model::StateMachine {
    crate::load_value(&definition).machine.expect("a valid definition")
}

#[test]
fn visits_are_rebuilt_with_attempts_backoff_and_data() {
    let r = read(&text(&history())).unwrap();
    let (events, _) = history_events(&r);
    let m = machine(json!({"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:w", "Next": "Done",
                 "Retry": [{"ErrorEquals": ["Lambda.ServiceException"]}]},
        "Done": {"Type": "Succeed"}}}));
    let v = visits(&events, &m);
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].state_name.as_str(), v[0].state_pointer.as_str()), ("Work", "/States/Work"));
    assert_eq!(v[0].attempts.len(), 2);
    let first = &v[0].attempts[0];
    assert_eq!(first.error.as_ref().map(|e| e.error.as_str()), Some("Lambda.ServiceException"));
    // Failed at second 5, scheduled again at second 6.
    assert_eq!(first.retry_delay_ms, Some(1000));
    assert!(v[0].error.is_none() && v[0].exited_event_id == Some(9));
    let output = v[0].stages.iter().find(|(s, _)| *s == crate::exec::Stage::Output).unwrap();
    assert_eq!(*output.1, json!({"ok": true}));
    let out = outcome(&events).unwrap();
    assert_eq!((out.status, out.output), (crate::exec::Status::Succeeded, Some(json!({"ok": true}))));
}

#[test]
fn a_state_the_definition_lacks_still_gets_its_visit() {
    let r = read(&text(&history())).unwrap();
    let (events, _) = history_events(&r);
    let m = machine(json!({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}));
    let v = visits(&events, &m);
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].state_name.as_str(), v[0].state_pointer.as_str()), ("Work", ""));
    assert_eq!(v[1].state_pointer, "/States/Done");
}

#[test]
fn a_history_cut_short_has_no_outcome_and_open_visits() {
    let mut events = history();
    events.truncate(7);
    let r = read(&text(&events)).unwrap();
    let (events, _) = history_events(&r);
    let m = machine(json!({"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:w", "End": true}}}));
    assert!(outcome(&events).is_none());
    let v = visits(&events, &m);
    assert_eq!(v.len(), 1);
    assert!(v[0].exited_event_id.is_none());
}

#[test]
fn the_first_divergence_of_engine_events() {
    let r = read(&text(&history())).unwrap();
    let (events, _) = history_events(&r);
    assert!(first_divergence(&events, &events).is_none());
    let d = first_divergence(&events, &events[..8]).unwrap();
    assert_eq!((d.index, d.why.as_str()), (8, "the run ends here"));
    assert_eq!(d.recorded.unwrap().to_string(), "#9 TaskStateExited (Work)");
}

#[test]
fn a_history_is_told_from_a_definition() {
    assert!(looks_like_history(&text(&history())));
    assert!(looks_like_history(&format!("[{}]", text(&history()))));
    assert!(looks_like_history(r#"{"executionArn": "arn:x", "startDate": "2025-01-01", "status": "RUNNING"}"#));
    assert!(!looks_like_history(r#"{"StartAt": "events", "States": {"events": {"Type": "Succeed"}}}"#));
    assert!(!looks_like_history("StartAt: A\nStates: {}\n"));
}
