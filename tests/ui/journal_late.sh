#!/bin/sh
# journal_late.sh - the journal cannot be created at the first answers (the disk is full); once it
# can, it is created with every answer given so far, so that after kill -9 the resume offer
# counts them all and the resumed screening ends in the same report. Needs root (a full tmpfs
# as the state folder): exits 77, which CTest reports as skipped, otherwise.
. "$(dirname "$0")/journal_lib.sh"
jt_init "$1"
q="$(dirname "$0")/journal_full_disk.yaml"

jt_small_state "journal created late" 64k
mkdir -m 700 "$XDG_STATE_HOME/mesoscreen"
dd if=/dev/zero of="$XDG_STATE_HOME/fill" bs=4096 2>/dev/null || true
jt_start -q "$q" --patient P-LATE --practitioner "Dr Ruiz"
jt_wait "1. Age"
jt_say 40
jt_wait "2. Note"
grep -q "warning: cannot" "$TMP/err" || jt_fail "the failed journal was not reported"
jt_say "seen twice"
jt_wait "3. Smoker"
rm -f "$XDG_STATE_HOME/fill"
jt_say y
jt_wait "4. Last question"
jt_kill9

jt_resume "$q" P-LATE '1\nn\n\n'
grep -q "^  1\. Patient P-LATE, .* 3 of ~4" "$TMP/out" ||
    jt_fail "the resume offer does not count the three answers"
printf 'answers:\n  age: 40\n  note: seen twice\n  smoker: "yes"\n  last: "no"\n' >"$TMP/a.yaml"
jt_report_is "$q" P-LATE "$TMP/a.yaml" "the resumed report differs"
echo "journal created late: ok"
