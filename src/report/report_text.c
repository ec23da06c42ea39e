/* report_text.c - the report for the patient file, laid out on paper (product.md 5).
 *
 * Page 1 is the signed record: identification, the verdict box, the findings grouped by the
 * verdict they impose with the answers behind them in words, the next step, when to screen
 * again after a deferral, the disclaimer, the patient's declaration and the physician's
 * decision. When the findings in full would not leave room for all of that, page 1 sets them
 * more densely (text_densities: without the answers, then one line each but the temporary
 * contraindications, which say when to re-screen, then all one line each, then two to a line)
 * and the findings follow in full on page 2. Later pages: the other
 * recommendations, every question asked with its answer in words, the notes, and the audit
 * footer. Every word comes from report_words.c (the questionnaire's labels). */
#include "report_text.h"

#include <stdlib.h>
#include <string.h>

#include "because_words.h"
#include "digest.h"
#include "model.h"
#include "paper_flow.h"
#include "report_words.h"
#include "strbuf.h"
#include "timestamp.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

/* What every part of the layout needs. */
struct text_ctx {
    const struct walk *w;
    const struct questionnaire *q;
    const struct outcome *o;
    const struct report_meta *m;
    struct paper_flow f;
    const struct text_density *d; /* how densely page 1 is set */
};

/* How densely page 1 sets the findings and the verdict box: the first density with which
 * page 1 holds everything wins. Below full density the findings follow in full on page 2. */
static const struct text_density {
    bool because;        /* each finding's answers in words under it */
    bool wrap;           /* each finding's whole text (else its first sentence, on one line) */
    bool wrap_deferring; /* the temporary ones whole even so: they say when to re-screen */
    bool meanings;       /* the verdict's and role's meaning in the box */
    /* One-line findings of the groups from this verdict on (the least severe first) are
     * set two to a line; ELIG_COUNT for none. */
    enum eligibility two_columns_from;
} text_densities[] = {
    {true, true, true, true, ELIG_COUNT},
    {false, true, true, true, ELIG_COUNT},
    {false, false, true, true, ELIG_COUNT},
    {false, false, false, true, ELIG_COUNT},
    {false, false, false, false, ELIG_COUNT},
    {false, false, false, false, ELIG_ELIGIBLE_WITH_PRECAUTIONS},
    {false, false, false, false, ELIG_DEFERRED},
    {false, false, false, false, ELIG_NOT_ELIGIBLE},
};
#define TEXT_DENSITIES (sizeof text_densities / sizeof text_densities[0])

static const char *W(const struct text_ctx *c, const char *key)
{
    return report_word(c->q, c->m->lang, key);
}

static bool text_given(const char *s)
{
    return s && *s;
}

/* Writes text wrapped to the page width: the first line after `first` (whose display width
 * is the indent of the others). */
static void text_para(struct text_ctx *c, enum paper_kind kind, const char *first, const char *text)
{
    char *safe = utf8_escape_controls(first, false);
    size_t indent = utf8_width(safe);
    size_t width = indent + 20 < PAPER_WIDTH ? PAPER_WIDTH - indent : 20;
    struct wrap_lines l;
    wrap_text(text, width, &l);
    for (size_t i = 0; i < l.n; i++) {
        struct strbuf b = STRBUF_INIT;
        if (i == 0)
            strbuf_puts(&b, safe);
        else if (l.width[i] > 0)
            strbuf_repeat(&b, ' ', indent < PAPER_WIDTH - 20 ? indent : 0);
        strbuf_puts(&b, l.line[i]);
        char *line = strbuf_release(&b, NULL);
        paper_flow_line(&c->f, kind, line);
        free(line);
    }
    wrap_lines_free(&l);
    free(safe);
}

static void text_blank(struct text_ctx *c)
{
    paper_flow_line(&c->f, PAPER_TEXT, "");
}

/* "Label:" padded to `col` columns (at least one space after it), then the wrapped value. */
static void text_field(struct text_ctx *c, const char *label, size_t col, const char *value)
{
    struct strbuf first = STRBUF_INIT;
    size_t w = utf8_width(label);
    strbuf_puts(&first, label);
    strbuf_repeat(&first, ' ', w + 1 > col ? 1 : col - w);
    char *prefix = strbuf_release(&first, NULL);
    text_para(c, PAPER_TEXT, prefix, value);
    free(prefix);
}

