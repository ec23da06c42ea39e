# golden_check.cmake - runs `mesoscreen check NAME.yaml` in DIR and compares its output and
# exit status with DIR/NAME.expected; with MESOSCREEN_UPDATE_GOLDEN=1 it rewrites the file.
# Script mode only (cmake -DMESOSCREEN=... -DDIR=... -DNAME=... -P golden_check.cmake).
if(NOT CMAKE_SCRIPT_MODE_FILE)
  return() # tests/CMakeLists.txt includes every tests/*.cmake; this one only runs with -P
endif()

execute_process(COMMAND ${MESOSCREEN} check ${NAME}.yaml WORKING_DIRECTORY ${DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
set(actual "${out}exit ${rc}\n")
set(expected_file ${DIR}/${NAME}.expected)

if("$ENV{MESOSCREEN_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${expected_file} "${actual}")
  message(STATUS "updated ${expected_file}")
  return()
endif()
if(NOT EXISTS ${expected_file})
  message(FATAL_ERROR "${expected_file} is missing; this run printed:\n${actual}")
endif()
file(READ ${expected_file} expected)
if(actual STREQUAL expected)
  return()
endif()

# A line diff: '-' lines only expected, '+' lines only printed, in order.
string(REPLACE ";" "\\;" expected_lines "${expected}")
string(REPLACE ";" "\\;" actual_lines "${actual}")
string(REPLACE "\n" ";" expected_lines "${expected_lines}")
string(REPLACE "\n" ";" actual_lines "${actual_lines}")
set(diff "")
foreach(line IN LISTS expected_lines)
  list(FIND actual_lines "${line}" at)
  if(at EQUAL -1)
    string(APPEND diff "- ${line}\n")
  endif()
endforeach()
foreach(line IN LISTS actual_lines)
  list(FIND expected_lines "${line}" at)
  if(at EQUAL -1)
    string(APPEND diff "+ ${line}\n")
  endif()
endforeach()
if(diff STREQUAL "")
  set(diff "(the same lines in another order)\n")
endif()
message(FATAL_ERROR "mesoscreen check ${NAME}.yaml differs from ${NAME}.expected\n"
                    "--- expected\n${expected}--- actual\n${actual}--- difference\n${diff}"
                    "(MESOSCREEN_UPDATE_GOLDEN=1 rewrites the expectation; see tests/golden.cmake)")
