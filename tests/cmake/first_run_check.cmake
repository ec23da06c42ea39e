# first_run_check.cmake - run by the build.first_run test (cmake -P): configures and builds
# mesoscreen in WORK_DIR with a pkg-config search path that holds every installed .pc file
# except those of the test packages (cmocka), as on a machine where scripts/run installed
# only what the program needs.
cmake_minimum_required(VERSION 3.25)
foreach(v SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "first_run_check.cmake: ${v} is not set")
  endif()
endforeach()

# The test packages' pkg-config files: what scripts/deps.sh installs only for the tests.
set(test_only_pc cmocka.pc)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/pkgconfig)
execute_process(COMMAND pkg-config --variable pc_path pkg-config OUTPUT_VARIABLE pc_path
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config cannot tell its search path")
endif()
string(REPLACE ":" ";" pc_dirs "${pc_path}")
set(copied 0)
foreach(dir ${pc_dirs})
  file(GLOB pcs ${dir}/*.pc)
  foreach(pc ${pcs})
    get_filename_component(name ${pc} NAME)
    if(NOT name IN_LIST test_only_pc AND NOT EXISTS ${WORK_DIR}/pkgconfig/${name})
      file(COPY ${pc} DESTINATION ${WORK_DIR}/pkgconfig)
      math(EXPR copied "${copied} + 1")
    endif()
  endforeach()
endforeach()
set(ENV{PKG_CONFIG_LIBDIR} ${WORK_DIR}/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
execute_process(COMMAND pkg-config --exists cmocka RESULT_VARIABLE rc)
if(rc EQUAL 0)
  message(FATAL_ERROR "cmocka is still visible to pkg-config: the test proves nothing")
endif()

# README's build command, as a new user types it.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring with only the program's packages failed:\n${out}${err}")
endif()
string(FIND "${out}" "Tests not configured: cmocka is not installed" at)
if(at EQUAL -1)
  message(FATAL_ERROR "configuring did not say that the tests were left out:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building with only the program's packages failed:\n${out}${err}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/mesoscreen --version RESULT_VARIABLE rc
                OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^mesoscreen ")
  message(FATAL_ERROR "the program built without the test packages does not run: ${rc} ${out}")
endif()

# Asking for the tests without their packages: a clear error naming the package.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build-tests
                        -DMESOSCREEN_TESTS=ON
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "-DMESOSCREEN_TESTS=ON configured without cmocka")
endif()
string(FIND "${err}" "install libcmocka-dev" at)
if(at EQUAL -1)
  message(FATAL_ERROR "-DMESOSCREEN_TESTS=ON without cmocka did not say what to install:\n${err}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "first run: ${copied} pkg-config files visible, cmocka hidden; configured, built and ran")
