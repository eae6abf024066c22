// A sweep specification (docs/sweeps.md): a base scenario or study, the fields and model
// parameters to vary (explicit cases, grids, sampled ranges, a virtual population), what to keep
// of each run, and the solver settings. Read from YAML with every error at its file:line:column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/scenario/yaml_reader.hpp"

namespace myoflux::sweep {

using scenario::YamlNode;

/// Where a varied value goes: a dotted path into the scenario document ("diet.protein",
/// "plan.0.weekdays") or a model parameter ("parameters.k_name").
struct FieldPath {
  std::string text;
  std::vector<std::string> parts;
  SourceMark mark;  // where the path is written in the sweep file
  bool is_parameter() const { return parts.size() == 2 && parts[0] == "parameters"; }
  const std::string& parameter() const { return parts[1]; }
};

/// How a coordinate of the result table is shown: its name, unit, and whether its values are
/// numbers (a value with a unit or a plain number) or labels (any other YAML value).
struct CoordinateStyle {
  std::string name;
  std::string unit;
  bool numeric = false;
};

/// One value of a grid axis or a case, as written in the sweep file.
struct FixedValue {
  YamlNode node;
  double number = 0.0;  // the number before the unit, when the axis is numeric
  std::string label;    // as written ("1.6 g/kg/day"; a list or mapping as flow YAML "[mon, thu]")
};

/// A grid axis: every value is combined with every value of the other axes.
struct GridAxis {
  FieldPath path;
  std::vector<FixedValue> values;
  CoordinateStyle coordinate;
  /// `coordinate: {name, unit, values}`: numbers shown for the values in the table (e.g. 1, 2, 3
  /// sessions per week for three weekday lists); empty when the values are shown themselves.
  std::vector<double> shown;
};

/// Explicit runs: every case sets the same fields, in the same order.
struct Cases {
  std::vector<FieldPath> paths;
  std::vector<CoordinateStyle> coordinates;     // one per path
  std::vector<std::vector<FixedValue>> values;  // [case][path]
  SourceMark mark;
};

enum class SampleMethod { latin_hypercube, sobol, random };
std::string_view sample_method_name(SampleMethod m);

/// A range sampled between two values written in the same unit.
struct Range {
  FieldPath path;
  double from = 0.0;
  double to = 0.0;
  std::string unit;   // "" for plain numbers (model parameters, counts)
  bool log = false;   // uniform in log(value) instead of value
  double step = 0.0;  // > 0: values rounded to from + k * step
  YamlNode at;        // the range as written (generated values are located here)
};

struct Sampling {
  SampleMethod method = SampleMethod::random;
  std::int64_t count = 0;
  std::vector<Range> ranges;
  SourceMark mark;
};

/// A normal distribution in a unit, truncated to mean +- kTruncationSd standard deviations.
struct NormalSpec {
  double mean = 0.0;
  double sd = 0.0;
};

/// A virtual population (docs/sweeps.md, "Virtual population", gives the sources of defaults).
struct Population {
  std::int64_t count = 0;
  double female_share = 0.5;
  double age_from_years = 20.0;
  double age_to_years = 60.0;
  double untrained_share = 1.0 / 3.0;
  double recreational_share = 1.0 / 3.0;  // trained: the rest
  NormalSpec body_mass_female_kg{77.5, 20.0};
  NormalSpec body_mass_male_kg{90.6, 20.0};
  double vo2max_cv = 0.20;
  /// Model parameters varied between people: lognormal around the run's value with this
  /// coefficient of variation.
  struct Variability {
    FieldPath path;
    double cv = 0.0;
    double min = 0.0, max = 0.0;  // the parameter's valid range
    std::string unit;
  };
  std::vector<Variability> parameters;
  SourceMark mark;
};

/// What each run keeps: endpoints (always) and, optionally, trajectories on a coarse grid.
struct Keep {
  std::vector<std::string> endpoints;  // names of the model's summary rows; empty: all
  std::vector<std::string> trajectories;
  double every_h = 0.0;  // trajectory sample spacing
  double until_h = 0.0;  // last sample (0: the longest arm's duration)
  SourceMark mark;       // the `keep` section (or the file when it has none)
};

/// Solver settings for every run (0 or "" keeps the model's recommendation).
struct SolverSettings {
  std::string method;
  double rtol = 0.0;
  long max_steps = 0;
};

struct SweepSpec {
  std::string name;
  std::string description;
  std::string file;  // the spec file ("" for text)
  std::string text;  // as read
  std::filesystem::path base;
  SourceMark base_mark;
  std::uint64_t seed = 0;
  std::optional<Cases> cases;
  std::vector<GridAxis> grid;
  std::optional<Sampling> sample;
  std::optional<Population> population;
  Keep keep;
  SolverSettings solver;
  std::int64_t chunk_size = 0;  // 0: chosen from the number of runs
};

/// Reads a sweep file. Throws ScenarioError (file:line:column: message) for bad input. Checks
/// the shape of the file and the model's parameter names and ranges; the scenario fields are
/// checked by compiling the base with each value (plan.hpp).
SweepSpec load_sweep_spec(const std::filesystem::path& file, const ModelAdapter& model);
/// The same from text; `name` stands in for the file name in messages and `base_dir` is where
/// `base` is resolved.
SweepSpec sweep_spec_from_yaml(std::string_view text, std::string_view name,
                               const std::filesystem::path& base_dir, const ModelAdapter& model);

/// Keys of the sweep file's mappings, for messages and docs/sweeps.md.
const std::vector<std::string_view>& sweep_keys(std::string_view section);

}  // namespace myoflux::sweep
