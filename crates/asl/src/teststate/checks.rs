//! What TestState refuses before it runs anything, with AWS's messages: a definition that is
//! not valid, a state type it cannot test that way, and a mock or configuration that does not
//! fit the state.

use serde_json::Value;

use super::machine::Target;
use super::request::{FieldValidation, Request};
use super::{Exception, shapes};

/// Checks the request against its state. Returns the mock's result, parsed.
pub fn check(request: &Request, target: &Target) -> Result<Option<Value>, Exception> {
    definition(target)?;
    let kind = target.kind();
    let container = matches!(kind, "Map" | "Parallel");
    let Some(mock) = &request.mock else {
        if request.config.map_iteration_failure_count.is_some() {
            return Err(Exception::validation(
                "TestState does not support MapIterationFailureCount when a mock is not specified.",
            ));
        }
        if container {
            return Err(Exception::invalid_definition(
                "TestState API does not support Map or Parallel states. Supported state types include: \
                 [Task, Wait, Pass, Succeed, Fail, Choice]",
            ));
        }
        if kind == "Task" && request.role_arn.is_none() {
            return Err(Exception::validation("RoleArn must be specified when testing a Task state"));
        }
        context(request, target)?;
        return Ok(None);
    };
    if mock.result.is_some() && mock.error_output.is_some() {
        return Err(Exception::validation(
            "A test mock should have only one of the following fields: [result, errorOutput].",
        ));
    }
    // Only a state that calls something (a Task, or a Map's or Parallel's work) has a
    // response to mock.
    if !(container || kind == "Task") {
        return Err(Exception::validation(format!("State type '{kind}' is not supported when a mock is specified")));
    }
    if request.reveal_secrets {
        return Err(Exception::validation("TestState does not support RevealSecrets when a mock is specified."));
    }
    context(request, target)?;
    let Some(text) = &mock.result else { return Ok(None) };
    let result: Value =
        serde_json::from_str(text).map_err(|_| Exception::validation("Mocked result must be valid JSON"))?;
    match kind {
        "Parallel" => {
            let Value::Array(items) = &result else {
                return Err(Exception::validation("Mocked result must be an array."));
            };
            let branches = target.body.get("Branches").and_then(Value::as_array).map_or(0, Vec::len);
            if items.len() != branches {
                return Err(Exception::validation(
                    "Mocked result must contain the same number of items as number of Parallel branches.",
                ));
            }
        }
        // A Map that writes its results to S3 returns where it wrote them, not the results.
        "Map" if target.body.contains_key("ResultWriter") => {
            if !result.is_object() {
                return Err(Exception::validation("Mocked result must be a JSON object."));
            }
        }
        "Map" => {
            let Value::Array(items) = &result else {
                return Err(Exception::validation("Mocked result must be an array."));
            };
            if request.config.map_iteration_failure_count.is_some_and(|n| n > items.len() as u64) {
                return Err(Exception::validation(
                    "Map iteration failure count must be less than or equal to the number of Map iterations",
                ));
            }
        }
        _ => {
            let resource = target.body.get("Resource").and_then(Value::as_str).unwrap_or_default();
            let required = mock.field_validation == FieldValidation::Strict;
            if mock.field_validation != FieldValidation::None
                && let Some(message) = shapes::check(resource, &result, required)
            {
                return Err(Exception::validation(format!("Mock result schema validation error: {message}")));
            }
        }
    }
    Ok(Some(result))
}

/// The state must be one the engine accepts by itself: AWS's first finding, in its words.
fn definition(target: &Target) -> Result<(), Exception> {
    let loaded = crate::load_value(&target.alone());
    match loaded.diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => {
            // AWS words an unknown state type as a schema's enumeration.
            let message = if d.location.ends_with("/Type")
                && d.code == crate::diagnostics::code::SCHEMA_VALIDATION_FAILED
            {
                "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]"
                    .to_string()
            } else {
                d.message.clone()
            };
            Err(Exception::invalid_definition(format!(
                "Invalid State Machine Definition: '{}: {message} at {}'",
                d.code, d.location
            )))
        }
        None => Ok(()),
    }
}

