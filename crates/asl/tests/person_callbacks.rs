//! Callback tasks a person answers: the host leaves them pending, moves the clock on its own
//! only up to the next deadline that would end the person's chance, and goes on when they
//! answer, send a heartbeat or let time pass.

use std::sync::Arc;

use asl::exec::{DeadlineKind, EventKind, Execution, Options, Status, TaskAnswer, TaskRequest};
use asl::host::{PersonTasks, Reply, let_time_pass, run_until_person};
use serde_json::{Value, json};

fn start(definition: Value, input: Value) -> Execution {
    let def = asl::load_value(&definition);
    assert!(!def.has_errors(), "{:?}", def.diagnostics);
    Execution::start(Arc::new(def.machine.unwrap()), input, Options::default()).unwrap()
}

/// Callback tasks go to the person; everything else returns its input.
fn reply(req: &TaskRequest) -> Reply {
    if req.callback { Reply::Person } else { Reply::Answer(TaskAnswer::Succeeded(req.input.clone()), 0) }
}

fn approval(extra: Value) -> Value {
    let mut task = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "amount.$": "$.amount"}},
        "HeartbeatSeconds": 3600,
        "TimeoutSeconds": 86400,
        "ResultPath": "$.decision",
        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Rejected"}],
        "End": true
    });
    task.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    json!({
        "StartAt": "Approve",
        "States": {"Approve": task, "Rejected": {"Type": "Pass", "End": true}}
    })
}

fn elapsed_ms(exec: &Execution) -> i64 {
    exec.now() - exec.history()[0].timestamp
}

fn run(exec: &mut Execution, person: &mut PersonTasks) {
    run_until_person(exec, person, reply, &mut asl::host::NoJsonata)
}

