/* paths_table.c - the decision table for clinical sign-off (`mesoscreen paths`). */
#include "paths_impl.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define PRINT_ALTERNATIVES 25 /* alternatives printed per outcome */

/* ---- printing ---- */

/* Prints s with control characters and non-ASCII bytes of ids escaped (versions are free
 * scalars and must not reach the terminal raw). */
static void print_safe(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch < 0x20 || ch == 0x7f)
            fprintf(out, "\\x%02x", ch);
        else
            fputc(ch, out);
    }
}

static const char *const compare_symbols[CMP_COUNT] = {
    [CMP_BELOW] = "<",     [CMP_AT_MOST] = "<=", [CMP_ABOVE] = ">",
    [CMP_AT_LEAST] = ">=", [CMP_EQUAL] = "=",
};

static void sb_written_values(struct strbuf *b, const struct cond *c)
{
    strbuf_printf(b, "{");
    for (size_t i = 0; i < c->n_values; i++)
        strbuf_printf(b, "%s%s", i ? ", " : "", c->values[i]);
    strbuf_printf(b, "}");
}

/* A condition as text, e.g. "not sex = male and (age < 18 or finding minor)". */
static void cond_text(struct strbuf *b, const struct questionnaire *q, const struct cond *c,
                      bool nested)
{
    const struct question *qn =
        paths_is_question_leaf(c) && c->ref_index >= 0 ? &q->questions[c->ref_index] : NULL;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY: {
        if (c->n_items == 0) {
            strbuf_printf(b, c->kind == COND_ALL ? "always" : "never");
            return;
        }
        bool parens = nested && c->n_items > 1;
        strbuf_printf(b, "%s", parens ? "(" : "");
        for (size_t i = 0; i < c->n_items; i++) {
            if (i)
                strbuf_printf(b, c->kind == COND_ALL ? " and " : " or ");
            cond_text(b, q, c->items[i], true);
        }
        strbuf_printf(b, "%s", parens ? ")" : "");
        return;
    }
    case COND_NOT:
        strbuf_printf(b, "not ");
        if (c->n_items > 0)
            cond_text(b, q, c->items[0], true);
        return;
    case COND_IN:
        if (qn && qn->type == QTYPE_MULTI) {
            strbuf_printf(b, "%s includes %s", c->ref, c->n_values == 1 ? c->values[0] : "any of ");
        } else {
            strbuf_printf(b, "%s %s", c->ref, c->n_values == 1 ? "= " : "in ");
            if (c->n_values == 1)
                strbuf_printf(b, "%s", c->values[0]);
        }
        if (c->n_values != 1)
            sb_written_values(b, c);
        return;
    case COND_INCLUDES:
        strbuf_printf(b, "%s includes %s", c->ref, c->n_values == 1 ? c->values[0] : "all of ");
        if (c->n_values != 1)
            sb_written_values(b, c);
        return;
    case COND_COMPARE:
        strbuf_printf(b, "%s %s %lld", c->ref,
                      compare_symbols[c->op < CMP_COUNT ? c->op : CMP_EQUAL], c->number);
        return;
    case COND_ANSWERED:
        strbuf_printf(b, "%s %s", c->ref, c->flag ? "answered" : "not answered");
        return;
    case COND_ELIGIBILITY: {
        bool first = true;
        strbuf_printf(b, "eligibility %s",
                      __builtin_popcount(c->eligibilities) == 1 ? "= " : "in {");
        for (int e = 0; e < ELIG_COUNT; e++)
            if (c->eligibilities & (1u << e)) {
                strbuf_printf(b, "%s%s", first ? "" : ", ", model_eligibility_name(e));
                first = false;
            }
        if (__builtin_popcount(c->eligibilities) != 1)
            strbuf_printf(b, "}");
        return;
    }
    case COND_FINDING:
        strbuf_printf(b, "finding %s", c->ref);
        return;
    default:
        return;
    }
}

struct print_arg {
    FILE *out;
};

#define PRINT_WIDTH 79 /* a table that fits a terminal and a printed page */

