#!/bin/sh
# correct.sh - one report, one time, and corrections that never change a saved file: the
# viewer shows exactly the bytes `s` then saves (at the real time, seconds later); after
# saving, `e` edits the answers and saves a new report that names the file it replaces,
# which stays byte for byte as it was.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
SOURCE_DATE_EPOCH= # the real time: a report rendered twice would differ

ui_start -- --patient P-COR --practitioner "Dr Ruiz"
ui_answer_script "$(dirname "$0")/healthy.keys" "$UI_TMP/healthy.yaml"
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict: Eligible"
ui_keys v
ui_wait "lines 1-"
ui_screen | sed -n '3,22p' | sed 's/[[:space:]]*$//' >"$UI_TMP/viewed"
grep -q "Date:" "$UI_TMP/viewed" || ui_fail "the viewer's first page has no date"
# Time passes before saving: what is saved must still be what was viewed.
sleep 2
ui_keys Escape
ui_wait "s save the report"
ui_keys s
ui_wait "Report saved:"
first=$(ui_report)
head -n 20 "$first" | sed 's/[[:space:]]*$//' >"$UI_TMP/saved"
cmp -s "$UI_TMP/viewed" "$UI_TMP/saved" || {
    diff "$UI_TMP/viewed" "$UI_TMP/saved" >&2 || true
    ui_fail "the viewer showed other bytes than the saved report"
}
cp "$first" "$UI_TMP/first.copy"

# Correct it: the notes get a text; a second report is saved, naming the first.
ui_wait "e correct it"
ui_keys e
ui_wait "Correcting $(basename "$first")"
ui_wait "Review the answers"
ui_keys End Up Enter
ui_wait_question notes
ui_keys Corrected Enter
ui_wait "Review the answers"
ui_wait "Corrected"
ui_keys End Enter
ui_wait "Verdict: Eligible"
ui_keys s
ui_wait "Report saved:"
ui_keys q
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status after the corrected report"
[ "$(ls "$REPORTS" | wc -l)" -eq 2 ] || ui_fail "expected two reports: $(ls "$REPORTS")"
second=$(ls "$REPORTS"/* | grep -v "^$first$")
cmp -s "$first" "$UI_TMP/first.copy" || ui_fail "the corrected report changed the earlier file"
grep -q "Corrected" "$second" || ui_fail "the new report lacks the corrected answer"
grep -q "Corrected" "$first" && ui_fail "the earlier report has the correction"
grep -q "$(basename "$first")" "$second" || ui_fail "the new report does not name the file it replaces"
[ -z "$(ls "$XDG_STATE_HOME/mesoscreen/hair-mesotherapy/")" ] || ui_fail "a journal was left"
echo "correct: ok"
