#!/bin/sh
# safety.sh - nothing is answered unseen, and every screen speaks words: the age question's
# "5 2 Enter Enter" leaves the next question unanswered and on screen; a burst of keys sent
# while a screen changes answers at most the question that was visible; Enter with nothing
# chosen and a key that does nothing say so; ? shows the help and the keys; staging is keyed
# by grade (v for Norwood 3 vertex); no question ids on the question screen; the review in
# option texts; the result's verdict and role in words; progress never goes backwards.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy/P-SAFE.journal"

ui_start -- --patient P-SAFE --practitioner "Dr Ruiz"
ui_wait_question sex
ui_screen | grep -q "\[sex\]" && ui_fail "a question id on the question screen"
# Nothing preselected: Enter chooses nothing, and says so.
ui_keys Enter
ui_wait "Nothing chosen yet: press an answer's key, or Up/Down then Enter."
ui_wait_question sex
ui_keys x
ui_wait "The key 'x' does nothing here: press ? for the keys of this screen."
ui_keys NPage # named as on the keyboard, not as curses names it
ui_wait "The key PgDn does nothing here: press ? for the keys of this screen."
ui_keys 2
ui_wait_question age
# Two digits are not an answer until Enter; the habitual second Enter answers nothing.
ui_keys 5 2
ui_wait "Answer:   52"
sleep 0.5
ui_screen | grep -q "How old are you?" || ui_fail "52 was taken without Enter"
ui_keys Enter Enter
ui_wait_question bleeding_disorder
sleep 1
ui_wait_question bleeding_disorder
grep -q "bleeding_disorder" "$journal" && ui_fail "the second Enter answered the bleeding question"
grep -q "age 52" "$journal" || ui_fail "the age was not recorded"

# A burst sent as one write while the screen changes: only the question shown is answered.
ui_keys n n n n n n
ui_wait_question blood_thinners
sleep 1
ui_wait_question blood_thinners
grep -q "blood_thinners" "$journal" && ui_fail "the burst answered a question not yet shown"
grep -q "bleeding_disorder no" "$journal" || ui_fail "the visible question was not answered"
[ "$(grep -c "^[0-9]* [0-9a-f]\{8\} set " "$journal")" -eq 3 ] || ui_fail "the burst recorded more than one answer"

# ? shows the question's help and the keys of this screen.
ui_keys ?
ui_wait "Some medicines and supplements make bruising"
ui_wait "Keys: the key beside an answer (1-5), or Space, ticks or unticks it"
ui_wait "1-5/Space tick"

# Progress: "Question n of ~m" never counts back, and the bar (always the full width) never
# empties, question after question, as answers remove later questions.
progress() {
    ui_screen | sed -n 's/.*Question \([0-9]*\) of ~\([0-9]*\).*/\1/p'
}
bar() {
    ui_screen | sed -n '4s/^ *\[\([#.]*\)\].*/\1/p'
}
last_n=0 last_fill=0 width=
for a in "blood_thinners 1" "diabetes 2" "scalp_condition 1" "acute_illness n" \
    "allergy_components n" "injection_reaction n" "cancer_treatment n" "cancer_history n" \
    "isotretinoin n" "immunosuppressed n" "autoimmune n" "keloids n" "fainting_needles n" \
    "heart_kidney_disease n" "diagnosis_done y" "diagnosis 1"; do
    # shellcheck disable=SC2086 # ID and keys are words
    set -- $a
    ui_wait_question "$1"
    n=$(progress)
    b=$(bar)
    fill=$(printf '%s' "$b" | tr -cd '#' | wc -c)
    [ -n "$width" ] || width=${#b}
    [ "${#b}" -eq "$width" ] || ui_fail "the bar changed width at $1: ${#b}, was $width"
    [ "$n" -ge "$last_n" ] || ui_fail "question number went back at $1: $n after $last_n"
    [ "$fill" -ge "$last_fill" ] || ui_fail "the bar went back at $1: $fill after $last_fill"
    last_n=$n last_fill=$fill
    ui_keys "$2"
done

# Staging keyed by grade, each key shown beside its option: 5 is Norwood 5, v is 3 vertex.
ui_wait_question stage
ui_wait "v  Norwood 3 vertex"
ui_wait "4  Norwood 4"
ui_wait "5  Norwood 5"
ui_wait "0  Not staged in the report"
ui_wait "1-3,v,4-7,0 answer"
ui_keys 5
ui_answers "other_treatments 1" "hair_transplant n" "notes Enter"

# The review: option texts, not codes.
ui_wait "Review the answers"
ui_keys Home
ui_wait "Male"
ui_keys End
ui_wait "Norwood 5"
ui_wait "Androgenetic alopecia (pattern hair"
ui_screen | grep -q "androgenetic\|norwood_5" && ui_fail "option codes on the review"
ui_keys Enter
ui_wait "Verdict: Eligible with precautions"
ui_wait "Role: alongside other hair-loss treatment"
ui_screen | grep -q "eligible_with_precautions\|adjuvant" && ui_fail "codes on the result screen"
ui_keys s
ui_wait "Report saved:"
ui_keys q
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status after saving"
grep -q "norwood_5\|Norwood 5" "$(ui_report)" || ui_fail "the stage is not in the report"
echo "safety: ok"
