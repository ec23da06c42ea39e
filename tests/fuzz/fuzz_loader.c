/* fuzz_loader.c - any bytes through loader_load_buffer and validator_check: never a crash, a
 * leak or a hang, and the loader's promises hold (a loaded model is complete; a refusal
 * always says why and where; no raw control character reaches a message; reading the big
 * lists item by item gives what reading the whole tree gives). */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "loader_int.h"
#include "model_dump.h"
#include "validator.h"

static void require(bool ok)
{
    if (!ok)
        abort();
}

static void text_complete(const struct text *t)
{
    require(t->by_lang && t->by_lang[0]);
}

/* What LOAD_OK promises: every required field is there, every enum in range. */
static void model_complete(const struct questionnaire *q)
{
    require(q->id && q->version && q->n_languages >= 1 && q->n_sections >= 1);
    require(q->n_role_rules >= 1);
    text_complete(&q->title);
    for (size_t i = 0; i < q->n_sections; i++) {
        const struct section *s = &q->sections[i];
        require(s->id && s->n_questions >= 1 &&
                s->first_question + s->n_questions <= q->n_questions);
        text_complete(&s->title);
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct question *qn = &q->questions[i];
        require(qn->id && qn->type < QTYPE_COUNT && qn->section < q->n_sections);
        require(qn->n_options <= MODEL_MAX_OPTIONS);
        text_complete(&qn->text);
        for (size_t j = 0; j < qn->n_options; j++)
            require(qn->options[j].value != NULL);
        for (size_t j = 0; j < qn->n_raises; j++)
            require(qn->raises[j].value && qn->raises[j].finding);
    }
    for (size_t i = 0; i < q->n_findings; i++)
        require(q->findings[i].id && q->findings[i].severity < SEV_COUNT &&
                q->findings[i].verdict < ELIG_COUNT);
    for (size_t i = 0; i < q->n_role_rules; i++)
        require(q->role_rules[i].role < ROLE_COUNT);
    for (size_t i = 0; i < q->n_recommendations; i++)
        require(q->recommendations[i].id && q->recommendations[i].kind < REC_KIND_COUNT);
}

static void messages_clean(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        for (const unsigned char *m = (const unsigned char *)d->items[i].message; *m; m++)
            require(*m >= 0x20 && *m != 0x7f && !(m[0] == 0xc2 && m[1] >= 0x80 && m[1] < 0xa0));
}

/* The streamed reading (st, d sorted, q) equals the reading of the whole tree. */
static void same_as_whole(const uint8_t *data, size_t size, enum load_status st,
                          const struct diags *d, const struct questionnaire *q)
{
    struct diags w = DIAGS_INIT;
    struct questionnaire *wq = NULL;
    require(loader_load_buffer_whole("fuzz.yaml", (const char *)data, size, &w, &wq) == st);
    diags_sort(&w);
    require(w.n == d->n && w.n_errors == d->n_errors);
    for (size_t i = 0; i < w.n; i++)
        require(w.items[i].line == d->items[i].line && w.items[i].col == d->items[i].col &&
                strcmp(w.items[i].message, d->items[i].message) == 0);
    if (q) {
        char *a = model_dump(q), *b = model_dump(wq);
        require(strcmp(a, b) == 0);
        free(a);
        free(b);
    }
    model_free(wq);
    diags_clear(&w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    enum load_status st = loader_load_buffer("fuzz.yaml", (const char *)data, size, &d, &q);
    diags_sort(&d);
    same_as_whole(data, size, st, &d, q);
    if (st == LOAD_OK) {
        require(q != NULL && d.n_errors == 0 && q->source_len == size);
        require(size == 0 || memcmp(q->source, data, size) == 0);
        model_complete(q);
        validator_check(q, &d);
    } else {
        require(q == NULL && st == LOAD_BAD_DATA && d.n_errors > 0);
    }
    messages_clean(&d);
    model_free(q);
    diags_clear(&d);
    return 0;
}
