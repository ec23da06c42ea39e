/* report_pdf.c - the PDF report: lays out the same pages as the text report and hands them to
 * the PDF module (pdf_module.h), loaded only here, on the first PDF. */
#include "report_pdf.h"

#include <stdlib.h>

#include "module.h"
#include "paper_flow.h"
#include "pdf_module.h"
#include "report_text.h"
#include "xalloc.h"

/* The module's table, or NULL with *err set. */
static const struct pdf_module *report_pdf_module(char **err)
{
    const struct pdf_module *mod = module_symbol("pdf", PDF_MODULE_SYMBOL, err);
    if (mod && mod->abi != PDF_MODULE_ABI) {
        *err = xasprintf("the PDF module (mesoscreen-pdf.so) was built for another version of "
                         "mesoscreen (interface %u, this program needs %u)",
                         mod->abi, PDF_MODULE_ABI);
        return NULL;
    }
    return mod;
}

bool report_pdf_available(char **err)
{
    *err = NULL;
    return report_pdf_module(err) != NULL;
}

char *report_pdf_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                        size_t *len, char **err)
{
    *err = NULL;
    const struct pdf_module *mod = report_pdf_module(err);
    if (!mod)
        return NULL;
    struct paper_doc *d = report_text_pages(w, o, m);
    char *pdf = mod->render(d, len, err);
    paper_doc_free(d);
    return pdf;
}
