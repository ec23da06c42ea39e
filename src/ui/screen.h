/* screen.h - the full-screen interface as a state machine: the state every screen reads, the
 * actions their key functions return, and each screen's draw / key pair (screen_<name>.c).
 * draw only reads the state; key updates the screen's own fields and returns an action that
 * the main loop (ui.c) carries out. */
#ifndef MESOSCREEN_SCREEN_H
#define MESOSCREEN_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "answer.h"
#include "session.h"
#include "wrap.h"
#include "words.h"

/* The smallest terminal the screens are laid out for. */
#define SCREEN_MIN_COLS  80
#define SCREEN_MIN_LINES 24

enum ui_screen {
    SCREEN_START,    /* patient id, name, birth date, who answers, practitioner */
    SCREEN_RESUME,   /* the unfinished screenings found on disk: resume, discard, or new */
    SCREEN_QUESTION, /* one question */
    SCREEN_REVIEW,   /* every reached answer, each editable */
    SCREEN_RESULT,   /* verdict, role, findings; save */
    SCREEN_VIEW,     /* the full text report, scrollable */
    SCREEN_QUIT,     /* "quit?" */
    SCREEN_COUNT
};

/* What a key asks the main loop to do. */
enum action {
    ACT_NONE,        /* nothing beyond the screen's own state */
    ACT_BEGIN,       /* start: begin the screening */
    ACT_NEW,         /* unfinished list: a new screening */
    ACT_RESUME,      /* unfinished list: resume ui.resume_at */
    ACT_DISCARD,     /* unfinished list: discard ui.resume_at (confirmed) */
    ACT_ANSWER,      /* question: ui.pending is the answer to ui.qi */
    ACT_LEAVE_EMPTY, /* question: an optional question left empty */
    ACT_BACK,        /* the previous question (from the review: the last one) */
    ACT_EDIT,        /* review: change the answer to ui.qi */
    ACT_FINISH,      /* review: to the result */
    ACT_SAVE,        /* result: save the report */
    ACT_CORRECT,     /* result, once saved: correct the answers for a report replacing it */
    ACT_VIEW,        /* result: view the report */
    ACT_CLOSE,       /* view: back to the result */
    ACT_ASK_QUIT,    /* any screen: ask before quitting */
    ACT_QUIT,        /* quit screen: yes */
    ACT_STAY,        /* quit screen: no, back where we were */
};

/* One keystroke: a character, or a curses KEY_* code when fn is true. */
struct key {
    bool fn;
    wint_t ch;
};

/* A key binding: the key and the command it means on a screen (tables, not if-chains). */
struct binding {
    bool fn;
    wint_t ch;
    int cmd;
};

/* The command bound to k in table[0..n), or -1. */
int screen_lookup(const struct binding *table, size_t n, struct key k);

/* The question screen's layout (screen_question_draw): rows given to the question's text and
 * to the options while the help shows (the help takes the rest), and the widths of text and
 * help against the terminal's. screen_fit_check (screen_fit.h) warns
 * about texts that do not fit in them at SCREEN_MIN_COLS x SCREEN_MIN_LINES. */
#define QUESTION_TEXT_Y      5 /* the question's first line */
#define QUESTION_TEXT_ROWS   4
#define QUESTION_TEXT_MARGIN 4 /* columns: the text is COLS - 4 wide */
#define QUESTION_OPTION_ROWS 3 /* rows kept for the options while the help shows */
#define QUESTION_HELP_MARGIN 6

#define START_FIELD_MAX 128

/* The start screen's fields, top to bottom. */
enum {
    START_PATIENT,
    START_PATIENT_NAME,
    START_BIRTH_DATE,
    START_ANSWERED_BY, /* a choice: not stated, patient, guardian, interpreter */
    START_PRACTITIONER,
    START_FIELDS
};
#define INPUT_MAX (4 * MODEL_TEXT_MAX_LENGTH_LIMIT + 1) /* UTF-8: 4 bytes a character */

struct ui {
    struct session *s;
    enum ui_screen screen;
    enum ui_screen before_quit; /* where "no" on the quit screen returns */
    char message[512];          /* feedback above the key line ("" = none) */
    bool message_is_error;

    /* start */
    char field[START_FIELDS][START_FIELD_MAX]; /* the typed fields (UTF-8) */
    int answered_by;                           /* 0 not stated, else people_answered_by + 1 */
    int field_at;

    /* unfinished screenings */
    int resume_at;        /* highlighted row: 0..n-1 screenings, n = "new screening" */
    bool confirm_discard; /* asking whether to discard the highlighted one */

    /* question */
    int qi;            /* the question shown (or being edited from the review) */
    bool stepping;     /* went back: later answers are shown one by one (flow_after_answer) */
    int cursor;        /* highlighted offered option (its position among those offered); -1 none */
    uint64_t selected; /* multi: the options ticked so far */
    bool show_help;
    int text_top, help_top; /* the first lines shown of a cut question text and help */
    char input[INPUT_MAX];  /* number and text questions: what was typed */
    bool input_fresh;       /* the input shows the earlier answer: the first key replaces it */
    struct answer pending;  /* ACT_ANSWER: the answer to record */
    bool confirm_age;       /* the age typed disagrees with the birth date: Enter again keeps it */
    unsigned shown;         /* counts new screens: the main loop discards input typed before
                               one is drawn */

    /* review */
    int review_at; /* highlighted row: 0..n-1 answers, n = "see the result" */
    int edited;    /* the question changed from the review (-1 none): highlighted on return */

    /* result and view */
    struct wrap_lines report; /* the text report, for the viewer */
    size_t view_top;
};

/* Each screen: draw (reads the state only) and key (returns an action). */
void screen_start_draw(const struct ui *u);
enum action screen_start_key(struct ui *u, struct key k);
void screen_resume_draw(const struct ui *u);
enum action screen_resume_key(struct ui *u, struct key k);
void screen_question_draw(const struct ui *u);
enum action screen_question_key(struct ui *u, struct key k);
void screen_review_draw(const struct ui *u);
enum action screen_review_key(struct ui *u, struct key k);
void screen_result_draw(const struct ui *u);
enum action screen_result_key(struct ui *u, struct key k);
void screen_view_draw(const struct ui *u);
enum action screen_view_key(struct ui *u, struct key k);
void screen_quit_draw(const struct ui *u);
enum action screen_quit_key(struct ui *u, struct key k);
/* Drawn instead of any screen while the terminal is below the minimum size. */
void screen_small_draw(const struct ui *u);

/* Shows the start screen with its fields prefilled from p (NULL: empty; cut to
 * START_FIELD_MAX). */
void screen_start_enter(struct ui *u, const struct session_people *p);
/* The people as the start screen's fields say (pointing into u; clinic left as it is). */
void screen_start_people(const struct ui *u, struct session_people *p);
/* Shows the unfinished screenings with row `at` highlighted. */
void screen_resume_enter(struct ui *u, int at);
/* Prepares the question screen for question qi: its current answer preselected. */
void screen_question_enter(struct ui *u, int qi, bool stepping);
/* Prepares the review with "see the result" highlighted, or the row of u->edited when an
 * answer was just changed from it. */
void screen_review_enter(struct ui *u);

/* Sets the feedback line to the interface word w (words.h) with {1} replaced by arg. */
void screen_say(struct ui *u, bool error, enum word w, const char *arg);

/* A key that does nothing on this screen: says so on the feedback line. Returns ACT_NONE. */
enum action screen_unknown_key(struct ui *u, struct key k);

/* Sets the feedback line (printf-like). */
void screen_message(struct ui *u, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
