/* people.h - who a screening is about and who takes part: the fields the start screen and the
 * command line give (patient id and name, birth date, who answers, practitioner, clinic). */
#ifndef MESOSCREEN_PEOPLE_H
#define MESOSCREEN_PEOPLE_H

#include <stdbool.h>
#include <time.h>

/* Who answers the questions (product.md section 2's --answered-by). */
enum answered_by { ANSWERED_BY_PATIENT, ANSWERED_BY_GUARDIAN, ANSWERED_BY_INTERPRETER };

/* "patient", "guardian", "interpreter": the value an answered_by is written as. */
extern const char *const people_answered_by_names[3];

/* The answered_by named s. Returns -1 when s is none of people_answered_by_names. */
int people_answered_by_parse(const char *s);

/* Why the free text s (an id, a name) cannot go into a report, or NULL when it can: invalid
 * UTF-8, a control character (C0 including newline and tab, DEL, C1) or a bidirectional
 * control (U+202A-U+202E, U+2066-U+2069) that would reorder what a reader sees. The returned
 * string is static English. */
const char *people_text_problem(const char *s);

/* A birth date: "YYYY-MM-DD", a real calendar day from 1900-01-01 up to the day of `now`
 * (local time). Returns false, with a static English reason in *why, otherwise. */
bool people_birth_date_check(const char *s, time_t now, const char **why);

/* The whole years between the valid birth date s and the local day of `when`; -1 when s is
 * not a valid date. */
int people_age_on(const char *s, time_t when);

#endif
