#!/usr/bin/env bash
# Installs the build to a temporary prefix and checks the C API rules of
# <oversight/c/base.h> on the installed headers (check_api_rules.py): the
# rules themselves, that each catches a planted violation, and that every
# out-parameter is cleared first in capi/.
#
# usage: check_installed_headers.sh SOURCE_DIR BUILD_DIR PYTHON
set -euo pipefail
src=$1 build=$2 python=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
include="$work/prefix/include"
"$python" "$src/tests/abi/check_api_rules.py" "$include" "$src/capi/symbols.txt"
"$python" "$src/tests/abi/check_api_rules.py" --self-test "$include"
"$python" "$src/tests/abi/check_api_rules.py" --sources "$include" "$src/capi"
