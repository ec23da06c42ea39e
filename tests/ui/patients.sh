#!/bin/sh
# patients.sh - several unfinished screenings, safely: two patients' screenings are kept
# apart and both listed (patient, start, progress); starting with --patient X while Y's waits
# never shows X's name over Y's answers; resuming one leaves the other waiting; discarding
# asks first and names the patient; after a report is saved, quitting asks nothing.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journals="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy"

# Y: two answers, then quit (kept).
ui_start -- --patient P-YOLANDA --practitioner "Dr Ruiz"
ui_answers "sex 1" "age 4 1 Enter"
ui_wait_question pregnant
ui_keys q y
[ "$(ui_exit_code)" = 130 ] || ui_fail "Y: quit with answers kept: exit status"

# X, while Y waits: the list comes first, with no patient over it; X's row is the new one.
ui_start -- --patient P-XAVIER --practitioner "Dr Ruiz"
ui_wait "Unfinished screenings"
ui_wait "P-YOLANDA"
ui_wait "2 of ~"
ui_wait "-> A new screening"
ui_screen | grep -q "P-XAVIER" && ui_fail "X's name shown over Y's screening"
ui_keys n
ui_wait_question sex
ui_wait "Patient: P-XAVIER"
ui_keys 2
ui_wait_question age
ui_screen | grep -q "Answer:   41" && ui_fail "Y's answer shown under X's name"
ui_keys 3 3 Enter
ui_wait_question bleeding_disorder
ui_keys q y
[ "$(ui_exit_code)" = 130 ] || ui_fail "X: quit with answers kept: exit status"
[ -f "$journals/P-YOLANDA.journal" ] && [ -f "$journals/P-XAVIER.journal" ] ||
    ui_fail "the two screenings are not kept apart: $(ls "$journals")"
grep -q "P-XAVIER" "$journals/P-YOLANDA.journal" && ui_fail "X in Y's journal"
grep -q "age 33" "$journals/P-YOLANDA.journal" && ui_fail "X's answer in Y's journal"

# Both listed; resuming Y (as --patient X is given) shows Y's name and Y's answers.
ui_start -- --patient P-XAVIER --practitioner "Dr Ruiz"
ui_wait "P-YOLANDA"
ui_wait "P-XAVIER"
# X's own screening is highlighted (it waits for the patient given): move to Y's row.
x_row=$(ui_screen | grep -n "P-XAVIER" | cut -d: -f1)
y_row=$(ui_screen | grep -n "P-YOLANDA" | cut -d: -f1)
while [ "$x_row" -gt "$y_row" ]; do ui_keys Up; x_row=$((x_row - 1)); done
while [ "$x_row" -lt "$y_row" ]; do ui_keys Down; x_row=$((x_row + 1)); done
ui_keys r
ui_wait_question pregnant
ui_wait "Patient: P-YOLANDA"
ui_screen | grep -q "P-XAVIER" && ui_fail "X's name over Y's resumed screening"
ui_keys Left
ui_wait_question age
ui_wait "Answer:   41"
ui_keys q y
[ "$(ui_exit_code)" = 130 ] || ui_fail "Y resumed: exit status"

# Discarding asks first, naming the patient; "n" keeps it.
ui_start --
ui_wait "P-XAVIER"
ui_keys Home
ui_keys d
ui_wait "Discard the unfinished screening of P-"
discard_line=$(ui_screen | grep "Discard the unfinished screening of")
case $discard_line in
*P-XAVIER*) victim=P-XAVIER other=P-YOLANDA ;;
*P-YOLANDA*) victim=P-YOLANDA other=P-XAVIER ;;
*) ui_fail "the discard question names no patient: $discard_line" ;;
esac
ui_keys n
ui_wait "Enter resume"
[ -f "$journals/$victim.journal" ] || ui_fail "discarded without a yes"
ui_keys d
ui_wait "Discard the unfinished screening of $victim?"
ui_keys y
ui_wait "Unfinished screenings"
ui_wait "$other"
[ ! -f "$journals/$victim.journal" ] || ui_fail "the discarded journal is still there"
[ -f "$journals/$other.journal" ] || ui_fail "the other patient's screening went too"
ui_keys q y
ui_exit_code >/dev/null

# The other one finished and saved: q then quits without a question, exit 0.
ui_start -- --patient "$other" --practitioner "Dr Ruiz"
ui_wait "Unfinished screenings"
ui_keys Enter
ui_wait "Patient: $other"
for q in pregnant breastfeeding bleeding_disorder acute_illness allergy_components \
    injection_reaction cancer_treatment cancer_history isotretinoin immunosuppressed autoimmune \
    keloids fainting_needles heart_kidney_disease; do
    if [ "$q" = pregnant ] || [ "$q" = breastfeeding ]; then
        [ "$other" = P-YOLANDA ] || continue
    fi
    if [ "$q" = acute_illness ]; then
        ui_answers "blood_thinners 1" "diabetes 1" "scalp_condition 1"
    fi
    ui_answer "$q" n
done
ui_answers "diagnosis_done n" "notes Enter"
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict:"
ui_keys s
ui_wait "Report saved:"
ui_keys q
[ "$(ui_exit_code)" = 0 ] || ui_fail "quitting after saving asked or kept something"
ui_screen | grep -q "Quit mesoscreen?" && ui_fail "quitting after saving asked"
[ ! -e "$journals/$other.journal" ] || ui_fail "the journal was kept after saving"
echo "patients: ok"
