/* mesoscreen_pdf.c - the PDF module (mesoscreen-pdf.so): typesets the paper report's pages on
 * A4 with cairo and pango, the only code that links them (see module.h and pdf_module.h).
 *
 * Every page is the text report's page on a grid of 80 columns by 60 lines of DejaVu Sans
 * Mono, so the PDF and the text are the same pages; headings and the verdict box are set in
 * bold, the box is drawn as a framed, shaded rectangle and rules as lines. Fonts are embedded
 * (cairo subsets every font it uses); the creation and modification dates are the report's
 * time, so the same report gives the same bytes. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_module.h"

#define A4_WIDTH  595.276 /* points: 210 mm */
#define A4_HEIGHT 841.890 /* 297 mm */
#define FONT_SIZE 10.0
#define LINE_STEP 12.6 /* points from one line to the next: 60 lines take 756 pt */
#define FONT_NAME "DejaVu Sans Mono"

/* The PDF being written, in memory. */
struct pdf_buf {
    unsigned char *data;
    size_t len, cap;
    int failed;
};

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
    struct pdf_buf *b = closure;
    if (b->len + length + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (b->len + length + 1 > cap)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = 1;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

__attribute__((format(printf, 1, 2))) static char *pdf_error(const char *fmt, ...)
{
    va_list ap;
    char buf[256];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

/* The page's geometry: the 80 x 60 grid centred on A4. */
struct pdf_grid {
    double col;       /* width of one column */
    double left, top; /* the grid's top-left corner */
};

/* Measures one column of the font (the grid follows the font actually found). */
static struct pdf_grid pdf_grid(PangoLayout *layout)
{
    struct pdf_grid g;
    PangoRectangle logical;
    pango_layout_set_text(layout, "0000000000", -1);
    pango_layout_get_extents(layout, NULL, &logical);
    g.col = (double)logical.width / PANGO_SCALE / 10.0;
    g.left = (A4_WIDTH - g.col * PAPER_WIDTH) / 2.0;
    g.top = (A4_HEIGHT - LINE_STEP * PAPER_LINES) / 2.0;
    return g;
}

static void pdf_text(cairo_t *cr, PangoLayout *layout, PangoFontDescription *font, bool bold,
                     double x, double y, const char *text)
{
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, text, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

/* The verdict box: from the middle of its top edge line to the middle of its bottom one. */
static void pdf_box(cairo_t *cr, const struct pdf_grid *g, size_t first, size_t last)
{
    double x = g->left + g->col * 0.5, w = g->col * (PAPER_WIDTH - 1);
    double y = g->top + LINE_STEP * ((double)first + 0.5);
    double h = LINE_STEP * (double)(last - first);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgb(cr, 0.90, 0.90, 0.90);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 2.0);
    cairo_stroke(cr);
}

static void pdf_rule(cairo_t *cr, const struct pdf_grid *g, size_t line)
{
    double y = g->top + LINE_STEP * ((double)line + 0.5);
    cairo_move_to(cr, g->left, y);
    cairo_line_to(cr, g->left + g->col * PAPER_WIDTH, y);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
}

static void pdf_page(cairo_t *cr, PangoLayout *layout, PangoFontDescription *font,
                     const struct pdf_grid *g, const struct paper_page *p)
{
    /* Boxes first, so that their text is drawn on top of the shading. */
    for (size_t i = 0, open = 0, in_box = 0; i < p->n; i++) {
        if (p->line[i].kind != PAPER_BOX_EDGE)
            continue;
        if (in_box)
            pdf_box(cr, g, open, i);
        else
            open = i;
        in_box = !in_box;
    }
    for (size_t i = 0; i < p->n; i++) {
        const struct paper_line *l = &p->line[i];
        double y = g->top + LINE_STEP * (double)i;
        switch (l->kind) {
        case PAPER_RULE:
            pdf_rule(cr, g, i);
            break;
        case PAPER_BOX:
            pdf_text(cr, layout, font, true, g->left + g->col * 3, y, l->text);
            break;
        case PAPER_HEADING:
            pdf_text(cr, layout, font, true, g->left, y, l->text);
            break;
        case PAPER_TEXT:
            if (l->text[0])
                pdf_text(cr, layout, font, false, g->left, y, l->text);
            break;
        case PAPER_BOX_EDGE:
        case PAPER_KIND_COUNT:
            break;
        }
    }
}

/* "YYYY-MM-DDThh:mm:ss+hh:mm" in local time: the date format cairo's metadata takes. */
static void pdf_date(time_t t, char out[32])
{
    struct tm tm;
    char z[8] = "+0000";
    out[0] = '\0';
    if (!localtime_r(&t, &tm))
        return;
    strftime(z, sizeof z, "%z", &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, "%.3s:%.2s", z, z + 3);
}

static char *pdf_render(const struct paper_doc *d, size_t *len, char **err)
{
    struct pdf_buf buf = {NULL, 0, 0, 0};
    char date[32];
    *err = NULL;

    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(pdf_write, &buf, A4_WIDTH, A4_HEIGHT);
    pdf_date(d->when, date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d->title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
                                   "mesoscreen " MESOSCREEN_VERSION);
    if (date[0]) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
    cairo_t *cr = cairo_create(surface);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_from_string(FONT_NAME);
    pango_font_description_set_absolute_size(font, FONT_SIZE * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_context_set_language(pango_layout_get_context(layout),
                               pango_language_from_string(d->language));
    struct pdf_grid g = pdf_grid(layout);

    for (size_t i = 0; i < d->n_pages; i++) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        pdf_page(cr, layout, font, &g, &d->page[i]);
        cairo_show_page(cr);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);

    if (st != CAIRO_STATUS_SUCCESS || buf.failed || !buf.data) {
        *err = buf.failed ? pdf_error("out of memory writing the PDF")
                          : pdf_error("cannot typeset the PDF: %s", cairo_status_to_string(st));
        free(buf.data);
        return NULL;
    }
    buf.data[buf.len] = '\0';
    *len = buf.len;
    return (char *)buf.data;
}

__attribute__((visibility("default"))) const struct pdf_module mesoscreen_pdf_module = {
    .head = {PDF_MODULE_ABI, NULL},
    .render = pdf_render,
};
