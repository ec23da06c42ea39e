/* fhir_response.h - what a FHIR server's answer to a transaction Bundle says, read from its
 * JSON body: whether every entry was accepted, how many were created, and the words of an
 * OperationOutcome when it refused. */
#ifndef MESOSCREEN_FHIR_RESPONSE_H
#define MESOSCREEN_FHIR_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

struct fhir_response {
    bool done;      /* a transaction-response whose every entry is 2xx */
    size_t created; /* how many of its entries were created (201) */
    char *outcome;  /* the first issue's words (details.text, else diagnostics), or NULL */
};

/* Reads the body[0..len) of a server's answer (body NULL: none) into *out. Never fails: a
 * body that is no JSON, or not a transaction-response, is not done. The caller frees
 * out->outcome, raw as the server sent it (escape it before showing it). */
void fhir_response_read(const char *body, size_t len, struct fhir_response *out);

#endif
