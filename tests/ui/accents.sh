#!/bin/sh
# accents.sh - UTF-8 questionnaire text (accents, ñ, ¿¡, ·) drawn as written, a tab as a
# space, and accented people's names. (Control characters in --patient are refused before any
# screen: see answer_cli.people_control.)
. "$(dirname "$0")/lib.sh"
ui_init "$1"
questionnaire="$(dirname "$0")/accents.yaml"
patient="P-Ñandú 7"

ui_start -- -q "$questionnaire" --lang es --patient "$patient" --practitioner "Dra. Núñez"
ui_wait "[embarazo]"
ui_wait "Cribado de prueba: acentos y ñ"
ui_wait "Paciente · Año 2026"
ui_wait "¿Está embarazada la paciente? Señálelo (tab)"
ui_wait 'Patient: P-Ñandú 7'
ui_keys ?
ui_wait "Pregúntelo aunque parezca improbable, también."
ui_keys y
ui_wait "Rubio, ¡qué bien!"
ui_keys 2
ui_wait "Review the answers"
ui_keys Enter
ui_wait "Verdict: deferred"
ui_wait "Embarazo: volver a evaluar después."
# The report viewer shows the paper report's pages, a form feed as a blank line.
ui_keys v
ui_wait "Page 1 of 2"
ui_keys G
ui_wait "SHA-256:"
if ui_screen | grep -q '\\x0C\|\^L'; then
    ui_fail "the viewer shows the form feed"
fi
ui_keys v
ui_keys s
ui_wait "Report saved:"
ui_keys q y
[ "$(ui_exit_code)" = 0 ] || ui_fail "exit status"
grep -q "Castaño\|Rubio" "$(ui_report)" || ui_fail "the report lacks the accented answer text"
echo "accents: ok"
