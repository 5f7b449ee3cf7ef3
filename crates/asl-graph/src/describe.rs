//! Choice conditions as short readable text, for the labels of Choice edges.

use asl::model::{Comparison, Condition, Operand};
use serde_json::Value;

/// `$.type == "PURCHASE"`, `$.n > 3 and not ($.x is null)`, ...
pub fn describe_condition(c: &Condition) -> String {
    match c {
        Condition::And(parts) => join(parts, " and "),
        Condition::Or(parts) => join(parts, " or "),
        Condition::Not(inner) => format!("not {}", grouped(inner)),
        Condition::Jsonata(expr) => expr.clone(),
        Condition::Compare { variable, test } => {
            let var = variable.as_str();
            let operand = match &test.operand {
                Operand::Literal(v) => literal(v),
                Operand::Path(p) => p.as_str().to_string(),
            };
            use Comparison::*;
            let yes = matches!(&test.operand, Operand::Literal(Value::Bool(true)));
            let is = |what: &str| if yes { format!("{var} is {what}") } else { format!("{var} is not {what}") };
            match test.op {
                IsNull => is("null"),
                IsPresent => is("present"),
                IsNumeric => is("numeric"),
                IsString => is("a string"),
                IsBoolean => is("a boolean"),
                IsTimestamp => is("a timestamp"),
                StringMatches => format!("{var} matches {operand}"),
                op => format!("{var} {} {operand}", symbol(op)),
            }
        }
    }
}

fn symbol(op: Comparison) -> &'static str {
    use Comparison::*;
    match op {
        StringEquals | NumericEquals | BooleanEquals | TimestampEquals => "==",
        StringLessThan | NumericLessThan | TimestampLessThan => "<",
        StringGreaterThan | NumericGreaterThan | TimestampGreaterThan => ">",
        StringLessThanEquals | NumericLessThanEquals | TimestampLessThanEquals => "<=",
        _ => ">=",
    }
}

fn literal(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn grouped(c: &Condition) -> String {
    match c {
        Condition::And(_) | Condition::Or(_) => format!("({})", describe_condition(c)),
        _ => describe_condition(c),
    }
}

fn join(parts: &[Condition], sep: &str) -> String {
    parts.iter().map(grouped).collect::<Vec<_>>().join(sep)
}
