/* tui.c - the full-screen interface, built as the module mesoscreen-tui.so (tui_module.h):
 * its main loop runs an opened session through the screens (a state machine over enum
 * ui_screen) and returns how the screening ended; the exit code is the command line's
 * business.
 *
 * With both --patient and --practitioner given the start screen has nothing to ask and is
 * skipped: the first screen is the first question (or the resume offer). */
#include "tui_module.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "screen.h"
#include "session.h"
#include "term.h"
#include "words.h"
#include "xalloc.h"

struct screen_ops {
    void (*draw)(const struct ui *u);
    enum action (*key)(struct ui *u, struct key k);
};

static const struct screen_ops screens[SCREEN_COUNT] = {
    [SCREEN_START] = {screen_start_draw, screen_start_key},
    [SCREEN_RESUME] = {screen_resume_draw, screen_resume_key},
    [SCREEN_QUESTION] = {screen_question_draw, screen_question_key},
    [SCREEN_REVIEW] = {screen_review_draw, screen_review_key},
    [SCREEN_RESULT] = {screen_result_draw, screen_result_key},
    [SCREEN_VIEW] = {screen_view_draw, screen_view_key},
    [SCREEN_QUIT] = {screen_quit_draw, screen_quit_key},
};

/* The main loop ends with this status once `done`. */
struct loop_end {
    bool done;
    enum ui_status status;
};

static bool ui_too_small(void)
{
    return COLS < SCREEN_MIN_COLS || LINES < SCREEN_MIN_LINES;
}

/* Draws the state. For a new question (or the review), the keys typed so far are discarded
 * just before it appears: they were meant for what was shown then, never for this one; a key
 * typed once it is on the terminal is kept. */
static void ui_draw(const struct ui *u, unsigned *drawn_shown)
{
    erase();
    if (ui_too_small())
        screen_small_draw(u);
    else
        screens[u->screen].draw(u);
    if (u->shown != *drawn_shown) {
        flushinp();
        *drawn_shown = u->shown;
    }
    refresh();
}

/* Shows the next question after `current`, or the review once the walk is complete. */
static void ui_go_on(struct ui *u, int current, bool stepping)
{
    int next = flow_after_answer(u->s->w, current, stepping);
    if (next >= 0)
        screen_question_enter(u, next, stepping);
    else
        screen_review_enter(u);
}

static void ui_show_warning(struct ui *u)
{
    char *w = session_take_warning(u->s);
    if (w)
        screen_message(u, true, "%s", w);
    free(w);
}

/* The unfinished screenings, with the given patient's highlighted when it waits, else "new
 * screening" when a patient was given, else the oldest. */
static void ui_unfinished_list(struct ui *u)
{
    int own = session_unfinished_of(u->s, u->s->people.patient);
    screen_resume_enter(u, own >= 0 ? own : u->s->people.patient ? (int)u->s->n_unfinished : 0);
}

static void ui_begin(struct ui *u)
{
    char *err = NULL;
    if (session_begin(u->s, &err) != 0) {
        /* This patient's earlier screening waits: the list, so it is resumed or discarded. */
        int own = session_unfinished_of(u->s, u->s->header.patient);
        screen_resume_enter(u, own >= 0 ? own : 0);
        screen_message(u, true, "%s", err);
        free(err);
        return;
    }
    ui_go_on(u, -1, false);
}

/* A new screening: the start screen, unless the people given already say everything it asks. */
static void ui_new_screening(struct ui *u)
{
    const struct session_people *given = &u->s->people;
    session_set_people(u->s, given);
    if (given->patient && given->practitioner)
        ui_begin(u);
    else
        screen_start_enter(u, given);
}

/* The first screen: the unfinished screenings when there are any. */
static void ui_first_screen(struct ui *u)
{
    if (u->s->n_unfinished)
        ui_unfinished_list(u);
    else
        ui_new_screening(u);
}

