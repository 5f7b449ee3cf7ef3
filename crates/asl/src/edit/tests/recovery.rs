use serde_json::{Value, json};

use crate::edit::recovery::{add_catcher, add_retrier, error_names, remove, set_member, thrown_errors};

const TASK: &str = r#"{
  "StartAt": "Pay",
  "States": {
    "Pay": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:pay",
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"},
    "Failed": {"Type": "Fail"}
  }
}"#;

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn retriers_and_catchers_are_added_before_next_and_removed_with_their_list() {
    let out = add_retrier(TASK, "", "Pay").unwrap();
    let v = value(&out);
    assert_eq!(
        v["States"]["Pay"]["Retry"],
        json!([{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2}])
    );
    let keys: Vec<&String> = v["States"]["Pay"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Type", "Resource", "Retry", "Next"]);
    // The one for every error stays last.
    let out = add_retrier(&out, "", "Pay").unwrap();
    assert_eq!(value(&out)["States"]["Pay"]["Retry"][0]["ErrorEquals"], json!(["States.TaskFailed"]), "{out}");
    assert!(out.contains("\"Retry\": [\n        {\n          \"ErrorEquals\": [\"States.TaskFailed\"],"), "{out}");
    let out = set_member(&out, "/States/Pay/Retry/1", "MaxAttempts", Some(json!(5))).unwrap();
    let out = set_member(&out, "/States/Pay/Retry/1", "JitterStrategy", Some(json!("FULL"))).unwrap();
    assert_eq!(value(&out)["States"]["Pay"]["Retry"][1]["MaxAttempts"], 5);
    assert_eq!(value(&out)["States"]["Pay"]["Retry"][1]["JitterStrategy"], "FULL");
    let out = add_catcher(&out, "", "Pay", "Failed").unwrap();
    assert_eq!(value(&out)["States"]["Pay"]["Catch"], json!([{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]));
    let errors: Vec<String> =
        crate::load(&out).diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.clone()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let out = remove(&out, "/States/Pay/Retry/0").unwrap();
    let out = remove(&out, "/States/Pay/Retry/0").unwrap();
    let out = remove(&out, "/States/Pay/Catch/0").unwrap();
    assert_eq!(out, TASK);
}

#[test]
fn the_error_names_offered_are_the_mock_s_then_step_functions_own() {
    let mock = "export default async (input, context) => {\n  if (input.card === 'bad') throw context.error('Payment.Declined', 'no');\n  throw context.error( \"Payment.Timeout\");\n  context.error(`Payment.Declined`);\n};";
    assert_eq!(thrown_errors(mock), ["Payment.Declined", "Payment.Timeout"]);
    assert!(thrown_errors("error(x); .error(name)").is_empty());
    let names = error_names(&thrown_errors(mock));
    assert_eq!(&names[..3], ["Payment.Declined", "Payment.Timeout", "States.ALL"]);
    assert!(names.contains(&"States.TaskFailed".to_string()));
}
