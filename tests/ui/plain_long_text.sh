#!/bin/sh
# plain_long_text.sh - a text answer is bounded (the question's max_length, 4000 characters
# by default) in plain mode as on screen: the prompt says so, a 5 MB note is refused and
# asked again, and the screening goes on to the same report.
. "$(dirname "$0")/plain_lib.sh"

# The healthy screening with a 5,000,000-character note typed first at the notes prompt,
# then an empty line (no note).
sed '$d' "$TMP/healthy.in" >"$TMP/in"
head -c 5000000 /dev/zero | tr '\0' a >>"$TMP/in"
printf '\n\n' >>"$TMP/in"
plain --patient P-LONG --practitioner "Dr Ruiz" <"$TMP/in"
[ "$status" -eq 0 ] || fail "exit status $status"
grep -q "\[text, or an empty line for none\] (at most 4000 characters)" "$TMP/out" ||
    fail "the notes prompt does not say its bound"
grep -q "Not accepted: the answer to 'notes' is longer than 4000 characters" "$TMP/out" ||
    fail "the 5 MB note was not refused"
expect_same_report P-LONG "Dr Ruiz"
echo "plain long text: ok"
