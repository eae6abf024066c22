# `cmake --install BUILD --prefix PREFIX` (docs/install.md):
#   bin/myoflux                                  the program
#   share/myoflux/scenarios/, .../data/          the scenario library and the model's data files,
#                                                in the source tree's layout (engine/resources.hpp)
#   lib/python3/dist-packages/myoflux/           the Python package (with _core when it is built)
#   lib/libmyoflux_*.a, include/myoflux/         the engine and the model for C++ users, with
#   lib/cmake/myoflux/                           the package config: find_package(myoflux)
#   share/doc/myoflux/                           README, docs/ and the notebooks
include(CMakePackageConfigHelpers)

install(TARGETS myoflux RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The data the program reads at run time, at the same relative paths as in the source tree.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios DESTINATION ${MYOFLUX_INSTALL_DATADIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models/protein_balance/experiments/data
        DESTINATION ${MYOFLUX_INSTALL_DATADIR}/models/protein_balance/experiments)
install(FILES ${PROJECT_SOURCE_DIR}/models/protein_balance/experiments/targets.yaml
        DESTINATION ${MYOFLUX_INSTALL_DATADIR}/models/protein_balance/experiments)

install(FILES ${PROJECT_SOURCE_DIR}/engine/data/foods.yaml
        DESTINATION ${MYOFLUX_INSTALL_DATADIR}/engine/data)

# The Python package: the pure-Python modules always (the program's figures need only them),
# the compiled module when it is built.
file(GLOB myoflux_python_modules ${PROJECT_SOURCE_DIR}/python/myoflux/*.py)
install(FILES ${myoflux_python_modules} DESTINATION ${MYOFLUX_INSTALL_PYTHONDIR}/myoflux)
if(TARGET _core)
  install(TARGETS _core LIBRARY DESTINATION ${MYOFLUX_INSTALL_PYTHONDIR}/myoflux)
endif()

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/notebooks DESTINATION ${CMAKE_INSTALL_DOCDIR})

# C++: myoflux::engine (units, scenarios, solver, results, HDF5 store, sweeps) and
# myoflux::models (the protein balance model), static libraries with their headers.
set_target_properties(myoflux_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(myoflux_models PROPERTIES EXPORT_NAME models)
target_include_directories(myoflux_engine PUBLIC
  $<INSTALL_INTERFACE:${MYOFLUX_INSTALL_INCLUDEDIR}>)
install(TARGETS myoflux_engine myoflux_models EXPORT myofluxTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(tree engine models)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${tree}/ DESTINATION ${MYOFLUX_INSTALL_INCLUDEDIR}/${tree}
          FILES_MATCHING PATTERN "*.hpp")
endforeach()
install(EXPORT myofluxTargets NAMESPACE myoflux:: DESTINATION ${MYOFLUX_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/myofluxConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/myofluxConfig.cmake
  INSTALL_DESTINATION ${MYOFLUX_INSTALL_CMAKEDIR}
  PATH_VARS MYOFLUX_INSTALL_DATADIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/myofluxConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/myofluxConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/myofluxConfigVersion.cmake
        DESTINATION ${MYOFLUX_INSTALL_CMAKEDIR})

# Bash completion, generated at install time by the program just built from its own command-line
# definition (`myoflux completion bash`), so the script always matches the program.
set(myoflux_completion "${PROJECT_BINARY_DIR}/completion/myoflux")
install(CODE "
  file(MAKE_DIRECTORY \"${PROJECT_BINARY_DIR}/completion\")
  execute_process(COMMAND \"$<TARGET_FILE:myoflux>\" completion bash
                  OUTPUT_FILE \"${myoflux_completion}\" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR \"myoflux completion bash failed (\${rc})\")
  endif()")
install(FILES "${myoflux_completion}" DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
