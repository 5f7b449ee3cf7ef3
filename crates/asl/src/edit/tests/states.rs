use serde_json::{Value, json};

use crate::edit::EditError;
use crate::edit::states::{
    Edge, add_branch, add_state, delete_state, duplicate_state, edge_after, insert_state, move_state, rename_state,
    scopes, set_field, set_transition, target, unique_name,
};

/// A Choice router with a catcher, in the layout people write.
const ROUTER: &str = r#"{
  "Comment": "router",
  "StartAt": "Route",
  "States": {
    "Route": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.kind", "StringEquals": "a", "Next": "Work"}
      ],
      "Default": "Work"
    },
    "Work": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work",
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}],
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"},
    "Failed": {"Type": "Fail", "Error": "Oops"}
  }
}"#;

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The definition's diagnostics of ERROR severity, as codes.
fn errors(text: &str) -> Vec<String> {
    crate::load(text)
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn a_rename_follows_every_reference_and_changes_nothing_else() {
    let out = rename_state(ROUTER, "", "Work", "Do the work").unwrap();
    assert_eq!(out, ROUTER.replace("\"Work\"", "\"Do the work\""));
    let out = rename_state(ROUTER, "", "Failed", "Failure").unwrap();
    assert_eq!(out, ROUTER.replace("\"Failed\"", "\"Failure\""));
    let out = rename_state(ROUTER, "", "Route", "Start here").unwrap();
    assert_eq!(out, ROUTER.replace("\"Route\"", "\"Start here\""));
    assert_eq!(rename_state(ROUTER, "", "Done", "Done").unwrap(), ROUTER);
    assert!(errors(&out).is_empty());
}

#[test]
fn a_rename_to_a_name_in_use_or_not_allowed_is_refused() {
    assert!(matches!(rename_state(ROUTER, "", "Work", "Done"), Err(EditError::InvalidName(_))));
    assert!(matches!(rename_state(ROUTER, "", "Work", "  "), Err(EditError::InvalidName(_))));
    assert!(matches!(rename_state(ROUTER, "", "Work", &"x".repeat(81)), Err(EditError::InvalidName(_))));
    assert!(rename_state(ROUTER, "", "Work", &"é".repeat(80)).is_ok());
    assert_eq!(rename_state(ROUTER, "", "Nobody", "X"), Err(EditError::NoSuchState("Nobody".into())));
}

const NESTED: &str = r#"{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}
      ],
      "Next": "M"
    },
    "M": {
      "Type": "Map",
      "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
      "End": true
    }
  }
}"#;

