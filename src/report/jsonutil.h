/* jsonutil.h - jansson with the project's error channels: out of memory dies, strings are
 * made valid UTF-8 first, and a document is dumped the one way every report is dumped. */
#ifndef MESOSCREEN_JSONUTIL_H
#define MESOSCREEN_JSONUTIL_H

#include <jansson.h>
#include <stddef.h>

/* New JSON values with one reference the caller owns (or hands on with jsonutil_set or
 * jsonutil_append). Out of memory dies (xdie), so none returns NULL. */
json_t *jsonutil_object(void);
json_t *jsonutil_array(void);
/* A JSON string of s (invalid UTF-8 replaced by U+FFFD); json null for NULL. */
json_t *jsonutil_string(const char *s);
/* A JSON integer (a new reference, as above). */
json_t *jsonutil_integer(long long v);

/* Sets obj[key] / appends to arr, taking the reference to val (the _new semantics). */
void jsonutil_set(json_t *obj, const char *key, json_t *val);
void jsonutil_append(json_t *arr, json_t *val);

/* The document as 2-space-indented JSON, keys in insertion order, with a trailing newline.
 * Returns a NUL-terminated buffer the caller frees, its length in *len; releases root. */
char *jsonutil_dump(json_t *root, size_t *len);

#endif
