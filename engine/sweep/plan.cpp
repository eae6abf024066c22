// Run numbering (a mixed-radix number: arm slowest, then case, grid axes in file order, sample,
// person fastest), coordinates, the check of every value against the base, and input hashes.
#include "engine/sweep/plan.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "engine/provenance.hpp"
#include "engine/scenario/compile.hpp"
#include "engine/sweep/population.hpp"
#include "engine/sweep/random.hpp"
#include "engine/sweep/sobol.hpp"
#include "engine/sweep/summary.hpp"
#include "engine/sweep/yaml_values.hpp"

namespace myoflux::sweep {

namespace {

constexpr std::int64_t kMaxRuns = std::int64_t{1} << 40;
constexpr std::int64_t kDefaultChunks = 64;
constexpr std::int64_t kMaxDefaultChunkSize = 10000;
constexpr std::size_t kMaxTrajectorySamples = 100000;
constexpr double kSummaryBudgetBytes = 512.0 * 1024 * 1024;

YamlNode scalar_node(std::string text, const SourceMark& mark) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.scalar = std::move(text);
  n.mark = mark;
  return n;
}

std::string with_unit(double value, const std::string& unit) {
  return shortest_text(value) + (unit.empty() ? "" : " " + unit);
}

/// The same fields as the arm_runner's --method/--rtol/--max-steps (engine/cli/arm_runner.cpp):
/// absolute tolerances scale with the relative one, as in the model's recommendation.
SolverConfig resolve_solver(const SolverSettings& s, const ModelAdapter& model) {
  SolverConfig c = model.default_solver();
  if (!s.method.empty()) c.method = parse_method(s.method);
  if (s.rtol > 0.0) {
    const double factor = s.rtol / c.rtol;
    for (double& a : c.atol_per_state) a *= factor;
    c.atol *= factor;
    c.rtol = s.rtol;
  }
  if (s.max_steps > 0) c.max_steps = s.max_steps;
  return c;
}

std::string subject_path_text(std::string_view field) {
  return "subject." + std::string(field);
}

}  // namespace

