// The protein balance model's speed: one right-hand side evaluation at rest and during exercise,
// and a 10-week HIIT scenario with three meals a day and 15-min output (the brief's plan,
// scenarios/hiit_4x4_brief.yaml) with each stepper. Counters give steps and RHS evaluations per
// simulated day, so the two steppers compare per unit of work.
#include <benchmark/benchmark.h>

#include "engine/scenario/scenario.hpp"
#include "engine/solver/block_lu.hpp"
#include "engine/solver/jacobian.hpp"
#include "engine/solver/simulate.hpp"
#include "models/protein_balance/adapter.hpp"

namespace myoflux::protein_balance {
namespace {

void Rhs(benchmark::State& state, bool exercising) {
  const ProteinBalanceModel model(Subject{}, Parameters{});
  Eigen::VectorXd x = model.initial_state(), dxdt(kStateCount);
  x[gut_mixed_meal] = 20.0;
  x[gut_carbohydrate] = 60.0;
  std::array<double, channel::count> u{};
  if (exercising) {
    u[channel::modality] = static_cast<double>(Modality::running);
    u[channel::exercise_intensity] = 0.85;
    u[channel::running_speed] = 11.0;
    u[channel::eccentric_factor] = 1.0;
  }
  for (auto _ : state) {
    x[gut_whey] += 1e-12;  // defeats hoisting of the whole call out of the loop
    model.rhs(0.0, x.data(), u, dxdt.data());
    benchmark::DoNotOptimize(dxdt.data());
  }
}

struct JacobianFixture {
  ProteinBalanceModel model{Subject{}, Parameters{}};
  Eigen::VectorXd x = model.initial_state();
  std::array<double, channel::count> u{};
  const JacobianPattern& pattern =
      traced_jacobian_pattern(model, kStateCount, model.input_channels().size());
  std::vector<double> J = std::vector<double>(static_cast<std::size_t>(pattern.nonzeros()));
  Eigen::VectorXd f = Eigen::VectorXd::Zero(kStateCount);
  JacobianFixture() {
    x[gut_mixed_meal] = 20.0;
    x[gut_carbohydrate] = 60.0;
  }
};

void ExactJacobian(benchmark::State& state) {
  JacobianFixture fx;
  auto evaluator = make_jacobian_evaluator(fx.model, fx.pattern, {});
  for (auto _ : state) {
    fx.x[gut_whey] += 1e-12;
    evaluator->evaluate(0.0, fx.x.data(), fx.u, fx.J.data(), fx.f.data());
    benchmark::DoNotOptimize(fx.J.data());
  }
  state.counters["colours"] = fx.pattern.colours;
}

void FactorW(benchmark::State& state) {
  JacobianFixture fx;
  make_jacobian_evaluator(fx.model, fx.pattern, {})
      ->evaluate(0.0, fx.x.data(), fx.u, fx.J.data(), fx.f.data());
  BlockTriangularLU lu(fx.pattern);
  double sigma = 10.0;
  for (auto _ : state) {
    sigma += 1e-9;
    benchmark::DoNotOptimize(lu.factor(sigma, fx.J.data()));
  }
}

void SolveW(benchmark::State& state) {
  JacobianFixture fx;
  make_jacobian_evaluator(fx.model, fx.pattern, {})
      ->evaluate(0.0, fx.x.data(), fx.u, fx.J.data(), fx.f.data());
  BlockTriangularLU lu(fx.pattern);
  lu.factor(10.0, fx.J.data());
  Eigen::VectorXd r = fx.f;
  for (auto _ : state) {
    lu.solve(r.data());
    benchmark::DoNotOptimize(r.data());
  }
}

void TenWeekHiit(benchmark::State& state, Method method) {
  const Scenario scenario =
      load_scenario(std::string(MYOFLUX_SOURCE_DIR) + "/scenarios/hiit_4x4_brief.yaml");
  SolverConfig solver = Adapter().default_solver();
  solver.method = method;
  const Parameters parameters;
  Simulation r;
  for (auto _ : state) {
    r = simulate_scenario(scenario, parameters, solver);
    benchmark::DoNotOptimize(r.values.data());
  }
  const double days = scenario.duration_h / 24.0;
  state.counters["steps"] = static_cast<double>(r.stats.steps);
  state.counters["rejected"] = static_cast<double>(r.stats.rejected_steps);
  state.counters["steps_per_day"] = r.stats.steps / days;
  state.counters["rhs_per_day"] = r.stats.rhs_evaluations / days;
  state.counters["segments"] = static_cast<double>(r.stats.segments);
  state.counters["csa_change_percent"] = r.final_value("csa_change_percent");
}

/// What `myoflux run` and Python's myoflux.run do for one scenario, whole (model set-up, the
/// simulation, the endpoint summary and the record's tables): the C++ side of
/// bench/python/run_overhead.py, which runs this beside myoflux.run on the same file.
void OneDayRun(benchmark::State& state) {
  const Scenario scenario =
      load_scenario(std::string(MYOFLUX_SOURCE_DIR) + "/bench/python/one_day.yaml");
  const Adapter adapter;
  const SolverConfig solver = adapter.default_solver();
  for (auto _ : state) {
    RunRecord record = adapter.run(scenario, solver);
    benchmark::DoNotOptimize(record.result.values.data());
  }
}

BENCHMARK_CAPTURE(Rhs, rest, false);
BENCHMARK_CAPTURE(Rhs, exercise, true);
BENCHMARK(ExactJacobian);
BENCHMARK(FactorW);
BENCHMARK(SolveW);
BENCHMARK(OneDayRun)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(TenWeekHiit, dopri5, Method::dopri5)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(TenWeekHiit, rosenbrock4, Method::rosenbrock4)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace myoflux::protein_balance

BENCHMARK_MAIN();
