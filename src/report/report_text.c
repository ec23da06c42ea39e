/* report_text.c - the text report that goes into the patient file: at most 80 columns,
 * word-wrapped UTF-8, the verdict boxed so it stands out on paper, every answer behind it.
 *
 * Headings and fixed phrases are labels: English by default, replaced by the
 * questionnaire's `labels:` entry of the same key (in the report's language). Keys:
 *   report, questionnaire, version, sha256, patient, practitioner, date, not_stated,
 *   verdict, role, verdict_<eligibility> and verdict_<eligibility>_meaning for each of
 *   not_eligible, deferred, refer_for_diagnosis, eligible_with_precautions, eligible;
 *   role_<role> and role_<role>_meaning for each of single, adjuvant, undetermined, none;
 *   role_missing, role_once_resolved (after the role of a deferred screening: the plan
 *   once the temporary problem is resolved), findings, no_findings, severity_<severity>
 *   for each of absolute, temporary, precaution, info; group_<eligibility> (the findings
 *   are grouped by the verdict they impose); because, because_default (before the words
 *   of a question left unanswered that counted as its default); recommendations,
 *   no_recommendations,
 *   kind_<kind> for each of next_step, course, follow_up, aftercare; answers,
 *   answer_yes, answer_no, answer_unknown, not_answered; notes, no_notes; disclaimer,
 *   disclaimer_default; signatures, signature_practitioner, signature_physician,
 *   signature, signature_date.
 * Verdict and role words are printed as given: write them in capitals. */
#include "report_text.h"

#include <stdlib.h>
#include <string.h>

#include "because_words.h"
#include "digest.h"
#include "model.h"
#include "strbuf.h"
#include "timestamp.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

#define TEXT_WIDTH 80

static const struct text_label {
    const char *key;
    const char *text;
} text_labels[] = {
    {"report", "Screening report"},
    {"questionnaire", "Questionnaire:"},
    {"version", "version"},
    {"sha256", "SHA-256:"},
    {"patient", "Patient:"},
    {"practitioner", "Practitioner:"},
    {"date", "Date:"},
    {"not_stated", "(not stated)"},
    {"verdict", "VERDICT:"},
    {"role", "ROLE:"},
    {"verdict_not_eligible", "NOT ELIGIBLE"},
    {"verdict_not_eligible_meaning",
     "An absolute contraindication: mesotherapy must not be given."},
    {"verdict_deferred", "DEFERRED"},
    {"verdict_deferred_meaning",
     "A temporary contraindication: resolve or confirm it, then screen again."},
    {"verdict_refer_for_diagnosis", "REFER FOR DIAGNOSIS"},
    {"verdict_refer_for_diagnosis_meaning",
     "No specialist diagnosis of the hair loss yet: a diagnostic study comes first."},
    {"verdict_eligible_with_precautions", "ELIGIBLE WITH PRECAUTIONS"},
    {"verdict_eligible_with_precautions_meaning",
     "Treatment is possible once the treating physician has reviewed the precautions."},
    {"verdict_eligible", "ELIGIBLE"},
    {"verdict_eligible_meaning", "No contraindication found."},
    {"role_single", "SINGLE TREATMENT"},
    {"role_single_meaning", "Mesotherapy as the primary treatment."},
    {"role_adjuvant", "ADJUVANT"},
    {"role_adjuvant_meaning", "Mesotherapy as a complement to other hair-loss treatments."},
    {"role_undetermined", "UNDETERMINED"},
    {"role_undetermined_meaning", "Decided once the hair loss has been diagnosed."},
    {"role_none", "NONE"},
    {"role_none_meaning", "Mesotherapy is not indicated for this patient."},
    {"role_missing", "NOT DETERMINED"},
    {"findings", "FINDINGS"},
    {"no_findings", "None: no contraindication or precaution was found."},
    {"severity_absolute", "Absolute contraindications"},
    {"severity_temporary", "Temporary contraindications"},
    {"severity_precaution", "Precautions"},
    {"severity_info", "For information"},
    {"group_not_eligible", "Contraindications"},
    {"group_deferred", "Temporary contraindications"},
    {"group_refer_for_diagnosis", "Referral"},
    {"group_eligible_with_precautions", "Precautions"},
    {"group_eligible", "Notes"},
    {"because", "because:"},
    {"because_default", "(not answered; counts as)"},
    {"role_once_resolved", "(once resolved)"},
    {"recommendations", "RECOMMENDATIONS"},
    {"no_recommendations", "None."},
    {"kind_next_step", "Next step"},
    {"kind_course", "Treatment course"},
    {"kind_follow_up", "Follow-up"},
    {"kind_aftercare", "Aftercare"},
    {"answers", "QUESTIONS AND ANSWERS"},
    {"answer_yes", "Yes"},
    {"answer_no", "No"},
    {"answer_unknown", "Unknown (the patient does not know)"},
    {"not_answered", "(not answered)"},
    {"notes", "PRACTITIONER NOTES"},
    {"no_notes", "None."},
    {"disclaimer", "DISCLAIMER"},
    {"disclaimer_default", "This report is a screening aid, not a diagnosis. The treating "
                           "physician makes the final decision on treatment."},
    {"signatures", "SIGNATURES"},
    {"signature_practitioner", "Practitioner:"},
    {"signature_physician", "Treating physician:"},
    {"signature", "Signature:"},
    {"signature_date", "Date:"},
};

