/* delivery.c - a screening's bundle to the clinic's FHIR server (see delivery.h): the URL
 * and token rules, the module that does the HTTP, and what the server's answer means. */
#include "delivery.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fhir_http.h"
#include "fhir_response.h"
#include "module.h"
#include "utf8.h"
#include "xalloc.h"

#define TOKEN_MAX       8192
#define TIMEOUT_DEFAULT 30
#define SHOWN_MAX       240 /* bytes of a server's message shown */

struct delivery {
    char *url;
    char *token; /* NULL: none */
    long timeout_s;
};

/* ---- the URL ---- */

/* The host of an http(s) URL (into a new string), or NULL when url is no usable http or
 * https URL; *https tells which. */
static char *url_host(const char *url, bool *https)
{
    size_t skip;
    if (strncasecmp(url, "https://", 8) == 0) {
        *https = true;
        skip = 8;
    } else if (strncasecmp(url, "http://", 7) == 0) {
        *https = false;
        skip = 7;
    } else {
        return NULL;
    }
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return NULL;
    const char *host = url + skip;
    size_t authority = strcspn(host, "/?#");
    if (memchr(host, '@', authority))
        return NULL; /* a user or password in the URL */
    size_t n = host[0] == '[' ? strcspn(host, "]") + 1 : strcspn(host, ":/?#");
    if (n == 0 || n > authority)
        return NULL;
    return xstrndup(host, n);
}

bool delivery_url_usable(const char *url)
{
    bool https;
    char *host = url_host(url, &https);
    bool usable = host != NULL;
    free(host);
    return usable;
}

/* Whether host names this machine: localhost, 127.0.0.0/8 or [::1]. */
static bool host_is_local(const char *host)
{
    if (strcasecmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
        return true;
    if (strncmp(host, "127.", 4) != 0)
        return false;
    return strspn(host + 4, "0123456789.") == strlen(host + 4);
}

/* ---- the token ---- */

/* Whether s can be a bearer token: visible ASCII only (RFC 6750), so that it cannot break
 * the request's headers. */
static bool token_usable(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x21 || *p > 0x7e)
            return false;
    return *s != '\0';
}

static void wipe(char *s)
{
    if (!s)
        return;
    volatile char *p = s;
    while (*p)
        *p++ = '\0';
}

/* The token file's path: $MESOSCREEN_FHIR_TOKEN_FILE (explicit: *given), else the default
 * under the user's configuration folder; NULL when there is no home. */
static char *token_file_path(bool *given)
{
    const char *env = getenv("MESOSCREEN_FHIR_TOKEN_FILE");
    *given = env && *env;
    if (*given)
        return xstrdup(env);
    const char *config = getenv("XDG_CONFIG_HOME");
    if (config && config[0] == '/')
        return xasprintf("%s/mesoscreen/fhir-token", config);
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return xasprintf("%s/.config/mesoscreen/fhir-token", home);
    return NULL;
}

/* Reads the token file. Returns 0 with *token (NULL when the default file does not exist),
 * or -1 with *err. */
static int token_from_file(char **token, char **err)
{
    bool given;
    char *path = token_file_path(&given);
    *token = NULL;
    if (!path)
        return 0;
    char *shown = utf8_escape_controls(path, false);
    int rc = -1;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        if (errno == ENOENT && !given)
            rc = 0;
        else
            *err = xasprintf("cannot read the FHIR token file %s: %s", shown, strerror(errno));
    } else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *err = xasprintf("the FHIR token file %s is not a regular file", shown);
    } else if (st.st_uid != getuid() || (st.st_mode & 077) != 0) {
        *err = xasprintf("the FHIR token file %s must be yours and private (chmod 600 %s): it "
                         "is not used as it is",
                         shown, shown);
    } else {
        char buf[TOKEN_MAX + 1];
        ssize_t n = read(fd, buf, TOKEN_MAX);
        if (n < 0) {
            *err = xasprintf("cannot read the FHIR token file %s: %s", shown, strerror(errno));
        } else {
            buf[n] = '\0';
            size_t len = strcspn(buf, "\r\n");
            buf[len] = '\0';
            while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
                buf[--len] = '\0';
            if (!token_usable(buf)) {
                *err = xasprintf("the FHIR token file %s holds no usable token on its first line "
                                 "(visible ASCII characters only)",
                                 shown);
            } else {
                *token = xstrdup(buf);
                rc = 0;
            }
            memset(buf, 0, sizeof buf);
        }
    }
    if (fd >= 0)
        close(fd);
    free(shown);
    free(path);
    return rc;
}

