/* test_journal.c - the screening journal: written records read back exactly, a crash-cut
 * last line ignored, every malformed line a FILE:LINE:COL error, replay into a walk. */
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

#include "builtin.h"
#include "journal.h"
#include "loader.h"
#include "validator.h"
#include "xalloc.h"

static char *temp_dir(void)
{
    char *dir = xstrdup("/tmp/test_journal-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void remove_tree(const char *dir)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static struct questionnaire *builtin(void)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    assert_int_equal(loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q),
                     LOAD_OK);
    assert_true(validator_check(q, &d));
    diags_clear(&d);
    return q;
}

static struct journal_header header(void)
{
    struct journal_header h = {
        .questionnaire = "hair-mesotherapy",
        .version = "1.0 \"beta\"\\x",
        .patient = "P-\xc3\xbc\n\t\x1b[31m",
        .practitioner = NULL,
        .started = 1700000000,
    };
    memset(h.sha256, 'a', DIGEST_HEX_LEN);
    h.sha256[DIGEST_HEX_LEN] = '\0';
    return h;
}

static void set_answer(struct walk *w, struct journal *j, const char *id, const char *value)
{
    const struct questionnaire *q = walk_questionnaire(w);
    int qi = model_find_question(q, id);
    assert_true(qi >= 0);
    struct answer a = {0};
    char *msg = answer_parse(&q->questions[qi], value, &a);
    assert_null(msg);
    assert_true(walk_set(w, (size_t)qi, &a));
    char *err = NULL;
    assert_int_equal(journal_record_set(j, &q->questions[qi], &a, &err), 0);
    answer_clear(&a);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = xcalloc(1, 65536);
    size_t n = fread(buf, 1, 65535, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Everything written reads back the same; the files are private. */
static void test_round_trip(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *path = xasprintf("%s/state/mesoscreen/q.journal", dir);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    struct journal_header h = header();
    struct journal *j = NULL;
    char *err = NULL;

    assert_int_equal(journal_create(path, &h, NULL, &j, &err), 0);
    set_answer(w, j, "sex", "female");
    set_answer(w, j, "age", "34");
    set_answer(w, j, "notes", "line one\nline two\ttab \\ backslash \xc3\xa9");
    int notes = model_find_question(q, "notes");
    assert_int_equal(journal_record_unset(j, &q->questions[notes], &err), 0);
    assert_int_equal(journal_record_visit(j, &q->questions[notes], &err), 0);
    journal_close(j);

    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char *dirpath = xasprintf("%s/state/mesoscreen", dir);
    assert_int_equal(stat(dirpath, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);

    /* No raw control character reaches the file: one record per line. */
    char *text = read_all(path);
    assert_null(strchr(text, '\x1b'));
    assert_null(strchr(text, '\t'));
    free(text);

    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, &d, &err), JOURNAL_OK);
    assert_string_equal(d->header.questionnaire, "hair-mesotherapy");
    assert_string_equal(d->header.version, h.version);
    assert_string_equal(d->header.sha256, h.sha256);
    assert_string_equal(d->header.patient, h.patient);
    assert_null(d->header.practitioner);
    assert_int_equal(d->header.started, 1700000000);
    assert_int_equal(d->n_events, 5);
    assert_int_equal(d->events[0].kind, JOURNAL_SET);
    assert_string_equal(d->events[0].question, "sex");
    assert_string_equal(d->events[0].value, "female");
    assert_string_equal(d->events[1].value, "34");
    assert_string_equal(d->events[2].value, "line one\nline two\ttab \\ backslash \xc3\xa9");
    assert_int_equal(d->events[3].kind, JOURNAL_UNSET);
    assert_int_equal(d->events[4].kind, JOURNAL_VISIT);
    assert_null(d->events[4].value);

    /* Replayed into a fresh walk: the same answers. */
    struct walk *w2 = walk_new(q);
    assert_int_equal(journal_replay(d, w2), 0);
    assert_true(walk_get(w2, (size_t)model_find_question(q, "sex"))->given);
    assert_int_equal(walk_get(w2, (size_t)model_find_question(q, "age"))->number, 34);
    assert_false(walk_get(w2, (size_t)notes)->given);
    journal_data_free(d);

    assert_int_equal(journal_remove(path, &err), 0);
    assert_int_equal(journal_load(path, &d, &err), JOURNAL_ABSENT);
    assert_int_equal(journal_remove(path, &err), 0); /* already gone: fine */

    walk_free(w2);
    walk_free(w);
    model_free(q);
    free(dirpath);
    free(path);
    remove_tree(dir);
    free(dir);
}

/* journal_create with a walk writes a snapshot that rebuilds it. */
static void test_snapshot(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *path = xasprintf("%s/j", dir);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    struct journal_header h = header();
    struct journal *j = NULL;
    char *err = NULL;

    assert_int_equal(journal_create(path, &h, NULL, &j, &err), 0);
    set_answer(w, j, "sex", "male");
    set_answer(w, j, "age", "50");
    journal_close(j);
    assert_int_equal(journal_create(path, &h, w, &j, &err), 0); /* replaces it */
    journal_close(j);

    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, &d, &err), JOURNAL_OK);
    assert_int_equal(d->n_events, 2);
    struct walk *w2 = walk_new(q);
    assert_int_equal(journal_replay(d, w2), 0);
    assert_int_equal(walk_next(w2), walk_next(w));
    journal_data_free(d);
    walk_free(w2);
    walk_free(w);
    model_free(q);
    free(path);
    remove_tree(dir);
    free(dir);
}

