/* paths_words.c - answers and conditions as the decision table says them: in the
 * questionnaire's own words (question text = answer text) in its language, or in ids and
 * option values for the validator's messages. */
#include "paths_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "xalloc.h"

/* ---- the fixed words ---- */

static const struct paths_word_def {
    const char *key;  /* label key */
    const char *text; /* English default */
    const char *id;   /* the spelling with ids */
} word_defs[PW_COUNT] = {
    [PW_AND] = {"paths_and", "and", "and"},
    [PW_OR] = {"paths_or", "or", "or"},
    [PW_NOT] = {"paths_not", "not", "not"},
    [PW_IN] = {"paths_in", "=", "in"},
    [PW_INCLUDES] = {"paths_includes", "includes", "includes"},
    [PW_NOT_INCLUDES] = {"paths_not_includes", "does not include", "does not include"},
    [PW_ANY_OF] = {"paths_any_of", "includes", "includes any of"},
    [PW_NONE_OF] = {"paths_none_of", "includes none of", "includes none of"},
    [PW_ALL_OF] = {"paths_all_of", "includes all of", "includes all of"},
    [PW_NOT_ALL_OF] = {"paths_not_all_of", "does not include all of", "does not include all of"},
    [PW_ANSWERED] = {"paths_answered", "answered", "answered"},
    [PW_UNANSWERED] = {"paths_unanswered", "not answered", "unanswered"},
    [PW_NOT_ASKED] = {"paths_not_asked", "not asked", "not asked"},
    [PW_TO] = {"paths_to", "to", ".."},
    [PW_ALWAYS] = {"paths_always", "always", "always"},
    [PW_NEVER] = {"paths_never", "never", "never"},
    [PW_VERDICT] = {"paths_verdict", "verdict", "eligibility"},
    [PW_FINDING] = {"paths_finding", "finding", "finding"},
    [PW_ANY_TEXT] = {"paths_any_text", "(any text)", "answered"},
    [PW_WHATEVER] = {"paths_whatever", "whatever the answers", "whatever the answers"},
    [PW_TITLE] = {"paths_title", "DECISION TABLE FOR CLINICAL SIGN-OFF", ""},
    [PW_QUESTIONNAIRE] = {"paths_questionnaire", "Questionnaire:", ""},
    [PW_VERSION] = {"paths_version", "version", ""},
    [PW_SHA256] = {"paths_sha256", "SHA-256:", ""},
    [PW_DATE] = {"paths_date", "Date:", ""},
    [PW_LANGUAGE] = {"paths_language", "Language:", ""},
    [PW_INTRO] = {"paths_intro",
                  "Every rule of the questionnaire in its own words (a question = the answer "
                  "that counts \u2192 what it raises), then the proof that every way through "
                  "it ends in a verdict and a role.",
                  ""},
    [PW_FINDINGS] = {"paths_findings", "FINDINGS, BY THE VERDICT THEY IMPOSE", ""},
    [PW_PRECEDENCE] = {"paths_precedence",
                       "The verdict is the most severe one that a finding imposes, in this "
                       "order:",
                       ""},
    [PW_NO_VERDICT] = {"paths_no_verdict", "when no finding imposes another", ""},
    [PW_ROLES] = {"paths_roles", "ROLE: THE FIRST ROW THAT MATCHES DECIDES", ""},
    [PW_OTHERWISE] = {"paths_otherwise", "in every other case", ""},
    [PW_RECOMMENDATIONS] = {"paths_recommendations", "RECOMMENDATIONS AND WHEN THEY ARE GIVEN", ""},
    [PW_PROOF] = {"paths_proof", "PROOF: EVERY PATH ENDS IN A VERDICT AND A ROLE", ""},
    [PW_PROVEN] = {"paths_proven",
                   "Proven: every combination of answers was followed ({1} states of the "
                   "analysis); each ends in a verdict and a role, and every question is asked "
                   "on some path.",
                   ""},
    [PW_NOT_PROVEN] = {"paths_not_proven", "NOT PROVEN: {1}", ""},
    [PW_NO_ROLE] = {"paths_no_role", "NO ROLE: no role row matches these answers", ""},
    [PW_DEAD_END] = {"paths_dead_end", "DEAD END: this question offers none of its answers:", ""},
    [PW_NEVER_ASKED] = {"paths_never_asked", "NEVER ASKED:", ""},
    [PW_WAYS] = {"paths_ways",
                 "Ways through the questionnaire (answers that no rule tells apart count "
                 "once), by verdict and role, each with one example patient:",
                 ""},
    [PW_BY_VERDICT] = {"paths_by_verdict", "By verdict:", ""},
    [PW_BY_ROLE] = {"paths_by_role", "By role:", ""},
    [PW_TOTAL] = {"paths_total", "total", ""},
    [PW_EXAMPLES] = {"paths_examples", "ways", ""},
    [PW_REFERENCE] = {"paths_reference",
                      "The reference patient answers as follows; every other example answers "
                      "the same except where it says (a question that no longer applies is "
                      "not asked):",
                      ""},
    [PW_AS_REFERENCE] = {"paths_as_reference", "as the reference patient, but:", ""},
    [PW_IS_REFERENCE] = {"paths_is_reference", "the reference patient", ""},
    [PW_NONE] = {"paths_none", "(none)", ""},
    [PW_MORE] = {"paths_more", "more ways, not listed", ""},
    [PW_RAISES] = {"paths_raises", "\u2192", ""},
    [PW_SIGNOFF] = {"paths_signoff", "SIGN-OFF", ""},
    [PW_SIGNOFF_TEXT] = {"paths_signoff_text",
                         "I have reviewed the rules above and approve this questionnaire, of "
                         "this version and SHA-256, for screening at this clinic.",
                         ""},
    [PW_NAME] = {"paths_name", "Name:", ""},
    [PW_ROLE_TITLE] = {"paths_role_title", "Role:", ""},
    [PW_SIGNATURE] = {"paths_signature", "Signature:", ""},
    [PW_SIGNATURE_DATE] = {"paths_signature_date", "Date:", ""},
    [PW_FULL] = {"paths_full", "EVERY WAY TO EACH OUTCOME", ""},
};

