#!/usr/bin/env bash
# install.sh BUILD PREFIX: a fresh `cmake --install BUILD --prefix PREFIX`,
# the installed copy that install_consumer and readme test (ctest fixture
# "installed").
set -euo pipefail
build=$1 prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix"
