//! Every published definition in `../shared/conformance/realworld/` loads without a panic and
//! validates without an ERROR, except the few that are invalid as published (listed with the
//! reason). Skipped with a notice when `../shared` is not beside the repository.

use std::path::Path;

/// Definitions that AWS would refuse too, as they are written in the sample repositories.
const INVALID_AS_PUBLISHED: &[(&str, &str)] = &[
    (
        "monte-carlo-simulation__cloudformation__ec2__main.yml_Resources_DataProcessorStateMachine",
        "its Resource is the CloudFormation logical id 'MainSFNActivity', not an ARN",
    ),
    (
        "lambda-sfn-sls__statemachine__stateMachine.asl.yml.json",
        "the YAML states named Yes/No became the booleans true/false in Next and Default",
    ),
    (
        "shared-fallback-state-jsonata__statemachine__statemachine.asl.json",
        "\"QueryLanguage\": \"JSONata\" sits inside States, where it reads as a state",
    ),
];

#[test]
fn published_definitions_validate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/realworld");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut checked = 0;
    let mut unexpected = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let def = asl::load(&text);
        checked += 1;
        let known_invalid = INVALID_AS_PUBLISHED.iter().any(|(n, _)| name.contains(n));
        let errors: Vec<String> = def
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}: {}", d.code, d.location, d.message))
            .collect();
        if known_invalid {
            if errors.is_empty() {
                unexpected.push(format!("{name}: listed as invalid, but it validates"));
            }
        } else if !errors.is_empty() {
            unexpected.push(format!("{name}:\n    {}", errors.join("\n    ")));
        }
        if def.machine.is_none() {
            unexpected.push(format!("{name}: no model was built"));
        }
    }
    assert!(checked > 100, "only {checked} definitions found");
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}
