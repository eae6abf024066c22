// The protein balance model behind the engine's ModelAdapter interface: what the CLI, Python and
// the sweep runner call. Also the one place that turns a Scenario into a model run.
#pragma once

#include "engine/model_adapter.hpp"
#include "engine/solver/simulation.hpp"
#include "models/protein_balance/model.hpp"

namespace myoflux::protein_balance {

class Adapter : public ModelAdapter {
 public:
  std::string_view name() const override { return "protein_balance"; }
  std::vector<ParameterInfo> parameters() const override { return parameter_table(); }
  std::vector<VariableInfo> outputs() const override;
  SolverConfig default_solver() const override;
  using ModelAdapter::run;
  RunRecord run(const Scenario& scenario, const SolverConfig& solver,
                RecordDetail detail) const override;
  std::unique_ptr<ModelFunctions> functions(const Scenario& scenario) const override;
  Table summarize(const Result& result) const override;
  SweatEstimate sweat_estimate(const Scenario& scenario) const override;
  /// The published targets file (experiments/targets.yaml) as a kind `myoflux check` knows.
  std::vector<FileKind> file_kinds() const override;
  ValidationReport validate(
      const std::function<void(std::size_t, std::size_t)>& progress) const override;
};

/// The scenario's parameter overrides applied to the defaults; an unknown name or a value out of
/// range is a ScenarioError at the override's file:line:column.
Parameters resolve_parameters(const Scenario& scenario, Parameters base = {});

/// Runs the model on a compiled scenario (no provenance, no tables): the core of Adapter::run,
/// used by tests, calibration and validation.
Simulation simulate_scenario(const Scenario& scenario, const Parameters& parameters,
                             const SolverConfig& solver);

}  // namespace myoflux::protein_balance
