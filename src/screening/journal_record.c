/* journal_record.c - framing journal lines with their length and checksum, and reading one
 * framed line back (bytes from disk: bounded, never trusted). */
#include "journal_record.h"

#include <stdbool.h>
#include <string.h>

uint32_t journal_crc32(const char *s, size_t n)
{
    static uint32_t table[256];
    static bool ready;
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = true;
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ (unsigned char)s[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void journal_frame(struct strbuf *out, const char *lines, size_t n)
{
    for (size_t pos = 0; pos < n;) {
        const char *nl = memchr(lines + pos, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - (lines + pos)) : n - pos;
        strbuf_printf(out, "%zu %08x ", len, (unsigned)journal_crc32(lines + pos, len));
        strbuf_add(out, lines + pos, len);
        strbuf_puts(out, "\n");
        pos += len + 1;
    }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

enum journal_record_status journal_record_read(const char *buf, size_t len, size_t pos,
                                               const char **payload, size_t *payload_len,
                                               size_t *next, size_t *col, const char **why)
{
    const char *line = buf + pos;
    const char *nl = memchr(line, '\n', len - pos);
    if (!nl)
        return RECORD_TORN;
    size_t n = (size_t)(nl - line), i = 0, want = 0;
    *col = 0;
    /* The length: decimal digits, no leading zero; never more than the line holds (which
     * also keeps the arithmetic far from overflowing). */
    for (; i < n && line[i] >= '0' && line[i] <= '9' && want <= n; i++)
        want = want * 10 + (size_t)(line[i] - '0');
    if (i == 0 || (line[0] == '0' && i > 1)) {
        *why = "expected a record: its length, its CRC-32 and its text";
        return RECORD_BAD;
    }
    if (i >= n || line[i] != ' ') {
        *col = i;
        *why = "expected a space after the record length";
        return RECORD_BAD;
    }
    i++;
    uint32_t crc = 0;
    for (size_t k = 0; k < 8; k++, i++) {
        int d = i < n ? hex_digit(line[i]) : -1;
        if (d < 0) {
            *col = i;
            *why = "expected the record's CRC-32 as 8 lowercase hexadecimal digits";
            return RECORD_BAD;
        }
        crc = crc << 4 | (uint32_t)d;
    }
    if (i >= n || line[i] != ' ') {
        *col = i;
        *why = "expected a space after the record's CRC-32";
        return RECORD_BAD;
    }
    i++;
    if (n - i != want) {
        *col = i;
        *why = "the record's length does not match its text (a write cut short, or two run "
               "together)";
        return RECORD_BAD;
    }
    if (journal_crc32(line + i, want) != crc) {
        *col = i;
        *why = "the record's CRC-32 does not match its text (damaged)";
        return RECORD_BAD;
    }
    *payload = line + i;
    *payload_len = want;
    *next = pos + n + 1;
    return RECORD_OK;
}
