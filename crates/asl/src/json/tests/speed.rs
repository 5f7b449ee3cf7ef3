//! A measurement, not a check: how long a 1 MB document takes (run it in release with
//! `cargo test -p asl --release json::tests::speed -- --ignored --nocapture`).

use super::parse;
use std::time::Instant;

/// A state machine of about `bytes` bytes, shaped like real ones.
fn large_state_machine(bytes: usize) -> String {
    let mut text = String::from("{\n  \"StartAt\": \"State 0\",\n  \"States\": {\n");
    let mut index = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            r#"    "State {index}": {{
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:step-{index}",
      "Parameters": {{"amount.$": "$.order.amount", "sku.$": "$.sku", "note": "caf\u00e9 \"{index}\""}},
      "Retry": [{{"ErrorEquals": ["Lambda.ServiceException", "States.Timeout"], "IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 1.5}}],
      "Catch": [{{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "State 0"}}],
      "ResultPath": "$.results[{index}]",
      "Next": "State {next}"
    }},
"#,
            next = index + 1
        ));
        index += 1;
    }
    text.push_str(&format!("    \"State {index}\": {{\"Type\": \"Succeed\"}}\n  }}\n}}\n"));
    text
}

#[test]
#[ignore = "a measurement to run by hand in release"]
fn time_a_megabyte() {
    let text = large_state_machine(1 << 20);
    let broken = text.replacen("\"Next\": \"State 1\"", "\"Next\": \"State 1\",", 1);
    for (name, text) in [("valid", &text), ("with an error", &broken)] {
        let mut best = f64::MAX;
        let mut nodes = 0;
        for _ in 0..10 {
            let start = Instant::now();
            let parsed = parse(text);
            best = best.min(start.elapsed().as_secs_f64());
            nodes = parsed.spans.len();
        }
        eprintln!("{name}: {} bytes, {nodes} nodes: best of 10 {:.2} ms", text.len(), best * 1e3);
    }
    let start = Instant::now();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    eprintln!(
        "serde_json::from_str alone (no spans): {:.2} ms ({} states)",
        start.elapsed().as_secs_f64() * 1e3,
        value["States"].as_object().map_or(0, |s| s.len())
    );
}
