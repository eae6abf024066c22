// The solver driver against exact solutions: piecewise-constant inputs switching many times, a
// linear 2-state system, exact integrals across breakpoints, doses, the observed convergence order
// of each stepper, and failures reported as statuses.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/solver/simulate.hpp"
#include "test_systems.hpp"

namespace myoflux {
namespace {

using testing::DampedRotation;
using testing::DecayWithInput;
using testing::Integrator;
using testing::Logistic;

class BothMethods : public ::testing::TestWithParam<Method> {};
INSTANTIATE_TEST_SUITE_P(Solver, BothMethods,
                         ::testing::Values(Method::dopri5, Method::rosenbrock4, Method::ros34pw2),
                         [](const auto& info) { return std::string(method_name(info.param)); });

// u switches between 0, 2 and 5 every 0.37 h over 40 h (108 segments); the exact solution is
// propagated segment by segment with the closed form.
TEST_P(BothMethods, DecayWithSwitchingInputMatchesClosedForm) {
  DecayWithInput model;
  const double duration = 40.0, period = 0.37;
  ScheduleBuilder b = testing::single_input_builder(duration);
  const double levels[3] = {0.0, 2.0, 5.0};
  int i = 0;
  for (double t = 0.0; t < duration; t += period, ++i)
    b.set(0, t, std::min(t + period, duration), levels[i % 3], "step");
  const Schedule s = b.build();
  SolverConfig cfg;
  cfg.method = GetParam();
  cfg.rtol = 1e-8;
  cfg.atol = 1e-10;
  const std::vector<double> grid = uniform_grid(duration, 0.05);
  const Simulation r = simulate(model, s, Eigen::VectorXd::Constant(1, 1.0), cfg, grid);
  ASSERT_TRUE(r.stats.ok()) << r.stats.message;
  ASSERT_EQ(r.sample_count(), grid.size());

  // Exact solution at each grid time.
  double max_rel_error = 0.0;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    double x = 1.0;
    for (std::size_t k = 0; k < s.segment_count(); ++k) {
      const double t0 = s.breakpoints()[k], t1 = std::min(s.breakpoints()[k + 1], grid[g]);
      if (t1 <= t0) break;
      const double eq = s.inputs(k)[0] / model.k;
      x = eq + (x - eq) * std::exp(-model.k * (t1 - t0));
    }
    max_rel_error =
        std::max(max_rel_error, std::abs(r.values(static_cast<Eigen::Index>(g), 0) - x) /
                                    (std::abs(x) + 1e-10 / 1e-8));
  }
  // Global error of an adaptive method is a modest multiple of the local tolerance; 10x rtol
  // leaves room for accumulation over 108 segments while still catching a wrong step or a missed
  // edge (which would give errors of order 1e-2).
  EXPECT_LT(max_rel_error, 10 * cfg.rtol);
  EXPECT_EQ(r.stats.segments, static_cast<long>(s.segment_count()));
  EXPECT_GT(r.stats.rhs_evaluations, r.stats.steps);
}

TEST_P(BothMethods, LinearTwoStateSystem) {
  DampedRotation model;
  SolverConfig cfg;
  cfg.method = GetParam();
  cfg.rtol = 1e-9;
  cfg.atol = 1e-12;
  const Eigen::Vector2d x0(1.0, -0.5);
  const std::vector<double> grid = uniform_grid(10.0, 0.25);
  const Simulation r = simulate(model, testing::empty_schedule(10.0), x0, cfg, grid);
  ASSERT_TRUE(r.stats.ok());
  for (std::size_t g = 0; g < grid.size(); ++g) {
    const Eigen::Vector2d exact = model.exact(grid[g], x0);
    for (int c = 0; c < 2; ++c)
      // Dense output between steps is 4th order (dopri5) or 3rd order Hermite (rosenbrock4); with
      // steps chosen for rtol 1e-9 both stay within 100 x (atol + rtol |x|) of the exact value.
      EXPECT_NEAR(r.values(static_cast<Eigen::Index>(g), c), exact[c],
                  100 * (cfg.atol + cfg.rtol * std::abs(exact[c])))
          << "t = " << grid[g];
  }
}

TEST_P(BothMethods, ShortPulseInLongRunDepositsExactlyItsIntegral) {
  Integrator model;
  const double ten_weeks = 1680.0, pulse = 20.0 / 3600.0;
  ScheduleBuilder b = testing::single_input_builder(ten_weeks);
  b.set(0, 1000.1234, 1000.1234 + pulse, 3.0, "20 s pulse");
  SolverConfig cfg;
  cfg.method = GetParam();
  const std::vector<double> grid{0.0, ten_weeks};
  const Simulation r = simulate(model, b.build(), Eigen::VectorXd::Zero(1), cfg, grid);
  ASSERT_TRUE(r.stats.ok());
  // Integration stops at both edges, so the only error is rounding of t1 - t0 (about 1e-13 h).
  EXPECT_NEAR(r.final_value("x"), 3.0 * pulse, 1e-12);
  EXPECT_EQ(r.stats.segments, 3);
}

TEST_P(BothMethods, DosesJumpTheStateAtTheirTime) {
  DecayWithInput model;
  ScheduleBuilder b = testing::single_input_builder(6.0);
  b.dose(0, 2.0, 5.0, "bolus");
  SolverConfig cfg;
  cfg.method = GetParam();
  cfg.rtol = 1e-9;
  cfg.atol = 1e-12;
  const std::vector<double> grid{0.0, 1.999, 2.0, 6.0};
  const Simulation r = simulate(model, b.build(), Eigen::VectorXd::Zero(1), cfg, grid);
  ASSERT_TRUE(r.stats.ok());
  EXPECT_NEAR(r.values(1, 0), 0.0, 1e-12);
  EXPECT_NEAR(r.values(2, 0), 5.0, 1e-9);  // a sample at a dose time shows the state after it
  EXPECT_NEAR(r.values(3, 0), 5.0 * std::exp(-model.k * 4.0), 1e-7);
}

TEST_P(BothMethods, SamplesAtBreakpointsWhenAsked) {
  Integrator model;
  ScheduleBuilder b = testing::single_input_builder(3.0);
  b.set(0, 0.5, 0.7, 1.0, "a");
  b.set(0, 1.3, 2.9, 2.0, "b");
  SolverConfig cfg;
  cfg.method = GetParam();
  cfg.sample_breakpoints = true;
  const std::vector<double> grid{0.0, 1.0, 2.0, 3.0};
  const Simulation r = simulate(model, b.build(), Eigen::VectorXd::Zero(1), cfg, grid);
  ASSERT_TRUE(r.stats.ok());
  EXPECT_EQ(r.time_h, (Eigen::VectorXd(8) << 0.0, 0.5, 0.7, 1.0, 1.3, 2.0, 2.9, 3.0).finished());
  EXPECT_NEAR(r.values(2, 0), 0.2, 1e-12);
  EXPECT_NEAR(r.values(7, 0), 0.2 + 3.2, 1e-12);
}

template <const RosenbrockTableau& T>
using RosenbrockOnLogistic = RosenbrockStepper<Logistic, Eigen::VectorXd, T>;
using Dopri5 = Dopri5Stepper<Eigen::VectorXd>;

/// The error at t = 2 after n fixed steps h = 2/n from x0 at t = 0, against the exact value.
template <class Stepper, class M>
double fixed_step_error(const M& model, const Eigen::VectorXd& x0, const SolverConfig& cfg, int n,
                        const Eigen::VectorXd& exact) {
  long evaluations = 0;
  const BoundRhs<M> f{&model, {}, &evaluations};
  const Eigen::Index size = x0.size();
  ErrorWeights w{Eigen::VectorXd::Constant(size, 1e-12), 1e-12, {}};
  Stepper stepper(model, size, w, cfg);
  Eigen::VectorXd x = x0;
  double t = 0.0;
  const double h = 2.0 / n;
  stepper.start(f, t, x);
  for (int i = 0; i < n; ++i) {
    stepper.attempt(f, t, x, h, w);
    stepper.accept(f, t, x, h);
  }
  return (x - exact).norm();
}

// Fixed steps h = 2/N on y' = y(1-y) from y(0) = 0.1 to t = 2: the error at t = 2 shrinks by
// 2^p when N doubles. The observed order must match the method's order within 0.3.
// jacobian_max_age lets a Rosenbrock-W method keep the Jacobian of t = 0 for the whole run.
template <class Stepper>
double observed_order(int jacobian_max_age = 1) {
  SolverConfig cfg;
  cfg.jacobian_max_age = jacobian_max_age;
  const Eigen::VectorXd x0 = Eigen::VectorXd::Constant(1, 0.1);
  const Eigen::VectorXd exact = Eigen::VectorXd::Constant(1, Logistic::exact(2.0, 0.1));
  const double e40 = fixed_step_error<Stepper>(Logistic{}, x0, cfg, 40, exact);
  const double e80 = fixed_step_error<Stepper>(Logistic{}, x0, cfg, 80, exact);
  return std::log2(e40 / e80);
}

TEST(SolverOrder, Dopri5IsFifthOrder) {
  EXPECT_NEAR(observed_order<Dopri5>(), 5.0, 0.3);
}
TEST(SolverOrder, Rosenbrock4IsFourthOrder) {
  EXPECT_NEAR(observed_order<RosenbrockOnLogistic<kShampine4>>(), 4.0, 0.3);
}
TEST(SolverOrder, Ros34pw2IsThirdOrder) {
  EXPECT_NEAR(observed_order<RosenbrockOnLogistic<kRos34pw2>>(), 3.0, 0.3);
}
// The W-method property: with the Jacobian of y(0) kept for all steps (J = 0.8 while the exact one
// falls to -0.6 by t = 2) the order is still 3. A coefficient error that only the exact Jacobian
// hides would drop it to 1 or 2.
TEST(SolverOrder, Ros34pw2KeepsItsOrderWithAnOldJacobian) {
  EXPECT_NEAR(observed_order<RosenbrockOnLogistic<kRos34pw2>>(1 << 30), 3.0, 0.3);
}

// Diagonal W: on the damped rotation x' = A x, A = [[-a, w], [-w, -a]], W keeps only the diagonal
// -a and drops the coupling w = 2, which dominates the dynamics. A W-method's order holds for any
// W, so fixed steps must still converge at order 3; an implementation that used the diagonal as if
// it were the Jacobian in a classical Rosenbrock method would fall to order 1.
TEST(SolverOrder, Ros34pw2KeepsItsOrderWithTheDiagonalAloneInW) {
  const DampedRotation model;
  SolverConfig cfg;
  cfg.jacobian_diagonal = true;
  const Eigen::Vector2d x0(1.0, 0.5);
  const Eigen::VectorXd exact = model.exact(2.0, x0);
  using Stepper = RosenbrockStepper<DampedRotation, Eigen::VectorXd, kRos34pw2>;
  const double e40 = fixed_step_error<Stepper>(model, x0, cfg, 40, exact);
  const double e80 = fixed_step_error<Stepper>(model, x0, cfg, 80, exact);
  EXPECT_NEAR(std::log2(e40 / e80), 3.0, 0.3);
}

// The embedded error estimate must be of the stated order q: it shrinks like h^(q+1).
template <class Stepper>
double error_estimate_order() {
  Logistic model;
  long evaluations = 0;
  const BoundRhs<Logistic> f{&model, {}, &evaluations};
  ErrorWeights w{Eigen::VectorXd::Constant(1, 1.0), 0.0, {}};  // norm = |error estimate|
  const Eigen::VectorXd x = Eigen::VectorXd::Constant(1, 0.1);
  Stepper stepper(model, 1, ErrorWeights{Eigen::VectorXd::Constant(1, 1e-9), 1e-6, {}},
                  SolverConfig{});
  stepper.start(f, 0.0, x);
  const double e1 = stepper.attempt(f, 0.0, x, 0.2, w);
  const double e2 = stepper.attempt(f, 0.0, x, 0.1, w);
  return std::log2(e1 / e2) - 1.0;  // local error of order q is O(h^(q+1))
}

TEST(SolverOrder, EmbeddedEstimatesHaveTheirStatedOrder) {
  EXPECT_NEAR(error_estimate_order<Dopri5>(), Dopri5::error_order, 0.4);
  using Shampine = RosenbrockOnLogistic<kShampine4>;
  using Ros34pw2 = RosenbrockOnLogistic<kRos34pw2>;
  EXPECT_NEAR(error_estimate_order<Shampine>(), Shampine::error_order, 0.4);
  EXPECT_NEAR(error_estimate_order<Ros34pw2>(), Ros34pw2::error_order, 0.4);
}

// A system that turns into NaN after t = 1, and one whose state must stay non-negative.
struct Breaks : testing::StateObserver<1> {
  static constexpr bool autonomous = true;
  Breaks() : testing::StateObserver<1>({StateInfo{"x", "g", "stock", 0.0}}) {}
  std::span<const std::string_view> input_channels() const { return {}; }
  bool produce_nan = true;
  // Not a template: the stiff steppers differentiate it numerically.
  void rhs(double t, const double*, std::span<const double>, double* dxdt) const {
    dxdt[0] = (produce_nan && t > 1.0) ? std::nan("") : -1.0;
  }
  DoseEffect dose_effect(std::string_view) const { return {0, 1.0}; }
};

TEST_P(BothMethods, NaNBecomesAStatusWithTheTime) {
  Breaks model;
  SolverConfig cfg;
  cfg.method = GetParam();
  const std::vector<double> grid = uniform_grid(5.0, 0.5);
  const Simulation r =
      simulate(model, testing::empty_schedule(5.0), Eigen::VectorXd::Constant(1, 10.0), cfg, grid);
  EXPECT_FALSE(r.stats.ok());
  EXPECT_EQ(r.stats.status, SolverStatus::step_size_underflow);
  EXPECT_NE(r.stats.message.find("NaN"), std::string::npos) << r.stats.message;
  EXPECT_NEAR(r.stats.failure_time_h, 1.0, 1e-6);
  EXPECT_LT(r.sample_count(), grid.size());  // samples up to the failure only
  EXPECT_EQ(r.time_h.size(), static_cast<Eigen::Index>(r.sample_count()));
}

TEST_P(BothMethods, StateLeavingItsRangeBecomesAStatus) {
  Breaks model;
  model.produce_nan = false;  // x = 2 - t crosses its lower bound 0 at t = 2
  SolverConfig cfg;
  cfg.method = GetParam();
  const std::vector<double> grid = uniform_grid(5.0, 0.5);
  const Simulation r =
      simulate(model, testing::empty_schedule(5.0), Eigen::VectorXd::Constant(1, 2.0), cfg, grid);
  EXPECT_EQ(r.stats.status, SolverStatus::state_out_of_range);
  EXPECT_NE(r.stats.message.find("state 'x'"), std::string::npos) << r.stats.message;
  EXPECT_GT(r.stats.failure_time_h, 2.0);
}

TEST_P(BothMethods, TooManyStepsBecomesAStatus) {
  DampedRotation model;
  SolverConfig cfg;
  cfg.method = GetParam();
  cfg.max_steps = 10;
  cfg.rtol = 1e-10;
  const std::vector<double> grid = uniform_grid(100.0, 1.0);
  const Simulation r =
      simulate(model, testing::empty_schedule(100.0), Eigen::Vector2d(1, 0), cfg, grid);
  EXPECT_EQ(r.stats.status, SolverStatus::too_many_steps);
  EXPECT_EQ(r.stats.steps + r.stats.rejected_steps, 10);
}

// Starting at t0 from x0 on a schedule shifted by t0 reproduces the unshifted run, shifted.
TEST_P(BothMethods, StartingLaterOnAShiftedScheduleShiftsTheOutputs) {
  DecayWithInput model;
  const double shift = 3.7;
  ScheduleBuilder a = testing::single_input_builder(10.0),
                  b = testing::single_input_builder(10.0 + shift);
  for (auto* builder : {&a, &b}) {
    const double s = builder == &b ? shift : 0.0;
    builder->set(0, s + 1.0, s + 2.5, 4.0, "input");
    builder->dose(0, s + 6.0, 2.0, "bolus");
  }
  SolverConfig cfg;
  cfg.method = GetParam();
  std::vector<double> grid_a = uniform_grid(10.0, 0.5), grid_b;
  for (double t : grid_a) grid_b.push_back(t + shift);
  const Simulation ra = simulate(model, a.build(), Eigen::VectorXd::Constant(1, 1.0), cfg, grid_a);
  const Simulation rb =
      simulate(model, b.build(), Eigen::VectorXd::Constant(1, 1.0), cfg, grid_b, shift);
  ASSERT_EQ(ra.sample_count(), rb.sample_count());
  for (std::size_t i = 0; i < ra.sample_count(); ++i) {
    EXPECT_NEAR(rb.time_h[static_cast<Eigen::Index>(i)],
                ra.time_h[static_cast<Eigen::Index>(i)] + shift, 1e-12);
    // Same equations, same step sequence relative to the start: agreement to rounding.
    EXPECT_NEAR(rb.values(static_cast<Eigen::Index>(i), 0),
                ra.values(static_cast<Eigen::Index>(i), 0), 1e-9);
  }
}

TEST(Solver, BadArgumentsAreInputErrors) {
  DecayWithInput model;
  const Schedule s = testing::single_input_builder(1.0).build();
  SolverConfig cfg;
  const std::vector<double> grid{0.0, 1.0};
  EXPECT_THROW(simulate(model, s, Eigen::VectorXd::Zero(2), cfg, grid), InputError);
  cfg.rtol = 0.0;
  EXPECT_THROW(simulate(model, s, Eigen::VectorXd::Zero(1), cfg, grid), InputError);
  cfg.rtol = 1e-6;
  const std::vector<double> outside{0.0, 2.0};
  EXPECT_THROW(simulate(model, s, Eigen::VectorXd::Zero(1), cfg, outside), InputError);
  EXPECT_THROW(simulate(model, testing::empty_schedule(1.0), Eigen::VectorXd::Zero(1), cfg, grid),
               InputError);  // the model reads channel "u", which this schedule lacks
}

}  // namespace
}  // namespace myoflux