const char *paths_word(const struct speech *s, enum paths_word w)
{
    if ((unsigned)w >= PW_COUNT || !word_defs[w].key)
        xdie("paths: no word %d", (int)w);
    if (!s->words)
        return word_defs[w].id;
    return model_label(s->q, word_defs[w].key, s->lang, word_defs[w].text);
}

/* The report's words for verdicts, roles, yes and no, so that what is signed reads as what
 * is reported (but a short "unknown": it recurs); the interface's for severities. */
static const char *const verdict_defaults[ELIG_COUNT] = {
    "NOT ELIGIBLE", "DEFERRED", "REFER FOR DIAGNOSIS", "ELIGIBLE WITH PRECAUTIONS", "ELIGIBLE",
};
static const char *const role_defaults[ROLE_COUNT] = {
    "SINGLE TREATMENT",
    "ADJUVANT",
    "UNDETERMINED",
    "NONE",
};
static const char *const answer_keys[YESNO_COUNT] = {"answer_yes", "answer_no", "paths_unknown"};
static const char *const answer_defaults[YESNO_COUNT] = {"Yes", "No", "Unknown"};

static const char *label_of(const struct speech *s, const char *prefix, const char *word,
                            const char *fallback)
{
    char key[64];
    snprintf(key, sizeof key, "%s%s", prefix, word);
    return model_label(s->q, key, s->lang, fallback);
}

const char *paths_verdict(const struct speech *s, enum eligibility e)
{
    const char *name = model_eligibility_name(e);
    return s->words ? label_of(s, "verdict_", name, verdict_defaults[e]) : name;
}

const char *paths_role(const struct speech *s, enum role r)
{
    const char *name = model_role_name(r);
    return s->words ? label_of(s, "role_", name, role_defaults[r]) : name;
}

const char *paths_severity(const struct speech *s, enum severity sev)
{
    const char *name = model_severity_name(sev);
    return s->words ? label_of(s, "ui_severity_", name, name) : name;
}

