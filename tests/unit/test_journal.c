/* test_journal.c - the screening journal: written records read back exactly, a torn last
 * record dropped and a torn record never merged with the next, every damaged or malformed
 * record a FILE:LINE:COL error, a failed write cut back and made good by a snapshot, a size
 * the reader accepts, files and folders private to the user, replay into a walk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtin.h"
#include "journal.h"
#include "journal_record.h"
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

/* Any bound larger than the journals here. */
#define LOAD_MAX ((size_t)1 << 24)

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

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j, &err), 0);
    set_answer(w, j, "sex", "female");
    set_answer(w, j, "age", "34");
    set_answer(w, j, "notes", "line one\nline two\ttab \\ backslash \xc3\xa9");
    int notes = model_find_question(q, "notes");
    assert_int_equal(journal_record_empty(j, &q->questions[notes], &err), 0);
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
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_OK);
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
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_ABSENT);
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

    struct walk *empty = walk_new(q);
    assert_int_equal(journal_create(path, &h, empty, JOURNAL_NEW, &j, &err), 0);
    walk_free(empty);
    set_answer(w, j, "sex", "male");
    set_answer(w, j, "age", "50");
    journal_close(j);
    assert_int_equal(journal_create(path, &h, w, JOURNAL_REPLACE, &j, &err), 0); /* replaces it */
    journal_close(j);

    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_OK);
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

static const char header_lines[] =
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

/* A journal as the writer frames it: the magic line, then header_lines and body framed. The
 * caller frees it; its length goes to *len. */
static char *framed(const char *body, size_t *len)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "mesoscreen-journal 2\n");
    char *lines = xasprintf("%s%s", header_lines, body);
    journal_frame(&b, lines, strlen(lines));
    free(lines);
    return strbuf_release(&b, len);
}

/* The frame before a payload of n bytes: its column offset in messages. */
static size_t frame_width(size_t n)
{
    return (size_t)snprintf(NULL, 0, "%zu %08x ", n, 0u);
}

/* body (one payload line) framed after a good header is refused at line 11, column col of the
 * payload, with message. */
static void expect_error(const char *body, size_t col, const char *message)
{
    size_t len = 0;
    char *text = framed(body, &len);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, len, &d, &err), -1);
    assert_null(d);
    assert_non_null(err);
    char *want = xasprintf("J:11:%zu: %s", frame_width(strlen(body) - 1) + col, message);
    if (strcmp(err, want) != 0)
        fail_msg("got '%s', expected '%s'", err, want);
    free(want);
    free(err);
    free(text);
}

/* parse must fail on text (len bytes) with exactly message. */
static void expect_parse_error(const char *text, size_t len, const char *message)
{
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, len, &d, &err), -1);
    assert_null(d);
    if (!err || strcmp(err, message) != 0)
        fail_msg("got '%s', expected '%s'", err ? err : "(null)", message);
    free(err);
}

/* Each malformed record is an error with its place (columns count the frame). */
static void test_errors(void **state)
{
    (void)state;
    expect_error("bogus x\n", 1, "expected 'set', 'unset' or 'visit'");
    expect_error("set age\n", 8, "missing answer");
    expect_error("unset age extra\n", 10, "unexpected text after the question id");
    expect_error("set a/b 1\n", 6, "invalid character in id");
    expect_error("set notes bad \\q escape\n", 15,
                 "invalid escape (expected \\\\, \\n, \\t or \\xHH)");
    expect_error("set notes \\x00\n", 11, "escaped NUL byte");
    expect_error("set notes raw\ttab\n", 14, "raw control character (must be escaped)");

    /* A NUL byte inside a record (framed: its length and CRC are right). */
    size_t len = 0;
    char *text = framed("", &len);
    struct strbuf b = STRBUF_INIT;
    strbuf_add(&b, text, len);
    journal_frame(&b, "set notes a\0b\n", 14);
    free(text);
    text = strbuf_release(&b, &len);
    char *want = xasprintf("J:11:%zu: NUL byte", frame_width(13) + 12);
    expect_parse_error(text, len, want);
    free(want);
    free(text);

    static const char old_magic[] = "mesoscreen-journal 1\n";
    expect_parse_error(old_magic, strlen(old_magic),
                       "J:1:1: not a mesoscreen journal (expected 'mesoscreen-journal 2')");
    struct strbuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "mesoscreen-journal 2\n");
    journal_frame(&sb, "questionnaire q\nversion 1\nsha256 ab\n", 36);
    text = strbuf_release(&sb, &len);
    want = xasprintf("J:4:%zu: expected 64 hexadecimal digits", frame_width(9) + 8);
    expect_parse_error(text, len, want);
    free(want);
    free(text);
    strbuf_puts(&sb, "mesoscreen-journal 2\n");
    journal_frame(&sb, "questionnaire q\n", 16);
    text = strbuf_release(&sb, &len);
    expect_parse_error(text, len, "J:3:1: the journal ends inside its header");
    free(text);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", "", 0, &d, &err), -1);
    free(err);
}

