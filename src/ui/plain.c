/* plain.c - the screening as numbered prompts on plain text streams (--plain, or when stdin
 * or stdout is not a terminal): the same walk, journal and report as the screens, no curses.
 *
 * The start (the unfinished screenings, then who the screening is for) is plain_start.c.
 * Each question accepts the key shown beside an answer (y/n/u and the language's letters,
 * an option's number or key) or its value; "?" prints the help, "<" goes back, an empty line
 * keeps the answer already given. At the end the answers are listed once: an empty line (or the end
 * of input) finishes, a question number changes that answer. The end of input before the screening
 * is complete exits 65 with no report; the journal keeps the answers for a later resume. */
#include "plain.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer.h"
#include "flow.h"
#include "option_keys.h"
#include "plain_prompt.h"
#include "utf8.h"
#include "xalloc.h"
#include "words.h"

enum input plain_read(struct plain *p)
{
    fflush(p->out);
    ssize_t n = getline(&p->line, &p->cap, p->in);
    if (n < 0)
        return INPUT_EOF;
    while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
        p->line[--n] = '\0';
    if (p->echo) {
        plain_text(p, p->line);
        fputs("\n", p->out);
    }
    return INPUT_LINE;
}

void plain_text(struct plain *p, const char *s)
{
    char *safe = utf8_escape_controls(s, true);
    fputs(safe, p->out);
    free(safe);
}

void plain_say(struct plain *p, enum word w, const char *a, const char *b)
{
    char *text = words_fill(p->s, w, a, b, (char *)NULL);
    plain_text(p, text);
    free(text);
}

static void plain_warnings(struct plain *p)
{
    char *w = session_take_warning(p->s);
    if (w)
        fprintf(stderr, "mesoscreen: warning: %s\n", w);
    free(w);
}

/* ---- one question ---- */

/* The offered options, each after the key that picks it (as on screen; past the ninth of an
 * unkeyed list, its number). */
static void plain_options(struct plain *p, size_t qi)
{
    const struct question *qn = &p->s->q->questions[qi];
    if (qn->type != QTYPE_CHOICE && qn->type != QTYPE_MULTI)
        return;
    for (size_t n = 0;; n++) {
        int i = flow_offered_option(p->s->w, qi, n);
        if (i < 0)
            break;
        wint_t k = option_keys_key(p->s, qi, n);
        if (k)
            fprintf(p->out, "   %c) ", (char)k);
        else
            fprintf(p->out, "   %zu) ", n + 1);
        plain_text(p, model_text(&qn->options[i].text, p->s->lang));
        fputs("\n", p->out);
    }
}

/* What each type's prompt says after the question (numbers show their range instead). */
static const enum word plain_hints[QTYPE_COUNT] = {
    [QTYPE_YESNO] = W_PLAIN_YESNO,
    [QTYPE_CHOICE] = W_PLAIN_CHOICE,
    [QTYPE_MULTI] = W_PLAIN_MULTI,
    [QTYPE_TEXT] = W_PLAIN_TEXT,
};

static void plain_prompt(struct plain *p, size_t qi)
{
    const struct session *s = p->s;
    const struct question *qn = &s->q->questions[qi];
    size_t n, m;
    walk_progress(s->w, qi, &n, &m);
    plain_options(p, qi);
    fprintf(p->out, "%zu. ", n);
    plain_text(p, model_text(&qn->text, s->lang));
    fputs(" ", p->out);
    if (qn->type == QTYPE_NUMBER) {
        fputs("[", p->out);
        if (qn->unit.by_lang) {
            plain_text(p, model_text(&qn->unit, s->lang));
            fputs(", ", p->out);
        }
        fprintf(p->out, "%lld-%lld]", qn->min, qn->max);
    } else {
        plain_say(p, plain_hints[qn->type], NULL, NULL);
    }
    if (qn->type == QTYPE_TEXT && qn->max_length > 0) {
        char most[24];
        snprintf(most, sizeof most, "%lld", qn->max_length);
        fputs(" (", p->out);
        plain_say(p, W_TEXT_AT_MOST, most, NULL);
        fputs(")", p->out);
    }
    const struct answer *a = walk_get(s->w, qi);
    if (a->given) {
        char *now = words_answer(s, qn, a);
        fputs(" ", p->out);
        plain_say(p, W_PLAIN_NOW, now, NULL);
        free(now);
    }
    if (qn->help.by_lang) {
        fputs(" / ", p->out);
        plain_say(p, W_PLAIN_HELP, NULL, NULL);
    }
    fputs(" / ", p->out);
    plain_say(p, W_PLAIN_BACK, NULL, NULL);
    fputs(": ", p->out);
}

/* One token of a choice answer into an option index, or -1: the key shown beside the
 * option (y/n/u and the language's letters on yes/no questions), else a number past the
 * keyed ones (its position), else the option's value. */
