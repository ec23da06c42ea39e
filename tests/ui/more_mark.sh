#!/bin/sh
# more_mark.sh - a question text or help longer than the screen has room for is never cut
# unseen: the screen says there is more, and PgDn/PgUp scroll it (the help while it shows,
# else the question) to its end and back.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
long="$(printf 'This question goes on and on, as careful wording sometimes does. %.0s' 1 2 3 4 5 6)The last words of the question."
help="$(printf 'Read this slowly and check that every word of it was understood. %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14)The help ends here."
cat >"$UI_TMP/q.yaml" <<Q
format: mesoscreen/1
id: more-mark
version: "1.0"
title: Long texts
sections:
  - id: s
    title: Screen
    questions:
      - id: long
        type: yesno
        text: "$long"
        help: "$help"
roles:
  - role: single
Q
ui_start -- -q "$UI_TMP/q.yaml" --patient P-MORE --practitioner "Dr Ruiz"
ui_wait "This question goes on and on"
ui_wait "[more: PgDn reads on]"
ui_screen | grep -q "The last words" && ui_fail "the whole question fits: no cut to test"
ui_keys NPage
ui_wait "The last words of the question."
ui_wait "[end of the text: PgUp goes back]"
ui_keys PPage PPage
ui_wait "[more: PgDn reads on]"
ui_screen | grep -q "The last words" && ui_fail "PgUp did not scroll back"
ui_wait "This question goes on and on"

# The help: cut, with its own mark; PgDn scrolls it (not the question) to its end.
ui_keys "?"
ui_wait "Read this slowly"
[ "$(ui_screen | grep -c -F "[more: PgDn reads on]")" -eq 2 ] ||
    ui_fail "the cut help has no more mark"
ui_screen | grep -q "The help ends here" && ui_fail "the whole help fits: no cut to test"
i=0
while ! ui_screen | grep -q -F "[end of the text: PgUp goes back]" && [ $i -lt 20 ]; do
    ui_keys NPage
    sleep 0.2
    i=$((i + 1))
done
ui_wait "[end of the text: PgUp goes back]"
ui_screen | grep -q "The last words of the question" && ui_fail "PgDn scrolled the question too"
ui_wait "Keys: y yes" # the help box ends with the keys explained
ui_screen | grep -q "Read this slowly and check that every word of it was understood. Read" &&
    ui_fail "the help did not scroll"

# The help hidden: PgDn is the question's again.
ui_keys "?"
ui_wait "[more: PgDn reads on]"
ui_keys NPage
ui_wait "The last words of the question."
ui_keys Escape y
ui_exit_code >/dev/null
echo "more mark: ok"
