#!/bin/sh
# start.sh - the start screen's fields (patient id, name, birth date, who answers,
# practitioner), prefilled from the options; a birth date that is no day refused with its
# field named; the age answer cross-checked with the birth date (a mismatch shown, kept only
# on a second Enter, and shown again on the review); the fields kept in the journal, so that
# a resumed screening has them.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy/P-ST.journal"
md=$(date +%m%d | sed 's/^0*//')
age=$(($(date +%Y) - 1990 - (md < 501 ? 1 : 0)))

ui_start -- --patient-name "Ana Pérez" --answered-by guardian
ui_wait "New screening"
ui_wait "Patient name:     Ana Pérez"
ui_wait "Answered by:      a parent or guardian"
ui_wait "Birth date:       YYYY-MM-DD"
# The cursor starts on the first empty field, the patient id.
ui_keys "P-ST" Tab Tab "1990-13-01" Tab Tab "Dra. Peña" Enter
ui_wait "Birth date: not a day from 1900 up to today (YYYY-MM-DD)."
ui_wait "New screening"
ui_keys BSpace BSpace BSpace BSpace BSpace "05-01" Tab Space Tab Enter
ui_wait_question sex
ui_wait "Patient: P-ST"
ui_keys 1
ui_wait_question age
ui_keys 5 2 Enter
ui_wait "The birth date 1990-05-01 makes the patient $age today, not 52."
ui_wait_question age
ui_keys Enter
ui_wait_question pregnant
grep -q "age 52" "$journal" || ui_fail "the age kept on a second Enter was not recorded"
grep -q "Ana Pérez" "$journal" || ui_fail "the name is not in the journal"
grep -q "1990-05-01" "$journal" || ui_fail "the birth date is not in the journal"
grep -q "interpreter" "$journal" || ui_fail "who answers is not in the journal"
grep -q "Dra. Peña" "$journal" || ui_fail "the practitioner is not in the journal"
# Back to the age: a matching age goes through at once.
ui_keys Left
ui_wait_question age
ui_keys BSpace BSpace
ui_keys $(printf '%s' "$age" | sed 's/./& /g') Enter
ui_wait_question pregnant
grep -q "age $age" "$journal" || ui_fail "the matching age was not recorded"
ui_keys q y
[ "$(ui_exit_code)" = 130 ] || ui_fail "quit with the answers kept: exit status"

# Resumed: listed with the name, and the birth date still checks the age.
ui_start --
ui_wait "P-ST (Ana Pérez)"
ui_keys r
ui_wait_question pregnant
ui_keys Left
ui_wait_question age
ui_keys BSpace BSpace 3 0 Enter
ui_wait "The birth date 1990-05-01 makes the patient $age today, not 30."
ui_keys Enter
# Kept on a second Enter, and still shown on the review beside what the birth date gives.
ui_answers "pregnant n" "breastfeeding n" "bleeding_disorder n" "blood_thinners 1" \
    "diabetes 1" "scalp_condition 1" "acute_illness n" "allergy_components n" \
    "injection_reaction n" "cancer_treatment n" "cancer_history n" "isotretinoin n" \
    "immunosuppressed n" "autoimmune n" "keloids n" "fainting_needles n" \
    "heart_kidney_disease n" "diagnosis_done n" "notes Enter"
ui_wait "Review the answers"
ui_keys Home
ui_wait "30 years (the birth date gives $age)"
ui_keys q y
ui_exit_code >/dev/null
echo "start fields: ok"
