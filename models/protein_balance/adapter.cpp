#include "models/protein_balance/adapter.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <vector>

#include "engine/solver/simulate.hpp"
#include "models/protein_balance/experiments/targets.hpp"

namespace myoflux::protein_balance {
namespace {

std::string final_text(double v) {
  return std::isfinite(v) ? "" : "not available";
}

}  // namespace

std::vector<VariableInfo> Adapter::outputs() const {
  return {output_table().begin(), output_table().end()};
}

SolverConfig Adapter::default_solver() const {
  SolverConfig c;
  // Chosen by measurement (docs/performance.md, bench/models/solver_settings): the explicit
  // stepper at rtol 1e-5 with PI control meets the accuracy bar on every scenario of the library
  // (tests/models/test_solver_accuracy.cpp; at 1e-4 the 10-week plans pass but a one-day run's
  // synthesis is 0.3 % off), in ~8.8 k steps for a 10-week plan. The Rosenbrock methods need
  // fewer steps (4.3 k for rosenbrock4 at 1e-3) but each costs several times as much, and
  // ROS34PW2, of order 3, needs more (8.5 k at 1e-4).
  c.method = Method::dopri5;
  // 1e-5 was chosen over the first 30 states. The error norm is an RMS over all states, so
  // states appended since (the food leucine offsets; gut fluid and body water; the anabolic
  // recovery), which are exactly zero or one in most runs or change slowly, would dilute it and
  // loosen the control of the others: scaling by sqrt(30 / n) keeps the bar per state (n = 38:
  // rtol 0.89e-5; a few more steps, no looser control).
  c.rtol = 1e-5 * std::sqrt(static_cast<double>(kFirstStateCount) / kStateCount);
  // Hairer's DOPRI5 value: damps the step-size oscillation where the fast 'muscle full' mode
  // limits explicit steps (59 rejected steps per 10-week plan instead of 249).
  c.controller_beta = 0.04;
  // Absolute tolerance rtol times each state's typical magnitude: every component is controlled
  // relatively wherever it is not negligibly small.
  for (const StateInfo& s : state_table()) c.atol_per_state.push_back(c.rtol * s.scale);
  return c;
}

Parameters resolve_parameters(const Scenario& scenario, Parameters base) {
  for (const ParameterOverride& o : scenario.parameters) {
    try {
      set_parameter(base, o.name, o.value);
    } catch (const InputError& e) {
      throw ScenarioError(o.mark, e.what());
    }
  }
  return base;
}

namespace {

Simulation simulate_model(const ProteinBalanceModel& model, const Scenario& scenario,
                          const SolverConfig& solver) {
  const std::vector<double> grid = uniform_grid(scenario.duration_h, scenario.output_interval_h);
  return simulate(model, scenario.schedule, model.initial_state(), solver, grid);
}

}  // namespace

Simulation simulate_scenario(const Scenario& scenario, const Parameters& parameters,
                             const SolverConfig& solver) {
  return simulate_model(ProteinBalanceModel(scenario.subject, parameters), scenario, solver);
}

RunRecord Adapter::run(const Scenario& scenario, const SolverConfig& solver,
                       RecordDetail detail) const {
  const Parameters parameters = resolve_parameters(scenario);
  RunRecord rec;
  rec.id = scenario.name;
  const ProteinBalanceModel model(scenario.subject, parameters);
  Simulation run = simulate_model(model, scenario, solver);
  const bool ok = run.stats.ok();
  rec.result = std::move(run);  // the settings and statistics stay with it as metadata
  if (ok) rec.summary = summarize(rec.result);
  if (detail == RecordDetail::result_and_summary) return rec;

  rec.labels = {{"description", scenario.description}, {"model", std::string(name())}};
  if (!scenario.sources.empty()) {
    std::string sources;
    for (const std::string& s : scenario.sources) sources += (sources.empty() ? "" : "; ") + s;
    rec.labels.emplace_back("sources", sources);
  }
  rec.scenario_text = scenario.text;
  rec.scenario_source = scenario.file;

  const Subject& s = scenario.subject;
  rec.subject = {
      {"sex", s.sex == Sex::male ? 1.0 : 0.0, "", std::string(sex_name(s.sex))},
      {"age", s.age_years, "years", ""},
      {"body_mass", s.body_mass_kg, "kg", ""},
      {"vo2max", s.vo2max_ml_per_kg_min, "mL/kg/min", ""},
      {"lactate_threshold", s.lactate_threshold_fraction, "fraction of VO2max", ""},
      {"hrmax", s.hrmax_bpm, "1/min", ""},
      {"training_status", static_cast<double>(s.training_status), "",
       std::string(training_status_name(s.training_status))},
      {"muscle_mass_fraction", s.muscle_mass_fraction, "1", ""},
      {"leg_muscle_mass", model.derived().leg_muscle_kg, "kg", "derived: modelled muscle"},
      {"muscle_protein_initial", model.derived().muscle_protein_initial_g, "g",
       "derived: myofibrillar protein of the legs at t = 0"},
  };
  visit_parameters(
      [&](const ParameterSpec& s, const double& value) {
        rec.parameters.push_back(
            {std::string(s.name), value, std::string(s.unit),
             value != s.value ? "set by the scenario (default " + std::to_string(s.value) + ")"
                              : std::string(s.source)});
      },
      parameters);
  return rec;
}

std::unique_ptr<ModelFunctions> Adapter::functions(const Scenario& scenario) const {
  ProteinBalanceModel model(scenario.subject, resolve_parameters(scenario));
  Eigen::VectorXd initial = model.initial_state();
  return std::make_unique<SystemFunctions<ProteinBalanceModel>>(std::move(model),
                                                                std::move(initial));
}

Adapter::SweatEstimate Adapter::sweat_estimate(const Scenario& scenario) const {
  const Parameters p = resolve_parameters(scenario);
  auto model = std::make_shared<const ProteinBalanceModel>(scenario.subject, p);
  SweatEstimate e;
  e.l_per_h = [model](const TimelineSegment& seg) {
    return model->sweat_rate_l_per_h(
        model->exercise_energy_kcal_per_h(seg.modality, seg.intensity));
  };
  std::ostringstream note;
  note << " at " << p.ambient_temperature_degc << " degC";
  e.note = note.str();
  return e;
}

Table Adapter::summarize(const Result& r) const {
  const auto col = [&](std::string_view name) { return r.column(name); };
  const double days = r.time_h[r.time_h.size() - 1] / 24.0;
  const double cum_mps = r.final_value("cumulative_mps_g");
  const double cum_mpb = r.final_value("cumulative_mpb_g");
  Eigen::Index ck_peak = 0, glycogen_low = 0;
  col("ck_u_per_l").maxCoeff(&ck_peak);
  col("glycogen_mmol_per_kg_dw").minCoeff(&glycogen_low);
  const double mean_protein = col("muscle_protein_g").mean();
  Table t{
      {"csa_change_percent", r.final_value("csa_change_percent"), "%",
       "whole-muscle CSA change at the end"},
      {"mean_daily_net_balance", (cum_mps - cum_mpb) / days, "g/day",
       "synthesis minus breakdown, myofibrillar protein of the legs"},
      {"cumulative_synthesis", cum_mps, "g", "myofibrillar protein synthesized"},
      {"cumulative_breakdown", cum_mpb, "g", "myofibrillar protein broken down"},
      {"mean_fsr", 100.0 * cum_mps / mean_protein / days, "%/day", "mean fractional synthesis rate",
       false},
      {"peak_ck", col("ck_u_per_l")[ck_peak], "U/L", "highest plasma CK"},
      {"peak_ck_time", r.time_h[ck_peak], "h", "when CK peaked"},
      {"glycogen_low", col("glycogen_mmol_per_kg_dw")[glycogen_low], "mmol/kg dw",
       "lowest leg glycogen"},
      {"glycogen_low_time", r.time_h[glycogen_low], "h", "when glycogen was lowest", false},
      {"peak_lactate", col("lactate_mmol_per_l").maxCoeff(), "mmol/L", "highest blood lactate",
       false},
      {"final_readiness", r.final_value("readiness"), "AU", "Banister readiness at the end"},
      {"peak_body_mass_loss", col("body_mass_loss_percent").maxCoeff(), "%",
       "worst body-mass loss from sweating (on the output grid)"},
  };
  for (TableRow& row : t)
    if (!std::isfinite(row.value)) row.note = final_text(row.value);
  return t;
}

std::vector<FileKind> Adapter::file_kinds() const {
  FileKind targets_file;
  targets_file.name = "targets file";
  targets_file.documented_in = "docs/model.md";
  targets_file.yaml_key = "targets";
  targets_file.check = [](const FileToCheck& f, const CheckRequest& request) {
    const std::vector<Target> list = targets_from_yaml(f.text, f.path.string(), default_scenario_dir());
    describe_targets(request.out, list);
    return ", " + std::to_string(list.size()) + " targets";
  };
  return {targets_file};
}

ValidationReport Adapter::validate(
    const std::function<void(std::size_t, std::size_t)>& progress) const {
  StudyRunner runner(Parameters{}, default_scenario_dir(), default_solver());
  return run_validation(runner, read_feeding_data(default_feeding_data_path()), progress);
}

}  // namespace myoflux::protein_balance