/* What every part of the report needs. */
struct text_ctx {
    const struct walk *w;
    const struct questionnaire *q;
    const struct outcome *o;
    const struct report_meta *m;
    struct strbuf b;
};

/* The label `key`: the questionnaire's own when it defines one, else the English default. */
static const char *text_label(const struct text_ctx *c, const char *key)
{
    for (size_t i = 0; i < sizeof text_labels / sizeof text_labels[0]; i++)
        if (strcmp(text_labels[i].key, key) == 0)
            return model_label(c->q, key, c->m->lang, text_labels[i].text);
    xdie("report_text: no label '%s'", key);
}

/* A label whose key is built from a prefix and a stable word, e.g. "verdict_" "deferred". */
static const char *text_label2(const struct text_ctx *c, const char *prefix, const char *word,
                               const char *suffix)
{
    char *key = xasprintf("%s%s%s", prefix, word, suffix);
    const char *s = text_label(c, key);
    free(key);
    return s;
}

/* Writes text wrapped to the report width: the first line after `first` (whose display
 * width is taken as the indent), the others after as many spaces. */
static void text_para(struct text_ctx *c, const char *first, const char *text)
{
    size_t indent = utf8_width(first);
    size_t width = indent + 20 < TEXT_WIDTH ? TEXT_WIDTH - indent : 20;
    struct wrap_lines l;
    wrap_text(text, width, &l);
    for (size_t i = 0; i < l.n; i++) {
        if (i == 0)
            strbuf_puts(&c->b, first);
        else if (l.width[i] > 0)
            strbuf_repeat(&c->b, ' ', indent);
        strbuf_puts(&c->b, l.line[i]);
        strbuf_puts(&c->b, "\n");
    }
    wrap_lines_free(&l);
}

/* "Label:" padded to `col` columns (at least one space after it), then the wrapped value. */
static void text_field(struct text_ctx *c, const char *label, size_t col, const char *value)
{
    struct strbuf first = STRBUF_INIT;
    char *safe = utf8_escape_controls(label, false);
    size_t w = utf8_width(safe);
    strbuf_puts(&first, safe);
    strbuf_repeat(&first, ' ', w + 1 > col ? 1 : col - w);
    char *prefix = strbuf_release(&first, NULL);
    text_para(c, prefix, value);
    free(prefix);
    free(safe);
}

