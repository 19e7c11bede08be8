#!/usr/bin/env bash
# End-to-end: `oversight holidays` and `oversight workdays`.
# Expected dates: shared/domain/statutory-timescales.md §9 (gov.uk-checked).
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

expect_out() {  # expect_out "<expected stdout>" args...
  local want=$1; shift
  local got
  got=$("$CLI" "$@" 2>err.txt) || fail "oversight $* exited $?: $(cat err.txt)"
  [[ "$got" == "$want" ]] || fail "oversight $*: expected
$want
got
$got"
  [[ ! -s err.txt ]] || fail "oversight $*: unexpected stderr: $(cat err.txt)"
}

expect_bad() {  # exit status 1 and a reason on stderr
  local status=0
  "$CLI" "$@" >out.txt 2>err.txt || status=$?
  [[ $status -eq 1 ]] || fail "oversight $*: expected exit 1, got $status"
  [[ -s err.txt ]] || fail "oversight $*: no reason on stderr"
  [[ ! -s out.txt ]] || fail "oversight $*: unexpected stdout: $(cat out.txt)"
}

lines() { printf '%s\n' "$@"; }

expect_out "$(lines 2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26)" \
  holidays 2012
expect_out "$(lines 2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28)" \
  holidays 2020
expect_out "$(lines 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27)" \
  holidays 2022 --calendar england-and-wales
expect_out "$(lines 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26)" \
  holidays 2023
# Scotland and Northern Ireland (gov.uk, 2024).
expect_out "$(lines 2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27 2024-08-05 2024-12-02 2024-12-25 2024-12-26)" \
  holidays 2024 --calendar scotland
expect_out "$(lines 2024-01-01 2024-03-18 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-07-12 2024-08-26 2024-12-25 2024-12-26)" \
  holidays --calendar northern-ireland 2024

# Working days: day 0 is the start date.
expect_out 2013-01-02 workdays add 2012-12-21 5
expect_out 2012-12-21 workdays add 2013-01-02 -5
expect_out 2012-10-15 workdays add 2012-10-12 1
expect_out 2012-07-03 workdays add 2012-06-01 20
expect_out 5 workdays between 2012-12-21 2013-01-02
expect_out -5 workdays between 2013-01-02 2012-12-21
expect_out 2022-08-02 workdays add 2022-07-29 1 --calendar scotland

# A council Christmas shutdown.
cat > closures.txt <<'TXT'
# Council Christmas shutdown 2024
2024-12-27 Council Christmas shutdown
2024-12-30

2024-12-31,Council Christmas shutdown
TXT
expect_out 2024-12-27 workdays add 2024-12-24 1
expect_out 2025-01-02 workdays add 2024-12-24 1 --closures closures.txt
expect_out 4 workdays between 2024-12-20 2025-01-03 --closures closures.txt

# Bad input: exit 1, reason on stderr, nothing on stdout.
echo "2024-13-01" > bad_closures.txt
expect_bad holidays
expect_bad holidays 20x
expect_bad holidays 2022 --calendar wales
expect_bad workdays add 2012-02-30 3
expect_bad workdays add 2012-10-12 three
expect_bad workdays add 2012-10-12
expect_bad workdays between 2012-10-12 tomorrow
expect_bad workdays add 2024-12-24 1 --closures missing.txt
expect_bad workdays add 2024-12-24 1 --closures bad_closures.txt
# A directory where a file is expected: an I/O error that says so.
mkdir -p a_directory
expect_bad workdays add 2024-12-24 1 --closures a_directory
grep -qF "it is a directory" err.txt || fail "--closures a_directory: $(cat err.txt)"
expect_bad holidays 2025 --gov-uk-json a_directory
grep -qF "it is a directory" err.txt || fail "--gov-uk-json a_directory: $(cat err.txt)"
expect_bad workdays frobnicate

# --help works on every command.
for cmd in "holidays" "workdays" "workdays add" "workdays between"; do
  # shellcheck disable=SC2086
  "$CLI" $cmd --help >/dev/null || fail "oversight $cmd --help failed"
done
echo "calendar CLI: all checks passed"
