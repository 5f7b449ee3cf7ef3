//! What the playground hands over for AWS itself: the definition, the execution history in the
//! shape GetExecutionHistory returns, and ready-to-paste ways to create the state machine (an
//! `aws stepfunctions create-state-machine` command, a CloudFormation resource, a SAM resource).

use asl::exec::HistoryEvent;
use serde_json::Value;

/// The state machine's name on AWS: letters, digits, `-` and `_`, at most 80 characters.
pub fn machine_name(example: Option<&str>) -> String {
    let raw = example.unwrap_or("StateMachine");
    let name: String =
        raw.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).take(80).collect();
    if name.trim_matches('-').is_empty() { "StateMachine".into() } else { name }
}

/// A CloudFormation logical id from the name: `order-workflow` gives `OrderWorkflowStateMachine`.
pub fn logical_id(name: &str) -> String {
    let mut id: String = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|f| f.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
        })
        .collect();
    if !id.ends_with("StateMachine") {
        id.push_str("StateMachine");
    }
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert_str(0, "Sfn");
    }
    id
}

/// The history as GetExecutionHistory returns it: `{"events": [...]}`.
pub fn history_json(events: &[HistoryEvent]) -> String {
    let events = serde_json::to_value(events).unwrap_or(Value::Null);
    serde_json::to_string_pretty(&serde_json::json!({ "events": events })).unwrap_or_default()
}

/// `aws stepfunctions create-state-machine` with the definition inline (single-quoted for a
/// POSIX shell) and the execution role left to the person, who must have one.
pub fn cli_command(name: &str, express: bool, definition: &Value) -> String {
    let compact = serde_json::to_string(definition).unwrap_or_default();
    format!(
        "# Step Functions needs an IAM role it can assume: set ROLE_ARN to its ARN first.\n\
         aws stepfunctions create-state-machine \\\n  --name {name} \\\n  --type {} \\\n  --role-arn \"$ROLE_ARN\" \\\n  --definition {}\n",
        if express { "EXPRESS" } else { "STANDARD" },
        shell_quote(&compact)
    )
}

/// A CloudFormation template with the state machine as an `AWS::StepFunctions::StateMachine`,
/// its definition written inline (JSON is YAML), the role a parameter.
pub fn cloudformation(name: &str, express: bool, definition: &Value) -> String {
    format!(
        "AWSTemplateFormatVersion: '2010-09-09'\n\
         Parameters:\n  RoleArn:\n    Type: String\n    Description: An IAM role Step Functions can assume\n\
         Resources:\n  {}:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineName: {name}\n      StateMachineType: {}\n      RoleArn: !Ref RoleArn\n      Definition:\n{}\n",
        logical_id(name),
        if express { "EXPRESS" } else { "STANDARD" },
        indented(definition, 8)
    )
}

/// A SAM template with the state machine as an `AWS::Serverless::StateMachine`.
pub fn sam(name: &str, express: bool, definition: &Value) -> String {
    format!(
        "AWSTemplateFormatVersion: '2010-09-09'\n\
         Transform: AWS::Serverless-2016-10-31\n\
         Parameters:\n  RoleArn:\n    Type: String\n    Description: An IAM role Step Functions can assume\n\
         Resources:\n  {}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Name: {name}\n      Type: {}\n      Role: !Ref RoleArn\n      Definition:\n{}\n",
        logical_id(name),
        if express { "EXPRESS" } else { "STANDARD" },
        indented(definition, 8)
    )
}

/// Pretty JSON, every line indented by `by` spaces: a YAML flow mapping under a key.
fn indented(v: &Value, by: usize) -> String {
    let pad = " ".repeat(by);
    serde_json::to_string_pretty(v)
        .unwrap_or_default()
        .lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` as one POSIX shell word: in single quotes, each `'` written `'\''`.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn definition() -> Value {
        json!({"Comment": "It's a test", "StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a'b", "End": true}}})
    }

    #[test]
    fn names_follow_the_aws_rules() {
        assert_eq!(machine_name(Some("order-workflow")), "order-workflow");
        assert_eq!(machine_name(Some("my flow!")), "my-flow-");
        assert_eq!(machine_name(None), "StateMachine");
        assert_eq!(logical_id("order-workflow"), "OrderWorkflowStateMachine");
        assert_eq!(logical_id("StateMachine"), "StateMachine");
        assert_eq!(logical_id("2fast"), "Sfn2fastStateMachine");
    }

    #[test]
    fn the_cli_command_passes_the_definition_through_a_shell_unchanged() {
        let command = cli_command("order-workflow", false, &definition());
        assert!(command.contains("--type STANDARD"));
        // The quoted definition, as a shell reads it, is the definition.
        let quoted = command.split("--definition ").nth(1).unwrap().trim_end();
        let out = std::process::Command::new("sh").arg("-c").arg(format!("printf %s {quoted}")).output().unwrap();
        let read: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(read, definition());
    }

    #[test]
    fn templates_embed_the_definition_as_a_mapping() {
        let cfn = cloudformation("order-workflow", true, &definition());
        assert!(cfn.contains("Type: AWS::StepFunctions::StateMachine"));
        assert!(cfn.contains("StateMachineType: EXPRESS"));
        // The definition block is the pretty JSON, indented under `Definition:`.
        let block = cfn.split("Definition:\n").nth(1).unwrap();
        let read: Value = serde_json::from_str(block).unwrap();
        assert_eq!(read, definition());
        let sam = sam("order-workflow", false, &definition());
        assert!(sam.contains("Transform: AWS::Serverless-2016-10-31"));
        assert!(sam.contains("Type: AWS::Serverless::StateMachine"));
    }
}