/* A crash or a full disk in the middle of the last record leaves it without its newline: it
 * is dropped, and the journal says so. */
static void test_torn_last_record(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = framed("set sex female\nset age 34\n", &len);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, len - 4, &d, &err), 0);
    assert_int_equal(d->n_events, 1);
    assert_true(d->torn);
    assert_string_equal(d->header.patient, "P-1");
    assert_null(d->header.practitioner);
    journal_data_free(d);
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_int_equal(d->n_events, 2);
    assert_false(d->torn);
    journal_data_free(d);
    free(text);
}

/* A record cut short and another appended after it are never read as one ("...set age 1" +
 * "set age 16" once made a note of the change): the glued line is refused, as is a record
 * whose CRC-32 does not match (so the journal is never half-read). */
static void test_torn_record_never_merged(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = framed("set sex female\nset age 17\n", &len);
    struct strbuf b = STRBUF_INIT;
    strbuf_add(&b, text, len - 3); /* "...set age 1": torn before its last byte and newline */
    journal_frame(&b, "set age 16\n", 11);
    size_t glued_len = 0;
    char *glued = strbuf_release(&b, &glued_len);
    char *want = xasprintf("J:12:%zu: the record's length does not match its text (a write cut "
                           "short, or two run together)",
                           frame_width(10) + 1);
    expect_parse_error(glued, glued_len, want);
    free(want);
    free(glued);

    text[len - 2] = '8'; /* "set age 18" under the CRC of "set age 17" */
    want = xasprintf("J:12:%zu: the record's CRC-32 does not match its text (damaged)",
                     frame_width(10) + 1);
    expect_parse_error(text, len, want);
    free(want);
    free(text);
}

/* A journal of header h (and no answers) written by journal_create, read back; caller frees. */
static struct journal_data *written_back(const struct journal_header *h)
{
    char *dir = temp_dir();
    char *path = xasprintf("%s/j.journal", dir);
    struct journal *j = NULL;
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    char *err = NULL;
    assert_int_equal(journal_create(path, h, w, JOURNAL_NEW, &j, &err), 0);
    journal_close(j);
    walk_free(w);
    model_free(q);
    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_OK);
    free(path);
    remove_tree(dir);
    free(dir);
    return d;
}

/* The screening's UUID: kept in the header, read back; a journal without it (written before
 * it was kept) still reads; a malformed one is refused at its place. */