/* A new block that opens with a heading (after a blank line unless new_page). */
static void text_section(struct text_ctx *c, const char *key, bool new_page)
{
    paper_flow_block(&c->f, new_page);
    if (!new_page)
        text_blank(c);
    text_para(c, PAPER_HEADING, "", W(c, key));
}

/* A line of fields to fill in by hand: each label followed by a share of the rest of the line
 * in underscores, in proportion to its weight. */
static void text_blanks(struct text_ctx *c, const char *const *labels, const unsigned *weights,
                        size_t n)
{
    size_t used = 0, total = 0;
    char *safe[8];
    if (n > sizeof safe / sizeof safe[0])
        xdie("text_blanks: %zu fields", n);
    for (size_t i = 0; i < n; i++) {
        safe[i] = utf8_escape_controls(labels[i], false); /* a label's newline too */
        used += utf8_width(safe[i]) + 1 + (i ? 2 : 0);
        total += weights[i];
    }
    size_t room = used + 3 * n < PAPER_WIDTH ? PAPER_WIDTH - used : 3 * n;
    struct strbuf b = STRBUF_INIT;
    size_t left = room;
    for (size_t i = 0; i < n; i++) {
        size_t u = i + 1 == n ? left : room * weights[i] / total;
        strbuf_printf(&b, "%s%s ", i ? "  " : "", safe[i]);
        strbuf_repeat(&b, '_', u);
        left -= u;
    }
    char *line = strbuf_release(&b, NULL);
    if (utf8_width(line) <= PAPER_WIDTH) {
        paper_flow_line(&c->f, PAPER_TEXT, line);
    } else if (n > 1) { /* labels too long for one line: one field per line */
        for (size_t i = 0; i < n; i++) {
            const char *one[1] = {labels[i]};
            text_blanks(c, one, weights + i, 1);
        }
    } else { /* a label too long for any line: wrapped, the blank on a line of its own */
        text_para(c, PAPER_TEXT, "", safe[0]);
        struct strbuf rule = STRBUF_INIT;
        strbuf_repeat(&rule, '_', PAPER_WIDTH / 2);
        char *blank = strbuf_release(&rule, NULL);
        paper_flow_line(&c->f, PAPER_TEXT, blank);
        free(blank);
    }
    free(line);
    for (size_t i = 0; i < n; i++)
        free(safe[i]);
}

/* --- Page 1: who, when, the verdict ------------------------------------------------ */

static void text_identity(struct text_ctx *c)
{
    static const char *const keys[] = {"patient", "answered_by", "practitioner", "interview"};
    const struct report_meta *m = c->m;
    const char *none = W(c, "not_stated");
    struct timestamp ts;
    size_t col = 0;

    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        size_t w = utf8_width(W(c, keys[i]));
        col = w > col ? w : col;
    }
    col = col + 2 < 30 ? col + 2 : 30;

    paper_flow_block(&c->f, false);
    text_para(c, PAPER_HEADING, "", model_text(&c->q->title, m->lang));
    char *who = xasprintf("%s%s%s, %s %s", text_given(m->patient) ? m->patient : none,
                          text_given(m->patient_name) ? ", " : "",
                          text_given(m->patient_name) ? m->patient_name : "", W(c, "birth_date"),
                          text_given(m->birth_date) ? m->birth_date : none);
    text_field(c, W(c, "patient"), col, who);
    free(who);
    text_field(c, W(c, "answered_by"), col,
               text_given(m->answered_by)
                   ? report_word3(c->q, m->lang, "answered_by_", m->answered_by, "")
                   : none);
    text_field(c, W(c, "practitioner"), col, text_given(m->practitioner) ? m->practitioner : none);
    if (!timestamp_split(m->when, &ts))
        xdie("report time %lld out of range", (long long)m->when);
    char *when = xasprintf("%s %.5s (UTC%s)", ts.date, ts.time, ts.offset);
    text_field(c, W(c, "interview"), col, when);
    free(when);
    if (text_given(m->replaces)) {
        char *line = xasprintf("%s %s", W(c, "replaces"), m->replaces);
        text_para(c, PAPER_HEADING, "", line);
        free(line);
    }
}

