# Sourced by bin/ayneh and bin/test: find Python ≥ 3.12 and uv, and sync the locked environment.
# Everything comes from PyPI through uv; nothing else is downloaded (no Python builds, no browsers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export UV_PYTHON_DOWNLOADS=never
export UV_PROJECT_ENVIRONMENT="$root/.venv"

is_new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

find_python() {
  local candidate
  # 3.12 first: the version the lock file is tested on; then anything newer.
  for candidate in "${AYNEH_PYTHON:-}" python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
      python3.13 "$HOME"/.pyenv/versions/3.13*/bin/python3 python3 \
      /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ] || continue
    if is_new_enough "$candidate"; then command -v "$candidate" || echo "$candidate"; return 0; fi
  done
  return 1
}

python="$(find_python)" || {
  echo "Ayneh needs Python 3.12 or newer (set AYNEH_PYTHON=/path/to/python3.12)." >&2
  exit 1
}

if command -v uv >/dev/null 2>&1; then
  uv=(uv)
else
  # A private tools environment keeps uv off the system Python (Debian refuses pip there).
  if [ ! -x "$root/.tools/bin/uv" ]; then
    echo "Installing uv into .tools/ ..." >&2
    "$python" -m venv "$root/.tools"
    "$root/.tools/bin/pip" install --quiet "uv==0.13.9"
  fi
  uv=("$root/.tools/bin/uv")
fi

"${uv[@]}" sync --quiet --frozen --python "$python"
