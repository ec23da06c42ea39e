#!/bin/sh
# plain_pipe.sh - a whole screening through pipes (plain mode chosen automatically): numbers,
# keys and values accepted, the result printed, the report saved and equal to `answer`'s,
# the journal removed, and not one escape sequence written.
. "$(dirname "$0")/plain_lib.sh"

plain --patient P-PIPE --practitioner "Dr Ruiz" <"$TMP/healthy.in"
[ "$status" -eq 0 ] || fail "exit status $status"
grep -q '^1\. .* \[number or value\] / ? help / < back: 1$' "$TMP/out" || fail "no numbered first prompt"
grep -q "Verdict: Eligible$" "$TMP/out" || fail "no verdict in words"
grep -q "^Role: mesotherapy on its own$" "$TMP/out" || fail "no role in words"
grep -q "^Report saved: $REPORTS/2023-11-14_P-PIPE.txt$" "$TMP/out" || fail "no saved path"
if grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then fail "an escape sequence in plain mode"; fi
[ ! -e "$JOURNALS/P-PIPE.journal" ] || fail "the journal was kept after saving"
expect_same_report P-PIPE "Dr Ruiz"

# --plain with no --patient/--practitioner: the start fields asked first, as on the start
# screen: an id with a control character refused (and echoed escaped), a birth date that is
# no day refused, accents kept; the age that disagrees with the birth date is shown and kept
# only when typed again.
rm -rf "$REPORTS"
{
    printf 'P-\033[2J-9\nP-9\nAna Núñez\n1990-02-30\n1990-05-01\ng\nDra. Núñez\n'
    head -n 1 "$TMP/healthy.in"
    echo 34
    cat "$TMP/healthy.in" | tail -n +2
} >"$TMP/asked.in"
plain --plain <"$TMP/asked.in"
[ "$status" -eq 0 ] || fail "exit status $status with the patient asked"
grep -q "^Patient id: P-.x1B\[2J-9$" "$TMP/out" || fail "patient not asked (or not escaped)"
grep -q "^Patient id: a control or invisible character is not allowed\.$" "$TMP/out" || fail "control character not refused"
grep -q "^Patient id: P-9$" "$TMP/out" || fail "patient not asked again"
grep -q "^Patient name: Ana Núñez$" "$TMP/out" || fail "name not asked"
grep -q "^Birth date (YYYY-MM-DD): 1990-02-30$" "$TMP/out" || fail "birth date not asked"
grep -q "^Birth date (YYYY-MM-DD): not a day from 1900 up to today (YYYY-MM-DD)\.$" "$TMP/out" || fail "impossible birth date not refused"
grep -q "^Answered by \[p\]atient / \[g\]uardian / \[i\]nterpreter: g$" "$TMP/out" ||
    fail "who answers not asked"
grep -q "^Practitioner: Dra. Núñez$" "$TMP/out" || fail "practitioner not asked"
md=$(date +%m%d | sed "s/^0*//")
age=$(( $(date +%Y) - 1990 - (md < 501 ? 1 : 0) ))
grep -q "The birth date 1990-05-01 makes the patient $age today, not 34: type 34 again" \
    "$TMP/out" || fail "the age that disagrees with the birth date was not shown"
if grep -q "$(printf '\033')" "$TMP/out"; then fail "the patient's escape sequence was echoed raw"; fi
grep -q "Dra. Núñez" "$REPORTS"/*.txt || fail "the practitioner is not in the report"
echo "plain pipe: ok"
