# plain_lib.sh - sourced by the plain-mode tests: a private state and report directory, fixed
# report time, and the answers of a healthy screening in the forms the prompts accept.
set -eu
MESOSCREEN=$1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-plain.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
XDG_STATE_HOME="$TMP/state"
REPORTS="$TMP/reports"
SOURCE_DATE_EPOCH=1700000000
LC_ALL=C.UTF-8
TZ=UTC
export XDG_STATE_HOME SOURCE_DATE_EPOCH LC_ALL TZ
unset MESOSCREEN_REPORT_DIR NO_COLOR || true
JOURNAL="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy.journal"

fail() {
    echo "FAIL: $*" >&2
    [ -f "$TMP/out" ] && { echo "---- output ----" >&2; cat "$TMP/out" >&2; }
    exit 1
}

# plain ARGS... < input: runs mesoscreen with stdin and stdout not a terminal; output in
# $TMP/out and $TMP/err, status in $status.
plain() {
    status=0
    "$MESOSCREEN" --report-dir "$REPORTS" "$@" >"$TMP/out" 2>"$TMP/err" || status=$?
}

# The equivalent answers file of the healthy screening below.
cp "$(dirname "$0")/healthy.yaml" "$TMP/healthy.yaml"

# Option numbers, keys and values mixed, as a script or a screen reader user would type them.
printf '%s\n' 1 34 n no n 1 none 1 n n n n n n n n n n no y androgenetic 1 none n "" >"$TMP/healthy.in"

expect_same_report() {
    "$MESOSCREEN" answer --answers "$TMP/healthy.yaml" --patient "$1" --practitioner "$2" \
        -o "$TMP/expected" 2>/dev/null || fail "mesoscreen answer failed"
    n=$(ls "$REPORTS" | grep -c '\.txt$')
    [ "$n" -eq 1 ] || fail "expected one saved report, found $n"
    saved=$REPORTS/$(ls "$REPORTS" | grep '\.txt$')
    cmp -s "$saved" "$TMP/expected" || {
        diff "$TMP/expected" "$saved" >&2 || true
        fail "the saved report differs from mesoscreen answer's"
    }
    # With the PDF module beside the program, its PDF is saved beside the text: the same
    # bytes as answer --format pdf.
    if [ -e "$(dirname "$MESOSCREEN")/mesoscreen-pdf.so" ]; then
        "$MESOSCREEN" answer --answers "$TMP/healthy.yaml" --patient "$1" --practitioner "$2" \
            --format pdf -o "$TMP/expected.pdf" 2>/dev/null || fail "answer --format pdf failed"
        cmp -s "${saved%.txt}.pdf" "$TMP/expected.pdf" ||
            fail "no PDF beside the saved report, or not answer --format pdf's"
        [ "$(ls "$REPORTS" | wc -l)" -eq 2 ] || fail "other files than the report and its PDF"
    fi
}
