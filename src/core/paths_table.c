/* paths_table.c - the decision table a medical director signs (`mesoscreen paths`, product.md
 * section 8): every rule in the questionnaire's words, the proof with one example patient per
 * outcome, a sign-off block, and under --full every way to each outcome. */
#include "paths_impl.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

#define TABLE_WIDTH 80   /* columns, as the text report */
#define RULE_WIDTH  40   /* the line to sign on */
#define FULL_WAYS   1000 /* --full: ways printed per outcome (they can be astronomically many) */

struct table {
    const struct paths *p;
    const struct questionnaire *q;
    const struct paths_table *meta;
    struct speech s;
    FILE *out;
};

/* ---- layout ---- */

/* Prints text wrapped at TABLE_WIDTH: the first line after `indent` spaces, the others after
 * `hang` (indent <= hang). Control characters come out escaped (wrap_text). */
static void put(struct table *t, size_t indent, size_t hang, const char *text)
{
    struct wrap_lines l;
    wrap_text(text, TABLE_WIDTH - hang, &l);
    for (size_t i = 0; i < l.n; i++)
        fprintf(t->out, "%*s%s\n", (int)(i ? hang : indent), "", l.line[i]);
    wrap_lines_free(&l);
}

static void heading(struct table *t, enum paths_word w)
{
    fputc('\n', t->out);
    put(t, 0, 0, paths_word(&t->s, w));
}

/* Prints the strbuf's text (put) and empties it. */
static void put_buf(struct table *t, size_t indent, size_t hang, struct strbuf *b)
{
    char *text = strbuf_release(b, NULL);
    put(t, indent, hang, text);
    free(text);
}

/* Prints "LABEL  value" with the value at column col, wrapped under itself. */
static void field(struct table *t, const char *label, size_t col, const char *value)
{
    char *safe = utf8_escape_controls(label, false);
    struct wrap_lines l;
    wrap_text(value, TABLE_WIDTH - col, &l);
    for (size_t i = 0; i < l.n; i++)
        fprintf(t->out, "%s%*s%s\n", i ? "" : safe, (int)(i ? col : col - utf8_width(safe)), "",
                l.line[i]);
    wrap_lines_free(&l);
    free(safe);
}

/* The widest of the words ws, plus two columns: where the values of fields start. */
static size_t field_column(const struct table *t, const enum paths_word *ws, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = utf8_width(paths_word(&t->s, ws[i]));
        col = w > col ? w : col;
    }
    return col + 2;
}

/* The word w with "{1}" replaced by arg (a questionnaire's label is never a printf format). */
static char *fill(const struct speech *s, enum paths_word w, const char *arg)
{
    const char *text = paths_word(s, w), *at = strstr(text, "{1}");
    if (!at)
        return xstrdup(text);
    return xasprintf("%.*s%s%s", (int)(at - text), text, arg, at + 3);
}

/* A count of ways: exact while a double holds it exactly (digits in groups of three joined
 * by no-break spaces, in any language), else rounded. */
static void say_count(struct strbuf *b, double n)
{
    if (n >= 1e15) {
        strbuf_printf(b, "%.3g", n);
        return;
    }
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%.0f", n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0 && len > 4)
            strbuf_puts(b, "\u00a0");
        strbuf_add(b, &digits[i], 1);
    }
}

/* ---- header ---- */

static void print_header(struct table *t)
{
    const struct speech *s = &t->s;
    put(t, 0, 0, paths_word(s, PW_TITLE));
    const enum paths_word keys[] = {PW_QUESTIONNAIRE, PW_SHA256, PW_DATE, PW_LANGUAGE};
    size_t col = field_column(t, keys, sizeof keys / sizeof keys[0]);
    char *id = utf8_escape_controls(t->q->id ? t->q->id : "", false);
    char *version = utf8_escape_controls(t->q->version ? t->q->version : "", false);
    char *what = xasprintf("%s, %s %s", id, paths_word(s, PW_VERSION), version);
    field(t, paths_word(s, PW_QUESTIONNAIRE), col, model_text(&t->q->title, s->lang));
    field(t, "", col, what);
    field(t, paths_word(s, PW_SHA256), col, t->meta->sha256 ? t->meta->sha256 : "");
    field(t, paths_word(s, PW_DATE), col, t->meta->date ? t->meta->date : "");
    field(t, paths_word(s, PW_LANGUAGE), col, t->q->n_languages ? t->q->languages[s->lang] : "");
    free(what);
    free(id);
    free(version);
    fputc('\n', t->out);
    put(t, 0, 0, paths_word(s, PW_INTRO));
}

