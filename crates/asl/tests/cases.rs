//! Data-driven cases: each JSON file under `tests/cases/<group>/` is one execution or one
//! validation, with what AWS Step Functions does for it. The format is described in
//! `support/cases.rs`. Cases whose states use JSONata live in `tests/cases-jsonata/` and run
//! from the `asl` command's tests, which have a JSONata evaluator.

#[path = "support/cases.rs"]
mod support;

#[test]
fn every_case_holds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    support::check_all(&root, &mut asl::host::NoJsonata);
}
