//! Writing a value through a reference path (ResultPath): `$` replaces the whole target;
//! otherwise missing objects along the way are created, an existing member or array element
//! is replaced, and anything else (a member of a non-object, an index that does not exist)
//! fails with the cause AWS gives for States.ResultPathMatchFailure.

use serde_json::{Map, Value};

use super::{Path, PathRoot, Segment};

/// Why a value cannot be written at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathWriteError {
    /// AWS's cause text, e.g. `Unable to apply ReferencePath $.a.b to input "some string"`.
    pub message: String,
}

impl std::fmt::Display for PathWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathWriteError {}

impl Path {
    /// `target` with `value` placed at this path (see the module docs).
    pub fn write(&self, mut target: Value, value: Value) -> Result<Value, PathWriteError> {
        self.write_in_place(&mut target, value)?;
        Ok(target)
    }

    /// Like [`Path::write`], but in place; when it fails `target` is left exactly as it was,
    /// so the caller still has the state's input (a Catch needs it after
    /// States.ResultPathMatchFailure).
    pub fn write_in_place(&self, target: &mut Value, value: Value) -> Result<(), PathWriteError> {
        if self.root != PathRoot::Input || !self.is_reference_path() {
            return Err(PathWriteError {
                message: format!(
                    "ResultPath must be a reference path on the state's input ('$' followed by \
                     names and non-negative indexes only), not '{}'",
                    self.text
                ),
            });
        }
        if !can_write(&self.segments, target) {
            return Err(PathWriteError {
                message: format!(
                    "Unable to apply ReferencePath {} to input {}",
                    self.text,
                    serde_json::to_string(target).unwrap_or_default()
                ),
            });
        }
        place(&self.segments, target, value);
        Ok(())
    }
}

