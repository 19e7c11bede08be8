#!/usr/bin/env bash
# End-to-end: `oversight rules` and `oversight due RULE`.
set -euo pipefail

cli=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
project=${OVERSIGHT_PROJECT_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "deadlines.sh: $*" >&2; exit 1; }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: expected '$2', got '$1'"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not in output: $1"; }

# --- rules: the default pack --------------------------------------------------
out=$("$cli" rules)
expect_in "$out" "ID" "rules header"
line=$(grep '^lac.review.first ' <<<"$out") || fail "lac.review.first not listed"
expect_in "$line" "20 working days" "review duration"
expect_in "$line" "confirmed" "review status"
expect_in "$line" "england" "review layer"
expect_in "$line" "CPPCR 2010 reg 33(1)" "review source"
line=$(grep '^lac.placement_plan ' <<<"$out") || fail "lac.placement_plan not listed"
expect_in "$line" "unconfirmed" "placement plan status"
grep -q '^cp.visit ' <<<"$out" && fail "CP visits must not be in the national pack"
# A duty enacted but not in force is listed, and says so; a maximum duration reads "at most".
line=$(grep '^pre_proceedings.fgdm_offer ' <<<"$out") || fail "the pending FGDM precondition is not listed"
expect_in "$line" "(commencement pending)" "pending rule marker"
line=$(grep '^court.epo.duration ' <<<"$out") || fail "court.epo.duration not listed"
expect_in "$line" "at most 8 days" "max_duration column"
"$cli" rules --help | grep -q -- "--pack" || fail "rules --help does not mention --pack"

# --- rules with a local pack layered over it ----------------------------------
cat > local.toml <<'TOML'
name = "testshire"
disable = ["lac.visit.after_year1"]

[[rule]]
id = "lac.review.first"
title = "First review (Testshire: 15 working days)"
kind = "within"
trigger = "became_looked_after"
satisfied_by = ["review"]
duration = "15 working days"
source = "Testshire procedures 4.2"
status = "local"

[[rule]]
id = "cp.visit"
title = "Child protection visits"
kind = "interval"
trigger = "icpc"
satisfied_by = ["visit"]
duration = "10 working days"
source = "Testshire procedures 5.1"
status = "local"
TOML
out=$("$cli" rules --pack local.toml)
line=$(grep '^lac.review.first ' <<<"$out") || fail "overridden rule not listed"
expect_in "$line" "15 working days" "local duration"
expect_in "$line" "testshire" "local layer"
expect_in "$line" "Testshire procedures 4.2" "local source"
line=$(grep '^cp.visit ' <<<"$out") || fail "added rule not listed"
expect_in "$line" "testshire" "added rule layer"
line=$(grep '^lac.visit.after_year1 ' <<<"$out") || fail "disabled rule not listed"
expect_in "$line" "(disabled)" "disabled marker"
line=$(grep '^lac.care_plan ' <<<"$out") || fail "care plan not listed"
expect_in "$line" "england" "untouched rule layer"

out=$("$cli" rules --pack "$project/data/rules/example-local.toml" --area child_protection)
expect_in "$out" "example-local" "example pack layer"
# A pack from a pipe (process substitution, /dev/stdin) reads like a file.
out=$("$cli" rules --pack <(cat "$project/data/rules/example-local.toml") --area child_protection)
expect_in "$out" "example-local" "pack from a pipe"
out=$("$cli" rules --pack /dev/stdin --area child_protection < "$project/data/rules/example-local.toml")
expect_in "$out" "example-local" "pack from /dev/stdin"
# A folder is an error naming it.
if err=$("$cli" rules --pack "$project/data/rules" 2>&1); then fail "a folder was accepted as a pack"; fi
expect_in "$err" "it is a directory" "folder as a pack"
grep -q '^lac\.' <<<"$out" && fail "--area child_protection listed looked-after rules"

# --- due RULE -------------------------------------------------------------------
# Fri 2012-08-24 + 20 working days, Mon 27 Aug a bank holiday: Mon 2012-09-24.
out=$("$cli" due lac.review.first --from 2012-08-24)
expect_eq "$out" "2012-09-24" "due lac.review.first"
# Strategy discussion Fri 2012-12-14 + 15 working days over Christmas: 2013-01-09.
expect_eq "$("$cli" due cp.icpc --from 2012-12-14)" "2013-01-09" "due cp.icpc"
# The local pack: 15 working days -> Mon 2012-09-17.
expect_eq "$("$cli" due lac.review.first --from 2012-08-24 --pack local.toml)" "2012-09-17" "due with --pack"

out=$("$cli" due cp.icpc --from 2012-12-14 --explain)
expect_eq "$(head -n1 <<<"$out")" "2013-01-09" "explain first line"
expect_in "$out" "Christmas Day (Tue 2012-12-25)" "explain names Christmas"
expect_in "$out" "Boxing Day (Wed 2012-12-26)" "explain names Boxing Day"
expect_in "$out" "day 0" "explain gives the day-0 convention"
expect_in "$out" "layer: england" "explain gives the layer"
out=$("$cli" due lac.review.first --from 2012-08-24 --explain --pack local.toml)
expect_in "$out" "layer: testshire" "explain with local layer"

# --- bad input: exit 1 with the reason ------------------------------------------
if "$cli" due no.such.rule --from 2012-08-24 >out.txt 2>err.txt; then fail "unknown rule accepted"; fi
expect_in "$(cat err.txt)" "no.such.rule" "unknown rule reason"
[[ ! -s out.txt ]] || fail "unknown rule printed to stdout"
if "$cli" due cp.icpc --from 2012-02-30 2>err.txt; then fail "bad date accepted"; fi
expect_in "$(cat err.txt)" "2012-02-30" "bad date reason"
if "$cli" due cp.icpc 2>err.txt; then fail "missing --from accepted"; fi
expect_in "$(cat err.txt)" "--from" "missing --from reason"
if "$cli" due assessment.single --from 2012-01-02 2>err.txt; then fail "rule outside its era accepted"; fi
expect_in "$(cat err.txt)" "2013-04-15" "era reason"
printf 'name = "x"\n[[rule]]\nid = "a.b"\ntitel = "typo"\n' > typo.toml
if "$cli" rules --pack typo.toml 2>err.txt; then fail "typo in pack accepted"; fi
expect_in "$(cat err.txt)" "titel" "typo reason"
expect_in "$(cat err.txt)" "a.b" "typo names rule"
if "$cli" rules --pack missing.toml 2>err.txt; then fail "missing pack accepted"; fi
expect_in "$(cat err.txt)" "missing.toml" "missing pack reason"

echo "deadlines.sh: ok"
