/* bench_load.c - how long loading a questionnaire takes against a bare libyaml parse of the
 * same bytes, for generated questionnaires of 100 to 100,000 questions (best of N runs). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "loader.h"
#include "validator.h"
#include "xalloc.h"

/* ---- a growing text buffer ---- */

struct buf {
    char *s;
    size_t len, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0)
            xdie("bench: bad format");
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = b->cap ? 2 * b->cap : 1 << 16;
        while (b->cap - b->len <= (size_t)n)
            b->cap *= 2;
        b->s = xreallocarray(b->s, b->cap, 1);
    }
}

/* ---- the generated questionnaire ---- */

enum { PER_SECTION = 10 };

/* A realistic questionnaire of n questions (n a multiple of 10): sections of ten questions of
 * every type, help texts and translations, `when` conditions on earlier questions, raises,
 * findings with and without conditions, role rules and recommendations. */
static struct buf generate(size_t n)
{
    struct buf b = {0};
    put(&b,
        "format: mesoscreen/1\n"
        "id: bench-%zu\n"
        "version: \"1.0\"\n"
        "title:\n  en: Generated screening of %zu questions\n  es: Cribado generado\n"
        "languages: [en, es]\n"
        "disclaimer: A screening aid; the treating physician decides.\n"
        "sections:\n",
        n, n);
    for (size_t s = 0; s < n / PER_SECTION; s++) {
        size_t q0 = s * PER_SECTION;
        put(&b, "  - id: section_%zu\n    title: Section %zu\n", s, s);
        if (s > 0)
            put(&b, "    when: {not: {question: q%zu, is: unknown}}\n", q0 - 10);
        put(&b, "    questions:\n");
        for (size_t i = 0; i < PER_SECTION; i++) {
            size_t q = q0 + i;
            put(&b, "      - id: q%zu\n", q);
            switch (i) {
            case 0:
            case 5:
                put(&b,
                    "        type: yesno\n"
                    "        text:\n"
                    "          en: Has the patient had condition %zu in the last year?\n"
                    "          es: ¿Ha tenido la paciente la afección %zu en el último año?\n"
                    "        help: Ask about diagnoses, treatments and symptoms alike.\n"
                    "        raises:\n"
                    "          yes: f%zu\n"
                    "          unknown: [f%zu, f%zu]\n",
                    q, q, q, q, q + 1);
                break;
            case 1:
            case 6:
                put(&b,
                    "        type: choice\n"
                    "        text: How is condition %zu controlled?\n"
                    "        when: {question: q%zu, is: yes}\n"
                    "        options:\n"
                    "          - {value: none, text: Not treated}\n"
                    "          - {value: diet, text: Diet only}\n"
                    "          - {value: drugs, text: Medication, help: Any prescribed drug}\n"
                    "          - {value: insulin, text: Insulin}\n"
                    "        raises: {insulin: f%zu}\n",
                    q, q - 1, q);
                break;
            case 2:
            case 7:
                put(&b,
                    "        type: multi\n"
                    "        text: Which scalp problems are present now?\n"
                    "        options:\n"
                    "          - {value: none, text: None, exclusive: true}\n"
                    "          - {value: infection, text: Infection}\n"
                    "          - {value: psoriasis, text: Psoriasis}\n"
                    "          - {value: dermatitis, text: Seborrhoeic dermatitis}\n"
                    "          - {value: wound, text: Open wound}\n"
                    "        raises:\n"
                    "          infection: f%zu\n"
                    "          wound: f%zu\n",
                    q, q);
                break;
            case 3:
            case 8:
                put(&b,
                    "        type: number\n"
                    "        text: Age at onset of hair loss\n"
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
                put(&b, "        type: text\n"
                        "        text: Notes for the treating physician\n"
                        "        required: false\n");
                break;
            }
        }
    }
    put(&b, "findings:\n");
    for (size_t q = 0; q < n; q++) {
        static const char *const severities[] = {"absolute", "temporary", "precaution", "info"};
        size_t i = q % PER_SECTION;
        if (i == 4 || i == 9)
            continue;
        put(&b, "  - id: f%zu\n    severity: %s\n    text: Finding raised by question %zu.\n", q,
            severities[q % 4], q);
        if (i == 3 || i == 8)
            put(&b, "    when: {question: q%zu, below: 18}\n", q);
        if (i == 0)
            put(&b, "    verdict: refer_for_diagnosis\n");
    }
    put(&b, "roles:\n"
            "  - role: none\n    when: {eligibility: not_eligible}\n"
            "  - role: undetermined\n    when: {eligibility: [refer_for_diagnosis, deferred]}\n"
            "  - role: adjuvant\n    when: {finding: f2}\n"
            "  - role: single\n"
            "recommendations:\n"
            "  - id: treat\n    kind: next_step\n    text: Proceed to treatment planning.\n"
            "    when: {eligibility: [eligible, eligible_with_precautions]}\n"
            "  - id: aftercare\n    kind: aftercare\n    text: Avoid washing for 24 hours.\n");
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
static void bare_parse(const struct buf *b)
{
    yaml_parser_t p;
    yaml_event_t e;
    if (!yaml_parser_initialize(&p))
        xdie("bench: out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)b->s, b->len);
    for (bool done = false; !done;) {
        if (!yaml_parser_parse(&p, &e))
            xdie("bench: the generated YAML does not parse: %s", p.problem);
        done = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
}

/* Loads (and validates) once, timing only that; dies if the generator made a bad file. */
static struct timing load_once(const struct buf *b, bool validate)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    struct timing t0 = now();
    enum load_status st = loader_load_buffer("bench.yaml", b->s, b->len, &d, &q);
    bool ok = st == LOAD_OK && (!validate || validator_check(q, &d));
    struct timing t = since(t0);
    if (!ok) {
        diags_sort(&d);
        diags_print(&d, stderr);
        xdie("bench: the generated questionnaire is not valid");
    }
    model_free(q);
    diags_clear(&d);
    return t;
}

enum what { BARE, LOAD, LOAD_VALIDATE };

/* Best of at least 3 runs, and of as many as fit in about a second (at most 20). */
static struct timing best_of(const struct buf *b, enum what w)
{
    struct timing best = {1e30, 1e30};
    double total = 0;
    for (int run = 0; run < 20 && (run < 3 || total < 1.0); run++) {
        struct timing t;
        if (w == BARE) {
            struct timing t0 = now();
            bare_parse(b);
            t = since(t0);
        } else {
            t = load_once(b, w == LOAD_VALIDATE);
        }
        total += t.wall;
        if (t.wall < best.wall)
            best.wall = t.wall;
        if (t.cpu < best.cpu)
            best.cpu = t.cpu;
    }
    return best;
}

/* Usage: bench_load [MAX_QUESTIONS] (default 100000); bench_load --print N writes the
 * generated questionnaire of N questions to stdout (to time other commands on it). */
int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--print") == 0) {
        struct buf b = generate(strtoul(argv[2], NULL, 10) / PER_SECTION * PER_SECTION);
        fwrite(b.s, 1, b.len, stdout);
        free(b.s);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    static const size_t sizes[] = {100, 1000, 10000, 100000};
    size_t max = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    printf("bench_load: best of N runs, wall (CLOCK_MONOTONIC) and CPU time; goal: load +\n"
           "validate within 1.5x of the bare libyaml parse of the same bytes\n");
    printf("%9s %10s | %-44s | %s\n", "", "", "wall ms", "cpu ms");
    printf("%9s %10s | %9s %9s %9s %6s %6s | %9s %9s %9s %6s %6s\n", "questions", "bytes", "parse",
           "load", "load+val", "l/p", "l+v/p", "parse", "load", "load+val", "l/p", "l+v/p");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && sizes[i] <= max; i++) {
        struct buf b = generate(sizes[i]);
        struct timing parse = best_of(&b, BARE);
        struct timing load = best_of(&b, LOAD);
        struct timing both = best_of(&b, LOAD_VALIDATE);
        printf("%9zu %10zu | %9.2f %9.2f %9.2f %6.2f %6.2f | %9.2f %9.2f %9.2f %6.2f %6.2f\n",
               sizes[i], b.len, parse.wall * 1e3, load.wall * 1e3, both.wall * 1e3,
               load.wall / parse.wall, both.wall / parse.wall, parse.cpu * 1e3, load.cpu * 1e3,
               both.cpu * 1e3, load.cpu / parse.cpu, both.cpu / parse.cpu);
        fflush(stdout);
        free(b.s);
    }
    return 0;
}
