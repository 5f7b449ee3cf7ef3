#!/usr/bin/env bash
# Fuzzes parse, validate and run (cargo-fuzz, nightly) for a number of seconds (default 600).
# Crashes land in fuzz/artifacts/; each one found becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
CORPUS=fuzz/corpus/parse_validate_run
mkdir -p "$CORPUS"
cp fuzz/seeds/*.json "$CORPUS"/
if [ -d ../shared/conformance/realworld ]; then cp ../shared/conformance/realworld/*.json "$CORPUS"/; fi
cd fuzz
cargo +nightly fuzz run parse_validate_run corpus/parse_validate_run -- -max_total_time="$SECONDS_TO_RUN" -max_len=8192
