#!/bin/sh
# correct.sh - one report, one time, and corrections that never change a saved file: the
# viewer shows exactly the bytes `s` then saves (at the real time, a minute later); the start
# fields are in the report; after saving, `e` edits the answers and saves a new report that
# names the file it replaces, which stays byte for byte as it was.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
SOURCE_DATE_EPOCH= # the real time: a report rendered twice would differ

# The start fields given as options go into every report (a birth date that agrees with the
# healthy patient's age, 34).
born="$(($(date +%Y) - 34))-01-01"
ui_start -- --patient P-COR --practitioner "Dr Ruiz" --patient-name "Ana Pérez" \
    --birth-date "$born" --answered-by guardian
ui_answer_script "$(dirname "$0")/healthy.keys" "$UI_TMP/healthy.yaml"
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict: Eligible"
ui_keys v
ui_wait "lines 1-"
minute=$(date +%H:%M)
ui_screen | sed -n '3,22p' | sed 's/[[:space:]]*$//' >"$UI_TMP/viewed"
grep -q "Interview: .*$minute" "$UI_TMP/viewed" || ui_fail "the viewer's first page has no time"
# The report shows the time to the minute: let the minute change before saving, so that a
# report rendered again would differ from the one viewed.
i=0
while [ "$(date +%H:%M)" = "$minute" ] && [ $i -lt 700 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ "$(date +%H:%M)" != "$minute" ] || ui_fail "the minute did not change"
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
grep -q "Ana Pérez" "$first" || ui_fail "the patient's name is not in the report"
grep -q "$born" "$first" || ui_fail "the birth date is not in the report"

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
[ "$(ls "$REPORTS" | grep -c '\.txt$')" -eq 2 ] || ui_fail "expected two reports: $(ls "$REPORTS")"
second=$(ls "$REPORTS"/*.txt | grep -v "^$first$")
cmp -s "$first" "$UI_TMP/first.copy" || ui_fail "the corrected report changed the earlier file"
grep -q "Corrected" "$second" || ui_fail "the new report lacks the corrected answer"
grep -q "Corrected" "$first" && ui_fail "the earlier report has the correction"
grep -q "$(basename "$first")" "$second" || ui_fail "the new report does not name the file it replaces"
[ -z "$(ls "$XDG_STATE_HOME/mesoscreen/hair-mesotherapy/")" ] || ui_fail "a journal was left"
echo "correct: ok"