/* ---- the rules ---- */

/* Every `raises` of the questionnaire as (question, options), bucketed by finding in question
 * order (a counting sort, so the table stays linear in the questionnaire's size): finding
 * f's are by[first[f] .. first[f + 1]), one entry per question. */
struct raised_by {
    size_t question;
    uint64_t options;
};

/* Whether raise r of qn is the first of qn on its finding (resolved; one entry per question). */
static bool raises_first(const struct question *qn, size_t r)
{
    int f = qn->raises[r].finding_index;
    if (f < 0)
        return false;
    for (size_t k = 0; k < r; k++)
        if (qn->raises[k].finding_index == f)
            return false;
    return true;
}

static struct raised_by *raises_by_finding(const struct questionnaire *q, size_t **first_out)
{
    size_t *first = xcalloc(q->n_findings + 2, sizeof *first);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++)
            if (raises_first(&q->questions[i], r))
                first[q->questions[i].raises[r].finding_index + 2]++;
    for (size_t f = 2; f < q->n_findings + 2; f++)
        first[f] += first[f - 1];
    struct raised_by *by = xcalloc(first[q->n_findings + 1] + 1, sizeof *by);
    for (size_t i = 0; i < q->n_questions; i++)
        for (size_t r = 0; r < q->questions[i].n_raises; r++) {
            const struct raise *ra = &q->questions[i].raises[r];
            if (!raises_first(&q->questions[i], r))
                continue;
            uint64_t options = 0; /* every option of question i that raises the finding */
            for (size_t k = r; k < q->questions[i].n_raises; k++)
                if (q->questions[i].raises[k].finding_index == ra->finding_index &&
                    q->questions[i].raises[k].value_index >= 0)
                    options |= UINT64_C(1) << q->questions[i].raises[k].value_index;
            by[first[ra->finding_index + 1]++] = (struct raised_by){i, options};
        }
    *first_out = first;
    return by;
}

/* The answers that raise finding f: its `when`, and each question's `raises` on it (one
 * alternative per question, its options joined), as "A; or B". */
static void say_raised_by(struct strbuf *b, const struct table *t, size_t f,
                          const struct raised_by *by, const size_t *first)
{
    const struct questionnaire *q = t->q;
    const struct speech *s = &t->s;
    size_t start = b->len;
    if (q->findings[f].when)
        paths_say_cond(b, s, q->findings[f].when, false);
    for (size_t k = first[f]; k < first[f + 1]; k++) {
        if (b->len > start)
            strbuf_printf(b, "; %s ", paths_word(s, PW_OR));
        struct cond leaf = {.kind = COND_IN, .ref_index = (int)by[k].question};
        struct cond_value values[MODEL_MAX_OPTIONS];
        for (size_t o = 0; o < MODEL_MAX_OPTIONS; o++)
            if (by[k].options & (UINT64_C(1) << o))
                values[leaf.n_values++] = (struct cond_value){.index = (int)o};
        leaf.values = values;
        paths_say_cond(b, s, &leaf, false);
    }
    if (b->len == start)
        strbuf_puts(b, paths_word(s, PW_NEVER));
}

/* The question of finding f when only one question's `raises` raises it; -1 otherwise. */
static long sole_question(const struct table *t, size_t f, const struct raised_by *by,
                          const size_t *first)
{
    if (t->q->findings[f].when || first[f + 1] - first[f] != 1)
        return -1;
    return (long)by[first[f]].question;
}

