#!/bin/sh
# kill9.sh - a screening killed outright (SIGKILL: no handler runs) loses nothing: the next
# start offers it, and the resumed screening saves the same report as an uninterrupted run.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

cat >"$UI_TMP/run.keys" <<'K'
sex 1 = female
age 17 = 17
pregnant n = no
breastfeeding y = yes
bleeding_disorder n = no
blood_thinners 1 = none
diabetes 4 = unknown
scalp_condition 2 3 Enter = [infection, active_dermatitis]
acute_illness n = no
allergy_components u = unknown
K
cat >"$UI_TMP/rest.keys" <<'K'
injection_reaction n = no
cancer_treatment n = no
cancer_history n = no
isotretinoin n = no
immunosuppressed n = no
autoimmune y = yes
keloids n = no
fainting_needles n = no
heart_kidney_disease n = no
diagnosis_done y = yes
diagnosis 4 = areata
other_treatments 1 = [none]
hair_transplant n = no
notes Enter = -
K

# The uninterrupted run.
ui_start -- --patient P-K9 --practitioner "Dr Ruiz"
ui_answer_script "$UI_TMP/run.keys" "$UI_TMP/a1.yaml"
ui_answer_script "$UI_TMP/rest.keys" "$UI_TMP/a2.yaml"
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict:"
ui_keys s
ui_wait "Report saved:"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status of the uninterrupted run"
mv "$(ui_report)" "$UI_TMP/uninterrupted.txt"

# The same screening, killed after ten answers.
ui_start -- --patient P-K9 --practitioner "Dr Ruiz"
ui_answer_script "$UI_TMP/run.keys" "$UI_TMP/a1.yaml"
ui_wait "[injection_reaction]"
kill -KILL "$(ui_pid)"
code=$(ui_exit_code)
[ "$code" = 137 ] || ui_fail "SIGKILL: exit status $code, expected 137"

ui_start -- --patient P-K9 --practitioner "Dr Ruiz"
ui_wait "An unfinished screening was found"
ui_wait "10 of ~"
ui_keys r
ui_answer_script "$UI_TMP/rest.keys" "$UI_TMP/a2.yaml"
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict:"
ui_keys s
ui_wait "Report saved:"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status of the resumed run"
cmp -s "$(ui_report)" "$UI_TMP/uninterrupted.txt" || {
    diff "$UI_TMP/uninterrupted.txt" "$(ui_report)" >&2 || true
    ui_fail "the resumed report differs from the uninterrupted one"
}
echo "kill -9 and resume: ok"