#[test]
fn nested_scopes_are_edited_in_place_and_names_are_unique_across_the_machine() {
    let branch = "/States/P/Branches/0";
    let out = rename_state(NESTED, branch, "B", "Second").unwrap();
    assert_eq!(out, NESTED.replace("\"B\"", "\"Second\""));
    assert!(matches!(rename_state(NESTED, branch, "B", "Item"), Err(EditError::InvalidName(_))));
    let out = insert_state(NESTED, "/States/M/ItemProcessor", &Edge::Start, "First", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!(v["States"]["M"]["ItemProcessor"]["StartAt"], "First");
    assert_eq!(v["States"]["M"]["ItemProcessor"]["States"]["First"]["Next"], "Item");
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
}

#[test]
fn a_state_inserted_on_a_transition_leads_where_it_went() {
    let out = insert_state(ROUTER, "", &Edge::Next("Work".into()), "Log", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!(v["States"]["Work"]["Next"], "Log");
    assert_eq!(v["States"]["Log"], json!({"Type": "Pass", "Next": "Done"}));
    // Written right after the state the transition leaves.
    let keys: Vec<&String> = v["States"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Route", "Work", "Log", "Done", "Failed"]);
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
}

#[test]
fn a_state_inserted_at_the_end_of_a_flow_ends_it() {
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#;
    let out = insert_state(text, "", &Edge::Next("A".into()), "B", json!({"Type": "Wait", "Seconds": 5})).unwrap();
    assert_eq!(
        value(&out),
        json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Wait", "Seconds": 5, "End": true}}})
    );
    assert!(errors(&out).is_empty());
}

#[test]
fn inserting_at_the_start_a_rule_a_default_or_a_catcher() {
    let out = insert_state(ROUTER, "", &Edge::Start, "Begin", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!((v["StartAt"].as_str(), v["States"]["Begin"]["Next"].as_str()), (Some("Begin"), Some("Route")));
    assert_eq!(v["States"].as_object().unwrap().keys().next().unwrap(), "Begin");

    let out = insert_state(ROUTER, "", &Edge::Choice("Route".into(), 0), "Prepare", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!(
        (v["States"]["Route"]["Choices"][0]["Next"].as_str(), v["States"]["Route"]["Default"].as_str()),
        (Some("Prepare"), Some("Work"))
    );
    assert_eq!(v["States"]["Prepare"]["Next"], "Work");

    let out =
        insert_state(ROUTER, "", &Edge::Default("Route".into()), "Other", json!({"Type": "Fail", "Error": "Unknown"}))
            .unwrap();
    let v = value(&out);
    assert_eq!(v["States"]["Route"]["Default"], "Other");
    assert_eq!(v["States"]["Other"], json!({"Type": "Fail", "Error": "Unknown"}));

    let out = insert_state(ROUTER, "", &Edge::Catch("Work".into(), 0), "Notify", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!(
        (v["States"]["Work"]["Catch"][0]["Next"].as_str(), v["States"]["Notify"]["Next"].as_str()),
        (Some("Notify"), Some("Failed"))
    );
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
}

#[test]
fn a_choice_inserted_on_a_transition_defaults_to_where_it_went() {
    let choice = json!({"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Failed"}]});
    let out = insert_state(ROUTER, "", &Edge::Next("Work".into()), "Check", choice).unwrap();
    let v = value(&out);
    assert_eq!(v["States"]["Check"]["Default"], "Done");
    assert!(v["States"]["Check"].get("Next").is_none());
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
}

#[test]
fn deleting_a_state_closes_the_flow_over_the_gap() {
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "End": true}}}"#;
    let out = delete_state(text, "", "B").unwrap();
    assert_eq!(
        out,
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "End": true}}}"#
    );
    let out = delete_state(text, "", "A").unwrap();
    assert_eq!(value(&out)["StartAt"], "B");
    let out = delete_state(text, "", "C").unwrap();
    assert_eq!(value(&out)["States"]["B"], json!({"Type": "Pass", "End": true}));
    assert!(errors(&out).is_empty());
}

#[test]
fn deleting_a_target_with_nowhere_to_go_leaves_what_named_it_for_validation_to_show() {
    let out = delete_state(ROUTER, "", "Failed").unwrap();
    let v = value(&out);
    assert_eq!(v["States"]["Work"]["Catch"][0]["Next"], "Failed");
    assert!(errors(&out).iter().any(|e| e.contains("Failed")), "{:?}", errors(&out));
    // A Succeed ends the flow: what led to it ends there.
    let out = delete_state(ROUTER, "", "Done").unwrap();
    assert_eq!(value(&out)["States"]["Work"]["End"], true);
    // The Choice's rule and Default follow the deleted state's Next.
    let out = delete_state(ROUTER, "", "Work").unwrap();
    let v = value(&out);
    assert_eq!(
        (v["States"]["Route"]["Default"].as_str(), v["States"]["Route"]["Choices"][0]["Next"].as_str()),
        (Some("Done"), Some("Done"))
    );
}

