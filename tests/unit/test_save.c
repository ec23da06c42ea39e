/* test_save.c - saving reports: mode 0600 and 0700 whatever the umask, never overwriting
 * (-2, -3 suffixes), safe file names, and no partial or temporary file after a failure. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "save.h"
#include "xalloc.h"

#define WHEN ((time_t)1795596180) /* 2026-11-25T08:43:00Z; tests run with TZ=UTC */

/* A fresh directory for one test; removed (with its files) by cleanup. */
static char *scratch_dir(void)
{
    char *tmpl = xstrdup(TEST_BINARY_DIR "/save-XXXXXX");
    if (!mkdtemp(tmpl))
        fail_msg("mkdtemp: %s", strerror(errno));
    return tmpl;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *sub = xasprintf("%s/%s", path, e->d_name);
            remove_tree(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* The names in dir, sorted, joined by spaces ("" when empty). */
static char *list_dir(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n >= 0);
    char *out = xstrdup("");
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
            char *next = xasprintf("%s%s%s", out, *out ? " " : "", names[i]->d_name);
            free(out);
            out = next;
        }
        free(names[i]);
    }
    free(names);
    return out;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return xstrdup(buf);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

static void write_file(const char *path, const char *data, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
    close(fd);
    chmod(path, mode);
}

/* ---- safe names ---------------------------------------------------------------------- */

static void test_safe_name(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"P-0042", "P-0042"},
        {"p_1.2", "p_1.2"},
        {"../../etc/x", "_._.__etc_x"},
        {".hidden", "_hidden"},
        {"a/b", "a_b"},
        {"a..b", "a._b"},
        {"a\x01\x1b[0mb", "a___0mb"},
        {"José Núñez", "José_Núñez"},
        {"bad\xff", "bad_"},
        {"", "anonymous"},
        /* Nothing left: a digest of the id keeps two such patients apart. */
        {"...", "anonymous-ab5df625"},
        {"//", "anonymous-a2c23396"},
        /* Letters of other scripts stay; invisible and bidirectional characters do not. */
        {"日本", "日本"},
        {"Мария", "Мария"},
        {"Иван", "Иван"},
        {"A\u200bB\u202eC\u00a0D", "A_B_C_D"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = save_safe_name(cases[i].in);
        if (strcmp(s, cases[i].out) != 0)
            fail_msg("save_safe_name(\"%s\") = \"%s\", want \"%s\"", cases[i].in, s, cases[i].out);
        free(s);
    }
    char *s = save_safe_name(NULL);
    assert_string_equal(s, "anonymous");
    free(s);

    char long_id[301];
    memset(long_id, 'A', 300);
    long_id[300] = '\0';
    s = save_safe_name(long_id);
    assert_int_equal(strlen(s), 64);
    assert_int_equal(strspn(s, "A"), 64);
    free(s);

    /* 63 bytes, then a two-byte letter that does not fit: never cut in two. */
    char cut[70];
    memset(cut, 'B', 63);
    memcpy(cut + 63, "\xc3\xa9x", 4);
    s = save_safe_name(cut);
    assert_int_equal(strlen(s), 63);
    free(s);
}

/* ---- save_report --------------------------------------------------------------------- */

static void test_save_modes(void **state)
{
    (void)state;
    char *root = scratch_dir(), *path = NULL, *err = NULL;
    char *dir = xasprintf("%s/reports/clinic", root);
    mode_t old = umask(0);

    assert_int_equal(save_report(dir, "P-0042", WHEN, "txt", "first\n", 6, &path, &err), 0);
    umask(old);
    assert_null(err);
    char *want = xasprintf("%s/2026-11-25_P-0042.txt", dir);
    assert_string_equal(path, want);
    assert_int_equal(mode_of(path), 0600);
    char *parent = xasprintf("%s/reports", root);
    assert_int_equal(mode_of(parent), 0700);
    assert_int_equal(mode_of(dir), 0700);
    char *content = read_file(path);
    assert_string_equal(content, "first\n");
    char *names = list_dir(dir);
    assert_string_equal(names, "2026-11-25_P-0042.txt");

    free(names);
    free(content);
    free(parent);
    free(want);
    free(path);
    free(dir);
    remove_tree(root);
    free(root);
}

