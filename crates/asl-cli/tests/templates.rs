//! `asl validate` opens every template (and standalone YAML definition) of
//! `../shared/conformance/templates/`: each state machine the index names validates with no
//! error, except those whose definition is in S3, which the command says it cannot reach.
//! Skipped with a notice when `../shared` is not beside the repository.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn the_command_opens_every_template() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/templates");
    let Ok(index) = std::fs::read_to_string(dir.join("index.json")) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let index: Vec<Value> = serde_json::from_str(&index).unwrap();
    let mut problems = Vec::new();
    let mut opened = 0;
    for entry in &index {
        let file = dir.join(entry["file"].as_str().unwrap());
        let machines: Vec<Option<&Value>> = match entry["state_machines"].as_array() {
            Some(list) => list.iter().map(Some).collect(),
            None => vec![None],
        };
        for machine in machines {
            let mut command = Command::new(env!("CARGO_BIN_EXE_asl"));
            command.arg("validate").arg(&file);
            if let Some(m) = machine {
                command.args(["--state-machine", m["logical_id"].as_str().unwrap()]);
            }
            let o = command.output().unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            let in_s3 = machine.is_some_and(|m| m["states_total"].is_null());
            let fine = if in_s3 { o.status.code() == Some(1) && stderr.contains("in S3") } else { o.status.success() };
            if !fine {
                problems.push(format!(
                    "{} {:?}: exit {:?}\n{}{stderr}",
                    file.display(),
                    machine.map(|m| &m["logical_id"]),
                    o.status.code(),
                    String::from_utf8_lossy(&o.stdout)
                ));
            }
            opened += 1;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(opened >= 140, "{opened} opened");
}
