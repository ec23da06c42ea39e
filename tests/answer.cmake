# answer.cmake - `mesoscreen answer`'s command line (answer_cli.*): usage errors (64), a
# missing or unreadable answers file (66), bad answers (65, all diagnostics, no report written
# even with -o), the people options, and `-o -` meaning stdout. Each case is run by
# tests/cmake/answer_cli.cmake.
foreach(case usage_no_answers usage_output_and_save usage_bad_format usage_operand
             missing_file directory bad_data_no_report override_people output_dash
             bad_questionnaire people_control people_bidi people_birth_date
             people_answered_by people_fields people_file_bidi escaped_file_name long_text
             fhir_server_url)
  add_test(NAME answer_cli.${case}
           COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen> -DCASE=${case}
                   -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/answer_cli/${case}
                   -DCASES=${CMAKE_CURRENT_SOURCE_DIR}/cases
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/answer_cli.cmake)
endforeach()
