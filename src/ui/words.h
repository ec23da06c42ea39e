/* words.h - the interface's own words (screens and plain prompts) in the screening's
 * language: each is the questionnaire's `labels:` entry of its `ui_` key when it defines one,
 * else the English default. Texts with numbers or names carry placeholders {1}, {2}, ...
 * that words_fill substitutes: a questionnaire is untrusted, never a printf format. */
#ifndef MESOSCREEN_WORDS_H
#define MESOSCREEN_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "session.h"

enum word {
    W_TITLE_PATIENT,
    W_QUESTION_OF,
    W_NO_HELP,
    W_YES,
    W_NO,
    W_UNKNOWN,
    W_TICK_ONE,
    W_KEYS_YESNO,
    W_KEYS_CHOICE,
    W_KEYS_MULTI,
    W_KEYS_NUMBER,
    W_KEYS_TEXT,
    W_NUMBER_RANGE,
    W_NUMBER_RANGE_UNIT,
    W_ANSWER,
    W_ANSWER_TEXT,
    W_ANSWER_TEXT_OPTIONAL,
    W_TYPE_NUMBER,
    W_NUMBER_BETWEEN,
    W_QUIT_TITLE,
    W_QUIT_SAVED,
    W_QUIT_KEPT,
    W_QUIT_NOTHING,
    W_KEYS_QUIT,
    W_VERDICT_LINE,
    W_NO_FINDINGS,
    W_FINDINGS,
    W_RECOMMENDATIONS,
    W_MORE,
    W_KEYS_RESULT,
    W_KEYS_RESULT_SAVED,
    W_ALREADY_SAVED,
    W_PRACTITIONER,
    W_NOT_STATED,
    W_ANSWERED_OF,
    W_CHANGED,
    W_RESUME_TITLE,
    W_UNREADABLE,
    W_KEYS_RESUME,
    W_NONE,
    W_REVIEW_TITLE,
    W_SEE_RESULT,
    W_KEYS_REVIEW,
    W_ENLARGE,
    W_PATIENT_ID,
    W_NEW_SCREENING,
    W_START_HINT,
    W_KEYS_START,
    W_NOT_SAVED,
    W_REPORT_SAVED,
    W_FIRST_QUESTION,
    W_LINES_OF,
    W_KEYS_VIEW,
    W_PLAIN_UNREADABLE,
    W_PLAIN_FOUND,
    W_PLAIN_CHANGED,
    W_PLAIN_PATIENT_ID,
    W_PLAIN_PRACTITIONER,
    W_PLAIN_YESNO,
    W_PLAIN_CHOICE,
    W_PLAIN_MULTI,
    W_PLAIN_TEXT,
    W_TEXT_AT_MOST,
    W_TEXT_MORE,
    W_TEXT_END,
    W_PLAIN_NOW,
    W_PLAIN_HELP,
    W_PLAIN_BACK,
    W_PLAIN_NOT_ANSWER,
    W_PLAIN_NO_ANSWER,
    W_PLAIN_NOT_ACCEPTED,
    W_PLAIN_ANSWERS,
    W_PLAIN_REVIEW,
    W_PLAIN_NO_SUCH,
    W_PLAIN_VERDICT,
    W_PLAIN_ROLE,
    W_PLAIN_FINDINGS,
    W_VERDICT_NOT_ELIGIBLE,
    W_VERDICT_DEFERRED,
    W_VERDICT_REFER_FOR_DIAGNOSIS,
    W_VERDICT_ELIGIBLE_WITH_PRECAUTIONS,
    W_VERDICT_ELIGIBLE,
    W_ROLE_SINGLE,
    W_ROLE_ADJUVANT,
    W_ROLE_UNDETERMINED,
    W_ROLE_NONE,
    W_SEVERITY_ABSOLUTE,
    W_SEVERITY_TEMPORARY,
    W_SEVERITY_PRECAUTION,
    W_SEVERITY_INFO,
    W_KEY_YES,
    W_KEY_NO,
    W_KEY_UNKNOWN,
    W_CHOOSE_FIRST,
    W_KEY_NOTHING,
    W_HELP_KEYS_YESNO,
    W_HELP_KEYS_CHOICE,
    W_HELP_KEYS_MULTI,
    W_HELP_KEYS_NUMBER,
    W_HELP_KEYS_TEXT,
    W_MORE_ABOVE,
    W_MORE_BELOW,
    W_AGE_MISMATCH,
    W_PATIENT_NAME,
    W_BIRTH_DATE,
    W_BIRTH_DATE_FORMAT,
    W_ANSWERED_BY,
    W_ANSWERED_BY_PATIENT,
    W_ANSWERED_BY_GUARDIAN,
    W_ANSWERED_BY_INTERPRETER,
    W_CHOICE_KEYS,
    W_FIELD_PROBLEM,
    W_RESUME_ROW_BAD,
    W_NEW_ROW,
    W_DISCARD_CONFIRM,
    W_DISCARD_CONFIRM_BAD,
    W_KEYS_DISCARD,
    W_CANNOT_RESUME,
    W_CORRECTING,
    W_PLAIN_PATIENT_NAME,
    W_PLAIN_BIRTH_DATE,
    W_PLAIN_ANSWERED_BY,
    W_PLAIN_PICK,
    W_PLAIN_DISCARD_CONFIRM,
    W_PLAIN_AGE_MISMATCH,
    W_KEYS_BELOW,
    W_BAD_TEXT,
    W_BAD_BIRTH_DATE,
    W_BAD_ANSWERED_BY,
    W_PLAIN_NOT_NUMBER,
    W_AGE_REVIEW,
    W_ROLE_ONCE_RESOLVED,
    W_FHIR_SENT,
    W_FHIR_WAITING,
    W_COUNT
};

