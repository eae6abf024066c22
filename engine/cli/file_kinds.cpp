// The engine's file kinds and how `check` explains each: a scenario or study through
// engine/scenario/describe.hpp, a sweep spec by expanding it into its plan (every axis value is
// compiled into the base, nothing is simulated) and listing what it varies and keeps.
#include "engine/cli/file_kinds.hpp"

#include <functional>
#include <ostream>

#include "engine/model_adapter.hpp"
#include "engine/scenario/describe.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/scenario/foods.hpp"
#include "engine/sweep/plan.hpp"

namespace myoflux::cli {
namespace {

const Scenario& find_arm(const Study& study, const std::string& name) {
  std::vector<std::string_view> names;
  for (const Scenario& s : study.arms) {
    if (s.name == name) return s;
    names.push_back(s.name);
  }
  throw InputError("--arm: no arm named '" + name + "' in " + study.file +
                   scenario::did_you_mean(name, names) + "; arms: " + scenario::joined(names));
}

/// Scenarios and studies share a loader: a scenario file is a study of one arm.
std::string check_scenario_or_study(const FileToCheck& file, const CheckRequest& r) {
  const Study study = load_study(file.path, r.sets);
  scenario::DescribeOptions describe;
  describe.every_session_in_full = r.full;
  const bool one_scenario = study.arms.size() == 1 && study.arms.front().file == study.file;
  // The model's sweat estimate for the fluid balance. Parameter overrides are checked by the
  // model when it runs (and listed as such); with a bad one the fluid balance is left out.
  const auto with_fluid_balance = [&](const Scenario& s) {
    try {
      ModelAdapter::SweatEstimate sweat = r.model.sweat_estimate(s);
      describe.sweat_l_per_h = std::move(sweat.l_per_h);
      describe.sweat_note = std::move(sweat.note);
    } catch (const InputError&) {
    }
    return std::cref(s);
  };
  if (!r.arm.empty()) {
    scenario::describe_scenario(r.out, with_fluid_balance(find_arm(study, r.arm)), describe);
  } else if (one_scenario) {
    scenario::describe_scenario(r.out, with_fluid_balance(study.arms.front()), describe);
  } else {
    scenario::describe_study(r.out, study);
  }
  return one_scenario ? "" : " of " + std::to_string(study.arms.size()) + " arms";
}

std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string hours_text(double h) {
  return h >= 24 && h == static_cast<long long>(h / 24) * 24.0
             ? scenario::number_text(h / 24, 0) + (h == 24 ? " day" : " days")
             : scenario::number_text(h, 2) + " h";
}

std::string range_text(const sweep::Range& r) {
  const std::string unit = r.unit.empty() ? "" : " " + r.unit;
  std::string text = r.path.text + " from " + sweep::shortest_text(r.from) + unit + " to " +
                     sweep::shortest_text(r.to) + unit;
  if (r.log) text += " (log scale)";
  if (r.step > 0) text += " in steps of " + sweep::shortest_text(r.step);
  return text;
}

void describe_varied(std::ostream& out, const sweep::SweepSpec& s) {
  for (const sweep::GridAxis& axis : s.grid) {
    std::vector<std::string> labels;
    for (const sweep::FixedValue& v : axis.values) labels.push_back(v.label);
    out << "grid      " << axis.path.text << ": " << axis.values.size() << " values ("
        << listed(labels) << ")";
    if (!axis.shown.empty())
      out << ", shown as " << axis.coordinate.name
          << (axis.coordinate.unit.empty() ? "" : " (" + axis.coordinate.unit + ")");
    out << "\n";
  }
  if (s.cases) {
    std::vector<std::string> paths;
    for (const sweep::FieldPath& p : s.cases->paths) paths.push_back(p.text);
    out << "cases     " << s.cases->values.size() << " cases setting " << listed(paths) << "\n";
  }
  if (s.sample) {
    out << "sample    " << s.sample->count << " " << sweep::sample_method_name(s.sample->method)
        << " samples of\n";
    for (const sweep::Range& r : s.sample->ranges) out << "            " << range_text(r) << "\n";
  }
  if (s.population) {
    out << "people    " << s.population->count << " virtual people (sex, age, training status, "
        << "body mass and VO2max drawn per person)";
    if (!s.population->parameters.empty()) {
      std::vector<std::string> varied;
      for (const auto& p : s.population->parameters)
        varied.push_back(p.path.text + " (cv " + scenario::number_text(p.cv * 100, 1) + " %)");
      out << "; varied between people: " << listed(varied);
    }
    out << "\n";
  }
}

std::string check_sweep_spec(const FileToCheck& file, const CheckRequest& r) {
  if (!r.sets.empty() || !r.arm.empty())
    throw InputError(file.path.string() +
                     " is a sweep spec; --set and --arm apply to scenarios and studies (check "
                     "the sweep's base file with them instead)");
  const sweep::SweepPlan plan(sweep::load_sweep_spec(file.path, r.model), r.model);
  const sweep::SweepSpec& s = plan.spec();
  r.out << "sweep     " << s.name << "\n";
  if (!s.description.empty()) r.out << "          " << s.description << "\n";
  std::vector<std::string> arms;
  for (const sweep::Arm& a : plan.arms()) arms.push_back(a.name);
  r.out << "base      " << s.base.string() << " ("
        << (arms.size() == 1 ? "scenario " + arms.front()
                             : "study of " + std::to_string(arms.size()) + " arms: " + listed(arms))
        << ")\n";
  r.out << "seed      " << s.seed << "\n";
  describe_varied(r.out, s);
  std::vector<std::string> endpoints;
  for (const sweep::EndpointInfo& e : plan.endpoints()) endpoints.push_back(e.name);
  r.out << "keeps     endpoints " << listed(endpoints) << "\n";
  if (!plan.trajectory_outputs().empty()) {
    std::vector<std::string> outputs;
    for (const VariableInfo& v : plan.trajectory_outputs()) outputs.push_back(v.name);
    r.out << "          trajectories " << listed(outputs) << " every " << hours_text(s.keep.every_h)
          << " (" << plan.trajectory_times_h().size() << " samples)\n";
  }
  r.out << "runs      " << plan.run_count() << " in " << plan.chunk_count()
        << (plan.chunk_count() == 1 ? " chunk" : " chunks") << " of up to " << plan.chunk_size()
        << "; run it with: myoflux sweep " << file.path.string() << " -o DIR\n";
  return ", " + std::to_string(plan.run_count()) + (plan.run_count() == 1 ? " run" : " runs");
}

std::string check_food_table(const FileToCheck& file, const CheckRequest& r) {
  if (!r.sets.empty() || !r.arm.empty())
    throw InputError(file.path.string() +
                     " is a food table; --set and --arm apply to scenarios and studies");
  const std::vector<Food> table = foods_from_yaml(file.text, file.path.string());
  describe_foods(r.out, table);
  return ", " + std::to_string(table.size()) + " foods";
}

}  // namespace

std::vector<FileKind> file_kinds(const ModelAdapter& model) {
  std::vector<FileKind> kinds;
  kinds.push_back({"study", "docs/scenarios.md", "arms", {}, "", check_scenario_or_study});
  kinds.push_back({"sweep spec", "docs/sweeps.md", "base", {}, "", check_sweep_spec});
  kinds.push_back({"food table", "docs/foods.md", "foods", {}, "", check_food_table});
  for (FileKind& k : model.file_kinds()) kinds.push_back(std::move(k));
  // Last: the fallback for YAML files that no other kind recognises.
  kinds.push_back({"scenario", "docs/scenarios.md", "", {}, "", check_scenario_or_study});
  return kinds;
}

}  // namespace myoflux::cli
