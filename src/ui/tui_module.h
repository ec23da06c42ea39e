/* tui_module.h - the interface between mesoscreen and its full-screen module
 * (mesoscreen-tui.so), the only code that links curses: the module exports one constant table,
 * TUI_MODULE_SYMBOL, of this type (module.h). Commands that do not draw a screen (answer,
 * check, the plain prompts, ...) never load it, so they never map ncursesw and tinfo. */
#ifndef MESOSCREEN_TUI_MODULE_H
#define MESOSCREEN_TUI_MODULE_H

#include "module.h"
#include "session.h"
#include "ui.h"

#define TUI_MODULE_SYMBOL "mesoscreen_tui_module"
/* Raised whenever struct tui_module changes. The module calls the program's own functions
 * (the session, the words, the engine), so it must come from the same build: the program
 * also compares `version`. */
#define TUI_MODULE_ABI 2

struct tui_module {
    struct module_head head; /* TUI_MODULE_ABI, and its build's MESOSCREEN_VERSION */
    /* Runs the opened session s through the curses screens on the terminal (stdin and stdout
     * are one); s stays the caller's to close. */
    enum ui_status (*run)(struct session *s);
};

#endif