/* "LABEL:  VALUE" and its meaning below the value, wrapped inside the box. */
static void text_box_entry(struct text_ctx *c, const char *label, size_t col, const char *value,
                           const char *meaning)
{
    char *safe = utf8_escape_controls(label, false);
    size_t lw = utf8_width(safe);
    struct wrap_lines lv, lm;
    wrap_text(value, PAPER_BOX_INNER - col, &lv);
    wrap_text(meaning, PAPER_BOX_INNER - col, &lm);
    size_t nm = c->d->meanings && *meaning ? lm.n : 0;
    bool label_alone = lw + 1 > col; /* a translated label too wide for the column */
    if (label_alone)
        paper_flow_line(&c->f, PAPER_BOX, safe);
    for (size_t i = 0; i < lv.n + nm; i++) {
        const char *part = i < lv.n ? lv.line[i] : lm.line[i - lv.n];
        struct strbuf line = STRBUF_INIT;
        if (i == 0 && !label_alone) {
            strbuf_puts(&line, safe);
            strbuf_repeat(&line, ' ', col - lw);
        } else {
            strbuf_repeat(&line, ' ', col);
        }
        strbuf_puts(&line, part);
        char *s = strbuf_release(&line, NULL);
        paper_flow_line(&c->f, PAPER_BOX, s);
        free(s);
    }
    wrap_lines_free(&lv);
    wrap_lines_free(&lm);
    free(safe);
}

static void text_verdict(struct text_ctx *c)
{
    const char *elig = model_eligibility_name(c->o->eligibility);
    const char *verdict = W(c, "verdict"), *role = W(c, "role");
    size_t col = utf8_width(verdict) > utf8_width(role) ? utf8_width(verdict) : utf8_width(role);
    col = col + 2 < PAPER_BOX_INNER / 2 ? col + 2 : PAPER_BOX_INNER / 2;

    paper_flow_block(&c->f, false);
    text_blank(c);
    paper_flow_line(&c->f, PAPER_BOX_EDGE, NULL);
    /* The verdict and the role, each with what it means. */
    text_box_entry(c, verdict, col, report_word3(c->q, c->m->lang, "verdict_", elig, ""),
                   report_word3(c->q, c->m->lang, "verdict_", elig, "_meaning"));
    if (c->o->has_role) {
        const char *r = model_role_name(c->o->role);
        char *value = c->o->eligibility == ELIG_DEFERRED
                          ? xasprintf("%s %s", report_word3(c->q, c->m->lang, "role_", r, ""),
                                      W(c, "role_once_resolved"))
                          : xstrdup(report_word3(c->q, c->m->lang, "role_", r, ""));
        text_box_entry(c, role, col, value, report_word3(c->q, c->m->lang, "role_", r, "_meaning"));
        free(value);
    } else {
        text_box_entry(c, role, col, W(c, "role_missing"), "");
    }
    paper_flow_line(&c->f, PAPER_BOX_EDGE, NULL);
}

/* --- Findings ------------------------------------------------------------------------- */

/* A finding's first sentence (its text up to the first ". "), without the full stop. The
 * caller frees it. */
static char *text_first_sentence(const char *text)
{
    const char *stop = strstr(text, ". ");
    size_t n = stop ? (size_t)(stop - text) : strlen(text);
    while (n > 0 && text[n - 1] == '.')
        n--;
    char *raw = xstrndup(text, n);
    char *safe = utf8_escape_controls(raw, false);
    free(raw);
    return safe;
}

/* One finding, wrapped: its text, and when the density shows them the answers behind it in
 * words, one line each (because_words.h). */
static void text_finding(struct text_ctx *c, const struct raised_finding *rf, bool because)
{
    text_para(c, PAPER_TEXT, "  - ", model_text(&c->q->findings[rf->finding].text, c->m->lang));
    if (!because || rf->n_because == 0)
        return;
    const struct because_words words = {
        .yesno = {W(c, "answer_yes"), W(c, "answer_no"), W(c, "answer_unknown")},
        .defaulted = W(c, "because_default"),
    };
    char *first = xasprintf("    %s ", W(c, "because"));
    char *safe = utf8_escape_controls(first, false);
    size_t indent = utf8_width(safe);
    char *rest = xcalloc(indent + 1, 1);
    memset(rest, ' ', indent);
    for (size_t k = 0; k < rf->n_because; k++) {
        char *line = because_words_render(c->w, &rf->because[k], c->m->lang, &words);
        text_para(c, PAPER_TEXT, k ? rest : safe, line);
        free(line);
    }
    free(rest);
    free(safe);
    free(first);
}

