/* fuzz.h - the one function every fuzz target (tests/fuzz/fuzz_<name>.c) defines. libFuzzer
 * calls it with each input; replay_main.c calls it with each file of a corpus. */
#ifndef MESOSCREEN_FUZZ_H
#define MESOSCREEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs the code under test on data[0..size). Must return 0, never crash, leak or hang, and
 * must not keep state between calls. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
