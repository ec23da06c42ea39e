# journal_lib.sh - sourced by the journal tests: a plain-mode screening fed line by line
# through a FIFO (so that the test can act between two answers: fill a disk, kill the
# program), with a private state and report folder and a fixed report time. POSIX sh.
#
#   . journal_lib.sh; jt_init MESOSCREEN_BINARY
#   jt_start ARGS...        start `mesoscreen --plain ARGS...` reading the FIFO
#   jt_say LINE             send one line of input
#   jt_wait TEXT [N]        wait until TEXT is in the output N times (default 1), else fail
#   jt_kill9                SIGKILL the program and wait for it
#   jt_small_state NAME SIZE   a tmpfs of SIZE as the state folder (as root), else skip (77)
#   jt_resume Q PATIENT INPUT  the resumed plain screening of questionnaire Q answering INPUT
#   jt_report_is Q PATIENT ANSWERS WHY
#                           the one saved report is what `answer` makes of ANSWERS (a file);
#                           its path in JT_REPORT, else fail with WHY
set -eu

jt_init() {
    MESOSCREEN=$1
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-journal.XXXXXX")
    XDG_STATE_HOME="$TMP/state"
    REPORTS="$TMP/reports"
    SOURCE_DATE_EPOCH=1700000000
    LC_ALL=C.UTF-8
    TZ=UTC
    export XDG_STATE_HOME SOURCE_DATE_EPOCH LC_ALL TZ
    unset MESOSCREEN_REPORT_DIR NO_COLOR || true
    JT_PID=
    trap jt_cleanup EXIT
    trap 'exit 1' INT TERM
}

jt_cleanup() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$JT_PID" ] && kill -0 "$JT_PID" 2>/dev/null; then
        kill -9 "$JT_PID" 2>/dev/null || true
        wait "$JT_PID" 2>/dev/null || true
    fi
    if [ -n "${JT_MOUNTED:-}" ]; then
        umount "$JT_MOUNTED" 2>/dev/null || umount -l "$JT_MOUNTED" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}

jt_fail() {
    echo "FAIL: $*" >&2
    for f in out err; do
        [ -f "$TMP/$f" ] && { echo "---- $f ----" >&2; tail -c 2000 "$TMP/$f" >&2; echo >&2; }
    done
    exit 1
}

jt_start() {
    rm -f "$TMP/in"
    mkfifo "$TMP/in"
    "$MESOSCREEN" --plain --report-dir "$REPORTS" "$@" <"$TMP/in" >"$TMP/out" 2>"$TMP/err" &
    JT_PID=$!
    exec 3>"$TMP/in"
}

jt_say() {
    printf '%s\n' "$1" >&3
}

jt_wait() {
    i=0
    while [ "$(grep -c -F -- "$1" "$TMP/out" 2>/dev/null || true)" -lt "${2:-1}" ]; do
        [ $i -lt 300 ] || jt_fail "timed out waiting for '$1' (${2:-1} times)"
        kill -0 "$JT_PID" 2>/dev/null || jt_fail "the program ended while waiting for '$1'"
        sleep 0.1
        i=$((i + 1))
    done
}

jt_kill9() {
    kill -9 "$JT_PID"
    wait "$JT_PID" 2>/dev/null || true
    JT_PID=
    exec 3>&-
}

jt_small_state() {
    [ "$(id -u)" -eq 0 ] || { echo "$1: skipped (needs root to mount a tmpfs)"; exit 77; }
    mkdir -p "$XDG_STATE_HOME"
    mount -t tmpfs -o "size=$2,mode=0700" mesoscreen-test "$XDG_STATE_HOME" 2>/dev/null ||
        { echo "$1: skipped (cannot mount a tmpfs here)"; exit 77; }
    JT_MOUNTED=$XDG_STATE_HOME
}

jt_resume() {
    printf '%b' "$3" >"$TMP/rest.in"
    status=0
    "$MESOSCREEN" --plain --report-dir "$REPORTS" -q "$1" --patient "$2" \
        --practitioner "Dr Ruiz" <"$TMP/rest.in" >"$TMP/out" 2>"$TMP/err" || status=$?
    [ "$status" -eq 0 ] || jt_fail "resumed run: exit status $status"
}

jt_report_is() {
    "$MESOSCREEN" answer -q "$1" --answers "$3" --patient "$2" --practitioner "Dr Ruiz" \
        -o "$TMP/expected" || jt_fail "mesoscreen answer failed"
    why=$4
    set -- "$REPORTS"/*.txt
    [ $# -eq 1 ] && [ -f "$1" ] || jt_fail "expected one saved report"
    JT_REPORT=$1
    cmp -s "$JT_REPORT" "$TMP/expected" || {
        diff "$TMP/expected" "$JT_REPORT" >&2 || true
        jt_fail "$why"
    }
}
