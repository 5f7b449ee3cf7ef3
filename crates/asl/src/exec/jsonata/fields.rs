//! The fields a JSONata step evaluates: finding their `{% ... %}` expressions, and putting the
//! host's answers back where the expressions were.

use serde_json::{Map, Value};

use super::{EvalFailure, Evaluated};

/// One field of a JSONata state, as written.
#[derive(Clone, Copy, Debug)]
pub(in crate::exec) enum Field<'a> {
    /// A JSON value with expressions at any depth (Arguments, Output, Assign, Items...).
    Template(&'static str, &'a Value),
    /// A field that is one expression (its body, without the delimiters).
    Expr(&'static str, &'a str),
    /// A literal string among evaluated fields (a Fail state's Error beside a computed Cause).
    Text(&'static str, &'a str),
}

/// The body of a `{% ... %}` string, or `None` for a literal string.
pub fn expression_body(s: &str) -> Option<&str> {
    (s.len() >= 4 && s.starts_with("{%") && s.ends_with("%}")).then(|| s[2..s.len() - 2].trim())
}

/// Every expression of `fields`, in the order [`fill`] consumes their answers.
pub(super) fn expressions(fields: &[Field]) -> Vec<String> {
    let mut out = Vec::new();
    for f in fields {
        match f {
            Field::Template(_, v) => collect(v, &mut out),
            Field::Expr(_, body) => out.push((*body).to_string()),
            Field::Text(..) => {}
        }
    }
    out
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            if let Some(body) = expression_body(s) {
                out.push(body.to_string());
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(m) => m.values().for_each(|i| collect(i, out)),
        _ => {}
    }
}

/// Each field's value with its expressions replaced by their answers. The first expression
/// that failed, gave nothing or gave a function fails the whole step, named by its field
/// (`Arguments/FunctionName`), as AWS names it.
pub(super) fn fill(fields: &[Field], answers: Vec<Evaluated>) -> Result<Vec<Value>, EvalFailure> {
    let mut answers = answers.into_iter();
    let mut out = Vec::with_capacity(fields.len());
    for f in fields {
        let value = match f {
            Field::Template(name, v) => substitute(v, name, &mut answers)?,
            Field::Expr(name, body) => resolve(body, name, answers.next())?,
            Field::Text(_, s) => Value::String((*s).to_string()),
        };
        out.push(value);
    }
    Ok(out)
}

fn substitute(v: &Value, at: &str, answers: &mut impl Iterator<Item = Evaluated>) -> Result<Value, EvalFailure> {
    Ok(match v {
        Value::String(s) => match expression_body(s) {
            Some(body) => resolve(body, at, answers.next())?,
            None => v.clone(),
        },
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                // AWS names a list's element by its index in brackets: `Arguments/list[1]`.
                .map(|(i, item)| substitute(item, &format!("{at}[{i}]"), answers))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(m) => {
            let mut out = Map::with_capacity(m.len());
            for (k, item) in m {
                out.insert(k.clone(), substitute(item, &format!("{at}/{k}"), answers)?);
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

fn resolve(body: &str, field: &str, answer: Option<Evaluated>) -> Result<Value, EvalFailure> {
    let fail = |what: String| EvalFailure {
        field: field.to_string(),
        cause: format!("The JSONata expression '{body}' specified for the field '{field}' {what}"),
    };
    match answer {
        Some(Evaluated::Value(v)) => Ok(v),
        Some(Evaluated::Undefined) => Err(fail("returned nothing (undefined).".into())),
        Some(Evaluated::Unsupported) => Err(fail("returned an unsupported result type.".into())),
        Some(Evaluated::Failed { code, message }) => {
            // AWS: "... threw an error during evaluation. T1006: Attempted to invoke a
            // non-function", and ": message" for the failures JSONata gives no code.
            // Codes of the host's own (`SF…`, `U0000`) are not JSONata's: AWS has none there.
            let own = code.starts_with("SF") || code == "U0000";
            Err(fail(if code.is_empty() || own {
                format!("threw an error during evaluation: {message}")
            } else {
                format!("threw an error during evaluation. {code}: {message}")
            }))
        }
        None => Err(fail("was not evaluated: the host gave no answer for it.".into())),
    }
}

/// A field's value had the wrong type: AWS's "unexpected result type" cause.
pub(super) fn unexpected_type(field: &Field, expected: &str, got: &Value) -> EvalFailure {
    let (name, shown) = match field {
        Field::Template(name, v) => (*name, v.as_str().and_then(expression_body).map(str::to_string)),
        Field::Expr(name, body) => (*name, Some((*body).to_string())),
        Field::Text(name, _) => (*name, None),
    };
    let compact = serde_json::to_string(got).unwrap_or_default();
    let what = format!(
        "returned an unexpected result type. Expected '{expected}', but was '{}' for value: {compact}",
        super::type_name(got)
    );
    let cause = match shown {
        Some(body) => format!("The JSONata expression '{body}' specified for the field '{name}' {what}"),
        None => format!("The field '{name}' {what}"),
    };
    EvalFailure { field: name.to_string(), cause }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn expressions_are_found_at_any_depth_and_put_back_in_order() {
        let args = json!({"a": "{% $x %}", "b": ["lit", "{%1+1%}"], "c": {"d": "{% $y %}"}, "e": 5});
        let fields = [Field::Template("Arguments", &args), Field::Expr("TimeoutSeconds", "$t")];
        let exprs = expressions(&fields);
        assert_eq!(exprs, ["$x", "1+1", "$y", "$t"]);
        let answers = exprs.iter().enumerate().map(|(i, _)| Evaluated::Value(json!(i))).collect::<Vec<_>>();
        let filled = fill(&fields, answers).unwrap();
        assert_eq!(filled[0], json!({"a": 0, "b": ["lit", 1], "c": {"d": 2}, "e": 5}));
        assert_eq!(filled[1], json!(3));
    }

    #[test]
    fn undefined_names_the_field_as_aws_does() {
        let args = json!({"FunctionName": "{% $doesNotExist %}"});
        let fields = [Field::Template("Arguments", &args)];
        let e = fill(&fields, vec![Evaluated::Undefined]).unwrap_err();
        assert_eq!(e.field, "Arguments/FunctionName");
        assert_eq!(
            e.cause,
            "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined)."
        );
    }

    #[test]
    fn only_whole_strings_in_delimiters_are_expressions() {
        assert_eq!(expression_body("{% $a %}"), Some("$a"));
        assert_eq!(expression_body(" {% $a %}"), None);
        assert_eq!(expression_body("{%%}"), Some(""));
        assert_eq!(expression_body("{%"), None);
    }
}
