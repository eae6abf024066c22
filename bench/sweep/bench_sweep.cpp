// Sweep speed on the brief's 10-week HIIT plan (scenarios/hiit_4x4_brief.yaml) and on a one-day
// scenario: a bare simulate loop (the floor), the model adapter's run (adds the summary tables),
// and the sweep runner on 1 and 2 threads (adds building each run's scenario from the plan,
// keeping endpoints and chunk bookkeeping). Counters give runs per second; report.py turns them
// into runs per second per core, thread scaling and the runner's overhead per run.
#include <benchmark/benchmark.h>

#include <mutex>
#include <numeric>

#include "engine/sweep/plan.hpp"
#include "engine/sweep/runner.hpp"
#include "models/protein_balance/adapter.hpp"

namespace myoflux::sweep {
namespace {

const protein_balance::Adapter& model() {
  static const protein_balance::Adapter adapter;
  return adapter;
}

std::string base_path(bool ten_weeks) {
  return std::string(MYOFLUX_SOURCE_DIR) +
         (ten_weeks ? "/scenarios/hiit_4x4_brief.yaml" : "/tests/engine/sweep/data/one_day.yaml");
}

std::int64_t runs_of(bool ten_weeks) {
  return ten_weeks ? 64 : 2048;
}

/// `runs` runs of the base with protein sampled at random: each run compiles its own scenario.
SweepPlan plan_of(bool ten_weeks, std::int64_t runs) {
  const std::string text =
      "base: " + base_path(ten_weeks) +
      "\nsample:\n  method: random\n  count: " + std::to_string(runs) +
      "\n  ranges:\n    diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}\n";
  return SweepPlan(sweep_spec_from_yaml(text, "bench.yaml", ".", model()), model());
}

/// The scenarios the runner benchmark builds, compiled once outside the timed loop, so that the
/// floor and the adapter do exactly the runner's simulations.
std::vector<Scenario> compiled_runs(bool ten_weeks) {
  const SweepPlan plan = plan_of(ten_weeks, runs_of(ten_weeks));
  std::vector<Scenario> out;
  for (std::int64_t r = 0; r < plan.run_count(); ++r) out.push_back(plan.scenario(plan.inputs(r)));
  return out;
}

void BareSimulate(benchmark::State& state, bool ten_weeks) {
  const std::vector<Scenario> scenarios = compiled_runs(ten_weeks);
  const SolverConfig solver = model().default_solver();
  const protein_balance::Parameters parameters;
  std::size_t i = 0;
  for (auto _ : state) {
    Result r =
        protein_balance::simulate_scenario(scenarios[i++ % scenarios.size()], parameters, solver);
    benchmark::DoNotOptimize(r.values.data());
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void AdapterRun(benchmark::State& state, bool ten_weeks) {
  const std::vector<Scenario> scenarios = compiled_runs(ten_weeks);
  const SolverConfig solver = model().default_solver();
  std::size_t i = 0;
  for (auto _ : state) {
    RunRecord r = model().run(scenarios[i++ % scenarios.size()], solver);
    benchmark::DoNotOptimize(r.summary.data());
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void SweepRunner(benchmark::State& state, bool ten_weeks) {
  const auto threads = static_cast<unsigned>(state.range(0));
  const SweepPlan plan = plan_of(ten_weeks, runs_of(ten_weeks));
  std::vector<std::int64_t> chunks(static_cast<std::size_t>(plan.chunk_count()));
  std::iota(chunks.begin(), chunks.end(), 0);
  std::int64_t done = 0;
  for (auto _ : state) {
    ListQueue queue(chunks);
    std::mutex mutex;
    RunnerCallbacks callbacks;
    callbacks.finished = [&](ChunkResult&& c) {
      const std::lock_guard<std::mutex> lock(mutex);
      done += static_cast<std::int64_t>(c.size());
    };
    run_chunks(plan, model(), queue, threads, callbacks);
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.counters["threads"] = threads;
}

BENCHMARK_CAPTURE(BareSimulate, ten_weeks, true)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(AdapterRun, ten_weeks, true)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(SweepRunner, ten_weeks, true)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BareSimulate, one_day, false)->Unit(benchmark::kMicrosecond)->MinTime(2.0);
BENCHMARK_CAPTURE(AdapterRun, one_day, false)->Unit(benchmark::kMicrosecond)->MinTime(2.0);
BENCHMARK_CAPTURE(SweepRunner, one_day, false)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace
}  // namespace myoflux::sweep

BENCHMARK_MAIN();