/* A heading: the label in its own line, underlined, after a blank line. */
static void text_heading(struct text_ctx *c, const char *key)
{
    char *safe = utf8_escape_controls(text_label(c, key), false);
    size_t w = utf8_width(safe);
    strbuf_puts(&c->b, "\n");
    text_para(c, "", safe);
    strbuf_repeat(&c->b, '-', w < TEXT_WIDTH ? w : TEXT_WIDTH);
    strbuf_puts(&c->b, "\n");
    free(safe);
}

/* --- Header --------------------------------------------------------------------------- */

static void text_header(struct text_ctx *c)
{
    static const char *const keys[] = {"questionnaire", "sha256", "patient", "practitioner",
                                       "date"};
    char sha[DIGEST_HEX_LEN + 1];
    struct timestamp ts;
    size_t col = 0;

    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        size_t w = utf8_width(text_label(c, keys[i]));
        col = w > col ? w : col;
    }
    col = col + 2 < 30 ? col + 2 : 30;

    strbuf_repeat(&c->b, '=', TEXT_WIDTH);
    strbuf_puts(&c->b, "\n");
    text_para(c, "", model_text(&c->q->title, c->m->lang));
    text_para(c, "", text_label(c, "report"));
    strbuf_repeat(&c->b, '=', TEXT_WIDTH);
    strbuf_puts(&c->b, "\n");

    char *qline = xasprintf("%s, %s %s", c->q->id, text_label(c, "version"), c->q->version);
    text_field(c, text_label(c, "questionnaire"), col, qline);
    free(qline);
    digest_questionnaire_hex(c->q, sha);
    text_field(c, text_label(c, "sha256"), col, sha);
    const char *none = text_label(c, "not_stated");
    text_field(c, text_label(c, "patient"), col,
               c->m->patient && *c->m->patient ? c->m->patient : none);
    text_field(c, text_label(c, "practitioner"), col,
               c->m->practitioner && *c->m->practitioner ? c->m->practitioner : none);
    if (!timestamp_split(c->m->when, &ts))
        xdie("report time %lld out of range", (long long)c->m->when);
    char *date = xasprintf("%s %s (UTC%s)", ts.date, ts.time, ts.offset);
    text_field(c, text_label(c, "date"), col, date);
    free(date);
}

/* --- The verdict box ------------------------------------------------------------------ */

#define BOX_MARGIN 3 /* "#  " on the left, "  #" on the right */
#define BOX_INNER  (TEXT_WIDTH - 2 * BOX_MARGIN)

static void text_box_rule(struct text_ctx *c)
{
    strbuf_repeat(&c->b, '#', TEXT_WIDTH);
    strbuf_puts(&c->b, "\n");
}

/* One line inside the box: content (of display width w) padded to the inner width. */
static void text_box_line(struct text_ctx *c, const char *content, size_t w)
{
    strbuf_puts(&c->b, "#  ");
    strbuf_puts(&c->b, content);
    strbuf_repeat(&c->b, ' ', w < BOX_INNER ? BOX_INNER - w : 0);
    strbuf_puts(&c->b, "  #\n");
}

/* "LABEL:  VALUE" and its meaning below the value, both wrapped inside the box. */
static void text_box_entry(struct text_ctx *c, const char *label, size_t col, const char *value,
                           const char *meaning)
{
    char *safe_label = utf8_escape_controls(label, false);
    size_t lw = utf8_width(safe_label);
    struct wrap_lines lv, lm;
    wrap_text(value, BOX_INNER - col, &lv);
    wrap_text(meaning, BOX_INNER - col, &lm);
    bool label_alone = lw + 1 > col; /* a translated label too wide for the column */
    if (label_alone)
        text_box_line(c, safe_label, lw);
    for (size_t i = 0; i < lv.n + lm.n; i++) {
        const char *part = i < lv.n ? lv.line[i] : lm.line[i - lv.n];
        size_t pw = i < lv.n ? lv.width[i] : lm.width[i - lv.n];
        struct strbuf line = STRBUF_INIT;
        if (i == 0 && !label_alone) {
            strbuf_puts(&line, safe_label);
            strbuf_repeat(&line, ' ', col - lw);
        } else {
            strbuf_repeat(&line, ' ', col);
        }
        strbuf_puts(&line, part);
        char *s = strbuf_release(&line, NULL);
        text_box_line(c, s, col + pw);
        free(s);
    }
    wrap_lines_free(&lv);
    wrap_lines_free(&lm);
    free(safe_label);
}

