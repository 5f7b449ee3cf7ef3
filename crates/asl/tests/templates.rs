//! Every SAM and CloudFormation template (and standalone YAML definition) in
//! `../shared/conformance/templates/` opens: each state machine its index names is found, its
//! definition read from wherever the template keeps it, its placeholders listed (those from
//! `DefinitionSubstitutions` valued), and it loads with as many states as the index counts.
//! A state machine whose definition is not in the files (S3) is listed, and opening it says
//! why. A definition kept in the template, written back (export) and opened again, is the
//! same definition with the same substitutions. Skipped with a notice when `../shared` is not beside the repository.

use std::collections::BTreeSet;
use std::path::Path;

use asl::source::{self, Kind, Substitutions};
use serde_json::Value;

#[test]
fn every_template_opens_with_every_state_machine() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/templates");
    let Ok(index) = std::fs::read_to_string(dir.join("index.json")) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let index: Vec<Value> = serde_json::from_str(&index).unwrap();
    let mut problems = Vec::new();
    let (mut templates, mut machines) = (0, 0);
    for entry in &index {
        let file = entry["file"].as_str().unwrap();
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let folder = path.parent().unwrap().to_path_buf();
        let read_file = move |relative: &str| std::fs::read_to_string(folder.join(relative)).map_err(|e| e.to_string());
        let document = source::read(&text);
        if !document.parsed.errors.is_empty() {
            problems.push(format!("{file}: {:?}", document.parsed.errors));
            continue;
        }
        if entry["format"] == "asl-yaml" {
            check(file, None, &text, &Substitutions::new(), &read_file, entry, &mut problems);
            machines += 1;
            continue;
        }
        templates += 1;
        if document.kind != Kind::Template {
            problems.push(format!("{file}: not recognised as a template"));
            continue;
        }
        let found: BTreeSet<String> = source::template::state_machines(document.parsed.value.as_ref().unwrap())
            .into_iter()
            .map(|m| m.logical_id)
            .collect();
        let listed: BTreeSet<String> = entry["state_machines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["logical_id"].as_str().unwrap().to_string())
            .collect();
        if found != listed {
            problems.push(format!("{file}: found {found:?}, the index lists {listed:?}"));
        }
        for machine in entry["state_machines"].as_array().unwrap() {
            machines += 1;
            let id = machine["logical_id"].as_str().unwrap();
            check(file, Some(id), &text, &Substitutions::new(), &read_file, machine, &mut problems);
            exported_back(file, id, &text, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(templates >= 100 && machines >= 130, "{templates} templates, {machines} state machines");
}

/// A state machine kept in the template, written back as the editor shows it, gives the same
/// template byte for byte, and reads back the same: the same definition, the same
/// placeholders with the same values.
fn exported_back(file: &str, id: &str, text: &str, problems: &mut Vec<String>) {
    let no_file = |_: &str| Err("no file".to_string());
    let Ok(found) = source::extract(text, Some(id), &no_file) else { return };
    let written = match source::export::replace_definition(text, id, &found.shown()) {
        Ok(written) => written,
        Err(why) if why.contains("in its own file") => return,
        Err(why) => return problems.push(format!("{file} {id}: export: {why}")),
    };
    if written != text {
        problems.push(format!("{file} {id}: written back unedited, the template is not the same byte for byte"));
    }
    let again = source::extract(&written, Some(id), &no_file).map(|f| f.shown());
    if again.as_deref() != Ok(found.shown().as_str()) {
        return problems.push(format!("{file} {id}: the definition exported and opened again differs"));
    }
    let opened = |t: &str| {
        source::open(t, Some(id), &Substitutions::new(), &no_file)
            .map(|o| o.placeholders.into_iter().map(|p| (p.name, p.value)).collect::<Vec<_>>())
    };
    if opened(text) != opened(&written) {
        problems.push(format!("{file} {id}: the substitutions exported and opened again differ"));
    }
}

fn check(
    file: &str,
    id: Option<&str>,
    text: &str,
    given: &Substitutions,
    read_file: &dyn Fn(&str) -> Result<String, String>,
    expected: &Value,
    problems: &mut Vec<String>,
) {
    let name = format!("{file} {}", id.unwrap_or(""));
    let opened = source::open(text, id, given, read_file);
    let Some(total) = expected["states_total"].as_u64() else {
        match opened {
            Err(why) if why.contains("S3") => {}
            other => {
                problems.push(format!("{name}: should say its definition is in S3, got {:?}", other.map(|o| o.text)))
            }
        }
        return;
    };
    let opened = match opened {
        Ok(opened) => opened,
        Err(why) => return problems.push(format!("{name}: {why}")),
    };
    let Some(machine) = &opened.definition.machine else {
        return problems.push(format!("{name}: no state machine built: {:?}", opened.definition.diagnostics));
    };
    let states = machine.all_states().count() as u64;
    if states != total {
        problems.push(format!("{name}: {states} states, the index counts {total}"));
    }
    let names: BTreeSet<&str> = opened.placeholders.iter().map(|p| p.name.as_str()).collect();
    for placeholder in expected["placeholders"].as_array().into_iter().flatten() {
        let placeholder = placeholder.as_str().unwrap();
        if !names.contains(placeholder) {
            problems.push(format!("{name}: placeholder {placeholder} not listed (listed: {names:?})"));
        }
    }
    for key in expected["substitutions"].as_array().into_iter().flatten() {
        let key = key.as_str().unwrap();
        if let Some(p) = opened.placeholders.iter().find(|p| p.name == key)
            && p.value.is_none()
        {
            problems.push(format!("{name}: {key} is in DefinitionSubstitutions but has no value"));
        }
    }
}