/* One row per finding, "answers → finding"; findings of one group raised by the same single
 * question share a row: "question = A → finding; = B → other finding" (a line each, after
 * a dot, when more than two). */
static void print_group(struct table *t, const size_t *fs, size_t n, const struct raised_by *by,
                        const size_t *first)
{
    const struct speech *s = &t->s;
    bool *done = xcalloc(n + 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        struct strbuf b = STRBUF_INIT;
        long qi = sole_question(t, fs[i], by, first);
        strbuf_puts(&b, "- ");
        if (qi >= 0)
            paths_say_question(&b, s, (size_t)qi);
        size_t same = 1; /* findings on this row: more than two get a line each */
        for (size_t k = i + 1; k < n && qi >= 0; k++)
            same += !done[k] && sole_question(t, fs[k], by, first) == qi;
        for (size_t k = i; k < n; k++) {
            if (done[k] || (k > i && (qi < 0 || sole_question(t, fs[k], by, first) != qi)))
                continue;
            if (same > 2)
                strbuf_puts(&b, "\n\u00b7");
            else if (k > i)
                strbuf_puts(&b, ";");
            if (qi >= 0)
                paths_say_answers(&b, s, (size_t)qi, by[first[fs[k]]].options);
            else
                say_raised_by(&b, t, fs[k], by, first);
            char *name = paths_first_sentence(model_text(&t->q->findings[fs[k]].text, s->lang));
            strbuf_printf(&b, " %s %s", paths_word(s, PW_RAISES), name);
            free(name);
            done[k] = true;
        }
        put_buf(t, 4, 6, &b);
    }
    free(done);
}

static void print_findings(struct table *t)
{
    const struct questionnaire *q = t->q;
    const struct speech *s = &t->s;
    heading(t, PW_FINDINGS);
    size_t *first;
    struct raised_by *by = raises_by_finding(q, &first);
    struct strbuf b = STRBUF_INIT;
    strbuf_printf(&b, "%s ", paths_word(s, PW_PRECEDENCE));
    for (int e = 0; e < ELIG_COUNT; e++)
        strbuf_printf(&b, "%s%s", paths_verdict(s, (enum eligibility)e),
                      e + 1 < ELIG_COUNT ? " > " : "");
    strbuf_printf(&b, " (%s).", paths_word(s, PW_NO_VERDICT));
    put_buf(t, 0, 0, &b);
    /* By verdict, then by severity under a heading that names both. */
    size_t *fs = xcalloc(q->n_findings + 1, sizeof *fs);
    for (int e = 0; e < ELIG_COUNT; e++)
        for (int sev = 0; sev < SEV_COUNT; sev++) {
            size_t n = 0;
            for (size_t f = 0; f < q->n_findings; f++)
                if ((int)q->findings[f].verdict == e && (int)q->findings[f].severity == sev)
                    fs[n++] = f;
            if (n == 0)
                continue;
            strbuf_printf(&b, "%d. %s [%s]", e + 1, paths_verdict(s, (enum eligibility)e),
                          paths_severity(s, (enum severity)sev));
            put_buf(t, 1, 4, &b);
            print_group(t, fs, n, by, first);
        }
    free(fs);
    free(by);
    free(first);
}

/* The role rows in order, "condition → role". */
static void print_roles(struct table *t)
{
    const struct questionnaire *q = t->q;
    heading(t, PW_ROLES);
    for (size_t r = 0; r < q->n_role_rules; r++) {
        struct strbuf b = STRBUF_INIT;
        strbuf_printf(&b, "%zu. ", r + 1);
        if (q->role_rules[r].when)
            paths_say_cond(&b, &t->s, q->role_rules[r].when, false);
        else
            strbuf_puts(&b, paths_word(&t->s, PW_OTHERWISE));
        strbuf_printf(&b, " %s %s", paths_word(&t->s, PW_RAISES),
                      paths_role(&t->s, q->role_rules[r].role));
        put_buf(t, 1, 4, &b);
    }
}

