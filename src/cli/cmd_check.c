/* cmd_check.c - PLACEHOLDER until its owner lands the real command. */
#include "cli.h"

int cmd_check(const struct options *o)
{
    (void)o;
    cli_error("check: not implemented yet");
    return EXIT_SOFTWARE;
}
