/* cmd_answer.c - PLACEHOLDER until its owner lands the real command. */
#include "cli.h"

int cmd_answer(const struct options *o)
{
    (void)o;
    cli_error("answer: not implemented yet");
    return EXIT_SOFTWARE;
}
