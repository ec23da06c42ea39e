# decision_table.cmake - `mesoscreen paths` (paths.*): the decision table for sign-off as exact
# golden files: tests/golden/paths/NAME.expected for each small questionnaire NAME.yaml (and
# NAME.full.expected with --full where there is one), builtin.LANG.expected for the built-in
# questionnaire in each of its languages; and the built-in table checked for what a signature
# needs. Each is run by tests/cmake/paths.cmake.
set(paths_dir ${CMAKE_CURRENT_SOURCE_DIR}/golden/paths)
file(GLOB PATHS_GOLDEN_INPUTS CONFIGURE_DEPENDS ${paths_dir}/*.yaml)
foreach(input ${PATHS_GOLDEN_INPUTS})
  get_filename_component(name ${input} NAME_WE)
  add_test(NAME paths.golden.${name}
           COMMAND ${CMAKE_COMMAND} -DMODE=golden -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                   -DDIR=${paths_dir} -DNAME=${name} -DFULL=OFF
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
  if(EXISTS ${paths_dir}/${name}.full.expected)
    add_test(NAME paths.golden.${name}.full
             COMMAND ${CMAKE_COMMAND} -DMODE=golden -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                     -DDIR=${paths_dir} -DNAME=${name} -DFULL=ON
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
  endif()
endforeach()
foreach(lang en es)
  add_test(NAME paths.golden.builtin.${lang}
           COMMAND ${CMAKE_COMMAND} -DMODE=builtin_golden -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                   -DDIR=${paths_dir} -DLANG=${lang}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
endforeach()
add_test(NAME paths.builtin
         COMMAND ${CMAKE_COMMAND} -DMODE=builtin -DMESOSCREEN=$<TARGET_FILE:mesoscreen>
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/paths.cmake)
add_test(NAME paths.builtin_check
         COMMAND $<TARGET_FILE:mesoscreen> check
                 ${CMAKE_CURRENT_SOURCE_DIR}/../questionnaires/hair-mesotherapy.yaml)