/// Whether `place` will succeed, checked first so that a failure changes nothing.
fn can_write(segments: &[Segment], target: &Value) -> bool {
    // `None` once the walk is inside objects that do not exist yet (they will be created).
    let mut node = Some(target);
    for segment in segments {
        node = match (segment, node) {
            (Segment::Name(_), None) => None,
            (Segment::Name(name), Some(Value::Object(object))) => object.get(name),
            (Segment::Index(index), Some(Value::Array(array))) => {
                match usize::try_from(*index).ok().and_then(|index| array.get(index)) {
                    Some(element) => Some(element),
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    true
}

fn place(segments: &[Segment], node: &mut Value, value: Value) {
    let Some((segment, rest)) = segments.split_first() else {
        *node = value;
        return;
    };
    match (segment, node) {
        (Segment::Name(name), Value::Object(object)) => {
            if rest.is_empty() {
                object.insert(name.clone(), value);
            } else {
                let child = object.entry(name.clone()).or_insert_with(|| Value::Object(Map::new()));
                place(rest, child, value);
            }
        }
        (Segment::Index(index), Value::Array(array)) => {
            if let Some(element) = usize::try_from(*index).ok().and_then(|index| array.get_mut(index)) {
                place(rest, element, value);
            }
        }
        // `can_write` has ruled these out.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn write(path: &str, target: Value, value: Value) -> Result<Value, PathWriteError> {
        match Path::parse(path) {
            Ok(parsed) => parsed.write(target, value),
            Err(error) => panic!("{path}: {error}"),
        }
    }

    #[test]
    fn dollar_replaces_the_target() {
        assert_eq!(write("$", json!({"a": 1}), json!("Hello, Step Functions!")), Ok(json!("Hello, Step Functions!")));
        assert_eq!(write("$", json!("text"), json!([1])), Ok(json!([1])));
    }

    #[test]
    fn documented_examples() {
        // AWS's ResultPath page: include the result with the input.
        let input = json!({"comment": "This is a test", "details": "Default example", "who": "Step Functions"});
        let output = write("$.taskresult", input, json!("Hello, Step Functions!")).unwrap();
        assert_eq!(
            output,
            json!({"comment": "This is a test", "details": "Default example", "who": "Step Functions", "taskresult": "Hello, Step Functions!"})
        );
        let keys: Vec<&String> = output.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["comment", "details", "who", "taskresult"]);
        // ...and into a child node of the input.
        let input = json!({"comment": "An input comment.", "strings": {"string1": "foo", "string2": "bar", "string3": "baz"}, "who": "AWS Step Functions"});
        assert_eq!(
            write("$.strings.lambdaresult", input, json!("Hello, Step Functions!")),
            Ok(
                json!({"comment": "An input comment.", "strings": {"string1": "foo", "string2": "bar", "string3": "baz", "lambdaresult": "Hello, Step Functions!"}, "who": "AWS Step Functions"})
            )
        );
    }

    #[test]
    fn missing_objects_are_created_and_members_replaced() {
        assert_eq!(write("$.a.b.c", json!({}), json!(1)), Ok(json!({"a": {"b": {"c": 1}}})));
        assert_eq!(write("$.a.b", json!({"a": {"x": 0}}), json!(1)), Ok(json!({"a": {"x": 0, "b": 1}})));
        let output = write("$.a", json!({"a": 1, "z": 2}), json!({"new": true})).unwrap();
        assert_eq!(output, json!({"a": {"new": true}, "z": 2}));
        let keys: Vec<&String> = output.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "z"]);
        assert_eq!(write("$['a b'].c", json!({}), json!(1)), Ok(json!({"a b": {"c": 1}})));
        // A non-object member on the way is only a problem if the path goes through it.
        assert_eq!(write("$.a", json!({"a": "text"}), json!(1)), Ok(json!({"a": 1})));
    }

    #[test]
    fn array_elements_are_replaced() {
        assert_eq!(write("$[1]", json!([1, 2, 3]), json!("x")), Ok(json!([1, "x", 3])));
        assert_eq!(write("$.a[0].b", json!({"a": [{"b": 1, "c": 2}]}), json!(9)), Ok(json!({"a": [{"b": 9, "c": 2}]})));
        assert_eq!(write("$.a[0].new.deep", json!({"a": [{}]}), json!(9)), Ok(json!({"a": [{"new": {"deep": 9}}]})));
    }

    #[test]
    fn failures_name_the_path_and_the_input() {
        let cause = |path: &str, target: Value| write(path, target, json!(1)).unwrap_err().message;
        assert_eq!(
            cause("$.someTaskResult", json!("input1")),
            "Unable to apply ReferencePath $.someTaskResult to input \"input1\""
        );
        assert_eq!(
            cause("$.a.b", json!("some string")),
            "Unable to apply ReferencePath $.a.b to input \"some string\""
        );
        assert_eq!(cause("$.a.b", json!({"a": "x"})), "Unable to apply ReferencePath $.a.b to input {\"a\":\"x\"}");
        assert_eq!(cause("$.a.b", json!({"a": null})), "Unable to apply ReferencePath $.a.b to input {\"a\":null}");
        assert_eq!(cause("$.x", json!([1])), "Unable to apply ReferencePath $.x to input [1]");
        assert_eq!(cause("$[3]", json!([1])), "Unable to apply ReferencePath $[3] to input [1]");
        assert_eq!(cause("$[0]", json!({"0": 1})), "Unable to apply ReferencePath $[0] to input {\"0\":1}");
        assert_eq!(cause("$.a[0]", json!({})), "Unable to apply ReferencePath $.a[0] to input {}");
        assert_eq!(cause("$.a[0].b", json!({"a": []})), "Unable to apply ReferencePath $.a[0].b to input {\"a\":[]}");
        assert_eq!(cause("$.a", json!(null)), "Unable to apply ReferencePath $.a to input null");
    }

    #[test]
    fn only_reference_paths_on_the_input_can_be_written() {
        for path in ["$.a[*]", "$.a[-1]", "$..a", "$['a','b']", "$$.a", "$var.a", "$.a[?(@.b)]"] {
            let message = write(path, json!({}), json!(1)).unwrap_err().message;
            assert!(message.contains("must be a reference path"), "{path}: {message}");
        }
    }

    #[test]
    fn a_failed_write_in_place_leaves_the_target_alone() {
        let path = Path::parse("$.new.inner.x[0]").unwrap();
        let mut target = json!({"keep": true});
        assert!(path.write_in_place(&mut target, json!(1)).is_err());
        assert_eq!(target, json!({"keep": true}));
        let path = Path::parse("$.a.b").unwrap();
        let mut target = json!({"a": {}});
        assert_eq!(path.write_in_place(&mut target, json!(1)), Ok(()));
        assert_eq!(target, json!({"a": {"b": 1}}));
    }
}