#[test]
fn transitions_are_rewired_and_ended() {
    let out = set_transition(ROUTER, "", &Edge::Next("Work".into()), Some("Failed")).unwrap();
    assert_eq!(out, ROUTER.replace("\"Next\": \"Done\"", "\"Next\": \"Failed\""));
    let out = set_transition(ROUTER, "", &Edge::Next("Work".into()), None).unwrap();
    assert_eq!(out, ROUTER.replace("\"Next\": \"Done\"", "\"End\": true"));
    let back = set_transition(&out, "", &Edge::Next("Work".into()), Some("Done")).unwrap();
    assert_eq!(back, ROUTER);
    let out = set_transition(ROUTER, "", &Edge::Default("Route".into()), None).unwrap();
    assert!(value(&out)["States"]["Route"].get("Default").is_none());
    let out = set_transition(&out, "", &Edge::Default("Route".into()), Some("Failed")).unwrap();
    assert_eq!(value(&out)["States"]["Route"]["Default"], "Failed");
    assert_eq!(target(ROUTER, "", &Edge::Catch("Work".into(), 0)).unwrap().as_deref(), Some("Failed"));
    assert_eq!(
        set_transition(ROUTER, "", &Edge::Next("Work".into()), Some("Nowhere")),
        Err(EditError::NoSuchState("Nowhere".into()))
    );
}

#[test]
fn duplicates_branches_and_new_states_get_unused_names() {
    let (out, name) = duplicate_state(ROUTER, "", "Work").unwrap();
    assert_eq!(name, "Work 2");
    let v = value(&out);
    assert_eq!(v["States"]["Work 2"], v["States"]["Work"]);
    assert_eq!(unique_name(&out, "Work").unwrap(), "Work 3");
    assert_eq!(unique_name(NESTED, "Item").unwrap(), "Item 2");

    let out = add_branch(NESTED, "/States/P", "C", json!({"Type": "Pass"})).unwrap();
    let v = value(&out);
    assert_eq!(
        v["States"]["P"]["Branches"][1],
        json!({"StartAt": "C", "States": {"C": {"Type": "Pass", "End": true}}})
    );
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    assert!(matches!(add_branch(NESTED, "/States/M", "D", json!({"Type": "Pass"})), Err(EditError::Refused(_))));

    let out = add_state(ROUTER, "", "Loose", json!({"Type": "Pass", "End": true})).unwrap();
    assert_eq!(value(&out)["States"].as_object().unwrap().keys().next_back().unwrap(), "Loose");
}

#[test]
fn a_field_is_set_before_the_transition_and_removed_with_its_comma() {
    let out = set_field(ROUTER, "", "Work", "Comment", Some(json!("does the work"))).unwrap();
    assert!(out.contains("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Failed\"}],\n      \"Comment\": \"does the work\",\n      \"Next\": \"Done\""), "{out}");
    let out = set_field(&out, "", "Work", "Comment", Some(json!("changed"))).unwrap();
    assert_eq!(value(&out)["States"]["Work"]["Comment"], "changed");
    let back = set_field(&out, "", "Work", "Comment", None).unwrap();
    assert_eq!(back, ROUTER);
    assert_eq!(set_field(ROUTER, "", "Work", "Nope", None).unwrap(), ROUTER);
    let out = set_field(ROUTER, "", "Done", "Comment", Some(json!("ok"))).unwrap();
    assert_eq!(value(&out)["States"]["Done"], json!({"Type": "Succeed", "Comment": "ok"}));
}

#[test]
fn what_comes_after_a_state_depends_on_its_type() {
    let v = value(ROUTER);
    assert_eq!(edge_after(&v, Some("Work")), (String::new(), Edge::Next("Work".into())));
    assert_eq!(edge_after(&v, Some("Route")), (String::new(), Edge::Default("Route".into())));
    assert_eq!(edge_after(&v, Some("Done")), (String::new(), Edge::Next("Work".into())));
    assert_eq!(edge_after(&v, Some("Failed")), (String::new(), Edge::Catch("Work".into(), 0)));
    assert_eq!(edge_after(&v, None), (String::new(), Edge::Start));
    assert_eq!(edge_after(&v, Some("Nobody")), (String::new(), Edge::Start));
    let nested = value(NESTED);
    assert_eq!(edge_after(&nested, Some("B")), ("/States/P/Branches/0".into(), Edge::Next("B".into())));
}

