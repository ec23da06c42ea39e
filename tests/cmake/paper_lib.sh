# paper_lib.sh - sourced by run_paper.sh and run_paper_pages.sh: the checks every paper text
# report passes. Needs $tmp (a scratch folder) and a fail function.

# paper_words LANG: the words page 1 is checked for, in $verdict, $page, $of, $declaration,
# $patient_sign, $decision and $physician_sign.
paper_words() {
    case $1 in
    en) verdict='VERDICT:' page='Page' of='of' declaration='PATIENT DECLARATION'
        patient_sign='Patient or guardian: _' decision="PHYSICIAN'S DECISION"
        physician_sign='Treating physician: _' ;;
    es) verdict='DICTAMEN:' page='Página' of='de' declaration='DECLARACIÓN DEL PACIENTE'
        patient_sign='Paciente o tutor: _' decision='DECISIÓN DEL MÉDICO'
        physician_sign='Médico responsable: _' ;;
    *) fail "no expectations for language $1" ;;
    esac
}

# paper_check_pages FILE LANG CLINIC: FILE's pages (written to $tmp/page.N, their number to
# $pages) have at most 60 lines of at most 80 columns, each headed by CLINIC and "page N of
# M"; page 1 holds the verdict box, the declaration and both signature blocks, and ends with
# the physician's signature line.
paper_check_pages() {
    paper_words "$2"
    rm -f "$tmp"/page.*
    awk -v dir="$tmp" 'BEGIN { n = 1 }
        /^\f/ { n++; sub(/^\f/, "") }
        { print > (dir "/page." n) }
        END { print n > (dir "/pages") }' "$1" || fail "cannot split the pages"
    pages=$(cat "$tmp/pages")
    [ "$pages" -ge 2 ] || fail "only $pages page(s)"
    # jq counts characters (code points); every character here is one column wide.
    wide=$(jq -R -r 'ltrimstr("\f") | select(length > 80) | "\(length): \(.)"' "$1") ||
        fail "cannot read the report"
    [ -z "$wide" ] || fail "lines wider than 80 columns:
$wide"
    i=1
    while [ "$i" -le "$pages" ]; do
        p=$tmp/page.$i
        lines=$(wc -l <"$p")
        [ "$lines" -le 60 ] || fail "page $i has $lines lines (at most 60)"
        head -n 1 "$p" | grep -q "^$3  *$page $i $of $pages\$" ||
            fail "page $i is not headed by the clinic and '$page $i $of $pages'"
        i=$((i + 1))
    done
    one=$tmp/page.1
    grep -q "^#  $verdict " "$one" || fail "page 1 lacks the verdict box"
    for must in "$declaration" "$patient_sign" "$decision" "$physician_sign"; do
        grep -qF -- "$must" "$one" || fail "page 1 lacks '$must'"
    done
    tail -n 1 "$one" | grep -qF -- "$physician_sign" ||
        fail "page 1 does not end with the physician's signature line"
}
