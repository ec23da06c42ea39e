/* file.c - one bounded reader for every file the program reads whole. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

char *file_read_fd(int fd, size_t max_bytes, size_t *len, struct file_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = (struct file_error){.problem = FILE_CANNOT_READ, .errnum = errno};
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = (struct file_error){.problem = FILE_CANNOT_READ, .errnum = EISDIR};
        return NULL;
    }
    /* A regular file's size is known; anything else (a pipe) is read up to the bound. */
    uintmax_t size = S_ISREG(st.st_mode) && st.st_size > 0 ? (uintmax_t)st.st_size : 0;
    if (size > max_bytes) {
        *err = (struct file_error){.problem = FILE_TOO_LARGE, .size = size};
        return NULL;
    }
    size_t cap = size > 0 ? (size_t)size + 1 : 65536;
    char *buf = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
        size_t want = cap - n;
        if (n <= max_bytes && want > max_bytes + 1 - n)
            want = max_bytes + 1 - n; /* one byte past the bound tells "too large" */
        ssize_t r = read(fd, buf + n, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            *err = (struct file_error){.problem = FILE_CANNOT_READ, .errnum = errno};
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max_bytes) {
            *err = (struct file_error){.problem = FILE_TOO_LARGE, .size = n};
            free(buf);
            return NULL;
        }
    }
    if (n == cap)
        buf = xreallocarray(buf, cap + 1, 1);
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *file_read(const char *path, size_t max_bytes, size_t *len, struct file_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = (struct file_error){.problem = FILE_CANNOT_OPEN, .errnum = errno};
        return NULL;
    }
    char *buf = file_read_fd(fd, max_bytes, len, err);
    close(fd);
    return buf;
}

void file_error_add(struct diags *d, const char *path, const struct file_error *err)
{
    diags_add(d, DIAG_ERROR, path, 0, 0, "cannot %s: %s",
              err->problem == FILE_CANNOT_OPEN ? "open" : "read", strerror(err->errnum));
}
