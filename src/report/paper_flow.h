/* paper_flow.h - laying a report out on paper: its content is written as blocks of lines
 * (a block stays on one page when it can), then cut into pages of PAPER_LINES lines, each
 * headed by the same identification and "Page N of M". Private to src/report. */
#ifndef MESOSCREEN_PAPER_FLOW_H
#define MESOSCREEN_PAPER_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "paper.h"

/* A run of lines kept together on one page unless it is longer than a page. */
struct paper_block {
    struct paper_line *line;
    size_t n;
    bool new_page; /* starts a new page */
};

/* The blocks of a report, in order; the last one is the block being written. */
struct paper_flow {
    struct paper_block *block;
    size_t n;
};

#define PAPER_FLOW_INIT                                                                            \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

/* Starts a new block; `new_page` puts it at the top of a new page. */
void paper_flow_block(struct paper_flow *f, bool new_page);
/* Appends a line of `kind` to the current block (starting one if there is none). text is
 * copied (NULL for none); it must already fit: PAPER_WIDTH columns, PAPER_BOX_INNER in the
 * box (dies otherwise: the layout code's bug). */
void paper_flow_line(struct paper_flow *f, enum paper_kind kind, const char *text);
/* Lines in the flow. */
size_t paper_flow_lines(const struct paper_flow *f);
void paper_flow_free(struct paper_flow *f);

/* What heads every page: `left1` and `left2` are the two lines' left parts (cut with "..."
 * when too long), `right2` is the second line's right part; the first line's right part is
 * "<page> N <of> M". Borrowed strings. */
struct paper_head {
    const char *left1, *left2, *right2;
    const char *page, *of;
};

/* Cuts the flow into pages (emptying it) and heads each page. Blank lines at the top of a
 * page are dropped. The caller frees the result with paper_doc_free; title and language are
 * copied. */
struct paper_doc *paper_paginate(struct paper_flow *f, const struct paper_head *h,
                                 const char *title, const char *language, time_t when);

/* The pages as UTF-8 text: lines end in "\n", a form feed starts every page after the first,
 * rules are dashes and the box is drawn with '#'. The caller frees it; its length in *len. */
char *paper_text(const struct paper_doc *d, size_t *len);

void paper_doc_free(struct paper_doc *d);

/* The prefix of s that fits `width` columns, with "..." at the end when cut. Caller frees. */
char *paper_fit(const char *s, size_t width);

#endif
