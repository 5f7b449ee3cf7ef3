//! Whether an edit leaves the definition the example it came from. Typing, deleting or pasting
//! a part keeps it that example (its menu entry, input presets and explanation stay); replacing
//! the whole text with a definition that shares no state with it makes it the person's own.

use serde_json::Value;

/// Whether `new` replaced `old` wholesale with an unrelated definition: the two texts share
/// almost nothing at their ends (an edit keeps most of the text around it), and no state name.
pub fn replaced_by_unrelated(old: &str, new: &str) -> bool {
    // Emptied (on the way to something else): nothing to judge yet.
    if new.trim().is_empty() {
        return false;
    }
    let prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    let suffix = old.bytes().rev().zip(new.bytes().rev()).take_while(|(a, b)| a == b).count();
    let kept = (prefix + suffix).min(old.len());
    if kept * 5 >= old.len() {
        return false;
    }
    let before = state_names(old);
    let after = state_names(new);
    !before.iter().any(|name| after.contains(name))
}

/// Every state name of a definition, at any depth (none when the text is not JSON).
fn state_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        collect(&value, &mut names);
    }
    names
}

fn collect(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "States"
                    && let Value::Object(states) = child
                {
                    names.extend(states.keys().cloned());
                }
                collect(child, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, names)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = r#"{
  "Comment": "An order",
  "StartAt": "Validate",
  "States": {
    "Validate": {"Type": "Pass", "Next": "Ship"},
    "Ship": {"Type": "Succeed"}
  }
}"#;

    #[test]
    fn edits_keep_the_example() {
        let typed = ORDER.replace("An order", "An order, changed");
        assert!(!replaced_by_unrelated(ORDER, &typed));
        let renamed_all = ORDER.replace("Validate", "Check").replace("Ship", "Send");
        assert!(!replaced_by_unrelated(ORDER, &renamed_all), "most of the text is kept");
        assert!(!replaced_by_unrelated(ORDER, ""), "emptied: nothing to judge yet");
    }

    #[test]
    fn a_pasted_definition_sharing_a_state_keeps_the_example() {
        let pasted = r#"{"StartAt":"Validate","States":{"Validate":{"Type":"Pass","End":true}}}"#;
        assert!(!replaced_by_unrelated(ORDER, pasted));
    }

    #[test]
    fn unrelated_text_makes_it_ones_own() {
        let other = r#"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": 1, "End": true}}}"#;
        assert!(replaced_by_unrelated(ORDER, other));
        assert!(replaced_by_unrelated(ORDER, "this is not a definition at all, just some text"));
        let nested = r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "Ship", "States": {"Ship": {"Type": "Succeed"}}}]}}}"#;
        assert!(!replaced_by_unrelated(ORDER, nested), "a nested state of the same name counts");
    }
}
