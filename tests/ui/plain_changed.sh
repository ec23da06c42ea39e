#!/bin/sh
# plain_changed.sh - resuming after the questionnaire changed says so, keeps the answers that
# are still valid and asks the rest.
. "$(dirname "$0")/plain_lib.sh"

"$MESOSCREEN" show-default >"$TMP/q.yaml"
head -n 5 "$TMP/healthy.in" >"$TMP/first.in"
plain --plain -q "$TMP/q.yaml" --patient P-CHG --practitioner "Dr Ruiz" <"$TMP/first.in"
[ "$status" -eq 65 ] || fail "end of input: exit status $status, expected 65"

# The clinic lowers the age limit: 34 is no longer a valid age, the rest still is.
grep -q "^        max: 120$" "$TMP/q.yaml" || fail "the age limit is not where the test expects it"
sed 's/^        max: 120$/        max: 30/' "$TMP/q.yaml" >"$TMP/q2.yaml"
{ echo 1; echo 29; tail -n +6 "$TMP/healthy.in"; } >"$TMP/rest.in"
plain --plain -q "$TMP/q2.yaml" --patient P-CHG --practitioner "Dr Ruiz" <"$TMP/rest.in"
[ "$status" -eq 0 ] || fail "resumed run: exit status $status"
grep -q "The questionnaire has changed since: the answers still valid are kept (1 no longer valid)" \
    "$TMP/out" || fail "the change was not announced"
grep -q "^2\. .*\[years, 0-30\].*: 29$" "$TMP/out" || fail "the age was not asked again"
grep -q "^3\. " "$TMP/out" && fail "a still valid answer was asked again"
grep -q "How old\|: 29$" "$REPORTS"/*.txt || fail "no report"
echo "plain changed questionnaire: ok"
