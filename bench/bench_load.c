/* bench_load.c - how long loading a questionnaire takes against a bare libyaml parse of the
 * same bytes, for generated questionnaires of 100 to 100,000 questions (best of N runs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "loader.h"
#include "paths.h"
#include "strbuf.h"
#include "validator.h"
#include "xalloc.h"

/* ---- the generated questionnaire ---- */

enum { PER_SECTION = 10 };

/* A realistic questionnaire of n questions (n a multiple of 10): sections of ten questions of
 * every type, help texts, every text in English and Spanish (so `check` is silent on it), `when`
 * conditions on earlier questions, raises, findings with and without conditions, role rules and
 * recommendations. */
static struct strbuf generate(size_t n)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_printf(
        &b,
        "format: mesoscreen/1\n"
        "id: bench-%zu\n"
        "version: \"1.0\"\n"
        "title:\n  en: Generated screening of %zu questions\n  es: Cribado generado\n"
        "languages: [en, es]\n"
        "disclaimer: {en: A screening aid; the treating physician decides., es: Una ayuda.}\n"
        "sections:\n",
        n, n);
    for (size_t s = 0; s < n / PER_SECTION; s++) {
        size_t q0 = s * PER_SECTION;
        strbuf_printf(&b, "  - id: section_%zu\n    title: {en: Section %zu, es: Sección}\n", s, s);
        if (s > 0)
            strbuf_printf(&b, "    when: {not: {question: q%zu, is: unknown}}\n", q0 - 10);
        strbuf_printf(&b, "    questions:\n");
        for (size_t i = 0; i < PER_SECTION; i++) {
            size_t q = q0 + i;
            strbuf_printf(&b, "      - id: q%zu\n", q);
            switch (i) {
            case 0:
            case 5:
                strbuf_printf(
                    &b,
                    "        type: yesno\n"
                    "        text:\n"
                    "          en: Has the patient had condition %zu in the last year?\n"
                    "          es: ¿Ha tenido la paciente la afección %zu en el último año?\n"
                    "        help: {en: Ask about diagnoses and treatments alike., es: Pregunte.}\n"
                    "        raises:\n"
                    "          yes: f%zu\n"
                    "          unknown: [f%zu, f%zu]\n",
                    q, q, q, q, q + 1);
                break;
            case 1:
            case 6:
                strbuf_printf(
                    &b,
                    "        type: choice\n"
                    "        text: {en: How is condition %zu controlled?, es: ¿Cómo se controla?}\n"
                    "        when: {question: q%zu, is: yes}\n"
                    "        options:\n"
                    "          - {value: none, text: {en: Not treated, es: Sin tratar}}\n"
                    "          - {value: diet, text: {en: Diet only, es: Dieta}}\n"
                    "          - {value: drugs, text: {en: Medication, es: Fármacos},\n"
                    "             help: {en: Any prescribed drug, es: Cualquiera}}\n"
                    "          - {value: insulin, text: {en: Insulin, es: Insulina}}\n"
                    "        raises: {insulin: f%zu}\n",
                    q, q - 1, q);
                break;
            case 2:
            case 7:
                strbuf_printf(
                    &b,
                    "        type: multi\n"
                    "        text: {en: Which scalp problems are present now?, es: ¿Qué "
                    "problemas?}\n"
                    "        options:\n"
                    "          - {value: none, text: {en: None, es: Ninguno}, exclusive: true}\n"
                    "          - {value: infection, text: {en: Infection, es: Infección}}\n"
                    "          - {value: psoriasis, text: {en: Psoriasis, es: Psoriasis}}\n"
                    "          - {value: dermatitis, text: {en: Seborrhoeic dermatitis, es: "
                    "Dermatitis}}\n"
                    "          - {value: wound, text: {en: Open wound, es: Herida abierta}}\n"
                    "        raises:\n"
                    "          infection: f%zu\n"
                    "          wound: f%zu\n",
                    q, q);
                break;
            case 3:
            case 8:
                strbuf_printf(&b,
                              "        type: number\n"
                              "        text: {en: Age at onset of hair loss, es: Edad de inicio}\n"
                              "        unit: {en: years, es: años}\n"
                              "        min: 0\n"
                              "        max: 120\n"
                              "        when:\n"
                              "          any:\n"
                              "            - {question: q%zu, includes: [psoriasis]}\n"
                              "            - {question: q%zu, in: [none, dermatitis]}\n",
                              q - 1, q - 1);
                break;
            default:
                strbuf_printf(&b,
                              "        type: text\n"
                              "        text: {en: Notes for the treating physician, es: Notas}\n"
                              "        required: false\n");
                break;
            }
        }
    }
    strbuf_printf(&b, "findings:\n");
    for (size_t q = 0; q < n; q++) {
        static const char *const severities[] = {"absolute", "temporary", "precaution", "info"};
        size_t i = q % PER_SECTION;
        if (i == 4 || i == 9)
            continue;
        strbuf_printf(
            &b,
            "  - id: f%zu\n    severity: %s\n    text: {en: Finding raised by question %zu., es: "
            "Hallazgo.}\n",
            q, severities[q % 4], q);
        if (i == 3 || i == 8)
            strbuf_printf(&b, "    when: {question: q%zu, below: 18}\n", q);
        if (i == 0)
            strbuf_printf(&b, "    verdict: refer_for_diagnosis\n");
    }
    strbuf_printf(
        &b, "roles:\n"
            "  - role: none\n    when: {eligibility: not_eligible}\n"
            "  - role: undetermined\n    when: {eligibility: [refer_for_diagnosis, deferred]}\n"
            "  - role: adjuvant\n    when: {finding: f2}\n"
            "  - role: single\n"
            "recommendations:\n"
            "  - id: treat\n    kind: next_step\n    text: {en: Proceed to treatment planning., "
            "es: Planificar.}\n"
            "    when: {eligibility: [eligible, eligible_with_precautions]}\n"
            "  - id: aftercare\n    kind: aftercare\n    text: {en: Avoid washing for 24 hours., "
            "es: No lavar.}\n");
    return b;
}

