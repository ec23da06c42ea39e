# ui.cmake - end-to-end tests of the full-screen interface: the real binary in a real terminal
# (a detached tmux session, 80x24, its own server socket per test), driven by the POSIX sh
# scripts in tests/ui/ (lib.sh holds their helpers). Each uses its own XDG_STATE_HOME and
# report directory, and polls the screen with bounded waits instead of sleeping.
find_program(MESOSCREEN_TMUX tmux)
if(NOT MESOSCREEN_TMUX)
  message(WARNING "tmux not found: the ui.* tests will fail (scripts/deps.sh installs it)")
endif()

set(MESOSCREEN_UI_TESTS
    screenings  # five patients, five verdicts, reports equal to `answer`'s; keystroke budget
    back_review # back shows and changes an answer; the review edits one
    resize      # below 80x24: the enlarge screen; back: the same question
    interrupt   # Ctrl-C, SIGTERM, SIGHUP: exit 130, journal kept, resume, same report
    kill9       # SIGKILL mid-screening, resume, the same report as an uninterrupted run
    nocolor     # colours by default, none with NO_COLOR
    accents     # UTF-8 questionnaire text as written; control characters escaped
    safety      # nothing answered unseen, keys shown and by grade, words not codes, progress
    patients    # unfinished screenings kept apart per patient, listed, discarded after asking
    start       # start fields prefilled and checked; the age cross-checked with the birth date
    correct     # the viewer shows the saved bytes; e saves a new report naming the one it replaces
    quit        # start screen, quit confirmation, resume offer, discard, unreadable journal
    text_limit  # a text answer says its bound and takes nothing beyond it
    signals     # every ending signal: exit 130, `stty -a` as before, the journal kept
    more_mark   # a question text or help cut by the screen says there is more
    busy        # the same screening twice: the second is told, may look or wait
)
# The screens load from their module; without it, the plain prompts stand in.
add_test(NAME ui.tui_module COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/tui_module.sh
                                    $<TARGET_FILE:mesoscreen> ${MESOSCREEN_MODULE_DIR})
set_tests_properties(ui.tui_module PROPERTIES TIMEOUT 600 LABELS ui)
foreach(t ${MESOSCREEN_UI_TESTS})
  add_test(NAME ui.${t} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/${t}.sh $<TARGET_FILE:mesoscreen>)
  set_tests_properties(ui.${t} PROPERTIES TIMEOUT 600 LABELS ui)
endforeach()