#[test]
fn an_empty_definition_starts_with_the_first_state_added() {
    let out = insert_state("{}", "", &Edge::Start, "First", json!({"Type": "Pass"})).unwrap();
    assert_eq!(value(&out), json!({"StartAt": "First", "States": {"First": {"Type": "Pass", "End": true}}}));
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    let out =
        insert_state("{\n  \"Comment\": \"new\"\n}", "", &Edge::Start, "First", json!({"Type": "Succeed"})).unwrap();
    assert_eq!(
        out,
        "{\n  \"Comment\": \"new\",\n  \"StartAt\": \"First\",\n  \"States\": {\n    \"First\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}"
    );
}

#[test]
fn nothing_goes_after_a_state_that_has_no_next() {
    for (name, kind) in [("Done", "Succeed"), ("Failed", "Fail"), ("Route", "Choice")] {
        let refused = insert_state(ROUTER, "", &Edge::Next(name.into()), "After", json!({"Type": "Pass"}));
        assert!(matches!(&refused, Err(EditError::Refused(why)) if why.contains(kind)), "{refused:?}");
        assert!(matches!(
            set_transition(ROUTER, "", &Edge::Next(name.into()), Some("Work")),
            Err(EditError::Refused(_))
        ));
    }
}

/// An order flow with every kind of transition: a rule, a Default, a catcher, Next and End.
const ORDER: &str = r#"{
  "Comment": "orders",
  "StartAt": "Check",
  "States": {
    "Check": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.ok", "BooleanEquals": true, "Next": "Charge"}
      ],
      "Default": "Reject"
    },
    "Charge": {
      "Type": "Task",
      "Comment": "takes the money",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
      "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Reject"}],
      "Next": "Log"
    },
    "Log": {
      "Type": "Pass",
      "Parameters": {"order.$": "$.id", "rate": 1.50},
      "ResultPath": "$.log",
      "Next": "Ship"
    },
    "Ship": {"Type": "Pass", "End": true},
    "Reject": {"Type": "Fail", "Error": "Rejected"}
  }
}"#;

/// `text` with each snippet (found exactly once in it) replaced, all at once: what an edit that
/// changes only those snippets gives.
fn with(text: &str, changes: &[(&str, &str)]) -> String {
    let mut at: Vec<(usize, &str, &str)> = changes
        .iter()
        .map(|(from, to)| {
            assert_eq!(text.matches(from).count(), 1, "{from} is not unique");
            (text.find(from).unwrap(), *from, *to)
        })
        .collect();
    at.sort();
    let (mut out, mut done) = (String::new(), 0);
    for (i, from, to) in at {
        out.push_str(&text[done..i]);
        out.push_str(to);
        done = i + from.len();
    }
    out + &text[done..]
}

/// A move that must succeed and add no error to the definition.
fn moved(text: &str, from_scope: &str, name: &str, to_scope: &str, edge: Edge) -> String {
    let out = move_state(text, from_scope, name, to_scope, &edge)
        .unwrap_or_else(|e| panic!("moving {name} onto {edge:?}: {e}"));
    let before = errors(text);
    let new: Vec<String> = errors(&out).into_iter().filter(|e| !before.contains(e)).collect();
    assert!(new.is_empty(), "moving {name} onto {edge:?} added {new:?}:\n{out}");
    out
}

