//! The command embeds JSONata's reference implementation from npm (`jsonata` 2.0.6, the version
//! AWS implements): the very file the playground loads, so the two never drift.

use std::path::Path;

fn main() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/jsonata/jsonata.js");
    println!("cargo:rerun-if-changed={}", file.display());
    if !file.exists() {
        panic!(
            "{} is missing: the `asl` command embeds JSONata from npm. Run `npm ci` at the repository root \
             (`bash scripts/setup.sh` does).",
            file.display()
        );
    }
}
