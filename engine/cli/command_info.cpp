// `myoflux info FILE.h5`: what a result file holds and how it was made.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/solver/simulation.hpp"
#include "engine/store/result_file.hpp"

namespace myoflux::cli {
namespace {

void print_info(const std::string& path, Context& ctx) {
  const ResultFile f = read_result_file(path);
  std::ostream& out = ctx.out;
  out << path << ": myoflux result file, format version " << f.format_version << "\n"
      << "  written by  myoflux " << f.provenance.myoflux_version << " (git "
      << f.provenance.git_commit << (f.provenance.git_dirty ? ", uncommitted changes" : "") << ")\n"
      << (f.provenance.build.empty() ? "" : "  built       " + f.provenance.build + "\n")
      << "  created     " << f.provenance.created_utc << "\n"
      << "  command     " << f.provenance.command_line << "\n"
      << "  runs        " << f.runs.size() << "\n";
  for (const RunRecord& run : f.runs) {
    const Result& r = run.result;
    const SolverConfig settings = solver_settings(r);
    const SolverStats stats = solver_stats(r);
    out << "\n  /runs/" << run.id << "\n";
    for (const auto& [key, value] : run.labels) out << "    " << key << ": " << value << "\n";
    if (!run.scenario_source.empty()) out << "    scenario: " << run.scenario_source << "\n";
    out << "    samples: " << r.sample_count();
    if (r.time_h.size() > 0)
      out << " from " << r.time_h[0] << " h to " << r.time_h[r.time_h.size() - 1] << " h";
    out << ", " << r.variables.size() << " outputs\n"
        << "    solver: " << method_name(settings.method) << ", rtol " << settings.rtol << ", "
        << stats.steps << " steps (" << stats.rejected_steps << " rejected), "
        << stats.rhs_evaluations << " RHS evaluations, " << std::setprecision(3)
        << stats.wall_time_s * 1e3 << " ms, status " << status_name(stats.status) << "\n";
    if (!stats.message.empty()) out << "    message: " << stats.message << "\n";
    if (!run.summary.empty()) {
      out << "    summary:\n";
      for (const TableRow& row : run.summary)
        out << "      " << std::left << std::setw(36) << row.name << std::right << std::setw(12)
            << std::setprecision(4) << row.value << " " << row.unit << "\n";
    }
    out << "    outputs:";
    for (const VariableInfo& v : r.variables) out << " " << v.name << " [" << v.unit << "]";
    out << "\n";
  }
}

}  // namespace

void add_info_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("info", "Show what a result file holds and how it was made");
  auto path = std::make_shared<std::string>();
  cmd->add_option("FILE", *path, "an HDF5 file written by myoflux run, compare or sweep")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->footer(
      "Example: myoflux info results/hiit_vs_long_distance.h5\n"
      "  (the file that `myoflux compare scenarios/hiit_vs_long_distance.yaml` writes): its runs,\n"
      "  outputs with units, the scenario each ran, the program that wrote it and the solver\n"
      "Exit codes: 0 ok, 2 not a myoflux result file.");
  cmd->callback([path, &ctx] { print_info(*path, ctx); });
}

}  // namespace myoflux::cli