#[test]
fn a_state_moved_forward_only_changes_transitions() {
    let out = moved(ORDER, "", "Log", "", Edge::Next("Ship".into()));
    let expected = with(
        ORDER,
        &[
            (r#""Next": "Log""#, r#""Next": "Ship""#),
            (r#""Next": "Ship""#, r#""End": true"#),
            (r#""Ship": {"Type": "Pass", "End": true}"#, r#""Ship": {"Type": "Pass", "Next": "Log"}"#),
        ],
    );
    assert_eq!(out, expected);
    // And back where it was: the text it started from.
    assert_eq!(moved(&out, "", "Log", "", Edge::Next("Charge".into())), ORDER);
}

#[test]
fn a_state_moved_backward_ends_the_flow_it_ended() {
    let out = moved(ORDER, "", "Ship", "", Edge::Next("Charge".into()));
    let expected = with(
        ORDER,
        &[
            (r#""Next": "Log""#, r#""Next": "Ship""#),
            (r#""Next": "Ship""#, r#""End": true"#),
            (r#""Ship": {"Type": "Pass", "End": true}"#, r#""Ship": {"Type": "Pass", "Next": "Log"}"#),
        ],
    );
    assert_eq!(out, expected);
    let v = value(&out);
    assert_eq!((v["States"]["Ship"]["Next"].as_str(), v["States"]["Log"]["End"].as_bool()), (Some("Log"), Some(true)));
}

#[test]
fn a_state_moved_onto_a_rule_a_default_a_catcher_or_the_start() {
    // Log leaves the gap between Charge and Ship, which closes: Charge leads to Ship.
    let closed = (r#""Next": "Log""#, r#""Next": "Ship""#);

    let out = moved(ORDER, "", "Log", "", Edge::Choice("Check".into(), 0));
    let rule = (r#""BooleanEquals": true, "Next": "Charge""#, r#""BooleanEquals": true, "Next": "Log""#);
    let onward = (
        r#""ResultPath": "$.log",
      "Next": "Ship""#,
        r#""ResultPath": "$.log",
      "Next": "Charge""#,
    );
    assert_eq!(out, with(ORDER, &[rule, closed, onward]));

    let out = moved(ORDER, "", "Log", "", Edge::Default("Check".into()));
    let default = (r#""Default": "Reject""#, r#""Default": "Log""#);
    let onward = (
        r#""ResultPath": "$.log",
      "Next": "Ship""#,
        r#""ResultPath": "$.log",
      "Next": "Reject""#,
    );
    assert_eq!(out, with(ORDER, &[default, closed, onward]));

    let out = moved(ORDER, "", "Log", "", Edge::Catch("Charge".into(), 0));
    let catcher = (r#"["States.ALL"], "Next": "Reject""#, r#"["States.ALL"], "Next": "Log""#);
    assert_eq!(out, with(ORDER, &[catcher, closed, onward]));

    let out = moved(ORDER, "", "Log", "", Edge::Start);
    let start = (r#""StartAt": "Check""#, r#""StartAt": "Log""#);
    let onward = (
        r#""ResultPath": "$.log",
      "Next": "Ship""#,
        r#""ResultPath": "$.log",
      "Next": "Check""#,
    );
    assert_eq!(out, with(ORDER, &[start, closed, onward]));
}

#[test]
fn moving_the_start_state_starts_the_scope_at_what_followed_it() {
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "End": true}}}"#;
    let out = moved(text, "", "A", "", Edge::Next("B".into()));
    assert_eq!(
        out,
        r#"{"StartAt": "B", "States": {"A": {"Type": "Pass", "Next": "C"}, "B": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Pass", "End": true}}}"#
    );
    assert_eq!(value(&delete_state(text, "", "A").unwrap())["StartAt"], value(&out)["StartAt"]);
}

#[test]
fn a_choice_moves_with_its_default_as_its_way_on_and_a_succeed_ends_where_it_went() {
    // The Choice started the flow and went to Work by default: the flow starts at Work now, and
    // the Choice comes after Work, its Default taking Work's way on.
    let out = moved(ROUTER, "", "Route", "", Edge::Next("Work".into()));
    let v = value(&out);
    assert_eq!(v["StartAt"], "Work");
    assert_eq!(v["States"]["Work"]["Next"], "Route");
    assert_eq!(v["States"]["Route"]["Default"], "Done");
    assert_eq!(v["States"]["Route"]["Choices"][0]["Next"], "Work");

    // A Succeed led to by Work's Next: Work ends the flow, and the catcher leads to the Succeed.
    let out = moved(ROUTER, "", "Done", "", Edge::Catch("Work".into(), 0));
    let v = value(&out);
    assert_eq!(v["States"]["Work"]["End"], true);
    assert_eq!(v["States"]["Work"]["Catch"][0]["Next"], "Done");
    assert_eq!(v["States"]["Done"], json!({"Type": "Succeed"}));
}

#[test]
fn a_state_moves_out_of_a_parallel_branch_and_back() {
    let branch = "/States/P/Branches/0";
    let out = moved(NESTED, branch, "B", "", Edge::Next("P".into()));
    let expected = with(
        NESTED,
        &[
            (
                r#"{"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}"#,
                r#"{"A": {"Type": "Pass", "End": true}}"#,
            ),
            ("\"Next\": \"M\"\n    },", "\"Next\": \"B\"\n    },\n    \"B\": {\"Type\": \"Pass\", \"Next\": \"M\"},"),
        ],
    );
    assert_eq!(out, expected);
    assert_eq!(moved(&out, "", "B", branch, Edge::Next("A".into())), NESTED);
}

#[test]
fn a_map_moves_into_a_parallel_branch_with_its_item_processor() {
    let branch = "/States/P/Branches/0";
    let out = moved(NESTED, "", "M", branch, Edge::Next("A".into()));
    let v = value(&out);
    assert_eq!(
        v["States"]["P"],
        json!({
            "Type": "Parallel",
            "Branches": [{"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Next": "M"},
                "M": {
                    "Type": "Map",
                    "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}},
                    "Next": "B"
                },
                "B": {"Type": "Pass", "End": true}
            }}],
            "End": true
        })
    );
    assert!(v["States"].get("M").is_none());
}

/// Written over many lines, with a Map and a Parallel, and a number written as people write it.
const PRETTY: &str = r#"{
  "StartAt": "Prepare",
  "States": {
    "Prepare": {
      "Type": "Pass",
      "Comment": "sets up",
      "Parameters": {
        "items.$": "$.items",
        "rate": 1.50
      },
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "ItemProcessor": {
        "StartAt": "Double",
        "States": {
          "Double": {
            "Type": "Pass",
            "Parameters": {"twice.$": "States.MathAdd($, $)"},
            "Next": "Keep"
          },
          "Keep": {
            "Type": "Pass",
            "End": true
          }
        }
      },
      "Next": "Both"
    },
    "Both": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "Left",
          "States": {
            "Left": {
              "Type": "Wait",
              "Seconds": 1,
              "End": true
            }
          }
        }
      ],
      "End": true
    }
  }
}"#;

#[test]
fn a_state_moved_into_a_map_body_keeps_its_text_indented_for_its_place() {
    let out = moved(PRETTY, "", "Prepare", "/States/Each/ItemProcessor", Edge::Start);
    let expected = with(
        PRETTY,
        &[
            (r#""StartAt": "Prepare""#, r#""StartAt": "Each""#),
            (
                r#""Prepare": {
      "Type": "Pass",
      "Comment": "sets up",
      "Parameters": {
        "items.$": "$.items",
        "rate": 1.50
      },
      "Next": "Each"
    },
    "#,
                "",
            ),
            (
                r#""StartAt": "Double",
        "States": {
          "#,
                r#""StartAt": "Prepare",
        "States": {
          "Prepare": {
            "Type": "Pass",
            "Comment": "sets up",
            "Parameters": {
              "items.$": "$.items",
              "rate": 1.50
            },
            "Next": "Double"
          },
          "#,
            ),
        ],
    );
    assert_eq!(out, expected);
}

#[test]
fn a_state_moved_out_of_a_map_body_or_into_a_branch_keeps_its_text() {
    let out = moved(PRETTY, "/States/Each/ItemProcessor", "Keep", "", Edge::Next("Both".into()));
    let expected = with(
        PRETTY,
        &[
            (
                r#""Next": "Keep"
          },
          "Keep": {
            "Type": "Pass",
            "End": true
          }"#,
                r#""End": true
          }"#,
            ),
            (
                r#"      ],
      "End": true
    }"#,
                r#"      ],
      "Next": "Keep"
    },
    "Keep": {
      "Type": "Pass",
      "End": true
    }"#,
            ),
        ],
    );
    assert_eq!(out, expected);

    let out =
        moved(PRETTY, "/States/Each/ItemProcessor", "Double", "/States/Both/Branches/0", Edge::Next("Left".into()));
    assert!(
        out.contains(
            r#"            "Seconds": 1,
              "Next": "Double"
            },
            "Double": {
              "Type": "Pass",
              "Parameters": {"twice.$": "States.MathAdd($, $)"},
              "End": true
            }"#
            .replace("            \"Seconds\"", "              \"Seconds\"")
            .as_str()
        ),
        "{out}"
    );
    assert_eq!(value(&out)["States"]["Each"]["ItemProcessor"]["StartAt"], "Keep");
}

