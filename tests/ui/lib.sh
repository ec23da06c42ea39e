# lib.sh - sourced by the terminal tests: runs mesoscreen in a real terminal (a detached tmux
# session with its own server socket, 80x24), sends keys, and polls the screen for text with
# a bounded wait (never a fixed sleep as an assertion). POSIX sh.
#
#   . lib.sh; ui_init MESOSCREEN_BINARY
#   ui_start [ENV=VALUE ...] -- [mesoscreen arguments]   start (or restart) the program
#   ui_wait TEXT [SECONDS]      wait until TEXT is on the screen, else fail
#   ui_wait_question ID         wait until question ID is on the screen (by its text: the
#                               screens show no ids), in $UI_LANG (default en) of
#                               $UI_QUESTIONNAIRE (default the built-in questionnaire)
#   ui_keys KEY...              tmux send-keys (key names such as Enter, or literal text)
#   ui_exit_code [SECONDS]      wait for the program to end; prints its exit status
#   ui_fail MESSAGE             print the screen and fail

set -eu

ui_init() {
    MESOSCREEN=$1
    UI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-ui.XXXXXX")
    UI_SOCKET=none
    # tmux's sockets go in the test's own directory, removed with it.
    TMUX_TMPDIR="$UI_TMP"
    export TMUX_TMPDIR
    XDG_STATE_HOME="$UI_TMP/state"
    REPORTS="$UI_TMP/reports"
    UI_RUNS=0
    export XDG_STATE_HOME
    # Reports with a fixed timestamp, so that two runs can be compared byte for byte.
    SOURCE_DATE_EPOCH=1700000000
    LC_ALL=C.UTF-8
    TZ=UTC
    export SOURCE_DATE_EPOCH LC_ALL TZ
    unset NO_COLOR MESOSCREEN_REPORT_DIR || true
    trap ui_cleanup EXIT
    trap 'exit 1' INT TERM
}

ui_cleanup() {
    i=1
    while [ "$i" -le "$UI_RUNS" ]; do
        tmux -L "mesoscreen-test-$$-$i" kill-server >/dev/null 2>&1 || true
        i=$((i + 1))
    done
    # No program outlives its test: one that has not ended by now (under LeakSanitizer, the
    # exit-time leak check can stall once its terminal is gone) is stopped here.
    sleep 1
    i=1
    while [ "$i" -le "$UI_RUNS" ]; do
        if [ -s "$UI_TMP/pid.$i" ]; then
            pid=$(cat "$UI_TMP/pid.$i")
            if kill -0 "$pid" 2>/dev/null && grep -q mesoscreen "/proc/$pid/cmdline" 2>/dev/null; then
                kill -9 "$pid" 2>/dev/null || true
            fi
        fi
        i=$((i + 1))
    done
    rm -rf "$UI_TMP"
}

ui_fail() {
    echo "FAIL: $*" >&2
    echo "---- screen ----" >&2
    tmux -L "$UI_SOCKET" capture-pane -p -t ui >&2 2>/dev/null || true
    echo "----------------" >&2
    exit 1
}

# Starts mesoscreen in a fresh 80x24 window, on a tmux server of its own; the earlier run's
# server is closed first. UI_PANE_BEFORE and UI_PANE_AFTER, when set, are shell commands the
# pane runs right before the program and right after it (before its exit status shows).
ui_start() {
    tmux -L "$UI_SOCKET" kill-server >/dev/null 2>&1 || true
    UI_RUNS=$((UI_RUNS + 1))
    UI_SOCKET="mesoscreen-test-$$-$UI_RUNS"
    UI_EXIT="$UI_TMP/exit.$UI_RUNS"
    UI_PID="$UI_TMP/pid.$UI_RUNS"
    run="$UI_TMP/run.$UI_RUNS.sh"
    {
        echo "#!/bin/sh"
        echo "export XDG_STATE_HOME='$XDG_STATE_HOME'"
        # An empty SOURCE_DATE_EPOCH: reports carry the real time.
        if [ -n "$SOURCE_DATE_EPOCH" ]; then
            echo "export SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
        else
            echo "unset SOURCE_DATE_EPOCH"
        fi
        echo "export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC TERM=tmux-256color"
        while [ $# -gt 0 ] && [ "$1" != "--" ]; do
            printf "export %s\n" "$(ui_quote "$1")"
            shift
        done
        [ $# -gt 0 ] && shift
        printf 'echo $$ > %s\n' "$UI_PID"
        printf "%s" "exec '$MESOSCREEN' --report-dir '$REPORTS'"
        for a in "$@"; do printf " %s" "$(ui_quote "$a")"; done
        echo
    } >"$run"
    # The pane stays after the program ends so that its last screen and status can be read.
    tmux -L "$UI_SOCKET" -f /dev/null new-session -d -s ui -x 80 -y 24 \
        "${UI_PANE_BEFORE:+$UI_PANE_BEFORE; }sh '$run'; echo \$? > '$UI_EXIT.tmp'; ${UI_PANE_AFTER:+$UI_PANE_AFTER; }mv '$UI_EXIT.tmp' '$UI_EXIT'; exec sleep 3600"
    tmux -L "$UI_SOCKET" set-option -t ui status off >/dev/null
    tmux -L "$UI_SOCKET" resize-window -t ui -x 80 -y 24 >/dev/null 2>&1 || true
}

# Single-quotes a word for sh.
ui_quote() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

ui_screen() {
    tmux -L "$UI_SOCKET" capture-pane -p -t ui
}

ui_wait() {
    text=$1
    limit=$(( ${2:-30} * 10 ))
    i=0
    while [ $i -lt $limit ]; do
        if ui_screen | grep -F -q -- "$text"; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    ui_fail "timed out waiting for '$text'"
}

# The start of question ID's text in $UI_LANG of $UI_QUESTIONNAIRE (or the built-in one): its
# first words, at least 20 characters, as the question screen shows them on its first line.
ui_question_text() {
    src=${UI_QUESTIONNAIRE:-}
    if [ -z "$src" ]; then
        src="$UI_TMP/builtin.yaml"
        [ -s "$src" ] || "$MESOSCREEN" show-default >"$src"
    fi
    awk -v id="$1" -v lang="${UI_LANG:-en}" '
    function out(t,   n, w, i, r) {
        sub(/^[ \t]+/, "", t); sub(/[ \t]+$/, "", t)
        if (t ~ /^".*"$/) t = substr(t, 2, length(t) - 2)
        n = split(t, w, " "); r = w[1]
        for (i = 2; i <= n && length(r) < 20; i++) r = r " " w[i]
        print r; done = 1; exit
    }
    state == 0 && $0 ~ "^[ \t]*- id: *" id "[ \t]*$" { state = 1; next }
    state == 1 && /^[ \t]*text:/ {
        t = $0; sub(/^[ \t]*text:[ \t]*/, "", t)
        if (t == "") { state = 2; next }
        if (t !~ /^\{/) out(t)
        i = index(t, lang ": "); if (!i) i = index(t, "en: ")
        t = substr(t, i + index(substr(t, i), " "))
        if (t ~ /^"/) { t = substr(t, 2); t = substr(t, 1, index(t, "\"") - 1) } else sub(/[,}].*/, "", t)
        out(t)
    }
    state == 2 && $0 ~ "^[ \t]*" lang ":" {
        t = $0; sub("^[ \t]*" lang ":[ \t]*", "", t)
        if (t == ">-" || t == ">" || t == "|") { state = 3; next }
        out(t)
    }
    state == 3 { out($0) }
    END { if (!done) exit 1 }' "$src" || ui_fail "no question '$1' in ${UI_QUESTIONNAIRE:-the built-in questionnaire}"
}

