#!/bin/sh
# run_paper_pages.sh MESOSCREEN LANG CASE.yaml... - the text report of every clinical case in
# language LANG passes the paper checks of paper_lib.sh: pages of at most 60 lines of 80
# columns, each headed, and page 1 holding the verdict, the declaration and both signature
# blocks, whatever the outcome and however many findings.
set -u
bin=$1 lang=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-pages.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
case_name=
fail() {
    echo "paper pages ($lang) $case_name: $*" >&2
    exit 1
}
. "$(dirname "$0")/paper_lib.sh"

n=0
for answers in "$@"; do
    case_name=$(basename "$answers" .yaml)
    # Only the cases that end in a verdict (not the answers files that are refused).
    grep -q "^eligibility:" "${answers%.yaml}.expect" 2>/dev/null || continue
    env -u MESOSCREEN_CLINIC SOURCE_DATE_EPOCH=1795596180 TZ=UTC "$bin" answer \
        --answers "$answers" --lang "$lang" --clinic "Clínica Sol" --patient-name "Ana Ruiz" \
        --birth-date 2001-01-01 --answered-by guardian >"$tmp/report" 2>/dev/null ||
        fail "mesoscreen answer failed"
    paper_check_pages "$tmp/report" "$lang" "Clínica Sol"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no case with a verdict"
echo "$n reports checked"