#[test]
fn moves_that_cannot_be_made_are_refused() {
    let refused = |text: &str, from: &str, name: &str, to: &str, edge: Edge| {
        let out = move_state(text, from, name, to, &edge);
        assert!(out.is_err(), "moving {name} onto {edge:?} was made:\n{}", out.unwrap_or_default());
        out.unwrap_err()
    };
    // No such state, scope or transition.
    assert_eq!(refused(ORDER, "", "Nobody", "", Edge::Start), EditError::NoSuchState("Nobody".into()));
    assert_eq!(refused(ORDER, "", "Log", "", Edge::Next("Nobody".into())), EditError::NoSuchState("Nobody".into()));
    assert_eq!(
        refused(ORDER, "", "Log", "/States/Nope", Edge::Start),
        EditError::NotFound("/States/Nope/States".into())
    );
    for (edge, says) in [
        (Edge::Choice("Check".into(), 3), "'Check' has no rule 4"),
        (Edge::Catch("Charge".into(), 1), "'Charge' has no catcher 2"),
        (Edge::Default("Charge".into()), "'Charge' is not a Choice: it has no Default"),
        (Edge::Next("Reject".into()), "a Fail state has no Next: nothing can come after 'Reject' that way"),
        (Edge::Next("Check".into()), "a Choice state has no Next: nothing can come after 'Check' that way"),
    ] {
        assert_eq!(refused(ORDER, "", "Log", "", edge), EditError::Refused(says.into()));
    }
    // Its own transitions: it is already there.
    for (name, edge) in [
        ("Log", Edge::Next("Charge".into())),
        ("Log", Edge::Next("Log".into())),
        ("Charge", Edge::Catch("Charge".into(), 0)),
        ("Charge", Edge::Choice("Check".into(), 0)),
        ("Check", Edge::Start),
        ("Reject", Edge::Default("Check".into())),
    ] {
        let why = refused(ORDER, "", name, "", edge).to_string();
        assert!(why.starts_with(&format!("'{name}' is already there")), "{why}");
    }
    // Into itself.
    let why = refused(NESTED, "", "P", "/States/P/Branches/0", Edge::Next("A".into()));
    assert_eq!(why, EditError::Refused("'P' cannot move into its own states".into()));
    // A scope left with no state.
    let why = refused(NESTED, "/States/M/ItemProcessor", "Item", "", Edge::Next("M".into())).to_string();
    assert!(why.contains("the only state of its scope"), "{why}");
    // A name the scope it goes to has (the machine repeats it, which validation reports).
    let twice = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "P"}, "P": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}], "End": true}}}"#;
    assert!(matches!(refused(twice, "", "A", "/States/P/Branches/0", Edge::Start), EditError::InvalidName(_)));
}

