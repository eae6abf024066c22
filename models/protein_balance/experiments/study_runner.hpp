// Runs arms of library studies with one parameter set, each once (results are cached), for the
// virtual experiments and the calibration. Arms may get extra parameter overrides, e.g. a
// study's measured baselines.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/solver/solver_config.hpp"
#include "models/protein_balance/parameters.hpp"

namespace myoflux::protein_balance {

/// A parameter set for one arm on top of the runner's, e.g. {"plasma_leucine_basal_umol_per_l",
/// 152}.
using Overrides = std::vector<std::pair<std::string, double>>;

class StudyRunner {
 public:
  StudyRunner(Parameters parameters, std::filesystem::path scenario_dir, SolverConfig solver);

  /// The result of one arm of a study file (path relative to the scenario folder). A plain
  /// scenario file is a study with one arm named after the scenario. Throws SimulationError if
  /// the run failed.
  /// `sets` are --set style field overrides applied to the study file; `output_interval_h` > 0
  /// replaces the file's output interval (acute targets need minutes, files often say 15 min).
  const Result& arm(const std::string& study_file, const std::string& arm_name,
                    const Overrides& extra = {}, const std::vector<FieldOverride>& sets = {},
                    double output_interval_h = 0.0);
  /// The compiled scenario of that arm (for its subject, duration and timeline).
  const Scenario& scenario(const std::string& study_file, const std::string& arm_name,
                           const std::vector<FieldOverride>& sets = {});

  const Parameters& parameters() const { return parameters_; }
  /// Runs from now on use these parameters (parsed study files are kept; results are not).
  void set_parameters(const Parameters& p) {
    parameters_ = p;
    results_.clear();
  }
  const std::filesystem::path& scenario_dir() const { return scenario_dir_; }
  long runs() const { return runs_; }

 private:
  const Study& study(const std::string& study_file, const std::vector<FieldOverride>& sets);
  Parameters parameters_;
  std::filesystem::path scenario_dir_;
  SolverConfig solver_;
  std::map<std::string, std::unique_ptr<Study>> studies_;
  std::map<std::string, Result> results_;
  long runs_ = 0;
};

/// The scenario library (engine/resources.hpp: the source tree, or share/myoflux).
std::filesystem::path default_scenario_dir();

}  // namespace myoflux::protein_balance
