//! YAML tags: CloudFormation's short intrinsic forms, and the core schema's `!!` types.

use serde_json::{Map, Value};

/// What a tag asks of the node it is on.
#[derive(Debug, PartialEq, Eq)]
pub enum TagMeaning {
    /// No tag, or one that changes nothing here.
    None,
    /// A CloudFormation intrinsic: the node becomes `{key: node}` (`Ref`, `Condition`,
    /// `Fn::Sub`, ...). `!GetAtt` on a scalar also splits `A.B` into `["A", "B"]`.
    Intrinsic(String),
    /// A core schema type: `str`, `int`, `float`, `bool`, `null`, `map`, `seq`, `binary`...
    Core(String),
}

/// Reads a tag from its handle and suffix.
pub fn meaning(handle: &str, suffix: &str) -> TagMeaning {
    match handle {
        "!" if !suffix.is_empty() => TagMeaning::Intrinsic(intrinsic_key(suffix)),
        "tag:yaml.org,2002:" | "!!" => TagMeaning::Core(suffix.to_string()),
        _ => TagMeaning::None,
    }
}

/// The long form's key of a short tag: `Ref` and `Condition` as they are, `Fn::` before any
/// other name.
fn intrinsic_key(suffix: &str) -> String {
    match suffix {
        "Ref" | "Condition" => suffix.to_string(),
        _ => format!("Fn::{suffix}"),
    }
}

/// The long form of an intrinsic tag on `value`.
pub fn wrap(key: &str, value: Value) -> Value {
    let value = match (key, value) {
        // `!GetAtt Resource.Attribute`: the attribute may itself hold dots (`Outputs.Name`).
        ("Fn::GetAtt", Value::String(s)) => match s.split_once('.') {
            Some((resource, attribute)) => Value::Array(vec![resource.into(), attribute.into()]),
            None => Value::String(s),
        },
        (_, value) => value,
    };
    let mut object = Map::new();
    object.insert(key.to_string(), value);
    Value::Object(object)
}
