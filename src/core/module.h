/* module.h - the optional parts of mesoscreen that link heavy libraries (PDF: cairo and pango;
 * FHIR delivery: libcurl), built as shared objects and loaded only when first used, so that
 * start-up and the commands that do not need them never map those libraries. */
#ifndef MESOSCREEN_MODULE_H
#define MESOSCREEN_MODULE_H

/* A module exports one constant table of function pointers (a struct declared in a header the
 * module and its caller share, headed by a struct module_head that module_table checks), so no
 * object pointer is ever converted to a function pointer.
 *
 * The address of `symbol` in the module `name` (the file mesoscreen-NAME.so), loading the
 * module on first use. The module is looked for beside the running program (the build tree),
 * then in LIBDIR/mesoscreen relative to the program's folder (BINDIR/../LIBDIR/mesoscreen: an
 * installed package, whatever its prefix), then in the configured LIBDIR/mesoscreen. A loaded
 * module stays loaded for the life of the process. Returns NULL with *err set (caller frees) when
 * the module or the symbol cannot be found. */
void *module_symbol(const char *name, const char *symbol, char **err);

/* The head of every module's table, its first member: the interface of the table (the
 * caller's *_MODULE_ABI, raised whenever the table changes) and, for a module that calls the
 * program's own functions and so must come from the same build, that build's
 * MESOSCREEN_VERSION (NULL: any build with this interface will do). */
struct module_head {
    unsigned abi;
    const char *version;
};

/* The table `symbol` of module `name` (module_symbol), whose head must say interface `abi` and,
 * when it names a build, this one. Returns NULL with *err set (caller frees) when the module
 * or the symbol cannot be found, or when the table is of another interface or build. */
const void *module_table(const char *name, const char *symbol, unsigned abi, char **err);

#endif
