#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), on its staging folder before it replaces dist/: the
# app's wasm, built in parts (scripts/build-wasm.mjs), the first view written into index.html
# (scripts/first-view.mjs, release builds), then the first example's preload, the service
# worker and the compressed copies (scripts/precompress.mjs), which cover all of that.
# One hook, because Trunk runs a stage's hooks side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build-wasm.mjs
node scripts/first-view.mjs
node scripts/precompress.mjs