static void test_screening_id(void **state)
{
    (void)state;
    struct journal_data *d = NULL;
    char *err = NULL;
    size_t len = 0;
    char *text = framed("screening 0f0e0d0c-0b0a-4908-8706-050403020100\nset sex female\n", &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_string_equal(d->header.screening, "0f0e0d0c-0b0a-4908-8706-050403020100");
    assert_int_equal(d->n_events, 1);
    journal_data_free(d);
    free(text);

    text = framed("set sex female\n", &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_string_equal(d->header.screening, "");
    journal_data_free(d);
    free(text);

    text = framed("screening not-a-uuid\n", &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), -1);
    char *at = xasprintf("J:11:%zu: ", frame_width(20) + 11);
    assert_non_null(strstr(err, at));
    free(at);
    assert_non_null(strstr(err, "expected the screening's UUID"));
    free(err);
    free(text);

    struct journal_header h = {.questionnaire = "q", .version = "1", .started = 1};
    memset(h.sha256, 'a', DIGEST_HEX_LEN);
    assert_true(uuid_random(h.screening));
    d = written_back(&h);
    assert_string_equal(d->header.screening, h.screening);
    journal_data_free(d);
}

/* A correction names the report it replaces in its journal, so that one interrupted and
 * resumed still names it: written by journal_create and read back; optional; a name, never a
 * path; after the screening's UUID, before the answers. */
static void test_replaces(void **state)
{
    (void)state;
    struct journal_data *d = NULL;
    char *err = NULL;
    size_t len = 0;
    char *text = framed("screening 0f0e0d0c-0b0a-4908-8706-050403020100\n"
                        "replaces P-1-2026-11-27T0930.txt\nset sex female\n",
                        &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_string_equal(d->header.replaces, "P-1-2026-11-27T0930.txt");
    assert_int_equal(d->n_events, 1);
    journal_data_free(d);
    free(text);

    text = framed("replaces P\\\\x.txt\n", &len); /* escaped like any text */
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_string_equal(d->header.replaces, "P\\x.txt");
    assert_string_equal(d->header.screening, "");
    journal_data_free(d);
    free(text);

    text = framed("set sex female\n", &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
    assert_null(d->header.replaces);
    journal_data_free(d);
    free(text);

    expect_error("replaces ../reports/x.txt\n", 10,
                 "expected the file name of the report this one replaces");
    expect_error("replaces \n", 10, "expected the file name of the report this one replaces");

    /* out of order: the UUID after it is no answer */
    text = framed("replaces x.txt\nscreening 0f0e0d0c-0b0a-4908-8706-050403020100\n", &len);
    assert_int_equal(journal_parse("J", text, len, &d, &err), -1);
    free(err);
    free(text);

    struct journal_header h = {
        .questionnaire = "q", .version = "1", .started = 1, .replaces = "a\tb.txt"};
    memset(h.sha256, 'a', DIGEST_HEX_LEN);
    d = written_back(&h);
    assert_string_equal(d->header.replaces, "a\tb.txt");
    journal_data_free(d);
}

/* Answers the questionnaire no longer has or accepts are skipped, the rest kept. */
static void test_replay_skips_invalid(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = framed("set sex female\nset age 300\nset gone yes\nset pregnant no\n"
                        "set stage norwood_2\n",
                        &len);
    struct journal_data *d = NULL;
    char *err = NULL;
    assert_int_equal(journal_parse("J", text, len, &d, &err), 0);
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
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j, &err), 0);
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_BUSY);
    assert_null(d);
    assert_non_null(strstr(err, "is in use"));
    free(err);
    err = NULL;
    journal_close(j);
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_OK);
    journal_data_free(d);

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j2, &err), -1);
    assert_null(j2);
    assert_non_null(strstr(err, "another screening"));
    free(err);
    walk_free(w);
    model_free(q);

    free(path);
    remove_tree(dir);
    free(dir);
}

/* Sets the largest file this process may write (RLIM_INFINITY: no bound): a write past it
 * fails with EFBIG after writing what fits, as on a full disk. */
static void file_size_limit(rlim_t bytes)
{
    struct rlimit r;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &r), 0);
    r.rlim_cur = bytes;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &r), 0);
}

static off_t file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_size;
}

/* A write that fails halfway (the disk is full) leaves the journal as it was, says the answer
 * is not safe, and the next write puts the whole state on disk: the failed answer included,
 * never glued to a torn record. */
