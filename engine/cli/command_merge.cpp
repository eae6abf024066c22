// `myoflux merge DIR`: after the shares of a Slurm job array have run (`myoflux sweep --chunk
// i/n`), checks that every chunk file is there with the right inputs, then writes the index file
// and the summary, exactly as a sweep on one machine would.
#include <CLI/CLI.hpp>
#include <chrono>

#include "engine/cli/cli.hpp"
#include "engine/cli/sweep_report.hpp"
#include "engine/sweep/directory.hpp"

namespace myoflux::cli {

void add_merge_command(CLI::App& app, Context& ctx) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Build the index and summary of a sweep whose chunks ran as array shares");
  cmd->add_option("DIR", *dir, "the sweep's output folder")->required();
  cmd->footer(
      "Example: myoflux merge results/protein_x_hiit\n"
      "  (after `myoflux sweep ... -o results/protein_x_hiit --chunk i/n` for every i of n)\n"
      "Exit codes: 0 ok, 2 missing or stale chunks (the message lists them).");
  cmd->callback([dir, &ctx] {
    const auto start = std::chrono::steady_clock::now();
    const sweep::SweepReport report = sweep::merge_sweep(*dir, ctx.command_line);
    print_sweep_report(
        ctx.out, ctx.err, report,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  });
}

}  // namespace myoflux::cli
