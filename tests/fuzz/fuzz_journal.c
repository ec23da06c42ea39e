/* fuzz_journal.c - libFuzzer target: the journal parser on any bytes must return a journal or
 * a FILE:LINE:COL error, never crash, leak or read out of bounds; a parsed journal replays
 * into a walk over the built-in questionnaire without trouble. Each input is parsed twice: as
 * it is (frames, torn and damaged records), and with its lines framed as the writer frames
 * them, so that the record payloads behind a CRC-32 are fuzzed too. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "builtin.h"
#include "journal.h"
#include "journal_record.h"
#include "loader.h"
#include "validator.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct questionnaire *fuzz_questionnaire(void)
{
    static struct questionnaire *q;
    if (!q) {
        struct diags d = DIAGS_INIT;
        if (loader_load_buffer(BUILTIN_NAME, builtin_yaml, builtin_yaml_len, &d, &q) != LOAD_OK ||
            !validator_check(q, &d))
            abort();
        diags_clear(&d);
    }
    return q;
}

static void parse_and_replay(const char *data, size_t size)
{
    struct journal_data *d = NULL;
    char *err = NULL;
    if (journal_parse("fuzz", data, size, &d, &err) != 0) {
        if (!err)
            abort(); /* a failure always says why */
        free(err);
        return;
    }
    struct walk *w = walk_new(fuzz_questionnaire());
    (void)journal_replay(d, w);
    walk_free(w);
    journal_data_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parse_and_replay((const char *)data, size);
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "mesoscreen-journal 2\n");
    journal_frame(&b, (const char *)data, size);
    size_t len = 0;
    char *framed = strbuf_release(&b, &len);
    parse_and_replay(framed, len);
    free(framed);
    return 0;
}