static const char good_header[] =
    "mesoscreen-journal 1\n"
    "questionnaire hair-mesotherapy\n"
    "version 1.0\n"
    "sha256 "
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
    "patient P-1\n"
    "practitioner \n"
    "patient_name Ana Pérez\n"
    "birth_date 1990-05-01\n"
    "answered_by \n"
    "started 1700000000\n";

static void expect_error(const char *body, const char *message)
{
    char *text = xasprintf("%s%s", good_header, body);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), -1);
    assert_null(d);
    assert_non_null(err);
    if (strcmp(err, message) != 0)
        fail_msg("got '%s', expected '%s'", err, message);
    free(err);
    free(text);
}

/* Each malformed line is an error with its place. */
static void test_errors(void **state)
{
    (void)state;
    expect_error("bogus x\n", "J:11:1: expected 'set', 'unset' or 'visit'");
    expect_error("set age\n", "J:11:8: missing answer");
    expect_error("unset age extra\n", "J:11:10: unexpected text after the question id");
    expect_error("set a/b 1\n", "J:11:6: invalid character in id");
    expect_error("set notes bad \\q escape\n",
                 "J:11:15: invalid escape (expected \\\\, \\n, \\t or \\xHH)");
    expect_error("set notes \\x00\n", "J:11:11: escaped NUL byte");
    expect_error("set notes raw\ttab\n", "J:11:14: raw control character (must be escaped)");

    /* A NUL byte inside a line. */
    size_t hl = strlen(good_header);
    char nul[sizeof good_header + 16];
    memcpy(nul, good_header, hl);
    memcpy(nul + hl, "set notes a\0b\n", 14);
    struct journal_data *dn = NULL;
    char *nerr = NULL;
    assert_int_equal(journal_parse("J", nul, hl + 14, &dn, &nerr), -1);
    assert_string_equal(nerr, "J:11:12: NUL byte");
    free(nerr);

    struct journal_data *d = NULL;
    char *err = NULL;
    static const char bad_magic[] = "mesoscreen-journal 2\n";
    assert_int_equal(journal_parse("J", bad_magic, strlen(bad_magic), &d, &err), -1);
    assert_string_equal(err, "J:1:1: not a mesoscreen journal (expected 'mesoscreen-journal 1')");
    free(err);
    static const char short_sha[] = "mesoscreen-journal 1\nquestionnaire q\nversion 1\nsha256 ab\n";
    assert_int_equal(journal_parse("J", short_sha, strlen(short_sha), &d, &err), -1);
    assert_string_equal(err, "J:4:8: expected 64 hexadecimal digits");
    free(err);
    static const char cut_header[] = "mesoscreen-journal 1\nquestionnaire q\n";
    assert_int_equal(journal_parse("J", cut_header, strlen(cut_header), &d, &err), -1);
    assert_string_equal(err, "J:3:1: the journal ends inside its header");
    free(err);
    assert_int_equal(journal_parse("J", "", 0, &d, &err), -1);
    free(err);
}

/* A crash in the middle of a record leaves a last line without its newline: ignored. */
static void test_truncated_last_line(void **state)
{
    (void)state;
    char *text = xasprintf("%sset sex female\nset age 3", good_header);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), 0);
    assert_int_equal(d->n_events, 1);
    assert_string_equal(d->header.patient, "P-1");
    assert_null(d->header.practitioner);
    journal_data_free(d);
    free(text);
}

/* The screening's UUID: kept in the header, read back; a journal without it (written before
 * it was kept) still reads; a malformed one is refused at its place. */
static void test_screening_id(void **state)
{
    (void)state;
    struct journal_data *d = NULL;
    char *err = NULL;
    char *text = xasprintf("%sscreening 0f0e0d0c-0b0a-4908-8706-050403020100\nset sex female\n",
                           good_header);
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), 0);
    assert_string_equal(d->header.screening, "0f0e0d0c-0b0a-4908-8706-050403020100");
    assert_int_equal(d->n_events, 1);
    journal_data_free(d);
    free(text);

    text = xasprintf("%sset sex female\n", good_header);
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), 0);
    assert_string_equal(d->header.screening, "");
    journal_data_free(d);
    free(text);

    text = xasprintf("%sscreening not-a-uuid\n", good_header);
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), -1);
    assert_non_null(strstr(err, "J:11:11: "));
    assert_non_null(strstr(err, "expected the screening's UUID"));
    free(err);
    free(text);

    /* written by journal_create, read back */
    char dir[] = "/tmp/mesoscreen-journal-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = xasprintf("%s/j.journal", dir);
    struct journal_header h = {.questionnaire = "q", .version = "1", .started = 1};
    memset(h.sha256, 'a', DIGEST_HEX_LEN);
    assert_true(uuid_random(h.screening));
    struct journal *j = NULL;
    assert_int_equal(journal_create(path, &h, NULL, &j, &err), 0);
    journal_close(j);
    FILE *f = fopen(path, "r");
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_int_equal(journal_parse("J", buf, n, &d, &err), 0);
    assert_string_equal(d->header.screening, h.screening);
    journal_data_free(d);
    unlink(path);
    rmdir(dir);
    free(path);
}

