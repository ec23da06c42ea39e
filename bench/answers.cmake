# answers.cmake - bench_answers: applying an answers file of 20,000 chained answers, and of
# 40,000 answers to 100,000 questions, beside loading the questionnaire it answers.
add_executable(bench_answers ${CMAKE_CURRENT_SOURCE_DIR}/bench_answers.c)
target_link_libraries(bench_answers PRIVATE mesoscreen_core)
add_custom_target(bench_answers_run COMMAND bench_answers USES_TERMINAL
                  COMMENT "bench_answers: applying an answers file against loading")
add_dependencies(bench bench_answers_run)
