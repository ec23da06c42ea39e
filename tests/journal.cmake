# journal.cmake - the screening journal under adversity, end to end through the plain prompts
# (scripts tests/ui/journal_*.sh): a disk that fills mid-screening and then has room again (as
# root: a tmpfs; skipped otherwise), a journal that could only be created late, a state folder
# or journal that is not the user's own.
foreach(t full_disk late private)
  add_test(NAME journal.${t}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/journal_${t}.sh $<TARGET_FILE:mesoscreen>)
  set_tests_properties(journal.${t} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 LABELS journal)
endforeach()
