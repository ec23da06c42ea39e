/* rules.c - from a walk's answers to findings, eligibility, role and recommendations.
 * Nothing here knows hair mesotherapy: every rule comes from the questionnaire. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "xalloc.h"

/* Working state of one evaluation. because is n_findings rows of n_questions marks. */
struct rules_state {
    const struct questionnaire *q;
    struct cond_env env;
    bool *raised;
    struct cond_mark *because;
    unsigned char *mark; /* topological sort: 0 unvisited, 1 in progress, 2 done */
};

static struct cond_mark *because_row(struct rules_state *st, size_t f)
{
    return st->because + f * st->q->n_questions;
}

/* Whether answer a to qn (NULL: none) picks option index v. */
static bool answer_picks(const struct question *qn, const struct answer *a, int v)
{
    if (!a || !a->given || v < 0)
        return false;
    if (qn->type == QTYPE_MULTI)
        return v < 64 && (a->selected & (UINT64_C(1) << v)) != 0;
    if (qn->type == QTYPE_YESNO || qn->type == QTYPE_CHOICE)
        return a->choice == v;
    return false;
}

/* Findings raised directly by the reached questions' answers (`raises`), a question left
 * unanswered by its default; each marks the value that raised it. */
static void rules_raise_from_answers(struct rules_state *st)
{
    const struct questionnaire *q = st->q;
    for (size_t i = 0; i < q->n_questions; i++) {
        if (!st->env.reached[i])
            continue;
        const struct question *qn = &q->questions[i];
        struct answer buf;
        const struct answer *a = cond_effective_answer(&st->env, i, &buf);
        for (size_t r = 0; r < qn->n_raises; r++) {
            const struct raise *ra = &qn->raises[r];
            if (!answer_picks(qn, a, ra->value_index))
                continue;
            if (ra->finding_index < 0 || (size_t)ra->finding_index >= q->n_findings)
                xdie("rules: unresolved finding '%s'", ra->finding);
            st->raised[ra->finding_index] = true;
            struct cond_mark *m = &because_row(st, (size_t)ra->finding_index)[i];
            m->on = true;
            m->values |= UINT64_C(1) << ra->value_index;
            m->defaulted = cond_defaulted(&st->env, i);
        }
    }
}

static void rules_decide_finding(struct rules_state *st, size_t f);

/* Decides every finding that c refers to (`finding:` leaves) before c is evaluated. */
static void rules_decide_refs(struct rules_state *st, const struct cond *c)
{
    if (!c)
        return;
    if (c->kind == COND_FINDING) {
        if (c->ref_index < 0 || (size_t)c->ref_index >= st->q->n_findings)
            xdie("rules: unresolved finding '%s'", c->ref ? c->ref : "?");
        rules_decide_finding(st, (size_t)c->ref_index);
    }
    for (size_t i = 0; i < c->n_items; i++)
        rules_decide_refs(st, c->items[i]);
}

/* Evaluates finding f's `when` once every finding it names is decided (depth first: the
 * validator proves there is no cycle, so meeting one is a programmer error). */
static void rules_decide_finding(struct rules_state *st, size_t f)
{
    if (st->mark[f] == 2)
        return;
    if (st->mark[f] == 1)
        xdie("rules: findings form a cycle through '%s'", st->q->findings[f].id);
    st->mark[f] = 1;
    const struct finding *fd = &st->q->findings[f];
    if (fd->when) {
        rules_decide_refs(st, fd->when);
        if (cond_eval(fd->when, &st->env)) {
            st->raised[f] = true;
            /* cond_because follows `finding:` leaves to their own answers, `raises` too */
            cond_because(fd->when, &st->env, because_row(st, f));
        }
    }
    st->mark[f] = 2;
}

/* The raised findings, by the verdict they impose (most severe first), then severity, then
 * file order; each with its because in asking order. */