char *paths_first_sentence(const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i + 1 < n; i++)
        if (text[i] == '.' && (text[i + 1] == ' ' || text[i + 1] == '\n')) {
            n = i + 1;
            break;
        }
    if (n > 0 && text[n - 1] == '.')
        n--;
    return xstrndup(text, n);
}

/* ---- questions and answers ---- */

void paths_say_question(struct strbuf *b, const struct speech *s, size_t qi)
{
    const struct question *qn = &s->q->questions[qi];
    strbuf_puts(b, s->words ? model_text(&qn->text, s->lang) : qn->id);
}

static void say_question(struct strbuf *b, const struct speech *s, const struct question *qn)
{
    strbuf_puts(b, s->words ? model_text(&qn->text, s->lang) : qn->id);
}

static void say_option(struct strbuf *b, const struct speech *s, const struct question *qn,
                       size_t o)
{
    if (!s->words)
        strbuf_puts(b, model_option_value(qn, o));
    else if (qn->type == QTYPE_YESNO)
        strbuf_puts(b, model_label(s->q, answer_keys[o], s->lang, answer_defaults[o]));
    else
        strbuf_puts(b, model_text(&qn->options[o].text, s->lang));
}

/* The options of mask: "{a, b}" with ids, "A or B" (or `join`) in words. */
static void say_options(struct strbuf *b, const struct speech *s, const struct question *qn,
                        uint64_t mask, enum paths_word join)
{
    bool first = true;
    strbuf_puts(b, s->words ? "" : "{");
    for (size_t o = 0; o < model_option_count(qn); o++)
        if (mask & (UINT64_C(1) << o)) {
            if (!first)
                strbuf_printf(b, s->words ? " %s " : ", ", paths_word(s, join));
            say_option(b, s, qn, o);
            first = false;
        }
    strbuf_puts(b, s->words ? "" : "}");
}

/* "question = a", "question in {a, b}" (ids); "Question? = A or B" (words). */
static void say_in(struct strbuf *b, const struct speech *s, const struct question *qn,
                   uint64_t mask)
{
    say_question(b, s, qn);
    paths_say_answers(b, s, (size_t)(qn - s->q->questions), mask);
}

void paths_say_answers(struct strbuf *b, const struct speech *s, size_t qi, uint64_t mask)
{
    const struct question *qn = &s->q->questions[qi];
    bool one = __builtin_popcountll(mask) == 1;
    if (qn->type == QTYPE_MULTI) {
        strbuf_printf(b, " %s ", paths_word(s, one ? PW_INCLUDES : PW_ANY_OF));
        if (one)
            say_option(b, s, qn, (size_t)__builtin_ctzll(mask));
        else
            say_options(b, s, qn, mask, PW_OR);
    } else if (one) {
        strbuf_puts(b, " = ");
        say_option(b, s, qn, (size_t)__builtin_ctzll(mask));
    } else {
        strbuf_printf(b, " %s ", paths_word(s, PW_IN));
        say_options(b, s, qn, mask, PW_OR);
    }
}

static void say_atom(struct strbuf *b, const struct speech *s, const struct question *qn,
                     const struct atom *a, bool holds)
{
    say_question(b, s, qn);
    if (__builtin_popcountll(a->mask) == 1) {
        strbuf_printf(b, " %s ", paths_word(s, holds ? PW_INCLUDES : PW_NOT_INCLUDES));
        say_option(b, s, qn, (size_t)__builtin_ctzll(a->mask));
        return;
    }
    enum paths_word how = a->kind == ATOM_ANY ? (holds ? PW_ANY_OF : PW_NONE_OF)
                                              : (holds ? PW_ALL_OF : PW_NOT_ALL_OF);
    strbuf_printf(b, " %s ", paths_word(s, how));
    say_options(b, s, qn, a->mask, a->kind == ATOM_ANY ? PW_OR : PW_AND);
}

/* Multi: the answer classes in `cls`, as a small disjunction of atom tests. Greedy: each
 * uncovered truth vector grows into the largest cube (set of fixed atoms) that contains no
 * vector of another class. */
