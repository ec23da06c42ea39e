#!/bin/sh
# run_lang_select.sh MESOSCREEN CASE ANSWERS - how the report's language is chosen: --lang,
# else LC_ALL, LC_MESSAGES, LANG (the first one set decides; C and POSIX mean the default),
# else the questionnaire's first language (English). ANSWERS is an answers file for the
# built-in questionnaire. CASE is one of:
#   unknown_lang      answer --lang fr: exit 64, a message naming the language, no report
#   unknown_lang_plain --plain --lang fr: the same, before any question or journal
#   unknown_lang_check check --lang fr FILE: refused the same way, naming the file
#   unknown_lang_paths paths --lang fr: the same
#   unknown_lang_show  show-default --lang fr: the same
#   unknown_lang_fhir  fhir-questionnaire --lang fr: the same
#   unknown_locale    LANG=fr_FR.UTF-8: not an error, the report in English
#   lc_all_wins       LC_ALL=en_GB.UTF-8 over LANG=es_ES.UTF-8: English
#   lc_all_c          LC_ALL=C over LANG=es_ES.UTF-8: English
#   lc_messages       LC_MESSAGES=es_ES.UTF-8 over LANG=en_US.UTF-8: Spanish
#   option_wins       --lang en over LANG=es_ES.UTF-8: English
#   plain_es          a whole screening with --plain --lang es: Spanish questions, and the
#                     saved report is `answer --lang es`'s
set -u
bin=$1 case=$2 answers=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-lang-select.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "lang select $case: $*" >&2
    [ -s "$tmp/err" ] && { echo "--- stderr:" >&2; cat "$tmp/err" >&2; }
    exit 1
}

# run VAR=VALUE... -- ARGS...: mesoscreen ARGS with no locale variable but the VARs given,
# a fixed time and private state and report folders; stdout in $tmp/out, stderr in
# $tmp/err, the exit status in $rc.
run() {
    rc=0
    (
        unset LC_ALL LC_MESSAGES LANG MESOSCREEN_REPORT_DIR
        while [ "$1" != -- ]; do
            export "$1"
            shift
        done
        shift
        SOURCE_DATE_EPOCH=1795596180 TZ=UTC XDG_STATE_HOME=$tmp/state
        export SOURCE_DATE_EPOCH TZ XDG_STATE_HOME
        exec "$bin" --report-dir "$tmp/reports" "$@"
    ) >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# reference LANG: the JSON report in that language chosen by --lang, into $tmp/LANG.json.
reference() {
    run -- answer --answers "$answers" --format json --lang "$1"
    [ "$rc" -eq 0 ] || fail "answer --lang $1 exited $rc"
    mv "$tmp/out" "$tmp/$1.json"
}

# expect_report LANG VAR=VALUE... -- ARGS...: the JSON report with that environment and
# those arguments is the LANG one.
expect_report() {
    want=$1
    shift
    reference en
    reference es
    cmp -s "$tmp/en.json" "$tmp/es.json" && fail "the English and Spanish reports are the same"
    run "$@" answer --answers "$answers" --format json
    [ "$rc" -eq 0 ] || fail "exit $rc"
    [ ! -s "$tmp/err" ] || fail "unexpected diagnostics"
    cmp -s "$tmp/out" "$tmp/$want.json" || fail "the report is not the '$want' one"
}

# expect_refused ARGS...: exit 64, the language named on stderr with the ones the
# questionnaire has, nothing on stdout, no journal or report written.
expect_refused() {
    run -- "$@"
    [ "$rc" -eq 64 ] || fail "exit $rc, expected 64 (usage)"
    grep -q "no language 'fr'; it has: en, es\$" "$tmp/err" ||
        fail "stderr does not name the language 'fr' and the ones there are (en, es)"
    [ ! -s "$tmp/out" ] || fail "something was printed on stdout"
    [ ! -e "$tmp/state" ] && [ ! -e "$tmp/reports" ] || fail "a journal or report was written"
}

case $case in
unknown_lang) expect_refused answer --answers "$answers" --lang fr ;;
unknown_lang_plain) expect_refused --plain --patient P-FR --lang fr </dev/null ;;
unknown_lang_check)
    expect_refused check --lang fr "$(dirname "$0")/../../questionnaires/hair-mesotherapy.yaml"
    grep -q "hair-mesotherapy.yaml: the questionnaire has no language" "$tmp/err" ||
        fail "check does not name the file"
    ;;
unknown_lang_paths) expect_refused paths --lang fr ;;
unknown_lang_show) expect_refused show-default --lang fr ;;
unknown_lang_fhir) expect_refused fhir-questionnaire --lang fr ;;
unknown_locale) expect_report en LANG=fr_FR.UTF-8 -- ;;
lc_all_wins) expect_report en LC_ALL=en_GB.UTF-8 LANG=es_ES.UTF-8 -- ;;
lc_all_c) expect_report en LC_ALL=C LANG=es_ES.UTF-8 -- ;;
lc_messages) expect_report es LC_MESSAGES=es_ES.UTF-8 LANG=en_US.UTF-8 -- ;;
option_wins) expect_report en LANG=es_ES.UTF-8 -- --lang en ;;
plain_es)
    # The healthy screening of a woman of 34 with early androgenetic alopecia, typed as
    # option numbers, y/n keys and values; an empty line ends the notes and the review.
    printf '%s\n' 1 34 n n n 1 1 1 n n n n n n n n n n n y 1 1 1 n "" "" >"$tmp/in"
    run LANG=C -- --plain --lang es --patient P-ES --practitioner "Dra. Núñez" <"$tmp/in"
    [ "$rc" -eq 0 ] || fail "exit $rc"
    for q in "¿Cuál es su sexo?" "¿Está embarazada o podría estarlo?" \
        "¿Tiene ahora mismo alguno de estos problemas en el cuero cabelludo?" \
        "Alopecia androgenética (calvicie común)" "Ludwig 1"; do
        grep -q -F "$q" "$tmp/out" || fail "the prompts lack '$q'"
    done
    grep -q -F "What is your sex?" "$tmp/out" && fail "an English question in the prompts"
    set -- "$tmp"/reports/*_P-ES.txt
    [ $# -eq 1 ] && [ -f "$1" ] || fail "no saved report in $tmp/reports"
    saved=$1
    run -- answer --answers "$(dirname "$0")/../ui/healthy.yaml" --lang es --patient P-ES \
        --practitioner "Dra. Núñez"
    [ "$rc" -eq 0 ] || fail "answer exited $rc"
    cmp -s "$tmp/out" "$saved" || {
        diff "$tmp/out" "$saved" >&2
        fail "the saved report differs from answer --lang es's"
    }
    grep -q "^#  DICTAMEN: *APTO  *#\$" "$saved" || fail "the saved report is not in Spanish"
    ;;
*) fail "unknown case" ;;
esac
exit 0
