# check_cli.cmake - `mesoscreen check` on what a golden corpus cannot hold: a missing file, a
# directory, a file over 64 MiB (made here, at test time), no operand, and several files at
# once where an unreadable one decides the exit status (66 wins over 65).
# Script mode only (cmake -DMESOSCREEN=... -DCASE=... -DWORK_DIR=... -DGOLDEN_DIR=... -P).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# Runs mesoscreen with ARGN in WORK_DIR and fails unless it exits `code` printing `want`.
function(expect code want)
  execute_process(COMMAND ${MESOSCREEN} ${ARGN} WORKING_DIRECTORY ${WORK_DIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL code OR NOT out STREQUAL want)
    message(FATAL_ERROR "mesoscreen ${ARGN}\nexpected exit ${code} and:\n${want}\n"
                        "got exit ${rc} and:\n${out}")
  endif()
endfunction()

if(CASE STREQUAL "missing")
  expect(66 "nothere.yaml: error: cannot open: No such file or directory\n" check nothere.yaml)
elseif(CASE STREQUAL "directory")
  file(MAKE_DIRECTORY ${WORK_DIR}/dir.yaml)
  expect(66 "dir.yaml: error: cannot read: Is a directory\n" check dir.yaml)
elseif(CASE STREQUAL "too_large")
  # 64 MiB + 1 byte of comment lines: 2^20 lines of 64 bytes, then one more byte.
  string(REPEAT "#" 63 line)
  string(REPEAT "${line}\n" 1024 block)
  file(WRITE ${WORK_DIR}/big.yaml "")
  foreach(i RANGE 1 1024)
    file(APPEND ${WORK_DIR}/big.yaml "${block}")
  endforeach()
  file(APPEND ${WORK_DIR}/big.yaml "#")
  expect(65 "big.yaml: error: file is too large (67108865 bytes; the limit is 64 MiB)\n"
         check big.yaml)
  file(REMOVE ${WORK_DIR}/big.yaml)
elseif(CASE STREQUAL "usage")
  set(want "mesoscreen: check: no questionnaire file given\n")
  string(APPEND want "Try 'mesoscreen --help' for more information.\n")
  expect(64 "${want}" check)
elseif(CASE STREQUAL "many")
  # A broken file and a missing one: both reported (sorted by file name), and 66 wins.
  file(COPY ${GOLDEN_DIR}/empty.yaml DESTINATION ${WORK_DIR})
  set(want "empty.yaml:1:1: error: the file is empty; expected a questionnaire\n")
  string(APPEND want "nothere.yaml: error: cannot open: No such file or directory\n")
  expect(66 "${want}" check nothere.yaml empty.yaml)
elseif(CASE STREQUAL "escaped_name")
  # A file name holding an OSC 52 sequence (it would set the terminal's clipboard) and a
  # right-to-left override is printed escaped, missing or present.
  string(ASCII 27 esc)
  string(ASCII 7 bel)
  execute_process(COMMAND printf "\\342\\200\\256" OUTPUT_VARIABLE rlo)
  set(name "x${esc}]52;c;aGk=${bel}${rlo}lmay.yaml")
  expect(66 "x\\x1B]52;c;aGk=\\x07\\u202Elmay.yaml: error: cannot open: No such file or directory\n"
         check "${name}")
  file(COPY ${GOLDEN_DIR}/empty.yaml DESTINATION ${WORK_DIR})
  file(RENAME ${WORK_DIR}/empty.yaml "${WORK_DIR}/${name}")
  expect(65 "x\\x1B]52;c;aGk=\\x07\\u202Elmay.yaml:1:1: error: the file is empty; expected a questionnaire\n"
         check "${name}")
elseif(CASE STREQUAL "huge_list")
  # One flow list of 2^20 + 1 items: refused at the first item too many, while it is read
  # (before, its millions of nodes were all built before a bound stopped them).
  string(REPEAT "1," 1024 kilo)
  string(REPEAT "${kilo}" 1024 mega)
  file(WRITE ${WORK_DIR}/huge.yaml "format: mesoscreen/1\nid: huge\nlist: [${mega}1]\n")
  expect(65 "huge.yaml:3:2097160: error: more than 1048576 items in one list; a questionnaire never needs that many\n"
         check huge.yaml)
  file(REMOVE ${WORK_DIR}/huge.yaml)
else()
  message(FATAL_ERROR "unknown CASE '${CASE}'")
endif()
