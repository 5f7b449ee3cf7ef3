//! A template's state machines, and where each one's definition is.

use serde_json::{Map, Value};

use crate::json::escape_pointer_segment;

/// The two resource types that create a state machine.
pub const STATE_MACHINE_TYPES: [&str; 2] = ["AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"];

/// One state machine resource.
#[derive(Clone, Debug, PartialEq)]
pub struct StateMachineResource {
    pub logical_id: String,
    pub resource_type: String,
    pub definition: DefinitionSource,
    /// `DefinitionSubstitutions` as the template writes it (values may be intrinsics).
    pub substitutions: Map<String, Value>,
}

/// Where a state machine's definition is.
#[derive(Clone, Debug, PartialEq)]
pub enum DefinitionSource {
    /// `Definition`: an object in the template, at this JSON pointer.
    Object { pointer: String },
    /// `DefinitionString`, at this pointer: a string, `Fn::Sub` or `Fn::Join`.
    String { pointer: String, form: StringForm },
    /// `DefinitionUri` naming a file, relative to the template.
    File { path: String },
    /// `DefinitionUri` or `DefinitionS3Location` in S3: not in the template's folder.
    S3 { location: String },
    /// No definition, or one written in a way that cannot be read (said why).
    Missing { why: String },
}

/// How a `DefinitionString` is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringForm {
    Plain,
    Sub,
    SubWithVariables,
    Join,
    /// Another intrinsic: listed, but not read.
    Other,
}

impl DefinitionSource {
    /// What the template writes, for people: `Definition`, `DefinitionString (Fn::Sub)`...
    pub fn describe(&self) -> String {
        match self {
            DefinitionSource::Object { .. } => "Definition".into(),
            DefinitionSource::String { form, .. } => format!(
                "DefinitionString{}",
                match form {
                    StringForm::Plain => "",
                    StringForm::Sub => " (Fn::Sub)",
                    StringForm::SubWithVariables => " (Fn::Sub with variables)",
                    StringForm::Join => " (Fn::Join)",
                    StringForm::Other => " (another intrinsic)",
                }
            ),
            DefinitionSource::File { path } => format!("DefinitionUri {path}"),
            DefinitionSource::S3 { location } => format!("in S3 ({location})"),
            DefinitionSource::Missing { why } => why.clone(),
        }
    }
}

/// The state machines of a template, in the template's order.
pub fn state_machines(template: &Value) -> Vec<StateMachineResource> {
    let Some(resources) = template.get("Resources").and_then(Value::as_object) else { return Vec::new() };
    resources
        .iter()
        .filter_map(|(id, resource)| {
            let resource_type = resource.get("Type").and_then(Value::as_str)?;
            STATE_MACHINE_TYPES.contains(&resource_type).then(|| StateMachineResource {
                logical_id: id.clone(),
                resource_type: resource_type.to_string(),
                definition: definition_source(id, resource),
                substitutions: resource
                    .pointer("/Properties/DefinitionSubstitutions")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default(),
            })
        })
        .collect()
}

fn definition_source(id: &str, resource: &Value) -> DefinitionSource {
    let properties = resource.get("Properties").and_then(Value::as_object);
    let property = |name: &str| properties.and_then(|p| p.get(name));
    let pointer = |name: &str| format!("/Resources/{}/Properties/{name}", escape_pointer_segment(id));
    if let Some(definition) = property("Definition") {
        return if definition.is_object() {
            DefinitionSource::Object { pointer: pointer("Definition") }
        } else {
            DefinitionSource::Missing { why: "Definition is not an object".into() }
        };
    }
    if let Some(string) = property("DefinitionString") {
        return DefinitionSource::String { pointer: pointer("DefinitionString"), form: string_form(string) };
    }
    if let Some(uri) = property("DefinitionUri") {
        return match uri {
            Value::String(path) if path.starts_with("s3://") => DefinitionSource::S3 { location: path.clone() },
            Value::String(path) => DefinitionSource::File { path: path.clone() },
            Value::Object(location) => DefinitionSource::S3 { location: s3_location(location) },
            _ => DefinitionSource::Missing { why: "DefinitionUri is neither a path nor an S3 location".into() },
        };
    }
    if let Some(Value::Object(location)) = property("DefinitionS3Location") {
        return DefinitionSource::S3 { location: s3_location(location) };
    }
    DefinitionSource::Missing { why: "the resource gives no definition".into() }
}

fn string_form(value: &Value) -> StringForm {
    match value {
        Value::String(_) => StringForm::Plain,
        Value::Object(o) if o.len() == 1 => match o.iter().next() {
            Some((k, Value::String(_))) if k == "Fn::Sub" => StringForm::Sub,
            Some((k, Value::Array(_))) if k == "Fn::Sub" => StringForm::SubWithVariables,
            Some((k, _)) if k == "Fn::Join" => StringForm::Join,
            _ => StringForm::Other,
        },
        _ => StringForm::Other,
    }
}

/// `s3://bucket/key` from `{Bucket, Key}` (intrinsics shown as written).
fn s3_location(location: &Map<String, Value>) -> String {
    let part = |name: &str| match location.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "?".into(),
    };
    format!("s3://{}/{}", part("Bucket"), part("Key"))
}