static void text_verdict(struct text_ctx *c)
{
    const char *elig = model_eligibility_name(c->o->eligibility);
    const char *verdict = text_label(c, "verdict"), *role = text_label(c, "role");
    size_t col = utf8_width(verdict) > utf8_width(role) ? utf8_width(verdict) : utf8_width(role);
    col = col + 2 < BOX_INNER / 2 ? col + 2 : BOX_INNER / 2;

    strbuf_puts(&c->b, "\n");
    text_box_rule(c);
    text_box_line(c, "", 0);
    text_box_entry(c, verdict, col, text_label2(c, "verdict_", elig, ""),
                   text_label2(c, "verdict_", elig, "_meaning"));
    text_box_line(c, "", 0);
    if (c->o->has_role) {
        const char *r = model_role_name(c->o->role);
        char *word = c->o->eligibility == ELIG_DEFERRED
                         ? xasprintf("%s %s", text_label2(c, "role_", r, ""),
                                     text_label(c, "role_once_resolved"))
                         : xstrdup(text_label2(c, "role_", r, ""));
        text_box_entry(c, role, col, word, text_label2(c, "role_", r, "_meaning"));
        free(word);
    } else {
        text_box_entry(c, role, col, text_label(c, "role_missing"), "");
    }
    text_box_line(c, "", 0);
    text_box_rule(c);
}

/* --- Findings ------------------------------------------------------------------------- */

/* Under a finding, one line per answer behind it, in words. */
static void text_because(struct text_ctx *c, const struct raised_finding *rf)
{
    const struct because_words words = {
        .yesno = {text_label(c, "answer_yes"), text_label(c, "answer_no"),
                  text_label(c, "answer_unknown")},
        .defaulted = text_label(c, "because_default"),
    };
    char *prefix = xasprintf("    %s ", text_label(c, "because"));
    char *first = utf8_escape_controls(prefix, false);
    char *rest = xcalloc(utf8_width(first) + 1, 1);
    memset(rest, ' ', utf8_width(first));
    for (size_t k = 0; k < rf->n_because; k++) {
        char *line = because_words_render(c->w, &rf->because[k], c->m->lang, &words);
        text_para(c, k ? rest : first, line);
        free(line);
    }
    free(rest);
    free(first);
    free(prefix);
}

static void text_findings(struct text_ctx *c)
{
    text_heading(c, "findings");
    if (c->o->n_findings == 0) {
        text_para(c, "", text_label(c, "no_findings"));
        return;
    }
    /* grouped by the verdict each imposes: a missing diagnosis is a referral */
    for (int elig = 0; elig < ELIG_COUNT; elig++) {
        bool any = false;
        for (size_t i = 0; i < c->o->n_findings; i++) {
            const struct raised_finding *rf = &c->o->findings[i];
            const struct finding *f = &c->q->findings[rf->finding];
            if ((int)f->verdict != elig)
                continue;
            if (!any) {
                strbuf_puts(&c->b, "\n");
                text_para(c, "", text_label2(c, "group_", model_eligibility_name(f->verdict), ""));
                any = true;
            }
            text_para(c, "  - ", model_text(&f->text, c->m->lang));
            text_because(c, rf);
        }
    }
}

/* --- Recommendations ------------------------------------------------------------------ */

