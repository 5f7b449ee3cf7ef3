//! Choice states: their rules, and the Boolean conditions inside them.

use serde_json::{Map, Value};

use super::super::fields::{Fields, type_name};
use super::super::{Choice, ChoiceRule, Comparison, Condition, Operand, Test};
use super::{Builder, assign, is_jsonata, jsonata_body, parse_path};
use crate::diagnostics::{Diagnostics, code};

impl Builder<'_, '_> {
    pub(super) fn choice(&mut self, f: &mut Fields, jsonata: bool) -> Choice {
        let d = &mut *self.d;
        let default = f.string(d, "Default").map(str::to_string);
        let mut choices = Vec::new();
        if !f.require(d, "Choices") {
            return Choice { choices, default };
        }
        let pointer = f.child("Choices");
        let Some(list) = f.array(d, "Choices") else {
            return Choice { choices, default };
        };
        if list.is_empty() {
            d.error(code::SCHEMA_VALIDATION_FAILED, &pointer, "A Choice state needs at least one rule in Choices");
        }
        for (i, rule) in list.iter().enumerate() {
            let at = format!("{pointer}/{i}");
            let Value::Object(map) = rule else {
                d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &at, "A choice rule must be an object");
                continue;
            };
            let mut rf = Fields::new(map, at.clone());
            rf.get("Comment");
            let next =
                if rf.require(d, "Next") { rf.string(d, "Next").unwrap_or("").to_string() } else { String::new() };
            let rule = if jsonata {
                let jsonata_assign = rf.object(d, "Assign").map(|m| Value::Object(m.clone()));
                let output = rf.get("Output").cloned();
                jsonata_condition(&mut rf, d).map(|c| (c, None, jsonata_assign, output))
            } else {
                let assign = assign(&mut rf, d);
                condition(&mut rf, d).map(|c| (c, assign, None, None))
            };
            rf.finish(d, if jsonata { "a choice rule using JSONata" } else { "a choice rule" });
            if let Some((condition, assign, jsonata_assign, output)) = rule {
                choices.push(ChoiceRule { condition, next, assign, jsonata_assign, output, pointer: at });
            }
        }
        Choice { choices, default }
    }
}

fn jsonata_condition(f: &mut Fields, d: &mut Diagnostics) -> Option<Condition> {
    if !f.require(d, "Condition") {
        return None;
    }
    let v = f.get("Condition")?;
    match v {
        Value::String(s) if is_jsonata(v) => Some(Condition::Jsonata(jsonata_body(s))),
        Value::Bool(b) => Some(Condition::Jsonata(b.to_string())),
        _ => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("Condition"),
                "A JSONata Condition must be a {% expression %} or a Boolean",
            );
            None
        }
    }
}

/// The operator fields a rule may hold, besides `Variable`.
fn operator_keys(map: &Map<String, Value>) -> Vec<&str> {
    map.keys()
        .map(String::as_str)
        .filter(|k| matches!(*k, "And" | "Or" | "Not") || comparison_for_key(k).is_some())
        .collect()
}

/// `StringEquals` -> (StringEquals, false); `StringEqualsPath` -> (StringEquals, true).
fn comparison_for_key(key: &str) -> Option<(Comparison, bool)> {
    for (c, name) in Comparison::ALL {
        if key == name {
            return Some((c, false));
        }
        if c.has_path_form() && key.strip_suffix("Path") == Some(name) {
            return Some((c, true));
        }
    }
    None
}