ui_wait_question() {
    ui_wait "$(ui_question_text "$1")" "${2:-30}"
}

# Waits for question ID, then sends KEYS... (the screens discard keys typed before a
# question is on screen, so each answer waits for its question).
ui_answer() {
    ui_an_id=$1
    shift
    ui_wait_question "$ui_an_id"
    ui_keys "$@"
}

# ui_answers "ID KEYS..." ...: ui_answer for each argument in turn.
ui_answers() {
    for ui_as in "$@"; do
        # shellcheck disable=SC2086 # ID and keys are words
        ui_answer $ui_as
    done
}

ui_keys() {
    tmux -L "$UI_SOCKET" send-keys -t ui "$@"
}

ui_exit_code() {
    limit=$(( ${1:-30} * 10 ))
    i=0
    while [ ! -f "$UI_EXIT" ] && [ $i -lt $limit ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ -f "$UI_EXIT" ] || ui_fail "the program did not end"
    cat "$UI_EXIT"
}

ui_pid() {
    ui_wait_file "$UI_PID"
    cat "$UI_PID"
}

ui_wait_file() {
    i=0
    while [ ! -s "$1" ] && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ -s "$1" ] || ui_fail "no file $1"
}

# The one text report saved so far (fails unless there is exactly one; its PDF may be
# beside it).
ui_report() {
    n=$(ls "$REPORTS" 2>/dev/null | grep -c '\.txt$')
    [ "$n" -eq 1 ] || ui_fail "expected one saved report, found $n"
    echo "$REPORTS/$(ls "$REPORTS" | grep '\.txt$')"
}

# Answers a screening from a script of lines "QUESTION_ID KEYS... = VALUE": waits for each
# question (ui_wait_question), sends its keys, and writes the equivalent
# answers file for `mesoscreen answer` to $2. Counts the keystrokes in UI_KEYSTROKES (a key
# name is one keystroke, literal text one per character).
ui_answer_script() {
    script=$1
    answers=$2
    printf 'answers:\n' >"$answers"
    UI_KEYSTROKES=0
    while read -r id rest; do
        [ -n "$id" ] || continue
        keys=${rest%%=*}
        value=${rest#*= }
        ui_wait_question "$id"
        for k in $keys; do
            case $k in
            Enter | Space | Left | Right | Up | Down | BSpace | Escape | Tab) UI_KEYSTROKES=$((UI_KEYSTROKES + 1)) ;;
            *) UI_KEYSTROKES=$((UI_KEYSTROKES + ${#k})) ;;
            esac
            ui_keys "$k"
        done
        [ "$value" = "-" ] || printf '  %s: %s\n' "$id" "$value" >>"$answers"
    done <"$script"
}

# ui_expected_report ANSWERS PATIENT PRACTITIONER OUT [OPTION...]: the report `mesoscreen
# answer` writes for an answers file (with the options given, e.g. --lang es), to compare.
ui_expected_report() {
    ui_er_answers=$1 ui_er_patient=$2 ui_er_practitioner=$3 ui_er_out=$4
    shift 4
    "$MESOSCREEN" answer --answers "$ui_er_answers" --patient "$ui_er_patient" \
        --practitioner "$ui_er_practitioner" -o "$ui_er_out" "$@" 2>/dev/null
}
