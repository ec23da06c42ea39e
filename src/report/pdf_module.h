/* pdf_module.h - the interface between mesoscreen and its PDF module (mesoscreen-pdf.so), which
 * alone links cairo and pango: the module exports one constant table, PDF_MODULE_SYMBOL, of
 * this type (module.h). */
#ifndef MESOSCREEN_PDF_MODULE_H
#define MESOSCREEN_PDF_MODULE_H

#include <stddef.h>

#include "module.h"
#include "paper.h"

#define PDF_MODULE_SYMBOL "mesoscreen_pdf_module"
/* Raised whenever struct pdf_module or struct paper_doc changes: a module built for another
 * layout is refused. */
#define PDF_MODULE_ABI 1

struct pdf_module {
    struct module_head head; /* PDF_MODULE_ABI; any build (it calls none of the program) */
    /* Typesets the pages of d on A4, fonts embedded, with d->when as the creation date
     * (reproducible: the same d gives the same bytes). Returns the PDF in a malloc'd buffer
     * with a NUL after its *len bytes, or NULL with the reason in *err (malloc'd). The
     * caller frees both with free(). */
    char *(*render)(const struct paper_doc *d, size_t *len, char **err);
};

#endif
