#!/bin/sh
# plain_invalid.sh - every invalid answer is refused with what is allowed and asked again;
# "?" shows the help, "<" goes back, an empty line keeps the answer shown.
. "$(dirname "$0")/plain_lib.sh"

# sex: "x" (no such answer), then 1; age: "abc", "200", "3.5", then "<" back to sex, empty
# line (keeps female), then 34; pregnant: "?" then "maybe" then n; then the rest; the
# scalp question gets "none 2" (none stands alone) before "none".
printf '%s\n' x 1 abc 200 3.5 "<" "" 34 "?" maybe n n n 1 1 "none 2" none \
    n n n n n n n n n n n y 1 1 none n "" >"$TMP/in"
plain --patient P-INV --practitioner "Dr Ruiz" <"$TMP/in"
[ "$status" -eq 0 ] || fail "exit status $status"
grep -q "Not accepted: 'x' is not one of the answers. Allowed: " "$TMP/out" ||
    fail "x for the sex not refused"
[ "$(grep -c "Not accepted:" "$TMP/out")" -eq 6 ] ||
    fail "expected 6 refusals, got $(grep -c "Not accepted:" "$TMP/out")"
grep -q "Not accepted: .*200.*Allowed: .*0.*120" "$TMP/out" || fail "200 not refused with the range"
grep -q "\[now: female, empty line keeps it\]" "$TMP/out" || fail "going back did not show the answer"
grep -q "Ask even\|pregnan" "$TMP/out" || fail "no help printed"
expect_same_report P-INV "Dr Ruiz"
echo "plain invalid input: ok"
