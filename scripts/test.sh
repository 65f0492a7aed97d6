#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, the
# engine's and journey's tests (native cargo test), the reading level of
# every visitor string, the release web build and its checks, component
# tests in headless Chromium (wasm-bindgen-test), the release packages
# (scripts/release.sh), and end-to-end journeys with accessibility checks
# (Playwright + axe) on the built dist/, the npm package in a Vite build
# and the WordPress plugin on a local WordPress (scripts/wordpress.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
setup_rust
setup_node
setup_python
setup_browser
setup_about

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
wasm_env
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web_widget --locked -- -D warnings

say "engine and journey tests (cargo test)"
cargo test --locked

say "reading level of every visitor string (textstat)"
"$PYTHON" scripts/readability.py locales/en.json --max-grade 8
"$PYTHON" scripts/readability.py locales/es.json --lang es --min-score 70

build_release
say "checking the build output"
bash "$ROOT/scripts/check-dist.sh"

say "widget size (gzip -9): issue 6's budget, and the regression ceiling"
bash "$ROOT/scripts/size.sh"

say "release packages (the archive and the npm package, from dist/)"
"$ROOT/scripts/release.sh"

say "component tests in headless Chromium (wasm-bindgen-test)"
wasm_test_env
cargo test --locked --target wasm32-unknown-unknown --test web_widget

say "a local WordPress for the plugin's test (Debian's wordpress, mariadb, apache2, php)"
WP_URL="$("$ROOT/scripts/wordpress.sh" | tail -1)"
export WP_URL

say "end-to-end journeys and accessibility (Playwright + axe on dist/, the release packages, the WordPress plugin)"
CHROMIUM="$(command -v chromium)" node --test --test-concurrency=1 tests/e2e/

say "all tests passed"
