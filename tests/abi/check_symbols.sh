#!/usr/bin/env bash
# Checks that liboversight_c exports only oversight_* symbols and that each one
# is listed in capi/symbols.txt (append-only, "symbol version" per line).
set -euo pipefail
lib=$1
list=$2
exported=$(nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//' | sort -u)
[ -n "$exported" ] || { echo "no exported symbols in $lib"; exit 1; }
bad=$(echo "$exported" | grep -v '^oversight_' || true)
if [ -n "$bad" ]; then
  echo "symbols exported that do not start with oversight_:"; echo "$bad"; exit 1
fi
listed=$(grep -v '^#' "$list" | awk 'NF {print $1}' | sort -u)
missing=$(comm -23 <(echo "$exported") <(echo "$listed"))
if [ -n "$missing" ]; then
  echo "exported but not in $list (append them with the version):"; echo "$missing"; exit 1
fi
gone=$(comm -13 <(echo "$exported") <(echo "$listed"))
if [ -n "$gone" ]; then
  echo "listed in $list but no longer exported (an ABI break):"; echo "$gone"; exit 1
fi
echo "$(echo "$exported" | wc -l) symbols, all oversight_*, all listed"
