//! The array intrinsics: `States.Array`, `ArrayPartition`, `ArrayContains`, `ArrayRange`,
//! `ArrayGetItem`, `ArrayLength` and `ArrayUnique`.

use std::collections::HashSet;
use std::fmt::Write;

use serde_json::{Number, Value};

use super::Env;
use super::eval::{
    all_arguments, arguments, array_arg, invalid, owned_array_arg, rounded_integer_arg, whole_integer_arg,
};
use super::functions::Function;
use super::parse::Call;
use crate::errors::Failure;

/// The most elements `States.ArrayRange` may produce (AWS documents 1,000).
pub const MAX_RANGE_ITEMS: i128 = 1000;

pub(super) fn array(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let values = all_arguments(call, env)?;
    Ok(Value::Array(values.into_iter().map(|v| v.into_owned()).collect()))
}

pub(super) fn partition(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [items, size] = arguments(call, env)?;
    let f = Function::ArrayPartition;
    let items = owned_array_arg(f, 0, items)?;
    let size = rounded_integer_arg(f, 1, &size)?;
    if size <= 0 {
        return Err(invalid(f, format!("the chunk size must be a positive integer, but it is {size}")));
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    let mut chunks = Vec::with_capacity(items.len().div_ceil(size));
    let mut rest = items.into_iter();
    loop {
        let chunk: Vec<Value> = rest.by_ref().take(size).collect();
        if chunk.is_empty() {
            break;
        }
        chunks.push(Value::Array(chunk));
    }
    Ok(Value::Array(chunks))
}

pub(super) fn contains(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [items, wanted] = arguments(call, env)?;
    let items = array_arg(Function::ArrayContains, 0, &items)?;
    Ok(Value::Bool(items.iter().any(|item| json_equal(item, &wanted))))
}

pub(super) fn range(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [start, end, step] = arguments(call, env)?;
    let f = Function::ArrayRange;
    let start = rounded_integer_arg(f, 0, &start)?;
    let end = rounded_integer_arg(f, 1, &end)?;
    let step = rounded_integer_arg(f, 2, &step)?;
    if step == 0 {
        return Err(invalid(f, "the step (third argument) must not be 0"));
    }
    let (start, end, step) = (i128::from(start), i128::from(end), i128::from(step));
    let count = if (step > 0 && end >= start) || (step < 0 && end <= start) { (end - start) / step + 1 } else { 0 };
    if count > MAX_RANGE_ITEMS {
        return Err(invalid(f, format!("the range would have {count} items, more than the {MAX_RANGE_ITEMS} allowed")));
    }
    let items = (0..count).filter_map(|i| i64::try_from(start + i * step).ok()).map(Value::from).collect();
    Ok(Value::Array(items))
}

pub(super) fn get_item(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [items, index] = arguments(call, env)?;
    let f = Function::ArrayGetItem;
    let items = owned_array_arg(f, 0, items)?;
    let index = whole_integer_arg(f, 1, &index)?;
    let len = items.len();
    usize::try_from(index)
        .ok()
        .and_then(|i| items.into_iter().nth(i))
        .ok_or_else(|| invalid(f, format!("the index {index} is out of bounds for an array of {len} items")))
}

pub(super) fn length(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [items] = arguments(call, env)?;
    let items = array_arg(Function::ArrayLength, 0, &items)?;
    Ok(Value::from(items.len()))
}

pub(super) fn unique(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [items] = arguments(call, env)?;
    let items = owned_array_arg(Function::ArrayUnique, 0, items)?;
    let mut seen = HashSet::with_capacity(items.len());
    let mut key = String::new();
    let kept = items
        .into_iter()
        .filter(|item| {
            key.clear();
            write_canonical(item, &mut key);
            seen.insert(key.clone())
        })
        .collect();
    Ok(Value::Array(kept))
}

/// JSON equality where numbers compare by value (`1` equals `1.0`) and object members by key,
/// whatever their order.
pub(super) fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => numbers_equal(x, y),
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len() && xs.iter().all(|(k, x)| ys.get(k).is_some_and(|y| json_equal(x, y)))
        }
        _ => a == b,
    }
}

/// A number's integer value when it has one (whether written `2` or `2.0`).
fn integer_value(n: &Number) -> Option<i128> {
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(i128::from(u));
    }
    let f = n.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 1.0e38).then_some(f as i128)
}

fn numbers_equal(x: &Number, y: &Number) -> bool {
    match (integer_value(x), integer_value(y)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => x.as_f64() == y.as_f64(),
        _ => false,
    }
}

