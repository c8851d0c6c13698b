# Sourced by the other scripts. Makes .venv (and node_modules, when Node is present)
# match the project's own files, so every script works on a fresh machine.
# Re-installs only when pyproject.toml or package-lock.json changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

_hash() { sha256sum "$@" | sha256sum | cut -c1-16; }

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "numberhub needs Python >= 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

want=$(_hash "$ROOT/pyproject.toml")
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> setting up .venv" >&2
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[dev]"
  echo "$want" > "$VENV/.stamp"
fi

if command -v npm >/dev/null 2>&1 && [ -f "$ROOT/package-lock.json" ]; then
  want=$(_hash "$ROOT/package-lock.json")
  if [ "$(cat "$ROOT/node_modules/.stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> installing node tools" >&2
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$want" > "$ROOT/node_modules/.stamp"
  fi
fi

export PATH="$VENV/bin:$PATH"
export PYTHONDONTWRITEBYTECODE=${PYTHONDONTWRITEBYTECODE:-}
cd "$ROOT"