/// Reads one condition (a top-level rule's or a nested one's) from `f`.
fn condition(f: &mut Fields, d: &mut Diagnostics) -> Option<Condition> {
    let ops = operator_keys(f.map());
    if ops.len() != 1 {
        let message = if ops.is_empty() {
            "A choice rule needs exactly one comparison operator (such as StringEquals) or And, Or, Not".to_string()
        } else {
            format!("A choice rule needs exactly one comparison operator or And, Or, Not; it has {}", ops.join(", "))
        };
        d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, message);
        for k in &ops {
            f.get(k);
        }
        f.get("Variable");
        return None;
    }
    let op = ops[0].to_string();
    match op.as_str() {
        "And" | "Or" => {
            let at = f.child(&op);
            let list = f.array(d, &op)?;
            if list.is_empty() {
                d.error(code::SCHEMA_VALIDATION_FAILED, &at, format!("{op} needs at least one condition"));
            }
            let parts: Vec<Condition> =
                list.iter().enumerate().filter_map(|(i, v)| nested(v, &format!("{at}/{i}"), d)).collect();
            if f.has("Variable") {
                f.get("Variable");
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("Variable"),
                    format!("A rule using {op} cannot also have a Variable"),
                );
            }
            Some(if op == "And" { Condition::And(parts) } else { Condition::Or(parts) })
        }
        "Not" => {
            let at = f.child("Not");
            let inner = f.get("Not")?;
            if f.has("Variable") {
                f.get("Variable");
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("Variable"),
                    "A rule using Not cannot also have a Variable",
                );
            }
            nested(inner, &at, d).map(|c| Condition::Not(Box::new(c)))
        }
        key => {
            let (comparison, via_path) = comparison_for_key(key)?;
            let at = f.child(key);
            let raw = f.get(key)?.clone();
            let variable = if f.require(d, "Variable") { f.string(d, "Variable") } else { None };
            let variable = variable.and_then(|v| parse_path(v, &f.child("Variable"), "Variable", d));
            let operand = operand(comparison, via_path, key, &raw, &at, d)?;
            Some(Condition::Compare { variable: variable?, test: Test { op: comparison, operand } })
        }
    }
}

fn nested(v: &Value, at: &str, d: &mut Diagnostics) -> Option<Condition> {
    let Value::Object(map) = v else {
        d.error_at_value(code::SCHEMA_VALIDATION_FAILED, at, "A condition must be an object");
        return None;
    };
    let mut f = Fields::new(map, at.to_string());
    f.get("Comment");
    let c = condition(&mut f, d);
    f.finish(d, "a nested condition (only top-level choice rules have Next)");
    c
}

fn operand(c: Comparison, via_path: bool, key: &str, raw: &Value, at: &str, d: &mut Diagnostics) -> Option<Operand> {
    if via_path {
        let Value::String(s) = raw else {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                at,
                format!("The value of '{key}' must be a STRING holding a path"),
            );
            return None;
        };
        return parse_path(s, at, key, d).map(Operand::Path);
    }
    use Comparison::*;
    let ok = match c {
        StringEquals
        | StringLessThan
        | StringGreaterThan
        | StringLessThanEquals
        | StringGreaterThanEquals
        | StringMatches => raw.is_string(),
        NumericEquals | NumericLessThan | NumericGreaterThan | NumericLessThanEquals | NumericGreaterThanEquals => {
            raw.is_number()
        }
        BooleanEquals | IsNull | IsPresent | IsNumeric | IsString | IsBoolean | IsTimestamp => raw.is_boolean(),
        TimestampEquals
        | TimestampLessThan
        | TimestampGreaterThan
        | TimestampLessThanEquals
        | TimestampGreaterThanEquals => match raw.as_str() {
            Some(s) if crate::timestamp::parse(s).is_some() => true,
            Some(s) => {
                d.error_at_value(code::SCHEMA_VALIDATION_FAILED, at, format!("'{s}' is not an ISO-8601 timestamp"));
                return None;
            }
            None => false,
        },
    };
    if !ok {
        let expected = match c {
            NumericEquals | NumericLessThan | NumericGreaterThan | NumericLessThanEquals | NumericGreaterThanEquals => {
                "a NUMBER"
            }
            BooleanEquals | IsNull | IsPresent | IsNumeric | IsString | IsBoolean | IsTimestamp => "a BOOLEAN",
            _ => "a STRING",
        };
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            at,
            format!("The value of '{key}' must be {expected}, not {}", type_name(raw)),
        );
        return None;
    }
    Some(Operand::Literal(raw.clone()))
}
