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
        ./usr/share/doc/mesoscreen/README.md ./usr/share/doc/mesoscreen/questionnaire-format.md
        ${TUI_MODULE} ${JSON_MODULE} ${PDF_MODULE}
        ${FHIR_MODULE})
  string(FIND "${contents}" "${path}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${path} is not in the package:\n${contents}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends
                OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "Depends: ${depends}")
foreach(lib libyaml-0-2 libncursesw6 libjansson4 libc6 ${PDF_DEPENDS} ${FHIR_DEPENDS})
  string(FIND "${depends}" "${lib}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "Depends lacks ${lib}: ${depends}")
  endif()
endforeach()
if(depends MATCHES "-dev|cmocka|libasan|libubsan|clang")
  message(FATAL_ERROR "Depends names a build-time package: ${depends}")
endif()

# The installed program finds its PDF module under its own prefix: unpack the package and
# write a PDF with the unpacked program.
if(PDF_MODULE)
  execute_process(COMMAND dpkg-deb -x ${debs} ${WORK_DIR}/root RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -x failed")
  endif()
  execute_process(COMMAND ${WORK_DIR}/root/usr/bin/mesoscreen answer --answers ${ANSWERS}
                          --format pdf -o r.pdf
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK_DIR}/r.pdf)
    message(FATAL_ERROR "the packaged program cannot write a PDF (${rc}): ${err}")
  endif()
  file(READ ${WORK_DIR}/r.pdf magic LIMIT 5 HEX)
  if(NOT magic STREQUAL "255044462d") # "%PDF-"
    message(FATAL_ERROR "the packaged program wrote no PDF")
  endif()
endif()
