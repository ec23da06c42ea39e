#!/bin/sh
# interrupt.sh - Ctrl-C, SIGTERM and SIGHUP restore the terminal and exit 130 with every answer
# journaled; the next start offers to resume, and the resumed screening's report equals an
# uninterrupted one.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy.journal"

ui_start -- --patient P-INT --practitioner "Dr Ruiz"
ui_wait "[sex]"
ui_keys 2
ui_wait "[age]"
ui_keys 5 0
ui_wait "[bleeding_disorder]"
ui_keys C-c
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "Ctrl-C: exit status $code, expected 130"
[ -f "$journal" ] || ui_fail "no journal after Ctrl-C"
# The terminal is restored: the shell's screen is back (no curses alternate screen left).
ui_wait "interrupted; its answers are kept"

# Resume: the offer shows the patient and the progress.
ui_start -- --patient P-INT --practitioner "Dr Ruiz"
ui_wait "An unfinished screening was found"
ui_wait "P-INT"
ui_wait "2 of ~"
ui_keys r
ui_wait "[bleeding_disorder]"
ui_keys n 1 1
ui_wait "[scalp_condition]"
kill -TERM "$(ui_pid)"
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "SIGTERM: exit status $code, expected 130"

ui_start -- --patient P-INT --practitioner "Dr Ruiz"
ui_wait "An unfinished screening was found"
ui_keys r
ui_wait "[scalp_condition]"
ui_keys 1 n n n
ui_wait "[cancer_treatment]"
kill -HUP "$(ui_pid)"
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "SIGHUP: exit status $code, expected 130"

ui_start -- --patient P-INT --practitioner "Dr Ruiz"
ui_wait "An unfinished screening was found"
ui_keys r
ui_wait "[cancer_treatment]"
ui_keys n n n n n n n n y 1 8
ui_wait "[other_treatments]"
ui_keys 1
ui_wait "[hair_transplant]"
ui_keys n
ui_wait "[notes]"
ui_keys Enter
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict:"
ui_keys s
ui_wait "Report saved:"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status after saving"
[ ! -e "$journal" ] || ui_fail "the journal was kept after saving"

cat >"$UI_TMP/answers.yaml" <<'A'
answers:
  sex: male
  age: 50
  bleeding_disorder: "no"
  blood_thinners: none
  diabetes: none
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
  diagnosis_done: "yes"
  diagnosis: androgenetic
  stage: norwood_7
  other_treatments: [none]
  hair_transplant: "no"
A
ui_expected_report "$UI_TMP/answers.yaml" P-INT "Dr Ruiz" "$UI_TMP/expected" ||
    ui_fail "mesoscreen answer failed"
cmp -s "$(ui_report)" "$UI_TMP/expected" || {
    diff "$UI_TMP/expected" "$(ui_report)" >&2 || true
    ui_fail "the resumed report differs from an uninterrupted one"
}
echo "interrupt and resume: ok"