#[test]
fn a_move_that_would_leave_a_transition_naming_nothing_is_refused() {
    let text = r#"{"StartAt": "Work", "States": {
      "Work": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}], "Next": "P"},
      "P": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}], "End": true},
      "Oops": {"Type": "Fail"}
    }}"#;
    let branch = "/States/P/Branches/0";
    // Work's catcher would lead nowhere without Oops.
    assert_eq!(
        move_state(text, "", "Oops", branch, &Edge::Next("A".into())),
        Err(EditError::Refused(
            "nothing follows 'Oops' to take its place: catcher 1 of 'Work' would lead nowhere".into()
        ))
    );
    // Work's own catcher would name a state of the scope it left.
    assert_eq!(
        move_state(text, "", "Work", branch, &Edge::Next("A".into())),
        Err(EditError::Refused(
            "'Work' leads to 'Oops', which stays behind: a state can only lead to states of its own scope".into()
        ))
    );
    // Within the scope, the catcher keeps leading to Oops, wherever it goes.
    let out = moved(text, "", "Oops", "", Edge::Start);
    assert_eq!(value(&out)["States"]["Work"]["Catch"][0]["Next"], "Oops");
}

#[test]
fn a_move_that_would_leave_the_flow_without_an_end_is_refused() {
    // A Choice put where the flow ended keeps its Default, which leads back: nothing would end.
    let text = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "A"}], "Default": "A"}, "A": {"Type": "Pass", "End": true}}}"#;
    let why = move_state(text, "", "C", "", &Edge::Next("A".into())).unwrap_err().to_string();
    assert!(
        why.starts_with("moving 'C' there would leave the state machine wrong: No state ends the workflow"),
        "{why}"
    );
}

