# first_run.cmake - a fresh machine's first run: with only the program's own packages
# installed (the test packages hidden from pkg-config), `cmake -S . -B build && cmake --build
# build` must configure without the tests, say so, and build a working mesoscreen; asking for
# the tests then must fail with a message naming what to install. The runner is
# cmake/first_run_check.cmake.
add_test(NAME build.first_run
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/first_run
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/first_run_check.cmake)
set_tests_properties(build.first_run PROPERTIES TIMEOUT 1200 LABELS build)
