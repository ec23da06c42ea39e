#!/bin/sh
# no_curl.sh MESOSCREEN ANSWERS.yaml - libcurl and the TLS stack stay off the common path: the
# program does not link them, and neither `answer` nor a screening (plain prompts, a FHIR
# server configured, interrupted before any save) loads them; a save with a server does.
set -u
bin=$1 answers=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-nocurl.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" LC_ALL=C TZ=UTC
fail() { echo "FAIL: $*" >&2; exit 1; }
loaded() { grep -E 'file=[^ ]*(libcurl|libssl|libgnutls|libnghttp2)' "$1" >/dev/null; }

if ldd "$bin" | grep -E 'libcurl|libssl|libgnutls|libnghttp2'; then
    fail "the program links the HTTP or TLS libraries"
fi
LD_DEBUG=files "$bin" answer --answers "$answers" --format fhir >/dev/null 2>"$tmp/answer.log" ||
    fail "answer failed"
loaded "$tmp/answer.log" && fail "answer loaded libcurl or a TLS library"
printf '1\n' | LD_DEBUG=files "$bin" --plain --patient P --practitioner D \
    --fhir-server http://127.0.0.1:1/fhir >/dev/null 2>"$tmp/plain.log"
grep -q 'file=' "$tmp/plain.log" || fail "LD_DEBUG shows nothing: the check cannot work"
loaded "$tmp/plain.log" && fail "a screening loaded libcurl or a TLS library before any save"
LD_DEBUG=files "$bin" answer --answers "$answers" --save --report-dir "$tmp/r" \
    --fhir-server http://127.0.0.1:1/fhir >/dev/null 2>"$tmp/save.log"
loaded "$tmp/save.log" || fail "a save with a FHIR server did not load the FHIR module's libcurl"
echo "no curl on the common path: ok"