/* The viewer shows the report's own bytes: the very text `s` saves. */
static void ui_open_view(struct ui *u)
{
    const char *text = u->s->report;
    wrap_lines_free(&u->report);
    size_t cap = 64;
    u->report.line = xcalloc(cap, sizeof *u->report.line);
    u->report.width = xcalloc(cap, sizeof *u->report.width);
    for (const char *p = text; p && *p;) {
        /* The form feed before each page of the paper report shows as a blank line. */
        size_t n = *p == '\f' ? 0 : strcspn(p, "\n");
        if (u->report.n == cap) {
            cap *= 2;
            u->report.line = xreallocarray(u->report.line, cap, sizeof *u->report.line);
            u->report.width = xreallocarray(u->report.width, cap, sizeof *u->report.width);
        }
        u->report.width[u->report.n] = n;
        u->report.line[u->report.n++] = xstrndup(p, n);
        p += n + (p[n] == '\n' || p[n] == '\f');
    }
    u->view_top = 0;
    u->screen = SCREEN_VIEW;
}

static void ui_save(struct ui *u)
{
    char *err = NULL;
    if (session_save(u->s, &err) != 0) {
        screen_say(u, true, W_NOT_SAVED, err);
        free(err);
        return;
    }
    screen_say(u, false, W_REPORT_SAVED, u->s->saved_path);
    ui_show_warning(u);
}

/* Carries out what a key asked for: the transitions of the state machine. */
static void ui_apply(struct ui *u, enum action act, struct loop_end *st)
{
    char *err = NULL;
    switch (act) {
    case ACT_NONE:
        break;
    case ACT_BEGIN: {
        struct session_people p = u->s->people;
        screen_start_people(u, &p);
        session_set_people(u->s, &p);
        ui_begin(u);
        break;
    }
    case ACT_NEW:
        u->message[0] = '\0';
        ui_new_screening(u);
        break;
    case ACT_RESUME:
        if (session_resume(u->s, (size_t)u->resume_at, &err) != 0)
            break;
        u->message[0] = '\0';
        ui_go_on(u, -1, false);
        break;
    case ACT_DISCARD:
        if (session_discard(u->s, (size_t)u->resume_at, &err) != 0)
            break;
        u->message[0] = '\0';
        if (u->s->n_unfinished)
            screen_resume_enter(u, u->resume_at < (int)u->s->n_unfinished ? u->resume_at : 0);
        else
            ui_new_screening(u);
        break;
    case ACT_ANSWER: {
        int age = session_age_mismatch(u->s, (size_t)u->qi, &u->pending);
        if (age >= 0 && !u->confirm_age) {
            /* Shown, not silently accepted: Enter again keeps the age as typed. */
            char num[2][24];
            snprintf(num[0], sizeof num[0], "%d", age);
            snprintf(num[1], sizeof num[1], "%lld", u->pending.number);
            char *msg = words_fill(u->s, W_AGE_MISMATCH, u->s->header.birth_date, num[0], num[1],
                                   (char *)NULL);
            screen_message(u, true, "%s", msg);
            free(msg);
            answer_clear(&u->pending);
            u->confirm_age = true;
            u->shown++; /* an Enter typed before the question was shown confirms nothing */
            break;
        }
        const char *why = session_answer(u->s, (size_t)u->qi, &u->pending);
        answer_clear(&u->pending);
        if (why) {
            screen_message(u, true, "%s", why);
            break;
        }
        u->message[0] = '\0';
        ui_go_on(u, u->qi, u->stepping);
        ui_show_warning(u);
        break;
    }
    case ACT_LEAVE_EMPTY:
        session_leave_empty(u->s, (size_t)u->qi);
        u->message[0] = '\0';
        ui_go_on(u, u->qi, u->stepping);
        ui_show_warning(u);
        break;
    case ACT_BACK: {
        int prev = -1;
        if (u->screen == SCREEN_QUESTION)
            prev = walk_prev(u->s->w, (size_t)u->qi);
        else
            for (size_t i = 0; i < u->s->q->n_questions; i++)
                if (walk_reached(u->s->w, i))
                    prev = (int)i;
        u->message[0] = '\0';
        if (prev >= 0)
            screen_question_enter(u, prev, true);
        else
            screen_say(u, false, W_FIRST_QUESTION, NULL);
        break;
    }
    case ACT_EDIT:
        u->message[0] = '\0';
        u->edited = u->qi;
        screen_question_enter(u, u->qi, false);
        break;
    case ACT_FINISH:
        u->message[0] = '\0';
        if (session_evaluate(u->s, &err) == 0)
            u->screen = SCREEN_RESULT;
        break;
    case ACT_SAVE:
        ui_save(u);
        break;
    case ACT_CORRECT:
        if (session_correct(u->s, &err) == 0) {
            screen_review_enter(u);
            screen_say(u, false, W_CORRECTING, u->s->header.replaces);
        }
        break;
    case ACT_VIEW:
        ui_open_view(u);
        break;
    case ACT_CLOSE:
        u->screen = SCREEN_RESULT;
        break;
    case ACT_ASK_QUIT:
        if (u->s->saved_path && !u->s->journal) {
            /* Saved: nothing is left to lose, so nothing to ask. */
            st->done = true;
            st->status = UI_DONE;
            break;
        }
        u->before_quit = u->screen;
        u->screen = SCREEN_QUIT;
        break;
    case ACT_STAY:
        u->screen = u->before_quit;
        break;
    case ACT_QUIT:
        st->done = true;
        /* A screening kept in a journal ends as "interrupted: kept for resume". */
        st->status =
            u->s->journal || (!u->s->saved_path && u->s->n_unfinished) ? UI_INTERRUPTED : UI_DONE;
        break;
    }
    if (err) {
        screen_message(u, true, "%s", err);
        free(err);
    }
    if (u->s->busy && !st->done) { /* the patient typed is being screened elsewhere */
        st->done = true;
        st->status = UI_BUSY;
    }
}

