/* jsonutil.c - thin wrappers over jansson: every allocation checked, every string valid
 * UTF-8, one output style (2-space indent, stable key order, trailing newline). */
#include "jsonutil.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static json_t *jsonutil_check(json_t *v)
{
    if (!v)
        xdie("out of memory (json)");
    return v;
}

json_t *jsonutil_object(void)
{
    return jsonutil_check(json_object());
}

json_t *jsonutil_array(void)
{
    return jsonutil_check(json_array());
}

json_t *jsonutil_string(const char *s)
{
    if (!s)
        return jsonutil_check(json_null());
    char *valid = utf8_sanitize(s);
    json_t *v = jsonutil_check(json_string(valid));
    free(valid);
    return v;
}

json_t *jsonutil_integer(long long v)
{
    return jsonutil_check(json_integer((json_int_t)v));
}

void jsonutil_set(json_t *obj, const char *key, json_t *val)
{
    if (json_object_set_new(obj, key, val) != 0)
        xdie("out of memory (json object)");
}

void jsonutil_append(json_t *arr, json_t *val)
{
    if (json_array_append_new(arr, val) != 0)
        xdie("out of memory (json array)");
}

char *jsonutil_dump(json_t *root, size_t *len)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text)
        xdie("out of memory (json dump)");
    size_t n = strlen(text);
    char *out = xmalloc(n + 2);
    memcpy(out, text, n);
    out[n] = '\n';
    out[n + 1] = '\0';
    free(text);
    *len = n + 1;
    return out;
}
