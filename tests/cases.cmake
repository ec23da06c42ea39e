# cases.cmake - the built-in questionnaire's clinical cases (tests/cases/NAME.yaml answers
# files with NAME.expect), each run through `mesoscreen answer --format json` by
# run_case.sh; and the built-in questionnaire checks clean and prints back byte for byte.
find_program(JQ jq REQUIRED)

file(GLOB CASE_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/*.yaml)
foreach(case ${CASE_FILES})
  get_filename_component(name ${case} NAME_WE)
  get_filename_component(dir ${case} DIRECTORY)
  add_test(NAME case.${name}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_case.sh $<TARGET_FILE:mesoscreen> ${case}
                   ${dir}/${name}.expect)
endforeach()

# The runner itself can fail: a case whose expectation is wrong on purpose.
add_test(NAME case.selftest_wrong_expectation
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_case.sh $<TARGET_FILE:mesoscreen>
                 ${CMAKE_CURRENT_SOURCE_DIR}/case_selftest/wrong_expectation.yaml
                 ${CMAKE_CURRENT_SOURCE_DIR}/case_selftest/wrong_expectation.expect)
set_tests_properties(case.selftest_wrong_expectation PROPERTIES WILL_FAIL TRUE)

# `check` on the built-in questionnaire: no output at all, exit 0.
add_test(NAME case.builtin_checks_clean
         COMMAND sh -c "out=$(\"$1\" check \"$2\" 2>&1) || exit 1; [ -z \"$out\" ] || { printf '%s\\n' \"$out\"; exit 1; }"
                 sh $<TARGET_FILE:mesoscreen>
                 ${PROJECT_SOURCE_DIR}/questionnaires/hair-mesotherapy.yaml)

# `show-default` prints exactly the file that was embedded.
add_test(NAME case.show_default_is_the_file
         COMMAND sh -c "\"$1\" show-default | cmp - \"$2\"" sh $<TARGET_FILE:mesoscreen>
                 ${PROJECT_SOURCE_DIR}/questionnaires/hair-mesotherapy.yaml)
