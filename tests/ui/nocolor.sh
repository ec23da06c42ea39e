#!/bin/sh
# nocolor.sh - colours by default, none with NO_COLOR (the verdict then stands out in reverse
# video), and the same text either way.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

# result_screen ENV...: runs an undiagnosed screening to the result; leaves the screen with
# its escape sequences in $UI_TMP/screen.
result_screen() {
    ui_start "$@" -- --patient P-COL --practitioner "Dr Ruiz"
    ui_wait "[sex]"
    ui_keys 2 4 0 n 1 1 1 n n n n n n n n n n n
    ui_wait "[diagnosis_done]"
    ui_keys n
    ui_wait "[notes]"
    ui_keys Enter
    ui_wait "Review the answers"
    ui_keys Enter
    ui_wait "Verdict: refer_for_diagnosis"
    tmux -L "$UI_SOCKET" capture-pane -e -p -t ui >"$UI_TMP/screen"
    ui_keys s
    ui_wait "Report saved:"
    ui_keys q y
    [ "$(ui_exit_code)" = 0 ] || ui_fail "exit status after saving"
}

# An SGR sequence setting a foreground colour: ESC [ ... 3N (N 0-8; 39 is the default) or 38;... m
esc=$(printf '\033')
result_screen
grep -q "${esc}\[[0-9;]*3[0-8][;m]" "$UI_TMP/screen" ||
    ui_fail "no colour on the result screen by default"
result_screen NO_COLOR=1
grep -q "${esc}\[[0-9;]*3[0-8][;m]" "$UI_TMP/screen" &&
    ui_fail "colour on the result screen with NO_COLOR"
grep -q "${esc}\[[0-9;]*7[;m]" "$UI_TMP/screen" ||
    ui_fail "no reverse video for the verdict with NO_COLOR"
grep -q "Verdict: refer_for_diagnosis" "$UI_TMP/screen" || ui_fail "no verdict text"
echo "NO_COLOR: ok"