static void label_multi(struct strbuf *b, const struct paths *p, const struct speech *s, size_t qi,
                        const uint32_t *cls, size_t n)
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
        say_question(b, s, qn);
        strbuf_printf(b, " %s ", paths_word(s, PW_ANY_OF));
        say_options(b, s, qn, any, PW_OR);
    } else if (none) {
        say_question(b, s, qn);
        strbuf_printf(b, " %s ", paths_word(s, PW_NONE_OF));
        say_options(b, s, qn, excluded, PW_OR);
    } else {
        for (size_t c = 0; c < n_cubes; c++) {
            if (c)
                strbuf_printf(b, " %s ", paths_word(s, PW_OR));
            if (!care[c]) {
                say_question(b, s, qn);
                strbuf_printf(b, " %s", paths_word(s, PW_ANSWERED));
            }
            bool first = true;
            for (size_t a = 0; a < info->n_atoms; a++)
                if (care[c] & (UINT64_C(1) << a)) {
                    if (!first)
                        strbuf_printf(b, " %s ", paths_word(s, PW_AND));
                    say_atom(b, s, qn, &info->atoms[a], (val[c] >> a) & 1);
                    first = false;
                }
        }
    }
    free(in);
    free(care);
    free(val);
}

static void label_number(struct strbuf *b, const struct paths *p, const struct speech *s, size_t qi,
                         const uint32_t *cls, size_t n)
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
            strbuf_printf(b, " %s ", paths_word(s, PW_OR));
        first = false;
        say_question(b, s, qn);
        if (lo == qn->min && hi == qn->max)
            strbuf_printf(b, " %s", paths_word(s, PW_ANSWERED));
        else if (lo == hi)
            strbuf_printf(b, " = %lld", lo);
        else if (lo == qn->min)
            strbuf_printf(b, " <= %lld", hi);
        else if (hi == qn->max)
            strbuf_printf(b, " >= %lld", lo);
        else if (s->words)
            strbuf_printf(b, " = %lld %s %lld", lo, paths_word(s, PW_TO), hi);
        else
            strbuf_printf(b, " %lld..%lld", lo, hi);
        i = j;
    }
}

/* The answers of `cls` (classes of question qi) as readable text: "sex = male",
 * "blood_thinners in {none, antiplatelet}", "age >= 18", "scalp includes any of {...}"; in
 * words "What is your sex? = Male". */
void paths_label_classes(struct strbuf *b, const struct paths *p, const struct speech *s, size_t qi,
                         const uint32_t *cls, size_t n)
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
            say_in(b, s, qn, mask);
            break;
        }
        case QTYPE_MULTI:
            label_multi(b, p, s, qi, answered, n_answered);
            break;
        case QTYPE_NUMBER:
            label_number(b, p, s, qi, answered, n_answered);
            break;
        default:
            say_question(b, s, qn);
            strbuf_printf(b, " %s", paths_word(s, PW_ANSWERED));
            break;
        }
    }
    if (unanswered) {
        if (b->len > start)
            strbuf_printf(b, " %s ", paths_word(s, PW_OR));
        say_question(b, s, qn);
        strbuf_printf(b, " %s", paths_word(s, PW_UNANSWERED));
    }
    if (not_reached) {
        if (b->len > start)
            strbuf_printf(b, " %s ", paths_word(s, PW_OR));
        say_question(b, s, qn);
        strbuf_printf(b, " %s", paths_word(s, PW_NOT_ASKED));
    }
    free(answered);
}

void paths_say_example(struct strbuf *b, const struct speech *s, size_t qi, const struct answer *a)
{
    const struct question *qn = &s->q->questions[qi];
    say_question(b, s, qn);
    if (!a->given) {
        strbuf_printf(b, " %s", paths_word(s, PW_UNANSWERED));
        return;
    }
    strbuf_puts(b, " = ");
    switch (qn->type) {
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
        say_option(b, s, qn, (size_t)a->choice);
        break;
    case QTYPE_MULTI:
        say_options(b, s, qn, a->selected, PW_AND);
        break;
    case QTYPE_NUMBER:
        strbuf_printf(b, "%lld", a->number);
        break;
    default:
        strbuf_puts(b, paths_word(s, PW_ANY_TEXT));
        break;
    }
}

/* ---- conditions ---- */

