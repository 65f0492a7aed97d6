# Shared set-up for scripts/demo.sh and scripts/test.sh: installs what is
# missing, from the package registries only, at pinned versions.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

# The wasm-bindgen version locked in Cargo.lock; the CLI must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_rust() {
  command -v rustup >/dev/null || { echo "rustup is required (https://rustup.rs)"; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  local wb
  wb="$(wasm_bindgen_version)"
  if ! grep -q "wasm_bindgen = \"$wb\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml pins another wasm-bindgen than Cargo.lock ($wb); make them equal" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb"
  fi
}

setup_node() {
  command -v npm >/dev/null || { echo "node and npm are required" >&2; exit 1; }
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (wasm-opt from binaryen, test tools)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  # Fonts for every shipped script (Chinese, Korean, Arabic, Vietnamese),
  # so the screenshots of each language (target/screens/) can be read.
  if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || ! fc-list 2>/dev/null | grep -qi "Noto Sans Arabic"; then
    say "installing Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-core fonts-noto-cjk
  fi
}

# Registry and project paths are remapped out of the wasm (panic
# locations), so builds from any folder give the same bytes.
wasm_env() {
  local cargo_home="${CARGO_HOME:-$HOME/.cargo}"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_home=/cargo --remap-path-prefix=$ROOT=/carepath"
  export TRUNK_OFFLINE=true
}

build_release() {
  wasm_env
  say "building the widget (trunk build --release)"
  (cd "$ROOT" && trunk build --release --offline)
}

# wasm-bindgen-test in headless Debian chromium through chromedriver.
wasm_test_env() {
  wasm_env
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json"
  export WASM_BINDGEN_TEST_TIMEOUT=120
}

# A Python venv with the pinned readability tools (PyPI textstat).
setup_python() {
  local venv="$ROOT/.tools/venv"
  if [ ! -x "$venv/bin/python" ] || ! cmp -s "$ROOT/scripts/requirements.txt" "$venv/requirements.txt"; then
    say "installing the Python tools (scripts/requirements.txt)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements.txt"
    cp "$ROOT/scripts/requirements.txt" "$venv/requirements.txt"
  fi
  PYTHON="$venv/bin/python"
}

# cargo-about, for the release's third-party notices.
ABOUT_VERSION="0.9.3"
setup_about() {
  if [ "$(cargo about --version 2>/dev/null)" != "cargo-about $ABOUT_VERSION" ]; then
    say "installing cargo-about $ABOUT_VERSION"
    cargo install --locked cargo-about --version "$ABOUT_VERSION" --features cli
  fi
}
