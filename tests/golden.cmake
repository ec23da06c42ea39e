# golden.cmake - `mesoscreen check` on the golden corpus of broken questionnaires, and on the
# files a corpus cannot hold (missing, a directory, over 64 MiB, no operand).
#
# For each tests/golden/check/NAME.yaml, NAME.expected holds the exact combined output of
#   cd tests/golden/check && mesoscreen check NAME.yaml 2>&1
# followed by one last line "exit N". To regenerate the expectations after an intended
# change, run the tests with MESOSCREEN_UPDATE_GOLDEN=1 and review the diff before committing:
#   MESOSCREEN_UPDATE_GOLDEN=1 ctest --test-dir build -R '^golden\.check\.'
#   git diff tests/golden/check
file(GLOB GOLDEN_CHECK_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/check/*.yaml)
foreach(input ${GOLDEN_CHECK_INPUTS})
  get_filename_component(name ${input} NAME)
  string(REGEX REPLACE "\\.yaml$" "" name ${name})
  add_test(NAME golden.check.${name}
           COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                   -DDIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/check -DNAME=${name}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/golden_check.cmake)
endforeach()

foreach(case missing directory too_large usage many escaped_name huge_list)
  add_test(NAME check.${case}
           COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen> -DCASE=${case}
                   -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/check_cli/${case}
                   -DGOLDEN_DIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/check
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/check_cli.cmake)
endforeach()
