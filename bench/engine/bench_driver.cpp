// Driver overhead, explicit vs stiff stepper, on small test systems:
//  - per step: one long segment of a smooth 2-state system, so the cost is stepping alone;
//  - per segment: the same work cut into many segments by input edges, so restarts dominate;
//  - HIRES (8 states, stiff) at engineering tolerance, where stability decides the step count.
// Counters report steps, RHS evaluations and ns per step so the methods compare per unit of work.
#include <benchmark/benchmark.h>

#include "engine/solver/simulate.hpp"
#include "tests/engine/test_systems.hpp"

namespace myoflux {
namespace {

void report(benchmark::State& state, const Simulation& r) {
  state.counters["steps"] = static_cast<double>(r.stats.steps);
  state.counters["rejected"] = static_cast<double>(r.stats.rejected_steps);
  state.counters["rhs_evals"] = static_cast<double>(r.stats.rhs_evaluations);
  state.counters["segments"] = static_cast<double>(r.stats.segments);
  state.counters["ns_per_step"] = benchmark::Counter(
      static_cast<double>(r.stats.steps),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void PerStep(benchmark::State& state, Method method) {
  testing::DampedRotation model;
  const Schedule schedule = testing::empty_schedule(200.0);
  const std::vector<double> grid{0.0, 200.0};
  SolverConfig cfg;
  cfg.method = method;
  cfg.rtol = 1e-8;
  Simulation r;
  for (auto _ : state) {
    r = simulate(model, schedule, Eigen::Vector2d(1.0, 0.0), cfg, grid);
    benchmark::DoNotOptimize(r.values.data());
  }
  report(state, r);
}

void PerSegment(benchmark::State& state, Method method) {
  testing::DecayWithInput model;
  const double duration = 200.0;
  ScheduleBuilder b = testing::single_input_builder(duration);
  int i = 0;
  for (double t = 0.0; t + 0.1 <= duration; t += 0.1, ++i) b.set(0, t, t + 0.1, i % 2, "edge");
  const Schedule schedule = b.build();
  const std::vector<double> grid{0.0, duration};
  SolverConfig cfg;
  cfg.method = method;
  cfg.rtol = 1e-6;
  Simulation r;
  for (auto _ : state) {
    r = simulate(model, schedule, Eigen::VectorXd::Zero(1), cfg, grid);
    benchmark::DoNotOptimize(r.values.data());
  }
  report(state, r);
  state.counters["ns_per_segment"] = benchmark::Counter(
      static_cast<double>(r.stats.segments),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void Hires(benchmark::State& state, Method method) {
  testing::Hires model;
  const Schedule schedule = testing::empty_schedule(testing::Hires::t_end);
  const std::vector<double> grid = uniform_grid(testing::Hires::t_end, 1.0);
  SolverConfig cfg;
  cfg.method = method;
  cfg.rtol = 1e-6;
  cfg.atol = 1e-9;
  Simulation r;
  for (auto _ : state) {
    r = simulate(model, schedule, testing::Hires::initial(), cfg, grid);
    benchmark::DoNotOptimize(r.values.data());
  }
  report(state, r);
}

BENCHMARK_CAPTURE(PerStep, dopri5, Method::dopri5)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PerStep, rosenbrock4, Method::rosenbrock4)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PerStep, ros34pw2, Method::ros34pw2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PerSegment, dopri5, Method::dopri5)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PerSegment, rosenbrock4, Method::rosenbrock4)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PerSegment, ros34pw2, Method::ros34pw2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Hires, dopri5, Method::dopri5)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Hires, rosenbrock4, Method::rosenbrock4)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Hires, ros34pw2, Method::ros34pw2)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace myoflux

BENCHMARK_MAIN();
