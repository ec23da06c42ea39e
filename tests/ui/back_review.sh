#!/bin/sh
# back_review.sh - going back shows the earlier answer and changing it re-walks from there,
# keeping later answers that still apply; the review edits any answer; the saved report
# equals `mesoscreen answer` on the final answers.
. "$(dirname "$0")/lib.sh"
ui_init "$1"

ui_start -- --patient P-BACK --practitioner "Dr Ruiz"
ui_wait "[sex]"
ui_keys 1
ui_wait "[age]"
ui_keys 4 2
ui_wait "[pregnant]"
# Back twice: the age shows 42, then the sex question.
ui_keys Left
ui_wait "[age]"
ui_wait "Answer:   42"
ui_keys BSpace BSpace BSpace
ui_wait "[sex]"
ui_wait "Question 1 of"
# Male now: the walk goes on to the age (kept: Enter keeps it) and skips the pregnancy questions.
ui_keys 2
ui_wait "[age]"
ui_wait "Answer:   42"
ui_keys Enter
ui_wait "[bleeding_disorder]"
# Keys typed ahead are read in order, one answer each.
ui_keys n 1 1 1 n n n n n n n n n n n
ui_wait "[diagnosis_done]"
ui_keys n
ui_wait "[notes]"
ui_keys Enter
ui_wait "Review the answers"
ui_screen | grep -q "pregnant" && ui_fail "a skipped question is listed on the review"
# Edit the diabetes answer from the review: the fifth row for this patient (sex, age,
# bleeding_disorder, blood_thinners, diabetes); the question shown proves the row.
ui_keys Home Down Down Down Down
ui_keys Enter
ui_wait "[diabetes]"
ui_keys 2
# The walk is complete: straight back to the review, with the new answer.
ui_wait "Review the answers"
ui_wait "controlled"
ui_keys End Enter
ui_wait "Verdict: refer_for_diagnosis"
ui_keys s
ui_wait "Report saved:"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status"

cat >"$UI_TMP/answers.yaml" <<'A'
answers:
  sex: male
  age: 42
  bleeding_disorder: "no"
  blood_thinners: none
  diabetes: controlled
  scalp_condition: [none]
  acute_illness: "no"
  allergy_components: "no"
  injection_reaction: "no"
  cancer_treatment: "no"
  cancer_history: "no"
  isotretinoin: "no"
  immunosuppressed: "no"
  autoimmune: "no"
  keloids: "no"
  fainting_needles: "no"
  heart_kidney_disease: "no"
  diagnosis_done: "no"
A
ui_expected_report "$UI_TMP/answers.yaml" P-BACK "Dr Ruiz" "$UI_TMP/expected" ||
    ui_fail "mesoscreen answer failed"
cmp -s "$(ui_report)" "$UI_TMP/expected" || {
    diff "$UI_TMP/expected" "$(ui_report)" >&2 || true
    ui_fail "the saved report differs from mesoscreen answer's"
}
echo "back and review: ok"
