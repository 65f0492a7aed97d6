#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, the
# engine's tests (native cargo test), the release web build and its checks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
setup_rust
setup_node
setup_browser

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
wasm_env
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

say "engine tests (cargo test)"
cargo test --locked

build_release
say "checking the build output"
bash "$ROOT/scripts/check-dist.sh"

say "all tests passed"
