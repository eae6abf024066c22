// Prints the CSA change of the brief's HIIT plan, run with the installed model and scenario.
#include <cstdio>

#include "engine/provenance.hpp"
#include "engine/scenario/scenario.hpp"
#include "models/protein_balance/adapter.hpp"

int main() {
  const myoflux::protein_balance::Adapter model;
  const myoflux::Scenario plan =
      myoflux::load_scenario(std::filesystem::path(MYOFLUX_DATA) / "scenarios/hiit_4x4_brief.yaml");
  const myoflux::RunRecord record = model.run(plan, model.default_solver());
  for (const myoflux::TableRow& row : record.summary)
    if (row.name == "csa_change_percent")
      std::printf("csa_change_percent %.4g %s\n", row.value, row.unit.c_str());
  std::printf("myoflux %s\n", myoflux::build_info().version.c_str());
}
