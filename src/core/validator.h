/* validator.h - resolves a loaded questionnaire's references and checks it as a whole:
 * ids, references, condition types, order, cycles, reachability and verdict coverage. */
#ifndef MESOSCREEN_VALIDATOR_H
#define MESOSCREEN_VALIDATOR_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* Resolves every reference (cond.ref_index, cond.value_index, raise.*_index) and appends
 * every error and warning to d. Returns true, and sets q->resolved, when there is no error:
 * only then may the walk, rules or reports use q. */
bool validator_check(struct questionnaire *q, struct diags *d);

#endif
