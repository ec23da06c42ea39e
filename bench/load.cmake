# load.cmake - bench_load: loading (and validating) generated questionnaires of 100 to 100,000
# questions, against a bare libyaml parse of the same bytes. Run: cmake --build B --target bench
add_executable(bench_load ${CMAKE_CURRENT_SOURCE_DIR}/bench_load.c)
target_link_libraries(bench_load PRIVATE mesoscreen_core)
add_custom_target(bench_load_run COMMAND bench_load USES_TERMINAL
                  COMMENT "bench_load: load + validate against a bare libyaml parse")
add_dependencies(bench bench_load_run)
