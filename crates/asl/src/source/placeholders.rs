//! The placeholders a definition uses, with where and the value each gets to begin with.

use serde_json::{Map, Value};

use super::definition_string::part_name;
use super::plausible;
use super::resolve::{self, Mode, Values, names_in};
use super::template::StateMachineResource;
use crate::json::escape_pointer_segment;

/// One name the definition uses: `${name}` in a string, or a `Ref` / `Fn::GetAtt` (named as
/// `Fn::Sub` would name it: `Table`, `Function.Arn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub name: String,
    /// The value it gets unless the person gives another; `None` when nothing gives one.
    pub value: Option<String>,
    /// The value the person gave, when they did (it wins).
    pub given: Option<String>,
    /// Where the value comes from, for people: `DefinitionSubstitutions`, `AWS::Region`...
    pub origin: String,
    /// Where the definition uses it (JSON pointers into the definition).
    pub uses: Vec<String>,
}

impl Placeholder {
    /// The value it has: the person's, else the prefilled one.
    pub fn effective(&self) -> Option<&str> {
        self.given.as_deref().or(self.value.as_deref())
    }
}

/// Values for placeholders by name (what the person gave, over the prefilled ones).
pub type Substitutions = Values;

/// Every placeholder of `definition` (read in `mode`), in the order of first use, prefilled
/// from the state machine's `DefinitionSubstitutions` and `Fn::Sub` `variables`, then the
/// template (parameters, resources, pseudo parameters).
pub fn placeholders(
    template: Option<&Value>,
    machine: Option<&StateMachineResource>,
    variables: Option<&Map<String, Value>>,
    definition: &Value,
    mode: Mode,
) -> Vec<Placeholder> {
    let mut found: Vec<Placeholder> = Vec::new();
    let mut note = |name: String, pointer: &str| match found.iter_mut().find(|p| p.name == name) {
        Some(p) => p.uses.push(pointer.to_string()),
        None => found.push(Placeholder {
            name,
            value: None,
            given: None,
            origin: String::new(),
            uses: vec![pointer.to_string()],
        }),
    };
    walk(definition, "", mode, &mut note);
    let substitutions = machine.map(|m| &m.substitutions);
    for placeholder in &mut found {
        let (value, origin) = prefill(template, substitutions, variables, &placeholder.name);
        placeholder.value = value;
        placeholder.origin = origin;
    }
    found
}

/// The values to use: each placeholder's, then what the person gave.
pub fn values(placeholders: &[Placeholder], given: &Substitutions) -> Values {
    let mut values: Values = placeholders.iter().filter_map(|p| Some((p.name.clone(), p.value.clone()?))).collect();
    values.extend(given.iter().map(|(k, v)| (k.clone(), v.clone())));
    values
}

fn walk(value: &Value, pointer: &str, mode: Mode, note: &mut dyn FnMut(String, &str)) {
    match value {
        Value::String(s) => names_in(s, mode).into_iter().for_each(|n| note(n, pointer)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{pointer}/{i}"), mode, note);
            }
        }
        Value::Object(object) if resolve::is_intrinsic(object) => intrinsic(object, pointer, note),
        Value::Object(object) => {
            for (key, item) in object {
                // A key may hold placeholders too (the substitution is of the text).
                names_in(key, mode)
                    .into_iter()
                    .for_each(|n| note(n, &format!("{pointer}/{}", escape_pointer_segment(key))));
                walk(item, &format!("{pointer}/{}", escape_pointer_segment(key)), mode, note);
            }
        }
        _ => {}
    }
}

/// The names an intrinsic uses (the pointer is the intrinsic's own: it becomes one string).
fn intrinsic(object: &Map<String, Value>, pointer: &str, note: &mut dyn FnMut(String, &str)) {
    if let Some(name) = part_name(&Value::Object(object.clone())) {
        return note(name, pointer);
    }
    let Some((key, argument)) = object.iter().next() else { return };
    let nested = |v: &Value, note: &mut dyn FnMut(String, &str)| {
        let mut inner = |n: String, _: &str| note(n, pointer);
        walk(v, pointer, Mode::Plain, &mut inner);
    };
    // (Every name inside an intrinsic is used where the intrinsic is: it becomes one string.)
    match (key.as_str(), argument) {
        ("Fn::Sub", Value::String(text)) => names_in(text, Mode::Sub).into_iter().for_each(|n| note(n, pointer)),
        ("Fn::Sub", Value::Array(items)) => {
            let variables = items.get(1).and_then(Value::as_object);
            if let Some(Value::String(text)) = items.first() {
                names_in(text, Mode::Sub)
                    .into_iter()
                    .filter(|n| variables.is_none_or(|v| !v.contains_key(n)))
                    .for_each(|n| note(n, pointer));
            }
            for v in variables.into_iter().flat_map(|v| v.values()) {
                nested(v, note);
            }
        }
        (_, argument) => nested(argument, note),
    }
}

/// A placeholder's first value, and where it comes from.
fn prefill(
    template: Option<&Value>,
    substitutions: Option<&Map<String, Value>>,
    variables: Option<&Map<String, Value>>,
    name: &str,
) -> (Option<String>, String) {
    let evaluate = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Object(o) => {
                // The intrinsic's own names, valued from the template, then the intrinsic.
                let mut inner = Values::new();
                let mut note = |n: String, _: &str| {
                    if let Some(value) = plausible::sub_value(template, &n) {
                        inner.insert(n, value);
                    }
                };
                intrinsic(o, "", &mut note);
                resolve::intrinsic(o, &inner, template)
            }
            _ => None,
        }
    };
    if let Some(given) = substitutions.and_then(|s| s.get(name)) {
        return (evaluate(given), describe("DefinitionSubstitutions", given));
    }
    if let Some(given) = variables.and_then(|s| s.get(name)) {
        return (evaluate(given), describe("Fn::Sub variable", given));
    }
    if let Some(value) = plausible::pseudo(name) {
        return (Some(value), "pseudo parameter".into());
    }
    if let Some(template) = template {
        if template.pointer(&format!("/Parameters/{}", escape_pointer_segment(name))).is_some() {
            return (plausible::ref_value(template, name), "template parameter".into());
        }
        if let Some(value) = plausible::sub_value(Some(template), name) {
            let resource = name.split('.').next().unwrap_or(name);
            let kind = template
                .pointer(&format!("/Resources/{}/Type", escape_pointer_segment(resource)))
                .and_then(Value::as_str)
                .unwrap_or("resource");
            return (Some(value), format!("made up for {kind} {resource}"));
        }
    }
    (None, "not given".into())
}

fn describe(what: &str, given: &Value) -> String {
    match given {
        Value::Object(o) => match o.iter().next() {
            Some((k, v)) => format!("{what}: {k} {}", v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())),
            None => what.into(),
        },
        _ => what.into(),
    }
}
