/* plain_start.c - the plain prompts' start: the unfinished screenings listed (resume one by
 * number, "d N" discards one after a question naming the patient, an empty line begins a new
 * screening), then the start fields the options left open, each checked. */
#include "plain_prompt.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "people.h"
#include "xalloc.h"

static void plain_list_unfinished(struct plain *p)
{
    const struct session *s = p->s;
    const char *none = words_get(s, W_NOT_STATED);
    for (size_t i = 0; i < s->n_unfinished; i++) {
        const struct session_unfinished *e = &s->unfinished[i];
        fprintf(p->out, "%3zu. ", i + 1);
        if (!e->readable) {
            plain_say(p, W_PLAIN_UNREADABLE, NULL, NULL);
            fputs(" ", p->out);
            plain_text(p, e->error);
            fputs("\n", p->out);
            continue;
        }
        char when[64], num[3][24];
        words_unfinished_started(e, "", when, sizeof when);
        snprintf(num[0], sizeof num[0], "%zu", e->answered);
        snprintf(num[1], sizeof num[1], "%zu", e->total);
        snprintf(num[2], sizeof num[2], "%zu", e->skipped);
        char *whose = words_unfinished_whose(s, e);
        char *found = words_fill(s, W_PLAIN_FOUND, whose,
                                 e->header.practitioner ? e->header.practitioner : none, when,
                                 num[0], num[1], (char *)NULL);
        plain_text(p, found);
        fputs("\n", p->out);
        free(found);
        free(whose);
        if (e->changed) {
            fputs("     ", p->out);
            plain_say(p, W_PLAIN_CHANGED, num[2], NULL);
            fputs("\n", p->out);
        }
    }
}

/* "N" or "d N" naming entry N of the list: its index, or -1. */
static int plain_pick(const struct session *s, const char *line)
{
    char *end;
    if (!isdigit((unsigned char)*line))
        return -1;
    unsigned long n = strtoul(line, &end, 10);
    return *end == '\0' && n >= 1 && n <= s->n_unfinished ? (int)n - 1 : -1;
}

/* The unfinished screenings: one resumed, some discarded (after a question naming the
 * patient), or a new screening. Returns 1 resumed, 0 a new screening to start, -1 end of
 * input, -2 a journal error. */
static int plain_offer_resume(struct plain *p)
{
    struct session *s = p->s;
    char *err = NULL;
    while (s->n_unfinished) {
        fputs("\n", p->out);
        plain_say(p, W_RESUME_TITLE, NULL, NULL);
        fputs(":\n", p->out);
        plain_list_unfinished(p);
        plain_say(p, W_PLAIN_PICK, NULL, NULL);
        if (plain_read(p) == INPUT_EOF)
            return -1;
        if (p->line[0] == '\0')
            return 0;
        bool discard = p->line[0] == 'd' && p->line[1] == ' ';
        int i = plain_pick(s, p->line + (discard ? 2 : 0));
        if (i < 0)
            continue;
        if (!discard) {
            if (session_resume(s, (size_t)i, &err) == 0)
                return 1;
            plain_text(p, err);
            fputs("\n", p->out);
            free(err);
            err = NULL;
            continue;
        }
        char *whose = s->unfinished[i].readable ? words_unfinished_whose(s, &s->unfinished[i])
                                                : xstrdup(s->unfinished[i].path);
        plain_say(p, W_PLAIN_DISCARD_CONFIRM, whose, NULL);
        free(whose);
        if (plain_read(p) == INPUT_EOF)
            return -1;
        if (strcmp(p->line, "y") != 0)
            continue;
        if (session_discard(s, (size_t)i, &err) != 0) {
            fprintf(stderr, "mesoscreen: %s\n", err);
            free(err);
            return -2;
        }
    }
    return 0;
}

/* Asks one field: an empty line is "not stated"; a value `check` refuses is asked again.
 * Returns the value (in *out, owned by the caller, NULL when empty), or -1 at end of input. */
static int plain_ask_field(struct plain *p, enum word label, enum word (*check)(const char *),
                           char **out)
{
    for (;;) {
        plain_say(p, label, NULL, NULL);
        fputs(": ", p->out);
        if (plain_read(p) == INPUT_EOF)
            return -1;
        enum word why = p->line[0] ? check(p->line) : W_COUNT;
        if (why == W_COUNT) {
            *out = p->line[0] ? xstrdup(p->line) : NULL;
            return 0;
        }
        char *label_text = xasprintf("%s:", words_get(p->s, label));
        plain_say(p, W_FIELD_PROBLEM, label_text, words_get(p->s, why));
        fputs("\n", p->out);
        free(label_text);
    }
}

/* The start fields' checks: the problem as an interface word, or W_COUNT when fine. */
static enum word plain_check_text(const char *s)
{
    return people_text_problem(s) ? W_BAD_TEXT : W_COUNT;
}

static enum word plain_check_date(const char *s)
{
    const char *why = NULL;
    return people_birth_date_check(s, time(NULL), &why) ? W_COUNT : W_BAD_BIRTH_DATE;
}

static enum word plain_check_answered_by(const char *s)
{
    return people_answered_by_parse(s) >= 0 || (strlen(s) == 1 && strchr("pgi", s[0]))
               ? W_COUNT
               : W_BAD_ANSWERED_BY;
}

/* The start fields the options left open, when they leave the patient or the practitioner
 * open (as the start screen): returns 0, or -1 at end of input. */
static int plain_ask_people(struct plain *p)
{
    struct session *s = p->s;
    struct session_people given = s->people;
    if (given.patient && given.practitioner) {
        session_set_people(s, &given);
        return 0;
    }
    static const struct {
        enum word label;
        size_t offset;
        enum word (*check)(const char *);
    } fields[] = {
        {W_PLAIN_PATIENT_ID, offsetof(struct session_people, patient), plain_check_text},
        {W_PLAIN_PATIENT_NAME, offsetof(struct session_people, patient_name), plain_check_text},
        {W_PLAIN_BIRTH_DATE, offsetof(struct session_people, birth_date), plain_check_date},
        {W_PLAIN_ANSWERED_BY, offsetof(struct session_people, answered_by),
         plain_check_answered_by},
        {W_PLAIN_PRACTITIONER, offsetof(struct session_people, practitioner), plain_check_text},
    };
    char *typed[sizeof fields / sizeof fields[0]] = {0};
    int rc = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && rc == 0; i++) {
        const char **slot = (const char **)((char *)&given + fields[i].offset);
        if (*slot)
            continue;
        rc = plain_ask_field(p, fields[i].label, fields[i].check, &typed[i]);
        *slot = typed[i];
    }
    if (rc == 0 && given.answered_by && strlen(given.answered_by) == 1) {
        for (size_t k = 0; k < 3; k++)
            if (people_answered_by_names[k][0] == given.answered_by[0])
                given.answered_by = people_answered_by_names[k];
    }
    if (rc == 0)
        session_set_people(s, &given);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        free(typed[i]);
    return rc;
}

int plain_start(struct plain *p)
{
    struct session *s = p->s;
    for (;;) {
        if (s->n_unfinished) {
            int r = plain_offer_resume(p);
            if (r != 0)
                return r < 0 ? r : 0;
        }
        if (plain_ask_people(p) != 0)
            return -1;
        char *err = NULL;
        if (session_begin(s, &err) == 0)
            return 0;
        if (s->busy) { /* another program screens this patient: the caller offers to wait */
            free(err);
            return -3;
        }
        plain_text(p, err); /* this patient's screening waits: resume or discard it */
        fputs("\n", p->out);
        free(err);
    }
}