static const char *const kind_defaults[REC_KIND_COUNT] = {"Next step", "Treatment course",
                                                          "Follow-up", "Aftercare"};

/* The condition of recommendation r, as the table says it. The caller frees it. */
static char *rec_condition(const struct table *t, size_t r)
{
    struct strbuf b = STRBUF_INIT;
    if (t->q->recommendations[r].when)
        paths_say_cond(&b, &t->s, t->q->recommendations[r].when, false);
    else
        strbuf_puts(&b, paths_word(&t->s, PW_ALWAYS));
    return strbuf_release(&b, NULL);
}

/* Recommendations by kind, one row each, "condition → recommendation"; a run given on the
 * same condition shares its row, a recommendation a line after a dot. */
static void print_recommendations(struct table *t)
{
    const struct questionnaire *q = t->q;
    const struct speech *s = &t->s;
    heading(t, PW_RECOMMENDATIONS);
    if (q->n_recommendations == 0)
        put(t, 1, 1, paths_word(s, PW_NONE));
    size_t *rs = xcalloc(q->n_recommendations + 1, sizeof *rs);
    char **conds = xcalloc(q->n_recommendations + 1, sizeof *conds);
    for (int k = 0; k < REC_KIND_COUNT; k++) {
        size_t n = 0;
        for (size_t r = 0; r < q->n_recommendations; r++)
            if ((int)q->recommendations[r].kind == k) {
                conds[n] = rec_condition(t, r);
                rs[n++] = r;
            }
        if (n == 0)
            continue;
        char key[32];
        snprintf(key, sizeof key, "kind_%s", model_recommendation_kind_name(k));
        put(t, 1, 4, model_label(q, key, s->lang, kind_defaults[k]));
        for (size_t i = 0, end; i < n; i = end) {
            for (end = i + 1; end < n && strcmp(conds[end], conds[i]) == 0;)
                end++;
            struct strbuf b = STRBUF_INIT;
            strbuf_printf(&b, "- %s %s", conds[i], paths_word(s, PW_RAISES));
            for (size_t k2 = i; k2 < end; k2++) {
                char *name =
                    paths_first_sentence(model_text(&q->recommendations[rs[k2]].text, s->lang));
                strbuf_printf(&b, "%s%s", end - i > 1 ? "\n\u00b7 " : " ", name);
                free(name);
            }
            put_buf(t, 4, 6, &b);
        }
        for (size_t i = 0; i < n; i++)
            free(conds[i]);
    }
    free(rs);
    free(conds);
}

/* ---- the proof ---- */

static void say_outcome(struct strbuf *b, const struct table *t, const struct paths_outcome *o)
{
    const struct speech *s = &t->s;
    if (o->end == PATHS_END_DEAD_END) {
        strbuf_printf(b, "%s %s", paths_word(s, PW_DEAD_END),
                      model_text(&t->q->questions[o->question].text, s->lang));
        return;
    }
    strbuf_printf(b, "%s, ", paths_verdict(s, o->eligibility));
    if (o->end == PATHS_END_ROLE)
        strbuf_puts(b, paths_role(s, o->role));
    else
        strbuf_puts(b, paths_word(s, PW_NO_ROLE));
}

/* The totals by verdict (by_role false) or by role. */
static void print_totals(struct table *t, const double *count, bool by_role)
{
    const struct speech *s = &t->s;
    double sum[(int)ELIG_COUNT + (int)ROLE_COUNT] = {0}, total = 0;
    for (size_t i = 0; i < t->p->n_outcomes; i++) {
        const struct paths_outcome *o = &t->p->outcomes[i];
        total += count[i];
        if (o->end == PATHS_END_ROLE)
            sum[by_role ? (int)o->role : (int)o->eligibility] += count[i];
        else if (o->end == PATHS_END_NO_ROLE && !by_role)
            sum[o->eligibility] += count[i];
    }
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, paths_word(s, by_role ? PW_BY_ROLE : PW_BY_VERDICT));
    for (int k = 0; k < (by_role ? ROLE_COUNT : ELIG_COUNT); k++) {
        strbuf_printf(&b, " %s ",
                      by_role ? paths_role(s, (enum role)k)
                              : paths_verdict(s, (enum eligibility)k));
        say_count(&b, sum[k]);
        strbuf_puts(&b, ";");
    }
    strbuf_printf(&b, " %s ", paths_word(s, PW_TOTAL));
    say_count(&b, total);
    put_buf(t, 2, 4, &b);
}

