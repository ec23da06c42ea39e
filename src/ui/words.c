/* words.c - the interface's words: a table of {label key, English default} by enum word,
 * looked up in the questionnaire's labels (model_label, as the text report does), and a
 * placeholder filler that never reads a questionnaire text as a format. */
#include "words.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strbuf.h"
#include "xalloc.h"

static const struct word_default {
    const char *key;
    const char *text;
} word_defaults[W_COUNT] = {
    [W_TITLE_PATIENT] = {"ui_title_patient", "Patient: {1}"},
    [W_QUESTION_OF] = {"ui_question_of", "Question {1} of ~{2}"},
    [W_NO_HELP] = {"ui_no_help", "No help for this question."},
    [W_YES] = {"ui_yes", "Yes"},
    [W_NO] = {"ui_no", "No"},
    [W_UNKNOWN] = {"ui_unknown", "Unknown (the patient does not know)"},
    [W_TICK_ONE] = {"ui_tick_one", "Tick at least one answer (number keys or Space), then Enter."},
    [W_KEYS_YESNO] = {"ui_keys_yesno",
                      "{1} yes  {2} no  {3} unknown  Up/Down+Enter  ? help  Left back  q quit"},
    [W_KEYS_CHOICE] = {"ui_keys_choice",
                       "{1} answer  Up/Down+Enter  ? help  Left/Backspace back  q quit"},
    [W_KEYS_MULTI] = {"ui_keys_multi",
                      "{1}/Space tick  Enter confirm  ? help  Left/Backspace back  q quit"},
    [W_KEYS_NUMBER] = {"ui_keys_number",
                       "digits, then Enter  Backspace erase/back  ? help  q quit"},
    [W_KEYS_TEXT] =
        {"ui_keys_text",
         "type the text  Enter done  Backspace erase/back  Left back  F1 help  Esc quit"},
    [W_NUMBER_RANGE] = {"ui_number_range", "a whole number, {1} to {2}"},
    [W_NUMBER_RANGE_UNIT] = {"ui_number_range_unit", "{3}, {1} to {2}"},
    [W_ANSWER] = {"ui_answer", "Answer:"},
    [W_ANSWER_TEXT] = {"ui_answer_text", "Answer (Enter ends):"},
    [W_ANSWER_TEXT_OPTIONAL] = {"ui_answer_text_optional",
                                "Answer (Enter ends; may be left empty):"},
    [W_TYPE_NUMBER] = {"ui_type_number", "Type a whole number from {1} to {2}."},
    [W_NUMBER_BETWEEN] = {"ui_number_between", "Must be between {1} and {2}."},
    [W_QUIT_TITLE] = {"ui_quit_title", "Quit mesoscreen?"},
    [W_QUIT_SAVED] = {"ui_quit_saved", "The report is saved."},
    [W_QUIT_KEPT] = {"ui_quit_kept", "The answers given so far are kept: the next start offers "
                                     "to resume this screening."},
    [W_QUIT_NOTHING] = {"ui_quit_nothing", "No answer has been given yet: nothing to keep."},
    [W_KEYS_QUIT] = {"ui_keys_quit", "y quit   n or Esc go back"},
    [W_VERDICT_LINE] = {"ui_verdict_line", "Verdict: {1}\nRole: {2}"},
    [W_NO_FINDINGS] = {"ui_no_findings", "No findings."},
    [W_FINDINGS] = {"ui_findings", "Findings"},
    [W_RECOMMENDATIONS] = {"ui_recommendations", "Recommendations"},
    [W_MORE] = {"ui_more", "... more in the full report: press v"},
    [W_KEYS_RESULT] = {"ui_keys_result",
                       "s save the report   v view it   Left back to the answers   q quit"},
    [W_KEYS_RESULT_SAVED] = {"ui_keys_result_saved",
                             "v view the report   e correct it (a new report)   q quit"},
    [W_ALREADY_SAVED] = {"ui_already_saved", "Already saved: {1}"},
    [W_PRACTITIONER] = {"ui_practitioner", "Practitioner:"},
    [W_NOT_STATED] = {"ui_not_stated", "(not stated)"},
    [W_ANSWERED_OF] = {"ui_answered_of", "{1} of ~{2} questions answered"},
    [W_CHANGED] = {"ui_changed", "The questionnaire has changed since this screening began: the "
                                 "answers still valid are kept ({1} no longer valid), the rest "
                                 "will be asked."},
    [W_RESUME_TITLE] = {"ui_resume_title", "Unfinished screenings"},
    [W_UNREADABLE] = {"ui_unreadable", "It cannot be resumed. Discarding keeps the file aside "
                                       "(.bad) for inspection."},
    [W_KEYS_RESUME] = {"ui_keys_resume",
                       "Enter resume   d discard   n new screening   Up/Down pick   q quit"},
    [W_NONE] = {"ui_none", "(none)"},
    [W_REVIEW_TITLE] = {"ui_review_title", "Review the answers"},
    [W_SEE_RESULT] = {"ui_see_result", "-> See the result"},
    [W_KEYS_REVIEW] = {"ui_keys_review",
                       "Up/Down pick   Enter change the answer, or see the result   q quit"},
    [W_ENLARGE] = {"ui_enlarge", "Enlarge the terminal to at least {1}x{2} (now {3}x{4})."},
    [W_PATIENT_ID] = {"ui_patient_id", "Patient id:"},
    [W_NEW_SCREENING] = {"ui_new_screening", "New screening"},
    [W_START_HINT] = {"ui_start_hint", "Any field may be left empty (the report then says \"not "
                                       "stated\"). Press Enter to begin the questions."},
    [W_KEYS_START] = {"ui_keys_start", "Enter begin   Tab/Up/Down switch field   Esc quit"},
    [W_NOT_SAVED] = {"ui_not_saved", "Not saved: {1}"},
    [W_REPORT_SAVED] = {"ui_report_saved", "Report saved: {1}"},
    [W_FHIR_SENT] = {"ui_fhir_sent", "Sent to the clinic's FHIR server."},
    [W_FHIR_WAITING] = {"ui_fhir_waiting",
                        "Waiting to send to the clinic's FHIR server ('mesoscreen send' retries)."},
    [W_FIRST_QUESTION] = {"ui_first_question", "This is the first question."},
    [W_LINES_OF] = {"ui_lines_of", "lines {1}-{2} of {3}"},
    [W_KEYS_VIEW] = {"ui_keys_view", "Up/Down/PgUp/PgDn scroll   Esc back   q quit"},
    [W_PLAIN_UNREADABLE] = {"ui_plain_unreadable", "Cannot be read:"},
    [W_PLAIN_FOUND] = {"ui_plain_found", "Patient {1}, practitioner {2}, started {3}, {4} of "
                                         "~{5} questions answered."},
    [W_PLAIN_CHANGED] = {"ui_plain_changed", "The questionnaire has changed since: the answers "
                                             "still valid are kept ({1} no longer valid), the "
                                             "rest will be asked."},
    [W_PLAIN_PATIENT_ID] = {"ui_plain_patient_id", "Patient id"},
    [W_PLAIN_PRACTITIONER] = {"ui_plain_practitioner", "Practitioner"},
    [W_PLAIN_YESNO] = {"ui_plain_yesno", "[y]es / [n]o / [u]nknown"},
    [W_PLAIN_CHOICE] = {"ui_plain_choice", "[number or value]"},
    [W_PLAIN_MULTI] = {"ui_plain_multi", "[numbers or values, separated by spaces or commas]"},
    [W_PLAIN_TEXT] = {"ui_plain_text", "[text, or an empty line for none]"},
    [W_TEXT_AT_MOST] = {"ui_text_at_most", "at most {1} characters"},
    [W_TEXT_MORE] = {"ui_text_more", "[more: PgDn reads on]"},
    [W_TEXT_END] = {"ui_text_end", "[end of the text: PgUp goes back]"},
    [W_PLAIN_NOW] = {"ui_plain_now", "[now: {1}, empty line keeps it]"},
    [W_PLAIN_HELP] = {"ui_plain_help", "? help"},
    [W_PLAIN_BACK] = {"ui_plain_back", "< back"},
    [W_PLAIN_NOT_ANSWER] = {"ui_plain_not_answer", "'{1}' is not one of the answers"},
    [W_PLAIN_NO_ANSWER] = {"ui_plain_no_answer", "no answer given"},
    [W_PLAIN_NOT_ACCEPTED] = {"ui_plain_not_accepted", "Not accepted: {1}. Allowed: {2}."},
    [W_PLAIN_ANSWERS] = {"ui_plain_answers", "Answers:"},
    [W_PLAIN_REVIEW] = {"ui_plain_review", "Empty line to see the result, or a question number "
                                           "to change its answer: "},
    [W_PLAIN_NO_SUCH] = {"ui_plain_no_such", "No such question."},
    [W_PLAIN_VERDICT] = {"ui_plain_verdict", "Verdict: {1}"},
    [W_PLAIN_ROLE] = {"ui_plain_role", "Role: {1}"},
    [W_PLAIN_FINDINGS] = {"ui_plain_findings", "Findings:"},
    [W_VERDICT_NOT_ELIGIBLE] = {"ui_verdict_not_eligible", "Not eligible"},
    [W_VERDICT_DEFERRED] = {"ui_verdict_deferred", "Deferred"},
    [W_VERDICT_REFER_FOR_DIAGNOSIS] = {"ui_verdict_refer_for_diagnosis", "Refer for diagnosis"},
    [W_VERDICT_ELIGIBLE_WITH_PRECAUTIONS] = {"ui_verdict_eligible_with_precautions",
                                             "Eligible with precautions"},
    [W_VERDICT_ELIGIBLE] = {"ui_verdict_eligible", "Eligible"},
    [W_ROLE_SINGLE] = {"ui_role_single", "mesotherapy on its own"},
    [W_ROLE_ADJUVANT] = {"ui_role_adjuvant", "alongside other hair-loss treatment"},
    [W_ROLE_UNDETERMINED] = {"ui_role_undetermined", "decided after the diagnosis"},
    [W_ROLE_NONE] = {"ui_role_none", "no mesotherapy"},
    [W_SEVERITY_ABSOLUTE] = {"ui_severity_absolute", "absolute"},
    [W_SEVERITY_TEMPORARY] = {"ui_severity_temporary", "temporary"},
    [W_SEVERITY_PRECAUTION] = {"ui_severity_precaution", "precaution"},
    [W_SEVERITY_INFO] = {"ui_severity_info", "info"},
    [W_KEY_YES] = {"ui_key_yes", "y"},
    [W_KEY_NO] = {"ui_key_no", "n"},
    [W_KEY_UNKNOWN] = {"ui_key_unknown", "u"},
    [W_CHOOSE_FIRST] = {"ui_choose_first",
                        "Nothing chosen yet: press an answer's key, or Up/Down then Enter."},
    [W_KEY_NOTHING] = {"ui_key_nothing",
                       "The key {1} does nothing here: press ? for the keys of this screen."},
    [W_HELP_KEYS_YESNO] = {"ui_help_keys_yesno",
                           "Keys: {1} yes, {2} no, {3} unknown (the patient does not know), or "
                           "Up/Down and then Enter. Left or Backspace: the previous question, "
                           "its answer kept. q: quit (it asks first)."},
    [W_HELP_KEYS_CHOICE] = {"ui_help_keys_choice",
                            "Keys: the key beside an answer ({1}) chooses it, or Up/Down and "
                            "then Enter. Left or Backspace: the previous question, its answer "
                            "kept. q: quit (it asks first)."},
    [W_HELP_KEYS_MULTI] = {"ui_help_keys_multi",
                           "Keys: the key beside an answer ({1}), or Space, ticks or unticks "
                           "it; Enter confirms the ticked answers. Left or Backspace: the "
                           "previous question. q: quit (it asks first)."},
    [W_HELP_KEYS_NUMBER] = {"ui_help_keys_number",
                            "Keys: type the number, then Enter. Backspace erases a digit, or "
                            "goes to the previous question when nothing is typed. q: quit (it "
                            "asks first)."},
    [W_HELP_KEYS_TEXT] = {"ui_help_keys_text",
                          "Keys: type the text, then Enter. Backspace erases; Left: the "
                          "previous question; F1: this help; Esc: quit (it asks first)."},
    [W_MORE_ABOVE] = {"ui_more_above", "^ more above"},
    [W_MORE_BELOW] = {"ui_more_below", "v more below"},
    [W_PATIENT_NAME] = {"ui_patient_name", "Patient name:"},
    [W_BIRTH_DATE] = {"ui_birth_date", "Birth date:"},
    [W_BIRTH_DATE_FORMAT] = {"ui_birth_date_format", "YYYY-MM-DD"},
    [W_ANSWERED_BY] = {"ui_answered_by", "Answered by:"},
    [W_ANSWERED_BY_PATIENT] = {"ui_answered_by_patient", "the patient"},
    [W_ANSWERED_BY_GUARDIAN] = {"ui_answered_by_guardian", "a parent or guardian"},
    [W_ANSWERED_BY_INTERPRETER] = {"ui_answered_by_interpreter", "an interpreter"},
    [W_CHOICE_KEYS] = {"ui_choice_keys", "(Space or Left/Right to change)"},
    [W_FIELD_PROBLEM] = {"ui_field_problem", "{1} {2}."},
    [W_RESUME_ROW_BAD] = {"ui_resume_row_bad", "{1}: cannot be read"},
    [W_NEW_ROW] = {"ui_new_row", "-> A new screening"},
    [W_DISCARD_CONFIRM] = {"ui_discard_confirm", "Discard the unfinished screening of {1}? Its "
                                                 "{2} answers will be lost."},
    [W_DISCARD_CONFIRM_BAD] = {"ui_discard_confirm_bad",
                               "Discard this unreadable screening? The file is kept aside "
                               "(.bad)."},
    [W_KEYS_DISCARD] = {"ui_keys_discard", "y discard it   n or Esc keep it"},
    [W_CANNOT_RESUME] = {"ui_cannot_resume",
                         "This screening cannot be resumed: d discards it (kept aside)."},
    [W_CORRECTING] = {"ui_correcting", "Correcting {1}: change any answer; the new report will "
                                       "say it replaces that file, which stays as it is."},
    [W_PLAIN_PATIENT_NAME] = {"ui_plain_patient_name", "Patient name"},
    [W_PLAIN_BIRTH_DATE] = {"ui_plain_birth_date", "Birth date (YYYY-MM-DD)"},
    [W_PLAIN_ANSWERED_BY] = {"ui_plain_answered_by",
                             "Answered by [p]atient / [g]uardian / [i]nterpreter"},
    [W_PLAIN_PICK] = {"ui_plain_pick", "A number to resume, d and a number to discard, or an "
                                       "empty line for a new screening: "},
    [W_PLAIN_DISCARD_CONFIRM] = {"ui_plain_discard_confirm",
                                 "Discard the unfinished screening of {1}? [y/n]: "},
    [W_PLAIN_AGE_MISMATCH] = {"ui_plain_age_mismatch",
                              "The birth date {1} makes the patient {2} today, not {3}: type "
                              "{3} again to keep it, or the right age."},
    [W_KEYS_BELOW] = {"ui_keys_below", "The keys of this screen are on its bottom line."},
    [W_BAD_TEXT] = {"ui_bad_text", "a control or invisible character is not allowed"},
    [W_BAD_BIRTH_DATE] = {"ui_bad_birth_date", "not a day from 1900 up to today (YYYY-MM-DD)"},
    [W_BAD_ANSWERED_BY] = {"ui_bad_answered_by", "type p, g or i"},
    [W_PLAIN_NOT_NUMBER] = {"ui_plain_not_number", "'{1}' is not a whole number in range"},
    [W_ROLE_ONCE_RESOLVED] = {"ui_role_once_resolved", "{1} (once resolved)"},
    [W_AGE_REVIEW] = {"ui_age_review", "(the birth date gives {1})"},
    [W_AGE_MISMATCH] = {"ui_age_mismatch",
                        "The birth date {1} makes the patient {2} today, not {3}. Correct the "
                        "age, or press Enter again to keep {3}."},
};

