# `cpack -G DEB` in a build folder: one Debian package with everything `cmake --install` puts
# under /usr (docs/install.md). The shared-library dependencies are found by dpkg-shlibdeps; the
# Python ones are listed here, for the figures and the Python package.
set(CPACK_PACKAGE_NAME myoflux)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "skeletal-muscle protein balance under exercise and diet: simulation engine, CLI, Python")
set(CPACK_PACKAGE_DESCRIPTION
    "An ODE model of muscle protein synthesis against breakdown driven by exercise and diet, with\n\
a YAML scenario language, the myoflux command line, sweeps on threads, MPI or Slurm arrays,\n\
HDF5 results, a Python package, and a CMake package for C++ users.")
set(CPACK_PACKAGE_CONTACT "The myoflux developers")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# _core is built for this interpreter's ABI (Debian 12: Python 3.11).
string(REGEX MATCH "^[0-9]+\\.[0-9]+" python_minor "${Python_VERSION}")
set(python_depends "python3")
if(python_minor AND TARGET _core)
  math(EXPR python_next "${Python_VERSION_MINOR} + 1")
  set(python_depends "python3 (>= ${python_minor}), python3 (<< ${Python_VERSION_MAJOR}.${python_next})")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${python_depends}, python3-numpy, python3-h5py, python3-matplotlib")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-pandas, python3-xarray")
# find_package(myoflux) needs the headers of the engine's dependencies.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "build-essential, cmake, libeigen3-dev, libboost-dev, libhdf5-dev, libyaml-cpp-dev, libssl-dev")
include(CPack)
