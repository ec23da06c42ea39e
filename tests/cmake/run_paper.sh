#!/bin/sh
# run_paper.sh MESOSCREEN DIR NAME LANG - the paper report of DIR/NAME.yaml (answers for the
# built-in questionnaire) in language LANG, as text and as PDF, at a fixed time in a fixed time
# zone, with every person field given:
#   - both formats print the same bytes twice (the PDF's creation date is the report's time);
#   - the text: pages of at most 60 lines of at most 80 columns, separated by form feeds, each
#     headed by the clinic, the patient and "page N of M"; page 1 holds the verdict box, the
#     patient's declaration with its signature line and the physician's decision with its
#     signature line;
#   - the PDF: as many A4 pages as the text, every font embedded, and its text layer
#     (pdftotext) holds the verdict, the patient and every page's header;
#   - both equal their golden files, NAME.LANG.txt and NAME.LANG.pdf.txt (the PDF's text
#     layer). With MESOSCREEN_UPDATE_GOLDEN=1 they are rewritten instead (review the diff).
set -u
bin=$1 dir=$2 name=$3 lang=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-paper.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "paper $name ($lang): $*" >&2
    exit 1
}

render() {
    out=$1 format=$2
    rc=0
    (
        unset LC_MESSAGES MESOSCREEN_REPORT_DIR MESOSCREEN_CLINIC
        LC_ALL=C LANG=C SOURCE_DATE_EPOCH=1795596180 TZ=Europe/Madrid
        export LC_ALL LANG SOURCE_DATE_EPOCH TZ
        cd "$dir" && exec "$bin" answer --answers "$name.yaml" --lang "$lang" --format "$format" \
            --patient-name "Inés Ñúñez Peña" --birth-date 1984-02-29 --answered-by patient \
            --clinic "Clínica Capilar del Sol"
    ) >"$tmp/$out" 2>"$tmp/$out.err" || rc=$?
    [ "$rc" -eq 0 ] || { cat "$tmp/$out.err" >&2; fail "mesoscreen answer --format $format exited $rc"; }
    ! grep -q "error" "$tmp/$out.err" || { cat "$tmp/$out.err" >&2; fail "unexpected errors"; }
}

render one.txt text
render two.txt text
render one.pdf pdf
render two.pdf pdf
cmp -s "$tmp/one.txt" "$tmp/two.txt" || fail "two runs printed different text reports"
cmp -s "$tmp/one.pdf" "$tmp/two.pdf" || fail "two runs printed different PDFs"

. "$(dirname "$0")/paper_lib.sh"
paper_check_pages "$tmp/one.txt" "$lang" "Clínica Capilar del Sol"
i=1
while [ "$i" -le "$pages" ]; do
    sed -n 2p "$tmp/page.$i" | grep -q ", Inés Ñúñez Peña  *2026-11-25\$" ||
        fail "page $i is not headed by the patient and the date"
    i=$((i + 1))
done
for must in "Inés Ñúñez Peña, " "1984-02-29" "2026-11-25 09:43 (UTC+01:00)"; do
    grep -qF -- "$must" "$one" || fail "page 1 lacks '$must'"
done

# The PDF: A4, one page per text page, fonts embedded.
info=$(pdfinfo -rawdates "$tmp/one.pdf") || fail "pdfinfo cannot read the PDF"
echo "$info" | grep -q "^Pages: *$pages\$" || fail "the PDF does not have $pages pages: $info"
echo "$info" | grep -q "^Page size: *595.276 x 841.89 pts (A4)" || fail "the PDF is not A4: $info"
echo "$info" | grep -q "^CreationDate: *D\{0,1\}:\{0,1\}20261125094300+01'00" ||
    fail "the PDF's creation date is not the report's time: $info"
fonts=$(pdffonts "$tmp/one.pdf" | tail -n +3) || fail "pdffonts cannot read the PDF"
[ -n "$fonts" ] || fail "the PDF uses no font"
echo "$fonts" | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
    fail "a font is not embedded:
$fonts"
pdftotext -enc UTF-8 -layout "$tmp/one.pdf" "$tmp/one.pdf.txt" || fail "pdftotext failed"
layer=$tmp/one.pdf.txt
grep -qF "$verdict" "$layer" || fail "the PDF's text lacks the verdict"
grep -qF "Inés Ñúñez Peña" "$layer" || fail "the PDF's text lacks the patient's name"
i=1
while [ "$i" -le "$pages" ]; do
    grep -q "Clínica Capilar del Sol  *$page $i $of $pages" "$layer" ||
        fail "the PDF's text lacks the header of page $i"
    i=$((i + 1))
done

# Golden files.
compare() {
    got=$1 golden=$dir/$name.$lang.$2
    if [ "${MESOSCREEN_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$got" "$golden" || fail "cannot write $golden"
        echo "updated $golden"
        return 0
    fi
    [ -r "$golden" ] || fail "$golden is missing (MESOSCREEN_UPDATE_GOLDEN=1 writes it)"
    cmp -s "$got" "$golden" || {
        diff "$golden" "$got" >&2
        fail "differs from $golden (MESOSCREEN_UPDATE_GOLDEN=1 rewrites it; see tests/paper.cmake)"
    }
}
compare "$tmp/one.txt" txt
compare "$layer" pdf.txt
exit 0
