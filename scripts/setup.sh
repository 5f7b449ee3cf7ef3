#!/usr/bin/env bash
# Installs what ASL Playground needs, only where it is missing, builds everything, and serves
# the playground at http://127.0.0.1:8080 (pass --no-serve to stop after the build). Safe to run
# again: every step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVE=1
for arg in "$@"; do
  case "$arg" in
    --no-serve) SERVE=0 ;;
    *) echo "usage: scripts/setup.sh [--no-serve]" >&2; exit 2 ;;
  esac
done

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is not installed: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi
for tool in node npm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required but not installed" >&2; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk and wasm-bindgen at the exact versions the build pins (see ../shared/docs/TOOLCHAIN.md).
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: its lockfile wants a crate version the registry does not have.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The tool that splits the app's wasm (scripts/build-wasm.mjs); it cannot print its version, so
# cargo's list of installed packages tells.
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute or two, once)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# Monaco, JSONata, wasm-opt (binaryen) and Playwright, exactly as package-lock.json says.
if [ ! -d node_modules/monaco-editor ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

# The check of `asl test --junit` (scripts/check-junit.py): the JUnit XML schema pytest's own
# tests validate its reports with (junit-10.xsd, shipped in pytest's source distribution, kept
# out of the repository in the cache), and the xmlschema package that reads it, as those tests do.
XMLSCHEMA_VERSION=4.3.2
PYTEST_SDIST_VERSION=9.2.0
JUNIT_XSD="${XDG_CACHE_HOME:-$HOME/.cache}/asl-playground/junit-10.xsd"
if ! python3 -c 'import xmlschema' >/dev/null 2>&1; then
  say "installing xmlschema $XMLSCHEMA_VERSION (checks asl test's JUnit XML)"
  python3 -m pip install --quiet "xmlschema==$XMLSCHEMA_VERSION" \
    || python3 -m pip install --quiet --break-system-packages "xmlschema==$XMLSCHEMA_VERSION"
fi
if [ ! -s "$JUNIT_XSD" ]; then
  say "taking the JUnit XML schema from pytest $PYTEST_SDIST_VERSION's source distribution"
  sdist_dir="$(mktemp -d)"
  python3 -m pip download --quiet --no-deps --no-binary :all: "pytest==$PYTEST_SDIST_VERSION" -d "$sdist_dir"
  mkdir -p "$(dirname "$JUNIT_XSD")"
  tar -xzf "$sdist_dir/pytest-$PYTEST_SDIST_VERSION.tar.gz" -O \
    "pytest-$PYTEST_SDIST_VERSION/testing/example_scripts/junit-10.xsd" > "$JUNIT_XSD.part"
  mv "$JUNIT_XSD.part" "$JUNIT_XSD"
  rm -rf "$sdist_dir"
fi

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

say "building the asl command (target/release/asl)"
cargo build --release -p asl-cli

say "building the playground (dist/)"
cargo fetch --quiet
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release

if [ "$SERVE" = 1 ]; then
  say "serving the playground at http://127.0.0.1:8080 (Ctrl+C stops it)"
  exec node e2e/serve.mjs 8080
fi
