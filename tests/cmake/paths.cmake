# paths.cmake - runs one `mesoscreen paths` test registered by tests/decision_table.cmake:
# MODE=golden (stdout and stderr of `mesoscreen paths -q NAME.yaml [--full]` run in DIR, then
# "exit N", against NAME[.full].expected), MODE=builtin_golden (the built-in table in LANG
# against builtin.LANG.expected), or MODE=builtin (the built-in table proven, with every
# verdict and role, no more than about 250 lines, and --full longer). SOURCE_DATE_EPOCH and TZ
# fix the date.
set(ENV{SOURCE_DATE_EPOCH} 1767225600) # 2026-01-01
set(ENV{TZ} UTC)
include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)

if(MODE STREQUAL "golden")
  set(args paths -q ${NAME}.yaml)
  set(expected_file ${DIR}/${NAME}.expected)
  if(FULL)
    list(APPEND args --full)
    set(expected_file ${DIR}/${NAME}.full.expected)
  endif()
  execute_process(COMMAND ${MESOSCREEN} ${args} WORKING_DIRECTORY ${DIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  golden_compare(${expected_file} "${out}${err}exit ${rc}\n" "mesoscreen ${args}")
elseif(MODE STREQUAL "builtin_golden")
  execute_process(COMMAND ${MESOSCREEN} paths --lang ${LANG}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  golden_compare(${DIR}/builtin.${LANG}.expected "${out}${err}exit ${rc}\n"
                 "mesoscreen paths --lang ${LANG}")
elseif(MODE STREQUAL "builtin")
  execute_process(COMMAND ${MESOSCREEN} paths --lang en OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "mesoscreen paths exited ${rc}:\n${err}")
  endif()
  set(problems "")
  foreach(word "NOT ELIGIBLE" "DEFERRED" "REFER FOR DIAGNOSIS" "ELIGIBLE WITH PRECAUTIONS"
          "ELIGIBLE")
    if(NOT out MATCHES "\n  [0-9]+\\. ${word}, ")
      string(APPEND problems "no example patient with the verdict '${word}'\n")
    endif()
  endforeach()
  foreach(role "SINGLE TREATMENT" "ADJUVANT" "UNDETERMINED" "NONE")
    if(NOT out MATCHES "\n  [0-9]+\\. [A-Z ]+, ${role}: [^:\n]+ ways;")
      string(APPEND problems "no example patient with the role '${role}'\n")
    endif()
  endforeach()
  if(NOT out MATCHES "\nProven: ")
    string(APPEND problems "the table does not say it is proven\n")
  endif()
  foreach(bad "NOT PROVEN" "NO ROLE" "DEAD END" "NEVER ASKED" "and [0-9]+ more")
    if(out MATCHES "${bad}")
      string(APPEND problems "the table says '${bad}'\n")
    endif()
  endforeach()
  string(REGEX MATCHALL "\n" lines "${out}")
  list(LENGTH lines n_lines)
  if(n_lines GREATER 300)
    string(APPEND problems "the table has ${n_lines} lines: more than about 250\n")
  endif()
  execute_process(COMMAND ${MESOSCREEN} paths --lang en --full OUTPUT_VARIABLE full
                  ERROR_VARIABLE err RESULT_VARIABLE rc)
  string(FIND "${full}" "${out}" at)
  if(NOT rc EQUAL 0 OR NOT at EQUAL 0 OR NOT full MATCHES "\nEVERY WAY TO EACH OUTCOME\n")
    string(APPEND problems "--full does not add every way to the table (exit ${rc})\n${err}")
  endif()
  if(NOT problems STREQUAL "")
    message(FATAL_ERROR "${problems}The table:\n${out}")
  endif()
else()
  message(FATAL_ERROR "paths.cmake: unknown MODE '${MODE}'")
endif()
