#!/bin/sh
# fhir_result.sh MESOSCREEN SHAPES.yaml - in a real terminal, a screening saved with a FHIR
# server that cannot be reached: the report is saved, the desk carries on, the result screen
# says the screening waits to be sent, and it is in the outbox.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
shapes=$2

ui_start MESOSCREEN_FHIR_TIMEOUT=2 -- -q "$shapes" --patient P-FHIR --practitioner "Dr Ruiz" \
    --report-dir "$REPORTS" --fhir-server http://127.0.0.1:1/fhir
ui_wait "What is your sex?"
ui_keys 1
ui_wait "How old are you?"
ui_keys 2 5 Enter
ui_wait "A very large number?"
ui_keys 1 0 Enter
ui_wait "Which of these do you take?"
ui_keys 4 Enter
ui_wait "Anything else?"
ui_keys Enter
ui_wait "Neither alpha nor beta?"
ui_keys u
ui_wait "A nested condition?"
ui_keys y
ui_wait "No note was written?"
ui_keys n
ui_wait "Which grade?"
ui_keys 1
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict: eligible"
ui_keys s
ui_wait "Report saved:"
ui_wait "Waiting to send to the clinic's FHIR server"
n=$(ls "$XDG_STATE_HOME/mesoscreen/outbox" | wc -l)
[ "$n" -eq 1 ] || ui_fail "the outbox holds $n files, expected 1"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status after saving"
echo "fhir result screen: ok"
