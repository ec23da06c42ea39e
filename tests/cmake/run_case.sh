#!/bin/sh
# run_case.sh MESOSCREEN CASE.yaml CASE.expect - runs one case of tests/cases through
# `mesoscreen answer --format json` and compares it with CASE.expect, which holds either
#   eligibility: E / role: R / findings: ID ... (any order; empty when none)
# or `exit: CODE` for answers that must be refused (no report on stdout then). Either may
# add `stderr-contains: TEXT`; without it a successful run must print nothing on stderr. A
# success may also list `recommendations: ID ...` (any order), compared when present.
set -u
bin=$1 answers=$2 expect=$3
name=$(basename "$answers" .yaml)

fail() {
    echo "case $name: $*" >&2
    if [ -s "$err" ]; then
        echo "--- stderr:" >&2
        cat "$err" >&2
    fi
    exit 1
}

[ -r "$expect" ] || { echo "case $name: no $expect" >&2; exit 1; }
out=$(mktemp) || exit 1
err=$(mktemp) || exit 1
trap 'rm -f "$out" "$err"' EXIT

# The value of "KEY: value" in the expect file; empty when absent.
field() {
    sed -n "s/^$1:[[:space:]]*//p" "$expect" | head -n 1 | sed 's/[[:space:]]*$//'
}
# Words sorted one per line, as one line.
sorted() {
    printf '%s\n' "$1" | tr -s ' \t' '\n\n' | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' |
        sed 's/ $//'
}

SOURCE_DATE_EPOCH=0 "$bin" answer --answers "$answers" --format json >"$out" 2>"$err"
rc=$?

want_stderr=$(field stderr-contains)
if [ -n "$want_stderr" ]; then
    grep -F -q -- "$want_stderr" "$err" || fail "stderr lacks: $want_stderr"
fi

want_exit=$(field exit)
if [ -n "$want_exit" ]; then
    [ "$rc" -eq "$want_exit" ] || fail "exit $rc, expected $want_exit"
    [ ! -s "$out" ] || fail "a refused answers file still wrote a report"
    exit 0
fi

[ "$rc" -eq 0 ] || fail "exit $rc, expected 0"
[ -n "$want_stderr" ] || [ ! -s "$err" ] || fail "unexpected diagnostics"
grep -q '^eligibility:' "$expect" && grep -q '^role:' "$expect" &&
    grep -q '^findings:' "$expect" || fail "$expect needs eligibility, role and findings lines"

got_elig=$(jq -r '.eligibility' "$out") || fail "the report is not JSON"
got_role=$(jq -r '.role' "$out")
got_findings=$(jq -r '[.findings[].id] | join(" ")' "$out")
untraced=$(jq -r '[.findings[] | select((.because | length) == 0) | .id] | join(" ")' "$out")

[ "$got_elig" = "$(field eligibility)" ] ||
    fail "eligibility $got_elig, expected $(field eligibility)"
[ "$got_role" = "$(field role)" ] || fail "role $got_role, expected $(field role)"
[ "$(sorted "$got_findings")" = "$(sorted "$(field findings)")" ] ||
    fail "findings '$(sorted "$got_findings")', expected '$(sorted "$(field findings)")'"
[ -z "$untraced" ] || fail "findings without the answers behind them: $untraced"
if grep -q '^recommendations:' "$expect"; then
    got_recs=$(jq -r '[.recommendations[].id] | join(" ")' "$out")
    [ "$(sorted "$got_recs")" = "$(sorted "$(field recommendations)")" ] ||
        fail "recommendations '$(sorted "$got_recs")', expected '$(sorted "$(field recommendations)")'"
fi
exit 0
