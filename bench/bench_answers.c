/* bench_answers.c - applying an answers file (`mesoscreen answer`) against loading the
 * questionnaire it answers: 20,000 chained questions each asked only after a yes to the one
 * before, and 40,000 answers against 100,000 questions. Applying is one walk in asking order,
 * so it should cost a fraction of the load, whatever the size (it once was quadratic). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "answers_file.h"
#include "loader.h"
#include "strbuf.h"
#include "validator.h"
#include "walk.h"
#include "xalloc.h"

/* n questions in sections of ten; the first `answered` are yes/no questions answered yes, each
 * asked only after a yes to the one before when `chained`; the rest are optional notes. */
static void generate(size_t n, size_t answered, bool chained, struct strbuf *qy, struct strbuf *ay)
{
    strbuf_printf(
        qy, "format: mesoscreen/1\nid: bench-answers\nversion: \"1\"\ntitle: Bench\nsections:\n");
    strbuf_printf(ay, "patient: P-1\npractitioner: Dr Bench\nanswers:\n");
    for (size_t i = 0; i < n; i++) {
        if (i % 10 == 0)
            strbuf_printf(qy, "  - id: s%zu\n    title: Part %zu\n    questions:\n", i / 10,
                          i / 10);
        if (i < answered) {
            strbuf_printf(qy, "      - {id: q%zu, type: yesno, text: Question %zu", i, i);
            if (chained && i > 0)
                strbuf_printf(qy, ", when: {question: q%zu, is: yes}", i - 1);
            strbuf_printf(qy, "}\n");
            strbuf_printf(ay, "  q%zu: yes\n", i);
        } else {
            strbuf_printf(qy, "      - {id: q%zu, type: text, text: Notes %zu}\n", i, i);
        }
    }
    strbuf_printf(qy, "roles:\n  - role: single\n");
}

/* CPU time: on a shared machine it varies less than wall time. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct times {
    double load, read, apply;
};

/* One run over the generated files: each step timed. */
static struct times run_once(const struct strbuf *qy, const struct strbuf *ay)
{
    struct diags d = DIAGS_INIT;
    struct questionnaire *q = NULL;
    double t0 = now();
    if (loader_load_buffer("bench.yaml", qy->data, qy->len, &d, &q) != LOAD_OK ||
        !validator_check(q, &d)) {
        diags_sort(&d);
        diags_print(&d, stderr);
        xdie("bench: the generated questionnaire is not valid");
    }
    double t1 = now();
    struct answers_file *af = NULL;
    if (answers_file_load_buffer("answers.yaml", ay->data, ay->len, &d, &af) != LOAD_OK)
        xdie("bench: the generated answers file does not load");
    double t2 = now();
    struct walk *w = walk_new(q);
    bool ok = answers_file_apply(af, w, &d) && walk_complete(w);
    double t3 = now();
    if (!ok) {
        diags_sort(&d);
        diags_print(&d, stderr);
        xdie("bench: the generated answers do not apply");
    }
    walk_free(w);
    answers_file_free(af);
    model_free(q);
    diags_clear(&d);
    return (struct times){t1 - t0, t2 - t1, t3 - t2};
}

/* The best of three runs of each step. */
static void run(const char *name, size_t n, size_t answered, bool chained)
{
    struct strbuf qy = STRBUF_INIT, ay = STRBUF_INIT;
    generate(n, answered, chained, &qy, &ay);
    struct times best = {1e30, 1e30, 1e30};
    for (int i = 0; i < 3; i++) {
        struct times t = run_once(&qy, &ay);
        best.load = t.load < best.load ? t.load : best.load;
        best.read = t.read < best.read ? t.read : best.read;
        best.apply = t.apply < best.apply ? t.apply : best.apply;
    }
    printf("%-28s %9zu %9zu | %10.1f %10.1f %10.1f %8.3f\n", name, n, answered, best.load * 1e3,
           best.read * 1e3, best.apply * 1e3, best.apply / best.load);
    free(qy.data);
    free(ay.data);
}

int main(void)
{
    printf("bench_answers: applying an answers file, beside loading what it answers (CPU ms,\n"
           "best of 3);\n"
           "goal: linear, so apply/load stays a small constant at every size\n");
    printf("%-28s %9s %9s | %10s %10s %10s %8s\n", "case", "questions", "answers", "load+val",
           "read ans", "apply", "apply/l");
    run("chained", 2000, 2000, true);
    run("chained", 20000, 20000, true);
    run("answers of many questions", 10000, 4000, false);
    run("answers of many questions", 100000, 40000, false);
    return 0;
}
