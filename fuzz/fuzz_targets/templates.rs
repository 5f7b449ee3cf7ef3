//! Read whatever text arrives as a definition or a SAM / CloudFormation template, JSON or
//! YAML: no input may panic the readers, every position they give lies in the text, and a
//! state machine's definition written back into its template (export) unedited may not panic
//! either, and reads back as a template.
//!
//! The data is `text \0 substitutions \0 file`: the text opened, a JSON object of values for
//! its placeholders, and the text of any file its DefinitionUri names.

#![no_main]

use asl::source::{self, Substitutions};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0);
    let text = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let given: Substitutions = parts
        .next()
        .and_then(|t| serde_json::from_slice::<Value>(t).ok())
        .and_then(|v| v.as_object().cloned())
        .map(|o| o.into_iter().map(|(k, v)| (k, v.to_string())).collect())
        .unwrap_or_default();
    let file = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();

    let parsed = asl::yaml::parse(&text);
    for (_, spans) in parsed.spans.iter() {
        assert!(spans.value.start <= spans.value.end && spans.value.end <= text.len(), "{spans:?}");
        assert!(text.is_char_boundary(spans.value.start) && text.is_char_boundary(spans.value.end));
    }
    for e in &parsed.errors {
        assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start), "{e:?}");
    }

    let document = source::read(&text);
    let read_file = |_: &str| Ok(file.clone());
    let mut choices = vec![None];
    if let Some(template) = &document.parsed.value {
        choices.extend(source::template::state_machines(template).into_iter().map(|m| Some(m.logical_id)));
    }
    for choice in choices {
        if let Some(id) = &choice
            && let Ok(found) = source::extract(&text, Some(id), &read_file)
            && let Ok(written) = source::export::replace_definition(&text, id, &found.shown())
        {
            assert_eq!(source::read(&written).kind, source::Kind::Template);
        }
        let Ok(opened) = source::open(&text, choice.as_deref(), &given, &read_file) else { continue };
        if let Some(offset) = opened.offset {
            assert!(offset + opened.text.len() <= text.len());
            assert!(text[offset..].starts_with(&opened.text));
        }
        for d in &opened.definition.diagnostics {
            assert!(d.span.start <= d.span.end, "{d:?}");
        }
    }
});
