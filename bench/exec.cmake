# exec.cmake - bench_exec: `mesoscreen answer` on the built-in questionnaire, a whole process,
# beside a bare C program (the floor).
add_executable(bench_bare ${CMAKE_CURRENT_LIST_DIR}/bench_bare.c)
add_executable(bench_exec ${CMAKE_CURRENT_LIST_DIR}/bench_exec.c)
add_custom_target(
  bench_exec_run
  COMMAND bench_exec $<TARGET_FILE:mesoscreen> ${PROJECT_SOURCE_DIR}/tests/ui/healthy.yaml
          $<TARGET_FILE:bench_bare> 300
  DEPENDS bench_exec bench_bare mesoscreen
  COMMENT "mesoscreen answer on the built-in, beside a bare C program"
  USES_TERMINAL)
add_dependencies(bench bench_exec_run)
