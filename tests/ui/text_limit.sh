#!/bin/sh
# text_limit.sh - a text answer on screen says its bound (the question's max_length) and takes
# no character beyond it: the screen says so, and Enter takes what fits.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
cat >"$UI_TMP/q.yaml" <<'Q'
format: mesoscreen/1
id: text-limit
version: "1.0"
title: Text bound
sections:
  - id: s
    title: Notes
    questions:
      - id: code
        type: text
        text: The room code
        required: true
        max_length: 5
roles:
  - role: single
Q
ui_start -- -q "$UI_TMP/q.yaml" --patient P-TL --practitioner "Dr Ruiz"
ui_wait "The room code"
ui_wait "at most 5 characters"
ui_keys abcdefgh
ui_wait "abcde_"
ui_screen | grep -q "abcdef" && ui_fail "a sixth character was taken"
ui_keys Enter
ui_wait "Review the answers"
ui_wait "abcde"
ui_keys q y
ui_exit_code >/dev/null
echo "text limit: ok"
