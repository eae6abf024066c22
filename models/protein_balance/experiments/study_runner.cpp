#include "models/protein_balance/experiments/study_runner.hpp"

#include <sstream>

#include "engine/error.hpp"
#include "engine/resources.hpp"
#include "models/protein_balance/adapter.hpp"

namespace myoflux::protein_balance {

std::filesystem::path default_scenario_dir() {
  return scenario_library_dir();
}

StudyRunner::StudyRunner(Parameters parameters, std::filesystem::path scenario_dir,
                         SolverConfig solver)
    : parameters_(parameters), scenario_dir_(std::move(scenario_dir)), solver_(std::move(solver)) {}

namespace {
std::string sets_key(const std::vector<FieldOverride>& sets) {
  std::string key;
  for (const FieldOverride& f : sets) key += ";" + f.path + "=" + f.value;
  return key;
}
}  // namespace

const Study& StudyRunner::study(const std::string& study_file,
                                const std::vector<FieldOverride>& sets) {
  const std::string key = study_file + sets_key(sets);
  auto it = studies_.find(key);
  if (it == studies_.end())
    it =
        studies_.emplace(key, std::make_unique<Study>(load_study(scenario_dir_ / study_file, sets)))
            .first;
  return *it->second;
}

const Scenario& StudyRunner::scenario(const std::string& study_file, const std::string& arm_name,
                                      const std::vector<FieldOverride>& sets) {
  const Study& s = study(study_file, sets);
  for (const Scenario& a : s.arms)
    if (a.name == arm_name) return a;
  std::string names;
  for (const Scenario& a : s.arms) names += (names.empty() ? "" : ", ") + a.name;
  throw InputError(study_file + " has no arm '" + arm_name + "'; its arms: " + names);
}

const Result& StudyRunner::arm(const std::string& study_file, const std::string& arm_name,
                               const Overrides& extra, const std::vector<FieldOverride>& sets,
                               double output_interval_h) {
  std::ostringstream key;
  key.precision(17);
  key << study_file << sets_key(sets) << "#" << arm_name << "@" << output_interval_h;
  for (const auto& [name, value] : extra) key << ";" << name << "=" << value;
  auto it = results_.find(key.str());
  if (it != results_.end()) return it->second;

  Scenario sc = scenario(study_file, arm_name, sets);
  if (output_interval_h > 0.0) sc.output_interval_h = output_interval_h;
  Parameters p = resolve_parameters(sc, parameters_);
  for (const auto& [name, value] : extra) set_parameter(p, name, value);
  Simulation r = simulate_scenario(sc, p, solver_);
  ++runs_;
  if (!r.stats.ok())
    throw SimulationError(study_file + " arm " + arm_name + ": " + r.stats.message);
  return results_.emplace(key.str(), std::move(r)).first->second;
}

}  // namespace myoflux::protein_balance
