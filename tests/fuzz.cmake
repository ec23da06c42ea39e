# fuzz.cmake - fuzz targets. Convention: each tests/fuzz/fuzz_<name>.c defines
#   int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
# (declared in tests/fuzz/fuzz.h) and its seed corpus is tests/fuzz/corpus/<name>/.
# With MESOSCREEN_FUZZ=ON (clang) fuzz_<name> is a libFuzzer binary and the engine is built
# with coverage instrumentation; in every other build the same source is linked with
# tests/fuzz/replay_main.c. Either way CTest `fuzz.<name>.replay` runs it once over its
# corpus: replay only, deterministic. To fuzz for real (clang build dir with the option on):
#   build-asan/tests/fuzz_loader -max_total_time=300 -timeout=5 NEW_DIR tests/fuzz/corpus/loader
file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.c)
if(MESOSCREEN_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MESOSCREEN_FUZZ needs clang (libFuzzer): configure with CC=clang")
  endif()
  # Coverage feedback from the code under test, not only from the harness.
  target_compile_options(mesoscreen_core PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(mesoscreen_report PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(mesoscreen_screening PRIVATE -fsanitize=fuzzer-no-link)
endif()
foreach(src ${FUZZ_SOURCES})
  get_filename_component(target ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name ${target})
  set(corpus ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name})
  if(MESOSCREEN_FUZZ)
    add_executable(${target} ${src})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    add_test(NAME fuzz.${name}.replay COMMAND ${target} -runs=0 -timeout=60 ${corpus})
  else()
    add_executable(${target} ${src} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.c)
    add_test(NAME fuzz.${name}.replay COMMAND ${target} ${corpus})
  endif()
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
  target_link_libraries(${target} PRIVATE mesoscreen_screening)
endforeach()
