# Runs `myoflux-calibrate --out OUT` and fails unless OUT's fitted_parameters.tsv and
# fit_report.md are identical to the record's (RECORD). A difference means the record is stale:
# re-run `myoflux-calibrate --write` and commit what it writes.
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${CALIBRATE}" --out "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "myoflux-calibrate --out ${OUT} failed (exit ${rc})")
endif()
foreach(name fitted_parameters.tsv fit_report.md)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${RECORD}/${name}" "${OUT}/${name}"
                  RESULT_VARIABLE differs)
  if(differs)
    execute_process(COMMAND diff -u "${RECORD}/${name}" "${OUT}/${name}")
    message(FATAL_ERROR "the calibration no longer reproduces ${RECORD}/${name} (the diff is "
                        "above); re-run myoflux-calibrate --write and commit the record")
  endif()
endforeach()
message(STATUS "the calibration reproduces the record")
