/* ui.c - PLACEHOLDER until the screens land. */
#include "ui.h"

int ui_run(const struct options *o)
{
    (void)o;
    cli_error("the interactive screening is not implemented yet");
    return EXIT_SOFTWARE;
}