/* Findings of one group as first sentences, `columns` to a line, each cut to its column. */
static void text_finding_lines(struct text_ctx *c, const size_t *which, size_t n, int columns)
{
    size_t width = (PAPER_WIDTH - 2) / (size_t)columns; /* "  " then columns of this width */
    for (size_t i = 0; i < n; i += (size_t)columns) {
        struct strbuf b = STRBUF_INIT;
        strbuf_puts(&b, "  ");
        for (size_t k = 0; k < (size_t)columns && i + k < n; k++) {
            const struct raised_finding *rf = &c->o->findings[which[i + k]];
            char *first =
                text_first_sentence(model_text(&c->q->findings[rf->finding].text, c->m->lang));
            char *cut = paper_fit(first, width - 3);
            if (k > 0) {
                size_t at = utf8_width(b.data), column = 2 + k * width;
                strbuf_repeat(&b, ' ', at < column ? column - at : 1);
            }
            strbuf_printf(&b, "- %s", cut);
            free(cut);
            free(first);
        }
        char *line = strbuf_release(&b, NULL);
        paper_flow_line(&c->f, PAPER_TEXT, line);
        free(line);
    }
}

/* The findings grouped by the verdict they impose, most severe first, at density d: wrapped
 * (with or without their answers) or as first sentences. */
static void text_finding_groups(struct text_ctx *c, const struct text_density *d)
{
    size_t *which = xcalloc(c->o->n_findings ? c->o->n_findings : 1, sizeof *which);
    for (int e = 0; e < ELIG_COUNT; e++) {
        size_t n = 0;
        for (size_t i = 0; i < c->o->n_findings; i++)
            if ((int)c->q->findings[c->o->findings[i].finding].verdict == e)
                which[n++] = i;
        if (n == 0)
            continue;
        bool wrap = d->wrap || (d->wrap_deferring && e == ELIG_DEFERRED);
        paper_flow_block(&c->f, false);
        if (d->wrap)
            text_blank(c);
        text_para(c, PAPER_TEXT, "",
                  report_word3(c->q, c->m->lang, "group_",
                               model_eligibility_name((enum eligibility)e), ""));
        if (!wrap) {
            text_finding_lines(c, which, n, n > 1 && (int)e >= (int)d->two_columns_from ? 2 : 1);
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            if (k > 0)
                paper_flow_block(&c->f, false); /* a page may break between findings */
            text_finding(c, &c->o->findings[which[k]], d->because);
        }
    }
    free(which);
}

static void text_findings(struct text_ctx *c)
{
    text_section(c, "findings", false);
    if (c->o->n_findings == 0) {
        text_para(c, PAPER_TEXT, "", W(c, "no_findings"));
        return;
    }
    text_finding_groups(c, c->d);
    if (!c->d->because)
        text_para(c, PAPER_TEXT, "", W(c, "findings_in_detail"));
}

/* --- The rest of page 1 --------------------------------------------------------------- */

/* The recommendations of one kind, or of every other kind, as "  - text" items. */
static void text_recommendation_items(struct text_ctx *c, enum recommendation_kind kind)
{
    for (size_t i = 0; i < c->o->n_recommendations; i++) {
        const struct recommendation *r = &c->q->recommendations[c->o->recommendations[i]];
        if (r->kind == kind)
            text_para(c, PAPER_TEXT, "  - ", model_text(&r->text, c->m->lang));
    }
}

static void text_next_step(struct text_ctx *c)
{
    text_section(c, "next_step", false);
    text_recommendation_items(c, REC_NEXT_STEP);
    if (c->o->eligibility == ELIG_DEFERRED)
        text_field(c, W(c, "rescreen"), utf8_width(W(c, "rescreen")) + 1, W(c, "rescreen_when"));
}

