//! Choice: the first rule whose condition holds decides the next state.

use std::cmp::Ordering;

use serde_json::{Number, Value};

use super::super::Execution;
use super::super::eval::Env;
use super::super::frames::{Flow, FrameId};
use crate::errors::{Failure, NO_CHOICE_MATCHED};
use crate::model::{Choice, Comparison, Condition, Edge, Operand, State};

impl Execution {
    pub(in crate::exec) fn run_choice(&mut self, f: FrameId, state: &State, choice: &Choice) -> Flow {
        let effective = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let decided = self.eval(f, state, None, |env| -> Result<_, Failure> {
            for (i, rule) in choice.choices.iter().enumerate() {
                if holds(&rule.condition, env, &effective)? {
                    return Ok(Some(i));
                }
            }
            Ok(None)
        });
        let (next, assign, edge) = match decided {
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
            Ok(Some(i)) => (choice.choices[i].next.as_str(), &choice.choices[i].assign, Edge::ChoiceRule(i)),
            Ok(None) => match &choice.default {
                Some(d) => (d.as_str(), &state.assign, Edge::Default),
                None => {
                    return Flow::Failed(Failure::new(NO_CHOICE_MATCHED, "No Matches!"));
                }
            },
        };
        let assigned = match self.eval_assign(f, state, assign, &effective) {
            Ok(a) => a,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let output = match self.output_of(f, state, effective) {
            Ok(o) => o,
            Err(e) => return Flow::Failed(e),
        };
        if let Some(vars) = assigned {
            self.assign(f, vars);
        }
        self.exit(f, state, &output);
        self.leave(f, edge, next, output)
    }
}

/// Evaluates a condition with `$` = `input`.
fn holds(c: &Condition, env: &Env, input: &Value) -> Result<bool, Failure> {
    match c {
        Condition::And(parts) => {
            for p in parts {
                if !holds(p, env, input)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Condition::Or(parts) => {
            for p in parts {
                if holds(p, env, input)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Condition::Not(inner) => Ok(!holds(inner, env, input)?),
        Condition::Jsonata(_) => Err(Failure::runtime("JSONata conditions are not supported yet")),
        Condition::Compare { variable, test } => {
            let value = env.select(variable, input);
            use Comparison::*;
            if test.op == IsPresent {
                return Ok(value.is_some() == expected_bool(&test.operand));
            }
            let Some(value) = value else {
                return Err(Failure::runtime(format!(
                    "Invalid path '{}': The choice state's condition path references an invalid value.",
                    variable.as_str()
                )));
            };
            let value = value.as_ref();
            if test.op.is_type_test() {
                let is = match test.op {
                    IsNull => value.is_null(),
                    IsNumeric => value.is_number(),
                    IsString => value.is_string(),
                    IsBoolean => value.is_boolean(),
                    _ => value.as_str().is_some_and(|s| crate::timestamp::parse(s).is_some()),
                };
                return Ok(is == expected_bool(&test.operand));
            }
            let operand = match &test.operand {
                Operand::Literal(v) => std::borrow::Cow::Borrowed(v),
                Operand::Path(p) => env.select(p, input).ok_or_else(|| {
                    Failure::runtime(format!(
                        "Invalid path '{}': The choice state's condition path references an invalid value.",
                        p.as_str()
                    ))
                })?,
            };
            Ok(compare(test.op, value, &operand))
        }
    }
}

fn expected_bool(operand: &Operand) -> bool {
    matches!(operand, Operand::Literal(Value::Bool(true)))
}

/// A comparison between values of the operator's type; values of another type never match.
fn compare(op: Comparison, value: &Value, operand: &Value) -> bool {
    use Comparison::*;
    let ordering = match op {
        StringMatches => {
            return matches!((value, operand), (Value::String(s), Value::String(p)) if wildcard_match(p, s));
        }
        BooleanEquals => {
            return matches!((value, operand), (Value::Bool(a), Value::Bool(b)) if a == b);
        }
        StringEquals | StringLessThan | StringGreaterThan | StringLessThanEquals | StringGreaterThanEquals => {
            match (value, operand) {
                // Java compares strings by UTF-16 code units.
                (Value::String(a), Value::String(b)) => a.encode_utf16().cmp(b.encode_utf16()),
                _ => return false,
            }
        }
        NumericEquals | NumericLessThan | NumericGreaterThan | NumericLessThanEquals | NumericGreaterThanEquals => {
            match (value, operand) {
                (Value::Number(a), Value::Number(b)) => match compare_numbers(a, b) {
                    Some(o) => o,
                    None => return false,
                },
                _ => return false,
            }
        }
        _ => {
            let parse = |v: &Value| v.as_str().and_then(crate::timestamp::parse);
            match (parse(value), parse(operand)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => return false,
            }
        }
    };
    match op {
        StringEquals | NumericEquals | TimestampEquals => ordering == Ordering::Equal,
        StringLessThan | NumericLessThan | TimestampLessThan => ordering == Ordering::Less,
        StringGreaterThan | NumericGreaterThan | TimestampGreaterThan => ordering == Ordering::Greater,
        StringLessThanEquals | NumericLessThanEquals | TimestampLessThanEquals => ordering != Ordering::Greater,
        _ => ordering != Ordering::Less,
    }
}

/// Exact for integers, IEEE-754 otherwise.
fn compare_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

/// `StringMatches`: `*` matches any run of characters; `\*` is a literal star and `\\` a
/// literal backslash.
pub(crate) fn wildcard_match(pattern: &str, text: &str) -> bool {
    #[derive(PartialEq)]
    enum Tok {
        Star,
        Char(char),
    }
    let mut toks = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) => toks.push(Tok::Char(n)),
                None => toks.push(Tok::Char('\\')),
            },
            '*' => toks.push(Tok::Star),
            c => toks.push(Tok::Char(c)),
        }
    }
    let text: Vec<char> = text.chars().collect();
    // Greedy matching with backtracking to the last star: linear in practice.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match toks.get(p) {
            Some(Tok::Char(c)) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            Some(Tok::Star) => {
                star = Some((p, t));
                p += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    toks[p..].iter().all(|t| *t == Tok::Star)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("log-*.txt", "log-2026.txt"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*b*c", "aXXbYYc"));
        assert!(!wildcard_match("a*b", "aXXc"));
        assert!(wildcard_match(r"a\*b", "a*b"));
        assert!(!wildcard_match(r"a\*b", "aXb"));
        assert!(wildcard_match(r"a\\b", r"a\b"));
    }

    #[test]
    fn comparisons_need_matching_types() {
        assert!(compare(Comparison::NumericEquals, &json!(1), &json!(1.0)));
        assert!(!compare(Comparison::NumericEquals, &json!("1"), &json!(1)));
        assert!(compare(Comparison::StringLessThan, &json!("a"), &json!("b")));
        assert!(compare(
            Comparison::TimestampGreaterThan,
            &json!("2020-01-01T00:00:01Z"),
            &json!("2020-01-01T00:00:00Z")
        ));
        assert!(compare(Comparison::NumericLessThanEquals, &json!(9007199254740993u64), &json!(9007199254740993u64)));
    }
}
