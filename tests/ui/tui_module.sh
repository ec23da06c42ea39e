#!/bin/sh
# tui_module.sh MESOSCREEN MODULE_DIR - the screens live in the module mesoscreen-tui.so: a
# screening on a terminal loads it (and with it curses); a program without its module
# (MODULE_DIR, the configured install folder, holding none either) says so and asks with the
# plain prompts instead, the screening carried through to its report.
. "$(dirname "$0")/lib.sh"
ui_init "$1"
module_dir=$2

ui_start LD_DEBUG=files "LD_DEBUG_OUTPUT=$UI_TMP/ld" -- --patient P-MOD --practitioner D
ui_wait_question sex
grep -h 'file=[^ ]*mesoscreen-tui.so' "$UI_TMP"/ld.* >/dev/null ||
    ui_fail "the screens came up without loading mesoscreen-tui.so"
grep -h 'file=[^ ]*libncursesw' "$UI_TMP"/ld.* >/dev/null ||
    ui_fail "the screens came up without loading ncursesw"
ui_keys q
ui_wait "Quit mesoscreen?"
ui_keys y
ui_exit_code >/dev/null

if [ -e "$module_dir/mesoscreen-tui.so" ]; then
    echo "skipped the missing-module half: $module_dir holds an installed mesoscreen-tui.so"
    exit 0
fi
mkdir "$UI_TMP/alone"
cp "$MESOSCREEN" "$UI_TMP/alone/mesoscreen"
MESOSCREEN="$UI_TMP/alone/mesoscreen"
ui_start -- --patient P-ALONE --practitioner D
ui_wait "mesoscreen-tui.so"
ui_wait "plain prompts instead"
ui_wait "[number or value]"
ui_wait_question sex
echo "the screens load from their module, and the plain prompts stand in without it: ok"
