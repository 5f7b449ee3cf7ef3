#!/usr/bin/env bash
# Runs every check of the project: formatting, lints, the engine's, graph's, app's and command's
# tests, `asl test`'s JUnit XML against its schema, the engine's wasm32 build, the conformance
# suites recorded against AWS (executions and TestState calls), and the browser tests through
# the real page.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

bash scripts/setup.sh --no-serve

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

say "cargo test"
cargo test --workspace

say "asl test --junit against the JUnit XML schema"
python3 scripts/check-junit.py target/release/asl

say "the JSONata host script (Step Functions' functions), under node"
node js/jsonata-host.test.mjs

say "the engine builds for wasm32-unknown-unknown"
cargo build -p asl --target wasm32-unknown-unknown

# The pass rate reached so far; raise it as the engine improves, never lower it.
MIN_PASS_JSONPATH=98
MIN_PASS_JSONATA=99
MIN_PASS_TESTSTATE=100
if [ -d ../shared/conformance ]; then
  say "conformance: executions recorded against AWS (JSONPath)"
  python3 ../shared/conformance/run.py --cli target/release/asl --query-language JSONPath --min-pass "$MIN_PASS_JSONPATH"
  say "conformance: executions recorded against AWS (JSONata, and JSONPath machines with JSONata states)"
  python3 ../shared/conformance/run.py --cli target/release/asl --query-language JSONata --query-language mixed --min-pass "$MIN_PASS_JSONATA"
  say "conformance: TestState calls recorded against AWS (asl test-state)"
  python3 ../shared/conformance/run_teststate.py --cli target/release/asl --min-pass "$MIN_PASS_TESTSTATE"
else
  echo "skipped: ../shared/conformance is not beside the repository, so the conformance suite did not run"
fi

say "browser tests (Playwright driving Chromium; screenshots in e2e/artifacts/)"
mkdir -p e2e/artifacts
E2E_PORT="${E2E_PORT:-$((20000 + RANDOM % 20000))}" npx playwright test --config e2e/playwright.config.mjs

say "all checks passed"
