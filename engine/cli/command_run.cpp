// `myoflux run FILE [-o OUT.h5] [--set PATH=VALUE ...]`: simulates one scenario, prints its
// summary and, when asked, writes it to HDF5.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <ostream>

#include "engine/cli/arm_runner.hpp"
#include "engine/cli/cli.hpp"
#include "engine/resources.hpp"
#include "engine/solver/simulation.hpp"

namespace myoflux::cli {
namespace {

struct RunOptions {
  std::string file;
  std::string output;
  std::vector<std::string> sets;
  bool force = false;
  SolverOptions solver;
  std::string max_output;
};

std::vector<FieldOverride> parse_sets(const std::vector<std::string>& sets) {
  std::vector<FieldOverride> out;
  for (const std::string& s : sets) out.push_back(parse_field_override(s));
  return out;
}

void run(Context& ctx, const RunOptions& o) {
  const std::vector<FieldOverride> sets = parse_sets(o.sets);
  const Study study = load_study(find_input_file(o.file), sets);
  if (study.arms.size() != 1)
    throw InputError(
        o.file + " is a study with " + std::to_string(study.arms.size()) +
        " arms; run one scenario with `myoflux run`, or all arms with `myoflux compare " + o.file +
        "`");
  const std::vector<RunRecord> runs = run_arms(ctx, study.arms, o.solver.resolve(ctx.model), 1,
                                               max_output_bytes(o.max_output));
  const RunRecord& r = runs.front();
  ctx.out << r.id << ": " << study.arms.front().description;
  if (!study.arms.front().description.empty() && study.arms.front().description.back() != '\n')
    ctx.out << "\n";
  for (const TableRow& row : r.summary)
    ctx.out << "  " << std::left << std::setw(26) << row.name << std::right << std::setw(12)
            << std::setprecision(4) << row.value << " " << std::left << std::setw(11) << row.unit
            << " " << row.note << "\n";
  const SolverStats s = solver_stats(r.result);
  ctx.out << "  solver: " << method_name(solver_settings(r.result).method) << ", " << s.steps
          << " steps (" << s.rejected_steps << " rejected), " << s.rhs_evaluations
          << " RHS evaluations, " << std::setprecision(3) << s.wall_time_s * 1e3 << " ms\n";
  if (!o.output.empty()) {
    write_results(ctx, o.output, runs, o.force,
                  {{"study", study.name}, {"description", study.description}, {"source", o.file}});
    ctx.out << "wrote " << o.output << "\n";
  }
}

}  // namespace

void add_run_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run",
                                     "Simulate one scenario and print its summary (CSA change, "
                                     "protein balance, CK, glycogen, readiness)");
  cmd->add_option("FILE", o->file,
                  "scenario file (YAML, see docs/scenarios.md) or a name of the scenario library")
      ->required();
  cmd->add_option("-o,--output", o->output,
                  "write the run to this HDF5 file (docs/file-format.md)");
  cmd->add_option("--set", o->sets,
                  "override a scenario field or a model parameter, as PATH=VALUE; repeatable")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_flag("--force", o->force, "overwrite the output file if it exists");
  add_solver_options(cmd, o->solver);
  add_max_output_option(cmd, o->max_output);
  cmd->footer(
      "Examples:\n"
      "  myoflux run scenarios/estes2017_hiit.yaml\n"
      "  myoflux run scenarios/hiit_4x4_brief.yaml --set diet.protein=\"2.0 g/kg/day\" -o "
      "hiit_2.0.h5\n"
      "  myoflux run scenarios/control_no_training.yaml --set "
      "parameters.fsr_basal_percent_per_h=0.05\n"
      "Exit codes: 0 ok, 2 invalid input, 3 simulation failed, 130 interrupted.");
  cmd->callback([o, &ctx] { run(ctx, *o); });
}

}  // namespace myoflux::cli