static void text_recommendations(struct text_ctx *c)
{
    text_heading(c, "recommendations");
    if (c->o->n_recommendations == 0) {
        text_para(c, "", text_label(c, "no_recommendations"));
        return;
    }
    for (int kind = 0; kind < REC_KIND_COUNT; kind++) {
        bool any = false;
        for (size_t i = 0; i < c->o->n_recommendations; i++) {
            const struct recommendation *r = &c->q->recommendations[c->o->recommendations[i]];
            if ((int)r->kind != kind)
                continue;
            if (!any) {
                strbuf_puts(&c->b, "\n");
                text_para(c, "",
                          text_label2(c, "kind_", model_recommendation_kind_name(r->kind), ""));
                any = true;
            }
            text_para(c, "  - ", model_text(&r->text, c->m->lang));
        }
    }
}

/* --- Answers -------------------------------------------------------------------------- */

static bool text_has_answer(const struct question *qn, const struct answer *a)
{
    return a && a->given && (qn->type != QTYPE_TEXT || (a->text && a->text[0]));
}

/* The answer as a reader wants it: option texts with the value in brackets, the number with
 * its unit, the text itself. The caller frees it. */
static char *text_answer(const struct text_ctx *c, const struct question *qn,
                         const struct answer *a)
{
    static const char *const yesno_keys[YESNO_COUNT] = {"answer_yes", "answer_no",
                                                        "answer_unknown"};
    struct strbuf b = STRBUF_INIT;
    size_t lang = c->m->lang;

    struct answer dflt;
    if (!text_has_answer(qn, a) && answer_default(qn, &dflt)) {
        char *words = text_answer(c, qn, &dflt); /* a question left out: what it counted as */
        char *s = xasprintf("%s %s", text_label(c, "because_default"), words);
        free(words);
        return s;
    }
    if (!text_has_answer(qn, a))
        return xstrdup(text_label(c, "not_answered"));
    switch (qn->type) {
    case QTYPE_YESNO:
        if (a->choice >= 0 && a->choice < YESNO_COUNT)
            strbuf_printf(&b, "%s [%s]", text_label(c, yesno_keys[a->choice]),
                          model_option_value(qn, (size_t)a->choice));
        break;
    case QTYPE_CHOICE:
        if (a->choice < 0 || (size_t)a->choice >= qn->n_options)
            xdie("report_text: option %d out of range for %s", a->choice, qn->id);
        strbuf_printf(&b, "%s [%s]", model_text(&qn->options[a->choice].text, lang),
                      qn->options[a->choice].value);
        break;
    case QTYPE_MULTI: {
        struct strbuf values = STRBUF_INIT;
        for (size_t i = 0, n = 0; i < qn->n_options && i < 64; i++) {
            if (!(a->selected & ((uint64_t)1 << i)))
                continue;
            strbuf_printf(&b, "%s%s", n ? "; " : "", model_text(&qn->options[i].text, lang));
            strbuf_printf(&values, "%s%s", n ? ", " : "", qn->options[i].value);
            n++;
        }
        char *v = strbuf_release(&values, NULL);
        strbuf_printf(&b, " [%s]", v);
        free(v);
        break;
    }
    case QTYPE_NUMBER: {
        const char *unit = qn->unit.by_lang ? model_text(&qn->unit, lang) : "";
        strbuf_printf(&b, "%lld%s%s", a->number, *unit ? " " : "", unit);
        break;
    }
    case QTYPE_TEXT:
        strbuf_puts(&b, a->text);
        break;
    case QTYPE_COUNT:
        break;
    }
    return strbuf_release(&b, NULL);
}

/* The question whose answer is the practitioner notes: a text question with id `notes`. */
static int text_notes_question(const struct text_ctx *c)
{
    int qi = model_find_question(c->q, "notes");
    return qi >= 0 && c->q->questions[qi].type == QTYPE_TEXT ? qi : -1;
}

/* Every reached question with its answer, under its section's title; the notes have their
 * own part of the report. */