struct delivery *delivery_open(const char *url, char **err)
{
    *err = NULL;
    bool https = false;
    char *host = url ? url_host(url, &https) : NULL;
    if (!host) { /* the URL is not shown: with a user in it, it may hold a password */
        *err = xstrdup("the FHIR server is not an http:// or https:// URL with a host (and no "
                       "user or password in it)");
        return NULL;
    }
    char *token = NULL;
    const char *env = getenv("MESOSCREEN_FHIR_TOKEN");
    if (env && *env) {
        if (!token_usable(env)) {
            *err = xstrdup("$MESOSCREEN_FHIR_TOKEN holds characters a bearer token cannot have "
                           "(visible ASCII only)");
            free(host);
            return NULL;
        }
        token = xstrdup(env);
    } else if (token_from_file(&token, err) != 0) {
        free(host);
        return NULL;
    }
    if (token && !https && !host_is_local(host)) {
        char *shown = utf8_escape_controls(url, false);
        *err = xasprintf("an access token is sent only over https or to this machine, and %s is "
                         "plain http to another machine: use https",
                         shown);
        free(shown);
        wipe(token);
        free(token);
        free(host);
        return NULL;
    }
    free(host);

    struct delivery *d = xcalloc(1, sizeof *d);
    d->url = xstrdup(url);
    size_t n = strlen(d->url);
    while (n > 0 && d->url[n - 1] == '/')
        d->url[--n] = '\0'; /* a transaction goes to the base itself */
    d->token = token;
    d->timeout_s = TIMEOUT_DEFAULT;
    const char *t = getenv("MESOSCREEN_FHIR_TIMEOUT");
    if (t && *t) {
        char *end;
        long v = strtol(t, &end, 10);
        if (*end == '\0' && v >= 1 && v <= 600)
            d->timeout_s = v;
    }
    return d;
}

void delivery_limit_timeout(struct delivery *d, long seconds)
{
    if (seconds > 0 && seconds < d->timeout_s)
        d->timeout_s = seconds;
}

void delivery_close(struct delivery *d)
{
    if (!d)
        return;
    wipe(d->token);
    free(d->token);
    free(d->url);
    free(d);
}

/* ---- the answer ---- */

/* s cut to SHOWN_MAX bytes, controls escaped, and the token (should a server echo it) hidden. */
static char *shown_text(const struct delivery *d, const char *s)
{
    char *cut = xstrndup(s, strnlen(s, SHOWN_MAX));
    if (d->token) {
        size_t tl = strlen(d->token);
        for (char *p = strstr(cut, d->token); p; p = strstr(p, d->token))
            memset(p, '*', tl);
    }
    char *out = utf8_escape_controls(cut, false);
    free(cut);
    return out;
}

enum delivery_status delivery_send(struct delivery *d, const char *bundle, size_t len, char **msg)
{
    char *err = NULL;
    const struct fhir_http_module *m =
        module_table(FHIR_HTTP_MODULE, FHIR_HTTP_SYMBOL, FHIR_HTTP_VERSION, &err);
    if (!m) {
        *msg = xasprintf("cannot send: %s", err);
        free(err);
        return DELIVERY_UNREACHABLE;
    }
    struct fhir_http_result r;
    char *url = utf8_escape_controls(d->url, false);
    if (!m->post(d->url, d->token, bundle, len, d->timeout_s, &r)) {
        char *why = shown_text(d, r.error ? r.error : "no answer");
        *msg = xasprintf("the FHIR server %s cannot be reached: %s", url, why);
        free(why);
        free(url);
        m->result_free(&r);
        return DELIVERY_UNREACHABLE;
    }
    struct fhir_response answer;
    fhir_response_read(r.body, r.body_len, &answer);
    enum delivery_status st = DELIVERY_REFUSED;
    if (r.status >= 200 && r.status < 300 && answer.done) {
        st = DELIVERY_SENT;
        *msg = answer.created ? xasprintf("sent to %s", url)
                              : xasprintf("already on %s (not sent twice)", url);
    } else {
        char *why = answer.outcome ? shown_text(d, answer.outcome) : NULL;
        const char *hint =
            r.status == 401 || r.status == 403  ? " (the access token was not accepted)"
            : r.status >= 200 && r.status < 300 ? " (not a complete transaction-response)"
                                                : "";
        *msg = xasprintf("the FHIR server %s refused it: HTTP %ld%s%s%s", url, r.status, hint,
                         why ? ": " : "", why ? why : "");
        free(why);
    }
    free(answer.outcome);
    free(url);
    m->result_free(&r);
    return st;
}
