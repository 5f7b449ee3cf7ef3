//! A mock's result checked against the response shape of the service it stands for
//! (`fieldValidationMode` STRICT and PRESENT).
//!
//! AWS checks against each service's full API model. Those models are not shipped here: only
//! the optimized integrations whose responses are small and stable are described, from their
//! documented response syntax. A result for any other resource passes unchecked. Fields a
//! shape does not name are accepted, as AWS accepts them.

use serde_json::Value;

/// A field's type in a response shape.
enum Kind {
    Str,
    /// A timestamp: the mock gives it as text.
    Timestamp,
    Int,
    List(&'static [Field]),
}

/// (name, type, required)
type Field = (&'static str, Kind, bool);

const PUT_EVENTS_ENTRY: &[Field] =
    &[("EventId", Kind::Str, false), ("ErrorCode", Kind::Str, false), ("ErrorMessage", Kind::Str, false)];

/// The response shape of an optimized integration, by its resource (any integration pattern).
fn shape(resource: &str) -> Option<&'static [Field]> {
    let base = resource.trim_end_matches(".sync:2").trim_end_matches(".sync").trim_end_matches(".waitForTaskToken");
    match base.rsplit(":::").next()? {
        "states:startExecution" if base == resource => {
            Some(&[("ExecutionArn", Kind::Str, true), ("StartDate", Kind::Timestamp, true)])
        }
        "events:putEvents" => {
            Some(&[("Entries", Kind::List(PUT_EVENTS_ENTRY), false), ("FailedEntryCount", Kind::Int, false)])
        }
        _ => None,
    }
}

/// The first way `result` departs from the resource's response shape, in AWS's words;
/// `required`: also a required field that is missing (STRICT).
pub fn check(resource: &str, result: &Value, required: bool) -> Option<String> {
    let fields = shape(resource)?;
    object(fields, result, required)
}

fn object(fields: &[Field], value: &Value, required: bool) -> Option<String> {
    let Value::Object(o) = value else { return None };
    for (name, kind, needed) in fields {
        match o.get(*name) {
            None if required && *needed => return Some(format!("Required field '{name}' is missing")),
            None | Some(Value::Null) => {}
            Some(v) => {
                if let Some(m) = field(name, kind, v, required) {
                    return Some(m);
                }
            }
        }
    }
    None
}

fn field(name: &str, kind: &Kind, value: &Value, required: bool) -> Option<String> {
    match kind {
        Kind::Str | Kind::Timestamp if !value.is_string() => Some(format!("Field '{name}' must be a string")),
        Kind::Int if !(value.is_i64() || value.is_u64()) => Some(format!("Field '{name}' must be a number")),
        Kind::List(_) if !value.is_array() => Some(format!("Field '{name}' must be an array")),
        Kind::List(members) => value.as_array()?.iter().find_map(|item| object(members, item, required)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check;

    const START: &str = "arn:aws:states:::states:startExecution";
    const PUT: &str = "arn:aws:states:::events:putEvents";

    #[test]
    fn strict_wants_the_required_fields_present_only_their_types() {
        let partial = json!({"StartDate": "2025-01-01T00:00:00Z"});
        assert_eq!(check(START, &partial, true).as_deref(), Some("Required field 'ExecutionArn' is missing"));
        assert_eq!(check(START, &partial, false), None);
        let wrong = json!({"ExecutionArn": "a", "StartDate": true});
        assert_eq!(check(START, &wrong, false).as_deref(), Some("Field 'StartDate' must be a string"));
    }

    #[test]
    fn nested_fields_and_unknown_fields() {
        let nested = json!({"Entries": [{"EventId": "a"}, {"EventId": 1}]});
        assert_eq!(check(PUT, &nested, true).as_deref(), Some("Field 'EventId' must be a string"));
        assert_eq!(check(PUT, &json!({"Entries": {}}), true).as_deref(), Some("Field 'Entries' must be an array"));
        assert_eq!(check(PUT, &json!({"random": "json"}), true), None);
        assert_eq!(check("arn:aws:states:::lambda:invoke", &json!({"Payload": 1}), true), None);
    }
}
