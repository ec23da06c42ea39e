/* words.c - the interface's words: a table of {label key, English default} by enum word,
 * looked up in the questionnaire's labels (model_label, as the text report does), and a
 * placeholder filler that never reads a questionnaire text as a format. */
#include "words.h"

#include <stdarg.h>
#include <string.h>

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
                      "y yes  n no  u unknown  Up/Down+Enter  ? help  Left back  q quit"},
    [W_KEYS_CHOICE] = {"ui_keys_choice",
                       "1-9 answer  Up/Down+Enter  ? help  Left/Backspace back  q quit"},
    [W_KEYS_MULTI] = {"ui_keys_multi",
                      "1-9/Space tick  Enter confirm  ? help  Left/Backspace back  q quit"},
    [W_KEYS_NUMBER] = {"ui_keys_number",
                       "digits (taken when complete)  Enter  Backspace erase/back  ? help  q quit"},
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
    [W_VERDICT_LINE] = {"ui_verdict_line", "Verdict: {1}    Role: {2}"},
    [W_NO_FINDINGS] = {"ui_no_findings", "No findings."},
    [W_FINDINGS] = {"ui_findings", "Findings"},
    [W_RECOMMENDATIONS] = {"ui_recommendations", "Recommendations"},
    [W_MORE] = {"ui_more", "... more in the full report: press v"},
    [W_KEYS_RESULT] = {"ui_keys_result",
                       "s save the report   v view it   Left back to the answers   q quit"},
    [W_KEYS_RESULT_SAVED] = {"ui_keys_result_saved", "v view the report   q quit"},
    [W_ALREADY_SAVED] = {"ui_already_saved", "Already saved: {1}"},
    [W_PATIENT] = {"ui_patient", "Patient:"},
    [W_PRACTITIONER] = {"ui_practitioner", "Practitioner:"},
    [W_NOT_STATED] = {"ui_not_stated", "(not stated)"},
    [W_STARTED] = {"ui_started", "Started:"},
    [W_PROGRESS] = {"ui_progress", "Progress:"},
    [W_ANSWERED_OF] = {"ui_answered_of", "{1} of ~{2} questions answered"},
    [W_CHANGED] = {"ui_changed", "The questionnaire has changed since this screening began: the "
                                 "answers still valid are kept ({1} no longer valid), the rest "
                                 "will be asked."},
    [W_RESUME_TITLE] = {"ui_resume_title", "An unfinished screening was found"},
    [W_UNREADABLE] = {"ui_unreadable", "It cannot be resumed. Discarding keeps the file aside "
                                       "(.bad) for inspection."},
    [W_KEYS_RESUME] = {"ui_keys_resume",
                       "r resume   d discard it and start a new screening   q quit"},
    [W_KEYS_RESUME_BAD] = {"ui_keys_resume_bad", "d discard and start a new screening   q quit"},
    [W_NONE] = {"ui_none", "(none)"},
    [W_REVIEW_TITLE] = {"ui_review_title", "Review the answers"},
    [W_SEE_RESULT] = {"ui_see_result", "-> See the result"},
    [W_KEYS_REVIEW] = {"ui_keys_review",
                       "Up/Down pick   Enter change the answer, or see the result   q quit"},
    [W_ENLARGE] = {"ui_enlarge", "Enlarge the terminal to at least {1}x{2} (now {3}x{4})."},
    [W_PATIENT_ID] = {"ui_patient_id", "Patient id:"},
    [W_NEW_SCREENING] = {"ui_new_screening", "New screening"},
    [W_START_HINT] = {"ui_start_hint", "Both may be left empty (the report then says \"not "
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
    [W_PLAIN_UNREADABLE] = {"ui_plain_unreadable",
                            "An unfinished screening was found but cannot be read:"},
    [W_PLAIN_FOUND] = {"ui_plain_found", "An unfinished screening was found: patient {1}, "
                                         "practitioner {2}, started {3}, {4} of ~{5} questions "
                                         "answered."},
    [W_PLAIN_CHANGED] = {"ui_plain_changed", "The questionnaire has changed since: the answers "
                                             "still valid are kept ({1} no longer valid), the "
                                             "rest will be asked."},
    [W_PLAIN_RESUME] = {"ui_plain_resume", "[r]esume / [d]iscard: "},
    [W_PLAIN_DISCARD] = {"ui_plain_discard", "[d]iscard (kept aside as .bad) / [q]uit: "},
    [W_PLAIN_PATIENT_ID] = {"ui_plain_patient_id", "Patient id"},
    [W_PLAIN_PRACTITIONER] = {"ui_plain_practitioner", "Practitioner"},
    [W_PLAIN_YESNO] = {"ui_plain_yesno", "[y]es / [n]o / [u]nknown"},
    [W_PLAIN_CHOICE] = {"ui_plain_choice", "[number or value]"},
    [W_PLAIN_MULTI] = {"ui_plain_multi", "[numbers or values, separated by spaces or commas]"},
    [W_PLAIN_TEXT] = {"ui_plain_text", "[text, or an empty line for none]"},
    [W_TEXT_AT_MOST] = {"ui_text_at_most", "at most {1} characters"},
    [W_TEXT_MORE] = {"ui_text_more", "[more: the text goes on beyond the screen]"},
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
    [W_VERDICT_NOT_ELIGIBLE] = {"ui_verdict_not_eligible", "not_eligible"},
    [W_VERDICT_DEFERRED] = {"ui_verdict_deferred", "deferred"},
    [W_VERDICT_REFER_FOR_DIAGNOSIS] = {"ui_verdict_refer_for_diagnosis", "refer_for_diagnosis"},
    [W_VERDICT_ELIGIBLE_WITH_PRECAUTIONS] = {"ui_verdict_eligible_with_precautions",
                                             "eligible_with_precautions"},
    [W_VERDICT_ELIGIBLE] = {"ui_verdict_eligible", "eligible"},
    [W_ROLE_SINGLE] = {"ui_role_single", "single"},
    [W_ROLE_ADJUVANT] = {"ui_role_adjuvant", "adjuvant"},
    [W_ROLE_UNDETERMINED] = {"ui_role_undetermined", "undetermined"},
    [W_ROLE_NONE] = {"ui_role_none", "none"},
    [W_SEVERITY_ABSOLUTE] = {"ui_severity_absolute", "absolute"},
    [W_SEVERITY_TEMPORARY] = {"ui_severity_temporary", "temporary"},
    [W_SEVERITY_PRECAUTION] = {"ui_severity_precaution", "precaution"},
    [W_SEVERITY_INFO] = {"ui_severity_info", "info"},
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

const char *words_severity(const struct session *s, enum severity sev)
{
    return words_get(s, (enum word)(W_SEVERITY_ABSOLUTE + (int)sev));
}