/* Later saves of the same patient on the same day get -2, -3; nothing is overwritten, and a
 * file that was there before (not ours) is left exactly as it was. */
static void test_save_no_overwrite(void **state)
{
    (void)state;
    char *root = scratch_dir(), *path = NULL, *err = NULL;
    char *existing = xasprintf("%s/2026-11-25_P-7.json", root);
    write_file(existing, "someone else's report\n", 0644);

    static const char *const expect[] = {"2026-11-25_P-7-2.json", "2026-11-25_P-7-3.json",
                                         "2026-11-25_P-7-4.json"};
    for (size_t i = 0; i < 3; i++) {
        char data[32];
        snprintf(data, sizeof data, "report %zu\n", i);
        assert_int_equal(save_report(root, "P-7", WHEN, "json", data, strlen(data), &path, &err),
                         0);
        char *want = xasprintf("%s/%s", root, expect[i]);
        assert_string_equal(path, want);
        char *content = read_file(path);
        assert_string_equal(content, data);
        free(content);
        free(want);
        free(path);
    }
    char *content = read_file(existing);
    assert_string_equal(content, "someone else's report\n");
    assert_int_equal(mode_of(existing), 0644);
    char *names = list_dir(root);
    assert_string_equal(names, "2026-11-25_P-7-2.json 2026-11-25_P-7-3.json "
                               "2026-11-25_P-7-4.json 2026-11-25_P-7.json");
    free(names);
    free(content);
    free(existing);
    remove_tree(root);
    free(root);
}

/* A hostile patient id stays a file name inside the report folder. */
static void test_save_traversal(void **state)
{
    (void)state;
    char *root = scratch_dir(), *path = NULL, *err = NULL;
    char *dir = xasprintf("%s/r", root);
    assert_int_equal(save_report(dir, "../../etc/x", WHEN, "txt", "x\n", 2, &path, &err), 0);
    char *want = xasprintf("%s/2026-11-25__._.__etc_x.txt", dir);
    assert_string_equal(path, want);
    char *names = list_dir(root);
    assert_string_equal(names, "r");
    free(names);
    names = list_dir(dir);
    assert_string_equal(names, "2026-11-25__._.__etc_x.txt");
    free(names);
    free(want);
    free(path);
    free(dir);
    remove_tree(root);
    free(root);
}

/* A folder that cannot be created: -1, a message naming it, nothing created. */
static void test_save_cannot_create(void **state)
{
    (void)state;
    char *root = scratch_dir(), *path = NULL, *err = NULL;
    char *file = xasprintf("%s/plain-file", root);
    write_file(file, "not a folder\n", 0600);
    char *dir = xasprintf("%s/reports", file);
    assert_int_equal(save_report(dir, "P-1", WHEN, "txt", "x\n", 2, &path, &err), -1);
    assert_null(path);
    assert_non_null(err);
    assert_non_null(strstr(err, dir));
    free(err);
    err = NULL;
    char *names = list_dir(root);
    assert_string_equal(names, "plain-file");
    free(names);

    /* A read-only folder; root ignores permissions, so only as another user. */
    char *ro = xasprintf("%s/read-only", root);
    assert_int_equal(mkdir(ro, 0500), 0);
    if (geteuid() != 0) {
        assert_int_equal(save_report(ro, "P-1", WHEN, "txt", "x\n", 2, &path, &err), -1);
        assert_non_null(err);
        assert_non_null(strstr(err, ro));
        free(err);
        names = list_dir(ro);
        assert_string_equal(names, "");
        free(names);
    } else {
        print_message("read-only folder case skipped: running as root (the full-disk case "
                      "below covers the write failure)\n");
    }
    free(ro);
    free(dir);
    free(file);
    remove_tree(root);
    free(root);
}