/* ---- timing ---- */

/* Wall time is what the goal is about; CPU time is printed too, since on a busy machine it
 * varies less. Each is the best of the runs. */
struct timing {
    double wall, cpu;
};

static struct timing now(void)
{
    struct timespec w, c;
    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    return (struct timing){(double)w.tv_sec + (double)w.tv_nsec / 1e9,
                           (double)c.tv_sec + (double)c.tv_nsec / 1e9};
}

static struct timing since(struct timing t0)
{
    struct timing t = now();
    return (struct timing){t.wall - t0.wall, t.cpu - t0.cpu};
}

/* The bare libyaml event parse the loader starts from. */
static void bare_parse(const struct strbuf *b)
{
    yaml_parser_t p;
    yaml_event_t e;
    if (!yaml_parser_initialize(&p))
        xdie("bench: out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)b->data, b->len);
    for (bool done = false; !done;) {
        if (!yaml_parser_parse(&p, &e))
            xdie("bench: the generated YAML does not parse: %s", p.problem);
        done = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
}

/* Loads, validates (path analysis included) and runs the path analysis `check` runs
 * (paths_cover) again once, timing each; dies if the generator made a bad file or one
 * that `check` would not pass silently. */
static void load_once(const struct strbuf *b, struct timing *load, struct timing *validate,
                      struct timing *paths)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    struct timing t0 = now();
    bool ok = loader_load_buffer("bench.yaml", b->data, b->len, &d, &q) == LOAD_OK;
    *load = since(t0);
    t0 = now();
    ok = ok && validator_check(q, &d);
    *validate = since(t0);
    if (!ok || d.n > 0) {
        diags_sort(&d);
        diags_print(&d, stderr);
        xdie("bench: the generated questionnaire is not valid, or not silently");
    }
    t0 = now();
    struct paths *p = paths_cover(q, validator_paths_budget(q));
    *paths = since(t0);
    if (!paths_complete(p))
        xdie("bench: the path analysis did not complete");
    paths_free(p);
    model_free(q);
    diags_clear(&d);
}

static void keep_best(struct timing *best, struct timing t)
{
    if (t.wall < best->wall)
        best->wall = t.wall;
    if (t.cpu < best->cpu)
        best->cpu = t.cpu;
}

struct figures {
    struct timing parse, load, validate, paths;
};

/* Best of at least 3 runs, and of as many as fit in about a second (at most 20). */
static struct figures best_of(const struct strbuf *b)
{
    struct timing worst = {1e30, 1e30};
    struct figures f = {worst, worst, worst, worst};
    double total = 0;
    for (int run = 0; run < 20 && (run < 3 || total < 1.0); run++) {
        struct timing t0 = now();
        bare_parse(b);
        struct timing parse = since(t0), load, validate, paths;
        load_once(b, &load, &validate, &paths);
        total += parse.wall + load.wall + validate.wall + paths.wall;
        keep_best(&f.parse, parse);
        keep_best(&f.load, load);
        keep_best(&f.validate, validate);
        keep_best(&f.paths, paths);
    }
    return f;
}

/* The peak resident memory (KiB) of a fresh process (this program again, `--peak`) that
 * loads and validates the file `path` (path analysis included), or only loads it. The child
 * reports its own high-water mark: the rusage of a forked child would count the pages it
 * shared with this (big) process before exec. */
static long peak_kib(const char *path, bool validate)
{
    int fds[2];
    fflush(stdout);
    if (pipe(fds) != 0)
        xdie("bench: pipe failed");
    pid_t pid = fork();
    if (pid < 0)
        xdie("bench: fork failed");
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl("/proc/self/exe", "bench_load", "--peak", validate ? "check" : "load", path,
              (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char line[64] = "";
    FILE *f = fdopen(fds[0], "r");
    if (!f || !fgets(line, sizeof line, f))
        line[0] = '\0';
    if (f)
        fclose(f);
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        xdie("bench: the child failed");
    long kib = strtol(line, NULL, 10);
    if (kib <= 0)
        xdie("bench: the child reported no peak");
    return kib;
}

/* This process's peak resident memory (KiB) since its exec: VmHWM. */
static long self_peak_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kib = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

/* The child of peak_kib: prints its peak on stdout. */
static int peak_child(const char *what, const char *path)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    bool ok = loader_load_file(path, &d, &q) == LOAD_OK;
    if (ok && strcmp(what, "check") == 0) {
        model_drop_source(q); /* as `check` does */
        ok = validator_check(q, &d);
    }
    model_free(q);
    diags_clear(&d);
    printf("%ld\n", self_peak_kib());
    return ok ? 0 : 1;
}

/* Peak memory of loading and checking b, against its size. */
static void peak_report(const struct strbuf *b, size_t questions)
{
    char path[] = "/tmp/bench_load_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, b->data, b->len) != (ssize_t)b->len || close(fd) != 0)
        xdie("bench: cannot write %s", path);
    long loaded = peak_kib(path, false), checked = peak_kib(path, true);
    unlink(path);
    printf("peak memory at %zu questions, whole process: load %.1fx the file (goal 3x), check "
           "%.1fx (%ld and %ld MiB for %zu MiB)\n",
           questions, (double)loaded * 1024.0 / (double)b->len,
           (double)checked * 1024.0 / (double)b->len, loaded / 1024, checked / 1024, b->len >> 20);
}

/* Usage: bench_load [MAX_QUESTIONS] (default 100000); bench_load --print N writes the
 * generated questionnaire of N questions to stdout (to time other commands on it);
 * bench_load --peak load|check FILE is the child peak_kib measures. */
int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--peak") == 0)
        return peak_child(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "--print") == 0) {
        struct strbuf b = generate(strtoul(argv[2], NULL, 10) / PER_SECTION * PER_SECTION);
        bool ok = fwrite(b.data, 1, b.len, stdout) == b.len && fflush(stdout) == 0;
        free(b.data);
        return ok ? 0 : 1;
    }
    static const size_t sizes[] = {100, 1000, 10000, 100000};
    size_t max = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    printf("bench_load: best of N runs, CPU time (wall is noisier on a shared machine); goal:\n"
           "load + validate within 1.5x the bare libyaml parse of the same bytes. The path\n"
           "analysis runs inside validate, and is also timed alone: the ratio without it is\n"
           "(load + validate - paths) / parse.\n");
    printf("%9s %10s | %8s %8s %8s %8s | %6s %8s %8s\n", "questions", "bytes", "parse", "load",
           "validate", "paths", "l/p", "l+v-p/p", "l+v/p");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && sizes[i] <= max; i++) {
        struct strbuf b = generate(sizes[i]);
        struct figures f = best_of(&b);
        double p = f.parse.cpu, l = f.load.cpu, v = f.validate.cpu, a = f.paths.cpu;
        printf("%9zu %10zu | %8.1f %8.1f %8.1f %8.1f | %6.2f %8.2f %8.2f\n", sizes[i], b.len,
               p * 1e3, l * 1e3, v * 1e3, a * 1e3, l / p, (l + v - a) / p, (l + v) / p);
        fflush(stdout);
        if (i + 1 == sizeof sizes / sizeof sizes[0] || sizes[i + 1] > max)
            peak_report(&b, sizes[i]);
        free(b.data);
    }
    return 0;
}
