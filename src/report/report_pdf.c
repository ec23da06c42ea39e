/* report_pdf.c - the PDF report: lays out the same pages as the text report and hands them to
 * the PDF module (pdf_module.h), loaded only here, on the first PDF. */
#include "report_pdf.h"

#include "module.h"
#include "paper_flow.h"
#include "pdf_module.h"
#include "report_text.h"

/* The module's table, or NULL with *err set. */
static const struct pdf_module *report_pdf_module(char **err)
{
    return module_table("pdf", PDF_MODULE_SYMBOL, PDF_MODULE_ABI, err);
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
