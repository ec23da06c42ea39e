#!/bin/sh
# screenings.sh - five complete screenings in a real terminal, one per verdict: each saved
# report must equal what `mesoscreen answer` writes for the same answers, and the healthy
# patient's screening must take no more keystrokes than questions + 3.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

# run NAME PATIENT EXPECTED_VERDICT_LINE SCRIPT
run() {
    name=$1 patient=$2 verdict=$3
    ui_start -- --patient "$patient" --practitioner "Dr Ruiz"
    ui_answer_script "$UI_TMP/$name.keys" "$UI_TMP/$name.yaml"
    ui_wait "Review the answers"
    ui_keys Enter
    ui_wait "Verdict: $verdict"
    ui_keys s
    ui_wait "Report saved:"
    keystrokes=$((UI_KEYSTROKES + 2))
    ui_keys q
    ui_wait "Quit mesoscreen?"
    ui_keys y
    code=$(ui_exit_code)
    [ "$code" = 0 ] || ui_fail "$name: exit status $code after saving, expected 0"
    report=$(ui_report)
    ui_expected_report "$UI_TMP/$name.yaml" "$patient" "Dr Ruiz" "$UI_TMP/$name.expected" ||
        ui_fail "$name: mesoscreen answer failed on $UI_TMP/$name.yaml"
    cmp -s "$report" "$UI_TMP/$name.expected" || {
        diff "$UI_TMP/$name.expected" "$report" >&2 || true
        ui_fail "$name: the saved report differs from mesoscreen answer's"
    }
    [ ! -e "$XDG_STATE_HOME/mesoscreen/hair-mesotherapy.journal" ] ||
        ui_fail "$name: the journal was not removed after saving"
    rm -f "$report"
}

cp "$(dirname "$0")/healthy.keys" "$UI_TMP/healthy.keys"
run healthy P-0001 eligible
questions=$(grep -c . "$UI_TMP/healthy.keys")
[ "$keystrokes" -le $((questions + 3)) ] ||
    ui_fail "healthy screening took $keystrokes keystrokes for $questions questions (limit questions + 3)"
echo "healthy screening: $keystrokes keystrokes for $questions questions"

cat >"$UI_TMP/anticoagulant.keys" <<'K'
sex 2 = male
age 61 = 61
bleeding_disorder n = no
blood_thinners 3 Enter = [anticoagulant]
anticoagulant_course 1 = long_term
diabetes 1 = none
scalp_condition 1 = [none]
acute_illness n = no
allergy_components n = no
injection_reaction n = no
cancer_treatment n = no
cancer_history n = no
isotretinoin n = no
immunosuppressed n = no
autoimmune n = no
keloids n = no
fainting_needles n = no
heart_kidney_disease n = no
diagnosis_done y = yes
diagnosis 1 = androgenetic
stage 7 = norwood_6
other_treatments 1 = [none]
hair_transplant n = no
notes Enter = -
K
run anticoagulant P-0002 not_eligible

cp "$(dirname "$0")/pregnant.keys" "$UI_TMP/pregnant.keys"
run pregnant P-0003 deferred

cat >"$UI_TMP/undiagnosed.keys" <<'K'
sex 3 = other
age 45 = 45
pregnant n = no
breastfeeding n = no
bleeding_disorder n = no
blood_thinners 1 = [none]
diabetes 1 = none
scalp_condition 1 = [none]
acute_illness n = no
allergy_components n = no
injection_reaction n = no
cancer_treatment n = no
cancer_history n = no
isotretinoin n = no
immunosuppressed n = no
autoimmune n = no
keloids n = no
fainting_needles n = no
heart_kidney_disease n = no
diagnosis_done u = unknown
notes Enter = -
K
run undiagnosed P-0004 refer_for_diagnosis

# Multiple choice with two ticks, a precaution, and typed notes with accents.
cat >"$UI_TMP/precautions.keys" <<'K'
sex 2 = male
age 16 = 16
bleeding_disorder n = no
blood_thinners 2 Enter = [antiplatelet]
diabetes 2 = controlled
scalp_condition 6 Enter = [controlled_dermatosis]
acute_illness n = no
allergy_components n = no
injection_reaction n = no
cancer_treatment n = no
cancer_history n = no
isotretinoin n = no
immunosuppressed n = no
autoimmune n = no
keloids n = no
fainting_needles n = no
heart_kidney_disease n = no
diagnosis_done y = yes
diagnosis 1 = androgenetic
stage 2 = norwood_2
other_treatments 2 4 Enter = [minoxidil, prp]
hair_transplant n = no
notes Revisión Space en Space 3 Space meses Enter = "Revisión en 3 meses"
K
run precautions P-0005 eligible_with_precautions
echo "screenings: ok"
