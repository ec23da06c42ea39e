/* module.c - finding and loading mesoscreen's optional shared objects (see module.h). */
#include "module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

#ifndef MESOSCREEN_MODULE_DIR
#define MESOSCREEN_MODULE_DIR "/usr/local/lib/mesoscreen"
#endif
/* The install directory relative to the program's (bin/../lib/mesoscreen), so a package
 * installed under another prefix than the build's (a .deb in /usr) finds its modules. */
#ifndef MESOSCREEN_MODULE_RELDIR
#define MESOSCREEN_MODULE_RELDIR "../lib/mesoscreen"
#endif

/* The folder of the running program (from /proc/self/exe), or NULL. The caller frees it. */
static char *program_dir(void)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return NULL;
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(path);
}

static void *module_open(const char *name, char **err)
{
    char *exe = program_dir();
    char *dirs[3] = {exe, exe ? xasprintf("%s/" MESOSCREEN_MODULE_RELDIR, exe) : NULL,
                     xstrdup(MESOSCREEN_MODULE_DIR)};
    void *handle = NULL;
    char *first_error = NULL;
    for (size_t i = 0; i < 3 && !handle; i++) {
        if (!dirs[i])
            continue;
        char *path = xasprintf("%s/mesoscreen-%s.so", dirs[i], name);
        if (access(path, F_OK) == 0) {
            handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
            if (!handle && !first_error) {
                const char *why = dlerror();
                first_error = xasprintf("cannot load %s: %s", path, why ? why : "unknown error");
            }
        }
        free(path);
    }
    if (!handle)
        *err = first_error ? first_error
                           : xasprintf("the %s module (mesoscreen-%s.so) is not installed in %s",
                                       name, name, MESOSCREEN_MODULE_DIR);
    else
        free(first_error);
    for (size_t i = 0; i < 3; i++)
        free(dirs[i]);
    return handle;
}

void *module_symbol(const char *name, const char *symbol, char **err)
{
    /* A handful of modules at most: a short list, searched by name. */
    static struct {
        char name[32];
        void *handle;
    } loaded[4];
    void *handle = NULL;
    size_t i;
    for (i = 0; i < sizeof loaded / sizeof loaded[0] && loaded[i].handle; i++)
        if (strcmp(loaded[i].name, name) == 0)
            handle = loaded[i].handle;
    if (!handle) {
        if (strlen(name) >= sizeof loaded[0].name || i == sizeof loaded / sizeof loaded[0]) {
            *err = xasprintf("no room to load the module '%s'", name);
            return NULL;
        }
        handle = module_open(name, err);
        if (!handle)
            return NULL;
        strcpy(loaded[i].name, name);
        loaded[i].handle = handle;
    }
    dlerror();
    void *sym = dlsym(handle, symbol);
    if (!sym) {
        const char *why = dlerror();
        *err = xasprintf("the %s module lacks %s: %s", name, symbol, why ? why : "not found");
    }
    return sym;
}

const void *module_table(const char *name, const char *symbol, unsigned abi, char **err)
{
    const struct module_head *head = module_symbol(name, symbol, err);
    if (head &&
        (head->abi != abi || (head->version && strcmp(head->version, MESOSCREEN_VERSION) != 0))) {
        *err = xasprintf("the %s module (mesoscreen-%s.so) was built for another version of "
                         "mesoscreen (interface %u, this program needs %u)",
                         name, name, head->abi, abi);
        return NULL;
    }
    return head;
}
