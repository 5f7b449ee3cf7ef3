//! A suite made to travel alone: the definition, the mocks and the MockConfigFile written into
//! it, so that `asl test FILE` runs it with nothing beside it (the page's Export suite).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::text::to_text;
use crate::{json, yaml};

/// The suite `text` with `definition`, `mocks` (name → JavaScript source) and `mock_config`
/// written in, replacing the paths it names. YAML stays YAML, JSON stays JSON; comments are
/// not kept (the text is written again).
pub fn bundle(
    text: &str,
    definition: &Value,
    mocks: &BTreeMap<String, String>,
    mock_config: Option<&Value>,
) -> Result<String, String> {
    let is_json = yaml::looks_like_json(text);
    let parsed = if is_json { json::parse(text) } else { yaml::parse(text) };
    if let Some(e) = parsed.errors.first() {
        return Err(format!("the suite cannot be read: {}", e.message));
    }
    let mut root = match parsed.value {
        Some(Value::Object(root)) => root,
        None | Some(Value::Null) => Map::new(),
        Some(_) => return Err("the suite must be a mapping".into()),
    };
    // The definition first, as a person reads a suite.
    let mut out = Map::new();
    out.insert("definition".into(), definition.clone());
    root.remove("definition");
    if !mocks.is_empty() {
        let mut all: Map<String, Value> = mocks.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
        // Mocks the suite writes itself win over the workspace's.
        if let Some(Value::Object(own)) = root.get("mocks") {
            all.extend(own.clone());
        }
        root.insert("mocks".into(), Value::Object(all));
    }
    if let Some(config) = mock_config {
        root.insert("mockConfig".into(), config.clone());
    }
    out.extend(root);
    Ok(to_text(&Value::Object(out), !is_json))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn paths_become_what_they_name_and_the_cases_stay() {
        let text = "definition: definition.asl.json\nmocks: mocks/\ncases:\n  - name: one\n    input: {a: 1}\n    expect: {status: SUCCEEDED}\n";
        let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}});
        let mocks = BTreeMap::from([("charge".to_string(), "export default async () => 1;".to_string())]);
        let out = bundle(text, &definition, &mocks, None).unwrap();
        let suite = crate::suite::read(&out).unwrap();
        assert!(matches!(suite.definition.unwrap().value, crate::suite::Source::Inline(d) if d == definition));
        assert!(matches!(suite.mocks.unwrap().value, crate::suite::Mocks::Inline(m) if m["charge"].contains("async")));
        assert_eq!(suite.cases.len(), 1);
    }

    #[test]
    fn json_stays_json_and_unreadable_text_is_refused() {
        let out = bundle("{\"cases\": []}", &json!({}), &BTreeMap::new(), Some(&json!({"StateMachines": {}}))).unwrap();
        assert!(out.trim_start().starts_with('{'));
        assert!(bundle("cases: [", &json!({}), &BTreeMap::new(), None).is_err());
    }
}