/* An example patient: the path's classes and the concrete answers they stand for. */
struct example {
    uint32_t *cls;
    struct answer *answers;
    bool *asked;
};

static void example_init(struct example *e, size_t nq)
{
    e->cls = xcalloc(nq + 1, sizeof *e->cls);
    e->answers = xcalloc(nq + 1, sizeof *e->answers);
    e->asked = xcalloc(nq + 1, sizeof *e->asked);
}

static void example_free(struct example *e)
{
    free(e->cls);
    free(e->answers);
    free(e->asked);
}

/* Whether two examples give question qi the same answer (a text is "any text" in both). */
static bool same_answer(const struct question *qn, const struct example *x, const struct example *y,
                        size_t qi)
{
    const struct answer *a = &x->answers[qi], *b = &y->answers[qi];
    if (x->asked[qi] != y->asked[qi] || a->given != b->given)
        return false;
    if (!x->asked[qi] || !a->given)
        return true;
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        return a->choice == b->choice;
    case QTYPE_MULTI:
        return a->selected == b->selected;
    case QTYPE_NUMBER:
        return a->number == b->number;
    default:
        return true;
    }
}

/* The reference patient's answers, one question a line. */
static void print_reference(struct table *t, const struct example *ref)
{
    put(t, 2, 4, paths_word(&t->s, PW_REFERENCE));
    for (size_t i = 0; i < t->q->n_questions; i++) {
        if (!ref->asked[i])
            continue;
        struct strbuf b = STRBUF_INIT;
        paths_say_example(&b, &t->s, i, &ref->answers[i]);
        put_buf(t, 4, 6, &b);
    }
}

/* One example for outcome i: what it answers differently from the reference patient (every
 * answer without one). */
static void say_example(struct strbuf *b, const struct table *t, size_t i,
                        const struct example *ref, struct example *ex)
{
    const struct speech *s = &t->s;
    if (!paths_example_path(t->p, (uint32_t)i, ref ? ref->cls : NULL, ex->cls))
        return;
    paths_example_answers(t->p, ex->cls, ex->answers, ex->asked);
    size_t nq = t->q->n_questions, differ = 0;
    for (size_t k = 0; k < nq; k++)
        differ += ex->asked[k] && (!ref || !same_answer(&t->q->questions[k], ex, ref, k));
    if (ref && differ == 0) {
        strbuf_puts(b, paths_word(s, PW_IS_REFERENCE));
        return;
    }
    if (ref)
        strbuf_printf(b, "%s ", paths_word(s, PW_AS_REFERENCE));
    bool first = true;
    for (size_t k = 0; k < nq; k++) {
        if (!ex->asked[k] || (ref && same_answer(&t->q->questions[k], ex, ref, k)))
            continue;
        strbuf_puts(b, first ? "" : "; ");
        paths_say_example(b, s, k, &ex->answers[k]);
        first = false;
    }
}

