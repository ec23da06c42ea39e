# fhir.cmake - FHIR against a real FHIR engine (Medplum's router and validator from npm, the
# versions of tests/fhir/package-lock.json, installed by fhir.setup with npm ci): every
# resource mesoscreen writes validates and every response matches its Questionnaire; delivery
# to a server (tests/fhir/delivery.mjs), one test per scenario. Without Node.js 20.19 or newer
# these tests report themselves skipped. The Questionnaire of tests/fhir/shapes is also a
# golden file (no Node needed).
set(FHIR_RUN sh ${CMAKE_CURRENT_SOURCE_DIR}/fhir/run.sh)
set(FHIR_ENV FHIR_TEST_DIR=${CMAKE_CURRENT_BINARY_DIR}/fhir-engine)

add_test(NAME fhir.setup COMMAND ${CMAKE_COMMAND} -E env ${FHIR_ENV} ${FHIR_RUN} setup)
set_tests_properties(fhir.setup PROPERTIES FIXTURES_SETUP fhir_engine SKIP_RETURN_CODE 77
                                           RESOURCE_LOCK fhir_engine)

add_test(NAME fhir.validate
         COMMAND ${CMAKE_COMMAND} -E env ${FHIR_ENV}
                 sh ${CMAKE_CURRENT_SOURCE_DIR}/fhir/validate.sh $<TARGET_FILE:mesoscreen>
                 ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/fhir-validate)
set_tests_properties(fhir.validate PROPERTIES FIXTURES_REQUIRED fhir_engine SKIP_RETURN_CODE 77)

if(MESOSCREEN_FHIR)
  foreach(scenario post_read_again two_desks server_down server_errors token_rules tls_verified
                   desk_session)
    add_test(NAME fhir.delivery.${scenario}
             COMMAND ${CMAKE_COMMAND} -E env ${FHIR_ENV}
                     ANSWERS_DIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/reports
                     SHAPES_QUESTIONNAIRE=${CMAKE_CURRENT_SOURCE_DIR}/fhir/shapes/shapes.yaml
                     ${FHIR_RUN} delivery.mjs ${scenario} $<TARGET_FILE:mesoscreen>
                     ${CMAKE_CURRENT_BINARY_DIR}/fhir-delivery/${scenario})
    set_tests_properties(fhir.delivery.${scenario} PROPERTIES FIXTURES_REQUIRED fhir_engine
                                                              SKIP_RETURN_CODE 77 TIMEOUT 120)
  endforeach()
endif()

add_test(NAME fhir.golden.shapes_questionnaire
         COMMAND ${CMAKE_COMMAND} -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                 -DQUESTIONNAIRE=${CMAKE_CURRENT_SOURCE_DIR}/fhir/shapes/shapes.yaml
                 -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/golden/fhir/shapes.questionnaire.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/fhir_golden.cmake)

# The result screen in a real terminal says a saved screening waits for the server.
find_program(TMUX tmux)
if(TMUX AND MESOSCREEN_FHIR)
  add_test(NAME fhir.ui_waiting
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/fhir_result.sh $<TARGET_FILE:mesoscreen>
                   ${CMAKE_CURRENT_SOURCE_DIR}/fhir/shapes/shapes.yaml)
  set_tests_properties(fhir.ui_waiting PROPERTIES TIMEOUT 120 LABELS ui)
endif()

# libcurl and the TLS stack load only when something is sent.
if(MESOSCREEN_FHIR)
  add_test(NAME fhir.no_curl_at_startup
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fhir/no_curl.sh $<TARGET_FILE:mesoscreen>
                   ${CMAKE_CURRENT_SOURCE_DIR}/golden/reports/eligible_single.yaml)
endif()

# The compiled built-in questionnaire and its file give the same FHIR Questionnaire, byte for
# byte (its hash included, which the built-in carries from build time).
add_test(NAME fhir.builtin_is_the_file
         COMMAND sh -c "\"$1\" fhir-questionnaire | cmp - \"$2\"" sh $<TARGET_FILE:mesoscreen>
                 ${CMAKE_BINARY_DIR}/tests/fhir-builtin-from-file.json)
add_test(NAME fhir.builtin_from_file
         COMMAND sh -c "\"$1\" fhir-questionnaire -q \"$2\" -o \"$3\"" sh $<TARGET_FILE:mesoscreen>
                 ${PROJECT_SOURCE_DIR}/questionnaires/hair-mesotherapy.yaml
                 ${CMAKE_BINARY_DIR}/tests/fhir-builtin-from-file.json)
set_tests_properties(fhir.builtin_from_file PROPERTIES FIXTURES_SETUP fhir_builtin_file)
set_tests_properties(fhir.builtin_is_the_file PROPERTIES FIXTURES_REQUIRED fhir_builtin_file)