/* Answers the questionnaire no longer has or accepts are skipped, the rest kept. */
static void test_replay_skips_invalid(void **state)
{
    (void)state;
    char *text = xasprintf("%sset sex female\nset age 300\nset gone yes\nset pregnant no\n"
                           "set stage norwood_2\n",
                           good_header);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, strlen(text), &d, &err), 0);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    assert_int_equal(journal_replay(d, w), 3); /* age out of range, no "gone", stage for male */
    assert_true(walk_get(w, (size_t)model_find_question(q, "sex"))->given);
    assert_false(walk_get(w, (size_t)model_find_question(q, "age"))->given);
    assert_int_equal(walk_next(w), model_find_question(q, "age"));
    walk_free(w);
    model_free(q);
    journal_data_free(d);
    free(text);
}

/* A journal being written is locked: a second program is told so instead of resuming it, and
 * a new screening never replaces a journal that exists. */
static void test_busy_and_exclusive(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *path = xasprintf("%s/j", dir);
    struct journal_header h = header();
    struct journal *j = NULL, *j2 = NULL;
    struct journal_data *d = NULL;
    char *err = NULL;

    assert_int_equal(journal_create(path, &h, NULL, &j, &err), 0);
    assert_int_equal(journal_load(path, &d, &err), JOURNAL_BUSY);
    assert_null(d);
    assert_non_null(strstr(err, "is in use"));
    free(err);
    err = NULL;
    journal_close(j);
    assert_int_equal(journal_load(path, &d, &err), JOURNAL_OK);
    journal_data_free(d);

    assert_int_equal(journal_create(path, &h, NULL, &j2, &err), -1);
    assert_null(j2);
    assert_non_null(strstr(err, "another screening"));
    free(err);

    free(path);
    remove_tree(dir);
    free(dir);
}

static void test_path(void **state)
{
    (void)state;
    char *err = NULL;
    setenv("XDG_STATE_HOME", "/x/state", 1);
    char *p = journal_dir("q", &err);
    assert_string_equal(p, "/x/state/mesoscreen/q");
    free(p);
    setenv("XDG_STATE_HOME", "relative", 1); /* not absolute: ignored, as the spec says */
    setenv("HOME", "/home/u", 1);
    p = journal_dir("q", &err);
    assert_string_equal(p, "/home/u/.local/state/mesoscreen/q");
    free(p);
    unsetenv("XDG_STATE_HOME");
    unsetenv("HOME");
    assert_null(journal_dir("q", &err));
    assert_non_null(err);
    free(err);
    /* One file per patient, the id made filename-safe; none stated: by start time. */
    p = journal_path("/d", "P/../1", 5);
    assert_string_equal(p, "/d/P_.__1.journal");
    free(p);
    p = journal_path("/d", NULL, 1700000000);
    assert_string_equal(p, "/d/anonymous-1700000000.journal");
    free(p);
}

/* Two patients' journals are listed apart, with the single journal of earlier versions. */
static void test_list(void **state)
{
    (void)state;
    char dir[] = TEST_BINARY_DIR "/journal-list-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *jdir = xasprintf("%s/q", dir);
    struct journal_header h = {.questionnaire = "q", .version = "1", .started = 1};
    struct journal *j = NULL;
    char *err = NULL;
    char *paths[3] = {journal_path(jdir, "P-2", 1), journal_path(jdir, "P-1", 1),
                      xasprintf("%s.journal", jdir)};
    for (int i = 0; i < 2; i++) {
        h.patient = i ? "P-1" : "P-2";
        assert_int_equal(journal_create(paths[i], &h, NULL, &j, &err), 0);
        journal_close(j);
    }
    FILE *f = fopen(paths[2], "w");
    assert_non_null(f);
    fclose(f);
    char **list = NULL;
    assert_int_equal(journal_list(jdir, &list), 3);
    assert_string_equal(list[0], paths[2]); /* "q.journal" sorts before "q/..." */
    assert_string_equal(list[1], paths[1]);
    assert_string_equal(list[2], paths[0]);
    assert_null(list[3]);
    journal_list_free(list);
    for (int i = 0; i < 3; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    rmdir(jdir);
    rmdir(dir);
    free(jdir);
    assert_int_equal(journal_list(dir, &list), 0);
    journal_list_free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_snapshot),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_truncated_last_line),
        cmocka_unit_test(test_replay_skips_invalid),
        cmocka_unit_test(test_screening_id),
        cmocka_unit_test(test_busy_and_exclusive),
        cmocka_unit_test(test_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
