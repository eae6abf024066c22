# Where `cmake --install` puts things under the prefix (docs/install.md), and the same layout as
# paths relative to the program and to the Python module, so that an installed program finds its
# data wherever the prefix was unpacked (engine/resources.cpp).
include(GNUInstallDirs)

set(MYOFLUX_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/myoflux")
# Debian's python3 reads /usr/lib/python3/dist-packages, so the .deb's package is importable as
# installed; under another prefix put <prefix>/lib/python3/dist-packages on PYTHONPATH.
set(MYOFLUX_INSTALL_PYTHONDIR "lib/python3/dist-packages" CACHE STRING
    "Folder under the install prefix for the myoflux Python package")
set(MYOFLUX_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/myoflux")
set(MYOFLUX_INSTALL_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/myoflux")

# Relative paths between install folders do not depend on the prefix: compute them under a
# stand-in one.
set(prefix "/prefix")
file(RELATIVE_PATH MYOFLUX_DATA_FROM_BIN "${prefix}/${CMAKE_INSTALL_BINDIR}"
     "${prefix}/${MYOFLUX_INSTALL_DATADIR}")
file(RELATIVE_PATH MYOFLUX_PYTHON_FROM_BIN "${prefix}/${CMAKE_INSTALL_BINDIR}"
     "${prefix}/${MYOFLUX_INSTALL_PYTHONDIR}")
file(RELATIVE_PATH MYOFLUX_DATA_FROM_PYTHON_MODULE "${prefix}/${MYOFLUX_INSTALL_PYTHONDIR}/myoflux"
     "${prefix}/${MYOFLUX_INSTALL_DATADIR}")
unset(prefix)
