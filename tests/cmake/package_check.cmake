# package_check.cmake - builds the .deb with CPack into WORK_DIR and inspects it: the files
# it installs, and dependencies on runtime libraries only (no -dev packages, no curses
# headers, no test or sanitizer libraries).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND cpack -G DEB -B ${WORK_DIR} --config ${BINARY_DIR}/CPackConfig.cmake
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed (${rc}):\n${out}")
endif()
file(GLOB debs ${WORK_DIR}/mesoscreen_*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one mesoscreen_*.deb in ${WORK_DIR}, found ${n}:\n${out}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -c failed")
endif()
foreach(path ./usr/bin/mesoscreen ./usr/share/man/man1/mesoscreen.1.gz
        ./usr/share/man/man5/mesoscreen-questionnaire.5.gz
        ./usr/share/mesoscreen/questionnaires/hair-mesotherapy.yaml
        ./usr/share/doc/mesoscreen/README.md ./usr/share/doc/mesoscreen/questionnaire-format.md)
  string(FIND "${contents}" "${path}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${path} is not in the package:\n${contents}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends
                OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "Depends: ${depends}")
foreach(lib libyaml-0-2 libncursesw6 libjansson4 libnettle8 libc6)
  string(FIND "${depends}" "${lib}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "Depends lacks ${lib}: ${depends}")
  endif()
endforeach()
if(depends MATCHES "-dev|cmocka|libasan|libubsan|clang")
  message(FATAL_ERROR "Depends names a build-time package: ${depends}")
endif()