/* Runs fn with writes limited to a few bytes (EFBIG, as on a full disk), even as root. */
static int with_small_fsize(int (*fn)(void *), void *arg)
{
    struct rlimit old, small;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 16;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    int r = fn(arg);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, old_handler);
    return r;
}

struct save_call {
    const char *dir_or_path;
    char *path, *err;
};

static const char big[] = "a report much longer than sixteen bytes, so that writing it fails\n";

static int call_save_report(void *arg)
{
    struct save_call *c = arg;
    return save_report(c->dir_or_path, "P-1", WHEN, "txt", big, sizeof big - 1, &c->path, &c->err);
}

static int call_save_atomic(void *arg)
{
    struct save_call *c = arg;
    return save_atomic(c->dir_or_path, big, sizeof big - 1, &c->err);
}

/* A write that fails half-way leaves neither the report nor a temporary file. */
static void test_save_write_failure(void **state)
{
    (void)state;
    char *root = scratch_dir();
    struct save_call c = {.dir_or_path = root};
    assert_int_equal(with_small_fsize(call_save_report, &c), -1);
    assert_null(c.path);
    assert_non_null(c.err);
    assert_non_null(strstr(c.err, root));
    free(c.err);
    char *names = list_dir(root);
    assert_string_equal(names, "");
    free(names);
    remove_tree(root);
    free(root);
}

/* ---- save_atomic (answer -o) --------------------------------------------------------- */

static void test_atomic(void **state)
{
    (void)state;
    char *root = scratch_dir(), *err = NULL;
    char *path = xasprintf("%s/out.txt", root);
    mode_t old = umask(0);

    assert_int_equal(save_atomic(path, "one\n", 4, &err), 0);
    assert_null(err);
    assert_int_equal(mode_of(path), 0600);
    char *content = read_file(path);
    assert_string_equal(content, "one\n");
    free(content);

    /* Replacing is the caller's explicit choice; the new file is 0600 too. */
    write_file(path, "old and readable\n", 0644);
    assert_int_equal(save_atomic(path, "two\n", 4, &err), 0);
    umask(old);
    assert_int_equal(mode_of(path), 0600);
    content = read_file(path);
    assert_string_equal(content, "two\n");
    free(content);
    char *names = list_dir(root);
    assert_string_equal(names, "out.txt");
    free(names);

    /* A failed write leaves the old file whole and no temporary file. */
    struct save_call c = {.dir_or_path = path};
    assert_int_equal(with_small_fsize(call_save_atomic, &c), -1);
    assert_non_null(c.err);
    assert_non_null(strstr(c.err, path));
    free(c.err);
    content = read_file(path);
    assert_string_equal(content, "two\n");
    free(content);
    names = list_dir(root);
    assert_string_equal(names, "out.txt");
    free(names);

    /* No folder, or no file name: -1 with the path in the message. */
    char *missing = xasprintf("%s/no/such/out.txt", root);
    assert_int_equal(save_atomic(missing, "x", 1, &err), -1);
    assert_non_null(strstr(err, missing));
    free(err);
    char *slash = xasprintf("%s/", root);
    assert_int_equal(save_atomic(slash, "x", 1, &err), -1);
    assert_non_null(err);
    free(err);
    /* An existing folder of that name is not replaced. */
    char *sub = xasprintf("%s/sub", root);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(save_atomic(sub, "x", 1, &err), -1);
    assert_non_null(err);
    free(err);
    names = list_dir(root);
    assert_string_equal(names, "out.txt sub");
    free(names);

    free(sub);
    free(slash);
    free(missing);
    free(path);
    remove_tree(root);
    free(root);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_safe_name),
        cmocka_unit_test(test_save_modes),
        cmocka_unit_test(test_save_no_overwrite),
        cmocka_unit_test(test_save_traversal),
        cmocka_unit_test(test_save_cannot_create),
        cmocka_unit_test(test_save_write_failure),
        cmocka_unit_test(test_atomic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