/// A context object may hold a task token only for a state that waits for one.
fn context(request: &Request, target: &Target) -> Result<(), Exception> {
    let Some(context) = &request.context else { return Ok(()) };
    let resource = target.body.get("Resource").and_then(Value::as_str).unwrap_or_default();
    let waits = target.kind() == "Task"
        && (resource.ends_with(".sync") || resource.contains(".sync:") || resource.ends_with(".waitForTaskToken"));
    if context.get("Task").is_some() && !waits {
        return Err(Exception::validation(
            "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a \
             '.sync' or '.waitForTaskToken' service integration pattern",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn request(definition: Value, extra: Value) -> (Request, Target) {
        let mut v = json!({"definition": definition.to_string(), "roleArn": "arn:aws:iam::1:role/r"});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        let r = Request::from_json(&v).unwrap();
        let t = Target::find(&r.definition, r.state_name.as_deref()).unwrap();
        (r, t)
    }

    fn message(definition: Value, extra: Value) -> String {
        let (r, t) = request(definition, extra);
        check(&r, &t).unwrap_err().message
    }

    const TASK: &str = r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}"#;

    fn task() -> Value {
        serde_json::from_str(TASK).unwrap()
    }

    #[test]
    fn a_mock_is_for_states_that_call_something() {
        let pass = json!({"Type": "Pass", "End": true});
        let m = message(pass, json!({"mock": {"result": "{}"}}));
        assert_eq!(m, "State type 'Pass' is not supported when a mock is specified");
        let both = json!({"mock": {"result": "1", "errorOutput": {"error": "E", "cause": "C"}}});
        assert!(message(task(), both).contains("only one of the following fields"));
        assert_eq!(message(task(), json!({"mock": {"result": "{"}})), "Mocked result must be valid JSON");
        let secrets = json!({"mock": {"result": "{}"}, "revealSecrets": true});
        assert!(message(task(), secrets).contains("RevealSecrets"));
    }

    #[test]
    fn map_and_parallel_need_a_mock_that_fits() {
        let parallel = json!({"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]});
        assert!(message(parallel.clone(), json!({})).starts_with("TestState API does not support Map or Parallel"));
        assert_eq!(message(parallel.clone(), json!({"mock": {"result": "{}"}})), "Mocked result must be an array.");
        assert!(message(parallel, json!({"mock": {"result": "[1, 2]"}})).contains("number of Parallel branches"));
        let map = json!({"Type": "Map", "End": true,
            "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}});
        let over = json!({"mock": {"result": "[1]"}, "stateConfiguration": {"mapIterationFailureCount": 2}});
        assert!(message(map.clone(), over).starts_with("Map iteration failure count must be"));
        let unmocked = json!({"stateConfiguration": {"mapIterationFailureCount": 1}});
        assert!(message(json!({"Type": "Pass", "End": true}), unmocked).contains("when a mock is not specified"));
        let mut writer = map;
        writer["ItemProcessor"]["ProcessorConfig"] = json!({"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"});
        writer["ResultWriter"] =
            json!({"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"}});
        assert_eq!(message(writer, json!({"mock": {"result": "[]"}})), "Mocked result must be a JSON object.");
    }

    #[test]
    fn a_task_without_a_mock_needs_a_role_and_a_token_needs_a_callback() {
        let (mut r, t) = request(task(), json!({}));
        r.role_arn = None;
        assert_eq!(check(&r, &t).unwrap_err().message, "RoleArn must be specified when testing a Task state");
        let token = json!({"mock": {"result": "{}"}, "context": "{\"Task\": {\"Token\": \"t\"}}"});
        assert!(message(task(), token).starts_with("Invalid Context object provided"));
    }

    #[test]
    fn an_invalid_state_is_an_invalid_definition() {
        let (r, t) = request(json!({"StartAt": "A", "States": {"A": {"Type": "Nope", "End": true}}}), json!({}));
        let e = check(&r, &t).unwrap_err();
        assert_eq!(e.code, "InvalidDefinition");
        assert!(e.message.starts_with("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED"), "{}", e.message);
        assert!(
            e.message.ends_with("[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/A/Type'"),
            "{}",
            e.message
        );
    }
}
