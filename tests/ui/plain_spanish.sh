#!/bin/sh
# plain_spanish.sh - the plain prompts in Spanish (--lang es): the fields asked, the yes/no
# prompt, a refused answer, the resume offer after the input ended, the Spanish verdict and
# role words, "Informe guardado:", and a saved report equal to `mesoscreen answer --lang es`'s.
# The answer keys stay y/n/u.
. "$(dirname "$0")/plain_lib.sh"

# The first five answers, one refused on the way, then the input ends.
{
    printf 'P-ES\nDra. Peña\n'
    head -n 2 "$TMP/healthy.in"
    echo quizá
    sed -n 3,5p "$TMP/healthy.in"
} >"$TMP/first.in"
plain --plain --lang es <"$TMP/first.in"
[ "$status" -eq 65 ] || fail "end of input: exit status $status, expected 65"
grep -q "^Id\. paciente: P-ES$" "$TMP/out" || fail "the patient id was not asked in Spanish"
grep -q "^Profesional: Dra\. Peña$" "$TMP/out" || fail "the practitioner was not asked in Spanish"
grep -q '^1\. .* \[número o valor\] / ? ayuda / < atrás: 1$' "$TMP/out" || fail "no Spanish choice prompt"
grep -q '^3\. .* \[y\] sí / \[n\] no / \[u\] no lo sabe / ? ayuda / < atrás: quizá$' "$TMP/out" ||
    fail "no Spanish yes/no prompt"
grep -q "^No se acepta: 'quizá' no es una de las respuestas\. Se admite: " "$TMP/out" ||
    fail "the refused answer was not explained in Spanish"
if grep -q "Not accepted\|\[y\]es\|\[number or value\]\|< back" "$TMP/out"; then
    fail "an English prompt in Spanish plain mode"
fi

{ echo r; tail -n +6 "$TMP/healthy.in"; } >"$TMP/rest.in"
plain --plain --lang es --patient P-ES --practitioner "Dra. Peña" <"$TMP/rest.in"
[ "$status" -eq 0 ] || fail "resumed run: exit status $status"
found="^Se ha encontrado un cribado sin terminar: paciente P-ES, profesional Dra\. Peña, .* 5 de ~"
grep -q "$found" "$TMP/out" || fail "no Spanish resume offer"
grep -q '^\[r\]eanudar / \[d\]escartar: r$' "$TMP/out" || fail "no Spanish resume prompt"
grep -q "^Respuestas:$" "$TMP/out" || fail "no Spanish review"
grep -q "^Dictamen: apto$" "$TMP/out" || fail "no Spanish verdict"
grep -q "^Indicación: mesoterapia por sí sola$" "$TMP/out" || fail "no Spanish role"
grep -q "^Informe guardado: $REPORTS/2023-11-14_P-ES.txt$" "$TMP/out" || fail "no saved path"
if grep -q "^Verdict\|^Role\|^Report saved\|^Answers:" "$TMP/out"; then
    fail "an English word in Spanish plain mode"
fi

"$MESOSCREEN" answer --lang es --answers "$TMP/healthy.yaml" --patient P-ES \
    --practitioner "Dra. Peña" -o "$TMP/expected" 2>/dev/null || fail "mesoscreen answer failed"
cmp -s "$REPORTS/2023-11-14_P-ES.txt" "$TMP/expected" || {
    diff "$TMP/expected" "$REPORTS/2023-11-14_P-ES.txt" >&2 || true
    fail "the saved report differs from mesoscreen answer --lang es's"
}
grep -q "DICTAMEN:" "$TMP/expected" || fail "the report is not in Spanish"
[ ! -e "$JOURNAL" ] || fail "the journal was kept after saving"
# Interface words are text, never a printf format: tests/ui/words.yaml's are printed as
# written, only their {1}, {2}, ... replaced (an argument's own braces left alone).
rm -rf "$REPORTS"
printf 'y\nn\n\n' >"$TMP/words.in"
plain --plain -q "$(dirname "$0")/words.yaml" --patient P-W --practitioner D <"$TMP/words.in"
[ "$status" -eq 0 ] || fail "words questionnaire: exit status $status"
grep -qF '1. Pregnant? [y]%s%n%p / [n]%d / < back: y' "$TMP/out" || fail "yes/no word not as written"
grep -qxF 'Verdict%n%s: %n{1}deferred%s %n{1}deferred%s {3} {' "$TMP/out" ||
    fail "verdict words not as written"
echo "plain spanish: ok"
