#!/bin/sh
# spanish.sh - the interface's own words in Spanish (--lang es): the start screen, the question
# screen ("Pregunta n de ~m", the key line), the quit screen and the resume offer, the review
# and the result (the Spanish verdict, role and severity words); two complete screenings whose
# saved reports must equal `mesoscreen answer --lang es`'s for the same answers, and no English
# interface word left on the screens checked.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy.journal"

# ui_absent TEXT: fails when TEXT is on the screen (call after waiting for the screen's last
# line, the key line, so that the whole screen is drawn).
ui_absent() {
    if ui_screen | grep -F -q -- "$1"; then ui_fail "'$1' is on a Spanish screen"; fi
}

# Start screen, the first question, quitting with the answers kept, the resume offer.
ui_start -- --lang es
ui_wait "Nuevo cribado"
ui_wait "Id. paciente:"
ui_wait "Intro empezar"
ui_absent "New screening"
ui_keys "P-ES1" Tab "Dra. Peña" Enter
ui_wait "[sex]"
ui_wait "Pregunta 1 de ~"
ui_wait "Paciente: P-ES1"
ui_wait "1-9 responder"
ui_absent "Question"
ui_absent "quit"
ui_keys 1
ui_wait "[age]"
ui_wait "Respuesta:"
ui_keys 3
ui_wait "Pregunta 2 de ~"
ui_keys q
ui_wait "¿Salir de mesoscreen?"
ui_wait "Las respuestas dadas se conservan"
ui_wait "y salir"
ui_absent "Quit"
ui_keys y
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "quit: exit status $code, expected 130"
[ -f "$journal" ] || ui_fail "the journal was not kept"

ui_start -- --lang es
ui_wait "Se ha encontrado un cribado sin terminar"
ui_wait "Profesional:"
ui_wait "1 de ~"
ui_wait "preguntas respondidas"
ui_wait "r reanudar"
ui_absent "unfinished"
ui_keys d
ui_wait "Nuevo cribado"
ui_keys Escape
ui_wait "no hay nada que conservar."
ui_keys y
code=$(ui_exit_code)
[ "$code" = 0 ] || ui_fail "quit before starting: exit status $code, expected 0"

# run NAME PATIENT VERDICT_WORD ROLE_WORD TEXT: a complete screening from $UI_TMP/NAME.keys
# in Spanish; the result shows "Dictamen: VERDICT_WORD    Indicación: ROLE_WORD" and TEXT;
# the report saved equals `mesoscreen answer --lang es`'s.
run() {
    name=$1 patient=$2 verdict=$3 role=$4 text=$5
    ui_start -- --lang es --patient "$patient" --practitioner "Dra. Peña"
    ui_answer_script "$UI_TMP/$name.keys" "$UI_TMP/$name.yaml"
    ui_wait "Revisar las respuestas"
    ui_wait "-> Ver el resultado"
    ui_wait "Intro cambiar la respuesta"
    ui_absent "Review"
    ui_keys Enter
    ui_wait "Dictamen: $verdict    Indicación: $role"
    ui_wait "$text"
    ui_wait "s guardar el informe"
    ui_absent "Verdict"
    ui_absent "findings"
    ui_absent "Role"
    ui_keys s
    ui_wait "Informe guardado:"
    ui_keys q
    ui_wait "El informe está guardado."
    ui_keys y
    code=$(ui_exit_code)
    [ "$code" = 0 ] || ui_fail "$name: exit status $code after saving, expected 0"
    report=$(ui_report)
    ui_expected_report "$UI_TMP/$name.yaml" "$patient" "Dra. Peña" "$UI_TMP/$name.expected" \
        --lang es ||
        ui_fail "$name: mesoscreen answer --lang es failed on $UI_TMP/$name.yaml"
    cmp -s "$report" "$UI_TMP/$name.expected" || {
        diff "$UI_TMP/$name.expected" "$report" >&2 || true
        ui_fail "$name: the saved report differs from mesoscreen answer --lang es's"
    }
    grep -q "DICTAMEN:" "$report" || ui_fail "$name: the saved report is not in Spanish"
    rm -f "$report"
}

cp "$(dirname "$0")/healthy.keys" "$UI_TMP/healthy.keys"
run healthy P-ES2 apto "mesoterapia por sí sola" "Sin hallazgos."

# A temporary contraindication: the findings heading and the severity word in Spanish.
cp "$(dirname "$0")/pregnant.keys" "$UI_TMP/pregnant.keys"
run pregnant P-ES3 aplazado "mesoterapia por sí sola" "- [temporal]"
# Interface words are text, never a printf format (tests/ui/words.yaml).
ui_start -- -q "$(dirname "$0")/words.yaml" --patient P-W --practitioner D
ui_wait "[pregnant]"
ui_wait "%s%n%x 2/1 {9} {x} {"
ui_keys y
ui_wait "[keloids]"
ui_keys n
ui_wait "Review the answers"
ui_keys Enter
ui_wait "%n{1}deferred%s%nsingle%s"
echo "spanish: ok"
