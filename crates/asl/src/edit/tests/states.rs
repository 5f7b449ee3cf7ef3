use serde_json::{Value, json};

use crate::edit::EditError;
use crate::edit::states::{
    Edge, add_branch, add_state, delete_state, duplicate_state, edge_after, insert_state, rename_state, set_field,
    set_transition, target, unique_name,
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