static void test_failed_write(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *path = xasprintf("%s/j", dir);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    struct journal_header h = header();
    struct journal *j = NULL;
    char *err = NULL;
    signal(SIGXFSZ, SIG_IGN);

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j, &err), 0);
    set_answer(w, j, "sex", "male");
    set_answer(w, j, "age", "17");
    off_t good = file_size(path);
    char *before = read_all(path);

    /* The disk fills: room for a few bytes of the next record only. */
    file_size_limit((rlim_t)good + 5);
    int qi = model_find_question(q, "age");
    struct answer a = {0};
    assert_null(answer_parse(&q->questions[qi], "16", &a));
    assert_true(walk_set(w, (size_t)qi, &a));
    assert_int_equal(journal_record_set(j, &q->questions[qi], &a, &err), -1);
    assert_non_null(strstr(err, "NOT safe on disk"));
    free(err);
    err = NULL;
    assert_int_equal(file_size(path), good); /* cut back to the last whole record */
    char *after = read_all(path);
    assert_string_equal(after, before);
    free(after);
    assert_true(journal_wants_snapshot(j));
    /* Until the snapshot, no record is appended after the failed one. */
    assert_int_equal(journal_record_set(j, &q->questions[qi], &a, &err), -1);
    free(err);
    err = NULL;
    assert_int_equal(file_size(path), good);
    answer_clear(&a);

    /* Room again: the next write is the whole state, the changed age in it. */
    file_size_limit(RLIM_INFINITY);
    assert_int_equal(journal_snapshot(j, &h, w, &err), 0);
    assert_false(journal_wants_snapshot(j));
    set_answer(w, j, "bleeding_disorder", "no");
    journal_close(j);

    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_OK);
    struct walk *w2 = walk_new(q);
    assert_int_equal(journal_replay(d, w2), 0);
    assert_int_equal(walk_get(w2, (size_t)qi)->number, 16);
    assert_true(walk_get(w2, (size_t)model_find_question(q, "bleeding_disorder"))->given);
    journal_data_free(d);
    walk_free(w2);
    free(before);
    walk_free(w);
    model_free(q);
    free(path);
    remove_tree(dir);
    free(dir);
}

/* Whatever is typed, the journal stays within journal_max_bytes (it is rewritten whole once it
 * grows), so the reader always takes back what the writer wrote; one byte over the bound is
 * refused. */
static void test_size_bound(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *path = xasprintf("%s/j", dir);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    struct journal_header h = header();
    struct journal *j = NULL;
    char *err = NULL;
    size_t max = journal_max_bytes(q);
    int notes = model_find_question(q, "notes");
    assert_true(notes >= 0);

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j, &err), 0);
    /* The longest note there is, of the widest characters (four bytes each), again and again. */
    long long n = q->questions[notes].max_length;
    char *note = xcalloc(4 * (size_t)n + 1, 1);
    for (long long i = 0; i < n; i++)
        memcpy(note + 4 * i, "\xF0\x9F\x98\x80", 4);
    struct answer a = {.given = true, .text = note};
    size_t snapshots = 0;
    for (int i = 0; i < 200; i++) {
        assert_true(walk_set(w, (size_t)notes, &a));
        if (journal_wants_snapshot(j)) {
            assert_int_equal(journal_snapshot(j, &h, w, &err), 0);
            snapshots++;
        } else {
            assert_int_equal(journal_record_set(j, &q->questions[notes], &a, &err), 0);
        }
        assert_true((size_t)file_size(path) <= max);
    }
    assert_true(snapshots > 0);
    journal_close(j);
    free(note);
    struct journal_data *d = NULL;
    assert_int_equal(journal_load(path, max, &d, &err), JOURNAL_OK);
    journal_data_free(d);
    size_t size = (size_t)file_size(path);
    assert_int_equal(journal_load(path, size - 1, &d, &err), JOURNAL_BAD);
    assert_non_null(strstr(err, "more than mesoscreen ever writes"));
    free(err);
    walk_free(w);
    model_free(q);
    free(path);
    remove_tree(dir);
    free(dir);
}

