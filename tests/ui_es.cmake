# ui_es.cmake - the interface's own words in the questionnaire's language: a Spanish screening
# (--lang es) in a real terminal (tests/ui/spanish.sh, helpers in tests/ui/lib.sh) and through
# the plain prompts (tests/ui/plain_spanish.sh, helpers in tests/ui/plain_lib.sh); each saved
# report must equal `mesoscreen answer --lang es`'s.
add_test(NAME ui.spanish COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/spanish.sh $<TARGET_FILE:mesoscreen>)
set_tests_properties(ui.spanish PROPERTIES TIMEOUT 600 LABELS ui)
add_test(NAME plain.spanish
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/plain_spanish.sh $<TARGET_FILE:mesoscreen>)
set_tests_properties(plain.spanish PROPERTIES TIMEOUT 300 LABELS plain)
