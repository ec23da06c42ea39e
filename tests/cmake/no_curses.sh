#!/bin/sh
# no_curses.sh MESOSCREEN TUI_MODULE ANSWERS.yaml - curses stays off the path of the commands
# that draw no screen: the program does not link ncursesw or tinfo, and neither `answer` nor
# the plain prompts load them; and every symbol the full-screen module takes from the
# program is one the program exports (else the module could not load).
set -u
bin=$1 module=$2 answers=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mesoscreen-nocurses.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" LC_ALL=C TZ=UTC
fail() { echo "FAIL: $*" >&2; exit 1; }
loaded() { grep -E 'file=[^ ]*(libncursesw|libtinfo|mesoscreen-tui)' "$1" >/dev/null; }

if ldd "$bin" | grep -E 'libncurses|libtinfo'; then
    fail "the program links curses"
fi
LD_DEBUG=files "$bin" answer --answers "$answers" >/dev/null 2>"$tmp/answer.log" ||
    fail "answer failed"
grep -q 'file=' "$tmp/answer.log" || fail "LD_DEBUG shows nothing: the check cannot work"
loaded "$tmp/answer.log" && fail "answer loaded curses"
printf '1\n' | LD_DEBUG=files "$bin" --plain --patient P --practitioner D >/dev/null \
    2>"$tmp/plain.log"
loaded "$tmp/plain.log" && fail "the plain prompts loaded curses"

# The module's undefined symbols: each from the program, or from a library the module names.
nm -D --defined-only "$bin" | awk '{print $3}' >"$tmp/program"
for lib in $(ldd "$module" | awk '$3 ~ /^\// {print $3}'); do
    nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//'
done >>"$tmp/program"
nm -D --undefined-only "$module" | awk '$1 == "U" {print $2}' | sed 's/@.*//' >"$tmp/wanted"
[ -s "$tmp/wanted" ] || fail "nm lists nothing the module needs: the check cannot work"
missing=$(grep -vxFf "$tmp/program" "$tmp/wanted")
[ -z "$missing" ] || fail "the program does not export what mesoscreen-tui.so needs: $missing"
echo "no curses off the screens, and the module's symbols are all there: ok"
