/* report_words.c - the paper report's labels with their English defaults (a questionnaire's
 * `labels:` map translates or replaces them), and answers written in words.
 *
 * Keys: the report's title and identification (report, patient, birth_date, answered_by,
 * answered_by_<who> for patient, guardian and interpreter, practitioner, interview, clinic,
 * not_stated, replaces, page, page_of); the verdict box (verdict, role, verdict_<e> and
 * verdict_<e>_meaning for each eligibility, role_<r> and role_<r>_meaning for each role,
 * role_missing, role_once_resolved); findings (findings, no_findings, group_<e> for the
 * verdict each imposes, findings_detail, findings_in_detail, because); next_step, rescreen,
 * rescreen_when; the declaration and decision blocks (declaration, declaration_text,
 * signature_patient, decision, decision_treat, decision_defer, decision_decline,
 * decision_product, decision_batch, signature_physician, signature, signature_date);
 * later pages (recommendations, no_recommendations, kind_<k> for each kind, answers,
 * answer_yes, answer_no, answer_unknown, not_answered, notes, no_notes); the disclaimer
 * (disclaimer, disclaimer_default) and the audit footer (questionnaire, version, sha256,
 * program, language). Verdict and role words are printed as given: write them in capitals. */
#include "report_words.h"

#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "strbuf.h"
#include "xalloc.h"

static const struct report_word_row {
    const char *key;
    const char *text;
} report_words[] = {
    {"report", "Screening report"},
    {"patient", "Patient:"},
    {"birth_date", "born"},
    {"answered_by", "Answered by:"},
    {"answered_by_patient", "the patient"},
    {"answered_by_guardian", "a parent or guardian"},
    {"answered_by_interpreter", "the patient, through an interpreter"},
    {"practitioner", "Practitioner:"},
    {"interview", "Interview:"},
    {"clinic", "Clinic:"},
    {"not_stated", "(not stated)"},
    {"replaces", "This report replaces"},
    {"page", "Page"},
    {"page_of", "of"},
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
    {"role_once_resolved", "(once resolved)"},
    {"findings", "FINDINGS"},
    {"no_findings", "None: no contraindication or precaution was found."},
    {"group_not_eligible", "Contraindications"},
    {"group_deferred", "Temporary contraindications"},
    {"group_refer_for_diagnosis", "Referral"},
    {"group_eligible_with_precautions", "Precautions"},
    {"group_eligible", "Notes"},
    {"findings_in_detail", "Each finding in full, with the answers behind it, follows on page 2."},
    {"findings_detail", "FINDINGS IN DETAIL"},
    {"because", "because:"},
    {"because_default", "(not answered; counts as)"},
    {"next_step", "NEXT STEP"},
    {"rescreen", "Re-screen:"},
    {"rescreen_when", "once every temporary contraindication above is resolved or confirmed, "
                      "as each one says; no treatment before a new screening."},
    {"declaration", "PATIENT DECLARATION"},
    {"declaration_text", "My answers are true and complete. I have been told that this is a "
                         "screening and that the treating physician decides on treatment."},
    {"signature_patient", "Patient or guardian:"},
    {"decision", "PHYSICIAN'S DECISION"},
    {"decision_treat", "Treat"},
    {"decision_defer", "Defer"},
    {"decision_decline", "Decline"},
    {"decision_product", "Product:"},
    {"decision_batch", "Batch:"},
    {"signature_physician", "Treating physician:"},
    {"signature", "Signature:"},
    {"signature_date", "Date:"},
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
    {"questionnaire", "Questionnaire:"},
    {"version", "version"},
    {"sha256", "SHA-256:"},
    {"program", "Written by"},
    {"language", "Language:"},
};

const char *report_word(const struct questionnaire *q, size_t lang, const char *key)
{
    for (size_t i = 0; i < sizeof report_words / sizeof report_words[0]; i++)
        if (strcmp(report_words[i].key, key) == 0)
            return model_label(q, key, lang, report_words[i].text);
    xdie("report: no label '%s'", key);
}

const char *report_word3(const struct questionnaire *q, size_t lang, const char *a, const char *b,
                         const char *c)
{
    char *key = xasprintf("%s%s%s", a, b, c);
    const char *s = report_word(q, lang, key);
    free(key);
    return s;
}

bool report_has_answer(const struct question *qn, const struct answer *a)
{
    return a && a->given && (qn->type != QTYPE_TEXT || (a->text && a->text[0]));
}

char *report_answer_words(const struct questionnaire *q, size_t lang, const struct question *qn,
                          const struct answer *a)
{
    static const char *const yesno_keys[YESNO_COUNT] = {"answer_yes", "answer_no",
                                                        "answer_unknown"};
    struct strbuf b = STRBUF_INIT;

    struct answer dflt;
    if (!report_has_answer(qn, a) && answer_default(qn, &dflt)) {
        char *words = report_answer_words(q, lang, qn, &dflt); /* what a question left out
                                                                   counted as */
        char *s = xasprintf("%s %s", report_word(q, lang, "because_default"), words);
        free(words);
        return s;
    }
    if (!report_has_answer(qn, a))
        return xstrdup(report_word(q, lang, "not_answered"));
    switch (qn->type) {
    case QTYPE_YESNO:
        if (a->choice < 0 || a->choice >= YESNO_COUNT)
            xdie("report: yes/no answer %d out of range for %s", a->choice, qn->id);
        strbuf_puts(&b, report_word(q, lang, yesno_keys[a->choice]));
        break;
    case QTYPE_CHOICE:
        if (a->choice < 0 || (size_t)a->choice >= qn->n_options)
            xdie("report: option %d out of range for %s", a->choice, qn->id);
        strbuf_puts(&b, model_text(&qn->options[a->choice].text, lang));
        break;
    case QTYPE_MULTI:
        for (size_t i = 0, n = 0; i < qn->n_options && i < 64; i++)
            if (a->selected & ((uint64_t)1 << i))
                strbuf_printf(&b, "%s%s", n++ ? "; " : "", model_text(&qn->options[i].text, lang));
        break;
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
