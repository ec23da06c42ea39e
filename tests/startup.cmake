# startup.cmake - what the program maps when it starts: curses only for the screens (the
# module mesoscreen-tui.so), never for `answer` or the plain prompts.
add_test(NAME startup.no_curses_off_screen
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/no_curses.sh $<TARGET_FILE:mesoscreen>
                 $<TARGET_FILE:mesoscreen-tui>
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/reports/eligible_single.yaml)
