//! A `DefinitionString` as the text a person edits: the string itself, an `Fn::Sub`'s string,
//! or an `Fn::Join`'s parts joined, each intrinsic part written as the `${...}` placeholder
//! `Fn::Sub` would use for it (`${Table}` for `Ref Table`, `${Fn.Arn}` for `Fn::GetAtt`).

use serde_json::Value;

/// The text of a `DefinitionString` value, or why it cannot be read.
pub fn definition_string_text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Object(object) if object.len() == 1 => {
            let (key, argument) = object.iter().next().expect("one member");
            match (key.as_str(), argument) {
                ("Fn::Sub", Value::String(text)) => Ok(text.clone()),
                ("Fn::Sub", Value::Array(items)) => match items.first() {
                    Some(Value::String(text)) if items.len() == 2 && items[1].is_object() => Ok(text.clone()),
                    _ => Err("Fn::Sub takes a string, or a string and a map of variables".into()),
                },
                ("Fn::Join", Value::Array(items)) => join_text(items),
                _ => Err(format!(
                    "a DefinitionString built with {key} is not supported: give it as a string, Fn::Sub or Fn::Join"
                )),
            }
        }
        _ => Err("DefinitionString must be a string, Fn::Sub or Fn::Join".into()),
    }
}

/// An `Fn::Join`'s text: literal parts as they are (a `${` in them escaped as `${!`, as
/// `Fn::Sub` writes a literal one), intrinsic parts as placeholders.
fn join_text(items: &[Value]) -> Result<String, String> {
    let (Some(Value::String(delimiter)), Some(Value::Array(parts)), 2) = (items.first(), items.get(1), items.len())
    else {
        return Err("Fn::Join takes a delimiter and a list of parts".into());
    };
    let mut pieces = Vec::with_capacity(parts.len());
    for part in parts {
        pieces.push(match part {
            Value::String(s) => s.replace("${", "${!"),
            other => {
                format!("${{{}}}", part_name(other).ok_or("an Fn::Join part that is not a string, Ref or Fn::GetAtt")?)
            }
        });
    }
    Ok(pieces.join(&delimiter.replace("${", "${!")))
}

/// The placeholder name `Fn::Sub` would use for a `Ref` or `Fn::GetAtt`.
pub fn part_name(value: &Value) -> Option<String> {
    let object = value.as_object().filter(|o| o.len() == 1)?;
    match (object.get("Ref"), object.get("Fn::GetAtt")) {
        (Some(Value::String(name)), _) => Some(name.clone()),
        (_, Some(Value::Array(pair))) => match pair.as_slice() {
            [Value::String(resource), Value::String(attribute)] => Some(format!("{resource}.{attribute}")),
            _ => None,
        },
        (_, Some(Value::String(dotted))) => Some(dotted.clone()),
        _ => None,
    }
}
