#!/bin/sh
# signals.sh - every signal that would end the program (Ctrl-\ included) ends the screening
# the way Ctrl-C does: exit 130, the terminal exactly as before (`stty -a` the same), the
# journal kept. A crash signal restores the terminal too, and the program dies of it.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy/P-SIG.journal"

# sig_start: ui_start, with the terminal's modes written before and after the program
# (stty.N.before, stty.N.after, N the run) by the shell of the pane itself.
sig_start() {
    stty_file="$UI_TMP/stty.$((UI_RUNS + 1))"
    UI_PANE_BEFORE="stty -a > '$stty_file.before'"
    UI_PANE_AFTER="stty -a > '$stty_file.after'"
    ui_start -- --patient P-SIG --practitioner "Dr Ruiz"
    UI_PANE_BEFORE= UI_PANE_AFTER=
}

# sig_case SIGNAL WANT: a screening with one answer gets SIGNAL; WANT is 130 or "died".
sig_case() {
    rm -rf "$XDG_STATE_HOME"
    sig_start
    ui_wait_question sex
    ui_keys 2
    ui_wait_question age
    if [ "$1" = KEY ]; then
        ui_keys 'C-\'
    else
        kill -"$1" "$(ui_pid)"
    fi
    code=$(ui_exit_code)
    if [ "$2" = 130 ]; then
        [ "$code" = 130 ] || ui_fail "$1: exit status $code, expected 130"
    else
        [ "$code" != 0 ] && [ "$code" != 130 ] || ui_fail "$1: exit status $code, expected a crash"
    fi
    cmp -s "$stty_file.before" "$stty_file.after" || {
        diff "$stty_file.before" "$stty_file.after" >&2 || true
        ui_fail "$1: the terminal's modes differ after the program"
    }
    grep -q " set sex male$" "$journal" || ui_fail "$1: the journal lost the answer"
    echo "  $1: ok"
}

# By number where the shell's kill has no name: 29 SIGPOLL, 30 SIGPWR, 34 and 64 the first and
# last real-time signals (Linux).
for sig in KEY QUIT USR1 USR2 PIPE ALRM TERM HUP INT VTALRM PROF XCPU 29 30 34 64; do
    sig_case "$sig" 130
done
for sig in SEGV ABRT BUS; do
    sig_case "$sig" died
done
echo "signals: ok"
