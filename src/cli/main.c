/* main.c - mesoscreen's entry point: parses the command line (GNU style) and runs the
 * command, returning the exit codes of product.md section 2. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "delivery.h"
#include "people.h"

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
    {"fhir-questionnaire", cmd_fhir_questionnaire, false},
    {"send", cmd_send, false},
};

static const char usage_text[] =
    "Usage: mesoscreen [OPTION]...                      screen a patient interactively\n"
    "  or:  mesoscreen check FILE...                    validate questionnaires\n"
    "  or:  mesoscreen answer --answers FILE [OPTION]... write the report for an answers file\n"
    "  or:  mesoscreen paths [-q FILE] [--full]         print the decision table\n"
    "  or:  mesoscreen show-default                     print the built-in questionnaire\n"
    "  or:  mesoscreen fhir-questionnaire [-q FILE]     the questionnaire as FHIR R4\n"
    "  or:  mesoscreen send                             send waiting screenings (FHIR)\n"
    "\n"
    "Contraindication screening for hair mesotherapy, with an eligibility report.\n"
    "\n"
    "Options:\n"
    "  -q, --questionnaire FILE  use FILE instead of the built-in questionnaire\n"
    "      --answers FILE        (answer) the answers file to walk\n"
    "      --format FORMAT       (answer) report format: text, json, fhir or pdf (default text)\n"
    "  -o, --output PATH         (answer) write the report to PATH (atomically, mode 0600);\n"
    "                            - or no -o writes to standard output\n"
    "      --save                (answer) save the report into the report directory\n"
    "      --full                (paths) add every way to each outcome\n"
    "      --plain               numbered text prompts instead of the full-screen interface\n"
    "      --patient ID          the patient's id\n"
    "      --practitioner NAME   the practitioner's name\n"
    "      --patient-name NAME   the patient's name\n"
    "      --birth-date DATE     the patient's birth date, as YYYY-MM-DD\n"
    "      --answered-by WHO     who answers: patient, guardian or interpreter\n"
    "      --clinic NAME         the clinic, for the report (default $MESOSCREEN_CLINIC)\n"
    "      --fhir-server URL     the clinic's FHIR server (default $MESOSCREEN_FHIR_SERVER)\n"
    "      --report-dir DIR      where reports are saved (default $MESOSCREEN_REPORT_DIR,\n"
    "                            else ./reports)\n"
    "      --lang CODE           the questionnaire's language (e.g. en, es)\n"
    "  -h, --help                display this help and exit\n"
    "  -V, --version             output version information and exit\n"
    "\n"
    "Exit status: 0 success, 64 usage error, 65 bad questionnaire or answers,\n"
    "66 input file missing or unreadable, 70 internal error, 73 report cannot be\n"
    "created, 75 (send) screenings still wait for the FHIR server, 130 interrupted\n"
    "(the screening is kept and offered for resume).\n"
    "\n"
    "Environment: MESOSCREEN_REPORT_DIR, MESOSCREEN_CLINIC, MESOSCREEN_FHIR_SERVER,\n"
    "MESOSCREEN_FHIR_TOKEN, MESOSCREEN_FHIR_TOKEN_FILE, MESOSCREEN_FHIR_TIMEOUT,\n"
    "MESOSCREEN_FHIR_PATIENT_SYSTEM, XDG_STATE_HOME, XDG_CONFIG_HOME, NO_COLOR,\n"
    "SOURCE_DATE_EPOCH.\n";

enum {
    OPT_ANSWERS = 256,
    OPT_FORMAT,
    OPT_SAVE,
    OPT_PLAIN,
    OPT_PATIENT,
    OPT_PRACTITIONER,
    OPT_REPORT_DIR,
    OPT_LANG,
    OPT_PATIENT_NAME,
    OPT_BIRTH_DATE,
    OPT_ANSWERED_BY,
    OPT_CLINIC,
    OPT_FHIR_SERVER,
    OPT_FULL,
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
    {"patient-name", required_argument, NULL, OPT_PATIENT_NAME},
    {"birth-date", required_argument, NULL, OPT_BIRTH_DATE},
    {"answered-by", required_argument, NULL, OPT_ANSWERED_BY},
    {"clinic", required_argument, NULL, OPT_CLINIC},
    {"fhir-server", required_argument, NULL, OPT_FHIR_SERVER},
    {"full", no_argument, NULL, OPT_FULL},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *what, const char *arg)
{
    cli_error("%s '%s'", what, arg);
    fputs("Try 'mesoscreen --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* The value of an option, else of the environment variable env; NULL when neither is set. */
