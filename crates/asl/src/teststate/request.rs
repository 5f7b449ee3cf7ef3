//! The TestState request as the API takes it, typed. The API carries the definition, input,
//! context, variables and a mock's result as JSON *text*; they are parsed here once, except the
//! mock's result, whose parse error is one of the API's validation messages (see `checks.rs`).

use serde_json::{Map, Value};

use super::Exception;

/// How much of the state's data flow the response shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Status, output, error and next state only.
    #[default]
    Info,
    /// Also the payload after each data-flow step.
    Debug,
    /// Also the HTTP request and response of an HTTP Task.
    Trace,
}

/// How a mock's result is checked against the service's response shape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldValidation {
    /// Every field's type, and the required fields (AWS's default).
    #[default]
    Strict,
    /// The types of the fields that are there.
    Present,
    None,
}

/// What the test answers the state's work with instead of calling the service.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mock {
    /// The service's response, as JSON text.
    pub result: Option<String>,
    /// The error the service fails with: (error, cause).
    pub error_output: Option<(String, String)>,
    pub field_validation: FieldValidation,
}

/// `stateConfiguration`: where in its life the state is tested.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StateConfiguration {
    /// How many retries the state has had already (for its matching retrier).
    pub retrier_retry_count: Option<u64>,
    /// The state inside a Map or Parallel the mocked error comes from.
    pub error_caused_by_state: Option<String>,
    /// How many of a mocked Map's iterations failed.
    pub map_iteration_failure_count: Option<u64>,
    /// The items a Map's ItemReader reads, as JSON text.
    pub map_item_reader_data: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    pub definition: Value,
    pub state_name: Option<String>,
    pub input: Value,
    pub mock: Option<Mock>,
    /// The whole context object (`$$`) the state sees.
    pub context: Option<Value>,
    pub config: StateConfiguration,
    /// The variables in scope when the state starts.
    pub variables: Option<Map<String, Value>>,
    pub level: Level,
    pub reveal_secrets: bool,
    pub role_arn: Option<String>,
}

impl Request {
    /// Reads the request's JSON (the API's field names). Refused as the API refuses a request
    /// whose fields do not parse.
    pub fn from_json(value: &Value) -> Result<Request, Exception> {
        let Value::Object(o) = value else {
            return Err(Exception::validation("The request must be a JSON object."));
        };
        let text = |key: &str| -> Result<Option<&str>, Exception> {
            match o.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(_) => Err(Exception::validation(format!("'{key}' must be a string."))),
            }
        };
        let definition_text = text("definition")?
            .ok_or_else(|| Exception::validation("1 validation error detected: 'definition' must not be null"))?;
        let definition = serde_json::from_str(definition_text).map_err(|e| {
            Exception::invalid_definition(format!("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: {e}'"))
        })?;
        let json = |key: &str, what: &str| -> Result<Option<Value>, Exception> {
            match text(key)? {
                None => Ok(None),
                Some(t) => serde_json::from_str(t)
                    .map(Some)
                    .map_err(|_| Exception::validation(format!("The {what} is not valid JSON."))),
            }
        };
        let input = json("input", "input")?.unwrap_or_else(|| Value::Object(Map::new()));
        let context = json("context", "context")?;
        let variables = match json("variables", "variables")? {
            None => None,
            Some(Value::Object(vars)) => Some(vars),
            Some(_) => return Err(Exception::validation("The variables must be a JSON object.")),
        };
        let levels = [("INFO", Level::Info), ("DEBUG", Level::Debug), ("TRACE", Level::Trace)];
        let level = one_of(text("inspectionLevel")?, "inspectionLevel", &levels)?.unwrap_or(Level::Info);
        Ok(Request {
            definition,
            state_name: text("stateName")?.map(str::to_string),
            input,
            mock: o.get("mock").map(mock).transpose()?,
            context,
            config: o.get("stateConfiguration").map(configuration).unwrap_or_default(),
            variables,
            level,
            reveal_secrets: o.get("revealSecrets").and_then(Value::as_bool).unwrap_or(false),
            role_arn: text("roleArn")?.map(str::to_string),
        })
    }
}

fn mock(value: &Value) -> Result<Mock, Exception> {
    let result = value.get("result").and_then(Value::as_str).map(str::to_string);
    let error_output = value.get("errorOutput").map(|e| {
        let field = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        (field("error"), field("cause"))
    });
    let modes =
        [("STRICT", FieldValidation::Strict), ("PRESENT", FieldValidation::Present), ("NONE", FieldValidation::None)];
    let mode = value.get("fieldValidationMode").and_then(Value::as_str);
    let field_validation = one_of(mode, "mock.fieldValidationMode", &modes)?.unwrap_or(FieldValidation::Strict);
    Ok(Mock { result, error_output, field_validation })
}

/// The value of an enumerated field (`None` when it is absent); any other value is refused
/// with AWS's message, which lists the values allowed.
fn one_of<T: Copy>(given: Option<&str>, field: &str, values: &[(&str, T)]) -> Result<Option<T>, Exception> {
    let Some(given) = given else { return Ok(None) };
    match values.iter().find(|(name, _)| *name == given) {
        Some((_, value)) => Ok(Some(*value)),
        None => {
            let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
            Err(Exception::validation(format!(
                "Value '{given}' at '{field}' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
                names.join(", ")
            )))
        }
    }
}

fn configuration(value: &Value) -> StateConfiguration {
    StateConfiguration {
        retrier_retry_count: value.get("retrierRetryCount").and_then(Value::as_u64),
        error_caused_by_state: value.get("errorCausedByState").and_then(Value::as_str).map(str::to_string),
        map_iteration_failure_count: value.get("mapIterationFailureCount").and_then(Value::as_u64),
        map_item_reader_data: value.get("mapItemReaderData").and_then(Value::as_str).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn json_text_fields_are_parsed() {
        let r = Request::from_json(&json!({
            "definition": "{\"Type\": \"Pass\", \"End\": true}",
            "input": "[1]",
            "variables": "{\"a\": 1}",
            "inspectionLevel": "DEBUG",
            "mock": {"result": "{}", "fieldValidationMode": "NONE"},
            "stateConfiguration": {"retrierRetryCount": 2}
        }))
        .unwrap();
        assert_eq!(r.definition, json!({"Type": "Pass", "End": true}));
        assert_eq!(r.input, json!([1]));
        assert_eq!(r.level, Level::Debug);
        assert_eq!(r.variables.unwrap()["a"], 1);
        assert_eq!(r.mock.unwrap().field_validation, FieldValidation::None);
        assert_eq!(r.config.retrier_retry_count, Some(2));
    }

    #[test]
    fn a_definition_that_does_not_parse_is_an_invalid_definition() {
        let e = Request::from_json(&json!({"definition": "{"})).unwrap_err();
        assert_eq!(e.code, "InvalidDefinition");
        assert!(Request::from_json(&json!({})).is_err());
    }
}
