/* answer.c - checking, parsing and formatting one answer to one question.
 * Values are taken exactly as written: nothing is trimmed, case matters ("yes", not "Yes"). */
#include "answer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* A user value quoted back in a message: its first 60 characters, then "...". */
#define QUOTE_SIZE UTF8_ESCAPED_SIZE(60)

/* ---- text checks ---- */

/* Whether cp is a control character a text may not hold: C0 but newline and tab, DEL, C1. */
static bool is_forbidden_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

/* NULL when s[0..n) is UTF-8 text without forbidden control characters, else why not. */
static const char *text_problem(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return "is not valid UTF-8";
        if (is_forbidden_control(cp))
            return "contains a control character";
        if (utf8_is_bidi_control(cp))
            return "contains a bidirectional control character";
        i += len;
    }
    return NULL;
}

/* ---- checking ---- */

/* Whether text s has more characters (UTF-8 lead bytes) than qn's max_length allows. */
static bool too_long(const struct question *qn, const char *s)
{
    if (qn->max_length <= 0)
        return false;
    long long chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80 && ++chars > qn->max_length)
            return true;
    return false;
}

const char *answer_check(const struct question *qn, const struct answer *a)
{
    if (!a->given)
        return "no answer given";
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        if (a->choice < 0 || (size_t)a->choice >= model_option_count(qn))
            return "is not one of the options";
        return NULL;
    case QTYPE_MULTI: {
        size_t n = qn->n_options;
        if (a->selected == 0)
            return "needs at least one option";
        if (n < 64 && (a->selected >> n) != 0)
            return "is not one of the options";
        size_t picked = 0;
        bool exclusive = false;
        for (size_t i = 0; i < n; i++) {
            if (a->selected & (UINT64_C(1) << i)) {
                picked++;
                exclusive |= qn->options[i].exclusive;
            }
        }
        if (exclusive && picked > 1)
            return "an exclusive option must stand alone";
        return NULL;
    }
    case QTYPE_NUMBER:
        if (a->number < qn->min || a->number > qn->max)
            return "is out of range";
        return NULL;
    case QTYPE_TEXT:
        if (!a->text)
            return NULL;
        if (too_long(qn, a->text))
            return "is longer than the question allows";
        return text_problem(a->text, strlen(a->text));
    case QTYPE_COUNT:
        break;
    }
    xdie("answer_check: bad question type %d", (int)qn->type);
}

/* ---- describing what is allowed ---- */

/* Appends s to the growing string *buf (length *len). */
static void append(char **buf, size_t *len, const char *s)
{
    size_t n = strlen(s);
    *buf = xreallocarray(*buf, *len + n + 1, 1);
    memcpy(*buf + *len, s, n + 1);
    *len += n;
}

/* "a, b or c" over the option values of qn, in option order. */
static char *option_list(const struct question *qn)
{
    size_t n = model_option_count(qn), len = 0;
    char *buf = xstrdup("");
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            append(&buf, &len, i + 1 == n ? " or " : ", ");
        append(&buf, &len, model_option_value(qn, i));
    }
    return buf;
}

char *answer_allowed(const struct question *qn)
{
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return option_list(qn);
    case QTYPE_MULTI: {
        char *list = option_list(qn);
        char *s = xasprintf("a list of one or more of %s", list);
        free(list);
        return s;
    }
    case QTYPE_NUMBER:
        return xasprintf("a whole number from %lld to %lld", qn->min, qn->max);
    case QTYPE_TEXT:
        return qn->max_length > 0 ? xasprintf("a text of at most %lld characters", qn->max_length)
                                  : xstrdup("any text");
    case QTYPE_COUNT:
        break;
    }
    xdie("answer_allowed: bad question type %d", (int)qn->type);
}

/* ---- parsing ---- */

/* Parses a whole number written as an optional '-' and decimal digits, nothing else.
 * Returns 0 on success, 1 when it is not a whole number, 2 when it does not fit. */
static int parse_whole(const char *s, long long *out)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    if (!*p)
        return 1;
    for (const char *d = p; *d; d++)
        if (*d < '0' || *d > '9')
            return 1;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (errno == ERANGE)
        return 2;
    *out = v;
    return 0;
}

static char *not_an_option(const struct question *qn, const char *s)
{
    char quoted[QUOTE_SIZE];
    char *allowed = option_list(qn);
    char *msg = xasprintf("'%s' is not an answer to '%s': expected %s",
                          utf8_escape_buf(quoted, sizeof quoted, s, strlen(s)), qn->id, allowed);
    free(allowed);
    return msg;
}

