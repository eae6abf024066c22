// What `myoflux run` and `myoflux compare` share: solver options, running arms on all cores,
// the summary table, and writing the result file only when every arm succeeded.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "engine/cli/cli.hpp"
#include "engine/model_adapter.hpp"

namespace CLI {
class App;
}

namespace myoflux::cli {

struct SolverOptions {
  std::string method;  // "" keeps the model's recommendation
  double rtol = 0.0;   // 0 keeps the model's recommendation
  long max_steps = 0;  // 0 keeps the default
  SolverConfig resolve(const ModelAdapter& model) const;
};
void add_solver_options(CLI::App* cmd, SolverOptions& options);

/// `--max-output SIZE` (default kDefaultMaxOutputBytes), shared by run, compare and sweep.
void add_max_output_option(CLI::App* cmd, std::string& max_output);
/// The limit in bytes that `--max-output` asked for ("" for the default).
std::uintmax_t max_output_bytes(const std::string& max_output);

/// Runs every arm on `threads` threads (0: one per core), in arm order, with progress on a
/// terminal. Before simulating, throws InputError when the arms' output would exceed
/// `max_output` bytes (engine/output_size.hpp). Throws SimulationError naming the arms whose
/// runs failed (nothing is written).
std::vector<RunRecord> run_arms(Context& ctx, const std::vector<Scenario>& arms,
                                const SolverConfig& solver, unsigned threads,
                                std::uintmax_t max_output);

/// The endpoint table: one row per arm, one column per summary entry.
void print_summary_table(std::ostream& out, const std::vector<RunRecord>& runs);

/// Writes the runs atomically (refusing to overwrite unless `force`), with study labels.
void write_results(Context& ctx, const std::string& path, const std::vector<RunRecord>& runs,
                   bool force, std::vector<std::pair<std::string, std::string>> labels);

}  // namespace myoflux::cli