/* The word w in the session's language: the questionnaire's label of w's key when it has
 * one, else the English default. Never NULL; owned by the questionnaire or static. */
const char *words_get(const struct session *s, enum word w);

/* The word w with {1}, {2}, ... replaced by the NULL-terminated const char * arguments
 * (a placeholder without an argument, and any other text, are kept as written). The
 * caller frees the result. */
char *words_fill(const struct session *s, enum word w, ...);

/* The verdict, role and severity in words (the questionnaire's ui_verdict_<e> / ui_role_<r>
 * / ui_severity_<s> label, else the English default, e.g. "Eligible with precautions"):
 * never the codes of the JSON report. has_role false gives the role "undetermined". */
const char *words_verdict(const struct session *s, enum eligibility e);
const char *words_role(const struct session *s, bool has_role, enum role r);
const char *words_severity(const struct session *s, enum severity sev);

/* The role of outcome o as the result shows it: for a deferral, the role "once resolved"
 * (ui_role_once_resolved). The caller frees it. */
char *words_outcome_role(const struct session *s, const struct outcome *o);

/* The answer a to question qn in words, as the screens show it: Yes / No / Unknown in the
 * language, option texts (a multi's joined by ", "), a number with its unit, the text as
 * typed; "(none)" when not given. The caller frees it. */
char *words_answer(const struct session *s, const struct question *qn, const struct answer *a);

/* The answer to question qi as the review lists it: words_answer, and for an age kept
 * against the birth date, what the birth date gives. The caller frees it. */
char *words_reached_answer(const struct session *s, size_t qi);

/* Whose unfinished screening e is, in words: "P-1 (Ana Pérez)", the id alone, or "(not
 * stated)" in the language. The caller frees it. */
char *words_unfinished_whose(const struct session *s, const struct session_unfinished *e);

/* When unfinished screening e started, as local "YYYY-MM-DD HH:MM" into buf; `unknown` when the
 * time cannot be shown. Returns buf. */
const char *words_unfinished_started(const struct session_unfinished *e, const char *unknown,
                                     char *buf, size_t size);

#endif
