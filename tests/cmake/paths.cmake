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
  # Every verdict and every role has an example patient ("  N. VERDICT, ROLE: ... ways; ..."),
  # counted without naming them: the words are the questionnaire's.
  string(REGEX MATCHALL "\n  [0-9]+\\. [^,\n]+, [^:\n]+: " examples "${out}")
  set(verdicts "")
  set(roles "")
  foreach(example ${examples})
    string(REGEX REPLACE "^\n  [0-9]+\\. ([^,]+), ([^:]+): $" "\\1" verdict "${example}")
    string(REGEX REPLACE "^\n  [0-9]+\\. ([^,]+), ([^:]+): $" "\\2" role "${example}")
    list(APPEND verdicts "${verdict}")
    list(APPEND roles "${role}")
  endforeach()
  list(REMOVE_DUPLICATES verdicts)
  list(REMOVE_DUPLICATES roles)
  list(LENGTH verdicts n_verdicts)
  list(LENGTH roles n_roles)
  if(NOT n_verdicts EQUAL 5 OR NOT n_roles EQUAL 4)
    string(APPEND problems "examples of ${n_verdicts} verdicts (${verdicts}) and ${n_roles} "
           "roles (${roles}), not 5 and 4\n")
  endif()
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
