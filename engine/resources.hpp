// Where myoflux finds what it reads besides its input: the data folder (the scenario library
// and the model's data files, in the source tree's layout) and the Python package that draws
// figures. An installed program or Python module finds them beside itself
// (<prefix>/bin/myoflux -> <prefix>/share/myoflux); one in a build folder uses the source tree it
// was built from; environment variables override both (docs/install.md).
#pragma once

#include <filesystem>
#include <string_view>

namespace myoflux {

/// The data folder: $MYOFLUX_DATA_DIR; else <prefix>/share/myoflux when this code runs in an
/// installed program or Python module; else the source tree it was built from. Throws InputError
/// when $MYOFLUX_DATA_DIR names no folder.
std::filesystem::path data_dir();

/// The scenario library: data_dir() / "scenarios".
std::filesystem::path scenario_library_dir();

/// The folder that holds the `myoflux` Python package, to put on PYTHONPATH for
/// `python3 -m myoflux.plot`: $MYOFLUX_PYTHON_PACKAGE_DIR; else the installed package beside the
/// program; else <source tree>/python (the plot module needs no compiled part).
std::filesystem::path python_package_parent();

/// A file named on the command line: the path as given when it exists, or else a file of the
/// scenario library by name, with or without ".yaml" and its folder ("hiit_vs_long_distance",
/// "ryu2016_races", "studies/ryu2016_races.yaml", "virtual_population"). A path that exists
/// nowhere is returned as given, so that reading it reports the missing file; a bare name that
/// is not in the library throws InputError with the closest library names.
std::filesystem::path find_input_file(std::string_view name);

}  // namespace myoflux
