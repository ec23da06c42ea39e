/* journal_files.c - where the journals of unfinished screenings live: one folder per
 * questionnaire, one file per patient, so that several screenings wait side by side. */
#include "journal.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "save.h"
#include "xalloc.h"

char *journal_path(const char *dir, const char *patient, long long started)
{
    if (!patient || !*patient)
        return xasprintf("%s/anonymous-%lld.journal", dir, started);
    char *safe = save_safe_name(patient);
    char *path = xasprintf("%s/%s.journal", dir, safe);
    free(safe);
    return path;
}

static int journal_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Anything named like a journal but a folder: a symbolic link or another odd file is listed
 * too, so that reading it refuses it by name (journal_load) rather than passing it over. */
static bool journal_is_file(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

size_t journal_list(const char *dir, char ***paths)
{
    size_t n = 0, cap = 8;
    char **list = xcalloc(cap + 1, sizeof *list);
    char *legacy = xasprintf("%s.journal", dir);
    if (journal_is_file(legacy))
        list[n++] = legacy;
    else
        free(legacy);
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        /* *.journal, never the temporary files a journal is written to first. */
        if (len <= 8 || e->d_name[0] == '.' || strcmp(e->d_name + len - 8, ".journal") != 0)
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        if (!journal_is_file(path)) {
            free(path);
            continue;
        }
        if (n == cap) {
            cap *= 2;
            list = xreallocarray(list, cap + 1, sizeof *list);
        }
        list[n++] = path;
        list[n] = NULL;
    }
    if (d)
        closedir(d);
    qsort(list, n, sizeof *list, journal_name_cmp);
    *paths = list;
    return n;
}

void journal_list_free(char **paths)
{
    for (size_t i = 0; paths && paths[i]; i++)
        free(paths[i]);
    free(paths);
}
