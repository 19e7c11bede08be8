#!/usr/bin/env bash
# Every exported C function (capi/symbols.txt) is declared in one header
# capi/include/oversight/c/<area>.h and called by that area's C API tests,
# tests/capi/<area>_test.cpp, where each is also called with NULL and
# malformed arguments. A new function without a test fails here.
#
# usage: check_capi_tested.sh SYMBOLS_TXT HEADER_DIR TESTS_DIR
set -euo pipefail
list=$1 headers=$2 tests_dir=$3
missing=0
count=0
for s in $(grep -v '^#' "$list" | awk 'NF {print $1}'); do
  count=$((count + 1))
  header=$(grep -l "OVERSIGHT_CALL $s(" "$headers"/*.h || true)
  if [ -z "$header" ]; then
    echo "exported but declared in no header under $headers: $s"
    missing=1
    continue
  fi
  area=$(basename "$header" .h)
  test_file="$tests_dir/${area}_test.cpp"
  if [ ! -f "$test_file" ]; then
    echo "no test file $test_file for $s (area $area)"
    missing=1
  elif ! grep -q "\b$s\b" "$test_file"; then
    echo "not called by $test_file: $s"
    missing=1
  fi
done
[ "$missing" -eq 0 ] && echo "$count C functions, each called by its area's C API tests (tests/capi/<area>_test.cpp)"
exit "$missing"