static const char *const compare_symbols[CMP_COUNT] = {
    [CMP_BELOW] = "<",     [CMP_AT_MOST] = "<=", [CMP_ABOVE] = ">",
    [CMP_AT_LEAST] = ">=", [CMP_EQUAL] = "=",
};

static void say_verdicts(struct strbuf *b, const struct speech *s, unsigned mask)
{
    bool list = !s->words && __builtin_popcount(mask) > 1, first = true;
    strbuf_printf(b, "%s %s", paths_word(s, PW_VERDICT), list ? "in {" : "= ");
    for (int e = 0; e < ELIG_COUNT; e++)
        if (mask & (1u << e)) {
            if (!first && s->words)
                strbuf_printf(b, " %s ", paths_word(s, PW_OR));
            else if (!first)
                strbuf_puts(b, ", ");
            strbuf_puts(b, paths_verdict(s, (enum eligibility)e));
            first = false;
        }
    strbuf_puts(b, list ? "}" : "");
}

void paths_say_cond(struct strbuf *b, const struct speech *s, const struct cond *c, bool nested)
{
    const struct questionnaire *q = s->q;
    const struct question *qn =
        paths_is_question_leaf(c) && c->ref_index >= 0 ? &q->questions[c->ref_index] : NULL;
    switch (c->kind) {
    case COND_ALL:
    case COND_ANY: {
        if (c->n_items == 0) {
            strbuf_puts(b, paths_word(s, c->kind == COND_ALL ? PW_ALWAYS : PW_NEVER));
            return;
        }
        bool parens = nested && c->n_items > 1;
        strbuf_puts(b, parens ? "(" : "");
        for (size_t i = 0; i < c->n_items; i++) {
            if (i)
                strbuf_printf(b, " %s ", paths_word(s, c->kind == COND_ALL ? PW_AND : PW_OR));
            paths_say_cond(b, s, c->items[i], true);
        }
        strbuf_puts(b, parens ? ")" : "");
        return;
    }
    case COND_NOT:
        strbuf_printf(b, "%s ", paths_word(s, PW_NOT));
        if (c->n_items > 0)
            paths_say_cond(b, s, c->items[0], true);
        return;
    case COND_IN:
    case COND_INCLUDES: {
        if (!qn)
            return;
        /* In words a set reads "A or B": inside and/or/not, brackets keep it together. */
        bool parens = s->words && nested && c->n_values > 1;
        strbuf_puts(b, parens ? "(" : "");
        if (c->kind == COND_IN) {
            say_in(b, s, qn, cond_value_mask(c));
        } else {
            say_question(b, s, qn);
            strbuf_printf(b, " %s ", paths_word(s, c->n_values == 1 ? PW_INCLUDES : PW_ALL_OF));
            say_options(b, s, qn, cond_value_mask(c), PW_AND);
        }
        strbuf_puts(b, parens ? ")" : "");
        return;
    }
    case COND_COMPARE:
        if (qn) {
            say_question(b, s, qn);
            strbuf_printf(b, " %s %lld", compare_symbols[c->op < CMP_COUNT ? c->op : CMP_EQUAL],
                          c->number);
        }
        return;
    case COND_ANSWERED:
        if (qn) {
            say_question(b, s, qn);
            strbuf_printf(b, " %s", paths_word(s, c->flag ? PW_ANSWERED : PW_UNANSWERED));
        }
        return;
    case COND_ELIGIBILITY: {
        bool parens = s->words && nested && __builtin_popcount(c->eligibilities) > 1;
        strbuf_puts(b, parens ? "(" : "");
        say_verdicts(b, s, c->eligibilities);
        strbuf_puts(b, parens ? ")" : "");
        return;
    }
    case COND_FINDING:
        if (c->ref_index < 0)
            return;
        if (s->words) {
            char *name = paths_first_sentence(model_text(&q->findings[c->ref_index].text, s->lang));
            strbuf_printf(b, "%s \"%s\"", paths_word(s, PW_FINDING), name);
            free(name);
        } else {
            strbuf_printf(b, "%s %s", paths_word(s, PW_FINDING), q->findings[c->ref_index].id);
        }
        return;
    default:
        return;
    }
}
