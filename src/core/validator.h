/* validator.h - resolves a loaded questionnaire's references and checks it as a whole:
 * ids, references, condition types, order, cycles, reachability and verdict coverage. */
#ifndef MESOSCREEN_VALIDATOR_H
#define MESOSCREEN_VALIDATOR_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Resolves every reference (cond.ref_index, cond.values[].index, raise.*_index) and appends
 * every error and warning to d. Returns true, and sets q->resolved, when there is no error:
 * only then may the walk, rules or reports use q. */
bool validator_check(struct questionnaire *q, struct diags *d);

/* The bound on the states the path analysis of q may explore: PATHS_DEFAULT_BUDGET, or more
 * for a questionnaire large enough to need it (a number per question). */
size_t validator_paths_budget(const struct questionnaire *q);

#endif