#[test]
fn a_callback_waits_for_the_person_without_the_clock_running_out() {
    let mut exec = start(approval(json!({})), json!({"amount": 740}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    assert!(exec.outcome().is_none(), "still running");
    assert_eq!(person.waiting().len(), 1);
    let req = person.waiting()[0].clone();
    assert_eq!(req.state_name, "Approve");
    let token = req.task_token.clone().unwrap();
    assert_eq!(req.input["MessageBody"]["token"], json!(token), "the payload carries the token");
    assert_eq!(elapsed_ms(&exec), 0, "no time passed on the person's behalf");
    let last = exec.history().last().unwrap();
    assert!(matches!(last.kind, EventKind::TaskSubmitted { .. }), "the message was sent: {:?}", last.kind);
    let next = person.next_deadline(&exec).unwrap();
    assert_eq!(next.kind, DeadlineKind::HeartbeatTimeout);
    assert_eq!(next.at - exec.history()[0].timestamp, 3_600_000);

    exec.answer(req.id, TaskAnswer::Succeeded(json!({"approved": true})), 0).unwrap();
    run(&mut exec, &mut person);
    assert!(person.is_empty());
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Succeeded);
    assert_eq!(outcome.output, Some(json!({"amount": 740, "decision": {"approved": true}})));
}

#[test]
fn a_failure_sent_by_the_person_is_caught_like_any_error() {
    let mut exec = start(approval(json!({})), json!({"amount": 740}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    let id = person.waiting()[0].id;
    exec.answer(id, TaskAnswer::Failed { error: "Manager.Rejected".into(), cause: Some("too much".into()) }, 0)
        .unwrap();
    run(&mut exec, &mut person);
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Succeeded);
    assert_eq!(outcome.output.as_ref().unwrap()["error"], json!({"Error": "Manager.Rejected", "Cause": "too much"}));
}

#[test]
fn letting_time_pass_ends_in_the_heartbeat_timeout() {
    let mut exec = start(approval(json!({})), json!({"amount": 740}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    assert!(let_time_pass(&mut exec, &person));
    run(&mut exec, &mut person);
    assert!(person.is_empty(), "the timed-out task no longer waits");
    assert_eq!(elapsed_ms(&exec), 3_600_000);
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.output.as_ref().unwrap()["error"]["Error"], json!("States.Timeout"));
}

#[test]
fn a_heartbeat_moves_the_deadline_and_other_branches_go_on_meanwhile() {
    let def = json!({
        "StartAt": "Both",
        "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
            approval(json!({})),
            {"StartAt": "Half an hour", "States": {
                "Half an hour": {"Type": "Wait", "Seconds": 1800, "Next": "Remind"},
                "Remind": {"Type": "Pass", "Result": "reminded", "End": true}
            }}
        ]}}
    });
    let mut exec = start(def, json!({"amount": 5}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    assert_eq!(person.waiting().len(), 1);
    assert_eq!(elapsed_ms(&exec), 1_800_000, "the other branch's Wait ran: it comes before the deadline");
    assert!(exec.history().iter().any(|e| format!("{:?}", e.kind).contains("Remind")));

    let id = person.waiting()[0].id;
    exec.answer(id, TaskAnswer::Heartbeat, 0).unwrap();
    run(&mut exec, &mut person);
    let next = person.next_deadline(&exec).unwrap();
    assert_eq!(next.at - exec.history()[0].timestamp, 5_400_000, "an hour after the heartbeat");
    assert!(let_time_pass(&mut exec, &person));
    run(&mut exec, &mut person);
    assert_eq!(elapsed_ms(&exec), 5_400_000);
    let output = exec.outcome().unwrap().output.clone().unwrap();
    assert_eq!(output[0]["error"]["Error"], json!("States.Timeout"));
    assert_eq!(output[1], json!("reminded"));
}

#[test]
fn the_state_machine_timeout_bounds_the_wait_too() {
    let mut def = approval(json!({}));
    def["TimeoutSeconds"] = json!(600);
    let mut exec = start(def, json!({"amount": 1}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    let next = person.next_deadline(&exec).unwrap();
    assert_eq!(next.kind, DeadlineKind::ExecutionTimeout);
    assert!(let_time_pass(&mut exec, &person));
    run(&mut exec, &mut person);
    assert_eq!(exec.outcome().unwrap().status, Status::TimedOut);
    assert_eq!(elapsed_ms(&exec), 600_000);
}

#[test]
fn a_callback_without_deadlines_waits_until_answered() {
    let mut def = approval(json!({}));
    let task = def["States"]["Approve"].as_object_mut().unwrap();
    task.remove("HeartbeatSeconds");
    task.remove("TimeoutSeconds");
    let mut exec = start(def, json!({"amount": 1}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    assert_eq!(person.next_deadline(&exec), None);
    assert!(!let_time_pass(&mut exec, &person), "no deadline: letting time pass changes nothing");
    assert!(exec.outcome().is_none());
    exec.answer(person.waiting()[0].id, TaskAnswer::Succeeded(json!(1)), 0).unwrap();
    run(&mut exec, &mut person);
    assert_eq!(exec.outcome().unwrap().status, Status::Succeeded);
}

#[test]
fn an_activity_waits_for_its_worker_the_same_way() {
    let def = json!({
        "StartAt": "Review",
        "States": {"Review": {
            "Type": "Task",
            "Resource": "arn:aws:states:us-east-1:123456789012:activity:review",
            "HeartbeatSeconds": 60,
            "End": true
        }}
    });
    let mut exec = start(def, json!({"doc": 1}));
    let mut person = PersonTasks::default();
    run(&mut exec, &mut person);
    assert_eq!(person.waiting().len(), 1);
    assert!(person.waiting()[0].callback, "an activity waits for its worker's callback");
    exec.answer(person.waiting()[0].id, TaskAnswer::Succeeded(json!({"ok": true})), 0).unwrap();
    run(&mut exec, &mut person);
    assert_eq!(exec.outcome().unwrap().output, Some(json!({"ok": true})));
}
