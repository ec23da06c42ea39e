/* fhir_http.c - the FHIR delivery module (mesoscreen-fhir.so): POSTs a bundle with libcurl.
 * Self-contained (libc and libcurl only), so that it can be loaded into the program on
 * demand; see fhir_http.h for the contract. */
#include "fhir_http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#define BODY_MAX (1024 * 1024)

struct sink {
    char *data;
    size_t len;
};

static size_t http_collect(char *p, size_t size, size_t n, void *user)
{
    struct sink *s = user;
    size_t add = size * n;
    if (s->len + add > BODY_MAX)
        add = BODY_MAX - s->len; /* keep the start: the outcome is there */
    char *grown = realloc(s->data, s->len + add + 1);
    if (!grown)
        return 0; /* curl stops with a write error */
    memcpy(grown + s->len, p, add);
    s->data = grown;
    s->len += add;
    s->data[s->len] = '\0';
    return size * n;
}

static char *http_strdup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (d)
        strcpy(d, s);
    return d;
}

static bool http_post(const char *url, const char *token, const char *body, size_t len,
                      long timeout_s, struct fhir_http_result *out)
{
    static bool initialised;
    memset(out, 0, sizeof *out);
    if (!initialised) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
            out->error = http_strdup("cannot start libcurl");
            return false;
        }
        initialised = true;
    }
    CURL *c = curl_easy_init();
    if (!c) {
        out->error = http_strdup("cannot start libcurl");
        return false;
    }
    struct curl_slist *headers = NULL, *h;
    char *auth = NULL;
    h = curl_slist_append(headers, "Content-Type: application/fhir+json; charset=utf-8");
    headers = h ? h : headers;
    h = curl_slist_append(headers, "Accept: application/fhir+json");
    headers = h ? h : headers;
    if (token) {
        auth = malloc(strlen(token) + 32);
        if (auth) {
            snprintf(auth, strlen(token) + 32, "Authorization: Bearer %s", token);
            h = curl_slist_append(headers, auth);
            headers = h ? h : headers;
        }
    }
    struct sink sink = {0};
    char errbuf[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, http_collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s > 0 ? timeout_s : 30L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s > 0 && timeout_s < 10 ? timeout_s : 10L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "mesoscreen");
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    CURLcode rc = curl_easy_perform(c);
    bool ok = rc == CURLE_OK;
    if (ok) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
        out->body = sink.data;
        out->body_len = sink.len;
    } else {
        free(sink.data);
        out->error = http_strdup(errbuf[0] ? errbuf : curl_easy_strerror(rc));
    }
    curl_slist_free_all(headers);
    free(auth);
    curl_easy_cleanup(c);
    return ok;
}

static void http_result_free(struct fhir_http_result *r)
{
    free(r->body);
    free(r->error);
    memset(r, 0, sizeof *r);
}

/* The one symbol the program looks up. */
extern const struct fhir_http_module fhir_http_module;
__attribute__((visibility("default"))) const struct fhir_http_module fhir_http_module = {
    .head = {FHIR_HTTP_VERSION, NULL},
    .post = http_post,
    .result_free = http_result_free,
};
