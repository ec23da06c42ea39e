# decision_table.cmake - `mesoscreen paths` (paths.*): the decision table on small
# questionnaires against tests/golden/paths/NAME.expected, and on the built-in questionnaire
# (every verdict and role, no path without one). Each is run by tests/cmake/paths.cmake.
file(GLOB PATHS_GOLDEN_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/paths/*.yaml)
foreach(input ${PATHS_GOLDEN_INPUTS})
  get_filename_component(name ${input} NAME_WE)
  add_test(NAME paths.golden.${name}
           COMMAND ${CMAKE_COMMAND} -DMODE=golden -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                   -DDIR=${CMAKE_CURRENT_SOURCE_DIR}/golden/paths -DNAME=${name}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
endforeach()
add_test(NAME paths.builtin
         COMMAND ${CMAKE_COMMAND} -DMODE=builtin -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
add_test(NAME paths.builtin_check
         COMMAND $<TARGET_FILE:mesoscreen> check
                 ${CMAKE_CURRENT_SOURCE_DIR}/../questionnaires/hair-mesotherapy.yaml)
