# golden_check.cmake - runs `mesoscreen check NAME.yaml` in DIR and compares its output and
# exit status with DIR/NAME.expected; with MESOSCREEN_UPDATE_GOLDEN=1 it rewrites the file.
# Script mode only (cmake -DMESOSCREEN=... -DDIR=... -DNAME=... -P golden_check.cmake).
execute_process(COMMAND ${MESOSCREEN} check ${NAME}.yaml WORKING_DIRECTORY ${DIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
set(actual "${out}exit ${rc}\n")
set(expected_file ${DIR}/${NAME}.expected)

include(${CMAKE_CURRENT_LIST_DIR}/golden_compare.cmake)
golden_compare(${expected_file} "${actual}" "mesoscreen check ${NAME}.yaml")