static void text_answers(struct text_ctx *c)
{
    size_t shown_section = (size_t)-1;
    int notes = text_notes_question(c);

    text_heading(c, "answers");
    for (size_t i = 0; i < c->q->n_questions; i++) {
        if (!walk_reached(c->w, i) || (int)i == notes)
            continue;
        const struct question *qn = &c->q->questions[i];
        if (qn->section != shown_section) {
            shown_section = qn->section;
            strbuf_puts(&c->b, "\n");
            text_para(c, "", model_text(&c->q->sections[qn->section].title, c->m->lang));
        }
        text_para(c, "  ", model_text(&qn->text, c->m->lang));
        char *a = text_answer(c, qn, walk_get(c->w, i));
        text_para(c, "    > ", a);
        free(a);
    }
}

/* --- Notes, disclaimer, signatures ---------------------------------------------------- */

static void text_notes(struct text_ctx *c)
{
    int qi = text_notes_question(c);
    const struct answer *a = NULL;

    text_heading(c, "notes");
    if (qi >= 0 && walk_reached(c->w, (size_t)qi))
        a = walk_get(c->w, (size_t)qi);
    if (qi >= 0 && text_has_answer(&c->q->questions[qi], a))
        text_para(c, "  ", a->text); /* indented: no note line can pass for the report's own */
    else
        text_para(c, "", text_label(c, "no_notes"));
}

static void text_disclaimer(struct text_ctx *c)
{
    text_heading(c, "disclaimer");
    if (c->q->disclaimer.by_lang && *model_text(&c->q->disclaimer, c->m->lang))
        text_para(c, "", model_text(&c->q->disclaimer, c->m->lang));
    else
        text_para(c, "", text_label(c, "disclaimer_default"));
}

/* "Signature: ____________   Date: __________" under a "who" line. */
static void text_signature(struct text_ctx *c, const char *who_key, const char *name)
{
    char *who = utf8_escape_controls(text_label(c, who_key), false);
    char *sig = utf8_escape_controls(text_label(c, "signature"), false);
    char *date = utf8_escape_controls(text_label(c, "signature_date"), false);
    size_t sw = utf8_width(sig), dw = utf8_width(date);

    strbuf_puts(&c->b, "\n");
    if (name && *name) {
        text_field(c, who, utf8_width(who) + 1, name);
    } else {
        size_t ww = utf8_width(who);
        strbuf_puts(&c->b, who);
        strbuf_puts(&c->b, " ");
        strbuf_repeat(&c->b, '_', ww + 1 + 20 < TEXT_WIDTH ? TEXT_WIDTH - ww - 1 : 20);
        strbuf_puts(&c->b, "\n");
    }
    strbuf_puts(&c->b, "\n");
    /* Signature line takes what the date line (18 underscores) leaves. */
    size_t used = sw + 1 + 3 + dw + 1 + 18;
    strbuf_puts(&c->b, sig);
    strbuf_puts(&c->b, " ");
    strbuf_repeat(&c->b, '_', used + 10 < TEXT_WIDTH ? TEXT_WIDTH - used : 10);
    strbuf_puts(&c->b, "   ");
    strbuf_puts(&c->b, date);
    strbuf_puts(&c->b, " ");
    strbuf_repeat(&c->b, '_', 18);
    strbuf_puts(&c->b, "\n");
    free(who);
    free(sig);
    free(date);
}

static void text_signatures(struct text_ctx *c)
{
    text_heading(c, "signatures");
    text_signature(c, "signature_practitioner", c->m->practitioner);
    text_signature(c, "signature_physician", NULL);
}

char *report_text_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    struct text_ctx c = {.w = w, .q = walk_questionnaire(w), .o = o, .m = m, .b = STRBUF_INIT};

    text_header(&c);
    text_verdict(&c);
    text_findings(&c);
    text_recommendations(&c);
    text_answers(&c);
    text_notes(&c);
    text_disclaimer(&c);
    text_signatures(&c);
    return strbuf_release(&c.b, len);
}
