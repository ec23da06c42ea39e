#!/bin/sh
# plain_pipe.sh - a whole screening through pipes (plain mode chosen automatically): numbers,
# keys and values accepted, the result printed, the report saved and equal to `answer`'s,
# the journal removed, and not one escape sequence written.
. "$(dirname "$0")/plain_lib.sh"

plain --patient P-PIPE --practitioner "Dr Ruiz" <"$TMP/healthy.in"
[ "$status" -eq 0 ] || fail "exit status $status"
grep -q '^1\. .* \[number or value\] / ? help / < back: 1$' "$TMP/out" || fail "no numbered first prompt"
grep -q "Verdict: eligible$" "$TMP/out" || fail "no verdict"
grep -q "^Role: mesotherapy on its own$" "$TMP/out" || fail "no role"
grep -q "^Report saved: $REPORTS/2023-11-14_P-PIPE.txt$" "$TMP/out" || fail "no saved path"
if grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then fail "an escape sequence in plain mode"; fi
[ ! -e "$JOURNAL" ] || fail "the journal was kept after saving"
expect_same_report P-PIPE "Dr Ruiz"

# --plain with no --patient/--practitioner: both asked first (accents kept, controls escaped).
rm -rf "$REPORTS"
{ printf 'P-\033[2J-9\nDra. Núñez\n'; cat "$TMP/healthy.in"; } >"$TMP/asked.in"
plain --plain <"$TMP/asked.in"
[ "$status" -eq 0 ] || fail "exit status $status with the patient asked"
grep -q "^Patient id: P-.x1B\[2J-9$" "$TMP/out" || fail "patient not asked (or not escaped)"
grep -q "^Practitioner: Dra. Núñez$" "$TMP/out" || fail "practitioner not asked"
if grep -q "$(printf '\033')" "$TMP/out"; then fail "the patient's escape sequence was echoed raw"; fi
grep -q "Dra. Núñez" "$REPORTS"/*.txt || fail "the practitioner is not in the report"
echo "plain pipe: ok"
