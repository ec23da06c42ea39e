/* main.c - mesoscreen's entry point: parses the command line (GNU style) and runs the
 * command, returning the exit codes of product.md section 2. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct command {
    const char *name;
    int (*run)(const struct options *o);
    bool takes_operands;
};

static const struct command commands[] = {
    {"check", cmd_check, true},
    {"answer", cmd_answer, false},
    {"paths", cmd_paths, false},
    {"show-default", cmd_show_default, false},
};

static const char usage_text[] =
    "Usage: mesoscreen [OPTION]...                      screen a patient interactively\n"
    "  or:  mesoscreen check FILE...                    validate questionnaires\n"
    "  or:  mesoscreen answer --answers FILE [OPTION]... write the report for an answers file\n"
    "  or:  mesoscreen paths [-q FILE]                  print the decision table\n"
    "  or:  mesoscreen show-default                     print the built-in questionnaire\n"
    "\n"
    "Contraindication screening for hair mesotherapy, with an eligibility report.\n"
    "\n"
    "Options:\n"
    "  -q, --questionnaire FILE  use FILE instead of the built-in questionnaire\n"
    "      --answers FILE        (answer) the answers file to walk\n"
    "      --format FORMAT       (answer) report format: text, json or fhir (default text)\n"
    "  -o, --output PATH         (answer) write the report to PATH (atomically, mode 0600);\n"
    "                            - or no -o writes to standard output\n"
    "      --save                (answer) save the report into the report directory\n"
    "      --plain               numbered text prompts instead of the full-screen interface\n"
    "      --patient ID          the patient's id\n"
    "      --practitioner NAME   the practitioner's name\n"
    "      --report-dir DIR      where reports are saved (default $MESOSCREEN_REPORT_DIR,\n"
    "                            else ./reports)\n"
    "      --lang CODE           the questionnaire's language (e.g. en, es)\n"
    "  -h, --help                display this help and exit\n"
    "  -V, --version             output version information and exit\n"
    "\n"
    "Exit status: 0 success, 64 usage error, 65 bad questionnaire or answers,\n"
    "66 input file missing or unreadable, 70 internal error, 73 report cannot be\n"
    "created, 130 interrupted (the screening is kept and offered for resume).\n"
    "\n"
    "Environment: MESOSCREEN_REPORT_DIR, XDG_STATE_HOME, NO_COLOR, SOURCE_DATE_EPOCH.\n";

enum {
    OPT_ANSWERS = 256,
    OPT_FORMAT,
    OPT_SAVE,
    OPT_PLAIN,
    OPT_PATIENT,
    OPT_PRACTITIONER,
    OPT_REPORT_DIR,
    OPT_LANG
};

static const struct option long_options[] = {
    {"questionnaire", required_argument, NULL, 'q'},
    {"answers", required_argument, NULL, OPT_ANSWERS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    {"save", no_argument, NULL, OPT_SAVE},
    {"plain", no_argument, NULL, OPT_PLAIN},
    {"patient", required_argument, NULL, OPT_PATIENT},
    {"practitioner", required_argument, NULL, OPT_PRACTITIONER},
    {"report-dir", required_argument, NULL, OPT_REPORT_DIR},
    {"lang", required_argument, NULL, OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "mesoscreen: %s '%s'\nTry 'mesoscreen --help' for more information.\n", what,
            arg);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    int c;

    /* GNU getopt permutes: options may come before or after the command and its files. */
    while ((c = getopt_long(argc, argv, "q:o:hV", long_options, NULL)) != -1) {
        switch (c) {
        case 'q':
            o.questionnaire = optarg;
            break;
        case OPT_ANSWERS:
            o.answers = optarg;
            break;
        case OPT_FORMAT:
            o.format = optarg;
            break;
        case 'o':
            o.output = optarg;
            break;
        case OPT_SAVE:
            o.save = true;
            break;
        case OPT_PLAIN:
            o.plain = true;
            break;
        case OPT_PATIENT:
            o.patient = optarg;
            break;
        case OPT_PRACTITIONER:
            o.practitioner = optarg;
            break;
        case OPT_REPORT_DIR:
            o.report_dir = optarg;
            break;
        case OPT_LANG:
            o.lang = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_OK;
        case 'V':
            printf("mesoscreen %s\n", MESOSCREEN_VERSION);
            return EXIT_OK;
        default:
            fputs("Try 'mesoscreen --help' for more information.\n", stderr);
            return EXIT_USAGE;
        }
    }
    if (!o.report_dir)
        o.report_dir = getenv("MESOSCREEN_REPORT_DIR");
    if (!o.report_dir || !*o.report_dir)
        o.report_dir = "reports";

    const char *name = optind < argc ? argv[optind] : NULL;
    char **operands = &argv[optind < argc ? optind + 1 : optind];
    int n_operands = optind < argc ? argc - optind - 1 : 0;
    o.args = operands;
    o.n_args = n_operands;

    if (!name)
        return cmd_interactive(&o);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, name) != 0)
            continue;
        if (!commands[i].takes_operands && n_operands > 0)
            return usage_error("unexpected argument", operands[0]);
        return commands[i].run(&o);
    }
    return usage_error("unknown command", name);
}
