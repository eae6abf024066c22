// `myoflux export-sbml [SCENARIO] -o model.xml`: the model, with a scenario's subject, parameter
// overrides and inputs, as SBML Level 3 Version 2 for COPASI, Tellurium or libRoadRunner
// (docs/sbml.md). Without a scenario: the default subject at rest, without inputs.
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include "engine/cli/cli.hpp"
#include "engine/model_adapter.hpp"
#include "engine/resources.hpp"
#include "engine/sbml/export.hpp"
#include "engine/store/atomic_file.hpp"

namespace myoflux::cli {
namespace {

// The default subject, resting and fasted for a day: the model without inputs.
constexpr const char* kRestScenario =
    "name: rest\n"
    "description: the default subject at rest, without meals or exercise\n"
    "duration: 1 day\n";

struct ExportOptions {
  std::string scenario;
  std::string output;
  std::vector<std::string> sets;
  bool force = false;
};

void export_sbml(Context& ctx, const ExportOptions& o) {
  std::vector<FieldOverride> sets;
  for (const std::string& s : o.sets) sets.push_back(parse_field_override(s));
  const Scenario scenario = o.scenario.empty()
                                ? scenario_from_yaml(kRestScenario, "rest", sets)
                                : load_scenario(find_input_file(o.scenario), sets);
  const sbml::SbmlDocument doc = sbml::export_document(ctx.model, scenario);
  AtomicOutput file(o.output, o.force);
  {
    std::ofstream out(file.temp_path());
    out << sbml::write_sbml(doc);
    if (!out.flush()) throw InputError("cannot write " + o.output);
  }
  file.commit();
  ctx.out << "wrote " << o.output << ": " << doc.states.size() << " states with rate rules, "
          << doc.parameters.size() << " parameters, " << doc.rates.size() << " input regime"
          << (doc.rates.size() == 1 ? "" : "s") << ", " << doc.events.size() << " events\n";
}

}  // namespace

void add_export_sbml_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export-sbml", "Write the model (and a scenario's inputs) as SBML Level 3 Version 2");
  cmd->add_option("SCENARIO", o->scenario,
                  "scenario file or library name; without one: the default subject at rest");
  cmd->add_option("-o,--output", o->output, "SBML file to write")->required();
  cmd->add_option("--set", o->sets, "override a field of the scenario, as PATH=VALUE; repeatable")
      ->take_all();
  cmd->add_flag("--force", o->force, "overwrite the output file if it exists");
  cmd->footer(
      "Example: myoflux export-sbml hiit_4x4_brief -o hiit.xml --force\n"
      "  writes hiit.xml: the model with the scenario's subject, meals and exercise as events\n"
      "  (docs/sbml.md lists what is exported and what is not)\n"
      "Exit codes: 0 ok, 2 invalid input.");
  cmd->callback([o, &ctx] { export_sbml(ctx, *o); });
}

}  // namespace myoflux::cli
