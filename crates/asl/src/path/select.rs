//! Reading values through a path, as Jayway does: a definite path walks straight to one value
//! (borrowed, never copied); any other path collects every match, skipping what is missing.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Segment;
use super::filter_eval::accepts;

pub(crate) fn select<'v>(segments: &[Segment], root: &'v Value, definite: bool) -> Option<Cow<'v, Value>> {
    select_from(segments, root, root, definite)
}

/// Selects from `start`; `document` is what `$` means inside filters.
pub(crate) fn select_from<'v>(
    segments: &[Segment],
    start: &'v Value,
    document: &Value,
    definite: bool,
) -> Option<Cow<'v, Value>> {
    // AWS accepts Jayway's functions in paths but evaluates none of them: the path is then
    // "not found" (a `$.Jobs.sum()` parameter fails with "could not be found in the input").
    if matches!(segments.last(), Some(Segment::Function { .. })) {
        return None;
    }
    if definite {
        return select_definite(segments, start);
    }
    let mut found = Vec::new();
    walk(segments, start, document, &mut found);
    Some(Cow::Owned(Value::Array(found.into_iter().map(Cow::into_owned).collect())))
}

fn select_definite<'v>(segments: &[Segment], start: &'v Value) -> Option<Cow<'v, Value>> {
    let mut node = start;
    for segment in segments {
        node = match segment {
            Segment::Name(name) => node.as_object()?.get(name)?,
            Segment::Index(index) => element(node.as_array()?, *index)?,
            Segment::Names(names) => return Some(Cow::Owned(merge(node.as_object()?, names))),
            _ => return None,
        };
    }
    Some(Cow::Borrowed(node))
}

/// The element at `index`, counting from the end when negative.
fn element(array: &[Value], index: i64) -> Option<&Value> {
    let position = if index < 0 { i64::try_from(array.len()).ok()? + index } else { index };
    array.get(usize::try_from(position).ok()?)
}

/// `['a','b']` as the last segment: one object with those of the members that exist.
fn merge(object: &Map<String, Value>, names: &[String]) -> Value {
    let mut merged = Map::new();
    for name in names {
        if let Some(value) = object.get(name) {
            merged.insert(name.clone(), value.clone());
        }
    }
    Value::Object(merged)
}

/// Applies `segments` to `node`, pushing every match; what does not match is skipped.
fn walk<'v>(segments: &[Segment], node: &'v Value, document: &Value, out: &mut Vec<Cow<'v, Value>>) {
    let Some((segment, rest)) = segments.split_first() else {
        out.push(Cow::Borrowed(node));
        return;
    };
    match segment {
        Segment::Name(name) => {
            if let Some(child) = node.as_object().and_then(|object| object.get(name)) {
                walk(rest, child, document, out);
            }
        }
        Segment::Names(names) => {
            let Some(object) = node.as_object() else {
                return;
            };
            if rest.is_empty() {
                out.push(Cow::Owned(merge(object, names)));
                return;
            }
            for name in names {
                if let Some(child) = object.get(name) {
                    walk(rest, child, document, out);
                }
            }
        }
        Segment::Index(index) => {
            if let Some(child) = node.as_array().and_then(|array| element(array, *index)) {
                walk(rest, child, document, out);
            }
        }
        Segment::Indexes(indexes) => {
            let Some(array) = node.as_array() else {
                return;
            };
            for index in indexes {
                if let Some(child) = element(array, *index) {
                    walk(rest, child, document, out);
                }
            }
        }
        Segment::Slice { start, end } => {
            let Some(array) = node.as_array() else {
                return;
            };
            let (from, to) = slice_bounds(array.len(), *start, *end);
            for index in from..to {
                if let Some(child) = element(array, index) {
                    walk(rest, child, document, out);
                }
            }
        }
        Segment::Wildcard => match node {
            Value::Object(object) => {
                for child in object.values() {
                    walk(rest, child, document, out);
                }
            }
            Value::Array(array) => {
                for child in array {
                    walk(rest, child, document, out);
                }
            }
            _ => {}
        },
        Segment::DeepScan => {
            if let Some(next) = rest.first() {
                scan(next, rest, node, document, out);
            }
        }
        Segment::Filter(filter) => match node {
            Value::Object(_) if accepts(filter, node, document) => walk(rest, node, document, out),
            Value::Array(array) => {
                // AWS: "The @ operator ... does not match scalar values. It only matches
                // objects."
                for child in array {
                    if child.is_object() && accepts(filter, child, document) {
                        walk(rest, child, document, out);
                    }
                }
            }
            _ => {}
        },
        Segment::Function { .. } => {}
    }
}