/* Where to break text that must fit in `room` columns: after the last "; " that fits (one
 * answer per line piece) unless that wastes half the line, else after the last space that
 * fits, else after the first space; 0 when there is no space at all. */
static size_t break_at(const char *text, size_t len, size_t room)
{
    size_t semicolon = 0, space = 0, first = 0;
    for (size_t i = 1; i < len; i++) {
        if (text[i - 1] != ' ')
            continue;
        if (!first)
            first = i;
        if (i > room)
            break;
        space = i;
        if (i >= 2 && text[i - 2] == ';')
            semicolon = i;
    }
    if (semicolon && 2 * semicolon >= room)
        return semicolon;
    return space ? space : first;
}

/* Prints text after `indent` columns already used, wrapped at PRINT_WIDTH; continuation
 * lines are indented by `hang` spaces. */
static void print_wrapped(FILE *out, const char *text, size_t indent, size_t hang)
{
    size_t col = indent;
    while (*text) {
        size_t len = strlen(text), cut = len;
        if (col + len > PRINT_WIDTH) {
            size_t at = break_at(text, len, PRINT_WIDTH > col ? PRINT_WIDTH - col : 0);
            if (at)
                cut = at;
        }
        size_t shown = cut;
        while (shown > 0 && text[shown - 1] == ' ')
            shown--;
        fprintf(out, "%.*s", (int)shown, text);
        text += cut;
        if (*text) {
            fprintf(out, "\n%*s", (int)hang, "");
            col = hang;
        }
    }
    fputc('\n', out);
}

static void print_alternative(const char *alt, void *arg)
{
    FILE *out = ((struct print_arg *)arg)->out;
    fprintf(out, "  - ");
    print_wrapped(out, *alt ? alt : "(whatever the answers)", 4, 4);
}

static void print_outcome_title(const struct paths *p, const struct paths_outcome *o, FILE *out)
{
    switch (o->end) {
    case PATHS_END_ROLE:
        fprintf(out, "eligibility %s, role %s", model_eligibility_name(o->eligibility),
                model_role_name(o->role));
        break;
    case PATHS_END_NO_ROLE:
        fprintf(out, "eligibility %s, NO ROLE (no role row matches)",
                model_eligibility_name(o->eligibility));
        break;
    case PATHS_END_DEAD_END:
        fprintf(out, "DEAD END: question %s offers none of its options",
                p->q->questions[o->question].id);
        break;
    }
}

/* The answers that raise a finding directly: (question, option set), per finding. */
struct raised_by {
    size_t question;
    uint64_t options;
};

/* Every `raises` of the questionnaire, bucketed by finding in question order (a bucket sort,
 * so linear): finding f's are by[first[f] .. first[f + 1]]. */
static struct raised_by *raises_by_finding(const struct questionnaire *q, size_t **first)
{
    size_t n = 0;
    *first = xcalloc(q->n_findings + 2, sizeof **first);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++)
            if (q->questions[i].raises[r].finding_index >= 0 &&
                q->questions[i].raises[r].value_index >= 0) {
                (*first)[q->questions[i].raises[r].finding_index + 2]++;
                n++;
            }
    for (size_t f = 2; f < q->n_findings + 2; f++)
        (*first)[f] += (*first)[f - 1];
    struct raised_by *by = xcalloc(n + 1, sizeof *by);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++) {
            const struct raise *ra = &q->questions[i].raises[r];
            if (ra->finding_index < 0 || ra->value_index < 0)
                continue;
            by[(*first)[ra->finding_index + 1]++] =
                (struct raised_by){i, UINT64_C(1) << ra->value_index};
        }
    return by;
}

