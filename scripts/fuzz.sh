#!/usr/bin/env bash
# Fuzzes every reader of outside input (cargo-fuzz, nightly), each target for a number of
# seconds (default 600): parse, validate and run a definition; read S3 objects as a
# Distributed Map's ItemReader does; design mode's edits of a definition's text; read YAML,
# definitions and SAM / CloudFormation templates; read executions recorded in AWS; TestState
# requests; test suites (`asl test`). Crashes land in fuzz/artifacts/; each one found becomes a
# regression test.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse_validate_run s3_readers design_edits templates histories teststate suites)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz

for target in "${TARGETS[@]}"; do
  CORPUS="fuzz/corpus/$target"
  mkdir -p "$CORPUS"
  case "$target" in
    parse_validate_run)
      cp fuzz/seeds/*.json "$CORPUS"/
      if [ -d ../shared/conformance/realworld ]; then cp ../shared/conformance/realworld/*.json "$CORPUS"/; fi
      ;;
    s3_readers)
      # Each seed: a reader-choosing byte, then an object the examples and cases use.
      i=0
      for f in examples/*/s3/*/* examples/*/s3/*/*/*; do
        [ -f "$f" ] || continue
        for pick in 0 1 2 3 4 132; do
          { printf "\\x$(printf '%02x' "$pick")"; cat "$f"; } > "$CORPUS/seed-$i-$pick"
        done
        i=$((i + 1))
      done
      ;;
    design_edits)
      # Each seed: an edit-choosing byte, then an example's or a published definition.
      i=0
      for f in examples/*/definition.asl.json fuzz/seeds/*.json; do
        for pick in 0 1 2 3 4 5 6 7 17 42 99 200; do
          { printf "\\x$(printf '%02x' "$pick")"; cat "$f"; } > "$CORPUS/seed-$i-$pick"
        done
        i=$((i + 1))
      done
      ;;
    templates)
      # Each seed: a template or a YAML definition (with the file a DefinitionUri names).
      i=0
      for f in crates/asl-cli/tests/fixtures/templates/*.yaml ../shared/conformance/templates/*/*.yaml ../shared/conformance/templates/*/*.yml; do
        [ -f "$f" ] || continue
        uri=$(dirname "$f")/$(grep -m1 -o 'DefinitionUri: *[^ ]*' "$f" 2>/dev/null | sed 's/DefinitionUri: *//' || true)
        { cat "$f"; printf '\0{}\0'; if [ -f "$uri" ]; then cat "$uri"; fi; } > "$CORPUS/seed-$i"
        i=$((i + 1))
      done
      ;;
    histories)
      # The recorded histories of the conformance cases.
      if [ -d ../shared/conformance/histories ]; then cp ../shared/conformance/histories/*.json "$CORPUS"/; fi
      ;;
    suites)
      # The examples' suites and the lessons' checks.
      i=0
      for f in examples/*/tests.yaml lessons/*/checks.yaml; do
        [ -f "$f" ] || continue
        cp "$f" "$CORPUS/seed-$i.yaml"
        i=$((i + 1))
      done
      ;;
    teststate)
      # The requests of the TestState calls recorded against AWS.
      if [ -d ../shared/conformance/teststate ]; then
        for f in ../shared/conformance/teststate/*.json; do
          python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["request"]))' "$f" > "$CORPUS/$(basename "$f")"
        done
      fi
      ;;
  esac
  # Templates and histories are longer than definitions.
  MAX_LEN=8192
  case "$target" in templates | histories) MAX_LEN=65536 ;; esac
  echo "== fuzzing $target for $SECONDS_TO_RUN s"
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN")
done
