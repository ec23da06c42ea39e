/* ui.c - the interactive screening's entry: the locale, then the full-screen interface (the
 * module mesoscreen-tui.so, loaded here and only here, so that no other command maps curses)
 * or the plain prompts when asked (--plain), when stdin or stdout is not a terminal, or when
 * the module cannot be loaded. */
#include "ui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "module.h"
#include "plain.h"
#include "tui_module.h"
#include "utf8.h"
#include "xalloc.h"

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

/* The full-screen module's table, or NULL with *err set (caller frees). */
static const struct tui_module *ui_tui_module(char **err)
{
    const struct tui_module *mod = module_symbol("tui", TUI_MODULE_SYMBOL, err);
    if (mod && (mod->abi != TUI_MODULE_ABI || strcmp(mod->version, MESOSCREEN_VERSION) != 0)) {
        *err = xasprintf("the full-screen module (mesoscreen-tui.so) was built for another "
                         "version of mesoscreen");
        mod = NULL;
    }
    return mod;
}

enum ui_status ui_run(struct session *s, bool plain)
{
    if (plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return plain_run(s, stdin, stdout);
    char *err = NULL;
    const struct tui_module *tui = ui_tui_module(&err);
    if (tui)
        return tui->run(s);
    /* The screening goes on, as numbered prompts, rather than not at all. */
    char *safe = utf8_escape_controls(err, true);
    fprintf(stderr, "mesoscreen: warning: %s; asking with the plain prompts instead\n", safe);
    free(safe);
    free(err);
    return plain_run(s, stdin, stdout);
}
