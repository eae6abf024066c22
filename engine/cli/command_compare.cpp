// `myoflux compare FILE... | STUDY`: runs the arms side by side on all cores, prints the
// comparison table, writes one HDF5 file (one group per arm) and draws the comparison figure.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <type_traits>

#include "engine/cli/arm_runner.hpp"
#include "engine/cli/cli.hpp"
#include "engine/cli/python_plot.hpp"
#include "engine/resources.hpp"

namespace myoflux::cli {
namespace {
namespace fs = std::filesystem;

struct CompareOptions {
  std::vector<std::string> files;
  std::string output;
  std::string plot;
  std::string report;
  std::vector<std::string> sets;
  bool force = false;
  bool no_plot = false;
  unsigned threads = 0;
  SolverOptions solver;
  std::string max_output;
};

/// The validation rows as tab-separated text with a header of their field names, for
/// python/myoflux/report.py (tabs and line breaks inside a text become spaces).
std::string validation_tsv(const ValidationReport& report) {
  std::ostringstream out;
  const auto cell = [](std::string s) {
    for (char& c : s)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
  };
  const char* separator = "";
  for (const Field& f : fields_of<ValidationRow>()) out << separator << f.name, separator = "\t";
  out << "\n";
  for (const ValidationRow& row : report.rows) {
    separator = "";
    for_each_field(row, [&](const Field&, const auto& value) {
      out << separator;
      separator = "\t";
      if constexpr (std::is_same_v<std::decay_t<decltype(value)>, bool>)
        out << (value ? "1" : "0");
      else
        out << cell(value);
    });
    out << "\n";
  }
  return out.str();
}

/// The HTML report: runs the model's validation (under a second), hands its rows and the result
/// file to python/myoflux/report.py, which writes `report` atomically.
void write_report(Context& ctx, const std::string& results, const std::string& report) {
  const ValidationReport validation = ctx.model.validate([](std::size_t, std::size_t) {});
  const fs::path folder = fs::absolute(report).parent_path();
  const fs::path rows = folder / ("." + fs::path(report).filename().string() + ".validation-" +
                                  std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream f(rows);
    f << validation_tsv(validation);
    if (!f) throw InputError("cannot write " + rows.string());
  }
  try {
    run_python_module("myoflux.report", {results, rows.string(), report}, "writing the report");
  } catch (...) {
    fs::remove(rows);
    throw;
  }
  fs::remove(rows);
}

void compare(Context& ctx, const CompareOptions& o) {
  std::vector<FieldOverride> sets;
  for (const std::string& s : o.sets) sets.push_back(parse_field_override(s));
  std::vector<Scenario> arms;
  std::string name, description;
  std::set<std::string> seen;
  for (const std::string& file : o.files) {
    Study study = load_study(find_input_file(file), sets);
    name = name.empty() ? study.name : name + "_vs_" + study.name;
    if (o.files.size() == 1) description = study.description;
    for (Scenario& arm : study.arms) {
      if (!seen.insert(arm.name).second)
        throw InputError("two arms are called '" + arm.name + "' (the second in " + file +
                         "); arm names must be unique, they name the groups of the result file");
      arms.push_back(std::move(arm));
    }
  }
  if (description.empty()) {
    for (const Scenario& a : arms) description += (description.empty() ? "" : " vs ") + a.name;
  }
  // Default outputs: results/<name>.h5 and .png next to each other.
  const std::string output = o.output.empty() ? "results/" + name + ".h5" : o.output;
  const std::string plot =
      o.plot.empty() ? fs::path(output).replace_extension(".png").string() : o.plot;
  if (o.output.empty()) fs::create_directories("results");
  if (!o.force)  // refuse before simulating rather than after
    for (const std::string& f : {output, o.no_plot ? std::string() : plot, o.report})
      if (!f.empty() && fs::exists(f))
        throw InputError(f +
                         " already exists; choose another name or pass --force to overwrite it");

  const std::vector<RunRecord> runs = run_arms(ctx, arms, o.solver.resolve(ctx.model), o.threads,
                                               max_output_bytes(o.max_output));
  ctx.out << name << ": " << description;
  if (description.empty() || description.back() != '\n') ctx.out << "\n";
  print_summary_table(ctx.out, runs);
  write_results(ctx, output, runs, o.force, {{"study", name}, {"description", description}});
  ctx.out << "wrote " << output << "\n";
  if (!o.no_plot) {
    run_plot_script({"compare", output, plot});
    ctx.out << "drew  " << plot << "\n";
  }
  if (!o.report.empty()) {
    write_report(ctx, output, o.report);
    ctx.out << "wrote " << o.report << " (one self-contained HTML file)\n";
  }
}

}  // namespace

void add_compare_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Run scenarios or the arms of a study side by side, write one HDF5 file and a figure");
  cmd->add_option("FILES", o->files,
                  "scenario or study files, or names of the scenario library (e.g. "
                  "hiit_vs_long_distance); a study's arms are all run")
      ->required();
  cmd->add_option("-o,--output", o->output, "HDF5 file to write (default results/<study>.h5)");
  cmd->add_option("--plot", o->plot, "PNG figure to draw (default: the output file with .png)");
  cmd->add_flag("--no-plot", o->no_plot, "do not draw the figure (no Python needed)");
  cmd->add_option("--report", o->report,
                  "also write one self-contained HTML report: figure, endpoints, scenarios, "
                  "provenance and the model's validation status");
  cmd->add_option("--set", o->sets, "override a field in every arm, as PATH=VALUE; repeatable")
      ->take_all();
  cmd->add_option("--threads", o->threads, "arms run at once (default: one per core)");
  cmd->add_flag("--force", o->force, "overwrite the output files if they exist");
  add_solver_options(cmd, o->solver);
  add_max_output_option(cmd, o->max_output);
  cmd->footer(
      "Example: myoflux compare scenarios/hiit_vs_long_distance.yaml --force\n"
      "  writes results/hiit_vs_long_distance.h5 and results/hiit_vs_long_distance.png\n"
      "  (myoflux compare hiit_vs_long_distance finds the study in the scenario library)\n"
      "Exit codes: 0 ok, 2 invalid input, 3 simulation failed, 130 interrupted.");
  cmd->callback([o, &ctx] { compare(ctx, *o); });
}

}  // namespace myoflux::cli
