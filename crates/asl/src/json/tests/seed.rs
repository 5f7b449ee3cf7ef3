//! The order workflow as it was published, with its two mistakes: both must be reported at
//! their line and column, and the recovered value must still hold the whole workflow.

use super::{located_errors, parse};
use serde_json::json;

const TRAILING_COMMA: &str = "trailing comma is not allowed in JSON";
const MISSING_COMMA: &str = "expected ',' or '}' after object member, found '\"ResultPath\"'";

/// A hand-written excerpt with the same two mistakes in the same shapes.
const EXCERPT: &str = r#"{
  "StartAt": "Authenticate Payment",
  "States": {
    "Authenticate Payment": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:order-auth-payment",
      "Retry": [
        {
          "ErrorEquals": [
            "Payment.GatewayUnavailable",
          ],
          "MaxAttempts": 5
        }
      ],
      "Next": "Mark Order as Cancelled"
    },
    "Mark Order as Cancelled": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:order-cancel-order"
      "ResultPath": "$.order",
      "End": true
    }
  }
}"#;

#[test]
fn excerpt_reports_both_mistakes_at_their_line_and_column() {
    assert_eq!(located_errors(EXCERPT), vec![(10, 41, TRAILING_COMMA.to_owned()), (20, 7, MISSING_COMMA.to_owned()),]);
}

#[test]
fn excerpt_recovers_the_whole_value() {
    let parsed = parse(EXCERPT);
    let expected = json!({
        "StartAt": "Authenticate Payment",
        "States": {
            "Authenticate Payment": {
                "Type": "Task",
                "Resource": "arn:aws:lambda:us-east-1:123456789012:function:order-auth-payment",
                "Retry": [{"ErrorEquals": ["Payment.GatewayUnavailable"], "MaxAttempts": 5}],
                "Next": "Mark Order as Cancelled"
            },
            "Mark Order as Cancelled": {
                "Type": "Task",
                "Resource": "arn:aws:lambda:us-east-1:123456789012:function:order-cancel-order",
                "ResultPath": "$.order",
                "End": true
            }
        }
    });
    assert_eq!(parsed.value, Some(expected));
    assert!(parsed.spans.get("/States/Mark Order as Cancelled/End").is_some());
}

#[test]
fn published_order_workflow_reports_both_mistakes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/order-workflow.as-published.asl.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is not available");
        return;
    };
    assert_eq!(located_errors(&text), vec![(31, 29, TRAILING_COMMA.to_owned()), (199, 1, MISSING_COMMA.to_owned()),]);

    let parsed = parse(&text);
    let value = parsed.value.expect("recovered value");
    let states = value["States"].as_object().expect("States object");
    let names: Vec<&str> = states.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "Create Order In Pending",
            "Authenticate Payment",
            "Reserve Item",
            "Capture Payment",
            "Ship Order",
            "Mark Order As Shipped",
            "Refund Payment",
            "Release Item",
            "Mark Order as Cancelled",
            "Release Authentication",
        ]
    );
    assert_eq!(
        value["States"]["Authenticate Payment"]["Retry"][1]["ErrorEquals"],
        json!(["Payment.GatewayUnavailable"])
    );
    assert_eq!(value["States"]["Mark Order as Cancelled"]["ResultPath"], json!("$.order"));
    assert_eq!(value["States"]["Mark Order as Cancelled"]["End"], json!(true));
}
