#!/usr/bin/env bash
# needs_shared.sh FILE COMMAND...: runs COMMAND when FILE (real-format data
# in ../shared) is there; otherwise says so and exits 77, which ctest reports
# as skipped (SKIP_RETURN_CODE 77). CI always has ../shared.
set -euo pipefail
file=$1
shift
if [[ ! -e $file ]]; then
    echo "SKIPPED: needs $file (the shared real-format data; present in CI)"
    exit 77
fi
exec "$@"
