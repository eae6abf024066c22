// `myoflux params`: every model parameter with its value, unit, valid range and source.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/markdown_tables.hpp"
#include "engine/model_adapter.hpp"
#include "engine/parameter_bounds.hpp"

namespace myoflux::cli {
namespace {

void print_params(Context& ctx, bool markdown) {
  const std::vector<ParameterInfo> params = ctx.model.parameters();
  std::ostream& out = ctx.out;
  if (markdown) {
    out << parameter_table_markdown(params);
    return;
  }
  out << ctx.model.name() << ": " << params.size()
      << " parameters (name, value, unit, valid range; source)\n\n";
  const std::vector<AtBound> at_bounds = parameters_at_bounds(params);
  auto at_bound = [&](const std::string& name) {
    for (const AtBound& a : at_bounds)
      if (a.name == name) return &a;
    return static_cast<const AtBound*>(nullptr);
  };
  for (const ParameterInfo& p : params) {
    out << std::left << std::setw(48) << p.name << std::right << std::setw(11)
        << std::setprecision(4) << p.value << " " << std::left << std::setw(16) << p.unit << " ["
        << p.min << ", " << p.max << "]\n"
        << "    " << p.description << "\n    source: " << p.source << "\n";
    if (const AtBound* a = at_bound(p.name))
      out << "    note: fitted to the " << (a->upper ? "upper" : "lower")
          << " end of its range: the calibration would have gone further\n";
  }
  if (!at_bounds.empty())
    out << "\n"
        << at_bounds.size()
        << " fitted parameters sit at a bound of their range (marked 'note:' above; the "
           "calibration report lists them too)\n";
}

}  // namespace

void add_params_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "params", "List every model parameter with its value, unit, range and source");
  auto markdown = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown, "print a Markdown table (as in docs/model.md)");
  cmd->footer(
      "Example: myoflux params --markdown\n"
      "  the table of docs/model.md. Set a parameter for one run in a scenario's `parameters:`\n"
      "  block, or with --set parameters.NAME=VALUE (see myoflux run --help)\n"
      "Exit codes: 0 ok.");
  cmd->callback([markdown, &ctx] { print_params(ctx, *markdown); });
}

}  // namespace myoflux::cli
