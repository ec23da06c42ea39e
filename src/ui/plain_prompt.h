/* plain_prompt.h - what the plain prompts' files share (plain.c asks the questions,
 * plain_start.c the start): the prompt state and reading and printing a line. Private to
 * src/ui. */
#ifndef MESOSCREEN_PLAIN_PROMPT_H
#define MESOSCREEN_PLAIN_PROMPT_H

#include <stdbool.h>
#include <stdio.h>

#include "session.h"
#include "words.h"

enum input { INPUT_LINE, INPUT_EOF };

struct plain {
    struct session *s;
    FILE *in, *out;
    char *line; /* the last line read, without its newline */
    size_t cap;
    bool echo; /* input is not a terminal: echo each answer so the transcript reads well */
};

/* Reads a line into p->line (echoed when input is not a terminal). */
enum input plain_read(struct plain *p);
/* Prints questionnaire or user text with every control character made visible. */
void plain_text(struct plain *p, const char *s);
/* Prints the interface word w, {1} and {2} replaced by a and b (NULL: none), escaped. */
void plain_say(struct plain *p, enum word w, const char *a, const char *b);

/* The start: the unfinished screenings (one resumed, some discarded after a question naming
 * the patient, or none), then the start fields the options left open, and the screening
 * begun. Returns 0 to ask the questions, -1 at end of input, -2 on a journal error, -3 when
 * the patient typed is being screened by another program (s->busy). */
int plain_start(struct plain *p);

#endif
