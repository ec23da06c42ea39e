#!/bin/sh
# validate.sh MESOSCREEN SOURCE_DIR WORK_DIR - every FHIR resource mesoscreen writes is valid
# R4 and every response matches its Questionnaire (fhircheck.mjs): the built-in questionnaire
# with a response for every clinical case of tests/cases in each of its languages, the
# golden reports' answers, and tests/fhir/shapes (every shape of condition).
set -u
bin=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/run.sh" check || exit $? # 77: no suitable Node.js, the test is skipped
rm -rf "$work" && mkdir -p "$work/builtin" "$work/labels" "$work/shapes" || exit 1
export SOURCE_DATE_EPOCH=1795596180 TZ=UTC LC_ALL=C
unset MESOSCREEN_REPORT_DIR LC_MESSAGES LANG
fail=0

"$bin" fhir-questionnaire >"$work/builtin.questionnaire.json" || exit 1
n=0
for answers in "$src"/tests/cases/*.yaml "$src"/tests/golden/reports/*.yaml; do
    name=$(basename "$answers" .yaml)
    expect=${answers%.yaml}.expect
    # answers that must be refused have no response to check
    [ -r "$expect" ] && grep -q '^exit:' "$expect" && continue
    [ -r "$src/tests/golden/reports/questionnaires/$name.yaml" ] && continue
    for lang in en es; do
        out="$work/builtin/$name.$lang.json"
        if ! "$bin" answer --answers "$answers" --format fhir --lang "$lang" \
            --patient-name "Test Patient" --answered-by guardian --clinic "Test Clinic" >"$out" 2>"$out.err"; then
            echo "answer --format fhir --lang $lang failed for $answers:" >&2
            cat "$out.err" >&2
            fail=1
        fi
        n=$((n + 1))
    done
done
[ "$n" -ge 100 ] || { echo "only $n responses were written: where are the cases?" >&2; exit 1; }
sh "$here/run.sh" fhircheck.mjs "$work/builtin.questionnaire.json" "$work"/builtin/*.json || fail=1

q=$src/tests/golden/reports/questionnaires/labels_es.yaml
"$bin" fhir-questionnaire -q "$q" >"$work/labels.questionnaire.json" || exit 1
"$bin" answer -q "$q" --answers "$src/tests/golden/reports/labels_es.yaml" --format fhir \
    >"$work/labels/labels_es.json" || fail=1
sh "$here/run.sh" fhircheck.mjs "$work/labels.questionnaire.json" "$work"/labels/*.json || fail=1

q=$src/tests/fhir/shapes/shapes.yaml
"$bin" fhir-questionnaire -q "$q" >"$work/shapes.questionnaire.json" || exit 1
for answers in "$src"/tests/fhir/shapes/[!s]*.yaml; do
    for lang in en es; do
        "$bin" answer -q "$q" --answers "$answers" --format fhir --lang "$lang" \
            >"$work/shapes/$(basename "$answers" .yaml).$lang.json" || fail=1
    done
done
sh "$here/run.sh" fhircheck.mjs "$work/shapes.questionnaire.json" "$work"/shapes/*.json || fail=1
exit $fail