static int plain_option_token(struct plain *p, size_t qi, const char *tok, size_t len)
{
    const struct question *qn = &p->s->q->questions[qi];
    size_t count = model_option_count(qn);
    if (len == 1) {
        int i = option_keys_option(p->s, qi, (wint_t)(unsigned char)tok[0]);
        if (i >= 0)
            return i;
    }
    bool digits = len > 0 && len <= 3;
    for (size_t i = 0; i < len; i++)
        digits = digits && isdigit((unsigned char)tok[i]);
    if (digits) {
        size_t n = (size_t)atoi(tok);
        return n >= 1 && option_keys_key(p->s, qi, n - 1) == 0
                   ? flow_offered_option(p->s->w, qi, n - 1)
                   : -1;
    }
    for (size_t i = 0; i < count; i++) {
        const char *v = model_option_value(qn, i);
        if (strlen(v) == len && strncmp(v, tok, len) == 0)
            return (int)i;
    }
    return -1;
}

/* Reads the line as an answer to qi into *a. Returns NULL, or a message the caller frees. */
static char *plain_parse(struct plain *p, size_t qi, struct answer *a)
{
    const struct question *qn = &p->s->q->questions[qi];
    if (qn->type == QTYPE_NUMBER) {
        char *why = answer_parse(qn, p->line, a);
        if (!why)
            return NULL;
        free(why); /* said in the screening's language instead */
        char *tok = xasprintf("%.*s", 60, p->line);
        char *msg = words_fill(p->s, W_PLAIN_NOT_NUMBER, tok, (char *)NULL);
        free(tok);
        return msg;
    }
    if (qn->type == QTYPE_TEXT)
        return answer_parse(qn, p->line, a);
    memset(a, 0, sizeof *a);
    a->given = true;
    const char *sep = qn->type == QTYPE_MULTI ? " ,\t" : "";
    size_t tokens = 0;
    for (const char *s = p->line; *s;) {
        size_t skip = strspn(s, sep);
        s += skip;
        if (!*s)
            break;
        size_t len = *sep ? strcspn(s, sep) : strlen(s);
        int i = plain_option_token(p, qi, s, len);
        if (i < 0) {
            char *tok = xasprintf("%.*s", (int)(len > 60 ? 60 : len), s);
            char *msg = words_fill(p->s, W_PLAIN_NOT_ANSWER, tok, (char *)NULL);
            free(tok);
            return msg;
        }
        if (qn->type == QTYPE_MULTI)
            a->selected |= UINT64_C(1) << i;
        else
            a->choice = i;
        tokens++;
        s += len;
    }
    if (tokens == 0)
        return xstrdup(words_get(p->s, W_PLAIN_NO_ANSWER));
    return NULL;
}

/* What question qi accepts, in the screening's language: the keys shown beside its
 * answers, or a number's range. The caller frees it. */
static char *plain_allowed(struct plain *p, size_t qi)
{
    const struct question *qn = &p->s->q->questions[qi];
    if (qn->type == QTYPE_NUMBER) {
        char lo[24], hi[24];
        snprintf(lo, sizeof lo, "%lld", qn->min);
        snprintf(hi, sizeof hi, "%lld", qn->max);
        return words_fill(p->s, W_NUMBER_RANGE, lo, hi, (char *)NULL);
    }
    if (qn->type == QTYPE_TEXT)
        return answer_allowed(qn);
    return option_keys_summary(p->s, qi);
}

enum step { STEP_ANSWERED, STEP_BACK, STEP_EOF };

static enum step plain_ask(struct plain *p, size_t qi)
{
    struct session *s = p->s;
    const struct question *qn = &s->q->questions[qi];
    bool confirm = false;         /* an age that disagrees with the birth date was typed ... */
    long long confirm_number = 0; /* ... this one */
    for (;;) {
        plain_prompt(p, qi);
        if (plain_read(p) == INPUT_EOF)
            return STEP_EOF;
        if (strcmp(p->line, "<") == 0)
            return STEP_BACK;
        if (strcmp(p->line, "?") == 0) {
            plain_text(p,
                       qn->help.by_lang ? model_text(&qn->help, s->lang) : words_get(s, W_NO_HELP));
            fputs("\n", p->out);
            continue;
        }
        if (p->line[0] == '\0' && walk_get(s->w, qi)->given)
            return STEP_ANSWERED; /* keeps the answer shown */
        if (p->line[0] == '\0' && !qn->required) {
            session_leave_empty(s, qi);
            plain_warnings(p);
            return STEP_ANSWERED;
        }
        struct answer a = {0};
        char *msg = plain_parse(p, qi, &a);
        int age = msg ? -1 : session_age_mismatch(s, qi, &a);
        if (age >= 0 && !(confirm && a.number == confirm_number)) {
            /* Shown, not silently accepted: the same age typed again keeps it. */
            char num[2][24];
            snprintf(num[0], sizeof num[0], "%d", age);
            snprintf(num[1], sizeof num[1], "%lld", a.number);
            char *text = words_fill(s, W_PLAIN_AGE_MISMATCH, s->header.birth_date, num[0], num[1],
                                    (char *)NULL);
            plain_text(p, text);
            fputs("\n", p->out);
            free(text);
            confirm = true;
            confirm_number = a.number;
            answer_clear(&a);
            continue;
        }
        const char *why = msg ? msg : session_answer(s, qi, &a);
        answer_clear(&a);
        plain_warnings(p);
        if (!why) {
            free(msg);
            return STEP_ANSWERED;
        }
        char *allowed = plain_allowed(p, qi);
        plain_say(p, W_PLAIN_NOT_ACCEPTED, why, allowed);
        fputs("\n", p->out);
        free(allowed);
        free(msg);
    }
}

