/* cmd_interactive.c - `mesoscreen` with no command: the screening, handed to src/ui. */
#include "cli.h"

#include "ui.h"

int cmd_interactive(const struct options *o)
{
    return ui_run(o);
}
