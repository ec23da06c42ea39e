/* paper_flow.c - blocks of lines cut into headed pages, and those pages as text: one layout
 * that the text report prints and the PDF module typesets. */
#include "paper_flow.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Lines a page holds below its header. */
#define PAPER_BODY (PAPER_LINES - PAPER_HEADER)

void paper_flow_block(struct paper_flow *f, bool new_page)
{
    f->block = xreallocarray(f->block, f->n + 1, sizeof *f->block);
    f->block[f->n++] = (struct paper_block){.line = NULL, .n = 0, .new_page = new_page};
}

void paper_flow_line(struct paper_flow *f, enum paper_kind kind, const char *text)
{
    if (f->n == 0)
        paper_flow_block(f, false);
    if (!text)
        text = "";
    size_t limit = kind == PAPER_BOX ? PAPER_BOX_INNER : PAPER_WIDTH;
    if ((unsigned)kind >= PAPER_KIND_COUNT || utf8_width(text) > limit || strchr(text, '\n') ||
        strchr(text, '\f'))
        xdie("paper_flow_line: line does not fit: '%s'", text);
    struct paper_block *b = &f->block[f->n - 1];
    b->line = xreallocarray(b->line, b->n + 1, sizeof *b->line);
    b->line[b->n++] = (struct paper_line){.kind = kind, .text = xstrdup(text)};
}

size_t paper_flow_lines(const struct paper_flow *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += f->block[i].n;
    return n;
}

void paper_flow_free(struct paper_flow *f)
{
    for (size_t i = 0; i < f->n; i++) {
        for (size_t k = 0; k < f->block[i].n; k++)
            free(f->block[i].line[k].text);
        free(f->block[i].line);
    }
    free(f->block);
    f->block = NULL;
    f->n = 0;
}

char *paper_fit(const char *s, size_t width)
{
    if (utf8_width(s) <= width)
        return xstrdup(s);
    /* Keep whole characters while they and the "..." fit. */
    size_t len = strlen(s), used = 0, end = 0;
    while (end < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + end, len - end, &cp);
        size_t w = n ? (size_t)utf8_cp_width(cp) : 1;
        if (n == 0)
            n = 1;
        if (used + w + 3 > width)
            break;
        used += w;
        end += n;
    }
    char *cut = xstrndup(s, end);
    char *out = xasprintf("%s...", cut);
    free(cut);
    return out;
}

/* --- Pages ---------------------------------------------------------------------------- */

static void paper_page_add(struct paper_page *p, enum paper_kind kind, char *text)
{
    p->line = xreallocarray(p->line, p->n + 1, sizeof *p->line);
    p->line[p->n++] = (struct paper_line){.kind = kind, .text = text};
}

static struct paper_page *paper_new_page(struct paper_doc *d)
{
    d->page = xreallocarray(d->page, d->n_pages + 1, sizeof *d->page);
    d->page[d->n_pages] = (struct paper_page){NULL, 0};
    return &d->page[d->n_pages++];
}

/* "left ... right" on one line of PAPER_WIDTH columns; left is cut to make room. */
static char *paper_two_sides(const char *left, const char *right)
{
    size_t rw = utf8_width(right);
    char *l = paper_fit(left, rw + 2 < PAPER_WIDTH ? PAPER_WIDTH - rw - 2 : 0);
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, l);
    size_t lw = utf8_width(l);
    strbuf_repeat(&b, ' ', PAPER_WIDTH > lw + rw ? PAPER_WIDTH - lw - rw : 1);
    strbuf_puts(&b, right);
    free(l);
    return strbuf_release(&b, NULL);
}

/* Puts the header lines in front of every page's body. */
static void paper_head_pages(struct paper_doc *d, const struct paper_head *h)
{
    for (size_t i = 0; i < d->n_pages; i++) {
        struct paper_page *p = &d->page[i];
        struct paper_line *body = p->line;
        size_t n = p->n;
        char *pages = xasprintf("%s %zu %s %zu", h->page, i + 1, h->of, d->n_pages);
        p->line = NULL;
        p->n = 0;
        paper_page_add(p, PAPER_HEADING, paper_two_sides(h->left1, pages));
        paper_page_add(p, PAPER_TEXT, paper_two_sides(h->left2, h->right2));
        paper_page_add(p, PAPER_RULE, xstrdup(""));
        p->line = xreallocarray(p->line, PAPER_HEADER + n, sizeof *p->line);
        memcpy(p->line + PAPER_HEADER, body, n * sizeof *body);
        p->n = PAPER_HEADER + n;
        free(body);
        free(pages);
    }
}

struct paper_doc *paper_paginate(struct paper_flow *f, const struct paper_head *h,
                                 const char *title, const char *language, time_t when)
{
    struct paper_doc *d = xcalloc(1, sizeof *d);
    struct paper_page *p = paper_new_page(d);

    for (size_t i = 0; i < f->n; i++) {
        struct paper_block *b = &f->block[i];
        bool fits = p->n + b->n <= PAPER_BODY;
        /* A block that fits on a page of its own moves to the next page whole. */
        if (p->n > 0 && (b->new_page || (!fits && b->n <= PAPER_BODY)))
            p = paper_new_page(d);
        for (size_t k = 0; k < b->n; k++) {
            struct paper_line *l = &b->line[k];
            if (p->n == PAPER_BODY)
                p = paper_new_page(d);
            if (p->n == 0 && l->kind == PAPER_TEXT && l->text[0] == '\0') {
                free(l->text); /* no blank line at the top of a page */
                continue;
            }
            paper_page_add(p, l->kind, l->text);
        }
        free(b->line);
    }
    free(f->block);
    f->block = NULL;
    f->n = 0;

    paper_head_pages(d, h);
    d->title = xstrdup(title);
    d->language = xstrdup(language);
    d->when = when;
    return d;
}

char *paper_text(const struct paper_doc *d, size_t *len)
{
    struct strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < d->n_pages; i++) {
        if (i > 0)
            strbuf_puts(&b, "\f");
        for (size_t k = 0; k < d->page[i].n; k++) {
            const struct paper_line *l = &d->page[i].line[k];
            switch (l->kind) {
            case PAPER_RULE:
                strbuf_repeat(&b, '-', PAPER_WIDTH);
                break;
            case PAPER_BOX_EDGE:
                strbuf_repeat(&b, '#', PAPER_WIDTH);
                break;
            case PAPER_BOX: {
                size_t w = utf8_width(l->text);
                strbuf_puts(&b, "#  ");
                strbuf_puts(&b, l->text);
                strbuf_repeat(&b, ' ', PAPER_BOX_INNER - w);
                strbuf_puts(&b, "  #");
                break;
            }
            case PAPER_TEXT:
            case PAPER_HEADING:
            case PAPER_KIND_COUNT:
                strbuf_puts(&b, l->text);
                break;
            }
            strbuf_puts(&b, "\n");
        }
    }
    return strbuf_release(&b, len);
}

void paper_doc_free(struct paper_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_pages; i++) {
        for (size_t k = 0; k < d->page[i].n; k++)
            free(d->page[i].line[k].text);
        free(d->page[i].line);
    }
    free(d->page);
    free(d->title);
    free(d->language);
    free(d);
}