_Static_assert(W_VERDICT_ELIGIBLE - W_VERDICT_NOT_ELIGIBLE == ELIG_ELIGIBLE - ELIG_NOT_ELIGIBLE,
               "verdict words in enum eligibility order");
_Static_assert(W_ROLE_NONE - W_ROLE_SINGLE == ROLE_NONE - ROLE_SINGLE,
               "role words in enum role order");
_Static_assert(W_SEVERITY_INFO - W_SEVERITY_ABSOLUTE == SEV_INFO - SEV_ABSOLUTE,
               "severity words in enum severity order");

const char *words_get(const struct session *s, enum word w)
{
    if ((unsigned)w >= W_COUNT || !word_defaults[w].key)
        xdie("words: no word %d", (int)w);
    return model_label(s->q, word_defaults[w].key, s->lang, word_defaults[w].text);
}

char *words_fill(const struct session *s, enum word w, ...)
{
    const char *args[9];
    size_t n = 0;
    va_list ap;
    va_start(ap, w);
    for (const char *a; n < sizeof args / sizeof args[0] && (a = va_arg(ap, const char *));)
        args[n++] = a;
    va_end(ap);

    struct strbuf b = {0};
    for (const char *t = words_get(s, w); *t;) {
        if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}' && (size_t)(t[1] - '1') < n) {
            strbuf_puts(&b, args[t[1] - '1']);
            t += 3;
        } else {
            size_t len = strcspn(t + 1, "{") + 1;
            strbuf_add(&b, t, len);
            t += len;
        }
    }
    return strbuf_release(&b, NULL);
}