/* ---- review and result ---- */

/* Lists the reached answers; returns the question picked to change, -1 to finish. */
static int plain_review(struct plain *p)
{
    const struct session *s = p->s;
    for (;;) {
        fputs("\n", p->out);
        plain_say(p, W_PLAIN_ANSWERS, NULL, NULL);
        fputs("\n", p->out);
        size_t n = 0;
        for (size_t i = 0; i < s->q->n_questions; i++) {
            if (!walk_reached(s->w, i))
                continue;
            const struct question *qn = &s->q->questions[i];
            char *v = words_reached_answer(s, i);
            fprintf(p->out, "%3zu. ", ++n);
            plain_text(p, model_text(&qn->text, s->lang));
            fputs(": ", p->out);
            plain_text(p, v);
            fputs("\n", p->out);
            free(v);
        }
        plain_say(p, W_PLAIN_REVIEW, NULL, NULL);
        if (plain_read(p) == INPUT_EOF || p->line[0] == '\0')
            return -1;
        size_t pick = (size_t)strtoul(p->line, NULL, 10);
        for (size_t i = 0, k = 0; i < s->q->n_questions; i++)
            if (walk_reached(s->w, i) && ++k == pick)
                return (int)i;
        plain_say(p, W_PLAIN_NO_SUCH, NULL, NULL);
        fputs("\n", p->out);
    }
}

static void plain_result(struct plain *p)
{
    const struct session *s = p->s;
    const struct outcome *o = &s->outcome;
    fputs("\n", p->out);
    plain_say(p, W_PLAIN_VERDICT, words_verdict(s, o->eligibility), NULL);
    fputs("\n", p->out);
    char *role = words_outcome_role(s, o);
    plain_say(p, W_PLAIN_ROLE, role, NULL);
    free(role);
    fputs("\n", p->out);
    if (o->n_findings) {
        plain_say(p, W_PLAIN_FINDINGS, NULL, NULL);
        fputs("\n", p->out);
    }
    for (size_t i = 0; i < o->n_findings; i++) {
        const struct finding *f = &s->q->findings[o->findings[i].finding];
        fputs("  - [", p->out);
        plain_text(p, words_severity(s, f->severity));
        fputs("] ", p->out);
        plain_text(p, model_text(&f->text, s->lang));
        fputs("\n", p->out);
    }
}

enum ui_status plain_run(struct session *s, FILE *in, FILE *out)
{
    struct plain p = {.s = s, .in = in, .out = out, .echo = !isatty(fileno(in))};
    int rc = plain_start(&p);
    int current = rc == 0 ? walk_next(s->w) : -1;
    bool stepping = false; /* went back: later answers are shown one by one */

    while (rc == 0) {
        if (current < 0) {
            current = plain_review(&p);
            stepping = false;
            if (current < 0)
                break;
        }
        enum step st = plain_ask(&p, (size_t)current);
        if (st == STEP_EOF) {
            rc = -1;
        } else if (st == STEP_BACK) {
            int prev = walk_prev(s->w, (size_t)current);
            if (prev >= 0) {
                current = prev;
                stepping = true;
            } else {
                plain_say(&p, W_FIRST_QUESTION, NULL, NULL);
                fputs("\n", p.out);
            }
        } else {
            current = flow_after_answer(s->w, current, stepping);
        }
    }
    free(p.line);
    if (rc == -1) {
        fputs("\n", out);
        fflush(out);
        fprintf(stderr, "mesoscreen: the input ended before the screening was complete%s\n",
                s->journal ? "; its answers are kept for a later resume" : "");
        return UI_INPUT_ENDED;
    }
    if (rc == -2)
        return UI_FAILED;
    if (rc == -3)
        return UI_BUSY;

    char *err = NULL;
    if (session_evaluate(s, &err) != 0) {
        fprintf(stderr, "mesoscreen: %s\n", err);
        free(err);
        return UI_FAILED;
    }
    plain_result(&p);
    if (session_save(s, &err) != 0) {
        fprintf(stderr, "mesoscreen: %s\n", err);
        free(err);
        return UI_FAILED;
    }
    plain_warnings(&p);
    plain_say(&p, W_REPORT_SAVED, s->saved_path, NULL);
    if (s->delivery != SESSION_UNSENT) {
        fputs("\n", out);
        plain_say(&p, s->delivery == SESSION_SENT ? W_FHIR_SENT : W_FHIR_WAITING, NULL, NULL);
    }
    fputs("\n", out);
    fflush(out);
    return UI_DONE;
}
