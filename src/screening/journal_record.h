/* journal_record.h - how one journal line is framed on disk, so that a record cut short (a full
 * disk, a crash) is told from a whole one and never read as part of the next:
 *
 *     LENGTH CRC32 PAYLOAD\n
 *
 * LENGTH is the payload's size in bytes (decimal, no leading zero), CRC32 the CRC-32 (IEEE
 * 802.3, as zlib computes it) of the payload in eight lowercase hexadecimal digits. The
 * payload is one line of journal.h's record vocabulary, without its '\n'. Private to the
 * journal (journal.c). */
#ifndef MESOSCREEN_JOURNAL_RECORD_H
#define MESOSCREEN_JOURNAL_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* The CRC-32 of s[0..n). */
uint32_t journal_crc32(const char *s, size_t n);

/* Appends to out, framed, every '\n'-ended line of lines[0..n) (a last line without '\n' is
 * framed as if it had one). */
void journal_frame(struct strbuf *out, const char *lines, size_t n);

enum journal_record_status {
    RECORD_OK,   /* *payload, *payload_len hold the record; *next is the offset after it */
    RECORD_TORN, /* the bytes end inside a record (no '\n'): a write cut short, nothing after */
    RECORD_BAD,  /* a whole line that is no intact record: *col and *why say where and why */
};

/* Reads the record at buf[pos..len). RECORD_BAD's *why is static English; *col is the
 * 0-based column of the problem in the line. */
enum journal_record_status journal_record_read(const char *buf, size_t len, size_t pos,
                                               const char **payload, size_t *payload_len,
                                               size_t *next, size_t *col, const char **why);

#endif
