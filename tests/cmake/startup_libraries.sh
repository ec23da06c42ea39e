#!/bin/sh
# startup_libraries.sh MESOSCREEN ANSWERS.yaml MODULE... - curses and jansson stay off the path
# of the commands that do not use them: the program links neither, `answer` (text) and the
# plain prompts load neither, `answer --format json` loads jansson with the JSON module; and
# every symbol each module (the screens', the JSON one) takes from the program is one the
# program exports (else the module could not load).
set -u
bin=$1 answers=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-startlibs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" LC_ALL=C TZ=UTC
fail() { echo "FAIL: $*" >&2; exit 1; }
loaded() { grep -E "file=[^ ]*($2)" "$1" >/dev/null; }
heavy='libncursesw|libtinfo|mesoscreen-tui|libjansson|mesoscreen-json'

if ldd "$bin" | grep -E 'libncurses|libtinfo|libjansson'; then
    fail "the program links curses or jansson"
fi
LD_DEBUG=files "$bin" answer --answers "$answers" >/dev/null 2>"$tmp/answer.log" ||
    fail "answer failed"
grep -q 'file=' "$tmp/answer.log" || fail "LD_DEBUG shows nothing: the check cannot work"
loaded "$tmp/answer.log" "$heavy" && fail "answer loaded curses or jansson"
printf '1\n' | LD_DEBUG=files "$bin" --plain --patient P --practitioner D >/dev/null \
    2>"$tmp/plain.log"
loaded "$tmp/plain.log" "$heavy" && fail "the plain prompts loaded curses or jansson"
LD_DEBUG=files "$bin" answer --answers "$answers" --format json >/dev/null 2>"$tmp/json.log" ||
    fail "answer --format json failed"
loaded "$tmp/json.log" 'mesoscreen-json' || fail "answer --format json did not load its module"

# Each module's undefined symbols: each from the program, or from a library the module names.
nm -D --defined-only "$bin" | awk '{print $3}' >"$tmp/program"
for module in "$@"; do
    cp "$tmp/program" "$tmp/has"
    for lib in $(ldd "$module" | awk '$3 ~ /^\// {print $3}'); do
        nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//'
    done >>"$tmp/has"
    nm -D --undefined-only "$module" | awk '$1 == "U" {print $2}' | sed 's/@.*//' >"$tmp/wanted"
    [ -s "$tmp/wanted" ] || fail "nm lists nothing $module needs: the check cannot work"
    missing=$(grep -vxFf "$tmp/has" "$tmp/wanted")
    [ -z "$missing" ] || fail "the program does not export what $module needs: $missing"
done
echo "no curses or jansson off their commands, and the modules' symbols are all there: ok"
