# paths.cmake - `mesoscreen paths`: the decision table on small questionnaires (exact output in
# tests/golden/paths/NAME.expected: stdout and stderr of `mesoscreen paths -q NAME.yaml` run
# in that directory, then "exit N"), and on the built-in questionnaire (every verdict and role,
# no path without one). Included by tests/CMakeLists.txt to register the tests; run with -P
# (MODE=golden or MODE=builtin) to perform one.
if(NOT CMAKE_SCRIPT_MODE_FILE)
  file(GLOB PATHS_GOLDEN_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/paths/*.yaml)
  foreach(input ${PATHS_GOLDEN_INPUTS})
    get_filename_component(name ${input} NAME_WE)
    add_test(NAME paths.golden.${name}
             COMMAND ${CMAKE_COMMAND} -DMODE=golden -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                     -DDIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/paths -DNAME=${name}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/paths.cmake)
  endforeach()
  add_test(NAME paths.builtin
           COMMAND ${CMAKE_COMMAND} -DMODE=builtin -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/paths.cmake)
  add_test(NAME paths.builtin_check
           COMMAND $<TARGET_FILE:mesoscreen> check
                   ${CMAKE_CURRENT_SOURCE_DIR}/../questionnaires/hair-mesotherapy.yaml)
  return()
endif()

if(MODE STREQUAL "golden")
  execute_process(COMMAND ${MESOSCREEN} paths -q ${NAME}.yaml WORKING_DIRECTORY ${DIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  set(actual "${out}${err}exit ${rc}\n")
  set(expected_file ${DIR}/${NAME}.expected)
  include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)
  golden_compare(${expected_file} "${actual}" "mesoscreen paths -q ${NAME}.yaml")
elseif(MODE STREQUAL "builtin")
  execute_process(COMMAND ${MESOSCREEN} paths OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "mesoscreen paths exited ${rc}:\n${err}")
  endif()
  if(NOT err STREQUAL "")
    message(FATAL_ERROR "mesoscreen paths printed diagnostics:\n${err}")
  endif()
  set(problems "")
  foreach(word not_eligible deferred refer_for_diagnosis eligible_with_precautions eligible)
    string(REGEX MATCH "\n[0-9]+\\. eligibility ${word}, role" found "${out}")
    if(NOT found)
      string(APPEND problems "no outcome with eligibility ${word}\n")
    endif()
  endforeach()
  foreach(role single adjuvant undetermined none)
    string(REGEX MATCH "\n[0-9]+\\. eligibility [a-z_]+, role ${role}," found "${out}")
    if(NOT found)
      string(APPEND problems "no outcome with role ${role}\n")
    endif()
  endforeach()
  foreach(bad "NO ROLE" "DEAD END" "NEVER asked" "Note: ")
    string(FIND "${out}" "${bad}" at)
    if(NOT at EQUAL -1)
      string(APPEND problems "the table says '${bad}'\n")
    endif()
  endforeach()
  if(NOT problems STREQUAL "")
    message(FATAL_ERROR "${problems}The table:\n${out}")
  endif()
else()
  message(FATAL_ERROR "paths.cmake: unknown MODE '${MODE}'")
endif()
