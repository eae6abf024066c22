// A sweep spec expanded into numbered runs without materializing them: run i's inputs (its arm,
// the values placed into its scenario, its model parameters and its coordinates in the result
// table) are computed from i alone, so any chunk, thread, MPI rank or array task can rebuild
// exactly its own runs, and memory does not grow with the number of runs.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/sweep/endpoints.hpp"
#include "engine/sweep/random.hpp"
#include "engine/sweep/sobol.hpp"
#include "engine/sweep/spec.hpp"

namespace myoflux::sweep {

/// One arm of the base study (a plain scenario is a study of one arm): its scenario document
/// with `extends` resolved, and the scenario compiled from it.
struct Arm {
  std::string name;
  YamlNode document;
  Scenario compiled;
};

/// A column describing runs in the result table: an axis, a covariate, the arm.
struct Coordinate {
  std::string name;
  std::string unit;                 // "" for labels and plain numbers
  std::vector<std::string> labels;  // non-empty: values are indices into these labels
  bool groups = false;              // the summary has a group per value
  bool categorical() const { return !labels.empty(); }
};

/// A value placed into the scenario document of one run.
struct Placement {
  const FieldPath* path = nullptr;
  YamlNode value;
};

struct RunInputs {
  std::int64_t run = 0;
  std::size_t arm = 0;
  std::vector<Placement> fields;
  std::vector<ParameterOverride> parameters;
  std::vector<double> coordinates;  // one per SweepPlan::coordinates()
};

class SweepPlan {
 public:
  /// Loads the base, checks every value of every axis against it by compiling, and prepares the
  /// run numbering. Throws ScenarioError (located) for bad input; nothing is simulated.
  SweepPlan(SweepSpec spec, const ModelAdapter& model);

  const SweepSpec& spec() const { return spec_; }
  const std::vector<Arm>& arms() const { return arms_; }
  std::int64_t run_count() const { return run_count_; }
  std::int64_t chunk_size() const { return chunk_size_; }
  std::int64_t chunk_count() const { return (run_count_ + chunk_size_ - 1) / chunk_size_; }
  std::int64_t chunk_first_run(std::int64_t chunk) const { return chunk * chunk_size_; }
  std::int64_t chunk_run_count(std::int64_t chunk) const;

  /// The inputs of run `run` (0-based). Pure: depends only on the spec and `run`.
  RunInputs inputs(std::int64_t run) const;
  /// The compiled scenario of a run. Throws ScenarioError or InputError when a combination of
  /// values is invalid (each value alone was checked when the plan was made).
  Scenario scenario(const RunInputs& inputs) const;

  const std::vector<Coordinate>& coordinates() const { return coordinates_; }
  /// The endpoint columns kept, and their positions in the model's summary table.
  const std::vector<EndpointInfo>& endpoints() const { return endpoints_; }
  const std::vector<std::size_t>& endpoint_rows() const { return endpoint_rows_; }
  /// Kept trajectories: output names with units, and the sample times (h).
  const std::vector<VariableInfo>& trajectory_outputs() const { return trajectory_outputs_; }
  const std::vector<double>& trajectory_times_h() const { return trajectory_times_h_; }
  const SolverConfig& solver() const { return solver_; }

  /// SHA-256 of everything that decides the results apart from the run numbers: the spec text,
  /// the resolved base documents, the model's name and parameter defaults, solver and keep.
  const std::string& fingerprint() const { return fingerprint_; }
  /// SHA-256 of the fingerprint and the resolved inputs of the chunk's runs.
  std::string chunk_hash(std::int64_t chunk) const;
  /// A run's inputs as text (what the chunk hash covers), e.g. for messages.
  std::string describe(const RunInputs& inputs) const;

 private:
  void build_dimensions();
  void build_coordinates();
  void build_outputs(const ModelAdapter& model);
  void check_values() const;
  void build_fingerprint(const ModelAdapter& model);
  std::string parameter_unit(const FieldPath& path) const;
  double parameter_value(std::size_t arm, const std::string& name) const;
  double unit_point(std::uint64_t sample, std::size_t dimension) const;
  double sampled_value(const Range& range, double unit_point) const;
  void add_person(RunInputs& inputs, std::int64_t person) const;

  SweepSpec spec_;
  std::vector<Arm> arms_;
  std::vector<std::int64_t> dimension_sizes_;  // arms, cases, grid axes..., samples, people
  std::int64_t run_count_ = 0;
  std::int64_t chunk_size_ = 1;
  std::vector<Coordinate> coordinates_;
  std::vector<EndpointInfo> endpoints_;
  std::vector<std::size_t> endpoint_rows_;
  std::vector<VariableInfo> trajectory_outputs_;
  std::vector<double> trajectory_times_h_;
  SolverConfig solver_;
  std::string fingerprint_;
  std::map<std::string, double> parameter_defaults_;
  std::map<std::string, std::string> parameter_units_;
  std::vector<std::vector<double>> case_codes_;  // [case][field]: number or label index
  std::shared_ptr<const Sobol> sobol_;
  std::vector<Permutation> strata_;            // Latin hypercube: one shuffle per range
  std::array<FieldPath, 6> population_paths_;  // subject.sex, age, body_mass, vo2max, ...
};

/// A number as the shortest text that reads back to the same double ("1.6", "0.1", "1e-07").
std::string shortest_text(double value);

/// Loads the arms of a base file (study or scenario). Throws ScenarioError located at `at` or in
/// the base files.
std::vector<Arm> load_arms(const std::filesystem::path& base, const SourceMark& at);

/// Puts `value` at `path` in a scenario document, creating mappings on the way (as --set does).
/// Throws ScenarioError at the path's mark when the path runs into a value or past a list.
void place(YamlNode& document, const FieldPath& path, const YamlNode& value);

}  // namespace myoflux::sweep
