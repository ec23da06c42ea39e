/* paths_words.c - answers and conditions as the decision table prints them. */
#include "paths_impl.h"

#include <stdlib.h>

#include "xalloc.h"

/* ---- describing answers ---- */

void paths_sb_values(struct strbuf *b, const struct question *qn, uint64_t mask)
{
    bool first = true;
    strbuf_printf(b, "{");
    for (size_t o = 0; o < model_option_count(qn); o++)
        if (mask & (UINT64_C(1) << o)) {
            strbuf_printf(b, "%s%s", first ? "" : ", ", model_option_value(qn, o));
            first = false;
        }
    strbuf_printf(b, "}");
}

static void sb_atom(struct strbuf *b, const struct question *qn, const struct atom *a, bool holds)
{
    if (__builtin_popcountll(a->mask) == 1) {
        strbuf_printf(b, "%s %s %s", qn->id, holds ? "includes" : "does not include",
                      model_option_value(qn, (size_t)__builtin_ctzll(a->mask)));
        return;
    }
    const char *how = a->kind == ATOM_ANY ? (holds ? "includes any of" : "includes none of")
                                          : (holds ? "includes all of" : "does not include all of");
    strbuf_printf(b, "%s %s ", qn->id, how);
    paths_sb_values(b, qn, a->mask);
}

/* Multi: the answer classes in `cls`, as a small disjunction of atom tests. Greedy: each
 * uncovered truth vector grows into the largest cube (set of fixed atoms) that contains no
 * vector of another class. */
static void label_multi(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                        size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    bool *in = xcalloc(info->n_classes, sizeof *in);
    for (size_t i = 0; i < n; i++)
        in[cls[i]] = true;
    uint64_t all = info->n_atoms >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << info->n_atoms) - 1;
    uint64_t *care = xcalloc(n + 1, sizeof *care), *val = xcalloc(n + 1, sizeof *val);
    size_t n_cubes = 0;
    bool simplify = info->n_classes <= DNF_MAX_VECTORS;
    for (size_t i = 0; i < n; i++) {
        uint64_t t = info->classes[cls[i]].truth;
        bool covered = false;
        for (size_t c = 0; c < n_cubes && !covered; c++)
            covered = (t & care[c]) == val[c];
        if (covered)
            continue;
        uint64_t cm = all;
        for (size_t a = 0; simplify && a < info->n_atoms; a++) {
            uint64_t try = cm & ~(UINT64_C(1) << a);
            bool clash = false;
            for (size_t c = 1; c < info->n_classes && !clash; c++)
                clash = !in[c] && info->classes[c].rep.given &&
                        (info->classes[c].truth & try) == (t & try);
            if (!clash)
                cm = try;
        }
        care[n_cubes] = cm;
        val[n_cubes++] = t & cm;
    }
    /* The common case, "includes any of {a, b}": every cube one positive one-option test. */
    bool simple = true;
    uint64_t any = 0;
    for (size_t c = 0; c < n_cubes && simple; c++) {
        int a = care[c] ? __builtin_ctzll(care[c]) : 0;
        simple = __builtin_popcountll(care[c]) == 1 && val[c] == care[c] &&
                 __builtin_popcountll(info->atoms[a].mask) == 1;
        any |= simple ? info->atoms[a].mask : 0;
    }
    /* ... and "includes none of {a, b}": one cube of negative one-option tests. */
    bool none = n_cubes == 1 && val[0] == 0 && __builtin_popcountll(care[0]) > 1;
    uint64_t excluded = 0;
    for (size_t a = 0; none && a < info->n_atoms; a++)
        if (care[0] & (UINT64_C(1) << a)) {
            none = __builtin_popcountll(info->atoms[a].mask) == 1;
            excluded |= info->atoms[a].mask;
        }
    if (simple && n_cubes > 1) {
        strbuf_printf(b, "%s includes any of ", qn->id);
        paths_sb_values(b, qn, any);
    } else if (none) {
        strbuf_printf(b, "%s includes none of ", qn->id);
        paths_sb_values(b, qn, excluded);
    } else {
        for (size_t c = 0; c < n_cubes; c++) {
            if (c)
                strbuf_printf(b, " or ");
            if (!care[c])
                strbuf_printf(b, "%s answered", qn->id);
            bool first = true;
            for (size_t a = 0; a < info->n_atoms; a++)
                if (care[c] & (UINT64_C(1) << a)) {
                    if (!first)
                        strbuf_printf(b, " and ");
                    sb_atom(b, qn, &info->atoms[a], (val[c] >> a) & 1);
                    first = false;
                }
        }
    }
    free(in);
    free(care);
    free(val);
}

static void label_number(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                         size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    /* Classes are numbered in interval order: merge runs of adjacent intervals. */
    bool first = true;
    for (size_t i = 0; i < n;) {
        const struct qclass *c = &info->classes[cls[i]];
        long long lo = c->lo, hi = c->hi;
        size_t j = i + 1;
        while (j < n && info->classes[cls[j]].lo == hi + 1)
            hi = info->classes[cls[j++]].hi;
        if (!first)
            strbuf_printf(b, " or ");
        first = false;
        if (lo == qn->min && hi == qn->max)
            strbuf_printf(b, "%s answered", qn->id);
        else if (lo == hi)
            strbuf_printf(b, "%s = %lld", qn->id, lo);
        else if (lo == qn->min)
            strbuf_printf(b, "%s <= %lld", qn->id, hi);
        else if (hi == qn->max)
            strbuf_printf(b, "%s >= %lld", qn->id, lo);
        else
            strbuf_printf(b, "%s %lld..%lld", qn->id, lo, hi);
        i = j;
    }
}

/* The answers of `cls` (classes of question qi) as readable text: "sex = male",
 * "blood_thinners in {none, antiplatelet}", "age >= 18", "scalp includes any of {...}". */
void paths_label_classes(struct strbuf *b, const struct paths *p, size_t qi, const uint32_t *cls,
                         size_t n)
{
    const struct question *qn = &p->q->questions[qi];
    const struct qinfo *info = &p->qinfo[qi];
    uint32_t *answered = xcalloc(n + 1, sizeof *answered);
    size_t n_answered = 0;
    bool unanswered = false, not_reached = false;
    for (size_t i = 0; i < n; i++) {
        const struct qclass *c = &info->classes[cls[i]];
        if (!c->reached)
            not_reached = true;
        else if (!c->rep.given)
            unanswered = true;
        else
            answered[n_answered++] = cls[i];
    }
    size_t start = b->len;
    if (n_answered > 0) {
        switch (qn->type) {
        case QTYPE_YESNO:
        case QTYPE_CHOICE: {
            uint64_t mask = 0;
            for (size_t i = 0; i < n_answered; i++)
                mask |= info->classes[answered[i]].options;
            if (__builtin_popcountll(mask) == 1) {
                strbuf_printf(b, "%s = %s", qn->id,
                              model_option_value(qn, (size_t)__builtin_ctzll(mask)));
            } else {
                strbuf_printf(b, "%s in ", qn->id);
                paths_sb_values(b, qn, mask);
            }
            break;
        }
        case QTYPE_MULTI:
            label_multi(b, p, qi, answered, n_answered);
            break;
        case QTYPE_NUMBER:
            label_number(b, p, qi, answered, n_answered);
            break;
        default:
            strbuf_printf(b, "%s answered", qn->id);
            break;
        }
    }
    if (unanswered)
        strbuf_printf(b, "%s%s unanswered", b->len > start ? " or " : "", qn->id);
    if (not_reached)
        strbuf_printf(b, "%s%s not asked", b->len > start ? " or " : "", qn->id);
    free(answered);
}
