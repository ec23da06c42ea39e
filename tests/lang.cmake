# lang.cmake - the built-in questionnaire in Spanish: every clinical case gives the same
# verdict in both languages with every text translated (run_lang_case.sh), the language is
# chosen by --lang or the locale (run_lang_select.sh), and golden Spanish text reports
# (run_lang_golden.sh). After an intended change to the Spanish, regenerate and review:
#   MESOSCREEN_UPDATE_GOLDEN=1 ctest --test-dir build -R '^lang\.golden\.'
#   git diff tests/golden/lang
find_program(JQ jq REQUIRED)

# Every case of tests/cases that ends in a verdict (not the answers files that are refused).
file(GLOB LANG_CASE_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/*.expect)
foreach(expect ${LANG_CASE_FILES})
  file(STRINGS ${expect} has_verdict REGEX "^eligibility:")
  if(NOT has_verdict)
    continue()
  endif()
  get_filename_component(name ${expect} NAME_WE)
  get_filename_component(dir ${expect} DIRECTORY)
  add_test(NAME lang.case.${name}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_lang_case.sh $<TARGET_FILE:mesoscreen>
                   ${dir}/${name}.yaml ${expect})
endforeach()

# The runner itself can fail: a case whose expectation is wrong on purpose.
add_test(NAME lang.case.selftest_wrong_expectation
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_lang_case.sh $<TARGET_FILE:mesoscreen>
                 ${CMAKE_CURRENT_SOURCE_DIR}/case_selftest/wrong_expectation.yaml
                 ${CMAKE_CURRENT_SOURCE_DIR}/case_selftest/wrong_expectation.expect)
set_tests_properties(lang.case.selftest_wrong_expectation PROPERTIES WILL_FAIL TRUE)

foreach(case unknown_lang unknown_lang_plain unknown_lang_check unknown_lang_paths
        unknown_lang_show unknown_lang_fhir unknown_locale lc_all_wins lc_all_c lc_messages
        option_wins plain_es)
  add_test(NAME lang.select.${case}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_lang_select.sh $<TARGET_FILE:mesoscreen>
                   ${case} ${CMAKE_CURRENT_SOURCE_DIR}/golden/lang/es_deferred_adjuvant.yaml)
endforeach()

# Golden Spanish text reports: tests/golden/lang/NAME.yaml must print NAME.es.txt.
file(GLOB LANG_GOLDEN_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/lang/*.yaml)
foreach(input ${LANG_GOLDEN_INPUTS})
  get_filename_component(name ${input} NAME_WE)
  add_test(NAME lang.golden.${name}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_lang_golden.sh $<TARGET_FILE:mesoscreen>
                   ${CMAKE_CURRENT_SOURCE_DIR}/golden/lang ${name})
endforeach()
