# package.cmake - the Debian package and the manual: a .deb built with CPack that holds
# the binary, its screens, JSON and PDF modules (which the unpacked program must find), man pages,
# questionnaires and docs and depends on runtime libraries only;
# and every option of --help documented in mesoscreen(1).
if(NOT MESOSCREEN_SANITIZE)
  set(pdf_args "")
  if(MESOSCREEN_PDF)
    file(RELATIVE_PATH pdf_lib ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
    set(pdf_args -DPDF_MODULE=./usr/${pdf_lib}/mesoscreen/mesoscreen-pdf.so
                 -DANSWERS=${CMAKE_CURRENT_SOURCE_DIR}/golden/paper/eligible_single.yaml
                 "-DPDF_DEPENDS=libcairo2\;libpango-1.0-0\;libpangocairo-1.0-0\;fonts-dejavu-core")
  endif()
  set(fhir_args "")
  if(MESOSCREEN_FHIR)
    file(RELATIVE_PATH fhir_lib ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
    set(fhir_args -DFHIR_MODULE=./usr/${fhir_lib}/mesoscreen/mesoscreen-fhir.so
                  -DFHIR_DEPENDS=libcurl4)
  endif()
  file(RELATIVE_PATH tui_lib ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
  set(tui_args -DTUI_MODULE=./usr/${tui_lib}/mesoscreen/mesoscreen-tui.so
               -DJSON_MODULE=./usr/${tui_lib}/mesoscreen/mesoscreen-json.so)
  add_test(NAME package.deb
           COMMAND ${CMAKE_COMMAND} -DBINARY_DIR=${CMAKE_BINARY_DIR} ${pdf_args} ${fhir_args}
                   ${tui_args}
                   -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/package_check.cmake)
  set_tests_properties(package.deb PROPERTIES RUN_SERIAL TRUE)
endif()
add_test(NAME package.help_in_man
         COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                 -DMAN=${CMAKE_SOURCE_DIR}/man/mesoscreen.1
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/help_in_man.cmake)

# Every questionnaire the package ships checks clean: no error and no warning.
file(GLOB SHIPPED_QUESTIONNAIRES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/questionnaires/*.yaml)
foreach(file ${SHIPPED_QUESTIONNAIRES})
  get_filename_component(name ${file} NAME_WE)
  add_test(NAME package.questionnaire.${name} COMMAND $<TARGET_FILE:mesoscreen> check ${file})
  # Any diagnostic at all (a warning too) fails the test.
  set_tests_properties(package.questionnaire.${name} PROPERTIES FAIL_REGULAR_EXPRESSION ".")
endforeach()
