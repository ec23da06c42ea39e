# reports.cmake - the reports through the real binary: golden reports in every format, their
# reproducibility, and writing them (answer -o, answer --save, the report folder).
#
# For each tests/golden/reports/NAME.yaml (an answers file for the built-in questionnaire, or
# for questionnaires/NAME.yaml when that exists),
#   SOURCE_DATE_EPOCH=1795596180 TZ=UTC mesoscreen answer --answers NAME.yaml --format F
# must print exactly NAME.txt (text), NAME.json (json) and NAME.fhir.json (fhir), and print
# the same bytes when run twice. After an intended change, regenerate and review:
#   MESOSCREEN_UPDATE_GOLDEN=1 ctest --test-dir build -R '^reports\.golden\.'
#   git diff tests/golden/reports
file(GLOB REPORT_GOLDEN_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/reports/*.yaml)
foreach(input ${REPORT_GOLDEN_INPUTS})
  get_filename_component(name ${input} NAME)
  string(REGEX REPLACE "\\.yaml$" "" name ${name})
  foreach(format text json fhir)
    add_test(NAME reports.golden.${name}.${format}
             COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                     -DDIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/reports -DNAME=${name}
                     -DFORMAT=${format} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/reports_check.cmake)
  endforeach()
endforeach()

foreach(case output output_fails save save_env save_json save_fails bad_epoch skipped)
  add_test(NAME reports.cli.${case}
           COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen> -DCASE=${case}
                   -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/reports_cli/${case}
                   -DANSWERS=${CMAKE_CURRENT_SOURCE_DIR}/golden/reports/eligible_single.yaml
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/reports_cli.cmake)
endforeach()
