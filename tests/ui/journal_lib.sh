# journal_lib.sh - sourced by the journal tests: a plain-mode screening fed line by line
# through a FIFO (so that the test can act between two answers: fill a disk, kill the
# program), with a private state and report folder and a fixed report time. POSIX sh.
#
#   . journal_lib.sh; jt_init MESOSCREEN_BINARY
#   jt_start ARGS...        start `mesoscreen --plain ARGS...` reading the FIFO
#   jt_say LINE             send one line of input
#   jt_wait TEXT [N]        wait until TEXT is in the output N times (default 1), else fail
#   jt_kill9                SIGKILL the program and wait for it
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
