# Sourced by the other scripts, with the set-up they need as its one argument. Makes
# .venv match uv.lock, so every script works on a fresh machine, and does nothing when
# the set-up is unchanged.
#
#   source scripts/_bootstrap.sh demo  the package and its mock extra only (scripts/demo)
#   source scripts/_bootstrap.sh dev   everything: test tools, generator, linters, and
#                                      node_modules (the Spectral linter) when Node is present
#
# uv (pinned below, from PyPI) lives in its own folder, .venv-uv; it installs the
# locked versions (`uv sync --frozen`) of the workspace: numberhub editable from wrapper/
# and each generated client editable from its generated/<provider>_client/ package. It
# re-installs only when a pyproject.toml, uv.lock or the set-up changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}
SETUP=${1:-dev}
UV_VERSION=0.13.9
UV="$ROOT/.venv-uv/bin/uv"
# uv uses the Python given, never one it downloads; its venv is .venv.
export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="$VENV"

_hash() { sha256sum "$@" | sha256sum | cut -c1-16; }
_quiet() { # run "$@", printing its output only when it fails
  local log
  log=$(mktemp)
  "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "numberhub needs Python >= 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

if [[ "$("$UV" --version 2>/dev/null)" != "uv $UV_VERSION "* ]]; then
  echo "==> installing uv $UV_VERSION (.venv-uv)" >&2
  rm -rf "$ROOT/.venv-uv"
  _quiet "$PYTHON" -m pip install --disable-pip-version-check --target "$ROOT/.venv-uv" "uv==$UV_VERSION"
fi

case "$SETUP" in
  demo) extra=mock; enough="demo dev" ;; # a dev set-up holds the demo's, so keep it
  dev) extra=dev; enough="dev" ;;
  *) echo "_bootstrap.sh takes demo or dev, not '$SETUP'" >&2; exit 1 ;;
esac
locked=$(_hash "$ROOT/pyproject.toml" "$ROOT"/generated/*_client/pyproject.toml "$ROOT/uv.lock")
read -r have_hash have_setup 2>/dev/null < "$VENV/.stamp" || true
if [ ! -x "$VENV/bin/python" ] || [ "${have_hash:-}" != "$locked" ] ||
  [[ " $enough " != *" ${have_setup:-none} "* ]]; then
  echo "==> setting up .venv ($SETUP, from uv.lock)" >&2
  (cd "$ROOT" && "$UV" sync --quiet --frozen --compile-bytecode --python "$PYTHON" --extra "$extra")
  echo "$locked $SETUP" > "$VENV/.stamp"
fi

if [ "$SETUP" = dev ] && command -v npm >/dev/null 2>&1 && [ -f "$ROOT/package-lock.json" ]; then
  want=$(_hash "$ROOT/package-lock.json")
  if [ "$(cat "$ROOT/node_modules/.stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> installing node tools" >&2
    (cd "$ROOT" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >&2)
    echo "$want" > "$ROOT/node_modules/.stamp"
  fi
fi

export PATH="$VENV/bin:$PATH"
export PYTHONDONTWRITEBYTECODE=${PYTHONDONTWRITEBYTECODE:-}
cd "$ROOT"
