/* flow.c - the order of screens through a walk, shared by the plain prompts and the screens,
 * and the numbering of offered options (only offered options get a number key). */
#include "flow.h"

#include "model.h"

int flow_after_answer(const struct walk *w, int current, bool stepping)
{
    int next = walk_next(w);
    if (!stepping || current < 0)
        return next;
    int after = walk_after(w, (size_t)current);
    if (after >= 0 && (next < 0 || after < next))
        return after;
    return next;
}

int flow_offered_option(const struct walk *w, size_t qi, size_t n)
{
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    size_t count = model_option_count(qn);
    for (size_t i = 0; i < count; i++) {
        if (!walk_option_offered(w, qi, i))
            continue;
        if (n-- == 0)
            return (int)i;
    }
    return -1;
}

int flow_offered_position(const struct walk *w, size_t qi, size_t option)
{
    int pos = 0;
    for (size_t i = 0; i < option; i++)
        pos += walk_option_offered(w, qi, i);
    return walk_option_offered(w, qi, option) ? pos : -1;
}
