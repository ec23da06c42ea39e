#!/bin/sh
# journal_full_disk.sh - the disk fills mid-screening, then has room again: the answer that could not
# be written is reported as not safe, the journal is never glued to its torn record, the next
# answer puts the whole screening on disk, and after kill -9 the resumed screening has the
# changed answer (and so its verdict). Needs root (a small tmpfs is mounted as the state
# folder): exits 77, which CTest reports as skipped, otherwise.
. "$(dirname "$0")/journal_lib.sh"
jt_init "$1"
q="$(dirname "$0")/journal_full_disk.yaml"

jt_small_state "full disk" 256k

jt_start -q "$q" --patient P-FULL --practitioner "Dr Ruiz"
jt_wait "1. Age"
jt_say 17
jt_wait "2. Note"
# The disk fills up; a note longer than what is left of the journal's last page cannot be
# written whole.
dd if=/dev/zero of="$XDG_STATE_HOME/fill" bs=4096 2>/dev/null || true
note=$(head -c 4000 /dev/zero | tr '\0' a)
jt_say "$note"
jt_wait "3. Smoker"
grep -q "NOT safe on disk" "$TMP/err" || jt_fail "the failed write was not reported"
# Room again; back to the age, which changes to 16; the note is kept; one more answer.
rm -f "$XDG_STATE_HOME/fill"
jt_say "<"
jt_wait "2. Note" 2
jt_say "<"
jt_wait "1. Age" 2
jt_say 16
jt_wait "2. Note" 3
jt_say ""
jt_wait "3. Smoker" 2
jt_say n
jt_wait "4. Last question"
jt_kill9

# The resumed screening has the age of 16: not eligible.
jt_resume "$q" P-FULL '1\nn\n\n'
grep -q "^Unfinished screenings:$" "$TMP/out" || jt_fail "no resume offer"
printf 'answers:\n  age: 16\n  note: %s\n  smoker: "no"\n  last: "no"\n' "$note" >"$TMP/a.yaml"
jt_report_is "$q" P-FULL "$TMP/a.yaml" \
    "the resumed report is not the one of the answers given (the age change was lost)"
grep -q "NOT ELIGIBLE" "$JT_REPORT" || jt_fail "the verdict is not 'not eligible'"
echo "full disk: ok"