static void rules_collect_findings(struct rules_state *st, struct outcome *out)
{
    const struct questionnaire *q = st->q;
    size_t n = 0;
    for (size_t f = 0; f < q->n_findings; f++)
        n += st->raised[f];
    out->findings = xcalloc(n, sizeof *out->findings);
    out->n_findings = 0;
    for (int elig = 0; elig < ELIG_COUNT; elig++) {
        for (int sev = 0; sev < SEV_COUNT; sev++) {
            for (size_t f = 0; f < q->n_findings; f++) {
                const struct finding *fd = &q->findings[f];
                if (!st->raised[f] || (int)fd->verdict != elig || (int)fd->severity != sev)
                    continue;
                struct raised_finding *rf = &out->findings[out->n_findings++];
                const struct cond_mark *row = because_row(st, f);
                rf->finding = f;
                rf->because = xcalloc(q->n_questions, sizeof *rf->because);
                for (size_t i = 0; i < q->n_questions; i++) {
                    struct answer buf;
                    if (!row[i].on || !cond_effective_answer(&st->env, i, &buf))
                        continue;
                    rf->because[rf->n_because++] = (struct because){
                        .question = i,
                        .values = row[i].values,
                        .defaulted = row[i].defaulted,
                    };
                }
            }
        }
    }
}

static void rules_collect_recommendations(struct rules_state *st, struct outcome *out)
{
    const struct questionnaire *q = st->q;
    out->recommendations = xcalloc(q->n_recommendations, sizeof *out->recommendations);
    out->n_recommendations = 0;
    for (int kind = 0; kind < REC_KIND_COUNT; kind++)
        for (size_t r = 0; r < q->n_recommendations; r++)
            if ((int)q->recommendations[r].kind == kind &&
                cond_eval(q->recommendations[r].when, &st->env))
                out->recommendations[out->n_recommendations++] = r;
}

bool rules_evaluate(const struct walk *w, struct outcome *out)
{
    const struct questionnaire *q = walk_questionnaire(w);
    struct rules_state st = {.q = q};
    st.raised = xcalloc(q->n_findings, sizeof *st.raised);
    st.because = xcalloc(q->n_findings * (q->n_questions ? q->n_questions : 1), sizeof *st.because);
    st.mark = xcalloc(q->n_findings, 1);
    st.env = (struct cond_env){
        .q = q,
        .answers = walk_answers(w),
        .reached = walk_reached_all(w),
        .raised = st.raised,
        .eligibility = -1,
    };
    memset(out, 0, sizeof *out);

    rules_raise_from_answers(&st);
    for (size_t f = 0; f < q->n_findings; f++)
        rules_decide_finding(&st, f);

    /* The most severe verdict of the raised findings. */
    out->eligibility = ELIG_ELIGIBLE;
    for (size_t f = 0; f < q->n_findings; f++)
        if (st.raised[f] && q->findings[f].verdict < out->eligibility)
            out->eligibility = q->findings[f].verdict;
    st.env.eligibility = (int)out->eligibility;

    out->has_role = false;
    out->role = ROLE_NONE;
    for (size_t r = 0; r < q->n_role_rules; r++) {
        if (cond_eval(q->role_rules[r].when, &st.env)) {
            out->has_role = true;
            out->role = q->role_rules[r].role;
            break;
        }
    }

    rules_collect_findings(&st, out);
    rules_collect_recommendations(&st, out);
    free(st.raised);
    free(st.because);
    free(st.mark);
    return out->has_role;
}

void rules_because_answer(const struct walk *w, const struct because *b, struct answer *out)
{
    const struct question *qn = &walk_questionnaire(w)->questions[b->question];
    *out = (struct answer){.given = true, .choice = -1};
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        for (int i = 0; i < MODEL_MAX_OPTIONS; i++)
            if (b->values & (UINT64_C(1) << i)) {
                out->choice = i;
                break;
            }
        break;
    case QTYPE_MULTI:
        out->selected = b->values;
        break;
    default:
        *out = *walk_get(w, b->question);
        break;
    }
}

void outcome_free(struct outcome *out)
{
    if (!out)
        return;
    for (size_t i = 0; i < out->n_findings; i++)
        free(out->findings[i].because);
    free(out->findings);
    free(out->recommendations);
    memset(out, 0, sizeof *out);
}
