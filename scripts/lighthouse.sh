#!/usr/bin/env bash
# The playground's Lighthouse figures (see e2e/lighthouse.mjs) for the build in dist/ (or
# DIST_DIR): three first visits with the mobile profile for each way of throttling (estimated,
# Lighthouse's default, and applied), each run and the median, and the accessibility audits
# that failed. A benchmark: it exits 0 whatever the figures.
#   bash scripts/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec node e2e/lighthouse.mjs "$@"
