# Writes myoflux.pth into the user site-packages of PYTHON so that `import myoflux` finds the
# package built in PACKAGE_PARENT from any folder and in Jupyter kernels. Run at build time by
# python/CMakeLists.txt; rewrites the file only when it changes, and always says where it is.
execute_process(
  COMMAND ${PYTHON} -c "import site, sys; sys.stdout.write(site.getusersitepackages() if site.ENABLE_USER_SITE else '')"
  OUTPUT_VARIABLE user_site RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR user_site STREQUAL "")
  message(WARNING "myoflux: ${PYTHON} has no user site-packages; to import myoflux, set\n"
                  "  export PYTHONPATH=${PACKAGE_PARENT}")
  return()
endif()
set(pth ${user_site}/myoflux.pth)
set(wanted "${PACKAGE_PARENT}\n")
set(current "")
if(EXISTS ${pth})
  file(READ ${pth} current)
endif()
if(NOT current STREQUAL wanted)
  file(MAKE_DIRECTORY ${user_site})
  file(WRITE ${pth} "${wanted}")
endif()
message(STATUS "myoflux Python package: ${PACKAGE_PARENT}/myoflux (registered for ${PYTHON} in ${pth})")
