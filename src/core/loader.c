/* loader.c - PLACEHOLDER until the loader lands. */
#include "loader.h"

enum load_status loader_load_buffer(const char *name, const char *buf, size_t len, struct diags *d,
                                    struct questionnaire **out)
{
    (void)buf;
    (void)len;
    *out = NULL;
    diags_add(d, DIAG_ERROR, name, 0, 0, "the loader is not implemented yet");
    return LOAD_BAD_DATA;
}

enum load_status loader_load_file(const char *path, struct diags *d, struct questionnaire **out)
{
    return loader_load_buffer(path, "", 0, d, out);
}
