#!/usr/bin/env bash
# run.sh SRC PREFIX PYTHON PYTHON_DIR VERSION: separate consumers of the copy
# installed in PREFIX (tests/install/install.sh): find_package (C and C++),
# pkg-config (C), the Python package found with PYTHONPATH only, and the
# installed CLI, all on the sample plan (examples/data/sample_plan.txt).
set -euo pipefail
src=$1 prefix=$2 python=$3 pydir=$4 version=$5
plan="$src/examples/data/sample_plan.txt"
dates=(2025-03-14 2025-06-30)  # the sample plan's report date, and the day to report on
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

libdir=$(ls -d "$prefix"/lib*/ | head -n1)
libdir=${libdir%/}
test -f "$prefix/include/oversight.h"
test -f "$prefix/include/oversight.hpp"
test -f "$prefix/include/oversight/version.h"
for area in base version date store calendar rule_pack plan action_iter report import workforce casework reminders batch; do
  test -f "$prefix/include/oversight/c/$area.h" || { echo "missing <oversight/c/$area.h>"; exit 1; }
done
ls "$prefix"/include/*.h | grep -qv "/oversight.h$" && { echo "stray C headers at the include root"; exit 1; }
ls "$libdir"/liboversight_c.so.1 >/dev/null
for format in history holidays rules plan plan-list plan-people document import-summary people case case-list reminders reminder-changes batch batch-result; do
  test -f "$prefix/share/oversight/schemas/oversight-$format.schema.json" ||
    { echo "missing share/oversight/schemas/oversight-$format.schema.json"; exit 1; }
done

echo "-- the C API rules on the installed headers"
"$python" "$src/tests/abi/check_api_rules.py" "$prefix/include" "$src/capi/symbols.txt"

# The examples print the plan's red actions; on the sample plan, action 1.2
# (due "Immediately", 2025-03-14, not complete) is one of them.
expect_report() {  # FILE WHAT
  grep -q "^Red actions:" "$1" && grep -Eq "^  1\.2 +Tom Ellery +overdue since 2025-03-14" "$1" ||
    { echo "$2 printed no report of the sample plan:"; cat "$1"; exit 1; }
}

echo "-- find_package consumer"
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DEXAMPLES_DIR="$src/examples" -DCMAKE_BUILD_RPATH="$libdir" >/dev/null
cmake --build "$work/consumer" -j2 >/dev/null
(cd "$work" && "$work/consumer/consumer_c" "$plan" "${dates[@]}" > c.out)
expect_report "$work/c.out" "the C consumer"
(cd "$work" && "$work/consumer/consumer_cpp" "$plan" "${dates[@]}" > cpp.out)
grep -q "^Tom Ellery (2 actions" "$work/cpp.out" || { echo "C++ consumer:"; cat "$work/cpp.out"; exit 1; }

echo "-- pkg-config consumer"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pkg-config --exists oversight
cc -std=c99 -Wall -Wextra -pedantic $(pkg-config --cflags oversight) "$src/examples/c/plan_report.c" \
  -o "$work/pc_consumer" $(pkg-config --libs oversight) -Wl,-rpath,"$libdir"
(cd "$work" && "$work/pc_consumer" "$plan" "${dates[@]}" > pc.out)
cmp "$work/c.out" "$work/pc.out" || { echo "the pkg-config and find_package builds differ"; exit 1; }
# One area header alone, as an installed consumer would include it.
printf '#include <oversight/c/calendar.h>\nint main(void) {\n  oversight_calendar *c = NULL;\n  oversight_calendar_options o = OVERSIGHT_CALENDAR_OPTIONS_INIT;\n  int rc = oversight_calendar_open(&c, &o) == OVERSIGHT_OK ? 0 : 1;\n  oversight_calendar_free(c);\n  return rc;\n}\n' >"$work/area.c"
cc -std=c99 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags oversight) "$work/area.c" -o "$work/area" \
  $(pkg-config --libs oversight) -Wl,-rpath,"$libdir"
"$work/area"

echo "-- the Python package, found with PYTHONPATH only (no OVERSIGHT_LIBRARY, no LD_LIBRARY_PATH)"
# Run outside the source tree, so that only the installed package can be imported.
installed_python() {  # PREFIX ARGS...
  local p=$1
  shift
  (cd "$work" && env -u OVERSIGHT_LIBRARY -u LD_LIBRARY_PATH PYTHONPATH="$p/$pydir" "$python" "$@")
}
check_python() {  # PREFIX
  local out
  out=$(installed_python "$1" -c "import oversight; print(oversight.version()); print(oversight.library_path()); print(oversight.__file__)")
  echo "$out"
  [[ $(sed -n 1p <<<"$out") == "$version" ]] || { echo "expected version $version"; exit 1; }
  [[ $(sed -n 2p <<<"$out") == "$1/"*"/liboversight_c.so.1" ]] || { echo "the library was not loaded from $1"; exit 1; }
  [[ $(sed -n 3p <<<"$out") == "$1/$pydir/oversight/__init__.py" ]] || { echo "not the installed package"; exit 1; }
}
# Installed to the interpreter's own prefix (Debian's python3: /usr/local), the
# package would be in a folder it searches, so no variable would be needed.
"$python" -c "import os, site, sys, sysconfig
d = os.path.normpath(os.path.join(sysconfig.get_path('data'), sys.argv[1]))
sys.exit(0 if d in map(os.path.normpath, site.getsitepackages()) else d + ' is not searched by ' + sys.executable)" "$pydir"
test -f "$prefix/$pydir/oversight/_library_path.txt"
check_python "$prefix"
# The install tree is relocatable: the package finds the library by a relative path.
cp -a "$prefix" "$work/moved"
check_python "$work/moved"
cp "$src/examples/python/plan_report.py" "$work/"
installed_python "$prefix" "$work/plan_report.py" "$plan" "${dates[@]}" > "$work/py.out"
expect_report "$work/py.out" "the Python example"
cmp <(sed 1d "$work/c.out") <(sed 1d "$work/py.out") || { echo "the Python and C examples differ"; exit 1; }

echo "-- a case system's sync through the installed binding (examples/python/case_system_sync.py)"
# One batch of children, placements and events; a worker's due-soon list; the
# changes since the last sync. Sent again, the batch changes nothing and the
# feed from the sequence the first sync kept is empty.
cp "$src/examples/python/case_system_sync.py" "$work/"
installed_python "$prefix" "$work/case_system_sync.py" "$work/sync.db" > "$work/sync1.out"
cat "$work/sync1.out"
grep -q "^batch: 27 items; 27 added, 0 updated, 0 unchanged$" "$work/sync1.out"
grep -q "^Asha Patel, on 2026-11-02: 5 overdue or due within 10 working days$" "$work/sync1.out"
grep -Eq "^  LAC-103  due +due 2026-11-02  First looked-after review$" "$work/sync1.out"
grep -Eq "^  LAC-102  overdue +due 2026-10-30  Statutory visits in the first year of a placement$" "$work/sync1.out"
next=$(sed -n 's/^changes since 0: [1-9][0-9]*; next sync: --since \([0-9]*\)$/\1/p' "$work/sync1.out")
[[ -n $next ]] || { echo "the first sync printed no changes"; exit 1; }
installed_python "$prefix" "$work/case_system_sync.py" "$work/sync.db" --since "$next" > "$work/sync2.out"
grep -q "^batch: 27 items; 0 added, 0 updated, 27 unchanged$" "$work/sync2.out"
grep -q "^changes since $next: 0; next sync: --since $next$" "$work/sync2.out" ||
  { echo "the second sync:"; cat "$work/sync2.out"; exit 1; }

echo "-- pip install examples/python in a virtual environment, offline, as the README says; the library on the system's path"
grep -q "^version = \"$version\"" "$src/examples/python/pyproject.toml" ||
  { echo "examples/python/pyproject.toml does not say version $version"; exit 1; }
mkdir "$work/pysrc" && cp -r "$src/examples/python" "$work/pysrc/"  # pip builds in the source folder: not in ours
(cd "$work/pysrc" && "$python" -m venv --system-site-packages venv &&
   PIP_ROOT_USER_ACTION=ignore venv/bin/pip install --quiet --no-build-isolation --no-index ./python)
venv_package=$(ls -d "$work"/pysrc/venv/lib/python3*/site-packages/oversight)
test ! -e "$venv_package/_library_path.txt"
loaded=$(cd "$work" && env -u OVERSIGHT_LIBRARY -u PYTHONPATH LD_LIBRARY_PATH="$libdir" \
           "$work/pysrc/venv/bin/python" -c "import oversight; print(oversight.library_path())")
[[ $loaded == "$libdir/liboversight_c.so.1" ]] || { echo "the pip-installed package loaded $loaded"; exit 1; }

echo "-- installed CLI"
"$prefix/bin/oversight" --version
test -f "$prefix/share/oversight/rules/england.toml"

echo "install consumers: all passed"