static const char *option_or_env(const char *value, const char *env)
{
    if (value)
        return value;
    const char *v = getenv(env);
    return v && *v ? v : NULL;
}

/* Checks the people options: free text that could break a report or a terminal, a birth date
 * that is no real past day, an unknown --answered-by; and the FHIR settings: a patient id
 * system that is no URI, a server that is no http(s) URL. Returns EXIT_OK or EXIT_USAGE. */
static int check_people(const struct options *o, bool clinic_from_env, bool fhir_from_env)
{
    const struct {
        const char *name, *value;
    } texts[] = {
        {"--patient", o->patient},
        {"--practitioner", o->practitioner},
        {"--patient-name", o->patient_name},
        {clinic_from_env ? "$MESOSCREEN_CLINIC" : "--clinic", o->clinic},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *why = texts[i].value ? people_text_problem(texts[i].value) : NULL;
        if (why) {
            fprintf(stderr, "mesoscreen: %s: the value holds %s\n", texts[i].name, why);
            return EXIT_USAGE;
        }
    }
    const char *why, *sys = o->fhir_patient_system;
    if (sys && (strchr(sys, ':') == NULL || strcspn(sys, " \t\r\n|#") != strlen(sys) ||
                people_text_problem(sys))) {
        fprintf(stderr, "mesoscreen: $MESOSCREEN_FHIR_PATIENT_SYSTEM: expected a URI such as "
                        "https://clinic.example/patient-ids\n");
        return EXIT_USAGE;
    }
    if (o->fhir_server && !delivery_url_usable(o->fhir_server)) {
        /* not shown: a URL with a user in it may hold a password */
        cli_error("%s: expected the FHIR server's http:// or https:// URL, with a host and "
                  "without a user or password",
                  fhir_from_env ? "$MESOSCREEN_FHIR_SERVER" : "--fhir-server");
        return EXIT_USAGE;
    }
    if (o->birth_date && !people_birth_date_check(o->birth_date, time(NULL), &why)) {
        cli_error("--birth-date '%s': %s", o->birth_date, why);
        return EXIT_USAGE;
    }
    if (o->answered_by && people_answered_by_parse(o->answered_by) < 0) {
        cli_error("--answered-by '%s': expected patient, guardian or interpreter", o->answered_by);
        return EXIT_USAGE;
    }
    return EXIT_OK;
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
        case OPT_PATIENT_NAME:
            o.patient_name = optarg;
            break;
        case OPT_BIRTH_DATE:
            o.birth_date = optarg;
            break;
        case OPT_ANSWERED_BY:
            o.answered_by = optarg;
            break;
        case OPT_CLINIC:
            o.clinic = optarg;
            break;
        case OPT_FHIR_SERVER:
            o.fhir_server = optarg;
            break;
        case OPT_FULL:
            o.full = true;
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
    bool clinic_from_env = !o.clinic;
    o.clinic = option_or_env(o.clinic, "MESOSCREEN_CLINIC");
    bool fhir_from_env = !o.fhir_server;
    o.fhir_server = option_or_env(o.fhir_server, "MESOSCREEN_FHIR_SERVER");
    o.fhir_patient_system = option_or_env(NULL, "MESOSCREEN_FHIR_PATIENT_SYSTEM");
    int rc = check_people(&o, clinic_from_env, fhir_from_env);
    if (rc != EXIT_OK)
        return rc;

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

/* Under LeakSanitizer: fontconfig, which the PDF module uses through pango, keeps its
 * process-wide font caches until exit by design; they are not leaks of ours. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MESOSCREEN_LSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MESOSCREEN_LSAN 1
#endif
#ifdef MESOSCREEN_LSAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}
#endif
