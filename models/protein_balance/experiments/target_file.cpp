// Reading targets.yaml: every key checked (with "did you mean"), every expression parsed and
// every name in it resolved against what the entry defines above it, the model's outputs and
// parameters, and every run's study and arm loaded, so that a mistake is reported at its
// file:line:column before anything is simulated. This file reads the entries; their parts are
// read by target_parts.cpp and their names checked by target_names.cpp.
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "engine/resources.hpp"
#include "models/protein_balance/experiments/target_reading.hpp"
#include "models/protein_balance/experiments/targets.hpp"

namespace myoflux::protein_balance {
namespace {

using namespace reading;

// --- entries ---

std::shared_ptr<const FeedingSettings> read_feeding(const YamlNode& node, Target& defaults) {
  const Mapping m(node, "feeding_data",
                  {"section", "published", "tolerance", "max_rms_z", "stage", "variables"});
  defaults.section = m.text("section", "TARGETS.md section 2");
  defaults.published = m.text("published", "digitized group means with SEM");
  defaults.tolerance = m.text("tolerance", "RMS z <= 3");
  defaults.calibration_stage = m.optional_text("stage", "feeding");
  auto settings = std::make_shared<FeedingSettings>();
  settings->max_rms_z = number(m.required("max_rms_z", "3"), "'max_rms_z'");
  const YamlNode& vars = m.required("variables", "{plasma_leucine: {output: ...}}");
  const Mapping all(vars, "the feeding data variables", {});
  for (const scenario::MapEntry& e : vars.entries) {
    const Mapping v(e.value, "feeding variable '" + e.key + "'",
                    {"output", "data_to_model", "y_label", "baseline", "fold_of_first"});
    FeedingVariable fv;
    fv.variable = e.key;
    fv.output = v.text("output", "plasma_leucine_umol_per_l");
    if (!contains(output_names(), fv.output))
      fail(v.required("output", "").mark,
           "the model has no output '" + fv.output + "'" + did_you_mean(fv.output, output_names()));
    fv.data_to_model = number(v.required("data_to_model", "1e6"), "'data_to_model'");
    fv.y_label = v.text("y_label", "plasma leucine (umol/L)");
    fv.baseline = v.optional_text("baseline", "plasma_leucine_basal_umol_per_l");
    if (!fv.baseline.empty() && !contains(parameter_names(), fv.baseline))
      fail(v.required("baseline", "").mark,
           "no parameter '" + fv.baseline + "'" + did_you_mean(fv.baseline, parameter_names()));
    fv.fold_of_first = v.optional_text("fold_of_first", "true") == "true";
    settings->variables.push_back(std::move(fv));
  }
  return settings;
}

void read_common(const Mapping& m, Target& t) {
  if (const YamlNode* w = m.optional("weight")) {
    t.weight = number(*w, "'weight'");
    if (!(t.weight > 0.0)) fail(w->mark, "'weight' must be positive");
  }
  t.known_failure = m.optional_text("known_failure", "\"why the model misses it\"");
}

Target read_time_course(const Mapping& m, const Target& defaults,
                        const std::shared_ptr<const FeedingSettings>& settings,
                        const std::filesystem::path& scenario_dir) {
  const YamlNode& node = m.required("time_course", "{dataset: ..., variable: ...}");
  const Mapping tc(node, "a time course", {"dataset", "variable", "study", "arm", "feed_time"});
  TimeCourse c;
  c.dataset = tc.text("dataset", "glynn2010_eaa_3.5g_leu");
  c.variable = tc.text("variable", "plasma_leucine");
  c.study = tc.text("study", "studies/glynn2010_eaa_leucine.yaml");
  c.arm = tc.text("arm", "eaa_3.5g_leucine");
  c.feed_time_h = duration_h(tc.required("feed_time", "0 h"), "'feed_time'");
  c.settings = settings;
  if (settings == nullptr) fail(node.mark, "time courses need the feeding_data section above them");
  std::vector<std::string_view> variables;
  for (const FeedingVariable& v : settings->variables) variables.push_back(v.variable);
  if (!contains(variables, c.variable))
    fail(tc.required("variable", "").mark,
         "feeding_data has no variable '" + c.variable + "'" + did_you_mean(c.variable, variables));
  Target t = defaults;
  t.id = c.dataset + "/" + c.variable;
  t.what = c.variable + " after " + c.dataset;
  t.source = "feeding_timecourses.csv: " + c.dataset;
  t.mark = m.node().mark;
  read_common(m, t);
  require_arm(tc, c.study, c.arm, {}, scenario_dir);
  auto program = std::make_shared<TargetProgram>();
  program->time_course = std::move(c);
  t.program = std::move(program);
  return t;
}

Target read_target(const YamlNode& node, const Target& defaults,
                   const std::shared_ptr<const FeedingSettings>& settings,
                   const std::filesystem::path& scenario_dir) {
  if (node.is_map() && node.find("time_course") != nullptr)
    return read_time_course(
        Mapping(node, "a time course target", {"time_course", "weight", "known_failure"}), defaults,
        settings, scenario_dir);
  const YamlNode* id_node = node.is_map() ? node.find("id") : nullptr;
  const std::string id = id_node != nullptr && id_node->is_scalar() ? id_node->scalar : "";
  const Mapping m(node, id.empty() ? std::string("a target") : "target '" + id + "'",
                  {"id", "section", "what", "source", "published", "tolerance", "stage", "weight",
                   "known_failure", "runs", "functions", "values", "checks", "score", "model_value",
                   "model", "series"});
  Target t;
  t.mark = node.mark;
  t.id = m.text("id", "estes2017_hiit_csa");
  t.section = m.text("section", "TARGETS.md section 0");
  t.what = m.text("what", "\"Whole-muscle CSA after 10 weeks of HIIT\"");
  t.source = m.text("source", "\"Estes 2017, Int J Exerc Sci 10:137\"");
  t.published = m.text("published", "\"+10.6 +/- 2.7 %\"");
  t.tolerance = m.text("tolerance", "\"+/- 2.7 percentage points (the reported spread)\"");
  t.calibration_stage = m.optional_text("stage", "weeks");
  if (!t.calibration_stage.empty()) {
    const std::vector<std::string_view> stages(std::begin(kCalibrationStages),
                                               std::end(kCalibrationStages));
    if (!contains(stages, t.calibration_stage))
      fail(m.required("stage", "").mark, "unknown calibration stage '" + t.calibration_stage + "'" +
                                             did_you_mean(t.calibration_stage, stages) +
                                             "; stages: " + list(stages));
  }
  read_common(m, t);

  auto p = std::make_shared<TargetProgram>();
  const YamlNode& runs =
      m.required("runs", "{hiit: {study: estes2017_hiit.yaml, arm: estes2017_hiit}}");
  const Mapping runs_map(runs, "the runs of target '" + t.id + "'", {});
  std::set<std::string> taken;
  for (const scenario::MapEntry& e : runs.entries) {
    p->runs.push_back(read_run(e, scenario_dir));
    taken.insert(e.key);
  }
  Names names{&p->runs, &p->functions, {}};
  if (const YamlNode* fs = m.optional("functions")) {
    const Mapping f(*fs, "the functions of target '" + t.id + "'", {});
    for (const scenario::MapEntry& e : fs->entries) p->functions.push_back(read_function(e, names));
  }
  if (const YamlNode* vs = m.optional("values")) {
    const Mapping v(*vs, "the values of target '" + t.id + "'", {});
    for (const scenario::MapEntry& e : vs->entries) {
      const std::string name = name_of(e, "a value");
      if (!taken.insert(name).second)
        fail(e.key_mark, "'" + name + "' is already a run or a value of this target");
      p->values.push_back({name, expression(e.value, names, "a value")});
      names.values.push_back(name);
    }
  }
  const YamlNode& checks = m.required("checks", "[\"within(csa, 10.6, 2.7)\"]");
  if (!checks.is_sequence() || checks.items.empty())
    fail(checks.mark,
         "'checks' must be a list of at least one check, e.g. - within(csa, 10.6, 2.7)");
  for (const YamlNode& c : checks.items) p->checks.push_back(read_check(c, names));
  if (const YamlNode* s = m.optional("score")) p->score = expression(*s, names, "'score'");
  if (const YamlNode* v = m.optional("model_value"))
    p->model_value = expression(*v, names, "'model_value'");
  p->model_text = read_template(m.required("model", "\"{csa} %\""), names);
  if (const YamlNode* ss = m.optional("series")) {
    if (!ss->is_sequence()) fail(ss->mark, "'series' must be a list of figures' series");
    for (const YamlNode& s : ss->items) p->series.push_back(read_series(s, names));
  }
  t.program = std::move(p);
  return t;
}

}  // namespace

std::vector<Target> targets_from_yaml(std::string_view text, const std::string& origin,
                                      const std::filesystem::path& scenario_dir) {
  const YamlNode doc = scenario::read_yaml(text, origin);
  const Mapping top(doc, "the targets file", {"feeding_data", "targets"});
  Target feeding_defaults;
  std::shared_ptr<const FeedingSettings> settings;
  if (const YamlNode* f = top.optional("feeding_data"))
    settings = read_feeding(*f, feeding_defaults);
  const YamlNode& list = top.required("targets", "[- id: ...]");
  if (!list.is_sequence()) fail(list.mark, "'targets' must be a list of targets (- id: ...)");
  std::vector<Target> out;
  std::map<std::string, SourceMark> ids;
  for (const YamlNode& node : list.items) {
    Target t = read_target(node, feeding_defaults, settings, scenario_dir);
    if (const auto [it, fresh] = ids.emplace(t.id, t.mark); !fresh)
      fail(t.mark, "target '" + t.id + "' is listed twice (first at " + it->second.str() + ")");
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Target> load_targets(const std::filesystem::path& file,
                                 const std::filesystem::path& scenario_dir) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read the targets file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return targets_from_yaml(text.str(), file.string(), scenario_dir);
}

std::filesystem::path default_targets_path() {
  return data_dir() / "models/protein_balance/experiments/targets.yaml";
}

const std::vector<Target>& targets() {
  static const std::vector<Target> list =
      load_targets(default_targets_path(), default_scenario_dir());
  return list;
}

void describe_targets(std::ostream& out, const std::vector<Target>& list) {
  std::size_t known = 0;
  for (const Target& t : list) known += !t.known_failure.empty();
  out << list.size() << " targets, " << known << " of them known failures\n";
  for (const Target& t : list)
    out << "  " << t.id << (t.calibration_stage.empty() ? "" : "  [" + t.calibration_stage + "]")
        << (t.weight != 1.0 ? "  weight " + std::to_string(t.weight) : "")
        << (t.known_failure.empty() ? "" : "  known failure") << "\n";
}

void check_targets_file(const std::filesystem::path& file, std::ostream& out) {
  describe_targets(out, load_targets(file, default_scenario_dir()));
}

}  // namespace myoflux::protein_balance
