# fhir_golden.cmake - `mesoscreen fhir-questionnaire -q QUESTIONNAIRE` must print EXPECTED
# byte for byte (MESOSCREEN_UPDATE_GOLDEN=1 rewrites it: review the diff).
# Script mode only: cmake -DMESOSCREEN=... -DQUESTIONNAIRE=... -DEXPECTED=... -P fhir_golden.cmake
execute_process(COMMAND ${MESOSCREEN} fhir-questionnaire -q ${QUESTIONNAIRE}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fhir-questionnaire -q ${QUESTIONNAIRE} exited ${rc}:\n${err}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)
golden_compare(${EXPECTED} "${out}" "fhir-questionnaire -q ${QUESTIONNAIRE}")
