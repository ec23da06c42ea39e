/* cmd_paths.c - PLACEHOLDER until its owner lands the real command. */
#include "cli.h"

int cmd_paths(const struct options *o)
{
    (void)o;
    cli_error("paths: not implemented yet");
    return EXIT_SOFTWARE;
}
