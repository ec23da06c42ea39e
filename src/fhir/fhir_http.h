/* fhir_http.h - the FHIR delivery module's interface (mesoscreen-fhir.so): one POST to a
 * FHIR server with libcurl. Shared by the module and its caller (outbox.c), which loads it
 * with module_table only when something is sent, so that libcurl and the TLS stack never
 * load for the screens, the reports or `answer` without a server. */
#ifndef MESOSCREEN_FHIR_HTTP_H
#define MESOSCREEN_FHIR_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "module.h"

#define FHIR_HTTP_MODULE  "fhir"
#define FHIR_HTTP_SYMBOL  "fhir_http_module"
#define FHIR_HTTP_VERSION 1u

/* What came back. Strings are owned by the module's allocator: release with result_free. */
struct fhir_http_result {
    long status; /* the HTTP status; 0 when no response arrived */
    char *body;  /* the response body, NUL-terminated (at most 1 MiB kept); NULL if none */
    size_t body_len;
    char *error; /* why no response arrived (connection refused, timeout, certificate ...) */
};

struct fhir_http_module {
    struct module_head head; /* FHIR_HTTP_VERSION; any build (it calls none of the program) */
    /* POSTs body (len bytes of FHIR JSON) to url, with Authorization: Bearer token when
     * token is not NULL (the caller has checked that url is https or localhost). TLS
     * certificates and host names are always verified; redirects are not followed; waits at
     * most timeout_s seconds in all. Returns true when a response arrived (any status), false
     * with out->error set when none did. Never writes anything anywhere. */
    bool (*post)(const char *url, const char *token, const char *body, size_t len, long timeout_s,
                 struct fhir_http_result *out);
    void (*result_free)(struct fhir_http_result *r);
};

#endif
