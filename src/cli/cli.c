/* cli.c - what every command needs: the questionnaire, the language, error messages. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "diag.h"
#include "loader.h"
#include "outbox.h"
#include "strbuf.h"
#include "utf8.h"
#include "validator.h"
#include "xalloc.h"

/* The program's message line ("mesoscreen: ..."), as xdie writes it. */
static void message_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void message_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xvmessage(fmt, ap);
    va_end(ap);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    /* Messages name files and values from outside: never send their control bytes raw. */
    char *safe = utf8_escape_controls(msg, true);
    message_line("%s", safe);
    free(safe);
    free(msg);
}

int cli_open_questionnaire(const struct options *o, struct questionnaire **out)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    enum load_status st;

    *out = NULL;
    if (!o->questionnaire) { /* compiled and validated at build time */
        *out = builtin_questionnaire();
        return EXIT_OK;
    }
    st = loader_load_file(o->questionnaire, &d, &q);
    if (st == LOAD_OK && !validator_check(q, &d)) {
        model_free(q);
        q = NULL;
        st = LOAD_BAD_DATA;
    }
    diags_sort(&d);
    diags_print(&d, stderr);
    diags_clear(&d);
    if (st == LOAD_IO_ERROR)
        return EXIT_NOINPUT;
    if (st != LOAD_OK)
        return EXIT_DATA;
    *out = q;
    return EXIT_OK;
}

/* "es_ES.UTF-8" -> "es" into buf; "" when there is no usable locale. */
static void locale_language(char *buf, size_t size)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        size_t n = strcspn(v, "_.@");
        if (n == 0 || n >= size || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0)
            return;
        memcpy(buf, v, n);
        buf[n] = '\0';
        return;
    }
}

int cli_language_named(const struct questionnaire *q, const char *lang, const char *file)
{
    for (size_t i = 0; i < q->n_languages; i++)
        if (strcmp(q->languages[i], lang) == 0)
            return (int)i;
    struct strbuf has = STRBUF_INIT;
    for (size_t i = 0; i < q->n_languages; i++)
        strbuf_printf(&has, "%s%s", i ? ", " : "", q->languages[i]);
    char *list = strbuf_release(&has, NULL);
    cli_error("%s%sthe questionnaire has no language '%s'; it has: %s", file ? file : "",
              file ? ": " : "", lang, list);
    free(list);
    return -1;
}

/* The index of o->lang, the locale's language or 0 (see cli_open_questionnaire_and_language); -1
 * after printing an error when --lang names a language q lacks. */
static int cli_language(const struct options *o, const struct questionnaire *q)
{
    if (o->lang)
        return cli_language_named(q, o->lang, NULL);
    char code[16];
    locale_language(code, sizeof code);
    for (size_t i = 0; i < q->n_languages; i++)
        if (strcmp(q->languages[i], code) == 0)
            return (int)i;
    return 0;
}

int cli_open_questionnaire_and_language(const struct options *o, struct questionnaire **out,
                                        size_t *lang)
{
    int rc = cli_open_questionnaire(o, out);
    if (rc != EXIT_OK)
        return rc;
    int i = cli_language(o, *out);
    if (i < 0) {
        model_free(*out);
        *out = NULL;
        return EXIT_USAGE;
    }
    *lang = (size_t)i;
    return EXIT_OK;
}

int cli_deposit(const struct options *o, const char *screening_id, time_t when, const char *fhir,
                size_t len)
{
    struct outbox_result res;
    char *err = NULL;
    if (outbox_deposit(o->fhir_server, screening_id, when, fhir, len, &res, &err) != 0) {
        cli_error("cannot put the screening in the FHIR outbox: %s", err);
        free(err);
        return EXIT_CANTCREAT;
    }
    if (res.sent)
        cli_error("FHIR: %s", res.message);
    else
        cli_error("FHIR: waiting to send (%s); 'mesoscreen send' sends it later", res.message);
    free(res.message);
    return EXIT_OK;
}
