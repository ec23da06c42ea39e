/* test_session.c - one screening through the screening layer alone, without curses or a
 * terminal: answers go to the walk and the journal, the report is rendered once and saved
 * 0600 and the journal removed; a screening left unfinished is listed and replayed by the
 * next session, each patient's apart; a saved report is corrected by a new one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_file.h"
#include "builtin.h"
#include "loader.h"
#include "session.h"
#include "validator.h"
#include "xalloc.h"

struct fixture {
    char *dir; /* the state home and the report folder live here */
    char *reports;
    struct questionnaire *q;
    struct walk *healthy; /* tests/ui/healthy.yaml applied: the answers to give */
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    f->dir = xstrdup("/tmp/test_session-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    f->reports = xasprintf("%s/reports", f->dir);
    setenv("XDG_STATE_HOME", f->dir, 1);
    setenv("SOURCE_DATE_EPOCH", "1795596180", 1);
    setenv("TZ", "UTC", 1);

    struct diags d = DIAGS_INIT;
    assert_int_equal(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &f->q),
                     LOAD_OK);
    assert_true(validator_check(f->q, &d));
    struct answers_file *af = NULL;
    assert_int_equal(answers_file_load(TEST_SOURCE_DIR "/ui/healthy.yaml", &d, &af), LOAD_OK);
    f->healthy = walk_new(f->q);
    assert_true(answers_file_apply(af, f->healthy, &d));
    answers_file_free(af);
    diags_clear(&d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char *cmd = xasprintf("rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    walk_free(f->healthy);
    model_free(f->q);
    free(f->reports);
    free(f->dir);
    free(f);
    return 0;
}

static void open_patient(struct fixture *f, struct session *s, const char *patient)
{
    struct session_config c = {
        .q = f->q,
        .lang = 0,
        .report_dir = f->reports,
        .people = {.patient = patient, .practitioner = "Dr. Test"},
    };
    char *err = NULL;
    assert_int_equal(session_open(s, &c, &err), 0);
    assert_null(err);
}

static void open_session(struct fixture *f, struct session *s)
{
    open_patient(f, s, "P-0042");
}

static void begin(struct session *s)
{
    char *err = NULL;
    assert_int_equal(session_begin(s, &err), 0);
    assert_null(err);
}

static void evaluate(struct session *s)
{
    char *err = NULL;
    assert_int_equal(session_evaluate(s, &err), 0);
    assert_null(err);
}

/* Gives the next question its healthy answer (or leaves an optional one empty); false once
 * the walk is complete. */
static bool answer_next(struct fixture *f, struct session *s)
{
    int qi = walk_next(s->w);
    if (qi < 0)
        return false;
    const struct answer *a = walk_get(f->healthy, (size_t)qi);
    if (a->given)
        assert_null(session_answer(s, (size_t)qi, a));
    else
        session_leave_empty(s, (size_t)qi);
    return true;
}

static void test_whole_screening(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 0);
    begin(&s);
    size_t answered = 0, total = 0;
    while (answer_next(f, &s))
        ;
    session_progress(&s, &answered, &total);
    assert_true(answered > 0);
    assert_int_equal(answered, total);
    assert_non_null(s.journal);
    assert_int_equal(access(s.journal_path, F_OK), 0);

    evaluate(&s);
    assert_int_equal(s.outcome.eligibility, ELIG_ELIGIBLE);
    char *viewed = xstrdup(s.report); /* what the viewer shows */
    size_t viewed_len = s.report_len;
    char *err = NULL;
    assert_int_equal(session_save(&s, &err), 0);
    assert_null(err);
    /* The saved file holds exactly the bytes rendered when the screening was completed. */
    FILE *saved = fopen(s.saved_path, "rb");
    assert_non_null(saved);
    char *bytes = xcalloc(viewed_len + 2, 1);
    assert_int_equal(fread(bytes, 1, viewed_len + 1, saved), viewed_len);
    fclose(saved);
    assert_memory_equal(bytes, viewed, viewed_len);
    free(bytes);
    free(viewed);
    assert_non_null(strstr(s.saved_path, "/reports/2026-11-25_P-0042.txt"));
    struct stat st;
    assert_int_equal(stat(s.saved_path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_not_equal(access(s.journal_path, F_OK), 0); /* the journal did its job */
    assert_null(session_take_warning(&s));
    session_close(&s);

    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 0);
    session_close(&s);
}

static void test_resume(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_session(f, &s);
    begin(&s);
    assert_true(answer_next(f, &s));
    assert_true(answer_next(f, &s));
    int next = walk_next(s.w);
    session_close(&s); /* as after a crash: the journal stays */

    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 1);
    assert_true(s.unfinished[0].readable);
    assert_false(s.unfinished[0].changed);
    assert_int_equal(s.unfinished[0].skipped, 0);
    assert_int_equal(s.unfinished[0].answered, 2);
    assert_string_equal(s.unfinished[0].header.patient, "P-0042");
    assert_int_equal(session_unfinished_of(&s, "P-0042"), 0);
    char *err = NULL;
    /* This patient's screening waits: a new one is refused until it is resumed. */
    assert_int_equal(session_begin(&s, &err), -1);
    assert_non_null(strstr(err, "P-0042"));
    free(err);
    err = NULL;
    assert_int_equal(session_resume(&s, 0, &err), 0);
    assert_int_equal(s.n_unfinished, 0);
    assert_int_equal(walk_next(s.w), next); /* the two answers came back */
    while (answer_next(f, &s))
        ;
    evaluate(&s);
    assert_int_equal(session_save(&s, &err), 0);
    session_close(&s);

    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 0);
    session_close(&s);
}