/// A text that is equal for two values exactly when [`json_equal`] says they are equal.
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Number(n) => match integer_value(n) {
            Some(i) => {
                let _ = write!(out, "{i}");
            }
            None => {
                let _ = write!(out, "{:?}", n.as_f64().unwrap_or(0.0));
            }
        },
        Value::Array(items) => {
            out.push('[');
            for item in items {
                write_canonical(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut keys: Vec<&String> = members.keys().collect();
            crate::sort::sort_by_key(&mut keys, |k| *k);
            out.push('{');
            for key in keys {
                // A JSON string, as serde_json writes it.
                out.push_str(&serde_json::to_string(key).unwrap_or_default());
                out.push(':');
                if let Some(member) = members.get(key) {
                    write_canonical(member, out);
                }
                out.push(',');
            }
            out.push('}');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{cause, eval};
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        eval(text).unwrap_or_else(|failure| panic!("{text}: {failure}"))
    }

    #[test]
    fn array_keeps_argument_order_and_types() {
        assert_eq!(ok("States.Array('Foo', 2022, null, true, States.Array())"), json!(["Foo", 2022, null, true, []]));
    }

    #[test]
    fn partition_chunks_and_rounds_the_size() {
        let nine = "States.Array(1, 2, 3, 4, 5, 6, 7, 8, 9)";
        assert_eq!(ok(&format!("States.ArrayPartition({nine}, 4)")), json!([[1, 2, 3, 4], [5, 6, 7, 8], [9]]));
        assert_eq!(ok(&format!("States.ArrayPartition({nine}, 3.5)")), json!([[1, 2, 3, 4], [5, 6, 7, 8], [9]]));
        assert_eq!(ok(&format!("States.ArrayPartition({nine}, 100)")), json!([[1, 2, 3, 4, 5, 6, 7, 8, 9]]));
        assert_eq!(ok("States.ArrayPartition(States.Array(), 2)"), json!([]));
        assert_eq!(
            cause("States.ArrayPartition(States.Array(1), 0)"),
            "Invalid arguments in States.ArrayPartition: the chunk size must be a positive \
             integer, but it is 0"
        );
        assert!(cause("States.ArrayPartition(States.Array(1), 0.4)").contains("but it is 0"));
        assert!(cause("States.ArrayPartition(States.Array(1), -3)").contains("but it is -3"));
    }

    #[test]
    fn contains_compares_deeply() {
        assert_eq!(ok("States.ArrayContains(States.Array(1, 'a'), 'a')"), json!(true));
        assert_eq!(ok("States.ArrayContains(States.Array(1, 'a'), '1')"), json!(false));
        assert_eq!(ok("States.ArrayContains(States.Array(1, 'a'), 1.0)"), json!(true));
        assert_eq!(ok("States.ArrayContains(States.Array(States.Array(1, 2)), States.Array(1, 2))"), json!(true));
        assert_eq!(ok("States.ArrayContains(States.Array(States.Array(1, 2)), States.Array(2, 1))"), json!(false));
        assert_eq!(
            ok("States.ArrayContains(States.Array(States.StringToJson('\\{\"a\":1,\"b\":2\\}')), \
                States.StringToJson('\\{\"b\":2,\"a\":1\\}'))"),
            json!(true)
        );
    }

    #[test]
    fn range_is_inclusive_and_limited() {
        assert_eq!(ok("States.ArrayRange(1, 9, 2)"), json!([1, 3, 5, 7, 9]));
        assert_eq!(ok("States.ArrayRange(0, 10, 3)"), json!([0, 3, 6, 9]));
        assert_eq!(ok("States.ArrayRange(9, 1, -2)"), json!([9, 7, 5, 3, 1]));
        assert_eq!(ok("States.ArrayRange(5, 5, 1)"), json!([5]));
        assert_eq!(ok("States.ArrayRange(9, 1, 2)"), json!([]));
        assert_eq!(ok("States.ArrayRange(0.6, 4.4, 1.5)"), json!([1, 3]));
        assert_eq!(ok("States.ArrayLength(States.ArrayRange(1, 1000, 1))"), json!(1000));
        assert_eq!(
            cause("States.ArrayRange(1, 1001, 1)"),
            "Invalid arguments in States.ArrayRange: the range would have 1001 items, more \
             than the 1000 allowed"
        );
        assert!(
            cause("States.ArrayRange(-9223372036854775808, 9223372036854775807, 1)")
                .contains("more than the 1000 allowed")
        );
        assert_eq!(
            cause("States.ArrayRange(1, 9, 0)"),
            "Invalid arguments in States.ArrayRange: the step (third argument) must not be 0"
        );
        assert!(cause("States.ArrayRange(1, 9, 0.4)").contains("must not be 0"));
    }

    #[test]
    fn get_item_checks_the_index() {
        let abc = "States.Array('a', 'b', 'c')";
        assert_eq!(ok(&format!("States.ArrayGetItem({abc}, 0)")), json!("a"));
        assert_eq!(ok(&format!("States.ArrayGetItem({abc}, 2)")), json!("c"));
        assert_eq!(ok(&format!("States.ArrayGetItem({abc}, 1.0)")), json!("b"));
        assert_eq!(
            cause(&format!("States.ArrayGetItem({abc}, 3)")),
            "Invalid arguments in States.ArrayGetItem: the index 3 is out of bounds for an \
             array of 3 items"
        );
        assert!(cause(&format!("States.ArrayGetItem({abc}, -1)")).contains("index -1"));
        assert!(
            cause(&format!("States.ArrayGetItem({abc}, 1.5)"))
                .contains("the second argument must be an integer, but it is 1.5")
        );
    }

    #[test]
    fn length_and_unique() {
        assert_eq!(ok("States.ArrayLength(States.Array())"), json!(0));
        assert_eq!(ok("States.ArrayLength(States.Array(1, 2, 3))"), json!(3));
        assert_eq!(ok("States.ArrayUnique(States.Array(1, 2, 3, 3, 3, 3, 3, 3, 4))"), json!([1, 2, 3, 4]));
        assert_eq!(
            ok("States.ArrayUnique(States.Array('b', 'a', 'b', 1, '1', 1.0, null, 'null', null, \
                true, States.Array(1), States.Array(1.0)))"),
            json!(["b", "a", 1, "1", null, "null", true, [1]])
        );
    }

    #[test]
    fn arguments_of_the_wrong_type_fail() {
        assert_eq!(
            cause("States.ArrayLength(States.Format('x'))"),
            "Invalid arguments in States.ArrayLength: the first argument must be an array, but \
             it is a string"
        );
        assert!(cause("States.ArrayUnique(States.UUID())").contains("must be an array"));
        assert!(
            cause("States.ArrayGetItem(States.Array(1), States.Format('0'))")
                .contains("the second argument must be a number, but it is a string")
        );
        assert!(cause("States.ArrayRange(1, States.Array(), 1)").contains("must be a number"));
    }
}
