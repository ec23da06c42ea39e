/* question_input.h - the question screen's typed answers (number and text questions): the
 * draw / key pair of each, used by screen_question.c's table of question types. */
#ifndef MESOSCREEN_QUESTION_INPUT_H
#define MESOSCREEN_QUESTION_INPUT_H

#include "screen.h"

/* Draw the answer area from line y (rows lines available); key handles one keystroke. */
void question_input_number_draw(const struct ui *u, int y, int rows);
enum action question_input_number_key(struct ui *u, struct key k);
void question_input_text_draw(const struct ui *u, int y, int rows);
enum action question_input_text_key(struct ui *u, struct key k);

#endif
