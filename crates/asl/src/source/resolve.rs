//! Putting values into a definition as CloudFormation and Step Functions do: `${name}` in its
//! strings (`DefinitionSubstitutions`), and the intrinsics a template may write inside it
//! (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::Select` with `Fn::Split`, `Fn::FindInMap`). A name with no value stays
//! written as `${name}`, where the person can see it.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::definition_string::part_name;

/// The values of the placeholders, by name.
pub type Values = BTreeMap<String, String>;

/// How `${...}` is read in a string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// `DefinitionSubstitutions`: `${name}` is replaced when it has a value.
    #[default]
    Plain,
    /// `Fn::Sub`: as plain, and `${!text}` is the literal `${text}`.
    Sub,
}

/// Resolves every string (object keys included) and intrinsic in `value`, in place.
/// `template` is the template the definition is in, for `Fn::FindInMap`.
pub fn resolve(value: &mut Value, mode: Mode, values: &Values, template: Option<&Value>) {
    match value {
        Value::String(s) if s.contains("${") => *s = substitute(s, mode, values, None),
        Value::Array(items) => items.iter_mut().for_each(|v| resolve(v, mode, values, template)),
        Value::Object(object) => {
            if let Some(text) = intrinsic(object, values, template) {
                *value = Value::String(text);
                return;
            }
            if object.keys().any(|k| k.contains("${")) {
                *object = std::mem::take(object)
                    .into_iter()
                    .map(|(k, v)| (if k.contains("${") { substitute(&k, mode, values, None) } else { k }, v))
                    .collect();
            }
            object.values_mut().for_each(|v| resolve(v, mode, values, template));
        }
        _ => {}
    }
}

/// Whether an object is an intrinsic function call (`{"Ref": ...}`, `{"Fn::...": ...}`).
pub fn is_intrinsic(object: &Map<String, Value>) -> bool {
    object.len() == 1 && object.keys().next().is_some_and(|k| k == "Ref" || k.starts_with("Fn::"))
}

/// The text an intrinsic makes, or `None` when it is not one the playground evaluates.
pub fn intrinsic(object: &Map<String, Value>, values: &Values, template: Option<&Value>) -> Option<String> {
    if !is_intrinsic(object) {
        return None;
    }
    let (key, argument) = object.iter().next()?;
    match (key.as_str(), argument) {
        ("Ref" | "Fn::GetAtt", _) => {
            let name = part_name(&Value::Object(object.clone()))?;
            Some(values.get(&name).cloned().unwrap_or_else(|| format!("${{{name}}}")))
        }
        ("Fn::Sub", Value::String(text)) => Some(substitute(text, Mode::Sub, values, None)),
        ("Fn::Sub", Value::Array(items)) => match items.as_slice() {
            [Value::String(text), Value::Object(variables)] => {
                let variables: Values =
                    variables.iter().filter_map(|(k, v)| Some((k.clone(), to_text(v, values, template)?))).collect();
                Some(substitute(text, Mode::Sub, values, Some(&variables)))
            }
            _ => None,
        },
        ("Fn::Join", Value::Array(items)) => match items.as_slice() {
            [Value::String(delimiter), Value::Array(parts)] => {
                let parts: Option<Vec<String>> = parts.iter().map(|p| to_text(p, values, template)).collect();
                Some(parts?.join(delimiter))
            }
            _ => None,
        },
        ("Fn::Select", Value::Array(items)) => match items.as_slice() {
            [index, list] => {
                let index = usize::try_from(index.as_u64().or_else(|| index.as_str()?.parse().ok())?).ok()?;
                match list {
                    Value::Array(list) => to_text(list.get(index)?, values, template),
                    Value::Object(split) => split_list(split, values, template)?.into_iter().nth(index),
                    _ => None,
                }
            }
            _ => None,
        },
        ("Fn::FindInMap", Value::Array(items)) if items.len() == 3 => {
            let keys: Option<Vec<String>> = items.iter().map(|k| to_text(k, values, template)).collect();
            let keys = keys?;
            to_text(template?.get("Mappings")?.get(&keys[0])?.get(&keys[1])?.get(&keys[2])?, values, template)
        }
        _ => None,
    }
}

/// The list an `Fn::Split` makes.
fn split_list(object: &Map<String, Value>, values: &Values, template: Option<&Value>) -> Option<Vec<String>> {
    match object.get("Fn::Split")?.as_array()?.as_slice() {
        [Value::String(delimiter), source] if object.len() == 1 && !delimiter.is_empty() => {
            Some(to_text(source, values, template)?.split(delimiter.as_str()).map(str::to_string).collect())
        }
        _ => None,
    }
}

/// A value as text: a string as it is, a number or boolean written out, an intrinsic evaluated.
fn to_text(value: &Value, values: &Values, template: Option<&Value>) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(object) => intrinsic(object, values, template),
        _ => None,
    }
}

/// `text` with its placeholders replaced: by `variables` first (an `Fn::Sub`'s own), then by
/// `values`.
pub fn substitute(text: &str, mode: Mode, values: &Values, variables: Option<&Values>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        if mode == Mode::Sub
            && let Some(literal) = after.strip_prefix('!')
        {
            out.push_str("${");
            rest = literal;
            continue;
        }
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        match variables.and_then(|v| v.get(name)).or_else(|| values.get(name)) {
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The placeholder names a string uses, in order (an `Fn::Sub`'s `${!literal}` is none).
pub fn names_in(text: &str, mode: Mode) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        let literal = mode == Mode::Sub && name.starts_with('!');
        if !(literal || name.is_empty() || name.contains("${")) {
            names.push(name.to_string());
        }
        rest = &after[end + 1..];
    }
    names
}
