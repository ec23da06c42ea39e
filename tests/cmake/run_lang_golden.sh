#!/bin/sh
# run_lang_golden.sh MESOSCREEN DIR NAME - renders DIR/NAME.yaml (answers for the built-in
# questionnaire) as a Spanish text report at a fixed time, twice, and compares it byte for
# byte with DIR/NAME.es.txt; no line may be wider than 80 characters. With
# MESOSCREEN_UPDATE_GOLDEN=1 it rewrites NAME.es.txt instead (then review the diff).
set -u
bin=$1 dir=$2 name=$3
golden=$dir/$name.es.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-lang-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "lang golden $name: $*" >&2
    exit 1
}

# A fixed time, zone and locale: the language comes from --lang alone.
render() {
    rc=0
    (
        unset LC_MESSAGES MESOSCREEN_REPORT_DIR
        LC_ALL=C LANG=C SOURCE_DATE_EPOCH=1795596180 TZ=UTC
        export LC_ALL LANG SOURCE_DATE_EPOCH TZ
        cd "$dir" && exec "$bin" answer --answers "$name.yaml" --lang es --format text
    ) >"$tmp/$1" 2>"$tmp/$1.err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        cat "$tmp/$1.err" >&2
        fail "mesoscreen answer exited $rc"
    fi
    [ ! -s "$tmp/$1.err" ] || { cat "$tmp/$1.err" >&2; fail "unexpected diagnostics"; }
}

render one
render two
cmp -s "$tmp/one" "$tmp/two" || fail "two runs printed different reports"

# jq counts characters (code points), not bytes; every character here is one column wide.
wide=$(jq -R -r 'ltrimstr("\f") | select(length > 80) | "\(length): \(.)"' "$tmp/one") ||
    fail "cannot read the report"
[ -z "$wide" ] || fail "lines wider than 80 columns:
$wide"

if [ "${MESOSCREEN_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/one" "$golden" || fail "cannot write $golden"
    echo "updated $golden"
    exit 0
fi
[ -r "$golden" ] || {
    cat "$tmp/one" >&2
    fail "$golden is missing (MESOSCREEN_UPDATE_GOLDEN=1 writes it)"
}
cmp -s "$tmp/one" "$golden" || {
    diff "$golden" "$tmp/one" >&2
    fail "differs from $golden (MESOSCREEN_UPDATE_GOLDEN=1 rewrites it; see tests/lang.cmake)"
}
exit 0