const char *words_verdict(const struct session *s, enum eligibility e)
{
    return words_get(s, (enum word)(W_VERDICT_NOT_ELIGIBLE + (int)e));
}

const char *words_role(const struct session *s, bool has_role, enum role r)
{
    return words_get(s, (enum word)(W_ROLE_SINGLE + (int)(has_role ? r : ROLE_UNDETERMINED)));
}

char *words_outcome_role(const struct session *s, const struct outcome *o)
{
    const char *role = words_role(s, o->has_role, o->role);
    return o->eligibility == ELIG_DEFERRED ? words_fill(s, W_ROLE_ONCE_RESOLVED, role, (char *)NULL)
                                           : xstrdup(role);
}

const char *words_severity(const struct session *s, enum severity sev)
{
    return words_get(s, (enum word)(W_SEVERITY_ABSOLUTE + (int)sev));
}

char *words_answer(const struct session *s, const struct question *qn, const struct answer *a)
{
    static const enum word yesno[YESNO_COUNT] = {W_YES, W_NO, W_UNKNOWN};
    struct strbuf b = {0};
    if (!a->given)
        return xstrdup(words_get(s, W_NONE));
    switch (qn->type) {
    case QTYPE_YESNO:
        strbuf_puts(&b, words_get(s, yesno[a->choice]));
        break;
    case QTYPE_CHOICE:
        strbuf_puts(&b, model_text(&qn->options[a->choice].text, s->lang));
        break;
    case QTYPE_MULTI:
        for (size_t i = 0; i < qn->n_options; i++)
            if ((a->selected >> i) & 1)
                strbuf_printf(&b, "%s%s", b.len ? ", " : "",
                              model_text(&qn->options[i].text, s->lang));
        break;
    case QTYPE_NUMBER:
        strbuf_printf(&b, "%lld", a->number);
        if (qn->unit.by_lang)
            strbuf_printf(&b, " %s", model_text(&qn->unit, s->lang));
        break;
    case QTYPE_TEXT:
        strbuf_puts(&b, a->text ? a->text : "");
        break;
    case QTYPE_COUNT:
        break;
    }
    return strbuf_release(&b, NULL);
}

char *words_reached_answer(const struct session *s, size_t qi)
{
    const struct answer *a = walk_get(s->w, qi);
    char *text = words_answer(s, &s->q->questions[qi], a);
    int age = session_age_mismatch(s, qi, a);
    if (age < 0)
        return text;
    char num[24];
    snprintf(num, sizeof num, "%d", age);
    char *note = words_fill(s, W_AGE_REVIEW, num, (char *)NULL);
    char *both = xasprintf("%s %s", text, note);
    free(note);
    free(text);
    return both;
}

char *words_unfinished_whose(const struct session *s, const struct session_unfinished *e)
{
    const char *id = e->header.patient ? e->header.patient : words_get(s, W_NOT_STATED);
    return e->header.patient_name ? xasprintf("%s (%s)", id, e->header.patient_name) : xstrdup(id);
}

const char *words_unfinished_started(const struct session_unfinished *e, const char *unknown,
                                     char *buf, size_t size)
{
    time_t t = (time_t)e->header.started;
    struct tm tm;
    if (!localtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(buf, size, "%s", unknown);
    return buf;
}
