/* fuzz_answers.c - any bytes as an answers file, applied to the built-in questionnaire and,
 * when accepted, evaluated: never a crash, a leak or a hang, and the promises hold (a refusal
 * says why and where, no raw control character reaches a message, an accepted file gives a
 * complete walk with a role). */
#include "fuzz.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "answers_file.h"
#include "builtin.h"
#include "diag.h"
#include "loader.h"
#include "rules.h"
#include "validator.h"
#include "walk.h"

static void require(bool ok)
{
    if (!ok)
        abort();
}

/* The built-in questionnaire, loaded once and never changed (read-only between calls). */
static const struct questionnaire *builtin(void)
{
    static struct questionnaire *q;
    if (!q) {
        struct diags d = DIAGS_INIT;
        require(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q) ==
                LOAD_OK);
        require(validator_check(q, &d));
        diags_clear(&d);
    }
    return q;
}

/* Every diagnostic has a place (but the one that stops after too many errors) and no
 * control character. */
static void diags_sound(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->items[i];
        require(g->line > 0 || strstr(g->message, "too many errors"));
        for (const unsigned char *p = (const unsigned char *)g->message; *p; p++)
            require(*p >= 0x20 && *p != 0x7f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct questionnaire *q = builtin();
    struct diags d = DIAGS_INIT;
    struct answers_file *af = NULL;
    enum load_status st = answers_file_load_buffer("fuzz.yaml", (const char *)data, size, &d, &af);
    if (st == LOAD_OK) {
        struct walk *w = walk_new(q);
        if (answers_file_apply(af, w, &d)) {
            require(walk_complete(w));
            struct outcome out;
            require(rules_evaluate(w, &out)); /* check proved every path ends on a role */
            outcome_free(&out);
        } else {
            require(d.n_errors > 0);
        }
        walk_free(w);
        answers_file_free(af);
    } else {
        require(af == NULL && d.n_errors > 0);
    }
    diags_sound(&d);
    diags_clear(&d);
    return 0;
}
