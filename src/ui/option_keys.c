/* option_keys.c - which key picks which offered answer: one rule for the screens and the
 * plain prompts, so that the key shown beside an answer is always the key that picks it. */
#include "option_keys.h"

#include <stdbool.h>
#include <string.h>
#include <wctype.h>

#include "flow.h"
#include "strbuf.h"
#include "words.h"

static const char english_yesno[YESNO_COUNT] = {'y', 'n', 'u'};
static const enum word yesno_key_words[YESNO_COUNT] = {W_KEY_YES, W_KEY_NO, W_KEY_UNKNOWN};

/* The language's letter for yes/no/unknown i: its label's first character when that is a
 * lower-case ASCII letter other than q, else the English one. */
static char yesno_letter(const struct session *s, int i)
{
    const char *w = words_get(s, yesno_key_words[i]);
    return w[0] >= 'a' && w[0] <= 'z' && w[0] != 'q' && !w[1] ? w[0] : english_yesno[i];
}

/* Whether every offered option of qi declares a key and no two offered ones share it. */
static bool declared_keys_usable(const struct session *s, size_t qi)
{
    const struct question *qn = &s->q->questions[qi];
    for (size_t i = 0; i < qn->n_options; i++) {
        if (!walk_option_offered(s->w, qi, i))
            continue;
        if (!qn->options[i].key)
            return false;
        for (size_t j = 0; j < i; j++)
            if (walk_option_offered(s->w, qi, j) &&
                strcmp(qn->options[j].key, qn->options[i].key) == 0)
                return false;
    }
    return qn->n_options > 0;
}

wint_t option_keys_key(const struct session *s, size_t qi, size_t pos)
{
    const struct question *qn = &s->q->questions[qi];
    int i = flow_offered_option(s->w, qi, pos);
    if (i < 0)
        return 0;
    if (qn->type == QTYPE_YESNO)
        return (wint_t)yesno_letter(s, i);
    if (declared_keys_usable(s, qi))
        return (wint_t)(unsigned char)qn->options[i].key[0];
    return pos < 9 ? (wint_t)('1' + pos) : 0;
}

int option_keys_option(const struct session *s, size_t qi, wint_t k)
{
    const struct question *qn = &s->q->questions[qi];
    if (k < 0x80)
        k = (wint_t)towlower(k);
    for (size_t pos = 0; flow_offered_option(s->w, qi, pos) >= 0; pos++)
        if (option_keys_key(s, qi, pos) == k)
            return flow_offered_option(s->w, qi, pos);
    if (qn->type == QTYPE_YESNO)
        for (int i = 0; i < YESNO_COUNT; i++) {
            bool taken = false;
            for (int j = 0; j < YESNO_COUNT; j++)
                taken |= j != i && yesno_letter(s, j) == english_yesno[i];
            if (!taken && k == (wint_t)english_yesno[i])
                return i;
        }
    return -1;
}

char *option_keys_summary(const struct session *s, size_t qi)
{
    struct strbuf b = {0};
    wint_t run_first = 0, prev = 0;
    for (size_t pos = 0;; pos++) {
        wint_t k = flow_offered_option(s->w, qi, pos) >= 0 ? option_keys_key(s, qi, pos) : 0;
        bool digit = k >= '0' && k <= '9';
        if (run_first && digit && k == prev + 1) {
            prev = k;
            continue;
        }
        if (run_first) { /* close the run of digits run_first..prev */
            strbuf_printf(&b, "%s%c", b.len ? "," : "", (char)run_first);
            if (prev != run_first)
                strbuf_printf(&b, "%s%c", prev == run_first + 1 ? "," : "-", (char)prev);
            run_first = 0;
        }
        if (!k && flow_offered_option(s->w, qi, pos) < 0)
            break;
        if (digit) {
            run_first = prev = k;
        } else if (k) {
            strbuf_printf(&b, "%s%c", b.len ? "," : "", (char)k);
        }
    }
    return strbuf_release(&b, NULL);
}
