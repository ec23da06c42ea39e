/* cmd_send.c - `mesoscreen send`: delivers the saved screenings waiting in the outbox to the
 * clinic's FHIR server (product.md section 9). Safe to run any number of times: the server
 * creates each screening once. Exit 0 when none waits any more, 75 when some still wait. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "outbox.h"

static void send_note(void *ctx, const char *name, bool sent, const char *message)
{
    (void)ctx;
    printf("%s %s: %s\n", sent ? "sent   " : "waiting", name, message);
}

int cmd_send(const struct options *o)
{
    if (!o->fhir_server) {
        cli_error("send: no FHIR server: give --fhir-server URL or set MESOSCREEN_FHIR_SERVER");
        return EXIT_USAGE;
    }
    struct outbox_result res;
    char *err = NULL;
    if (outbox_send_all(o->fhir_server, send_note, NULL, &res, &err) != 0) {
        cli_error("send: %s", err);
        free(err);
        return EXIT_TEMPFAIL;
    }
    if (res.sent + res.waiting == 0)
        printf("nothing waits to be sent\n");
    else
        printf("%zu sent, %zu still waiting\n", res.sent, res.waiting);
    if (fflush(stdout) != 0)
        return EXIT_CANTCREAT;
    return res.waiting > 0 ? EXIT_TEMPFAIL : EXIT_OK;
}
