#include "engine/cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "engine/error.hpp"
#include "engine/interrupt.hpp"
#include "engine/model_adapter.hpp"
#include "engine/provenance.hpp"
#include "engine/resources.hpp"
#include "engine/utf8.hpp"

namespace myoflux::cli {
namespace {

// First Ctrl-C asks running simulations to stop (they return "interrupted" and output files are
// cleaned up); a second one terminates at once.
extern "C" void on_interrupt(int signal) {
  if (interrupt_flag().exchange(true)) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

std::string joined_command_line(int argc, const char* const* argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.find_first_of(" \t\"'") != std::string::npos) arg = "'" + arg + "'";
    line += (i ? " " : "") + arg;
  }
  return line;
}

/// `myoflux --version`: the build (engine/provenance.hpp) and where this program finds its data
/// and its figure-drawing Python package (engine/resources.hpp).
std::string version_with_resources() {
  std::string text = version_text();
  try {
    text += "  data        " + data_dir().string() + "\n";
  } catch (const InputError& e) {
    text += "  data        none: " + std::string(e.what()) + "\n";
  }
  text += "  python      " + python_package_parent().string() + "\n";
  text.pop_back();  // CLI11 ends the line
  return text;
}

}  // namespace

int run_cli(int argc, const char* const* argv, const ModelAdapter& model) {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  return run_cli(argc, argv, model, std::cout, std::cerr);
}

int run_cli(int argc, const char* const* argv, const ModelAdapter& model, std::ostream& out,
            std::ostream& err) {
  Context ctx{model, joined_command_line(argc, argv), out, err, ::isatty(STDERR_FILENO) == 1};
  CLI::App app{"myoflux " + build_info().version +
               ": simulate skeletal-muscle protein balance under exercise and diet.\n"
               "Exit codes: 0 ok, 2 invalid input, 3 simulation failed, 130 interrupted."};
  app.require_subcommand(1);
  app.set_version_flag("--version", version_with_resources);
  add_info_command(app, ctx);
  add_run_command(app, ctx);
  add_compare_command(app, ctx);
  add_params_command(app, ctx);
  add_foods_command(app, ctx);
  add_validate_command(app, ctx);
  add_check_command(app, ctx);
  add_sweep_command(app, ctx);
  add_merge_command(app, ctx);
  add_export_sbml_command(app, ctx);
  add_completion_command(app, ctx);
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // --help and --version are "errors" with exit code 0 in CLI11.
      const int code = app.exit(e, out, err);
      return code == 0 ? kOk : kBadInput;
    }
  } catch (const InputError& e) {
    err << "myoflux: error: " << printable_utf8(e.what()) << "\n";
    return kBadInput;
  } catch (const SimulationError& e) {
    err << "myoflux: " << printable_utf8(e.what()) << "\n";
    return interrupt_flag().load() ? kInterrupted : kSimulationFailed;
  } catch (const std::exception& e) {
    err << "myoflux: internal error: " << printable_utf8(e.what()) << "\n";
    return kFailure;
  }
  if (interrupt_flag().load()) return kInterrupted;
  return ctx.exit_code;
}

}  // namespace myoflux::cli
