//! The ASL Playground web app. A placeholder until the playground lands: the engine is in
//! `crates/asl` and the `asl` command in `crates/asl-cli`.

fn main() {}