static void text_disclaimer(struct text_ctx *c)
{
    paper_flow_block(&c->f, false);
    text_blank(c);
    if (c->q->disclaimer.by_lang && *model_text(&c->q->disclaimer, c->m->lang))
        text_para(c, PAPER_TEXT, "", model_text(&c->q->disclaimer, c->m->lang));
    else
        text_para(c, PAPER_TEXT, "", W(c, "disclaimer_default"));
}

static void text_declaration(struct text_ctx *c)
{
    const char *labels[] = {W(c, "signature_patient"), W(c, "signature"), W(c, "signature_date")};
    static const unsigned weights[] = {3, 3, 2};
    text_section(c, "declaration", false);
    text_para(c, PAPER_TEXT, "", W(c, "declaration_text"));
    text_blank(c);
    text_blanks(c, labels, weights, 3);
}

static void text_decision(struct text_ctx *c)
{
    const char *product[] = {W(c, "decision_product"), W(c, "decision_batch")};
    static const unsigned product_weights[] = {3, 2};
    const char *sign[] = {W(c, "signature_physician"), W(c, "signature"), W(c, "signature_date")};
    static const unsigned sign_weights[] = {3, 3, 2};

    text_section(c, "decision", false);
    char *choices = xasprintf("[ ] %s    [ ] %s    [ ] %s", W(c, "decision_treat"),
                              W(c, "decision_defer"), W(c, "decision_decline"));
    char *safe = utf8_escape_controls(choices, false);
    if (utf8_width(safe) <= PAPER_WIDTH)
        paper_flow_line(&c->f, PAPER_TEXT, safe);
    else
        text_para(c, PAPER_TEXT, "", safe);
    free(safe);
    free(choices);
    text_blank(c);
    text_blanks(c, product, product_weights, 2);
    text_blank(c);
    text_blanks(c, sign, sign_weights, 3);
}

/* --- Later pages ---------------------------------------------------------------------- */

static void text_recommendations(struct text_ctx *c, bool new_page)
{
    text_section(c, "recommendations", new_page);
    bool any = false;
    for (int kind = 0; kind < REC_KIND_COUNT; kind++) {
        if (kind == REC_NEXT_STEP)
            continue; /* on page 1 */
        bool has = false;
        for (size_t i = 0; i < c->o->n_recommendations; i++)
            has = has || (int)c->q->recommendations[c->o->recommendations[i]].kind == kind;
        if (!has)
            continue;
        if (any)
            paper_flow_block(&c->f, false);
        text_blank(c);
        text_para(c, PAPER_TEXT, "",
                  report_word3(c->q, c->m->lang, "kind_",
                               model_recommendation_kind_name((enum recommendation_kind)kind), ""));
        text_recommendation_items(c, (enum recommendation_kind)kind);
        any = true;
    }
    if (!any)
        text_para(c, PAPER_TEXT, "", W(c, "no_recommendations"));
}

/* The question whose answer is the practitioner notes: a text question with id `notes`. */
static int text_notes_question(const struct text_ctx *c)
{
    int qi = model_find_question(c->q, "notes");
    return qi >= 0 && c->q->questions[qi].type == QTYPE_TEXT ? qi : -1;
}

/* Every reached question with its answer in words, under its section's title; each question
 * a block. The notes have their own part. */
static void text_answers(struct text_ctx *c)
{
    size_t shown_section = (size_t)-1;
    int notes = text_notes_question(c);

    text_section(c, "answers", false);
    for (size_t i = 0; i < c->q->n_questions; i++) {
        if (!walk_reached(c->w, i) || (int)i == notes)
            continue;
        const struct question *qn = &c->q->questions[i];
        if (qn->section != shown_section) {
            if (shown_section != (size_t)-1)
                paper_flow_block(&c->f, false);
            shown_section = qn->section;
            text_blank(c);
            text_para(c, PAPER_TEXT, "",
                      model_text(&c->q->sections[qn->section].title, c->m->lang));
        } else {
            paper_flow_block(&c->f, false);
        }
        text_para(c, PAPER_TEXT, "  ", model_text(&qn->text, c->m->lang));
        char *a = report_answer_words(c->q, c->m->lang, qn, walk_get(c->w, i));
        text_para(c, PAPER_TEXT, "    > ", a);
        free(a);
    }
}