/// `..next`: `next` (and the rest after it) applied wherever it can apply in the tree, in
/// document order, the node itself before its children. Walks the tree with its own stack, so
/// that a deeply nested document cannot exhaust the call stack.
fn scan<'v>(next: &Segment, from_next: &[Segment], node: &'v Value, document: &Value, out: &mut Vec<Cow<'v, Value>>) {
    let next_is_last = from_next.len() == 1;
    let mut pending = vec![node];
    while let Some(node) = pending.pop() {
        if scan_applies(next, next_is_last, node, document) {
            walk(from_next, node, document, out);
        }
        match node {
            Value::Object(object) => pending.extend(object.values().rev()),
            Value::Array(array) => pending.extend(array.iter().rev()),
            _ => {}
        }
    }
}

/// Which nodes a deep scan hands to the segment after it, as Jayway decides: objects that
/// have the name, arrays for index and slice segments, everything for a wildcard, objects the
/// filter accepts.
fn scan_applies(next: &Segment, next_is_last: bool, node: &Value, document: &Value) -> bool {
    match next {
        Segment::Name(name) => node.as_object().is_some_and(|object| object.contains_key(name)),
        Segment::Names(names) => {
            node.as_object().is_some_and(|object| !next_is_last || names.iter().all(|name| object.contains_key(name)))
        }
        Segment::Index(_) | Segment::Indexes(_) | Segment::Slice { .. } => node.is_array(),
        Segment::Wildcard => true,
        Segment::Filter(filter) => node.is_object() && accepts(filter, node, document),
        Segment::DeepScan | Segment::Function { .. } => false,
    }
}