std::string shortest_text(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

SweepPlan::SweepPlan(SweepSpec spec, const ModelAdapter& model) : spec_(std::move(spec)) {
  arms_ = load_arms(spec_.base, spec_.base_mark);
  for (const ParameterInfo& p : model.parameters()) {
    parameter_defaults_[p.name] = p.value;
    parameter_units_[p.name] = p.unit;
  }
  if (spec_.population) {
    const char* fields[] = {
        "sex", "age", "body_mass", "vo2max", "training_status", "muscle_mass_fraction"};
    for (std::size_t i = 0; i < population_paths_.size(); ++i)
      population_paths_[i] = {
          subject_path_text(fields[i]), {"subject", fields[i]}, spec_.population->mark};
  }
  solver_ = resolve_solver(spec_.solver, model);
  build_dimensions();
  build_coordinates();
  build_outputs(model);
  check_values();
  build_fingerprint(model);
}

void SweepPlan::build_dimensions() {
  dimension_sizes_ = {static_cast<std::int64_t>(arms_.size()),
                      spec_.cases ? static_cast<std::int64_t>(spec_.cases->values.size()) : 1};
  for (const GridAxis& axis : spec_.grid)
    dimension_sizes_.push_back(static_cast<std::int64_t>(axis.values.size()));
  dimension_sizes_.push_back(spec_.sample ? spec_.sample->count : 1);
  dimension_sizes_.push_back(spec_.population ? spec_.population->count : 1);
  run_count_ = 1;
  for (std::int64_t size : dimension_sizes_) {
    if (run_count_ > kMaxRuns / size)
      throw ScenarioError(SourceMark{spec_.file, 1, 1},
                          "the sweep has more than 2^40 runs; split it into several sweeps");
    run_count_ *= size;
  }
  chunk_size_ = spec_.chunk_size > 0
                    ? spec_.chunk_size
                    : std::clamp<std::int64_t>((run_count_ + kDefaultChunks - 1) / kDefaultChunks,
                                               1, kMaxDefaultChunkSize);
  if (spec_.sample && spec_.sample->method == SampleMethod::sobol) {
    if (spec_.sample->ranges.size() > static_cast<std::size_t>(kSobolMaxDimensions))
      throw ScenarioError(spec_.sample->mark, "the Sobol sequence supports up to " +
                                                  std::to_string(kSobolMaxDimensions) +
                                                  " ranges, got " +
                                                  std::to_string(spec_.sample->ranges.size()));
    if (spec_.sample->count > (std::int64_t{1} << 32))
      throw ScenarioError(spec_.sample->mark, "the Sobol sequence has at most 2^32 points");
    sobol_ = std::make_shared<Sobol>(static_cast<int>(spec_.sample->ranges.size()));
  }
  if (spec_.sample && spec_.sample->method == SampleMethod::latin_hypercube)
    for (std::size_t d = 0; d < spec_.sample->ranges.size(); ++d)
      strata_.emplace_back(static_cast<std::uint64_t>(spec_.sample->count), spec_.seed,
                           (stream::kLatinHypercubeShuffle << 32) + d);
}

std::int64_t SweepPlan::chunk_run_count(std::int64_t chunk) const {
  return std::min(chunk_size_, run_count_ - chunk_first_run(chunk));
}

void SweepPlan::build_coordinates() {
  if (arms_.size() > 1) {
    Coordinate arm{"arm", "", {}, true};
    for (const Arm& a : arms_) arm.labels.push_back(a.name);
    coordinates_.push_back(std::move(arm));
  }
  if (spec_.cases) {
    const Cases& c = *spec_.cases;
    case_codes_.assign(c.values.size(), std::vector<double>(c.paths.size()));
    for (std::size_t k = 0; k < c.paths.size(); ++k) {
      Coordinate coordinate{c.coordinates[k].name, c.coordinates[k].unit, {}, true};
      for (std::size_t i = 0; i < c.values.size(); ++i) {
        const FixedValue& v = c.values[i][k];
        if (c.coordinates[k].numeric) {
          case_codes_[i][k] = v.number;
          continue;
        }
        auto it = std::find(coordinate.labels.begin(), coordinate.labels.end(), v.label);
        if (it == coordinate.labels.end())
          it = coordinate.labels.insert(coordinate.labels.end(), v.label);
        case_codes_[i][k] = static_cast<double>(it - coordinate.labels.begin());
      }
      coordinates_.push_back(std::move(coordinate));
    }
  }
  for (const GridAxis& axis : spec_.grid) {
    Coordinate coordinate{axis.coordinate.name, axis.coordinate.unit, {}, true};
    if (!axis.coordinate.numeric)
      for (const FixedValue& v : axis.values) coordinate.labels.push_back(v.label);
    coordinates_.push_back(std::move(coordinate));
  }
  if (spec_.sample)
    for (const Range& r : spec_.sample->ranges)
      coordinates_.push_back(
          {r.path.text, r.path.is_parameter() ? parameter_unit(r.path) : r.unit, {}, false});
  if (spec_.population) {
    coordinates_.push_back({"person", "", {}, false});
    coordinates_.push_back({subject_path_text("sex"), "", {"female", "male"}, true});
    coordinates_.push_back({subject_path_text("age"), "years", {}, false});
    coordinates_.push_back({subject_path_text("body_mass"), "kg", {}, false});
    coordinates_.push_back({subject_path_text("vo2max"), "mL/kg/min", {}, false});
    coordinates_.push_back(
        {subject_path_text("training_status"), "", {"untrained", "recreational", "trained"}, true});
    coordinates_.push_back({subject_path_text("muscle_mass_fraction"), "1", {}, false});
    for (const Population::Variability& v : spec_.population->parameters)
      coordinates_.push_back({v.path.text, v.unit, {}, false});
  }
}

std::string SweepPlan::parameter_unit(const FieldPath& path) const {
  const auto it = parameter_units_.find(path.parameter());
  return it == parameter_units_.end() ? "" : it->second;
}

void SweepPlan::build_outputs(const ModelAdapter& model) {
  const std::vector<EndpointInfo> all = model_endpoints(model);
  for (std::size_t i = 0; i < all.size(); ++i)
    if (spec_.keep.endpoints.empty() ||
        std::find(spec_.keep.endpoints.begin(), spec_.keep.endpoints.end(), all[i].name) !=
            spec_.keep.endpoints.end()) {
      endpoints_.push_back(all[i]);
      endpoint_rows_.push_back(i);
    }
  if (spec_.keep.trajectories.empty()) return;
  for (const std::string& name : spec_.keep.trajectories)
    for (const VariableInfo& v : model.outputs())
      if (v.name == name) trajectory_outputs_.push_back(v);
  double until = spec_.keep.until_h;  // default: the longest arm
  if (until <= 0.0)
    for (const Arm& a : arms_) until = std::max(until, a.compiled.duration_h);
  const auto samples = static_cast<std::size_t>(std::floor(until / spec_.keep.every_h + 1e-9)) + 1;
  if (samples > kMaxTrajectorySamples)
    throw ScenarioError(spec_.keep.mark,
                        "the kept trajectories would have " + std::to_string(samples) +
                            " samples per run; at most " + std::to_string(kMaxTrajectorySamples) +
                            " are kept (choose a larger 'every')");
  for (std::size_t k = 0; k < samples; ++k)
    trajectory_times_h_.push_back(static_cast<double>(k) * spec_.keep.every_h);
  std::size_t groups = 1 + (arms_.size() > 1 ? arms_.size() : 0);
  for (const Coordinate& c : coordinates_)
    if (c.groups) groups += c.categorical() ? c.labels.size() : 16;
  const double bytes =
      static_cast<double>(groups) *
      static_cast<double>(endpoints_.size() + trajectory_outputs_.size() * samples) *
      static_cast<double>(kStatisticBytes);
  if (bytes > kSummaryBudgetBytes)
    throw ScenarioError(spec_.keep.mark,
                        "the summary over time would need about " +
                            std::to_string(static_cast<long long>(bytes / (1 << 20))) +
                            " MB (groups x outputs x samples); keep fewer trajectories or a "
                            "larger 'every'");
}

RunInputs SweepPlan::inputs(std::int64_t run) const {
  RunInputs in;
  in.run = run;
  std::vector<std::int64_t> digit(dimension_sizes_.size());
  std::int64_t rest = run;
  for (std::size_t d = dimension_sizes_.size(); d-- > 0;) {
    digit[d] = rest % dimension_sizes_[d];
    rest /= dimension_sizes_[d];
  }
  in.arm = static_cast<std::size_t>(digit[0]);
  if (arms_.size() > 1) in.coordinates.push_back(static_cast<double>(in.arm));
  const auto set = [&](const FieldPath& path, YamlNode value, double number) {
    if (path.is_parameter())
      in.parameters.push_back({path.parameter(), number, value.scalar, value.mark});
    else
      in.fields.push_back({&path, std::move(value)});
  };
  if (spec_.cases) {
    const auto c = static_cast<std::size_t>(digit[1]);
    for (std::size_t k = 0; k < spec_.cases->paths.size(); ++k) {
      const FixedValue& v = spec_.cases->values[c][k];
      set(spec_.cases->paths[k], v.node, v.number);
      in.coordinates.push_back(case_codes_[c][k]);
    }
  }
  for (std::size_t a = 0; a < spec_.grid.size(); ++a) {
    const GridAxis& axis = spec_.grid[a];
    const auto k = static_cast<std::size_t>(digit[2 + a]);
    set(axis.path, axis.values[k].node, axis.values[k].number);
    in.coordinates.push_back(!axis.shown.empty()       ? axis.shown[k]
                             : axis.coordinate.numeric ? axis.values[k].number
                                                       : static_cast<double>(k));
  }
  if (spec_.sample) {
    const auto s = static_cast<std::uint64_t>(digit[digit.size() - 2]);
    for (std::size_t d = 0; d < spec_.sample->ranges.size(); ++d) {
      const Range& r = spec_.sample->ranges[d];
      const double value = sampled_value(r, unit_point(s, d));
      set(r.path, scalar_node(with_unit(value, r.unit), r.at.mark), value);
      in.coordinates.push_back(value);
    }
  }
  if (spec_.population) add_person(in, digit.back());
  return in;
}

double SweepPlan::unit_point(std::uint64_t sample, std::size_t dimension) const {
  switch (spec_.sample->method) {
    case SampleMethod::sobol:
      return sobol_->point(sample, static_cast<int>(dimension));
    case SampleMethod::latin_hypercube: {
      // Stratum perm(sample) of `count` equal strata, at a uniform position within it.
      const double jitter = uniform01(spec_.seed, stream::kLatinHypercubeJitter, sample, dimension);
      return (static_cast<double>(strata_[dimension](sample)) + jitter) /
             static_cast<double>(spec_.sample->count);
    }
    case SampleMethod::random:
      break;
  }
  return uniform01(spec_.seed, stream::kRandomSample, sample, dimension);
}

double SweepPlan::sampled_value(const Range& r, double x) const {
  double value = r.log ? r.from * std::pow(r.to / r.from, x) : r.from + x * (r.to - r.from);
  if (r.step > 0.0) value = r.from + std::round((value - r.from) / r.step) * r.step;
  return std::clamp(value, r.from, r.to);
}

void SweepPlan::add_person(RunInputs& in, std::int64_t index) const {
  const Population& p = *spec_.population;
  const Person person = draw_person(p, spec_.seed, index);
  const auto put = [&](const FieldPath& path, std::string text, double coordinate) {
    in.fields.push_back({&path, scalar_node(std::move(text), p.mark)});
    in.coordinates.push_back(coordinate);
  };
  in.coordinates.push_back(static_cast<double>(index));
  put(population_paths_[0], std::string(sex_name(person.sex)),
      person.sex == Sex::female ? 0.0 : 1.0);
  put(population_paths_[1], with_unit(person.age_years, "years"), person.age_years);
  put(population_paths_[2], with_unit(person.body_mass_kg, "kg"), person.body_mass_kg);
  put(population_paths_[3], with_unit(person.vo2max_ml_per_kg_min, "mL/kg/min"),
      person.vo2max_ml_per_kg_min);
  put(population_paths_[4], std::string(training_status_name(person.training_status)),
      static_cast<double>(static_cast<int>(person.training_status)));
  put(population_paths_[5], with_unit(100.0 * person.muscle_mass_fraction, "%"),
      person.muscle_mass_fraction);
  for (std::size_t k = 0; k < p.parameters.size(); ++k) {
    const Population::Variability& v = p.parameters[k];
    const double value = std::clamp(
        parameter_value(in.arm, v.path.parameter()) * person.parameter_factors[k], v.min, v.max);
    in.parameters.push_back({v.path.parameter(), value, shortest_text(value), p.mark});
    in.coordinates.push_back(value);
  }
}

double SweepPlan::parameter_value(std::size_t arm, const std::string& name) const {
  for (const ParameterOverride& o : arms_[arm].compiled.parameters)
    if (o.name == name) return o.value;
  return parameter_defaults_.at(name);
}

Scenario SweepPlan::scenario(const RunInputs& in) const {
  const Arm& arm = arms_[in.arm];
  Scenario s;
  if (in.fields.empty()) {
    s = arm.compiled;
  } else {
    YamlNode doc = arm.document;
    for (const Placement& p : in.fields) place(doc, *p.path, p.value);
    s = scenario::compile_scenario(doc, arm.name);
  }
  s.name = arm.name;
  for (const ParameterOverride& o : in.parameters) {
    const auto it = std::find_if(s.parameters.begin(), s.parameters.end(),
                                 [&](const ParameterOverride& p) { return p.name == o.name; });
    if (it != s.parameters.end())
      *it = o;
    else
      s.parameters.push_back(o);
  }
  return s;
}

void SweepPlan::check_values() const {
  // Each value alone, in every arm: a bad value is reported where the sweep file gives it.
  const auto check = [&](const std::vector<std::pair<const FieldPath*, YamlNode>>& fields) {
    for (const Arm& arm : arms_) {
      YamlNode doc = arm.document;
      bool any = false;
      for (const auto& [path, value] : fields)
        if (!path->is_parameter()) {
          place(doc, *path, value);
          any = true;
        }
      if (any) scenario::compile_scenario(doc, arm.name);
    }
  };
  if (spec_.cases)
    for (const auto& row : spec_.cases->values) {
      std::vector<std::pair<const FieldPath*, YamlNode>> fields;
      for (std::size_t k = 0; k < row.size(); ++k)
        fields.emplace_back(&spec_.cases->paths[k], row[k].node);
      check(fields);
    }
  for (const GridAxis& axis : spec_.grid)
    for (const FixedValue& v : axis.values) check({{&axis.path, v.node}});
  if (spec_.sample)
    for (const Range& r : spec_.sample->ranges)
      for (double end : {r.from, r.to})
        check({{&r.path, scalar_node(with_unit(end, r.unit), r.at.mark)}});
  if (spec_.population) {
    RunInputs first;
    add_person(first, 0);
    std::vector<std::pair<const FieldPath*, YamlNode>> fields;
    for (const Placement& p : first.fields) fields.emplace_back(p.path, p.value);
    check(fields);
  }
}

std::string SweepPlan::describe(const RunInputs& in) const {
  std::string text = "run " + std::to_string(in.run) + ": arm=" + arms_[in.arm].name;
  for (const Placement& p : in.fields) text += "; " + p.path->text + "=" + flow_text(p.value);
  for (const ParameterOverride& o : in.parameters)
    text += "; parameters." + o.name + "=" + shortest_text(o.value);
  return text;
}

void SweepPlan::build_fingerprint(const ModelAdapter& model) {
  std::string text = "myoflux sweep inputs, format 1\nmodel: " + std::string(model.name()) + "\n";
  for (const ParameterInfo& p : model.parameters())
    text += "parameter " + p.name + "=" + shortest_text(p.value) + "\n";
  text += "spec:\n" + spec_.text + "\n";
  for (const Arm& a : arms_) text += "arm " + a.name + ": " + flow_text(a.document) + "\n";
  text += "solver: " + std::string(method_name(solver_.method)) +
          " rtol=" + shortest_text(solver_.rtol) +
          " max_steps=" + std::to_string(solver_.max_steps) + "\n";
  text += "chunk_size: " + std::to_string(chunk_size_) + "\n";
  fingerprint_ = sha256_hex(text);
}

std::string SweepPlan::chunk_hash(std::int64_t chunk) const {
  std::string text = fingerprint_ + "\n";
  const std::int64_t first = chunk_first_run(chunk);
  for (std::int64_t r = first; r < first + chunk_run_count(chunk); ++r)
    text += describe(inputs(r)) + "\n";
  return sha256_hex(text);
}

}  // namespace myoflux::sweep
