#!/bin/sh
# quit.sh - the start screen's fields, `q` asking before quitting (no goes back, yes keeps the
# screening and exits 130), the unfinished screening listed at the next start, discarding it
# only after a question that names the patient, and an unreadable journal kept aside.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
journals="$XDG_STATE_HOME/mesoscreen/hair-mesotherapy"

ui_start --
ui_wait "New screening"
# Patient id, then (Tab past name, birth date and who answers) the practitioner.
ui_keys "P-Ñ7" Tab Tab Tab Tab "Dra. Peña" Enter
ui_wait_question sex
ui_wait "Patient: P-Ñ7"
ui_keys 1
ui_wait_question age
ui_keys q
ui_wait "Quit mesoscreen?"
ui_wait "The answers given so far are kept"
ui_keys n
ui_wait_question age
ui_keys q y
code=$(ui_exit_code)
[ "$code" = 130 ] || ui_fail "quit: exit status $code, expected 130"
journal=$(ls "$journals"/*.journal)
[ "$(echo "$journal" | wc -l)" = 1 ] || ui_fail "expected one journal, found: $journal"
grep -q "^[0-9]* [0-9a-f]\{8\} set sex female$" "$journal" || ui_fail "the answer is not in the journal"
[ "$(stat -c %a "$journal")" = 600 ] || ui_fail "journal mode $(stat -c %a "$journal")"
[ "$(stat -c %a "$journals")" = 700 ] || ui_fail "journal directory not 0700"

ui_start --
ui_wait "Unfinished screenings"
ui_wait "P-Ñ7"
ui_wait "Dra. Peña"
ui_wait "1 of ~"
ui_keys d
ui_wait "Discard the unfinished screening of P-Ñ7? Its 1 answers will be lost."
ui_keys n
ui_wait "Enter resume"
[ -e "$journal" ] || ui_fail "the journal went without a yes"
ui_keys d
ui_wait "Discard the unfinished screening of P-Ñ7?"
ui_keys y
ui_wait "New screening"
[ ! -e "$journal" ] || ui_fail "the discarded journal is still there"
ui_keys Escape
ui_wait "Quit mesoscreen?"
ui_wait "nothing to keep."
ui_keys y
code=$(ui_exit_code)
[ "$code" = 0 ] || ui_fail "quit before starting: exit status $code, expected 0"

# A journal that cannot be read is listed with why, and discarding keeps it aside.
printf 'mesoscreen-journal 2\ngarbage\n' >"$journals/P-BAD.journal"
chmod 600 "$journals/P-BAD.journal"
ui_start --
ui_wait "P-BAD.journal: cannot be read"
ui_wait ":2:1: expected a record"
ui_keys Enter
ui_wait "This screening cannot be resumed"
ui_keys d
ui_wait "Discard this unreadable screening?"
ui_keys y
ui_wait "New screening"
[ -f "$journals/P-BAD.journal.bad" ] || ui_fail "the unreadable journal was not kept aside"
ui_keys Escape y
ui_exit_code >/dev/null
echo "quit and discard: ok"
