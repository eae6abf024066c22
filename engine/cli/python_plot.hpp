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

/// Runs `python3 -m MODULE ARGS...` the same way (e.g. myoflux.report for the HTML report);
/// `what` names the task in the error message ("writing the report").
void run_python_module(const std::string& module, const std::vector<std::string>& args,
                       const std::string& what);

}  // namespace myoflux::cli
