#include "engine/sbml/export.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "engine/error.hpp"
#include "engine/provenance.hpp"

namespace myoflux::sbml {
namespace {

std::string sbml_id(const std::string& name) {
  std::string id;
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "m_" + id;
  return id;
}

std::string regime_label(const Schedule& schedule, std::span<const double> u) {
  std::string text;
  for (std::size_t c = 0; c < u.size(); ++c) {
    const ChannelSpec& channel = schedule.channels()[c];
    if (u[c] == channel.baseline) continue;
    char value[32];
    std::snprintf(value, sizeof value, "%.6g", u[c]);
    text += (text.empty() ? "" : ", ") + channel.name + " = " + value +
            (channel.unit.empty() || channel.unit == "1" ? "" : " " + channel.unit);
  }
  return text.empty() ? "every input at its baseline (rest, no infusion)" : text;
}

}  // namespace

SbmlDocument export_document(const ModelAdapter& model, const Scenario& scenario) {
  const std::unique_ptr<ModelFunctions> f = model.functions(scenario);
  const Schedule& schedule = scenario.schedule;
  SbmlDocument doc;
  doc.id = sbml_id(std::string(model.name()) + "_" + scenario.name);
  doc.name = std::string(model.name()) + ": " + scenario.name;
  doc.notes = {
      "Exported by myoflux " + build_info().version + " (" + build_info().git_commit +
          ") from scenario '" + scenario.name + "'" +
          (scenario.file.empty() ? "" : " (" + scenario.file + ")") + ".",
      "Time is in hours. The scenario lasts " + std::to_string(schedule.duration_h()) +
          " h; simulate the model to that time.",
      "States are parameters with rate rules. The rate rules are the model's compiled "
      "right-hand side written out as expressions: model parameters, quantities derived from "
      "them and the subject appear in them as numbers, so editing a parameter below does not "
      "change the rates (export again with --set parameters.NAME=VALUE). The parameters are "
      "listed with their values, units, ranges and sources for reference.",
      "Inputs (exercise, infusion) are piecewise constant: input_regime selects the rates of "
      "the current set of input values and events switch it at the schedule's breakpoints. "
      "Doses (meals, drinks) are events that add to the gut states; doses at t = 0 are in the "
      "initial values.",
  };

  const std::span<const StateInfo> states = f->states();
  Eigen::VectorXd initial = f->initial_state();
  std::vector<DoseEffect> effects;
  for (const DoseTargetSpec& target : schedule.dose_targets())
    effects.push_back(f->dose_effect(target.name));

  // One regime per distinct vector of input values, in order of first appearance.
  std::vector<std::vector<double>> regimes;
  std::vector<int> segment_regime;
  for (std::size_t k = 0; k < schedule.segment_count(); ++k) {
    const std::span<const double> u = schedule.inputs(k);
    std::vector<double> values(u.begin(), u.end());
    auto found = std::find(regimes.begin(), regimes.end(), values);
    if (found == regimes.end()) {
      regimes.push_back(values);
      found = regimes.end() - 1;
      doc.regime_labels.push_back(regime_label(schedule, u));
      doc.rates.push_back(f->rhs_expressions(u));
      if (doc.rates.back().size() != states.size())
        throw InputError("model " + std::string(model.name()) +
                         " cannot write its equations out: its right-hand side is not a template "
                         "over the scalar type");
    }
    segment_regime.push_back(static_cast<int>(found - regimes.begin()));
  }
  doc.initial_regime = segment_regime.empty() ? 0 : segment_regime[0];

  for (std::size_t k = 0; k < schedule.segment_count(); ++k) {
    SbmlEvent e;
    e.time_h = schedule.breakpoints()[k];
    if (k > 0 && segment_regime[k] != segment_regime[k - 1]) e.regime = segment_regime[k];
    std::map<int, double> adds;
    for (const Dose& d : schedule.doses_at_start(k)) {
      const DoseEffect& effect = effects[static_cast<std::size_t>(d.target)];
      adds[effect.state] += effect.factor * d.amount;
    }
    if (k == 0) {
      for (const auto& [state, amount] : adds) initial[state] += amount;
      continue;
    }
    e.adds.assign(adds.begin(), adds.end());
    if (e.regime >= 0 || !e.adds.empty()) doc.events.push_back(std::move(e));
  }

  for (std::size_t i = 0; i < states.size(); ++i)
    doc.states.push_back({states[i].name, states[i].unit, states[i].description,
                          initial[static_cast<Eigen::Index>(i)]});
  for (const ParameterInfo& p : model.parameters()) {
    double value = p.value;
    for (const ParameterOverride& o : scenario.parameters)
      if (o.name == p.name) value = o.value;
    doc.parameters.push_back({p.name, p.unit, p.description, p.source, value, p.value, p.min, p.max});
  }
  return doc;
}

}  // namespace myoflux::sbml
