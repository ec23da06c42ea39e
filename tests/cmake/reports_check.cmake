# reports_check.cmake - renders DIR/NAME.yaml with `mesoscreen answer --format FORMAT` at a
# fixed time (SOURCE_DATE_EPOCH, TZ=UTC), twice, and compares with the golden file byte for
# byte; with MESOSCREEN_UPDATE_GOLDEN=1 it rewrites the golden file instead.
# Script mode only: cmake -DMESOSCREEN=... -DDIR=... -DNAME=... -DFORMAT=... -P reports_check.cmake
set(suffix_text .txt)
set(suffix_json .json)
set(suffix_fhir .fhir.json)
set(expected_file ${DIR}/${NAME}${suffix_${FORMAT}})

# The built-in questionnaire, unless questionnaires/NAME.yaml gives another one.
set(questionnaire "")
if(EXISTS ${DIR}/questionnaires/${NAME}.yaml)
  set(questionnaire -q questionnaires/${NAME}.yaml)
endif()

# A fixed environment: time, zone and locale, and no report folder from the caller.
set(run ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1795596180 TZ=UTC LC_ALL=C LANG=C
        --unset=MESOSCREEN_REPORT_DIR --unset=LC_MESSAGES
        ${MESOSCREEN} answer --answers ${NAME}.yaml ${questionnaire} --format ${FORMAT})
foreach(round 1 2)
  execute_process(COMMAND ${run} WORKING_DIRECTORY ${DIR} OUTPUT_VARIABLE out${round}
                  ERROR_VARIABLE err${round} RESULT_VARIABLE rc${round})
  if(NOT rc${round} EQUAL 0)
    message(FATAL_ERROR "mesoscreen answer --answers ${NAME}.yaml --format ${FORMAT} exited "
                        "${rc${round}}:\n${err${round}}")
  endif()
endforeach()
if(NOT out1 STREQUAL out2)
  message(FATAL_ERROR "two runs of ${NAME}.yaml (${FORMAT}) printed different reports")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)
golden_compare(${expected_file} "${out1}" "${NAME}.yaml (${FORMAT})")
