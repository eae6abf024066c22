// The solver's step loop must not touch the heap: all work vectors are allocated once per run.
// This binary replaces the global operator new with a counting one, so it stands alone.
#include <gtest/gtest.h>

#include "engine/solver/simulate.hpp"
#include "test_systems.hpp"
#include "tests/support/counting_new.hpp"

namespace myoflux {
namespace {

// Runs the same non-stiff problem (so the step count follows the tolerance for both methods) on
// the same output grid with a loose and a very tight tolerance. The tight run takes many times
// more steps; if any step allocated, its count would be higher.
template <Method method>
void expect_allocations_independent_of_step_count(bool diagonal_w = false) {
  testing::DampedRotation model;
  const Schedule schedule = testing::empty_schedule(50.0);
  const std::vector<double> grid = uniform_grid(50.0, 1.0);
  long counts[2];
  long steps[2];
  const double rtols[2] = {1e-3, 1e-9};
  // A first run builds what is built once per model type (the traced Jacobian pattern).
  SolverConfig warm_up;
  warm_up.method = method;
  warm_up.jacobian_diagonal = diagonal_w;
  simulate(model, schedule, Eigen::Vector2d(1.0, 0.5), warm_up, grid);
  for (int i = 0; i < 2; ++i) {
    SolverConfig cfg;
    cfg.method = method;
    cfg.jacobian_diagonal = diagonal_w;
    cfg.rtol = rtols[i];
    cfg.atol = rtols[i] * 1e-3;
    const long before = testing::allocation_count().load();
    const Simulation r = simulate(model, schedule, Eigen::Vector2d(1.0, 0.5), cfg, grid);
    counts[i] = testing::allocation_count().load() - before;
    steps[i] = r.stats.steps;
    ASSERT_TRUE(r.stats.ok());
  }
  EXPECT_GT(steps[1], steps[0] + 1000);  // over a thousand extra steps, not one extra allocation
  EXPECT_EQ(counts[0], counts[1]) << "steps: " << steps[0] << " vs " << steps[1];
}

TEST(NoAllocation, Dopri5StepLoop) {
  expect_allocations_independent_of_step_count<Method::dopri5>();
}
TEST(NoAllocation, Rosenbrock4StepLoop) {
  expect_allocations_independent_of_step_count<Method::rosenbrock4>();
}
TEST(NoAllocation, Ros34pw2StepLoop) {
  expect_allocations_independent_of_step_count<Method::ros34pw2>();
}
TEST(NoAllocation, Ros34pw2WithDiagonalWStepLoop) {
  expect_allocations_independent_of_step_count<Method::ros34pw2>(true);
}

}  // namespace
}  // namespace myoflux
