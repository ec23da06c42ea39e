#!/bin/sh
# journal_private.sh - a state folder or a journal that someone else could have written is never
# offered for resuming: the program refuses to start (73) and says what and how to fix it; a
# report folder that others may write to gets a warning when a report is saved there. The
# cases of another user's folder and journal need root (chown); they are left out otherwise.
. "$(dirname "$0")/journal_lib.sh"
jt_init "$1"
q="$(dirname "$0")/journal_full_disk.yaml"
dir="$XDG_STATE_HOME/mesoscreen/full-disk"
journal="$dir/P-PRIV.journal"

# A real journal, left by a screening ended with kill -9.
jt_start -q "$q" --patient P-PRIV --practitioner "Dr Ruiz"
jt_wait "1. Age"
jt_say 40
jt_wait "2. Note"
jt_kill9
[ -f "$journal" ] || jt_fail "no journal"

# expect_refused WHAT TEXT...: the next start exits 73, offers nothing, and says each TEXT.
expect_refused() {
    what=$1
    shift
    status=0
    "$MESOSCREEN" --plain --report-dir "$REPORTS" -q "$q" --patient P-PRIV \
        --practitioner "Dr Ruiz" </dev/null >"$TMP/out" 2>"$TMP/err" || status=$?
    [ "$status" -eq 73 ] || jt_fail "$what: exit status $status, expected 73"
    grep -qi "unfinished screening" "$TMP/out" && jt_fail "$what: the journal was offered"
    for text in "$@"; do
        grep -q -F -- "$text" "$TMP/err" || jt_fail "$what: the message lacks '$text'"
    done
}

chmod 777 "$dir"
expect_refused "folder 0777" "the journal folder $dir is writable by other users" \
    "chmod 700 '$dir'"
chmod 700 "$dir"

chmod 644 "$journal"
expect_refused "journal 0644" "the journal $journal can be read or changed by other users" \
    "chmod 600 '$journal'"
chmod 600 "$journal"

mv "$journal" "$TMP/elsewhere.journal"
ln -s "$TMP/elsewhere.journal" "$journal"
expect_refused "journal symlink" "the journal $journal is a symbolic link"
rm "$journal"
mv "$TMP/elsewhere.journal" "$journal"

if [ "$(id -u)" -eq 0 ]; then
    chown 65534 "$journal"
    expect_refused "another user's journal" "belongs to another user (uid 65534)"
    chown 0 "$journal"
    chown 65534 "$dir"
    expect_refused "another user's folder" \
        "the journal folder $dir belongs to another user (uid 65534)"
    chown 0 "$dir"
fi

# Everything private again: the screening is offered and finishes.
mkdir -m 777 "$REPORTS"
jt_resume "$q" P-PRIV '1\n\nn\nn\n\n'
grep -q "^Unfinished screenings:$" "$TMP/out" || jt_fail "no resume offer"
grep -q "warning: the report folder $REPORTS is writable by other users" "$TMP/err" ||
    jt_fail "no warning about the report folder"
printf 'answers:\n  age: 40\n  smoker: "no"\n  last: "no"\n' >"$TMP/a.yaml"
"$MESOSCREEN" answer -q "$q" --answers "$TMP/a.yaml" --save --report-dir "$REPORTS" \
    >/dev/null 2>"$TMP/err" || jt_fail "answer --save failed"
grep -q "warning: the report folder $REPORTS is writable by other users" "$TMP/err" ||
    jt_fail "no warning about the report folder from answer --save"
echo "private state: ok"
