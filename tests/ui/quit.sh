#!/bin/sh
# quit.sh - the start screen's fields, `q` asking before quitting (no goes back, yes keeps the
# screening and exits 130), the resume offer, and discarding it for a new screening.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journal="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy.journal"

ui_start --
ui_wait "New screening"
ui_keys "P-Ñ7" Tab "Dra. Peña" Enter
ui_wait "[sex]"
ui_wait "Patient: P-Ñ7"
ui_keys 1
ui_wait "[age]"
ui_keys q
ui_wait "Quit mesoscreen?"
ui_wait "The answers given so far are kept"
ui_keys n
ui_wait "[age]"
ui_keys q y
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "quit: exit status $code, expected 130"
grep -q "^[0-9]* [0-9a-f]\{8\} set sex female$" "$journal" || ui_fail "the answer is not in the journal"
[ "$(stat -c %a "$journal")" = 600 ] || ui_fail "journal mode $(stat -c %a "$journal")"
[ "$(stat -c %a "$(dirname "$journal")")" = 700 ] || ui_fail "journal directory not 0700"

ui_start --
ui_wait "An unfinished screening was found"
ui_wait "P-Ñ7"
ui_wait "Dra. Peña"
ui_wait "1 of ~"
ui_keys d
ui_wait "New screening"
[ ! -e "$journal" ] || ui_fail "the discarded journal is still there"
ui_keys Escape
ui_wait "Quit mesoscreen?"
ui_wait "nothing to keep."
ui_keys y
code=$(ui_exit_code)
[ "$code" = 0 ] || ui_fail "quit before starting: exit status $code, expected 0"

# A journal that cannot be read is offered for discarding, and kept aside.
printf 'mesoscreen-journal 2\ngarbage\n' >"$journal"
chmod 600 "$journal"
ui_start --
ui_wait "cannot be resumed"
ui_wait "hair-mesotherapy.journal:2:1:"
ui_wait "expected a record"
ui_keys d
ui_wait "New screening"
[ -f "$journal.bad" ] || ui_fail "the unreadable journal was not kept aside"
ui_keys Escape y
ui_exit_code >/dev/null
echo "quit and discard: ok"
