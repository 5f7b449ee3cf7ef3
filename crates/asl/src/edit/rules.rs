//! A Choice state's rules as the rule builder edits them: a comparison (a variable, an
//! operator, an operand), And, Or and Not around other rules, or a JSONata Condition; what the
//! builder does not know is kept as written. A rule is read from its JSON and written back, and
//! the rule edits change one rule of a Choice, keeping its Next, Comment, Assign and Output.

use serde_json::{Map, Value, json};

use super::document::{Document, child};
use super::states::state;
use super::text::apply;
use super::{EditError, Place};
use crate::model::Comparison;

/// One rule, or a rule inside And, Or or Not.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// `Variable`, an operator such as `StringEquals` or `NumericGreaterThanPath`, its operand.
    Compare {
        variable: String,
        operator: String,
        operand: Value,
    },
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Not(Box<Rule>),
    /// A JSONata rule's `Condition`.
    Condition(String),
    /// A rule the builder cannot show, as written.
    Other(Value),
}

/// The members of a top-level rule that are not the rule itself.
const KEPT: &[&str] = &["Next", "Comment", "Assign", "Output"];

/// Every operator the builder offers, each comparison followed by its `*Path` form.
pub fn operators() -> Vec<String> {
    Comparison::ALL
        .iter()
        .flat_map(|(c, name)| std::iter::once(name.to_string()).chain(c.has_path_form().then(|| format!("{name}Path"))))
        .collect()
}

/// The rule a Choice rule's JSON (or a rule inside one) holds.
pub fn read(rule: &Value) -> Rule {
    let Some(map) = rule.as_object() else { return Rule::Other(rule.clone()) };
    let own: Vec<(&String, &Value)> = map.iter().filter(|(k, _)| !KEPT.contains(&k.as_str())).collect();
    let list = |v: &Value| v.as_array().map(|items| items.iter().map(read).collect::<Vec<_>>());
    match own.as_slice() {
        [(k, v)] if *k == "And" => list(v).map(Rule::And),
        [(k, v)] if *k == "Or" => list(v).map(Rule::Or),
        [(k, v)] if *k == "Not" => Some(Rule::Not(Box::new(read(v)))),
        [(k, Value::String(c))] if *k == "Condition" => Some(Rule::Condition(c.clone())),
        [(a, va), (b, vb)] => {
            let (variable, (operator, operand)) = match (a.as_str(), b.as_str()) {
                ("Variable", _) => (va, (b, vb)),
                (_, "Variable") => (vb, (a, va)),
                _ => return Rule::Other(rule.clone()),
            };
            let known = operators().iter().any(|o| o == operator.as_str());
            match variable {
                Value::String(variable) if known => Some(Rule::Compare {
                    variable: variable.clone(),
                    operator: operator.to_string(),
                    operand: (*operand).clone(),
                }),
                _ => None,
            }
        }
        _ => None,
    }
    .unwrap_or_else(|| Rule::Other(rule.clone()))
}

/// The JSON of a rule (without a top-level rule's Next and the other members kept beside it).
pub fn write(rule: &Rule) -> Value {
    match rule {
        Rule::Compare { variable, operator, operand } => {
            let mut map = Map::new();
            map.insert("Variable".into(), json!(variable));
            map.insert(operator.clone(), operand.clone());
            Value::Object(map)
        }
        Rule::And(rules) => json!({ "And": rules.iter().map(write).collect::<Vec<_>>() }),
        Rule::Or(rules) => json!({ "Or": rules.iter().map(write).collect::<Vec<_>>() }),
        Rule::Not(rule) => json!({ "Not": write(rule) }),
        Rule::Condition(c) => json!({ "Condition": c }),
        Rule::Other(v) => v.clone(),
    }
}

/// What an operator compares with: a path for `*Path` forms, else its own kind of value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    Path,
    String,
    Number,
    Boolean,
}

pub fn operand_of(operator: &str) -> Operand {
    if operator.ends_with("Path") {
        Operand::Path
    } else if operator.starts_with("Numeric") {
        Operand::Number
    } else if operator.starts_with("Boolean") || operator.starts_with("Is") {
        Operand::Boolean
    } else {
        Operand::String
    }
}

/// An operand as the builder shows it.
pub fn show_operand(operand: &Value) -> String {
    match operand {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The operand `text` stands for with `operator`, or why it cannot.
pub fn read_operand(operator: &str, text: &str) -> Result<Value, String> {
    let text = text.trim();
    match operand_of(operator) {
        Operand::Path | Operand::String => Ok(json!(text)),
        Operand::Number => serde_json::from_str::<serde_json::Number>(text)
            .map(Value::Number)
            .map_err(|_| format!("{operator} compares with a number")),
        Operand::Boolean => match text {
            "true" => Ok(json!(true)),
            "false" => Ok(json!(false)),
            _ => Err(format!("{operator} takes true or false")),
        },
    }
}

/// A comparison to start from: the variable present, for the machine's first rule.
pub fn starter() -> Rule {
    Rule::Compare { variable: "$.value".into(), operator: "IsPresent".into(), operand: json!(true) }
}

/// Replaces rule `index` of Choice `name` with `rule`, keeping its Next, Comment, Assign and
/// Output where they were.
pub fn set_rule(text: &str, scope: &str, name: &str, index: usize, rule: &Rule) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let pointer = format!("{}/Choices/{index}", state(scope, name));
    let old = doc.get(&pointer).and_then(Value::as_object).ok_or_else(|| EditError::NotFound(pointer.clone()))?;
    let mut new = match write(rule) {
        Value::Object(map) => map,
        other => return Err(EditError::Refused(format!("a rule is an object, not {other}"))),
    };
    for (k, v) in old.iter().filter(|(k, _)| KEPT.contains(&k.as_str())) {
        new.insert(k.clone(), v.clone());
    }
    Ok(apply(text, &[doc.replace(&pointer, &Value::Object(new))?]))
}

/// Adds `rule` to Choice `name`, leading to `next`.
pub fn add_rule(text: &str, scope: &str, name: &str, rule: &Rule, next: &str) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let choice = state(scope, name);
    let mut value = write(rule);
    if let Some(map) = value.as_object_mut() {
        map.insert("Next".into(), json!(next));
    }
    let edit = match doc.get(&child(&choice, "Choices")) {
        Some(_) => doc.push(&child(&choice, "Choices"), &value)?,
        None => doc.insert(&choice, "Choices", &Value::Array(vec![value]), Place::After("Type"))?,
    };
    Ok(apply(text, &[edit]))
}

/// Removes rule `index` of Choice `name`.
pub fn remove_rule(text: &str, scope: &str, name: &str, index: usize) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    Ok(apply(text, &[doc.remove(&format!("{}/Choices/{index}", state(scope, name)))?]))
}
