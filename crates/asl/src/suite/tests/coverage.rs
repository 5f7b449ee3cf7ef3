use serde_json::json;

use super::super::Coverage;
use super::{ORDER, machine, run, suite};
use crate::model::Edge;

/// The coverage of the order workflow after the cases in `cases` (YAML items).
fn order_coverage(cases: &str) -> super::super::CoverageReport {
    let m = machine(ORDER);
    let s = suite(&format!("cases:\n{cases}"));
    let mut c = Coverage::new(&m);
    for case in &s.cases {
        c.add(run(&m, case).visits());
    }
    c.report()
}

#[test]
fn lists_every_item_before_any_run() {
    let r = Coverage::new(&machine(ORDER)).report();
    assert_eq!((r.runs, r.states.total, r.states.covered), (0, 5, 0));
    // Pay: Next and Catch; Big?: a rule and Default; Review: Next.
    assert_eq!(r.transitions.total, 5);
    assert_eq!(r.choices.total, 2);
    assert_eq!(r.catches.total, 1);
    assert_eq!(r.retries.total, 1);
    let t = &r.choices.items[0];
    assert_eq!((t.from.as_str(), t.from_name.as_str(), t.to.as_str()), ("/States/Big?", "Big?", "Review"));
    assert_eq!(t.to_pointer.as_deref(), Some("/States/Review"));
    assert_eq!(t.edge, Edge::ChoiceRule(0));
    let report = serde_json::to_value(&r).unwrap();
    assert_eq!(report["choices"]["items"][1]["edge"], json!({"kind": "default"}));
    assert_eq!(report["catches"]["items"][0]["edge"], json!({"kind": "catch", "index": 0}));
    assert_eq!(
        report["states"]["items"][0],
        json!({"pointer": "/States/Pay", "name": "Pay", "type": "Task", "hits": 0, "covered": false})
    );
}

#[test]
fn counts_choice_branches_retries_and_catches() {
    let pays = "  - name: pays\n    input: {amount: 50}\n    mocks:\n      Pay: [{error: Gateway.Busy}, {result: 1}]\n";
    let r = order_coverage(pays);
    assert_eq!((r.states.covered, r.states.total), (3, 5));
    assert_eq!((r.choices.covered, r.retries.covered, r.catches.covered), (1, 1, 0));
    assert_eq!(r.retries.items[0].hits, 1);
    assert!(r.choices.items[1].covered && !r.choices.items[0].covered);
    let text = r.text();
    assert!(text.contains("states           3/5 (60.0%)"), "{text}");
    assert!(text.contains("choice branches  1/2 (50.0%)"), "{text}");
    assert!(text.contains("Choice \"Big?\": rule 1 (→ Review) never taken"), "{text}");
    assert!(text.contains("\"Pay\": catcher 1 (→ Cancel) never caught an error"), "{text}");
    assert!(text.contains("Wait \"Review\" never entered"), "{text}");
    assert!(!text.contains("retrier"), "{text}");

    let all = format!(
        "{pays}  - name: big\n    input: {{amount: 5000}}\n  - name: declined\n    input: {{amount: 1}}\n    mocks:\n      Pay: {{error: Card.Declined}}\n"
    );
    let r = order_coverage(&all);
    assert_eq!(r.runs, 3);
    assert_eq!(
        (r.states.covered, r.transitions.covered, r.choices.covered, r.retries.covered, r.catches.covered),
        (5, 5, 2, 1, 1)
    );
    assert_eq!(r.states.items[0].hits, 3);
    assert!(r.missed().is_empty(), "{:?}", r.missed());
    assert!(r.text().contains("(100.0%)"));
}

const NESTED: &str = r#"{
  "StartAt": "Fan",
  "States": {
    "Fan": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
        {"StartAt": "Each", "States": {"Each": {
          "Type": "Map",
          "ItemProcessor": {"StartAt": "Item", "States": {
            "Item": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 1}, {"ErrorEquals": ["Other"]}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Skip"}],
              "Next": "Done"},
            "Skip": {"Type": "Pass", "End": true},
            "Done": {"Type": "Succeed"}
          }},
          "End": true}}}
      ],
      "End": true
    }
  }
}"#;

#[test]
fn counts_states_inside_map_and_parallel() {
    let m = machine(NESTED);
    let s = suite(
        "cases:\n  - name: c\n    input: [1, 2]\n    mocks:\n      Item: [{error: Busy}, {result: 1}, {error: Bad}]\n",
    );
    let mut c = Coverage::new(&m);
    let exec = run(&m, &s.cases[0]);
    assert!(exec.outcome().is_some());
    c.add(exec.visits());
    let r = c.report();
    let hits: Vec<(&str, u64)> = r.states.items.iter().map(|s| (s.name.as_str(), s.hits)).collect();
    assert_eq!(hits, [("Fan", 1), ("Left", 1), ("Each", 1), ("Item", 2), ("Skip", 1), ("Done", 1)]);
    let item = r.states.items.iter().find(|s| s.name == "Item").unwrap();
    assert_eq!(item.pointer, "/States/Fan/Branches/1/States/Each/ItemProcessor/States/Item");
    assert_eq!((r.retries.total, r.retries.covered), (2, 1));
    assert!(r.retries.items[0].covered && !r.retries.items[1].covered);
    assert_eq!((r.catches.total, r.catches.covered), (1, 1));
    assert_eq!((r.transitions.total, r.transitions.covered), (2, 2));
    assert!(r.text().contains("\"Item\": retrier 2 (Other) never retried"), "{}", r.text());
}
