#!/bin/sh
# run_paper_module.sh MESOSCREEN ANSWERS - cairo and pango stay off the common path: a text
# report never loads them (the dynamic loader's own trace says which libraries it opens), a
# PDF does; and a program without its PDF module refuses --format pdf with exit 73, naming
# the module, and writes nothing.
set -u
bin=$1 answers=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-module.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "paper module: $*" >&2
    exit 1
}
export SOURCE_DATE_EPOCH=0 TZ=UTC

LD_DEBUG=files "$bin" answer --answers "$answers" --format text >/dev/null 2>"$tmp/text.trace" ||
    fail "the text report failed"
grep -q "file=.*libyaml" "$tmp/text.trace" || fail "no loader trace (LD_DEBUG unsupported?)"
! grep -E "file=.*(libcairo|libpango|mesoscreen-pdf)" "$tmp/text.trace" >&2 ||
    fail "a text report loaded the PDF libraries"
LD_DEBUG=files "$bin" answer --answers "$answers" --format pdf >/dev/null 2>"$tmp/pdf.trace" ||
    fail "the PDF report failed"
grep -q "file=.*mesoscreen-pdf.so" "$tmp/pdf.trace" || fail "a PDF report did not load the module"
grep -q "file=.*libcairo" "$tmp/pdf.trace" || fail "a PDF report did not load cairo"

# The program alone, without its module (unless one is installed system-wide).
cp "$bin" "$tmp/mesoscreen" || fail "cannot copy the program"
rc=0
"$tmp/mesoscreen" answer --answers "$answers" --format pdf -o "$tmp/r.pdf" 2>"$tmp/err" || rc=$?
if grep -q "cannot load\|not installed" "$tmp/err" || [ "$rc" -ne 0 ]; then
    [ "$rc" -eq 73 ] || fail "without the module: exit $rc, expected 73"
    grep -q "mesoscreen-pdf.so" "$tmp/err" || fail "the error does not name the module: $(cat "$tmp/err")"
    [ ! -e "$tmp/r.pdf" ] || fail "a PDF was written without the module"
fi
exit 0
