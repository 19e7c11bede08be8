#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds and runs separate
# consumers against it: find_package (C and C++), pkg-config (C), the Python
# ctypes example and the installed CLI.
set -euo pipefail
src=$1 build=$2 shared=$3 python=$4
seed="$shared/seed/000_34f8af1d34ad7c07.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib*/ | head -n1)
libdir=${libdir%/}
test -f "$prefix/include/oversight.h"
test -f "$prefix/include/oversight.hpp"
test -f "$prefix/include/oversight/version.h"
for area in base version date store calendar rule_pack plan action_iter report import workforce casework reminders; do
  test -f "$prefix/include/oversight/c/$area.h" || { echo "missing <oversight/c/$area.h>"; exit 1; }
done
ls "$prefix"/include/*.h | grep -qv "/oversight.h$" && { echo "stray C headers at the include root"; exit 1; }
ls "$libdir"/liboversight_c.so.1 >/dev/null
for format in history holidays rules plan plan-list plan-people report import-summary people case case-list reminders; do
  test -f "$prefix/share/oversight/schemas/oversight-$format.schema.json" ||
    { echo "missing share/oversight/schemas/oversight-$format.schema.json"; exit 1; }
done

echo "-- the C API rules on the installed headers"
"$python" "$src/tests/abi/check_api_rules.py" "$prefix/include" "$src/capi/symbols.txt"

echo "-- find_package consumer"
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DEXAMPLES_DIR="$src/examples" -DCMAKE_BUILD_RPATH="$libdir" >/dev/null
cmake --build "$work/consumer" -j2 >/dev/null
(cd "$work" && "$work/consumer/consumer_c" "$seed" > c.out)
grep -q "2\.5" "$work/c.out" || { echo "C consumer printed no report"; cat "$work/c.out"; exit 1; }
(cd "$work" && "$work/consumer/consumer_cpp" "$seed" > cpp.out)
test -s "$work/cpp.out" || { echo "C++ consumer printed nothing"; exit 1; }

echo "-- pkg-config consumer"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pkg-config --exists oversight
cc -std=c99 -Wall -Wextra -pedantic $(pkg-config --cflags oversight) "$src/examples/c/plan_report.c" \
  -o "$work/pc_consumer" $(pkg-config --libs oversight) -Wl,-rpath,"$libdir"
(cd "$work" && "$work/pc_consumer" "$seed" > pc.out)
cmp -s <(grep -v -i "store\|tmp" "$work/c.out") <(grep -v -i "store\|tmp" "$work/pc.out") || true
grep -q "2\.5" "$work/pc.out" || { echo "pkg-config consumer printed no report"; exit 1; }
# One area header alone, as an installed consumer would include it.
printf '#include <oversight/c/calendar.h>\nint main(void) {\n  oversight_calendar *c = NULL;\n  oversight_calendar_options o = OVERSIGHT_CALENDAR_OPTIONS_INIT;\n  int rc = oversight_calendar_open(&c, &o) == OVERSIGHT_OK ? 0 : 1;\n  oversight_calendar_free(c);\n  return rc;\n}\n' >"$work/area.c"
cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags oversight) "$work/area.c" -o "$work/area" \
  $(pkg-config --libs oversight) -Wl,-rpath,"$libdir"
"$work/area"

echo "-- Python ctypes example against the installed library"
OVERSIGHT_LIBRARY="$libdir/liboversight_c.so.1" PYTHONPATH="$src/examples/python" \
  "$python" "$src/examples/python/plan_report.py" "$seed" > "$work/py.out"
grep -q "2\.5" "$work/py.out" || { echo "Python example printed no report"; cat "$work/py.out"; exit 1; }

echo "-- installed CLI"
"$prefix/bin/oversight" --version
test -f "$prefix/share/oversight/rules/england.toml"

echo "install consumers: all passed"
