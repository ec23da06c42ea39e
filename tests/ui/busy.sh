#!/bin/sh
# busy.sh - a second screening of the same patient while the first runs: it is told, may look
# at the answers so far (read-only), and may wait; once the first ends, it goes on and is
# offered the screening to resume. The same when the patient id is typed at the start screen
# rather than given with --patient.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

# busy_start N [OPTIONS]: mesoscreen in its own tmux server "mesoscreen-test-$$-busy-N",
# leaving any other running; OPTIONS default to --patient P-BUSY --practitioner 'Dr Ruiz'.
busy_start() {
    options=${2:-"--patient P-BUSY --practitioner 'Dr Ruiz'"}
    sock="mesoscreen-test-$$-busy-$1"
    run="$UI_TMP/busy.$1.sh"
    {
        echo "#!/bin/sh"
        echo "export XDG_STATE_HOME='$XDG_STATE_HOME' SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
        echo "export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC TERM=tmux-256color"
        echo "echo \$\$ > '$UI_TMP/pid.busy.$1'"
        echo "exec '$MESOSCREEN' --report-dir '$REPORTS' $options"
    } >"$run"
    tmux -L "$sock" -f /dev/null new-session -d -s ui -x 80 -y 24 \
        "sh '$run'; echo \$? > '$UI_TMP/exit.busy.$1'; exec sleep 3600"
    tmux -L "$sock" set-option -t ui status off >/dev/null
}
busy_cleanup() {
    for n in 1 2 3; do
        tmux -L "mesoscreen-test-$$-busy-$n" kill-server >/dev/null 2>&1 || true
        [ -s "$UI_TMP/pid.busy.$n" ] && kill -9 "$(cat "$UI_TMP/pid.busy.$n")" 2>/dev/null || true
    done
    ui_cleanup
}
trap busy_cleanup EXIT

busy_start 1
UI_SOCKET="mesoscreen-test-$$-busy-1"
ui_wait_question sex
ui_keys 2
ui_wait_question age

busy_start 2
UI_SOCKET="mesoscreen-test-$$-busy-2"
ui_wait "is in use: another mesoscreen is running this screening"
ui_wait "[v]iew its answers (read-only)"
ui_keys v Enter
ui_wait "What is your sex?  Male"
ui_keys w Enter
ui_wait "Waiting for the other screening to end"

# The first screening quits (its answers kept): the second goes on, offered the resume.
UI_SOCKET="mesoscreen-test-$$-busy-1"
ui_keys q y
UI_SOCKET="mesoscreen-test-$$-busy-2"
ui_wait "Unfinished screenings"
ui_wait "P-BUSY"

# The second resumes it; a third, told only the practitioner, gets the patient id typed at
# its start screen: it is told the same and offered the same.
ui_keys r
ui_wait_question age
busy_start 3 "--practitioner 'Dr Ruiz'"
UI_SOCKET="mesoscreen-test-$$-busy-3"
ui_wait "New screening"
ui_keys "P-BUSY" Enter
ui_wait "is in use: another mesoscreen is running this screening"
ui_wait "[v]iew its answers (read-only)"
ui_keys v Enter
ui_wait "What is your sex?  Male"
ui_keys q Enter
ui_wait_file "$UI_TMP/exit.busy.3"
[ "$(cat "$UI_TMP/exit.busy.3")" = 73 ] || ui_fail "quit at the busy offer: exit $(cat "$UI_TMP/exit.busy.3")"
# Plain prompts from a pipe: told, nothing to offer without a terminal, exit 73.
code=0
printf 'P-BUSY\n\n\n\n\n\n' | XDG_STATE_HOME="$XDG_STATE_HOME" "$MESOSCREEN" --plain \
    --report-dir "$REPORTS" --practitioner "Dr Ruiz" >"$UI_TMP/plain.out" 2>"$UI_TMP/plain.err" ||
    code=$?
[ "$code" = 73 ] || ui_fail "plain, patient typed while busy: exit $code"
grep -q "is in use: another mesoscreen is running this screening" "$UI_TMP/plain.err" ||
    ui_fail "plain, patient typed while busy: not told ($(cat "$UI_TMP/plain.err"))"
echo "busy screening: ok"
