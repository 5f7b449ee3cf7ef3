//! The engine's data-driven cases whose states use JSONata (`crates/asl/tests/cases-jsonata/`),
//! run with the command's JSONata evaluator: the reference implementation in QuickJS.

#[path = "../../asl/tests/support/cases.rs"]
mod support;

#[test]
fn every_jsonata_case_holds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../asl/tests/cases-jsonata");
    support::check_all(&root, &mut asl_cli::jsonata::LazyJsonata::new(5_000));
}
