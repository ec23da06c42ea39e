#!/bin/sh
# more_mark.sh - a question text or help longer than the screen has room for is never cut
# unseen: the screen says there is more.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
long=$(printf 'This question goes on and on, as careful wording sometimes does. %.0s' 1 2 3 4 5 6)
help=$(printf 'Read this slowly and check that every word of it was understood. %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14)
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
ui_wait "[more: the text goes on beyond the screen]"
ui_keys "?"
ui_wait "Read this slowly"
[ "$(ui_screen | grep -c -F "[more: the text goes on beyond the screen]")" -eq 2 ] ||
    ui_fail "the cut help has no more mark"
ui_keys Escape y
ui_exit_code >/dev/null
echo "more mark: ok"
