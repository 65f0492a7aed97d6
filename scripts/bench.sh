#!/usr/bin/env bash
# Benchmark (not part of CI): Carepath's widget against the same
# questionnaire built with SurveyJS. Uses an existing build in dist/ (or
# DIST=...); it never builds Carepath. See bench/README.md.
#   ./scripts/bench.sh            # RUNS=7 by default, then Lighthouse (3 runs)
#   DIST=/path/to/dist RUNS=3 ./scripts/bench.sh
#   NETWORK=slow4g ./scripts/bench.sh   LIGHTHOUSE=0 ./scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DIST="${DIST:-$PWD/dist}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
if [ ! -f "$DIST/index.html" ] || [ ! -f "$DIST/carepath/v${version%%.*}/carepath.js" ]; then
  echo "bench: no Carepath build in $DIST: run ./scripts/demo.sh or ./scripts/test.sh first" >&2
  exit 1
fi
export DIST

if [ ! -d node_modules ] || [ ! -f node_modules/survey-core/package.json ] \
  || [ ! -f node_modules/survey-js-ui/package.json ] || [ ! -f node_modules/playwright-core/package.json ] \
  || [ ! -f node_modules/lighthouse/package.json ]; then
  echo "== installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

vendor=bench/surveyjs/vendor
mkdir -p "$vendor"
cp node_modules/survey-core/survey.core.min.js \
   node_modules/survey-core/survey-core.fontless.min.css \
   node_modules/survey-js-ui/survey-js-ui.min.js "$vendor/"

node bench/run.mjs
echo
echo "== first paint: the start screen declared in the HTML, drawn by the loader, and a static page"
RUNS="${PAINT_RUNS:-25}" node bench/first-paint.mjs
if [ "${LIGHTHOUSE:-1}" != 0 ]; then
  echo
  echo "== Lighthouse on the demo page"
  RUNS=3 node bench/lighthouse.mjs
fi
