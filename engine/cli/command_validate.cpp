// `myoflux validate [-o DIR]`: runs the model's virtual experiments and writes a report: a
// Markdown table (target, published, model, tolerance, pass), the model-vs-data series as CSV,
// and one PNG per figure drawn by python/myoflux/plot.py.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/python_plot.hpp"
#include "engine/model_adapter.hpp"
#include "engine/store/atomic_file.hpp"

namespace myoflux::cli {
namespace {
namespace fs = std::filesystem;

std::string cell(std::string s) {
  for (char& c : s)
    if (c == '|' || c == '\n') c = c == '|' ? '/' : ' ';
  return s;
}

void write_text(const fs::path& path, const std::string& text) {
  AtomicOutput out(path, /*overwrite=*/true);
  {
    std::ofstream f(out.temp_path());
    f << text;
    if (!f) throw SimulationError("cannot write " + path.string());
  }
  out.commit();
}

std::string markdown(const ValidationReport& report, const std::string& model_name) {
  std::ostringstream md;
  int pass = 0, known = 0;
  for (const ValidationRow& r : report.rows) pass += r.pass, known += !r.pass && !r.note.empty();
  md << "# Validation report: " << model_name << "\n\n"
     << "Written by `myoflux validate`. Each row is a target of TARGETS.md run as a virtual "
        "experiment on the\n"
     << "scenario library. " << pass << " of " << report.rows.size() << " targets are met";
  if (known > 0) md << "; " << known << " known failures say why";
  md << ".\n\n| target | what | published | model | tolerance | pass | note "
        "|\n|---|---|---|---|---|---|---|\n";
  for (const ValidationRow& r : report.rows)
    md << "| " << cell(r.id) << " | " << cell(r.what) << " (" << cell(r.source) << ") | "
       << cell(r.published) << " | " << cell(r.model) << " | " << cell(r.tolerance) << " | "
       << (r.pass ? "yes" : "**no**") << " | " << cell(r.note) << " |\n";
  md << "\nFigures: one PNG per study in this folder (model lines, published data with error "
        "bars).\n";
  return md.str();
}

std::string series_csv(const ValidationReport& report) {
  std::ostringstream csv;
  csv << std::setprecision(10) << "figure,title,x_label,y_label,label,points,x,y,y_error\n";
  auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
  for (const PlotSeries& s : report.series)
    for (std::size_t i = 0; i < s.x.size(); ++i)
      csv << s.figure << "," << quoted(s.title) << "," << quoted(s.x_label) << ","
          << quoted(s.y_label) << "," << quoted(s.label) << "," << (s.points ? 1 : 0) << ","
          << s.x[i] << "," << s.y[i] << "," << (i < s.y_error.size() ? s.y_error[i] : 0.0) << "\n";
  return csv.str();
}

void validate(Context& ctx, const std::string& dir, bool plots) {
  Progress progress(ctx.err, ctx.interactive, "validate", 1);
  const ValidationReport report = ctx.model.validate([&](std::size_t done, std::size_t total) {
    progress.update(static_cast<long>(done), static_cast<long>(total));
  });
  int pass = 0;
  for (const ValidationRow& r : report.rows) {
    pass += r.pass;
    ctx.out << (r.pass ? "  ok    " : (r.note.empty() ? "  FAIL  " : "  known ")) << std::left
            << std::setw(42) << r.id << " " << r.model << "\n";
  }
  ctx.out << pass << " of " << report.rows.size() << " targets met\n";
  fs::create_directories(dir);
  write_text(fs::path(dir) / "validation.md", markdown(report, std::string(ctx.model.name())));
  write_text(fs::path(dir) / "validation_series.csv", series_csv(report));
  if (plots)
    run_plot_script({"validation", (fs::path(dir) / "validation_series.csv").string(), dir});
  ctx.out << "report: " << (fs::path(dir) / "validation.md").string()
          << (plots ? " (figures alongside)" : "") << "\n";
}

}  // namespace

void add_validate_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "validate", "Run the virtual experiments against the published targets and write a report");
  auto dir = std::make_shared<std::string>("report");
  auto no_plots = std::make_shared<bool>(false);
  cmd->add_option("-o,--output", *dir,
                  "folder for validation.md, validation_series.csv and the figures")
      ->capture_default_str();
  cmd->add_flag("--no-plots", *no_plots, "skip the PNG figures (no Python needed)");
  cmd->footer(
      "Example: myoflux validate -o report --no-plots\n"
      "  writes report/validation.md (target, published, model, tolerance, met) and\n"
      "  report/validation_series.csv; without --no-plots also one PNG per study\n"
      "Exit codes: 0 ok (unmet targets are reported, not fatal), 2 invalid input.");
  cmd->callback([dir, no_plots, &ctx] { validate(ctx, *dir, !*no_plots); });
}

}  // namespace myoflux::cli
