#!/bin/sh
# plain_eof.sh - input that ends mid-screening exits 65 with no report and the answers kept
# in the journal; the next run offers to resume them and finishes with the same report.
. "$(dirname "$0")/plain_lib.sh"

head -n 5 "$TMP/healthy.in" >"$TMP/first.in"
plain --plain --patient P-EOF --practitioner "Dr Ruiz" <"$TMP/first.in"
[ "$status" -eq 65 ] || fail "end of input: exit status $status, expected 65"
[ ! -e "$REPORTS" ] || [ -z "$(ls "$REPORTS")" ] || fail "a report was written"
grep -q "the input ended before the screening was complete" "$TMP/err" || fail "no message"
[ "$(grep -c '^[0-9]* [0-9a-f]\{8\} set ' "$JOURNALS/P-EOF.journal")" -eq 5 ] || fail "the journal lacks the five answers"

{ echo 1; tail -n +6 "$TMP/healthy.in"; } >"$TMP/rest.in"
plain --plain --patient P-EOF --practitioner "Dr Ruiz" <"$TMP/rest.in"
[ "$status" -eq 0 ] || fail "resumed run: exit status $status"
grep -q "^Unfinished screenings:$" "$TMP/out" || fail "no list of unfinished screenings"
grep -q "^  1\. Patient P-EOF, practitioner Dr Ruiz, .* 5 of ~" "$TMP/out" || fail "no resume offer"
expect_same_report P-EOF "Dr Ruiz"
[ ! -e "$JOURNALS/P-EOF.journal" ] || fail "the journal was kept after saving"

# Empty input before anything was asked: 65 too, and nothing left behind.
rm -rf "$REPORTS"
plain --plain --patient P-EOF --practitioner "Dr Ruiz" </dev/null
[ "$status" -eq 65 ] || fail "empty input: exit status $status, expected 65"
[ ! -e "$REPORTS" ] || fail "a report directory was created"
echo "plain end of input: ok"
