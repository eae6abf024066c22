// The `myoflux` command line: one entry point, one file per command. Errors are caught here and
// only here: bad input exits 2, a failed simulation 3, an interruption 130, anything else 1.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace myoflux {
class ModelAdapter;
}

namespace myoflux::cli {

enum ExitCode : int {
  kOk = 0,
  kFailure = 1,
  kBadInput = 2,
  kSimulationFailed = 3,
  kInterrupted = 130,
};

/// Shared by all commands during one invocation.
struct Context {
  const ModelAdapter& model;
  std::string command_line;  // recorded in output files
  std::ostream& out;
  std::ostream& err;
  bool interactive = false;  // stderr is a terminal: show progress
  int exit_code = kOk;       // a command sets it when it finishes with a non-zero status
};

/// Parses argv, runs the command and returns the process exit code. `out` and `err` default to
/// std::cout and std::cerr; tests pass string streams.
int run_cli(int argc, const char* const* argv, const ModelAdapter& model);
int run_cli(int argc, const char* const* argv, const ModelAdapter& model, std::ostream& out,
            std::ostream& err);

// One per command file in engine/cli/.
void add_info_command(CLI::App& app, Context& ctx);
void add_params_command(CLI::App& app, Context& ctx);
void add_foods_command(CLI::App& app, Context& ctx);
void add_run_command(CLI::App& app, Context& ctx);
void add_compare_command(CLI::App& app, Context& ctx);
void add_validate_command(CLI::App& app, Context& ctx);
void add_check_command(CLI::App& app, Context& ctx);
void add_sweep_command(CLI::App& app, Context& ctx);
void add_merge_command(CLI::App& app, Context& ctx);
void add_export_sbml_command(CLI::App& app, Context& ctx);
/// Last: the completion script lists the commands added before it.
void add_completion_command(CLI::App& app, Context& ctx);

}  // namespace myoflux::cli
