#!/usr/bin/env bash
# Every function in capi/symbols.txt must be called by the C API tests
# (tests/capi/*.cpp), where each is also called with NULL and malformed
# arguments. A new function without a test fails here.
set -euo pipefail
list=$1
tests_dir=$2
missing=0
for s in $(grep -v '^#' "$list" | awk 'NF {print $1}'); do
  if ! grep -q "\b$s\b" "$tests_dir"/*.cpp; then
    echo "not called by any test in $tests_dir: $s"
    missing=1
  fi
done
[ "$missing" -eq 0 ] && echo "$(grep -vc '^#' "$list") C functions, each called by the C API tests"
exit "$missing"