static void text_notes(struct text_ctx *c)
{
    int qi = text_notes_question(c);
    const struct answer *a = NULL;

    text_section(c, "notes", false);
    if (qi >= 0 && walk_reached(c->w, (size_t)qi))
        a = walk_get(c->w, (size_t)qi);
    if (qi >= 0 && report_has_answer(&c->q->questions[qi], a))
        text_para(c, PAPER_TEXT, "  ",
                  a->text); /* indented: no note line passes for the report's */
    else
        text_para(c, PAPER_TEXT, "", W(c, "no_notes"));
}

/* What exactly produced this report: questionnaire, its SHA-256, program, language. */
static void text_audit(struct text_ctx *c)
{
    char sha[DIGEST_HEX_LEN + 1];
    digest_questionnaire_hex(c->q, sha);

    paper_flow_block(&c->f, false);
    text_blank(c);
    paper_flow_line(&c->f, PAPER_RULE, NULL);
    char *line = xasprintf("%s %s, %s %s. %s mesoscreen %s. %s %s", W(c, "questionnaire"), c->q->id,
                           W(c, "version"), c->q->version, W(c, "program"), MESOSCREEN_VERSION,
                           W(c, "language"), c->q->languages[c->m->lang]);
    text_para(c, PAPER_TEXT, "", line);
    free(line);
    line = xasprintf("%s %s", W(c, "sha256"), sha);
    text_para(c, PAPER_TEXT, "", line);
    free(line);
}

/* --- The whole report ----------------------------------------------------------------- */

static void text_page_one(struct text_ctx *c)
{
    text_identity(c);
    text_verdict(c);
    text_findings(c);
    text_next_step(c);
    text_disclaimer(c);
    text_declaration(c);
    text_decision(c);
}

struct paper_doc *report_text_pages(const struct walk *w, const struct outcome *o,
                                    const struct report_meta *m)
{
    struct text_ctx c = {.w = w, .q = walk_questionnaire(w), .o = o, .m = m};
    struct timestamp ts;

    /* Page 1 as full as it can be while it holds everything that is signed. When even the
     * densest layout does not fit (never for the built-in questionnaire: tests prove it),
     * page 1 runs on to page 2. */
    for (size_t i = 0; i < TEXT_DENSITIES; i++) {
        paper_flow_free(&c.f);
        c.d = &text_densities[i];
        text_page_one(&c);
        if (paper_flow_lines(&c.f) <= PAPER_LINES - PAPER_HEADER)
            break;
    }
    if (!c.d->because) {
        text_section(&c, "findings_detail", true);
        text_finding_groups(&c, &text_densities[0]);
    }
    text_recommendations(&c, c.d->because);
    text_answers(&c);
    text_notes(&c);
    text_audit(&c);

    if (!timestamp_split(m->when, &ts))
        xdie("report time %lld out of range", (long long)m->when);
    const char *none = W(&c, "not_stated");
    char *clinic = text_given(m->clinic) ? utf8_escape_controls(m->clinic, false)
                                         : xasprintf("%s %s", W(&c, "clinic"), none);
    char *patient = xasprintf("%s%s%s", text_given(m->patient) ? m->patient : none,
                              text_given(m->patient_name) ? ", " : "",
                              text_given(m->patient_name) ? m->patient_name : "");
    char *safe_patient = utf8_escape_controls(patient, false);
    char *left2 = xasprintf("%s %s", W(&c, "patient"), safe_patient);
    char *page = utf8_escape_controls(W(&c, "page"), false);
    char *of = utf8_escape_controls(W(&c, "page_of"), false);
    struct paper_head head = {
        .left1 = clinic, .left2 = left2, .right2 = ts.date, .page = page, .of = of};
    char *title = xasprintf("%s \xe2\x80\x94 %s", model_text(&c.q->title, m->lang), safe_patient);
    struct paper_doc *d = paper_paginate(&c.f, &head, title, c.q->languages[m->lang], m->when);
    free(title);
    free(page);
    free(of);
    free(left2);
    free(safe_patient);
    free(patient);
    free(clinic);
    return d;
}

char *report_text_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    struct paper_doc *d = report_text_pages(w, o, m);
    char *text = paper_text(d, len);
    paper_doc_free(d);
    return text;
}