/* Two patients' unfinished screenings are kept apart: each resumes with its own people and
 * answers, whoever the options name. */
static void test_two_patients(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_patient(f, &s, "P-Y");
    begin(&s);
    assert_true(answer_next(f, &s));
    assert_true(answer_next(f, &s));
    session_close(&s);
    open_patient(f, &s, "P-X");
    assert_int_equal(s.n_unfinished, 1);
    begin(&s);
    assert_true(answer_next(f, &s));
    session_close(&s);

    open_patient(f, &s, "P-X");
    assert_int_equal(s.n_unfinished, 2);
    int y = s.unfinished[0].header.patient[2] == 'Y' ? 0 : 1;
    assert_string_equal(s.unfinished[y].header.patient, "P-Y");
    assert_int_equal(s.unfinished[y].answered, 2);
    assert_int_equal(s.unfinished[1 - y].answered, 1);
    assert_int_equal(session_unfinished_of(&s, "P-X"), 1 - y);
    char *err = NULL;
    assert_int_equal(session_resume(&s, (size_t)y, &err), 0);
    assert_string_equal(s.header.patient, "P-Y"); /* Y's name over Y's answers */
    size_t answered, total;
    session_progress(&s, &answered, &total);
    assert_int_equal(answered, 2);
    assert_int_equal(s.n_unfinished, 1);
    assert_string_equal(s.unfinished[0].header.patient, "P-X");
    /* Discarding X's leaves Y's journal alone. */
    assert_int_equal(session_discard(&s, 0, &err), 0);
    assert_int_equal(s.n_unfinished, 0);
    assert_int_equal(access(s.journal_path, F_OK), 0);
    unlink(s.journal_path); /* the tests share one state folder */
    session_close(&s);
}

/* A whole screening answered, evaluated and saved in s (open: the caller closes it). */
static void saved_screening(struct fixture *f, struct session *s)
{
    open_session(f, s);
    begin(s);
    while (answer_next(f, s))
        ;
    evaluate(s);
    char *err = NULL;
    assert_int_equal(session_save(s, &err), 0);
}

/* A saved report is corrected by a new one naming it; the earlier file never changes. */
static void test_correct(void **state)
{
    struct fixture *f = *state;
    struct session s;
    saved_screening(f, &s);
    char *err = NULL;
    char *first = xstrdup(s.saved_path);
    struct stat before;
    assert_int_equal(stat(first, &before), 0);
    assert_int_equal(session_correct(&s, &err), 0);
    assert_null(s.saved_path);
    assert_non_null(strstr(first, s.header.replaces));
    assert_int_equal(access(s.journal_path, F_OK), 0); /* the correction is journaled */
    evaluate(&s);
    assert_int_equal(session_save(&s, &err), 0);
    assert_string_not_equal(s.saved_path, first);
    assert_non_null(strstr(s.saved_path, "_P-0042-")); /* beside it, never over it */
    struct stat after;
    assert_int_equal(stat(first, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    assert_int_equal(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
    assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    free(first);
    session_close(&s);
}

/* A correction interrupted (the terminal closed) and resumed still names the report it
 * replaces: the journal keeps it. */
static void test_correct_resumed(void **state)
{
    struct fixture *f = *state;
    struct session s;
    saved_screening(f, &s);
    char *err = NULL;
    const char *slash = strrchr(s.saved_path, '/');
    char *first = xstrdup(slash ? slash + 1 : s.saved_path);
    char *first_path = xstrdup(s.saved_path);
    assert_int_equal(session_correct(&s, &err), 0);
    session_close(&s); /* interrupted: the correction's journal stays */

    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 1);
    assert_string_equal(s.unfinished[0].header.replaces, first);
    assert_int_equal(session_resume(&s, 0, &err), 0);
    assert_string_equal(s.header.replaces, first);
    evaluate(&s);
    assert_int_equal(session_save(&s, &err), 0);
    assert_string_not_equal(s.saved_path, first_path);
    FILE *in = fopen(s.saved_path, "r");
    assert_non_null(in);
    char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, in);
    fclose(in);
    text[n] = '\0';
    char *says = xasprintf("replaces %s", first);
    assert_non_null(strstr(text, says));
    free(says);
    free(first);
    free(first_path);
    session_close(&s);
}

static void test_discard_unreadable(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_session(f, &s);
    begin(&s);
    assert_true(answer_next(f, &s)); /* the journal and its folder exist now */
    char *path = xstrdup(s.journal_path);
    session_close(&s);
    FILE *bad = fopen(path, "w");
    assert_non_null(bad);
    fputs("not a journal\n", bad);
    fclose(bad);
    assert_int_equal(chmod(path, 0600), 0); /* private, as the program writes it */

    open_session(f, &s);
    assert_int_equal(s.n_unfinished, 1);
    assert_false(s.unfinished[0].readable);
    assert_non_null(s.unfinished[0].error);
    char *err = NULL;
    assert_int_equal(session_resume(&s, 0, &err), -1);
    free(err);
    err = NULL;
    assert_int_equal(session_discard(&s, 0, &err), 0);
    assert_int_equal(s.n_unfinished, 0);
    char *aside = xasprintf("%s.bad", path);
    assert_int_equal(access(aside, F_OK), 0); /* kept aside, not deleted */
    unlink(aside);
    free(aside);
    free(path);
    session_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_screening),    cmocka_unit_test(test_resume),
        cmocka_unit_test(test_two_patients),       cmocka_unit_test(test_correct),
        cmocka_unit_test(test_discard_unreadable), cmocka_unit_test(test_correct_resumed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
