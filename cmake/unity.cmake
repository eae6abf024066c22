# MYOFLUX_UNITY: the engine, the model, the command line and the program are compiled as unity
# builds (a few large files instead of one per source). The tests and benchmarks never are: their
# files repeat small local helpers by design.
# The sanitize preset puts all sources of a target into one file (batch size 0), so that any two
# files defining the same local name meet there and CI reports it; the main preset splits them
# into batches that keep both cores busy, which is then clash-free too.
if(NOT MYOFLUX_UNITY)
  return()
endif()
set(MYOFLUX_UNITY_BATCH_SIZE 0 CACHE STRING "Sources per unity file (0: all of a target)")
foreach(target myoflux_engine myoflux_models myoflux_cli myoflux_sweep_mpi myoflux)
  if(TARGET ${target})
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON
                          UNITY_BUILD_BATCH_SIZE ${MYOFLUX_UNITY_BATCH_SIZE})
  endif()
endforeach()
# The generated build_info.cpp changes with every commit: alone, it is all that recompiles.
set_source_files_properties(${PROJECT_BINARY_DIR}/engine/generated/build_info.cpp
  TARGET_DIRECTORY myoflux_engine PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
# Files that define a local name another file of their batch defines too; each compiles alone.
# (Renaming the constant in the file is the better fix once its owner is free to.)
set_source_files_properties(
  ${PROJECT_SOURCE_DIR}/engine/scenario/compile.cpp
  ${PROJECT_SOURCE_DIR}/engine/sweep/summary.cpp
  ${PROJECT_SOURCE_DIR}/engine/sweep/index_file.cpp
  TARGET_DIRECTORY myoflux_engine
  PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
