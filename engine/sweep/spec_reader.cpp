// Reads a sweep file into a SweepSpec. Each section has its reader; every message names the key,
// says what would be valid with an example, and is located at the value in the sweep file.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "engine/scenario/document.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/scenario/scenario_internal.hpp"
#include "engine/sweep/endpoints.hpp"
#include "engine/sweep/spec.hpp"
#include "engine/sweep/yaml_values.hpp"

namespace myoflux::sweep {

using scenario::fail;
namespace fs = std::filesystem;

const std::vector<std::string_view>& sweep_keys(std::string_view section) {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kKeys = {
      {"sweep",
       {"name", "description", "base", "seed", "cases", "grid", "sample", "population", "keep",
        "solver", "chunk_size"}},
      {"grid_axis", {"values", "coordinate"}},
      {"coordinate", {"name", "unit", "values"}},
      {"sample", {"method", "count", "ranges"}},
      {"range", {"from", "to", "scale", "step"}},
      {"population",
       {"count", "sex", "age", "training_status", "body_mass", "vo2max", "parameters"}},
      {"sexes", {"female", "male"}},
      {"age_range", {"from", "to"}},
      {"training_statuses", {"untrained", "recreational", "trained"}},
      {"normal", {"mean", "sd"}},
      {"vo2max", {"cv"}},
      {"keep", {"endpoints", "trajectories"}},
      {"trajectories", {"outputs", "every", "until"}},
      {"solver", {"method", "rtol", "max_steps"}},
  };
  for (const auto& [name, keys] : kKeys)
    if (name == section) return keys;
  throw std::logic_error("sweep_keys: unknown section " + std::string(section));
}

std::string_view sample_method_name(SampleMethod m) {
  switch (m) {
    case SampleMethod::latin_hypercube:
      return "latin_hypercube";
    case SampleMethod::sobol:
      return "sobol";
    case SampleMethod::random:
      return "random";
  }
  return "random";
}

namespace {

constexpr std::string_view kSampleMethods[] = {"latin_hypercube", "sobol", "random"};
constexpr long long kMaxCount = 1'000'000'000;

/// What the reader needs from the model: parameter names and ranges, outputs and endpoints.
struct ModelVocabulary {
  std::vector<ParameterInfo> parameters;
  std::vector<std::string> outputs;
  std::vector<std::string> endpoints;
  const ParameterInfo* parameter(const std::string& name) const {
    for (const ParameterInfo& p : parameters)
      if (p.name == name) return &p;
    return nullptr;
  }
};

std::vector<std::string_view> views(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

void check_section(const YamlNode& node, std::string_view section, const std::string& what) {
  check_keys(node, sweep_keys(section), what);
}

FieldPath read_path(const scenario::MapEntry& e, const ModelVocabulary& model) {
  FieldPath path{e.key, {}, e.key_mark};
  std::string part;
  for (char c : e.key + ".") {
    if (c != '.') {
      part += c;
      continue;
    }
    if (part.empty() || part.find('/') != std::string::npos)
      throw ScenarioError(e.key_mark, "'" + e.key +
                                          "' is not a field path; a field is written as keys "
                                          "separated by single dots (e.g. diet.protein)");
    path.parts.push_back(std::move(part));
    part.clear();
  }
  const std::string& top = path.parts.front();
  if (top == "name" || top == "extends" || top == "description" || top == "source")
    throw ScenarioError(e.key_mark, "'" + top +
                                        "' cannot be swept: it does not change a run (sweep "
                                        "fields such as diet.protein or subject.body_mass)");
  if (top == "parameters") {
    if (path.parts.size() != 2)
      throw ScenarioError(e.key_mark,
                          "a model parameter is written parameters.NAME (e.g. "
                          "parameters.k_digest_whey_per_h), got '" +
                              e.key + "'");
    if (model.parameter(path.parts[1]) == nullptr) {
      std::vector<std::string> names;
      for (const ParameterInfo& p : model.parameters) names.push_back(p.name);
      throw ScenarioError(e.key_mark, "unknown model parameter '" + path.parts[1] + "'" +
                                          scenario::did_you_mean(path.parts[1], views(names)) +
                                          "; `myoflux params` lists them");
    }
  }
  return path;
}

/// A parameter value must be a plain number within the parameter's range.
void check_parameter_value(const FieldPath& path, const YamlNode& node, double value,
                           const ModelVocabulary& model) {
  const ParameterInfo& p = *model.parameter(path.parameter());
  if (value < p.min || value > p.max)
    fail(node, "parameter '" + p.name + "' must lie in [" + scenario::number_text(p.min, 6) + ", " +
                   scenario::number_text(p.max, 6) + "] " + p.unit + ", got " +
                   scenario::written(node));
}

FixedValue read_fixed(const FieldPath& path, const YamlNode& node, const ModelVocabulary& model) {
  FixedValue v{node, 0.0, node.is_scalar() ? node.scalar : flow_text(node)};
  const auto n = node.is_scalar() ? split_number_unit(node.scalar) : std::nullopt;
  if (n) v.number = n->number;
  if (path.is_parameter()) {
    if (!n || !n->unit.empty())
      fail(node, "parameter '" + path.parameter() +
                     "' takes plain numbers in its documented unit (e.g. 0.05; see `myoflux "
                     "params`), got " +
                     scenario::written(node));
    check_parameter_value(path, node, n->number, model);
  }
  if (node.is_null())
    fail(node, "a value for '" + path.text + "' is missing (write one, e.g. 1.6 g/kg/day)");
  return v;
}

/// Numbers when every value is a number with the same unit; labels otherwise.
CoordinateStyle style_of(const FieldPath& path, const std::vector<const FixedValue*>& values,
                         const ModelVocabulary& model) {
  CoordinateStyle style{path.text, "", true};
  std::optional<std::string> unit;
  for (const FixedValue* v : values) {
    const auto n = v->node.is_scalar() ? split_number_unit(v->node.scalar) : std::nullopt;
    if (!n || (unit && *unit != n->unit)) return {path.text, "", false};
    unit = n->unit;
  }
  style.unit = unit.value_or("");
  if (path.is_parameter()) style.unit = model.parameter(path.parameter())->unit;
  return style;
}

std::vector<const YamlNode*> read_nonempty_list(const YamlNode& node, std::string_view what,
                                                std::string_view example) {
  if (!node.is_sequence() || node.items.empty())
    fail(node, std::string(what) + " must be a non-empty list (e.g. " + std::string(example) +
                   "), got " + std::string(scenario::kind_noun(node)));
  std::vector<const YamlNode*> out;
  for (const YamlNode& item : node.items) out.push_back(&item);
  return out;
}

void read_coordinate(const YamlNode& node, GridAxis& axis) {
  check_section(node, "coordinate", "the coordinate of '" + axis.path.text + "'");
  if (const YamlNode* n = entry(node, "name"))
    axis.coordinate.name = scenario::read_name(*n, "name");
  if (const YamlNode* u = entry(node, "unit"))
    axis.coordinate.unit = scenario::read_text(*u, "unit");
  const YamlNode* values = entry(node, "values");
  if (values == nullptr)
    fail(node, "a coordinate needs 'values': one number per value of the axis");
  const auto items = read_nonempty_list(*values, "'values'", "[1, 2, 3]");
  if (items.size() != axis.values.size())
    fail(*values, "the coordinate has " + std::to_string(items.size()) +
                      " values but the axis has " + std::to_string(axis.values.size()) +
                      "; give one number per value");
  for (const YamlNode* item : items) axis.shown.push_back(read_plain_number(*item, "values", "3"));
  axis.coordinate.numeric = true;
}

GridAxis read_grid_axis(const scenario::MapEntry& e, const ModelVocabulary& model) {
  GridAxis axis{read_path(e, model), {}, {}, {}};
  const YamlNode* values_node = &e.value;
  const YamlNode* coordinate = nullptr;
  if (e.value.is_map()) {
    check_section(e.value, "grid_axis", "the grid axis '" + e.key + "'");
    values_node = entry(e.value, "values");
    if (values_node == nullptr)
      fail(e.value, "the grid axis '" + e.key +
                        "' needs 'values' (e.g. values: [1.0 g/kg/day, "
                        "1.6 g/kg/day])");
    coordinate = entry(e.value, "coordinate");
  }
  const auto items = read_nonempty_list(*values_node, "the values of grid axis '" + e.key + "'",
                                        "[1.0 g/kg/day, 1.6 g/kg/day]");
  std::set<std::string> seen;
  for (const YamlNode* item : items) {
    axis.values.push_back(read_fixed(axis.path, *item, model));
    if (!seen.insert(axis.values.back().label).second)
      fail(*item, "the value " + axis.values.back().label + " appears twice on axis '" + e.key +
                      "'; give each value once");
  }
  std::vector<const FixedValue*> all;
  for (const FixedValue& v : axis.values) all.push_back(&v);
  axis.coordinate = style_of(axis.path, all, model);
  if (coordinate) read_coordinate(*coordinate, axis);
  return axis;
}

std::vector<GridAxis> read_grid(const YamlNode& node, const ModelVocabulary& model) {
  if (!node.is_map() || node.entries.empty())
    fail(node,
         "'grid' must be a mapping from fields to lists of values (e.g. grid: "
         "{diet.protein: [1.0 g/kg/day, 1.6 g/kg/day]}), got " +
             std::string(scenario::kind_noun(node)));
  std::vector<GridAxis> axes;
  for (const scenario::MapEntry& e : node.entries) axes.push_back(read_grid_axis(e, model));
  return axes;
}

Cases read_cases(const YamlNode& node, const ModelVocabulary& model) {
  const auto items = read_nonempty_list(
      node, "'cases'", "[{diet.protein: 1.0 g/kg/day}, {diet.protein: 2.0 g/kg/day}]");
  Cases cases;
  cases.mark = node.mark;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& c = *items[i];
    const std::string what = "case " + std::to_string(i + 1);
    if (!c.is_map() || c.entries.empty())
      fail(c, what +
                  " must be a mapping from fields to values (e.g. {diet.protein: 1.6 "
                  "g/kg/day, subject.sex: female}), got " +
                  std::string(scenario::kind_noun(c)));
    if (i == 0)
      for (const scenario::MapEntry& e : c.entries) cases.paths.push_back(read_path(e, model));
    if (c.entries.size() != cases.paths.size())
      fail(c, what + " sets " + std::to_string(c.entries.size()) + " fields but case 1 sets " +
                  std::to_string(cases.paths.size()) +
                  "; every case sets the same fields (they are columns of the result table)");
    std::vector<FixedValue> values;
    for (std::size_t k = 0; k < c.entries.size(); ++k) {
      const scenario::MapEntry& e = c.entries[k];
      if (e.key != cases.paths[k].text)
        throw ScenarioError(e.key_mark, what + " sets '" + e.key + "' where case 1 sets '" +
                                            cases.paths[k].text +
                                            "'; every case sets the same fields in the same order");
      values.push_back(read_fixed(cases.paths[k], e.value, model));
    }
    cases.values.push_back(std::move(values));
  }
  for (std::size_t k = 0; k < cases.paths.size(); ++k) {
    std::vector<const FixedValue*> column;
    for (const auto& row : cases.values) column.push_back(&row[k]);
    cases.coordinates.push_back(style_of(cases.paths[k], column, model));
  }
  return cases;
}

NumberWithUnit range_end(const YamlNode& node, std::string_view key, const FieldPath& path) {
  const auto n = node.is_scalar() ? split_number_unit(node.scalar) : std::nullopt;
  if (!n)
    fail(node, "'" + std::string(key) + "' of range '" + path.text +
                   "' must be a number with its unit (e.g. " + std::string(key) +
                   ": 1.6 g/kg/day), got " + scenario::written(node));
  return *n;
}

Range read_range(const scenario::MapEntry& e, const ModelVocabulary& model) {
  Range r;
  r.path = read_path(e, model);
  r.at = e.value;
  check_section(e.value, "range", "the range of '" + e.key + "'");
  const YamlNode* from = entry(e.value, "from");
  const YamlNode* to = entry(e.value, "to");
  if (from == nullptr || to == nullptr)
    fail(e.value, "the range of '" + e.key +
                      "' needs 'from' and 'to' (e.g. {from: 0.8 g/kg/day, to: 2.4 g/kg/day})");
  const NumberWithUnit lo = range_end(*from, "from", r.path);
  const NumberWithUnit hi = range_end(*to, "to", r.path);
  if (lo.unit != hi.unit)
    fail(*to, "'from' and 'to' of range '" + e.key + "' must be written in the same unit, got \"" +
                  lo.unit + "\" and \"" + hi.unit + "\"");
  if (!(lo.number < hi.number))
    fail(*to, "'to' must be larger than 'from' in range '" + e.key + "'");
  r.from = lo.number;
  r.to = hi.number;
  r.unit = lo.unit;
  if (r.path.is_parameter()) {
    if (!r.unit.empty())
      fail(*from, "parameter '" + r.path.parameter() +
                      "' takes plain numbers in its documented unit (see `myoflux params`)");
    check_parameter_value(r.path, *from, r.from, model);
    check_parameter_value(r.path, *to, r.to, model);
  }
  if (const YamlNode* scale = entry(e.value, "scale")) {
    constexpr std::string_view kScales[] = {"linear", "log"};
    r.log = scenario::read_choice(*scale, "scale", kScales) == "log";
    if (r.log && r.from <= 0.0)
      fail(*scale, "a log scale needs a positive 'from' (the range of '" + e.key + "' starts at " +
                       scenario::number_text(r.from, 6) + ")");
  }
  if (const YamlNode* step = entry(e.value, "step")) {
    const NumberWithUnit s = range_end(*step, "step", r.path);
    if (s.unit != r.unit || !(s.number > 0.0))
      fail(*step, "'step' must be a positive value in the unit of 'from' (\"" + r.unit + "\")");
    r.step = s.number;
  }
  return r;
}

Sampling read_sample(const YamlNode& node, const ModelVocabulary& model) {
  check_section(node, "sample", "'sample'");
  Sampling s;
  s.mark = node.mark;
  const YamlNode* method = entry(node, "method");
  const YamlNode* count = entry(node, "count");
  const YamlNode* ranges = entry(node, "ranges");
  if (method == nullptr || count == nullptr || ranges == nullptr)
    fail(node,
         "'sample' needs 'method', 'count' and 'ranges' (e.g. {method: sobol, count: 64, "
         "ranges: {diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}}})");
  const std::string m = scenario::read_choice(*method, "method", kSampleMethods);
  s.method = m == "sobol"             ? SampleMethod::sobol
             : m == "latin_hypercube" ? SampleMethod::latin_hypercube
                                      : SampleMethod::random;
  s.count = read_whole(*count, "count", 1, kMaxCount, "64");
  if (!ranges->is_map() || ranges->entries.empty())
    fail(*ranges,
         "'ranges' must map fields to ranges (e.g. {diet.protein: {from: 0.8 g/kg/day, "
         "to: 2.4 g/kg/day}})");
  for (const scenario::MapEntry& e : ranges->entries) s.ranges.push_back(read_range(e, model));
  return s;
}

NormalSpec read_normal_kg(const YamlNode& node, const std::string& what) {
  check_section(node, "normal", what);
  NormalSpec n;
  const YamlNode* mean = entry(node, "mean");
  const YamlNode* sd = entry(node, "sd");
  if (mean == nullptr || sd == nullptr)
    fail(node, what + " needs 'mean' and 'sd' (e.g. {mean: 70 kg, sd: 12 kg})");
  n.mean = read_quantity_at(*mean, Dimension::mass, "mean", "70 kg") / 1000.0;
  n.sd = read_quantity_at(*sd, Dimension::mass, "sd", "12 kg") / 1000.0;
  if (n.mean < 30.0 || n.mean > 250.0)
    fail(*mean, "the mean body mass must lie between 30 and 250 kg");
  if (!(n.sd > 0.0) || n.sd > 60.0) fail(*sd, "the sd of body mass must lie between 0 and 60 kg");
  return n;
}

void read_shares(const YamlNode& node, std::string_view section, const std::string& what,
                 std::vector<double>& shares) {
  check_section(node, section, what);
  const std::vector<std::string_view>& keys = sweep_keys(section);
  double total = 0.0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const YamlNode* v = entry(node, keys[i]);
    shares[i] = v ? read_share(*v, keys[i]) : 0.0;
    total += shares[i];
  }
  if (std::abs(total - 1.0) > 1e-6)
    fail(node, what + " must add up to 100 %, got " + scenario::number_text(100.0 * total, 3) +
                   " % (e.g. {" + std::string(keys.front()) + ": 50 %, " + std::string(keys[1]) +
                   ": 50 %})");
}

Population read_population(const YamlNode& node, const ModelVocabulary& model) {
  check_section(node, "population", "'population'");
  Population p;
  p.mark = node.mark;
  const YamlNode* count = entry(node, "count");
  if (count == nullptr) fail(node, "'population' needs 'count' (e.g. count: 200)");
  p.count = read_whole(*count, "count", 1, kMaxCount, "200");
  if (const YamlNode* sex = entry(node, "sex")) {
    std::vector<double> shares(2);
    read_shares(*sex, "sexes", "the shares of 'sex'", shares);
    p.female_share = shares[0];
  }
  if (const YamlNode* status = entry(node, "training_status")) {
    std::vector<double> shares(3);
    read_shares(*status, "training_statuses", "the shares of 'training_status'", shares);
    p.untrained_share = shares[0];
    p.recreational_share = shares[1];
  }
  if (const YamlNode* age = entry(node, "age")) {
    check_section(*age, "age_range", "'age'");
    const YamlNode* from = entry(*age, "from");
    const YamlNode* to = entry(*age, "to");
    if (from == nullptr || to == nullptr)
      fail(*age, "'age' needs 'from' and 'to' (e.g. {from: 20 years, to: 60 years})");
    p.age_from_years = read_quantity_at(*from, Dimension::age, "from", "20 years");
    p.age_to_years = read_quantity_at(*to, Dimension::age, "to", "60 years");
    // The VO2max norm the population draws from covers these ages.
    if (p.age_from_years < 20.0 || p.age_to_years > 79.0 || !(p.age_from_years < p.age_to_years))
      fail(*age,
           "'age' must be a range within 20 to 79 years (the ages of the FRIEND VO2max "
           "norm), with 'from' below 'to'");
  }
  if (const YamlNode* mass = entry(node, "body_mass")) {
    check_section(*mass, "sexes", "'body_mass'");
    if (const YamlNode* f = entry(*mass, "female"))
      p.body_mass_female_kg = read_normal_kg(*f, "the body mass of women");
    if (const YamlNode* m = entry(*mass, "male"))
      p.body_mass_male_kg = read_normal_kg(*m, "the body mass of men");
  }
  if (const YamlNode* vo2 = entry(node, "vo2max")) {
    check_section(*vo2, "vo2max", "'vo2max'");
    if (const YamlNode* cv = entry(*vo2, "cv")) {
      p.vo2max_cv = read_share(*cv, "cv");
      if (p.vo2max_cv <= 0.0 || p.vo2max_cv > 0.5)
        fail(*cv, "'cv' of VO2max must lie between 0 and 50 %");
    }
  }
  if (const YamlNode* params = entry(node, "parameters")) {
    if (!params->is_map())
      fail(*params,
           "'parameters' maps model parameter names to coefficients of variation (e.g. "
           "{k_digest_whey_per_h: 20 %})");
    for (const scenario::MapEntry& e : params->entries) {
      scenario::MapEntry as_path = e;
      as_path.key = "parameters." + e.key;
      Population::Variability v{read_path(as_path, model), read_share(e.value, e.key), 0.0, 0.0,
                                ""};
      if (v.cv <= 0.0 || v.cv > 1.0)
        fail(e.value, "the coefficient of variation must lie between 0 and 100 %");
      const ParameterInfo& info = *model.parameter(e.key);
      v.min = info.min;
      v.max = info.max;
      v.unit = info.unit;
      p.parameters.push_back(std::move(v));
    }
  }
  return p;
}

std::vector<std::string> read_names(const YamlNode& node, std::string_view key,
                                    const std::vector<std::string>& known, std::string_view kind) {
  std::vector<std::string> out;
  for (const YamlNode* item : scenario::read_list(node, key)) {
    const std::string name = scenario::read_text(*item, key);
    if (std::find(known.begin(), known.end(), name) == known.end())
      fail(*item, "unknown " + std::string(kind) + " '" + name + "'" +
                      scenario::did_you_mean(name, views(known)) +
                      "; known: " + scenario::joined(views(known)));
    if (std::find(out.begin(), out.end(), name) != out.end())
      fail(*item, "'" + name + "' is listed twice");
    out.push_back(name);
  }
  return out;
}

Keep read_keep(const YamlNode& node, const ModelVocabulary& model) {
  check_section(node, "keep", "'keep'");
  Keep k;
  k.mark = node.mark;
  if (const YamlNode* e = entry(node, "endpoints"))
    k.endpoints = read_names(*e, "endpoints", model.endpoints, "endpoint");
  if (const YamlNode* t = entry(node, "trajectories")) {
    check_section(*t, "trajectories", "'trajectories'");
    const YamlNode* outputs = entry(*t, "outputs");
    const YamlNode* every = entry(*t, "every");
    if (outputs == nullptr || every == nullptr)
      fail(*t,
           "'trajectories' needs 'outputs' and 'every' (e.g. {outputs: "
           "[csa_change_percent], every: 1 day})");
    k.trajectories = read_names(*outputs, "outputs", model.outputs, "output");
    k.every_h = read_quantity_at(*every, Dimension::time, "every", "1 day");
    if (!(k.every_h >= 1.0 / 60.0)) fail(*every, "'every' must be at least 1 min");
    if (const YamlNode* until = entry(*t, "until")) {
      k.until_h = read_quantity_at(*until, Dimension::time, "until", "10 weeks");
      if (!(k.until_h >= k.every_h)) fail(*until, "'until' must be at least 'every'");
    }
  }
  return k;
}

SolverSettings read_solver(const YamlNode& node) {
  check_section(node, "solver", "'solver'");
  SolverSettings s;
  if (const YamlNode* m = entry(node, "method")) {
    constexpr std::string_view kMethods[] = {"dopri5", "rosenbrock4"};
    s.method = scenario::read_choice(*m, "method", kMethods);
  }
  if (const YamlNode* r = entry(node, "rtol")) {
    s.rtol = read_plain_number(*r, "rtol", "1e-6");
    if (s.rtol < 1e-12 || s.rtol > 0.1) fail(*r, "'rtol' must lie between 1e-12 and 0.1");
  }
  if (const YamlNode* m = entry(node, "max_steps"))
    s.max_steps = static_cast<long>(read_whole(*m, "max_steps", 1, 1'000'000'000, "100000"));
  return s;
}

std::uint64_t read_seed(const YamlNode& node) {
  std::uint64_t seed = 0;
  const std::string& s = node.scalar;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), seed);
  if (!node.is_scalar() || ec != std::errc() || ptr != s.data() + s.size())
    fail(node,
         "'seed' must be a whole number from 0 to 18446744073709551615 (e.g. seed: 42), "
         "got " +
             scenario::written(node));
  return seed;
}

/// A field may be varied by one part of the sweep only.
void check_unique_paths(const SweepSpec& s) {
  std::vector<const FieldPath*> paths;
  if (s.cases)
    for (const FieldPath& p : s.cases->paths) paths.push_back(&p);
  for (const GridAxis& a : s.grid) paths.push_back(&a.path);
  if (s.sample)
    for (const Range& r : s.sample->ranges) paths.push_back(&r.path);
  for (std::size_t i = 0; i < paths.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (paths[i]->text == paths[j]->text)
        throw ScenarioError(paths[i]->mark, "'" + paths[i]->text + "' is already varied at " +
                                                paths[j]->mark.str() +
                                                "; vary each field in one place");
  if (s.population)
    for (const Population::Variability& v : s.population->parameters)
      for (const FieldPath* p : paths)
        if (p->text == v.path.text)
          throw ScenarioError(v.path.mark, "'" + v.path.parameter() + "' is already varied at " +
                                               p->mark.str() +
                                               "; a parameter is either an axis or varies "
                                               "between people, not both");
  if (s.population)
    for (const FieldPath* p : paths)
      if (p->parts.front() == "subject" && p->parts.size() > 1 &&
          (p->parts[1] == "sex" || p->parts[1] == "age" || p->parts[1] == "body_mass" ||
           p->parts[1] == "vo2max" || p->parts[1] == "training_status" ||
           p->parts[1] == "muscle_mass_fraction"))
        throw ScenarioError(p->mark, "'" + p->text +
                                         "' is drawn by the population; vary it there or "
                                         "remove the population");
}

SweepSpec read_spec(const YamlNode& doc, const std::string& origin, std::string_view text,
                    const fs::path& base_dir, const ModelAdapter& adapter) {
  ModelVocabulary model{adapter.parameters(), {}, {}};
  for (const VariableInfo& v : adapter.outputs()) model.outputs.push_back(v.name);
  for (const EndpointInfo& e : model_endpoints(adapter)) model.endpoints.push_back(e.name);
  if (doc.is_null())
    fail(doc,
         "the sweep file is empty; it needs at least a base, e.g.\n  base: "
         "../hiit_4x4_brief.yaml\n  grid: {diet.protein: [1.0 g/kg/day, 1.6 g/kg/day]}");
  check_section(doc, "sweep", "the sweep");
  SweepSpec s;
  s.file = origin;
  s.text = std::string(text);
  s.name = entry(doc, "name") ? scenario::read_name(*entry(doc, "name"), "name")
                              : scenario::default_name_for(origin);
  if (const YamlNode* d = entry(doc, "description"))
    s.description = scenario::read_text(*d, "description");
  const YamlNode* base = entry(doc, "base");
  if (base == nullptr)
    fail(doc,
         "the sweep needs 'base': the scenario or study every run starts from (e.g. base: "
         "../hiit_4x4_brief.yaml)");
  s.base = scenario::scenario_path(*base, "base", base_dir);
  s.base_mark = base->mark;
  if (const YamlNode* seed = entry(doc, "seed")) s.seed = read_seed(*seed);
  if (const YamlNode* c = entry(doc, "cases")) s.cases = read_cases(*c, model);
  if (const YamlNode* g = entry(doc, "grid")) s.grid = read_grid(*g, model);
  if (const YamlNode* sm = entry(doc, "sample")) s.sample = read_sample(*sm, model);
  if (const YamlNode* p = entry(doc, "population")) s.population = read_population(*p, model);
  if (const YamlNode* k = entry(doc, "keep")) s.keep = read_keep(*k, model);
  if (const YamlNode* so = entry(doc, "solver")) s.solver = read_solver(*so);
  if (const YamlNode* c = entry(doc, "chunk_size"))
    s.chunk_size = read_whole(*c, "chunk_size", 1, 1'000'000, "500");
  if (!entry(doc, "keep")) s.keep.mark = doc.mark;
  check_unique_paths(s);
  return s;
}

}  // namespace

SweepSpec sweep_spec_from_yaml(std::string_view text, std::string_view name,
                               const fs::path& base_dir, const ModelAdapter& model) {
  const std::string origin(name);
  return read_spec(scenario::read_yaml(text, origin), origin, text, base_dir, model);
}

SweepSpec load_sweep_spec(const fs::path& file, const ModelAdapter& model) {
  const std::string origin = file.string();
  const std::string text = scenario::read_scenario_file(file, SourceMark{origin, 0, 0});
  SweepSpec spec = read_spec(scenario::read_yaml(text, origin), origin, text,
                             file.has_parent_path() ? file.parent_path() : fs::path("."), model);
  return spec;
}

}  // namespace myoflux::sweep
