/* test_file.c - the bounded whole-file reader: a file read whole and NUL-terminated, and
 * each way it cannot be (missing, a directory, over the bound by its size or by its stream). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "file.h"
#include "xalloc.h"

/* A new file in the build tree holding `text`; the caller unlinks and frees the path. */
static char *make_file(const char *text)
{
    char *path = xstrdup(TEST_BINARY_DIR "/file-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static void test_whole(void **state)
{
    (void)state;
    char *path = make_file("abc");
    size_t len = 99;
    struct file_error err;
    char *buf = file_read(path, 3, &len, &err); /* exactly the bound is fine */
    assert_non_null(buf);
    assert_int_equal(len, 3);
    assert_string_equal(buf, "abc");
    free(buf);
    unlink(path);
    free(path);

    path = make_file("");
    buf = file_read(path, 10, &len, &err);
    assert_non_null(buf);
    assert_int_equal(len, 0);
    assert_string_equal(buf, "");
    free(buf);
    unlink(path);
    free(path);
}

static void test_problems(void **state)
{
    (void)state;
    size_t len = 0;
    struct file_error err;
    assert_null(file_read(TEST_BINARY_DIR "/no-such-file", 10, &len, &err));
    assert_int_equal(err.problem, FILE_CANNOT_OPEN);
    assert_string_equal(strerror(err.errnum), strerror(ENOENT));

    assert_null(file_read(TEST_BINARY_DIR, 10, &len, &err));
    assert_int_equal(err.problem, FILE_CANNOT_READ);
    assert_string_equal(strerror(err.errnum), strerror(EISDIR));

    char *path = make_file("0123456789");
    assert_null(file_read(path, 9, &len, &err));
    assert_int_equal(err.problem, FILE_TOO_LARGE);
    assert_int_equal(err.size, 10); /* a regular file: its size, known before reading */
    unlink(path);
    free(path);
}

static void test_stream_over_bound(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], "0123456789", 10), 10);
    close(fds[1]);
    size_t len = 0;
    struct file_error err;
    assert_null(file_read_fd(fds[0], 4, &len, &err));
    assert_int_equal(err.problem, FILE_TOO_LARGE);
    assert_int_equal(err.size, 5); /* read one byte past the bound, no further */
    close(fds[0]);

    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], "01234", 5), 5);
    close(fds[1]);
    char *buf = file_read_fd(fds[0], 5, &len, &err);
    assert_non_null(buf);
    assert_int_equal(len, 5);
    assert_string_equal(buf, "01234");
    free(buf);
    close(fds[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole),
        cmocka_unit_test(test_problems),
        cmocka_unit_test(test_stream_over_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
