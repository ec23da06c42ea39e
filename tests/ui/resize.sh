#!/bin/sh
# resize.sh - below 80x24 the screen asks to enlarge the terminal (saying its size); back at
# 80x24 the same question is drawn again from the state, its answer not lost.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

ui_start -- --patient P-SIZE --practitioner "Dr Ruiz"
ui_wait_question sex
ui_keys 1
ui_wait_question age
ui_keys 3
ui_wait "Answer:   3"
tmux -L "$UI_SOCKET" resize-window -t ui -x 30 -y 8
ui_wait "Enlarge the terminal to at"
ui_wait "(now 30x8)"
# Keys are ignored while the screen cannot show their effect.
ui_keys 9
tmux -L "$UI_SOCKET" resize-window -t ui -x 80 -y 24
ui_wait_question age
ui_wait "Answer:   3 "
ui_screen | grep -q "Enlarge" && ui_fail "the enlarge message stayed"
tmux -L "$UI_SOCKET" resize-window -t ui -x 120 -y 40
ui_wait "Question 2 of"
ui_keys 4 Enter
ui_wait_question pregnant
ui_keys q
ui_wait "Quit mesoscreen?"
ui_keys y
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "quitting with the screening kept: exit status $code, expected 130"
echo "resize: ok"
