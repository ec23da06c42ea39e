# startup.cmake - what the program loads when it starts: curses only for the screens (the
# module mesoscreen-tui.so) and jansson only for JSON (mesoscreen-json.so), never for
# `answer` as text or the plain prompts.
add_test(NAME startup.libraries_off_the_common_path
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/startup_libraries.sh
                 $<TARGET_FILE:mesoscreen>
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/reports/eligible_single.yaml
                 $<TARGET_FILE:mesoscreen-tui> $<TARGET_FILE:mesoscreen-json>)
