/* delivery.h - sending a screening's transaction Bundle to the clinic's FHIR server: the
 * server's URL and access token checked against the rules of product.md section 9 (a token
 * only over https or to this machine, never shown), and the POST through the FHIR module
 * (mesoscreen-fhir.so, libcurl), which is loaded on the first send only. */
#ifndef MESOSCREEN_DELIVERY_H
#define MESOSCREEN_DELIVERY_H

#include <stdbool.h>
#include <stddef.h>

/* A server ready to send to. */
struct delivery;

enum delivery_status {
    DELIVERY_SENT,        /* the server created the screening, or already had it */
    DELIVERY_REFUSED,     /* the server answered with an error: kept, sent again later */
    DELIVERY_UNREACHABLE, /* no answer (down, timeout, TLS): kept; later sends would wait too */
};

/* Whether url has the form of a server delivery_open can use: http:// or https://, a host, no
 * user or password, no space or control character. (The token rules are delivery_open's.) */
bool delivery_url_usable(const char *url);

/* The server at url (http or https, no user or password in it) with the access token of
 * $MESOSCREEN_FHIR_TOKEN, else of the file $MESOSCREEN_FHIR_TOKEN_FILE (default
 * $XDG_CONFIG_HOME/mesoscreen/fhir-token, else ~/.config/mesoscreen/fhir-token, when it
 * exists), which must be the user's own and readable by nobody else. Returns NULL with *err
 * (caller frees; never holding the token) when the URL, the token or their combination
 * cannot be used (a token over plain http to another machine). */
struct delivery *delivery_open(const char *url, char **err);

/* POSTs bundle (a transaction) and judges the answer: every entry created or already there
 * is DELIVERY_SENT. *msg says what happened in one line for the practitioner (caller frees;
 * never holds the token). Loading the FHIR module can fail: DELIVERY_UNREACHABLE then. */
enum delivery_status delivery_send(struct delivery *d, const char *bundle, size_t len, char **msg);

/* Waits at most seconds for an answer from now on (a desk does not wait long). */
void delivery_limit_timeout(struct delivery *d, long seconds);

/* Forgets the token (wiped) and frees d. NULL is a no-op. */
void delivery_close(struct delivery *d);

#endif
