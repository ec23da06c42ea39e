# paper.cmake - the report for the paper patient file, as text and as PDF, for every outcome
# of the built-in questionnaire in both languages (run_paper.sh), and the people fields in the
# JSON report. After an intended change, regenerate and review:
#   MESOSCREEN_UPDATE_GOLDEN=1 ctest --test-dir build -R '^paper\.'
#   git diff tests/golden/paper
find_program(PDFINFO pdfinfo REQUIRED)
find_program(PDFTOTEXT pdftotext REQUIRED)
find_program(PDFFONTS pdffonts REQUIRED)

file(GLOB PAPER_INPUTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/paper/*.yaml)
foreach(input ${PAPER_INPUTS})
  get_filename_component(name ${input} NAME_WE)
  foreach(lang en es)
    add_test(NAME paper.golden.${name}.${lang}
             COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_paper.sh $<TARGET_FILE:mesoscreen>
                     ${CMAKE_CURRENT_SOURCE_DIR}/golden/paper ${name} ${lang})
    if(NOT MESOSCREEN_PDF)
      set_tests_properties(paper.golden.${name}.${lang} PROPERTIES DISABLED TRUE)
    endif()
  endforeach()
endforeach()

add_test(NAME paper.json_people
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_paper_json.sh $<TARGET_FILE:mesoscreen>
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/paper/eligible_single.yaml)

if(MESOSCREEN_PDF)
  add_test(NAME paper.module
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_paper_module.sh $<TARGET_FILE:mesoscreen>
                   ${CMAKE_CURRENT_SOURCE_DIR}/golden/paper/eligible_single.yaml)
endif()

# Every clinical case, in both languages: page 1 holds everything signed whatever the outcome.
file(GLOB PAPER_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/*.yaml)
foreach(lang en es)
  add_test(NAME paper.pages.${lang}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_paper_pages.sh $<TARGET_FILE:mesoscreen>
                   ${lang} ${PAPER_CASES})
endforeach()
