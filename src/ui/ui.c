/* ui.c - the interactive screening's entry: the locale, then the full-screen interface (the
 * module mesoscreen-tui.so, loaded here and only here, so that no other command maps curses)
 * or the plain prompts when asked (--plain), when stdin or stdout is not a terminal, or when
 * the module cannot be loaded. */
#include "ui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "module.h"
#include "plain.h"
#include "tui_module.h"
#include "utf8.h"

void ui_locale(void)
{
    /* Only what the program uses: the characters (UTF-8, their widths, curses) and the
     * system's messages (strerror). Numbers, dates and sorting stay C: the program formats
     * its own, and the other categories cost every start their loading. A locale named by
     * the environment but not installed (es_ES.UTF-8 on a fresh system) would leave curses
     * printing '?' for every accent: keep UTF-8 characters then. */
    if (!setlocale(LC_CTYPE, ""))
        setlocale(LC_CTYPE, "C.UTF-8");
    setlocale(LC_MESSAGES, "");
}

enum ui_status ui_run(struct session *s, bool plain)
{
    if (plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return plain_run(s, stdin, stdout);
    char *err = NULL;
    const struct tui_module *tui = module_table("tui", TUI_MODULE_SYMBOL, TUI_MODULE_ABI, &err);
    if (tui)
        return tui->run(s);
    /* The screening goes on, as numbered prompts, rather than not at all. */
    char *safe = utf8_escape_controls(err, true);
    fprintf(stderr, "mesoscreen: warning: %s; asking with the plain prompts instead\n", safe);
    free(safe);
    free(err);
    return plain_run(s, stdin, stdout);
}
