#!/bin/sh
# run_lang_case.sh MESOSCREEN CASE.yaml CASE.expect - one clinical case of tests/cases in
# Spanish: the verdict must not depend on the language, only the words may.
#
# Runs `mesoscreen answer --format json` in English (--lang en), in Spanish (--lang es) and
# in Spanish chosen by the locale (LANG=es_ES.UTF-8, no --lang), and checks that
#   - the eligibility, role and finding ids of each equal CASE.expect's;
#   - the Spanish reports equal the English one once every text is taken out (ids,
#     severities, the answers behind each finding, recommendations, answers, SHA-256), and
#     print the same diagnostics;
#   - every finding, recommendation and question text of the Spanish report differs from
#     its English text (it was translated, not fallen back to English);
#   - the locale's report is byte for byte the --lang es one;
#   - the Spanish text report has the Spanish verdict word, no English heading, and no line
#     wider than 80 characters.
set -u
bin=$1 answers=$2 expect=$3
name=$(basename "$answers" .yaml)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-lang.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "lang case $name: $*" >&2
    for f in "$tmp"/*.err; do
        [ -s "$f" ] && { echo "--- $(basename "$f"):" >&2; cat "$f" >&2; }
    done
    exit 1
}

[ -r "$expect" ] || fail "no $expect"

# report OUT LOCALE ARGS...: `mesoscreen answer` on the case with LANG=LOCALE and no other
# locale variable, at a fixed time; stdout in $tmp/OUT, stderr in $tmp/OUT.err.
report() {
    out=$1 locale=$2
    shift 2
    (
        unset LC_ALL LC_MESSAGES
        LANG=$locale SOURCE_DATE_EPOCH=0 TZ=UTC
        export LANG SOURCE_DATE_EPOCH TZ
        exec "$bin" answer --answers "$answers" "$@" >"$tmp/$out" 2>"$tmp/$out.err"
    ) || fail "mesoscreen answer $* (LANG=$locale) exited $?"
}

report en.json C --format json --lang en
report es.json C --format json --lang es
report locale.json es_ES.UTF-8 --format json
report es.txt C --format text --lang es

# The value of "KEY: value" in the expect file; empty when absent.
field() {
    sed -n "s/^$1:[[:space:]]*//p" "$expect" | head -n 1 | sed 's/[[:space:]]*$//'
}
# The verdict of a JSON report as one line: eligibility, role, then the sorted finding ids.
verdict() {
    jq -r '[.eligibility, .role] + ([.findings[].id] | sort) | join(" ")' "$tmp/$1" ||
        fail "$1 is not a JSON report"
}
sorted() {
    printf '%s\n' "$1" | tr -s ' \t' '\n\n' | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' |
        sed 's/ $//'
}

want="$(field eligibility) $(field role)"
ids=$(sorted "$(field findings)")
[ -n "$ids" ] && want="$want $ids"
for r in en.json es.json locale.json; do
    got=$(verdict $r)
    [ "$got" = "$want" ] || fail "$r: '$got', expected '$want' (from $expect)"
done

cmp -s "$tmp/es.json" "$tmp/locale.json" ||
    fail "LANG=es_ES.UTF-8 printed another report than --lang es"
cmp -s "$tmp/en.json.err" "$tmp/es.json.err" ||
    fail "the Spanish run printed other diagnostics than the English one"

# Everything but the texts is the same in both languages.
jq -S 'del(.. | .text?) | del(.language, .disclaimer)' "$tmp/en.json" >"$tmp/en.bare" || fail "en.json is not JSON"
jq -S 'del(.. | .text?) | del(.language, .disclaimer)' "$tmp/es.json" >"$tmp/es.bare" || fail "es.json is not JSON"
cmp -s "$tmp/en.bare" "$tmp/es.bare" || {
    diff "$tmp/en.bare" "$tmp/es.bare" >&2
    fail "the Spanish report differs from the English one in more than its texts"
}

# Every text was translated: none of them is still the English one.
untranslated=$(jq -r -n --slurpfile en "$tmp/en.json" --slurpfile es "$tmp/es.json" '
    [("findings", "recommendations", "answers") as $part
     | range($en[0][$part] | length) as $i
     | select($en[0][$part][$i].text == $es[0][$part][$i].text)
     | "\($part): \($en[0][$part][$i] | .id // .question)"] | join(", ")') ||
    fail "cannot compare the texts"
[ -z "$untranslated" ] || fail "English text in the Spanish report: $untranslated"
n_texts=$(jq '[.findings[], .recommendations[], .answers[]] | length' "$tmp/es.json")
[ "$n_texts" -gt 0 ] || fail "the Spanish report has no texts to compare"

# The text report: Spanish headings and verdict, 80 columns at most.
case $(field eligibility) in
not_eligible) word="NO APTO" ;;
deferred) word="APLAZADO" ;;
refer_for_diagnosis) word="DERIVAR PARA DIAGNÓSTICO" ;;
eligible_with_precautions) word="APTO CON PRECAUCIONES" ;;
eligible) word="APTO" ;;
*) fail "unknown eligibility '$(field eligibility)' in $expect" ;;
esac
grep -q "^#  DICTAMEN: *$word  *#\$" "$tmp/es.txt" ||
    fail "the Spanish text report lacks the verdict line 'DICTAMEN: $word'"
for heading in HALLAZGOS "SIGUIENTE PASO" "DECLARACIÓN DEL PACIENTE" "DECISIÓN DEL MÉDICO" \
    RECOMENDACIONES "PREGUNTAS Y RESPUESTAS"; do
    grep -q "^$heading\$" "$tmp/es.txt" || fail "the Spanish text report lacks '$heading'"
done
# No English label left: headings, the box, the page header, groups, blanks to fill in.
english=$(grep -E '^(FINDINGS|NEXT STEP|PATIENT DECLARATION|PHYSICIAN.S DECISION|RECOMMENDATIONS|QUESTIONS AND ANSWERS|PRACTITIONER NOTES|FINDINGS IN DETAIL)$|VERDICT:|ROLE:|Page [0-9]+ of|Patient:|Answered by|Interview:|Practitioner:|Contraindications$|Precautions$|Referral$|because:|Signature:|\[ \] Treat|Product:|Re-screen:|Yes$|Unknown|once resolved|Written by|Language:' "$tmp/es.txt")
[ -z "$english" ] || fail "English in the Spanish text report: $english"
# jq counts characters (code points), not bytes; every character here is one column wide.
wide=$(jq -R -r 'ltrimstr("\f") | select(length > 80) | "\(length): \(.)"' "$tmp/es.txt") ||
    fail "cannot read the Spanish text report"
[ -z "$wide" ] || fail "lines wider than 80 columns in the Spanish text report:
$wide"
exit 0
