//! A mock's result checked against the output shape of the API operation its Task calls
//! (`fieldValidationMode` STRICT and PRESENT), the way TestState checks it.
//!
//! The shapes are AWS's API models, reduced by `scripts/gen-shapes.py` to what a response can
//! hold (`crates/asl/data/output-shapes.txt`, whose header says where they come from and
//! describes the format). The rule, as AWS's answers show it:
//!
//! - a field is named as Step Functions names a response's fields: the model's member name with
//!   its first letter capitalized (`StartExecution`'s `executionArn` is `ExecutionArn`);
//! - only the fields a shape names are checked; any other field passes, whatever it holds;
//! - a field's value has its shape's JSON type (a string for strings, timestamps and blobs, a
//!   number, a boolean, an array for lists, an object for structures and maps), one of an
//!   enum's values, and a length or value within the model's bounds;
//! - STRICT also wants every required member present, at every level; PRESENT checks only
//!   what is there;
//! - an optimized integration that hands back what it called as JSON takes it as any JSON
//!   (`lambda:invoke`'s `Payload`, `bedrock:invokeModel`'s `Body`);
//! - `.sync` and `.waitForTaskToken` results are not the operation's response: unchecked, as
//!   are Lambda functions, activities, and operations the file does not hold.
//!
//! The first departure found is the one reported: members in the model's order, depth first.
//! A list's item is named as its list, a map's value by its key. The recordings give AWS's
//! words for a missing field, a string, a number, an array, a minimum length, both value
//! bounds and an enum; "must be an object", "must be a boolean" and "exceeds the maximum
//! length" follow their pattern.
//!
//! WebAssembly builds leave the file out (the page's main module has a size budget): a host
//! hands its text over with [`install`], and until it does, results are not checked.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::model::{IntegrationPattern, Resource, ResourceKind};

#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED: &str = include_str!("../../data/output-shapes.txt");

static MODELS: OnceLock<Models> = OnceLock::new();

/// Gives the engine the output shapes where they are not compiled in (WebAssembly): the text of
/// `crates/asl/data/output-shapes.txt`. Returns false when shapes were in place already.
pub fn install(text: String) -> bool {
    MODELS.set(Models::parse(Box::leak(text.into_boxed_str()))).is_ok()
}

fn models() -> Option<&'static Models> {
    #[cfg(not(target_arch = "wasm32"))]
    MODELS.get_or_init(|| Models::parse(EMBEDDED));
    MODELS.get()
}

/// The first way `result` departs from the output shape of the operation `resource` calls, in
/// AWS's words; `required`: also a required field that is missing (STRICT).
pub fn check(resource: &str, result: &Value, required: bool) -> Option<String> {
    let (models, id, free) = operation(resource)?;
    let (Value::Object(fields), Shape::Struct(members)) = (result, models.shape(id)) else { return None };
    Walk { models, required }.members(members, fields, free).err()
}