static void print_proof(struct table *t)
{
    const struct paths *p = t->p;
    const struct speech *s = &t->s;
    heading(t, PW_PROOF);
    bool proven = p->complete;
    for (size_t i = 0; i < p->n_outcomes; i++)
        proven &= p->outcomes[i].end == PATHS_END_ROLE;
    for (size_t i = 0; i < t->q->n_questions && p->complete; i++)
        if (!p->question_reached[i]) {
            struct strbuf b = STRBUF_INIT;
            strbuf_printf(&b, "%s %s", paths_word(s, PW_NEVER_ASKED),
                          model_text(&t->q->questions[i].text, s->lang));
            put_buf(t, 0, 2, &b);
            proven = false;
        }
    struct strbuf states = STRBUF_INIT;
    say_count(&states, (double)p->n_nodes);
    char *count = strbuf_release(&states, NULL);
    char *status = p->complete ? (proven ? fill(s, PW_PROVEN, count) : NULL)
                               : fill(s, PW_NOT_PROVEN, p->stop_reason);
    if (status)
        put(t, 0, 0, status);
    free(status);
    free(count);

    fputc('\n', t->out);
    put(t, 0, 0, paths_word(s, PW_WAYS));
    double *ways = paths_count_outcomes(p);
    print_totals(t, ways, false);
    print_totals(t, ways, true);
    size_t nq = t->q->n_questions;
    struct example ref, ex;
    example_init(&ref, nq);
    example_init(&ex, nq);
    size_t r = paths_reference_outcome(p);
    bool have_ref = r < p->n_outcomes && paths_example_path(p, (uint32_t)r, NULL, ref.cls);
    if (have_ref) {
        paths_example_answers(p, ref.cls, ref.answers, ref.asked);
        print_reference(t, &ref);
    }
    for (size_t i = 0; i < p->n_outcomes; i++) {
        struct strbuf b = STRBUF_INIT;
        strbuf_printf(&b, "%zu. ", i + 1);
        say_outcome(&b, t, &p->outcomes[i]);
        strbuf_puts(&b, ": ");
        say_count(&b, ways[i]);
        strbuf_printf(&b, " %s; ", paths_word(s, PW_EXAMPLES));
        say_example(&b, t, i, have_ref ? &ref : NULL, &ex);
        put_buf(t, 2, 5, &b);
    }
    free(ways);
    example_free(&ref);
    example_free(&ex);
}

static void print_signoff(struct table *t)
{
    const struct speech *s = &t->s;
    heading(t, PW_SIGNOFF);
    put(t, 0, 0, paths_word(s, PW_SIGNOFF_TEXT));
    const enum paths_word fields[] = {PW_NAME, PW_ROLE_TITLE, PW_SIGNATURE, PW_SIGNATURE_DATE};
    size_t col = field_column(t, fields, sizeof fields / sizeof fields[0]);
    char rule[RULE_WIDTH + 1];
    memset(rule, '_', RULE_WIDTH);
    rule[RULE_WIDTH] = '\0';
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        fputc('\n', t->out);
        field(t, paths_word(s, fields[i]), col, rule);
    }
}

/* ---- --full: every way to each outcome ---- */

static void print_alternative(const char *alt, void *arg)
{
    struct table *t = arg;
    char *line = xasprintf("- %s", *alt ? alt : paths_word(&t->s, PW_WHATEVER));
    put(t, 4, 6, line);
    free(line);
}

static void print_full(struct table *t)
{
    heading(t, PW_FULL);
    for (size_t i = 0; i < t->p->n_outcomes; i++) {
        struct strbuf b = STRBUF_INIT;
        strbuf_printf(&b, "%zu. ", i + 1);
        say_outcome(&b, t, &t->p->outcomes[i]);
        fputc('\n', t->out);
        put_buf(t, 0, 3, &b);
        double total =
            paths_alternatives(t->p, &t->s, (uint32_t)i, FULL_WAYS, print_alternative, t);
        if (total > FULL_WAYS) {
            strbuf_printf(&b, "%s ", paths_word(&t->s, PW_AND));
            say_count(&b, total - FULL_WAYS);
            strbuf_printf(&b, " %s", paths_word(&t->s, PW_MORE));
            put_buf(t, 4, 6, &b);
        }
    }
}

void paths_print(const struct paths *p, const struct paths_table *meta, FILE *out)
{
    struct table t = {p, p->q, meta, {p->q, meta->lang, true}, out};
    if (meta->lang >= p->q->n_languages)
        t.s.lang = 0;
    print_header(&t);
    print_findings(&t);
    print_roles(&t);
    print_recommendations(&t);
    print_proof(&t);
    print_signoff(&t);
    if (meta->full)
        print_full(&t);
}
