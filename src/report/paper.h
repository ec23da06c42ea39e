/* paper.h - a report laid out for paper: pages of at most PAPER_LINES lines of at most
 * PAPER_WIDTH columns, each line tagged with what it is, so that the text report and the PDF
 * typeset exactly the same pages. Plain data: the PDF module reads it without linking us. */
#ifndef MESOSCREEN_PAPER_H
#define MESOSCREEN_PAPER_H

#include <stddef.h>
#include <time.h>

#define PAPER_WIDTH     80                /* columns of a line, everywhere */
#define PAPER_LINES     60                /* lines of a page, its header included */
#define PAPER_HEADER    3                 /* the page header: two lines and a rule */
#define PAPER_BOX_INNER (PAPER_WIDTH - 6) /* the verdict box: "#  " text "  #" */

/* What a line is: text prints it as shown; the PDF draws edges and rules, and sets headings
 * and the box in bold. */
enum paper_kind {
    PAPER_TEXT,     /* ordinary text (may be empty: a blank line) */
    PAPER_HEADING,  /* a heading */
    PAPER_RULE,     /* a horizontal rule; no text */
    PAPER_BOX_EDGE, /* the top or bottom edge of the verdict box; no text */
    PAPER_BOX,      /* a line inside the verdict box: text of at most PAPER_BOX_INNER columns */
    PAPER_KIND_COUNT
};

struct paper_line {
    enum paper_kind kind;
    char *text; /* owned; "" for lines without text */
};

struct paper_page {
    struct paper_line *line;
    size_t n;
};

struct paper_doc {
    struct paper_page *page;
    size_t n_pages;
    char *title;    /* document title for the PDF's metadata; owned */
    char *language; /* the report's language code ("en"); owned */
    time_t when;    /* the report's time: the PDF's creation date */
};

#endif