static enum ui_status ui_curses(struct session *s)
{
    struct ui u;
    struct loop_end st = {false, UI_DONE};
    memset(&u, 0, sizeof u);
    u.s = s;
    u.edited = -1;
    term_start();
    ui_first_screen(&u);
    if (s->busy) /* begun since the session opened, by another program */
        st = (struct loop_end){true, UI_BUSY};
    unsigned drawn_shown = u.shown - 1;
    while (!st.done) {
        ui_draw(&u, &drawn_shown);
        struct key k;
        bool got = false;
        while (!got && !term_ended())
            got = term_read_key(&k);
        if (term_ended()) {
            st.status = UI_INTERRUPTED; /* Ctrl-C, SIGTERM, SIGHUP, a closed terminal */
            break;
        }
        if (k.fn && k.ch == KEY_RESIZE)
            continue; /* redrawn from the state at the top of the loop */
        if (ui_too_small())
            continue; /* no key acts on what cannot be seen */
        ui_apply(&u, screens[u.screen].key(&u, k), &st);
    }
    term_stop();
    answer_clear(&u.pending);
    wrap_lines_free(&u.report);
    if (st.status == UI_INTERRUPTED && s->journal)
        fprintf(stderr, "mesoscreen: screening interrupted; its answers are kept and the next "
                        "start offers to resume it\n");
    if (s->saved_path) {
        char *saved = words_fill(s, W_REPORT_SAVED, s->saved_path, (char *)NULL);
        printf("%s\n", saved);
        free(saved);
    }
    return st.status;
}

/* The one symbol the module exports (module.h); everything else in it is hidden. */
extern const struct tui_module mesoscreen_tui_module;
__attribute__((visibility("default"))) const struct tui_module mesoscreen_tui_module = {
    .head = {TUI_MODULE_ABI, MESOSCREEN_VERSION},
    .run = ui_curses,
};
