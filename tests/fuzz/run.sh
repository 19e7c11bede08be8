#!/usr/bin/env bash
# Fuzz the parsers with libFuzzer (clang, ASan + UBSan), two targets at a time.
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]   default: 30 s each, every target
#
# Builds the targets in build-fuzz/ with Debian's clang (-DOVERSIGHT_FUZZ=ON),
# or in the folder OVERSIGHT_FUZZ_BUILD names (relative to the project's root),
# which is used as it is when already configured with OVERSIGHT_FUZZ on (CI's
# build-asan/). Then runs each target for SECONDS on a temporary copy of
# tests/fuzz/corpus/TARGET (plus the project's real-format files and, when
# present, the shared folder's), so no generated input lands in the source
# tree. Every sanitizer report, crash, leak, timeout or out-of-memory is
# fatal: the script exits 1 and prints where libFuzzer saved the input
# (<build>/fuzz-findings/TARGET/). README.md here says how to turn such an
# input into a regression input.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"

# The targets are the fuzz_<name>.cpp files (CMakeLists.txt globs the same).
all=()
for f in tests/fuzz/fuzz_*.cpp; do n=${f##*/fuzz_}; all+=("${n%.cpp}"); done
seconds=${1:-30}
[ $# -gt 0 ] && shift
case "$seconds" in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...] (targets: ${all[*]})" >&2; exit 2 ;; esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "unknown target '$t' (targets: ${all[*]})" >&2; exit 2; }
done

build=${OVERSIGHT_FUZZ_BUILD:-build-fuzz}
case $build in /*) ;; *) build=$here/$build ;; esac
shared=${OVERSIGHT_SHARED_DIR:-$here/../shared}
findings=$build/fuzz-findings
start=$(date +%s)

# --- build -----------------------------------------------------------------------
# A build already configured with OVERSIGHT_FUZZ=ON is used as it is: CI's
# ASan+UBSan build (.ci/setup.sh, build-asan/) is one, so the library is
# compiled once for its tests and for the fuzzers.
if grep -qiE "^OVERSIGHT_FUZZ:BOOL=(on|1|true|yes|y)$" "$build/CMakeCache.txt" 2>/dev/null; then
  echo "== building the libFuzzer targets ($build/, configured already)"
else
  echo "== building the libFuzzer targets ($build/, clang)"
  # -O1 -g1: what ASan advises, and line tables for its reports.
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DOVERSIGHT_FUZZ=ON \
    -DOVERSIGHT_BUILD_BENCHMARKS=OFF -DOVERSIGHT_INSTALL=OFF \
    "-DOVERSIGHT_SHARED_DIR=$shared" >/dev/null
fi
cmake --build "$build" -j2 --target "${targets[@]/#/oversight_fuzz_}"
built=$(date +%s)

# --- a temporary corpus per target: the committed one plus real-format files -----
work=$(mktemp -d "${TMPDIR:-/tmp}/oversight-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One SSDA903 input from a folder: the first 40 lines of each table, joined
# by the separator line that fuzz_ssda903.cpp splits on.
join903() {
  local dir=$1 out=$2 f first=1
  for f in header episodes reviews; do [ -f "$dir/$f.csv" ] || return 0; done
  for f in header episodes reviews; do
    [ $first = 1 ] || echo "----"
    first=0
    head -n 40 "$dir/$f.csv"
  done >"$out"
}

seed_corpus() {
  local t=$1 dir=$work/$t/corpus
  mkdir -p "$dir" "$findings/$t"
  cp tests/fuzz/corpus/"$t"/* "$dir"/
  case $t in
    seed_plan)
      cp examples/data/sample_plan.txt "$dir/real-sample_plan.txt"
      [ -f "$shared/seed/000_34f8af1d34ad7c07.txt" ] && cp "$shared/seed/000_34f8af1d34ad7c07.txt" "$dir/real-seed.txt" ;;
    rule_pack) for f in data/rules/*.toml; do cp "$f" "$dir/real-$(basename "$f")"; done ;;
    supervision_standard) for f in data/supervision/*.toml; do cp "$f" "$dir/real-$(basename "$f")"; done ;;
    school_calendar) cp tests/data/calendar_school.toml "$dir/real-calendar_school.toml" ;;
    gov_uk_calendar) cp tests/data/calendar_bank_holidays.json "$dir/real-bank_holidays.json" ;;
    ssda903)
      join903 tests/data/casework_903_bad "$dir/real-casework_903_bad.txt"
      join903 "$shared/data/ssda903" "$dir/real-shared-ssda903.txt" ;;
    csv_reader)  # the first 40 lines of each table, as for ssda903
      for f in tests/data/casework_903_bad/*.csv tests/data/ssda903_sample/*.csv "$shared"/data/ssda903/*.csv; do
        [ -f "$f" ] && head -n 40 "$f" >"$dir/real-$(basename "$(dirname "$f")")-$(basename "$f")"
      done ;;
    xml_reader)
      for f in "$shared"/data/cin_census/*.x* "$shared"/data/workforce/*.x*; do
        [ -f "$f" ] && cp "$f" "$dir/real-$(basename "$f")"
      done ;;
    cin_census)
      for f in tests/data/cin_census_sample/*.xml "$shared"/data/cin_census/*.xml; do
        [ -f "$f" ] && cp "$f" "$dir/real-$(basename "$f")"
      done ;;
    xlsx_reader) [ -f "$shared/data/annex_a/Annex_A.xlsx" ] && cp "$shared/data/annex_a/Annex_A.xlsx" "$dir/real-Annex_A.xlsx" ;;
    annex_a)
      for f in tests/data/annex_a_sample/*.xlsx; do cp "$f" "$dir/fixture-$(basename "$f")"; done
      [ -f "$shared/data/annex_a/Annex_A.xlsx" ] && cp "$shared/data/annex_a/Annex_A.xlsx" "$dir/real-Annex_A.xlsx" ;;
    csww)
      for f in tests/data/csww_sample/*.xml; do cp "$f" "$dir/fixture-$(basename "$f")"; done
      f=$shared/data/workforce/social_work_workforce_2022.xml
      [ -f "$f" ] && cp "$f" "$dir/real-$(basename "$f")" ;;
  esac
  return 0
}

max_len() {
  case $1 in
    cost|duration) echo 256 ;;
    school_calendar|gov_uk_calendar|rule_pack|ssda903) echo 4096 ;;
    xml_reader|csww) echo 20480 ;;  # the workforce census (18 KB) whole
    plan_file) echo 24576 ;;    # the sample plan's canonical JSON (22 KB) whole
    xlsx_reader|annex_a) echo 32768 ;;  # Annex A (27 KB) whole: a zip cut short is only an error
    *) echo 8192 ;;
  esac
}

# Every report is fatal; leaks are reported at exit of each input's run.
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:symbolize=1

run_one() {
  local t=$1 dir=$work/$t log=$work/$t/log
  local dict=tests/fuzz/dict/$t.dict args=()
  [ -f "$dict" ] && args+=("-dict=$dict")
  if "$build/tests/fuzz/oversight_fuzz_$t" "${args[@]}" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$(max_len "$t")" -print_final_stats=1 \
       -artifact_prefix="$findings/$t/" "$dir/corpus" >"$log" 2>&1; then
    echo ok >"$dir/status"
  else
    echo FAILED >"$dir/status"
  fi
}

echo "== fuzzing ${#targets[@]} target(s) for ${seconds} s each, two at a time"
for t in "${targets[@]}"; do seed_corpus "$t"; done
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

# --- report -----------------------------------------------------------------------
failed=0
printf '%-16s %-7s %10s %8s %7s\n' target status execs exec/s corpus
for t in "${targets[@]}"; do
  log=$work/$t/log
  status=$(cat "$work/$t/status" 2>/dev/null || echo FAILED)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' "$log" | tail -n1)
  units=$(find "$work/$t/corpus" -type f | wc -l)
  printf '%-16s %-7s %10s %8s %7s\n' "$t" "$status" "${execs:-?}" "${rate:-?}" "$units"
  if [ "$status" != ok ]; then
    failed=1
    echo "---- $t: last lines of the libFuzzer log"
    tail -n 40 "$log" | sed 's/^/    /'
    grep -h -o "Test unit written to .*" "$log" | sed "s/^/    /" || true
    echo "---- the failing input is kept in $findings/$t/ (see tests/fuzz/README.md)"
  fi
done
echo "== fuzz stage: $(( $(date +%s) - start )) s in all ($(( built - start )) s building)"
exit $failed
