# reports_check.cmake - renders DIR/NAME.yaml with `mesoscreen answer --format FORMAT` at a
# fixed time (SOURCE_DATE_EPOCH, TZ=UTC), twice, and compares with the golden file byte for
# byte; with MESOSCREEN_UPDATE_GOLDEN=1 it rewrites the golden file instead.
# Script mode only: cmake -DMESOSCREEN=... -DDIR=... -DNAME=... -DFORMAT=... -P reports_check.cmake
if(NOT CMAKE_SCRIPT_MODE_FILE)
  return() # tests/CMakeLists.txt includes every tests/*.cmake; this one only runs with -P
endif()

set(suffix_text .txt)
set(suffix_json .json)
set(suffix_fhir .fhir.json)
set(expected_file ${DIR}/${NAME}${suffix_${FORMAT}})

# The built-in questionnaire, unless questionnaires/NAME.yaml gives another one.
set(questionnaire "")
if(EXISTS ${DIR}/questionnaires/${NAME}.yaml)
  set(questionnaire -q questionnaires/${NAME}.yaml)
endif()

# A fixed environment: time, zone and locale, and no report folder from the caller.
set(run ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1795596180 TZ=UTC LC_ALL=C LANG=C
        --unset=MESOSCREEN_REPORT_DIR --unset=LC_MESSAGES
        ${MESOSCREEN} answer --answers ${NAME}.yaml ${questionnaire} --format ${FORMAT})
foreach(round 1 2)
  execute_process(COMMAND ${run} WORKING_DIRECTORY ${DIR} OUTPUT_VARIABLE out${round}
                  ERROR_VARIABLE err${round} RESULT_VARIABLE rc${round})
  if(NOT rc${round} EQUAL 0)
    message(FATAL_ERROR "mesoscreen answer --answers ${NAME}.yaml --format ${FORMAT} exited "
                        "${rc${round}}:\n${err${round}}")
  endif()
endforeach()
if(NOT out1 STREQUAL out2)
  message(FATAL_ERROR "two runs of ${NAME}.yaml (${FORMAT}) printed different reports")
endif()

if("$ENV{MESOSCREEN_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${expected_file} "${out1}")
  message(STATUS "updated ${expected_file}")
  return()
endif()
if(NOT EXISTS ${expected_file})
  message(FATAL_ERROR "${expected_file} is missing; this run printed:\n${out1}")
endif()
file(READ ${expected_file} expected)
if(out1 STREQUAL expected)
  return()
endif()

# Show the first line that differs.
string(REPLACE ";" "\\;" expected_lines "${expected}")
string(REPLACE ";" "\\;" actual_lines "${out1}")
string(REPLACE "\n" ";" expected_lines "${expected_lines}")
string(REPLACE "\n" ";" actual_lines "${actual_lines}")
list(LENGTH expected_lines n_expected)
list(LENGTH actual_lines n_actual)
set(at 0)
while(at LESS n_expected AND at LESS n_actual)
  list(GET expected_lines ${at} e)
  list(GET actual_lines ${at} a)
  if(NOT e STREQUAL a)
    break()
  endif()
  math(EXPR at "${at} + 1")
endwhile()
math(EXPR line "${at} + 1")
set(e "(end of file)")
set(a "(end of output)")
if(at LESS n_expected)
  list(GET expected_lines ${at} e)
endif()
if(at LESS n_actual)
  list(GET actual_lines ${at} a)
endif()
message(FATAL_ERROR "${NAME}.yaml (${FORMAT}) differs from ${expected_file} at line ${line}:\n"
                    "expected: ${e}\nprinted:  ${a}\n--- printed\n${out1}"
                    "(MESOSCREEN_UPDATE_GOLDEN=1 rewrites the golden file; see tests/reports.cmake)")