/// The names of the states of `scope`.
fn names(machine: &Value, scope: &str) -> Vec<String> {
    let states = machine.pointer(&format!("{scope}/States")).and_then(Value::as_object);
    states.map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

/// Every transition of every scope (and some that are not there), with its scope.
fn every_edge(machine: &Value) -> Vec<(String, Edge)> {
    let mut edges = Vec::new();
    for scope in scopes(machine) {
        edges.push((scope.clone(), Edge::Start));
        for n in names(machine, &scope) {
            let of = [Edge::Next(n.clone()), Edge::Default(n.clone()), Edge::Choice(n.clone(), 0), Edge::Catch(n, 0)];
            edges.extend(of.into_iter().map(|e| (scope.clone(), e)));
        }
    }
    edges
}

/// Each state of each scope moved onto each transition of each scope: refused, or valid JSON
/// with the state on that transition of its new scope (and gone from the old one), and no
/// error the definition did not have.
#[test]
fn any_move_is_refused_or_leaves_the_state_where_it_went() {
    use crate::edit::states::state;
    let mut made = 0;
    for text in [ORDER, ROUTER, NESTED, PRETTY] {
        let v = value(text);
        let before = errors(text);
        for from in scopes(&v) {
            for name in names(&v, &from) {
                for (to, edge) in every_edge(&v) {
                    let Ok(out) = move_state(text, &from, &name, &to, &edge) else { continue };
                    let what = format!("{name} onto {to} {edge:?}:\n{out}");
                    assert!(crate::json::parse(&out).errors.is_empty(), "{what}");
                    let after = value(&out);
                    assert!(after.pointer(&state(&to, &name)).is_some(), "{what}");
                    assert!(from == to || after.pointer(&state(&from, &name)).is_none(), "{what}");
                    assert_eq!(target(&out, &to, &edge).unwrap().as_deref(), Some(name.as_str()), "{what}");
                    let new: Vec<String> = errors(&out).into_iter().filter(|e| !before.contains(e)).collect();
                    assert!(new.is_empty(), "{new:?} {what}");
                    made += 1;
                }
            }
        }
    }
    assert!(made > 70, "{made}");
}