char *answer_parse(const struct question *qn, const char *s, struct answer *out)
{
    struct answer a = {.given = true};
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE: {
        int i = model_find_option(qn, s);
        if (i < 0)
            return not_an_option(qn, s);
        a.choice = i;
        break;
    }
    case QTYPE_MULTI:
        return answer_parse_multi(qn, &s, 1, out);
    case QTYPE_NUMBER: {
        char *allowed = answer_allowed(qn);
        char buf[QUOTE_SIZE];
        const char *quoted = utf8_escape_buf(buf, sizeof buf, s, strlen(s));
        char *msg = NULL;
        switch (parse_whole(s, &a.number)) {
        case 1:
            msg = xasprintf("'%s' is not a whole number: '%s' expects %s", quoted, qn->id, allowed);
            break;
        case 2:
            msg = xasprintf("%s is out of range for '%s': expected %s", quoted, qn->id, allowed);
            break;
        default:
            if (a.number < qn->min || a.number > qn->max)
                msg = xasprintf("%lld is out of range for '%s': expected %s", a.number, qn->id,
                                allowed);
        }
        free(allowed);
        if (msg)
            return msg;
        break;
    }
    case QTYPE_TEXT: {
        const char *why = text_problem(s, strlen(s));
        if (why)
            return xasprintf("the answer to '%s' %s", qn->id, why);
        if (too_long(qn, s))
            return xasprintf("the answer to '%s' is longer than %lld characters", qn->id,
                             qn->max_length);
        a.text = xstrdup(s);
        break;
    }
    case QTYPE_COUNT:
        xdie("answer_parse: bad question type %d", (int)qn->type);
    }
    *out = a;
    return NULL;
}

char *answer_parse_multi(const struct question *qn, const char *const *values, size_t n,
                         struct answer *out)
{
    if (qn->type != QTYPE_MULTI)
        xdie("answer_parse_multi: '%s' is not a multiple-choice question", qn->id);
    if (n == 0) {
        char *allowed = answer_allowed(qn);
        char *msg = xasprintf("'%s' needs at least one value: expected %s", qn->id, allowed);
        free(allowed);
        return msg;
    }
    struct answer a = {.given = true};
    for (size_t k = 0; k < n; k++) {
        int i = model_find_option(qn, values[k]);
        if (i < 0)
            return not_an_option(qn, values[k]);
        uint64_t bit = UINT64_C(1) << i;
        if (a.selected & bit)
            return xasprintf("'%s' is listed twice in the answer to '%s'", values[k], qn->id);
        a.selected |= bit;
    }
    for (size_t i = 0; i < qn->n_options; i++) {
        if (qn->options[i].exclusive && (a.selected & (UINT64_C(1) << i)) &&
            a.selected != (UINT64_C(1) << i))
            return xasprintf("'%s' must stand alone in the answer to '%s': it cannot be combined "
                             "with other values",
                             qn->options[i].value, qn->id);
    }
    *out = a;
    return NULL;
}

/* ---- formatting and ownership ---- */

char *answer_format(const struct question *qn, const struct answer *a)
{
    if (!a->given)
        return xstrdup("");
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return xstrdup(model_option_value(qn, (size_t)a->choice));
    case QTYPE_MULTI: {
        char *buf = xstrdup("");
        size_t len = 0;
        bool first = true;
        for (size_t i = 0; i < qn->n_options; i++) {
            if (!(a->selected & (UINT64_C(1) << i)))
                continue;
            if (!first)
                append(&buf, &len, ", ");
            append(&buf, &len, qn->options[i].value);
            first = false;
        }
        return buf;
    }
    case QTYPE_NUMBER:
        return xasprintf("%lld", a->number);
    case QTYPE_TEXT:
        return xstrdup(a->text ? a->text : "");
    case QTYPE_COUNT:
        break;
    }
    xdie("answer_format: bad question type %d", (int)qn->type);
}

void answer_copy(struct answer *dst, const struct answer *src)
{
    *dst = *src;
    dst->text = src->text ? xstrdup(src->text) : NULL;
}

void answer_clear(struct answer *a)
{
    free(a->text);
    *a = (struct answer){0};
}

bool answer_default(const struct question *qn, struct answer *out)
{
    *out = (struct answer){.given = false, .choice = -1};
    if (qn->default_mask == 0)
        return false;
    out->given = true;
    if (qn->type == QTYPE_MULTI) {
        out->selected = qn->default_mask;
        return true;
    }
    for (int i = 0; i < MODEL_MAX_OPTIONS; i++)
        if (qn->default_mask & (UINT64_C(1) << i)) {
            out->choice = i;
            break;
        }
    return true;
}
