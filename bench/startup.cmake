# startup.cmake - the startup benchmark: exec to the first question on screen, beside a
# minimal ncursesw program (the floor), and peak RSS. `cmake --build DIR --target
# bench_startup_run` (or the `bench` target) prints the figures.
add_executable(bench_curses_floor ${CMAKE_CURRENT_LIST_DIR}/bench_curses_floor.c)
target_link_libraries(bench_curses_floor PRIVATE PkgConfig::NCURSESW)

add_executable(bench_startup ${CMAKE_CURRENT_LIST_DIR}/bench_startup.c)
target_link_libraries(bench_startup PRIVATE util)

add_custom_target(
  bench_startup_run
  COMMAND bench_startup $<TARGET_FILE:mesoscreen> $<TARGET_FILE:bench_curses_floor> 30
  DEPENDS bench_startup bench_curses_floor mesoscreen
  COMMENT "Startup to the first question, beside a minimal curses program"
  USES_TERMINAL)
if(TARGET bench)
  add_dependencies(bench bench_startup_run)
endif()
