# plain.cmake - the plain numbered prompts (--plain, or stdin/stdout not a terminal) through
# pipes: whole screenings, invalid input asked again, end of input (exit 65, no report, the
# journal kept and resumed). Scripts in tests/ui/plain_*.sh.
foreach(t pipe invalid eof changed long_text)
  add_test(NAME plain.${t}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/plain_${t}.sh $<TARGET_FILE:mesoscreen>)
  set_tests_properties(plain.${t} PROPERTIES TIMEOUT 300 LABELS plain)
endforeach()