/* A journal or a folder that others may change is never offered: a symbolic link, a journal
 * readable by others, a folder writable by others, a folder of another user (as root). */
static void test_private(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *state_dir = xasprintf("%s/mesoscreen", dir);
    char *path = xasprintf("%s/j.journal", state_dir);
    char *link_path = xasprintf("%s/l.journal", state_dir);
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q);
    struct journal_header h = header();
    struct journal *j = NULL;
    struct journal_data *d = NULL;
    char *err = NULL;

    assert_int_equal(journal_create(path, &h, w, JOURNAL_NEW, &j, &err), 0);
    journal_close(j);
    assert_int_equal(journal_dir_check(path, &err), 0);

    assert_int_equal(symlink(path, link_path), 0);
    assert_int_equal(journal_load(link_path, LOAD_MAX, &d, &err), JOURNAL_UNSAFE);
    assert_non_null(strstr(err, "symbolic link"));
    free(err);

    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_UNSAFE);
    assert_non_null(strstr(err, "can be read or changed by other users"));
    free(err);
    assert_int_equal(chmod(path, 0600), 0);

    assert_int_equal(chmod(state_dir, 0777), 0);
    assert_int_equal(journal_dir_check(path, &err), -1);
    assert_non_null(strstr(err, "is writable by other users"));
    assert_non_null(strstr(err, state_dir));
    free(err);
    assert_int_equal(journal_create(path, &h, w, JOURNAL_REPLACE, &j, &err), 0);
    journal_close(j); /* creating it makes the folder private again */
    assert_int_equal(journal_dir_check(path, &err), 0);

    /* A folder above that others may write to could have ours replaced; sticky, as /tmp, not. */
    assert_int_equal(chmod(dir, 0777), 0);
    assert_int_equal(journal_dir_check(path, &err), -1);
    assert_non_null(strstr(err, "(above the journal folder) is writable by other users"));
    free(err);
    assert_int_equal(chmod(dir, 01777), 0);
    assert_int_equal(journal_dir_check(path, &err), 0);
    assert_int_equal(chmod(dir, 0700), 0);

    if (geteuid() == 0) {
        assert_int_equal(chown(state_dir, 65534, 65534), 0);
        assert_int_equal(journal_dir_check(path, &err), -1);
        assert_non_null(strstr(err, "belongs to another user (uid 65534)"));
        free(err);
        assert_int_equal(journal_create(path, &h, w, JOURNAL_REPLACE, &j, &err), -1);
        free(err);
        assert_int_equal(chown(state_dir, 0, 0), 0);
        assert_int_equal(chown(path, 65534, 65534), 0);
        assert_int_equal(journal_load(path, LOAD_MAX, &d, &err), JOURNAL_UNSAFE);
        assert_non_null(strstr(err, "belongs to another user"));
        free(err);
    }
    walk_free(w);
    model_free(q);
    free(link_path);
    free(path);
    free(state_dir);
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
    struct questionnaire *q = builtin();
    struct walk *w = walk_new(q); /* nothing answered yet */
    struct journal *j = NULL;
    char *err = NULL;
    char *paths[3] = {journal_path(jdir, "P-2", 1), journal_path(jdir, "P-1", 1),
                      xasprintf("%s.journal", jdir)};
    for (int i = 0; i < 2; i++) {
        h.patient = i ? "P-1" : "P-2";
        assert_int_equal(journal_create(paths[i], &h, w, JOURNAL_NEW, &j, &err), 0);
        journal_close(j);
    }
    walk_free(w);
    model_free(q);
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
        cmocka_unit_test(test_torn_last_record),
        cmocka_unit_test(test_torn_record_never_merged),
        cmocka_unit_test(test_replay_skips_invalid),
        cmocka_unit_test(test_screening_id),
        cmocka_unit_test(test_replaces),
        cmocka_unit_test(test_busy_and_exclusive),
        cmocka_unit_test(test_failed_write),
        cmocka_unit_test(test_size_bound),
        cmocka_unit_test(test_private),
        cmocka_unit_test(test_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
