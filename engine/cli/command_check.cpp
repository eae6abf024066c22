// `myoflux check FILE`: validates a scenario or study file and prints what it means (sessions,
// segments, meals, weekly totals) without simulating. Invalid input throws; run_cli turns that
// into the file:line:column message and exit code 2.
#include <CLI/CLI.hpp>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/error.hpp"
#include "engine/scenario/describe.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/scenario/scenario.hpp"

namespace myoflux::cli {
namespace {

struct CheckOptions {
  std::string file;
  std::vector<std::string> sets;
  std::string arm;
  bool full = false;
};

const Scenario& find_arm(const Study& study, const std::string& name) {
  std::vector<std::string_view> names;
  for (const Scenario& s : study.arms) {
    if (s.name == name) return s;
    names.push_back(s.name);
  }
  throw InputError("--arm: no arm named '" + name + "' in " + study.file +
                   scenario::did_you_mean(name, names) + "; arms: " + scenario::joined(names));
}

void check(const CheckOptions& o, Context& ctx) {
  std::vector<FieldOverride> sets;
  for (const std::string& s : o.sets) sets.push_back(parse_field_override(s));
  const Study study = load_study(o.file, sets);
  scenario::DescribeOptions describe;
  describe.every_session_in_full = o.full;
  if (!o.arm.empty()) {
    scenario::describe_scenario(ctx.out, find_arm(study, o.arm), describe);
  } else if (study.arms.size() == 1 && study.arms.front().file == study.file) {
    scenario::describe_scenario(ctx.out, study.arms.front(), describe);
  } else {
    scenario::describe_study(ctx.out, study);
  }
  ctx.out << "\n"
          << o.file << ": valid ("
          << (study.arms.size() == 1 && study.arms.front().file == study.file
                  ? "scenario"
                  : "study of " + std::to_string(study.arms.size()) + " arms")
          << ")\n";
}

}  // namespace

void add_check_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Check a scenario or study file and show what it means, without simulating");
  auto options = std::make_shared<CheckOptions>();
  cmd->add_option("FILE", options->file, "a scenario or study file (YAML, see docs/scenarios.md)")
      ->required();
  cmd->add_option("--set", options->sets,
                  "override a field before checking, as PATH=VALUE (repeatable), e.g. "
                  "--set diet.protein=\"2.0 g/kg/day\"");
  cmd->add_option("--arm", options->arm, "show this arm of a study in full");
  cmd->add_flag("--full", options->full,
                "show every session with its segments (default: the first week in full, then "
                "one line per session)");
  cmd->footer(
      "Exit codes: 0 the file is valid, 2 invalid input (the message names file:line:column,\n"
      "what was expected and an example).\n\n"
      "Example:\n"
      "  myoflux check scenarios/hiit_4x4_brief.yaml\n"
      "  myoflux check scenarios/hiit_vs_long_distance.yaml --arm hiit_1.6\n"
      "  myoflux check scenarios/hiit_4x4_brief.yaml --set subject.body_mass=\"80 kg\"");
  cmd->callback([options, &ctx] { check(*options, ctx); });
}

}  // namespace myoflux::cli
