#!/usr/bin/env bash
# Oversight's one set-up script (see README "Set-up").
#   bash .ci/setup.sh run    install what is missing, build, run the main job on the sample plan
#   bash .ci/setup.sh test   the same, then every test (plus an ASan+UBSan build of the tests)
# Run as root on Debian 12 (or with the packages below already installed).
set -euo pipefail
mode=${1:-run}
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=$(nproc 2>/dev/null || echo 2)
# Each stage's heading says when it starts (CI's budget: 40 minutes in all).
stage() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }

# --- 1. Debian packages (README "Dependencies" says why each is there) ---------
packages=(build-essential cmake pkg-config python3 python3-icalendar python3-jsonschema
  python3-setuptools python3-venv
  libboost-date-time-dev libboost-test-dev libsqlitecpp-dev libsqlite3-dev
  nlohmann-json3-dev libcli11-dev libcsv-dev libical-dev libtomlplusplus-dev
  libpugixml-dev libzip-dev libssl-dev libxlsxwriter-dev)
# test mode also fuzzes the parsers with libFuzzer, which comes with clang, and
# runs the hostile-input program under valgrind (tests/hostile)
# and looks at reports as people do: HTML and PDF in headless Chromium, the
# PDF's text with pdftotext (poppler-utils), workbooks with openpyxl
if [ "$mode" = test ]; then packages+=(clang libclang-rt-dev sqlite3 valgrind chromium poppler-utils python3-openpyxl); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  stage "installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root to install packages" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- 2. build ---------------------------------------------------------------------
stage "building (build/)"
# Debug information as line tables (-g1, here and in the ASan build): enough
# for stack traces, valgrind and perf, at a fraction of full -g's compile
# time on CI's two cores.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j"$jobs"

# --- 3. the main job: import the bundled sample plan and report on it -----------
stage "main job: import examples/data/sample_plan.txt into build/sample.db and report"
rm -f build/sample.db build/sample.db-wal build/sample.db-shm
./build/examples/oversight import-plan examples/data/sample_plan.txt --report-date 2025-03-14 \
  --title "Improvement plan 2025" --authority "Northbridge City Council" --db build/sample.db
./build/examples/oversight report --db build/sample.db --as-of 2025-06-30 --format text

[ "$mode" = test ] || exit 0

# --- 4. every test ------------------------------------------------------------------
# A failing test's lines of error come again at the very end, where a long log is read.
failures() {  # $1: the build folder
  echo "== failed: the error lines of $1/Testing/Temporary/LastTest.log" >&2
  grep -E "error: in |fatal error|ERROR: AddressSanitizer|runtime error:|Traceback|Error:|^FAIL|^fail|\*\*\*Failed" \
    "$1/Testing/Temporary/LastTest.log" | head -80 >&2 || true
}

stage "tests (ctest)"
ctest --test-dir build --output-on-failure -j"$jobs" | tee build/ctest.log || { failures build; exit 8; }
# Tests and test cases that need the shared real-format data (../shared) are
# skipped, each naming the file, when it is absent; say which: Boost.Test
# preconditions (C++ and C API), Python's unittest.skipUnless, and scripts
# that exit 77 after printing "SKIPPED: ..." (ctest: "***Skipped").
log=build/Testing/Temporary/LastTest.log
skipped=$( { grep -h "is skipped because precondition failed" "$log" |
               sed 's/^.*Test case "\([^"]*\)" is skipped because precondition failed: /  \1: /'
             grep -h " \.\.\. skipped '" "$log" | sed "s/^\(test_[a-z0-9_]*\) .* skipped '\(.*\)'\$/  \1: \2/"
             grep -h "^SKIPPED: " "$log" | sed 's/^/  /'
             grep -E "\*\*\*Skipped" build/ctest.log | sed 's/^ */  ctest: /'; } | sort -u) || true  # no match is not an error
# The folder the build reads it from (tests/CMakeLists.txt: OVERSIGHT_SHARED_DIR).
shared=$(sed -n 's/^OVERSIGHT_SHARED_DIR:PATH=//p' build/CMakeCache.txt)
if [ -z "$skipped" ]; then
  echo "== nothing skipped"
elif [ -d "$shared" ]; then
  # CI has ../shared: a skip there is a test that did not run, never a pass.
  echo "== skipped although $shared is present ($(echo "$skipped" | wc -l)):" >&2
  echo "$skipped" >&2
  exit 1
else
  echo "== skipped ($(echo "$skipped" | wc -l)), because $shared is absent:"
  echo "$skipped"
fi

stage "benchmarks (figures, not pass/fail tests; README \"Benchmarks\")"
./build/tests/bench/oversight_bench_workdays
./build/tests/bench/oversight_bench_ingest
./build/tests/bench/oversight_bench_import_903 10000 30000
./build/tests/bench/oversight_bench_compliance 1000 2000 10000

stage "ASan+UBSan build (clang, build-asan/): the tests, and the libFuzzer targets"
# One build for both, so the library is compiled once more rather than twice:
# -O1 -g1 as ASan advises, assertions on; the library's own code also carries
# libFuzzer's coverage (OVERSIGHT_FUZZ), which the tests do not notice.
# A build-asan/ left by gcc (before this build was clang's) is started afresh.
if [ -f build-asan/CMakeCache.txt ] && ! grep -q "^CMAKE_CXX_COMPILER:.*clang" build-asan/CMakeCache.txt; then
  rm -rf build-asan
fi
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
  -DOVERSIGHT_SANITIZE=ON -DOVERSIGHT_FUZZ=ON -DOVERSIGHT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j"$jobs"
# Python cannot load an ASan-instrumented library without preloading the runtime;
# the binding, the install and the README are covered by the normal build above.
# valgrind and ASan do not mix: the valgrind run of tests/hostile is the normal build's.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "python|install|hostile|crash" ||
  { failures build-asan; exit 8; }

stage "libFuzzer on every parser, 15 s each (tests/fuzz/README.md)"
OVERSIGHT_FUZZ_BUILD=build-asan bash tests/fuzz/run.sh 15
stage "done"
