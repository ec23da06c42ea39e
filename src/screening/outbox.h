/* outbox.h - saved screenings waiting for the clinic's FHIR server: each a transaction Bundle
 * in $XDG_STATE_HOME/mesoscreen/outbox/ (else ~/.local/state/mesoscreen/outbox/), written
 * like a report (save.h: 0600, atomic, never overwritten), removed once the server has it. */
#ifndef MESOSCREEN_OUTBOX_H
#define MESOSCREEN_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The outbox folder (not created). Returns NULL with *err (caller frees) when neither
 * XDG_STATE_HOME nor HOME is an absolute path. The caller frees the result. */
char *outbox_dir(char **err);

/* What became of a screening handed to the outbox, or of one `send` pass. */
struct outbox_result {
    size_t sent, waiting;
    char *message; /* the last delivery's words, for the practitioner (NULL if none) */
};

/* After a saved screening: puts bundle (the screening's FHIR transaction, file name from its
 * UUID and date) in the outbox and tries to send it to server at once. Returns 0 with *res
 * telling whether it was sent or waits (the desk carries on either way), or -1 with *err
 * when it cannot be put in the outbox. The caller frees res->message. */
int outbox_deposit(const char *server, const char *screening_id, time_t when, const char *bundle,
                   size_t len, struct outbox_result *res, char **err);

/* Called by outbox_send_all for each waiting file, in name order (oldest first). */
typedef void (*outbox_note_fn)(void *ctx, const char *name, bool sent, const char *message);

/* Sends every screening in the outbox to server, removing each one the server has. After the
 * server cannot be reached, the rest are not tried (noted as waiting with the same reason).
 * Returns 0 with the counts in *res, or -1 with *err (caller frees) when the outbox cannot be
 * read or server cannot be used (its URL or token). res->message is NULL. */
int outbox_send_all(const char *server, outbox_note_fn note, void *ctx, struct outbox_result *res,
                    char **err);

#endif
