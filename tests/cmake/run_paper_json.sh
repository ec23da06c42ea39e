#!/bin/sh
# run_paper_json.sh MESOSCREEN ANSWERS - the JSON report carries what the paper report shows:
# the people fields, the program's version, the language and the disclaimer.
set -u
bin=$1 answers=$2
out=$(env -u MESOSCREEN_CLINIC SOURCE_DATE_EPOCH=1795596180 TZ=America/New_York \
    "$bin" answer --answers "$answers" --format json --lang es --patient-name "Inés Peña" \
    --birth-date 1984-02-29 --answered-by guardian --clinic "Clínica Sol") ||
    { echo "mesoscreen answer --format json failed" >&2; exit 1; }
version=$("$bin" --version | head -n 1 | awk '{ print $NF }')
echo "$out" | jq -e --arg v "$version" '
    .patient_name == "Inés Peña" and .birth_date == "1984-02-29" and
    .answered_by == "guardian" and .clinic == "Clínica Sol" and .replaces == null and
    .language == "es" and .mesoscreen_version == $v and
    (.disclaimer | test("médico responsable")) and
    .timestamp == "2026-11-25T03:43:00-05:00"' >/dev/null || {
    echo "the JSON report lacks a field or has a wrong one:" >&2
    echo "$out" | jq '{patient_name, birth_date, answered_by, clinic, replaces, language,
        mesoscreen_version, disclaimer, timestamp}' >&2
    exit 1
}
# Without the options they are null, never missing.
out=$(env -u MESOSCREEN_CLINIC SOURCE_DATE_EPOCH=0 TZ=UTC "$bin" answer --answers "$answers" \
    --format json) || exit 1
echo "$out" | jq -e 'has("patient_name") and .patient_name == null and .clinic == null and
    .birth_date == null and .answered_by == null' >/dev/null ||
    { echo "missing people fields are not null" >&2; exit 1; }
exit 0
