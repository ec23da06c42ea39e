# golden_compare.cmake - the one comparison every golden-file runner uses (cmake -P scripts
# include it): the output must equal the golden file byte for byte; with
# MESOSCREEN_UPDATE_GOLDEN=1 the golden file is rewritten instead (review the diff).

# golden_compare(EXPECTED_FILE ACTUAL WHAT): fails naming WHAT, the first line that differs
# and the whole output, unless ACTUAL equals the contents of EXPECTED_FILE.
function(golden_compare expected_file actual what)
  if("$ENV{MESOSCREEN_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${expected_file} "${actual}")
    message(STATUS "updated ${expected_file}")
    return()
  endif()
  if(NOT EXISTS ${expected_file})
    message(FATAL_ERROR "${expected_file} is missing; ${what} printed:\n${actual}")
  endif()
  file(READ ${expected_file} expected)
  if(actual STREQUAL expected)
    return()
  endif()

  string(REPLACE ";" "\\;" expected_lines "${expected}")
  string(REPLACE ";" "\\;" actual_lines "${actual}")
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
  message(FATAL_ERROR "${what} differs from ${expected_file} at line ${line}:\n"
                      "expected: ${e}\nprinted:  ${a}\n--- printed\n${actual}"
                      "(MESOSCREEN_UPDATE_GOLDEN=1 rewrites the golden file)")
endfunction()
