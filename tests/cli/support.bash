# Shared by the CLI end-to-end scripts (tests/cli/*.sh), sourced after
# `set -euo pipefail`; not a test itself (ctest runs *.sh only). Gives:
#   CLI, PY          the oversight executable and Python (from the environment)
#   WORK             a temporary folder, removed on exit, the current folder
#   fail MESSAGE     stop the script, naming it
#   run ARGS...      the CLI on the script's store ($WORK/${DB:-cw.db})
#   expect_in TEXT PART, expect_fail "stderr text" ARGS...
CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "$(basename "$0"): $*" >&2; exit 1; }
run() { "$CLI" --db "$WORK/${DB:-cw.db}" "$@"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
expect_fail() {  # expect_fail "stderr text" args...
  local want=$1; shift
  local err
  if err=$(run "$@" 2>&1 >/dev/null); then fail "expected failure: $*"; fi
  expect_in "$err" "$want"
}
