// Figures are drawn by the Python package (python/myoflux/plot.py, matplotlib) so the CLI, the
// notebooks and Python users share one plotting code path. This runs it with Debian's
// interpreter (the one CMake found) and the package folder (engine/resources.hpp) on PYTHONPATH.
#pragma once

#include <string>
#include <vector>

namespace myoflux::cli {

/// Runs `python3 -m myoflux.plot ARGS...`; throws SimulationError with the script's own message
/// if it fails (for example when matplotlib is missing).
void run_plot_script(const std::vector<std::string>& args);

}  // namespace myoflux::cli
