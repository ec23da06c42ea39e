/* test_session.c - one screening through the screening layer alone, without curses or a
 * terminal: answers go to the walk and the journal, the report is saved 0600 and the journal
 * removed; a screening left unfinished is found and replayed by the next session. */
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

static void open_session(struct fixture *f, struct session *s)
{
    struct session_config c = {
        .q = f->q,
        .lang = 0,
        .report_dir = f->reports,
        .people = {.patient = "P-0042", .practitioner = "Dr. Test"},
    };
    char *err = NULL;
    assert_int_equal(session_open(s, &c, &err), 0);
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
    assert_int_equal(s.found, FOUND_NOTHING);
    session_begin(&s);
    size_t answered = 0, total = 0;
    while (answer_next(f, &s))
        ;
    session_progress(&s, &answered, &total);
    assert_true(answered > 0);
    assert_int_equal(answered, total);
    assert_non_null(s.journal);
    assert_int_equal(access(s.journal_path, F_OK), 0);

    session_evaluate(&s);
    assert_int_equal(s.outcome.eligibility, ELIG_ELIGIBLE);
    char *err = NULL;
    assert_int_equal(session_save(&s, &err), 0);
    assert_null(err);
    assert_non_null(strstr(s.saved_path, "/reports/2026-11-25_P-0042.txt"));
    struct stat st;
    assert_int_equal(stat(s.saved_path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_not_equal(access(s.journal_path, F_OK), 0); /* the journal did its job */
    assert_null(session_take_warning(&s));
    session_close(&s);

    open_session(f, &s);
    assert_int_equal(s.found, FOUND_NOTHING);
    session_close(&s);
}

static void test_resume(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_session(f, &s);
    session_begin(&s);
    assert_true(answer_next(f, &s));
    assert_true(answer_next(f, &s));
    int next = walk_next(s.w);
    session_close(&s); /* as after a crash: the journal stays */

    open_session(f, &s);
    assert_int_equal(s.found, FOUND_RESUMABLE);
    assert_false(s.found_changed);
    assert_int_equal(s.found_skipped, 0);
    assert_string_equal(s.found_header.patient, "P-0042");
    assert_int_equal(walk_next(s.w), next); /* the two answers came back */
    char *err = NULL;
    assert_int_equal(session_resume(&s, &err), 0);
    while (answer_next(f, &s))
        ;
    session_evaluate(&s);
    assert_int_equal(session_save(&s, &err), 0);
    session_close(&s);

    open_session(f, &s);
    assert_int_equal(s.found, FOUND_NOTHING);
    session_close(&s);
}

static void test_discard_unreadable(void **state)
{
    struct fixture *f = *state;
    struct session s;
    open_session(f, &s);
    FILE *bad = fopen(s.journal_path, "w");
    assert_non_null(bad);
    fputs("not a journal\n", bad);
    fclose(bad);
    assert_int_equal(chmod(s.journal_path, 0600), 0); /* private, as the program writes it */
    char *path = xstrdup(s.journal_path);
    session_close(&s);

    open_session(f, &s);
    assert_int_equal(s.found, FOUND_UNREADABLE);
    assert_non_null(s.found_error);
    char *err = NULL;
    assert_int_equal(session_discard(&s, &err), 0);
    assert_int_equal(s.found, FOUND_NOTHING);
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
        cmocka_unit_test(test_whole_screening),
        cmocka_unit_test(test_resume),
        cmocka_unit_test(test_discard_unreadable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