static void print_findings(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    size_t *first;
    struct raised_by *by = raises_by_finding(q, &first);
    fprintf(out, "\nFindings\n");
    if (q->n_findings == 0)
        fprintf(out, "  (none)\n");
    for (size_t f = 0; f < q->n_findings; f++) {
        const struct finding *fd = &q->findings[f];
        fprintf(out, "  %s: %s, verdict %s\n", fd->id, model_severity_name(fd->severity),
                model_eligibility_name(fd->verdict));
        if (fd->when) {
            struct strbuf b = STRBUF_INIT;
            cond_text(&b, q, fd->when, false);
            fprintf(out, "    when ");
            print_wrapped(out, b.data, 9, 6);
            free(b.data);
        }
        for (size_t k = first[f]; k < first[f + 1];) {
            const struct question *qn = &q->questions[by[k].question];
            uint64_t mask = 0;
            for (size_t i = by[k].question; k < first[f + 1] && by[k].question == i; k++)
                mask |= by[k].options;
            bool one = __builtin_popcountll(mask) == 1;
            struct strbuf b = STRBUF_INIT;
            if (qn->type == QTYPE_MULTI)
                strbuf_printf(&b, "%s includes %s", qn->id, one ? "" : "any of ");
            else
                strbuf_printf(&b, "%s %s", qn->id, one ? "= " : "in ");
            if (one)
                strbuf_printf(&b, "%s", model_option_value(qn, (size_t)__builtin_ctzll(mask)));
            else
                paths_sb_values(&b, qn, mask);
            fprintf(out, "    raised by the answer ");
            print_wrapped(out, b.data, 25, 6);
            free(b.data);
        }
        if (!fd->when && first[f] == first[f + 1])
            fprintf(out, "    never raised\n");
    }
    free(by);
    free(first);
}

static void print_questions(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    fprintf(out, "\nQuestions\n");
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct question *qn = &q->questions[i];
        const struct cond *sw = q->sections[qn->section].when;
        fprintf(out, "  %s (%s): ", qn->id, model_qtype_name(qn->type));
        if (p->complete && !p->question_reached[i]) {
            fprintf(out, "NEVER asked\n");
        } else if (!sw && !qn->when) {
            fprintf(out, "always asked\n");
        } else {
            struct strbuf b = STRBUF_INIT;
            if (sw)
                cond_text(&b, q, sw, qn->when != NULL);
            if (sw && qn->when)
                strbuf_printf(&b, " and ");
            if (qn->when)
                cond_text(&b, q, qn->when, sw != NULL);
            fprintf(out, "asked when ");
            print_wrapped(out, b.data,
                          2 + strlen(qn->id) + 2 + strlen(model_qtype_name(qn->type)) + 3 +
                              strlen("asked when "),
                          6);
            free(b.data);
        }
        for (size_t o = 0; o < qn->n_options; o++) {
            if (!qn->options[o].when)
                continue;
            struct strbuf b = STRBUF_INIT;
            cond_text(&b, q, qn->options[o].when, false);
            fprintf(out, "    option %s offered when ", qn->options[o].value);
            print_wrapped(out, b.data, 4 + strlen(qn->options[o].value) + 21, 6);
            free(b.data);
        }
    }
}

void paths_print(const struct paths *p, FILE *out)
{
    const struct questionnaire *q = p->q;
    fprintf(out, "Decision table of questionnaire ");
    print_safe(out, q->id ? q->id : "");
    fprintf(out, " version ");
    print_safe(out, q->version ? q->version : "");
    fprintf(out, ": %zu outcome%s from %zu state%s\n", p->n_outcomes, p->n_outcomes == 1 ? "" : "s",
            p->n_nodes, p->n_nodes == 1 ? "" : "s");
    if (!p->complete)
        fprintf(out, "Note: %s\n", p->stop_reason);
    for (size_t i = 0; i < p->n_outcomes; i++) {
        fprintf(out, "\n%zu. ", i + 1);
        print_outcome_title(p, &p->outcomes[i], out);
        fprintf(out, ", when any of these:\n");
        struct print_arg a = {out};
        double total =
            paths_alternatives(p, (uint32_t)i, PRINT_ALTERNATIVES, print_alternative, &a);
        if (total > PRINT_ALTERNATIVES)
            fprintf(out, "  ... and %.0f more\n", total - PRINT_ALTERNATIVES);
    }
    print_findings(p, out);
    print_questions(p, out);
}