/// The operation a Task resource calls (its output shape), and the top-level fields it
/// takes as any JSON.
fn operation(resource: &str) -> Option<(&'static Models, usize, &'static [&'static str])> {
    let ResourceKind::Service { service, action, pattern: IntegrationPattern::RequestResponse } =
        Resource::parse(resource).kind
    else {
        return None;
    };
    let models = models()?;
    if let Some(sdk) = service.strip_prefix("aws-sdk:") {
        return Some((models, models.operation(sdk, &action)?, &[]));
    }
    let id = models.operation(&service, &action).or_else(|| match service.as_str() {
        // Bedrock's optimized integration also calls its runtime's operations.
        "bedrock" => models.operation("bedrock-runtime", &action),
        _ => None,
    })?;
    let free: &[&str] = match (service.as_str(), action.as_str()) {
        ("lambda", "invoke") => &["Payload"],
        ("bedrock", "invokeModel") => &["Body"],
        _ => &[],
    };
    Some((models, id, free))
}

/// The file, split into its records; a shape's line is read when a check reaches it.
struct Models {
    services: Vec<Service>,
    /// Shape N is line N.
    shapes: Vec<&'static str>,
}

struct Service {
    /// Lowercase, without `-`, `.` or spaces.
    names: Vec<&'static str>,
    /// (operation, its output shape)
    operations: Vec<(&'static str, usize)>,
}

impl Models {
    fn parse(text: &'static str) -> Models {
        let mut services: Vec<Service> = Vec::new();
        let mut lines = text.lines();
        for line in lines.by_ref() {
            if line == "%" {
                break;
            }
            if let Some(names) = line.strip_prefix("@ ") {
                services.push(Service { names: names.split(' ').collect(), operations: Vec::new() });
            } else if let (Some(service), Some((name, id))) = (services.last_mut(), line.split_once(' '))
                && !line.starts_with('#')
                && let Ok(id) = id.parse()
            {
                service.operations.push((name, id));
            }
        }
        Models { services, shapes: lines.collect() }
    }

    /// `service` as a Task resource writes it (`sfn`, `states`, `emr-containers`), `action` in
    /// camel case (`startExecution`).
    fn operation(&self, service: &str, action: &str) -> Option<usize> {
        let key: String = service.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
        let service = self.services.iter().find(|s| s.names.contains(&key.as_str()))?;
        service.operations.iter().find(|(name, _)| name.eq_ignore_ascii_case(action)).map(|&(_, id)| id)
    }

    fn shape(&self, id: usize) -> Shape {
        let line = self.shapes.get(id).copied().unwrap_or("*");
        if let Some(members) = line.strip_prefix('o') {
            return Shape::Struct(members.trim_start());
        }
        let (head, values) = match line.split_once('|') {
            Some((head, values)) => (head, Some(values)),
            None => (line, None),
        };
        let mut parts = head.split(' ');
        let kind = parts.next().unwrap_or_default();
        let mut item = || -> Option<usize> { parts.next()?.parse().ok() };
        match kind {
            "l" | "m" => {
                let Some(of) = item() else { return Shape::Any };
                let bounds = Bounds::read(parts);
                if kind == "l" { Shape::List(of, bounds) } else { Shape::Map(of, bounds) }
            }
            "s" => Shape::Str(Bounds::read(parts), values),
            "b" => Shape::Blob(Bounds::read(parts)),
            "i" | "f" => Shape::Number(Bounds::read(parts)),
            "t" => Shape::Bool,
            "d" => Shape::Timestamp,
            _ => Shape::Any,
        }
    }
}

/// A shape, as its line in the file gives it.
enum Shape {
    /// Its length bounds, and its enum's values joined by `|`.
    Str(Bounds, Option<&'static str>),
    Blob(Bounds),
    Number(Bounds),
    Bool,
    Timestamp,
    List(usize, Bounds),
    Map(usize, Bounds),
    /// `Name:ID` (or `Name!ID`, required) separated by spaces.
    Struct(&'static str),
    Any,
}

#[derive(Clone, Copy)]
struct Bounds {
    min: Option<f64>,
    max: Option<f64>,
}

impl Bounds {
    fn read<'a>(mut parts: impl Iterator<Item = &'a str>) -> Bounds {
        let mut bound = || parts.next().filter(|p| *p != "-").and_then(|p| p.parse().ok());
        let min = bound();
        Bounds { min, max: bound() }
    }

    /// A length (of a string, a blob, a list or a map) within the bounds.
    fn length(self, name: &str, n: usize) -> Result<(), String> {
        let n = n as f64;
        if self.min.is_some_and(|min| n < min) {
            return Err(format!("Field '{name}' is smaller than the minimum length"));
        }
        if self.max.is_some_and(|max| n > max) {
            return Err(format!("Field '{name}' exceeds the maximum length"));
        }
        Ok(())
    }

    fn value(self, name: &str, n: f64) -> Result<(), String> {
        if self.min.is_some_and(|min| n < min) {
            return Err(format!("Field '{name}' is less than the minimum value"));
        }
        if self.max.is_some_and(|max| n > max) {
            return Err(format!("Field '{name}' exceeds the maximum value"));
        }
        Ok(())
    }
}

struct Walk {
    models: &'static Models,
    /// STRICT: required members must be there.
    required: bool,
}

impl Walk {
    /// A structure's members found in `fields`, except the `free` ones.
    fn members(&self, members: &str, fields: &Map<String, Value>, free: &[&str]) -> Result<(), String> {
        for member in members.split(' ') {
            let Some(at) = member.find([':', '!']) else { continue };
            let (name, rest) = member.split_at(at);
            let Ok(id) = rest[1..].parse() else { continue };
            match fields.get(name) {
                None | Some(Value::Null) if self.required && rest.starts_with('!') => {
                    return Err(format!("Required field '{name}' is missing"));
                }
                None | Some(Value::Null) => {}
                Some(_) if free.contains(&name) => {}
                Some(value) => self.value(name, id, value)?,
            }
        }
        Ok(())
    }

    /// A field's value (or a list's item, named as its list) against shape `id`.
    fn value(&self, name: &str, id: usize, value: &Value) -> Result<(), String> {
        let wrong = |what: &str| Err(format!("Field '{name}' must be {what}"));
        match self.models.shape(id) {
            Shape::Str(bounds, values) => {
                let Value::String(s) = value else { return wrong("a string") };
                bounds.length(name, s.chars().count())?;
                if values.is_some_and(|values| !values.split('|').any(|v| v == s)) {
                    return Err(format!("Field '{name}' is not an expected value"));
                }
            }
            Shape::Blob(bounds) => {
                let Value::String(s) = value else { return wrong("a string") };
                bounds.length(name, s.chars().count())?;
            }
            Shape::Timestamp if !value.is_string() => return wrong("a string"),
            Shape::Number(bounds) => {
                let Some(n) = value.as_f64() else { return wrong("a number") };
                bounds.value(name, n)?;
            }
            Shape::Bool if !value.is_boolean() => return wrong("a boolean"),
            Shape::List(item, bounds) => {
                let Value::Array(items) = value else { return wrong("an array") };
                bounds.length(name, items.len())?;
                for v in items {
                    self.value(name, item, v)?;
                }
            }
            Shape::Map(of, bounds) => {
                let Value::Object(entries) = value else { return wrong("an object") };
                bounds.length(name, entries.len())?;
                for (key, v) in entries {
                    self.value(key, of, v)?;
                }
            }
            Shape::Struct(members) => {
                let Value::Object(fields) = value else { return wrong("an object") };
                self.members(members, fields, &[])?;
            }
            Shape::Timestamp | Shape::Bool | Shape::Any => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::check;

    const START: &str = "arn:aws:states:::states:startExecution";
    const PUT: &str = "arn:aws:states:::events:putEvents";
    const SEND: &str = "arn:aws:states:::sqs:sendMessage";

    fn strict(resource: &str, result: Value) -> Option<String> {
        check(resource, &result, true)
    }

    fn present(resource: &str, result: Value) -> Option<String> {
        check(resource, &result, false)
    }

    #[test]
    fn strict_wants_the_required_fields_present_only_their_types() {
        let partial = json!({"StartDate": "2025-01-01T00:00:00Z"});
        assert_eq!(strict(START, partial.clone()).as_deref(), Some("Required field 'ExecutionArn' is missing"));
        assert_eq!(present(START, partial), None);
        let wrong = json!({"ExecutionArn": "a", "StartDate": true});
        assert_eq!(present(START, wrong).as_deref(), Some("Field 'StartDate' must be a string"));
        // The API's own member names are not the response's.
        let camel = json!({"executionArn": "a", "startDate": "b"});
        assert_eq!(strict(START, camel.clone()).as_deref(), Some("Required field 'ExecutionArn' is missing"));
        assert_eq!(present(START, camel), None);
        // Nor is a `.sync` result StartExecution's response.
        assert_eq!(strict("arn:aws:states:::states:startExecution.sync:2", json!({})), None);
    }

    #[test]
    fn nested_fields_and_unknown_fields() {
        let nested = json!({"Entries": [{"EventId": "a"}, {"EventId": 1}]});
        assert_eq!(strict(PUT, nested).as_deref(), Some("Field 'EventId' must be a string"));
        assert_eq!(strict(PUT, json!({"Entries": {}})).as_deref(), Some("Field 'Entries' must be an array"));
        assert_eq!(strict(PUT, json!({"random": "json"})), None);
    }

    #[test]
    fn sqs_send_message_checks_only_the_fields_its_shape_names() {
        let unknown = json!({"MessageId": "m-1", "Unexpected": {"MD5OfMessageBody": ["object"]}});
        assert_eq!(strict(SEND, unknown), None);
        let wrong = json!({"MessageId": 5});
        assert_eq!(present(SEND, wrong.clone()).as_deref(), Some("Field 'MessageId' must be a string"));
        assert_eq!(strict(SEND, wrong).as_deref(), Some("Field 'MessageId' must be a string"));
        // SendMessage has no required output fields, and waiting for a token answers otherwise.
        assert_eq!(strict(SEND, json!({})), None);
        assert_eq!(strict("arn:aws:states:::sqs:sendMessage.waitForTaskToken", json!({"MessageId": 5})), None);
    }

    #[test]
    fn required_members_at_every_level_in_strict_mode() {
        let batch = "arn:aws:states:::batch:submitJob";
        assert_eq!(strict(batch, json!({"JobId": "1"})).as_deref(), Some("Required field 'JobName' is missing"));
        assert_eq!(present(batch, json!({"JobId": "1"})), None);
        assert_eq!(strict(batch, json!({"JobName": "n", "JobId": "1"})), None);
        let sfn = "arn:aws:states:::aws-sdk:sfn:listExecutions";
        let missing = json!({"Executions": [{"ExecutionArn": "a", "StateMachineArn": "s", "Name": "n",
                                             "Status": "RUNNING"}]});
        assert_eq!(strict(sfn, missing.clone()).as_deref(), Some("Required field 'StartDate' is missing"));
        assert_eq!(present(sfn, missing), None);
    }

    #[test]
    fn sdk_integrations_capitalize_the_models_member_names() {
        let run = "arn:aws:states:::aws-sdk:ecs:runTask";
        let task = |v: Value| json!({"Tasks": [{"TaskArn": "arn", "LastStatus": v}]});
        assert_eq!(strict(run, task(json!("RUNNING"))), None);
        assert_eq!(strict(run, task(json!(3))).as_deref(), Some("Field 'LastStatus' must be a string"));
        assert_eq!(strict(run, json!({"tasks": 3})), None, "the API's name is not a response field");
        let bool_field = json!({"Tasks": [{"EnableExecuteCommand": "yes"}]});
        assert_eq!(strict(run, bool_field).as_deref(), Some("Field 'EnableExecuteCommand' must be a boolean"));
        let object = json!({"Tasks": ["arn"]});
        assert_eq!(strict(run, object).as_deref(), Some("Field 'Tasks' must be an object"));
        // The optimized integration answers the same.
        assert_eq!(strict("arn:aws:states:::ecs:runTask", task(json!(3))), strict(run, task(json!(3))));
    }

    #[test]
    fn enums_bounds_and_maps() {
        let describe = "arn:aws:states:::aws-sdk:sfn:describeExecution";
        let status = |s: &str| json!({"Status": s});
        assert_eq!(present(describe, status("SUCCEEDED")), None);
        assert_eq!(present(describe, status("Papyrus")).as_deref(), Some("Field 'Status' is not an expected value"));
        let get = "arn:aws:states:::aws-sdk:lambda:getFunction";
        let timeout = |n: Value| json!({"Configuration": {"Timeout": n}});
        assert_eq!(present(get, timeout(json!(0))).as_deref(), Some("Field 'Timeout' is less than the minimum value"));
        assert_eq!(present(get, timeout(json!(30))), None);
        assert_eq!(present(get, timeout(json!("30"))).as_deref(), Some("Field 'Timeout' must be a number"));
        let name = |s: String| json!({"Configuration": {"FunctionName": s}});
        assert_eq!(present(get, name("f".repeat(170))), None);
        assert_eq!(
            present(get, name("f".repeat(171))).as_deref(),
            Some("Field 'FunctionName' exceeds the maximum length")
        );
        // A map's values are named by their keys.
        assert_eq!(
            present(get, json!({"Tags": {"team": "a", "cost": 1}})).as_deref(),
            Some("Field 'cost' must be a string")
        );
        assert_eq!(present(get, json!({"Tags": []})).as_deref(), Some("Field 'Tags' must be an object"));
    }

    #[test]
    fn dynamodb_attribute_values_nest() {
        let get = "arn:aws:states:::dynamodb:getItem";
        let item = |v: Value| json!({"Item": {"id": {"S": "1"}, "tags": {"L": [{"M": {"n": v}}]}}});
        assert_eq!(strict(get, item(json!({"N": "5"}))), None);
        assert_eq!(strict(get, item(json!({"N": 5}))).as_deref(), Some("Field 'N' must be a string"));
        assert_eq!(strict(get, item(json!({"BOOL": "true"}))).as_deref(), Some("Field 'BOOL' must be a boolean"));
        let sdk = "arn:aws:states:::aws-sdk:dynamodb:getItem";
        assert_eq!(strict(sdk, item(json!({"N": 5}))).as_deref(), Some("Field 'N' must be a string"));
    }

    #[test]
    fn what_an_integration_hands_back_as_json_is_free() {
        let invoke = "arn:aws:states:::lambda:invoke";
        assert_eq!(strict(invoke, json!({"Payload": {"a": 1}, "StatusCode": 200})), None);
        assert_eq!(
            strict(invoke, json!({"StatusCode": "200"})).as_deref(),
            Some("Field 'StatusCode' must be a number")
        );
        // Through the SDK, the payload is the API's blob: text.
        let sdk = "arn:aws:states:::aws-sdk:lambda:invoke";
        assert_eq!(strict(sdk, json!({"Payload": {"a": 1}})).as_deref(), Some("Field 'Payload' must be a string"));
        let model = "arn:aws:states:::bedrock:invokeModel";
        assert_eq!(strict(model, json!({"Body": {"completion": "hi"}, "ContentType": "application/json"})), None);
        assert_eq!(strict(model, json!({"Body": {}})).as_deref(), Some("Required field 'ContentType' is missing"));
    }

    #[test]
    fn what_no_model_describes_passes() {
        let anything = json!({"Payload": 1, "ExecutionArn": false});
        for resource in [
            "arn:aws:lambda:us-east-1:123456789012:function:f",
            "arn:aws:states:us-east-1:123456789012:activity:a",
            "arn:aws:states:::http:invoke",
            "arn:aws:states:::apigateway:invoke",
            "arn:aws:states:::aws-sdk:nosuchservice:getThing",
            "arn:aws:states:::aws-sdk:s3:noSuchOperation",
        ] {
            assert_eq!(strict(resource, anything.clone()), None, "{resource}");
        }
        // A result that is not an object is not a response's fields.
        assert_eq!(strict(START, json!([1, 2])), None);
    }

    #[test]
    fn services_are_found_by_each_name_a_resource_gives_them() {
        let wrong = json!({"ExecutionArn": 1});
        for resource in [START, "arn:aws:states:::aws-sdk:sfn:startExecution"] {
            assert_eq!(present(resource, wrong.clone()).as_deref(), Some("Field 'ExecutionArn' must be a string"));
        }
        let entries = json!({"Entries": 1});
        assert!(present("arn:aws:states:::aws-sdk:eventbridge:putEvents", entries).is_some());
        let logs = "arn:aws:states:::aws-sdk:cloudwatchlogs:describeLogGroups";
        assert!(present(logs, json!({"LogGroups": 1})).is_some());
        let job = "arn:aws:states:::emr-containers:startJobRun";
        assert!(present(job, json!({"Id": 1})).is_some());
    }
}