/// The positions Jayway visits for a slice (negative positions count from the end when the
/// element is read). Bounded by the array's length, whatever the numbers written.
fn slice_bounds(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    if len == 0 {
        return (0, 0);
    }
    match (start, end) {
        (Some(from), None) => {
            let from = if from < 0 { len + from } else { from };
            (from.max(0), len)
        }
        (Some(from), Some(to)) => {
            let to = to.min(len);
            if from >= to {
                return (0, 0);
            }
            (from.max(-len), to)
        }
        (None, Some(to)) => {
            let to = if to < 0 { len + to } else { to };
            (0, to.min(len))
        }
        (None, None) => (0, len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::Path;
    use serde_json::json;

    fn select(path: &str, input: &Value) -> Option<Value> {
        match Path::parse(path) {
            Ok(parsed) => parsed.select(input).map(Cow::into_owned),
            Err(error) => panic!("{path}: {error}"),
        }
    }

    fn store() -> Value {
        json!({
            "store": {
                "book": [
                    {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
                    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
                    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
                    {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
                ],
                "bicycle": {"color": "red", "price": 19.95}
            },
            "expensive": 10
        })
    }

    #[test]
    fn definite_paths_borrow() {
        let input = json!({"a": {"b": [1, 2, 3]}, "n": null});
        let path = Path::parse("$.a.b").unwrap();
        assert!(matches!(path.select(&input), Some(Cow::Borrowed(_))));
        let path = Path::parse("$").unwrap();
        match path.select(&input) {
            Some(Cow::Borrowed(value)) => assert!(std::ptr::eq(value, &input)),
            other => panic!("{other:?}"),
        }
        assert_eq!(select("$.a.b[0]", &input), Some(json!(1)));
        assert_eq!(select("$.a.b[-1]", &input), Some(json!(3)));
        assert_eq!(select("$['a']['b'][1]", &input), Some(json!(2)));
        assert_eq!(select("$.n", &input), Some(json!(null)));
    }

    #[test]
    fn definite_paths_miss_with_none() {
        let input = json!({"a": {"b": [1, 2, 3]}, "s": "text", "n": null});
        assert_eq!(select("$.x", &input), None);
        assert_eq!(select("$.a.x.y", &input), None);
        assert_eq!(select("$.a.b[3]", &input), None);
        assert_eq!(select("$.a.b[-4]", &input), None);
        assert_eq!(select("$.s.x", &input), None);
        assert_eq!(select("$.n.x", &input), None);
        assert_eq!(select("$.a[0]", &input), None);
        assert_eq!(select("$[0]", &input), None);
        assert_eq!(select("$.a.b.length()", &input), None);
        assert_eq!(select("$.a.b[0].x", &input), None);
    }

    #[test]
    fn recorded_array_access() {
        // base_test_base_TestSnfBase_test_json_path_array_access_$.items_{0,10}__
        let items: Vec<Value> = (0..11).map(|i| json!({"item_key": i})).collect();
        let input = json!({ "items": items });
        assert_eq!(select("$.items[0]", &input), Some(json!({"item_key": 0})));
        assert_eq!(select("$.items[10]", &input), Some(json!({"item_key": 10})));
    }

    #[test]
    fn recorded_wildcards_and_slices_on_missing_input_give_empty_lists() {
        // base_test_base_TestSnfBase_test_json_path_array_wildcard_or_slice_with_no_input_*
        let input = json!({});
        for path in [
            "$.item.items[*]",
            "$.item.items[1:5].itemValue",
            "$.item.items[1:5]",
            "$.item.items[1:]",
            "$.item.items[:1]",
            "$.items[*].itemValue",
            "$.items[*]",
            "$.items[1:].itemValue",
            "$.items[1:]",
            "$.items[:1].itemValue",
            "$.items[:1]",
            "$[*]",
        ] {
            assert_eq!(select(path, &input), Some(json!([])), "{path}");
        }
    }

    #[test]
    fn recorded_filter_on_status() {
        // base_test_base_TestSnfBase_test_state_pass_regex_json_path_base
        let input = json!({"users": [{"year": 1997, "status": 0}, {"year": 1998, "status": 1}]});
        assert_eq!(select("$.users[?(@.status == 0)]", &input), Some(json!([{"year": 1997, "status": 0}])));
    }

    #[test]
    fn jayway_readme_examples() {
        let input = store();
        assert_eq!(
            select("$.store.book[*].author", &input),
            Some(json!(["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]))
        );
        assert_eq!(
            select("$..author", &input),
            Some(json!(["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]))
        );
        assert_eq!(select("$.store..price", &input), Some(json!([8.95, 12.99, 8.99, 22.99, 19.95])));
        assert_eq!(select("$..book[2].title", &input), Some(json!(["Moby Dick"])));
        assert_eq!(select("$..book[-2].title", &input), Some(json!(["Moby Dick"])));
        assert_eq!(select("$..book[0,1].title", &input), Some(json!(["Sayings of the Century", "Sword of Honour"])));
        assert_eq!(select("$..book[:2].title", &input), Some(json!(["Sayings of the Century", "Sword of Honour"])));
        assert_eq!(select("$..book[1:2].title", &input), Some(json!(["Sword of Honour"])));
        assert_eq!(select("$..book[-2:].title", &input), Some(json!(["Moby Dick", "The Lord of the Rings"])));
        assert_eq!(select("$..book[2:].title", &input), Some(json!(["Moby Dick", "The Lord of the Rings"])));
        assert_eq!(select("$..book[?(@.isbn)].title", &input), Some(json!(["Moby Dick", "The Lord of the Rings"])));
        assert_eq!(
            select("$.store.book[?(@.price < 10)].title", &input),
            Some(json!(["Sayings of the Century", "Moby Dick"]))
        );
        assert_eq!(
            select("$..book[?(@.price <= $['expensive'])].title", &input),
            Some(json!(["Sayings of the Century", "Moby Dick"]))
        );
        assert_eq!(select("$..book[?(@.author =~ /.*REES/i)].title", &input), Some(json!(["Sayings of the Century"])));
        assert_eq!(select("$..book.length()", &input), None);
        assert_eq!(select("$.store.*", &input).map(|v| v.as_array().map(Vec::len)), Some(Some(2)));
    }

    #[test]
    fn wildcards() {
        let input = json!({"a": {"x": 1, "y": [2, 3]}, "b": [[1, 2], [3]], "s": "str"});
        assert_eq!(select("$.a.*", &input), Some(json!([1, [2, 3]])));
        assert_eq!(select("$.a[*]", &input), Some(json!([1, [2, 3]])));
        assert_eq!(select("$.b[*][*]", &input), Some(json!([1, 2, 3])));
        assert_eq!(select("$.s[*]", &input), Some(json!([])));
        assert_eq!(select("$.b[*][0]", &input), Some(json!([1, 3])));
        assert_eq!(select("$.b[*][1]", &input), Some(json!([2])));
        // The documented way to flatten Parallel results.
        let input = json!([[1, 2], [3], []]);
        assert_eq!(select("$[*][*]", &input), Some(json!([1, 2, 3])));
    }

    #[test]
    fn slices_follow_jayway() {
        let input = json!([0, 1, 2, 3, 4]);
        let cases = [
            ("$[1:3]", json!([1, 2])),
            ("$[1:10]", json!([1, 2, 3, 4])),
            ("$[7:10]", json!([])),
            ("$[:2]", json!([0, 1])),
            ("$[:-2]", json!([0, 1, 2])),
            ("$[:-9]", json!([])),
            ("$[:99]", json!([0, 1, 2, 3, 4])),
            ("$[3:]", json!([3, 4])),
            ("$[-2:]", json!([3, 4])),
            ("$[-9:]", json!([0, 1, 2, 3, 4])),
            ("$[9:]", json!([])),
            ("$[-3:-1]", json!([2, 3])),
            ("$[3:1]", json!([])),
            ("$[1:-1]", json!([])),
            ("$[-2:2]", json!([3, 4, 0, 1])),
            // Jayway walks from start to end and reads negative positions from the end, so a
            // start before the array's beginning visits elements twice.
            ("$[-7:2]", json!([0, 1, 2, 3, 4, 0, 1])),
            ("$[-2147483648:2147483647]", json!([0, 1, 2, 3, 4, 0, 1, 2, 3, 4])),
            ("$[0,2,-1,9]", json!([0, 2, 4])),
        ];
        for (path, expected) in cases {
            assert_eq!(select(path, &input), Some(expected), "{path}");
        }
        assert_eq!(select("$[1:2]", &json!([])), Some(json!([])));
        assert_eq!(select("$[1:2]", &json!({"a": 1})), Some(json!([])));
    }

    #[test]
    fn bracket_names_and_merge() {
        let input = json!({"a b": 1, "c": 2, "d": {"e": 3}, "f": {"e": 4}});
        assert_eq!(select("$['a b']", &input), Some(json!(1)));
        assert_eq!(select("$['a b','c']", &input), Some(json!({"a b": 1, "c": 2})));
        assert_eq!(select("$['c','missing']", &input), Some(json!({"c": 2})));
        assert_eq!(select("$['d','f'].e", &input), Some(json!([3, 4])));
        assert_eq!(select("$['d','x'].e", &input), Some(json!([3])));
        assert_eq!(select("$.c['a','b']", &input), None);
    }

    #[test]
    fn deep_scan() {
        let input = json!({"a": {"a": 1, "b": [{"a": 2}, 3]}, "c": [[{"a": 4}]]});
        assert_eq!(select("$..a", &input), Some(json!([{"a": 1, "b": [{"a": 2}, 3]}, 1, 2, 4])));
        assert_eq!(select("$.a..a", &input), Some(json!([1, 2])));
        assert_eq!(select("$..b[0].a", &input), Some(json!([2])));
        assert_eq!(select("$..[0]", &input), Some(json!([{"a": 2}, [{"a": 4}], {"a": 4}])));
        assert_eq!(select("$..nothing", &input), Some(json!([])));
        assert_eq!(select("$..*", &json!({"x": [1]})), Some(json!([[1], 1])));
        assert_eq!(select("$..[?(@.a > 1)]", &input), Some(json!([{"a": 2}, {"a": 4}])));
        let events = json!({"events": [
            {"stateExitedEventDetails": {"output": {"FunctionResult": "r1"}}},
            {"other": 1},
            {"stateExitedEventDetails": {"output": {"FunctionResult": "r2"}}}
        ]});
        assert_eq!(
            select("$..events..stateExitedEventDetails.output.FunctionResult", &events),
            Some(json!(["r1", "r2"]))
        );
        let headers = json!({"Headers": {"X-Amz-Cf-Id": "id", "Via": "v"}});
        assert_eq!(select("$..Headers.X-Amz-Cf-Id", &headers), Some(json!(["id"])));
        assert_eq!(select("$..Via", &headers), Some(json!(["v"])));
    }

    #[test]
    fn deep_scan_survives_deep_documents() {
        let mut deep = json!({"x": 1});
        for _ in 0..20_000 {
            let mut wrapper = serde_json::Map::new();
            wrapper.insert("a".to_string(), deep);
            deep = Value::Object(wrapper);
        }
        let found = select("$..x", &deep);
        assert_eq!(found, Some(json!([1])));
        // serde_json drops values recursively; take this one apart by hand.
        let mut node = deep;
        while let Value::Object(mut object) = node {
            node = object.remove("a").unwrap_or(Value::Null);
        }
    }

    #[test]
    fn filters_keep_objects_only() {
        let input = json!({"list": [1, "a", {"a": 1}, [1], {"a": 2}, null], "obj": {"a": 1}});
        assert_eq!(select("$.list[?(@.a)]", &input), Some(json!([{"a": 1}, {"a": 2}])));
        assert_eq!(select("$.list[?(@ == 1)]", &input), Some(json!([])));
        assert_eq!(select("$.list[?(@.a != 9)]", &input), Some(json!([{"a": 1}, {"a": 2}])));
        // A filter on an object tests the object itself.
        assert_eq!(select("$.obj[?(@.a == 1)]", &input), Some(json!([{"a": 1}])));
        assert_eq!(select("$.obj[?(@.a == 2)]", &input), Some(json!([])));
        assert_eq!(select("$.list[0][?(@.a)]", &input), Some(json!([])));
    }

    #[test]
    fn filters_from_real_workflows() {
        let translations = json!([
            {"data": "hello"},
            {"TargetLanguageCode": "es", "TranslatedText": "hola"},
            {"TargetLanguageCode": "fr", "TranslatedText": "bonjour"}
        ]);
        assert_eq!(select("$[?(@.TargetLanguageCode==es)].TranslatedText", &translations), Some(json!(["hola"])));
        let flow = json!({"FlowConfig": {"Tasks": [
            {"TaskType": "Map", "DestinationField": "x"},
            {"TaskType": "Filter", "DestinationField": "y"}
        ]}});
        assert_eq!(select("$.FlowConfig.Tasks[?(@.TaskType == 'Map')].DestinationField", &flow), Some(json!(["x"])));
        let approaches = json!({
            "agent_id": "w2",
            "approaches": [{"workerId": "w1", "approach": "a1"}, {"workerId": "w2", "approach": "a2"}]
        });
        assert_eq!(select("$.approaches[?(@.workerId == $.agent_id)].approach", &approaches), Some(json!(["a2"])));
        let docs = json!({"ExpenseDocuments": [{"SummaryFields": [
            {"Type": {"Text": "AMOUNT_PAID"}, "ValueDetection": {"Text": "$10"}},
            {"Type": {"Text": "VENDOR_NAME"}, "ValueDetection": {"Text": "ACME"}}
        ]}]});
        assert_eq!(
            select("$.ExpenseDocuments[0].SummaryFields[?(@.Type.Text==VENDOR_NAME)].ValueDetection.Text", &docs),
            Some(json!(["ACME"]))
        );
    }

    #[test]
    fn documented_reference_path_examples() {
        // The examples of AWS's "Paths" page.
        let input = json!({
            "foo": 123,
            "bar": ["a", "b", "c"],
            "car": {"cdr": true},
            "jar": [{"a": 1}, {"a": 5}, {"a": 2}, {"a": 7}, {"a": 3}]
        });
        assert_eq!(select("$.foo", &input), Some(json!(123)));
        assert_eq!(select("$.bar", &input), Some(json!(["a", "b", "c"])));
        assert_eq!(select("$.car.cdr", &input), Some(json!(true)));
        assert_eq!(select("$.jar[?(@.a >= 5)]", &input), Some(json!([{"a": 5}, {"a": 7}])));
    }

    #[test]
    fn variables_and_context_are_selected_from_their_own_value() {
        // The caller hands in the variable's or the context object's value.
        let path = Path::parse("$name.field[0]").unwrap();
        let value = json!({"field": ["x"]});
        assert_eq!(path.select(&value).map(Cow::into_owned), Some(json!("x")));
        let path = Path::parse("$$.Map.Item.Value").unwrap();
        let context = json!({"Map": {"Item": {"Value": {"k": 1}, "Index": 0}}});
        assert_eq!(path.select(&context).map(Cow::into_owned), Some(json!({"k": 1})));
    }
}
