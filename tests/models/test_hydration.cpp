// The hydration part of the protein balance model against results worked out by hand: body
// water stays at 0 without exercise or drinks; a session of known energy sweats its heat out at
// the rate the equation gives; a drink is absorbed first-order and its surplus cleared by the
// kidneys; a deficit at rest is made up by drinking to thirst only when the diet does not set
// the fluids; below 2 % body-mass loss the work factor is exactly 1.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/scenario/channels.hpp"
#include "engine/solver/simulate.hpp"
#include "models/protein_balance/adapter.hpp"
#include "model_fixture.hpp"

namespace myoflux {
namespace {

using protein_balance::Parameters;
using protein_balance::ProteinBalanceModel;

constexpr double kBodyMassKg = 68.2;  // testing::test_subject()

ScheduleBuilder empty_schedule(double hours) {
  return ScheduleBuilder(input_channels(), dose_targets(), hours);
}

void run_for(ScheduleBuilder& b, double from_h, double to_h, double intensity) {
  b.set(channel::modality, from_h, to_h, static_cast<double>(Modality::running), "run");
  b.set(channel::exercise_intensity, from_h, to_h, intensity, "run");
  b.set(channel::running_speed, from_h, to_h, 9.0, "run");
  b.set(channel::eccentric_factor, from_h, to_h, 1.0, "run");
}

Simulation simulate_on(const ProteinBalanceModel& model, const Schedule& schedule,
                       Eigen::VectorXd x0, double interval_h = 0.25) {
  return simulate(model, schedule, x0, protein_balance::Adapter().default_solver(),
                  uniform_grid(schedule.duration_h(), interval_h));
}

/// Body water change (L) from the body_mass_loss_percent output.
double water_l(const Result& r, Eigen::Index i) {
  return -r.values(i, static_cast<Eigen::Index>(r.index("body_mass_loss_percent"))) *
         kBodyMassKg / 100.0;
}

TEST(Hydration, WithoutExerciseOrDrinksBodyWaterStaysAtZero) {
  const ProteinBalanceModel model(testing::test_subject(), Parameters{});
  const Simulation r = simulate_on(model, empty_schedule(48.0).build(), model.initial_state());
  ASSERT_TRUE(r.stats.ok()) << r.stats.message;
  for (Eigen::Index i = 0; i < r.values.rows(); ++i) {
    EXPECT_EQ(water_l(r, i), 0.0) << r.time_h[i] << " h";
    EXPECT_EQ(r.values(i, static_cast<Eigen::Index>(r.index("work_factor"))), 1.0);
  }
}

// dW/dt = -sweat is constant while exercising without drinks, so W(t) = -sweat t exactly (the
// solver integrates a constant exactly; 1e-9 L allows for rounding).
TEST(Hydration, ConstantSweatRateGivesTheExpectedLoss) {
  for (double temperature : {20.0, 30.0, 40.0}) {
    Parameters p;
    p.ambient_temperature_degc = temperature;
    const ProteinBalanceModel model(testing::test_subject(), p);
    ScheduleBuilder b = empty_schedule(3.0);
    run_for(b, 0.0, 1.5, 0.65);
    const Simulation r = simulate_on(model, b.build(), model.initial_state());
    ASSERT_TRUE(r.stats.ok()) << r.stats.message;
    // Heat = energy x (1 - 0.2); evaporated: 0.75 at 20 degC, +1/60 per degC, at most 1;
    // 580 kcal per L.
    const double energy = 0.65 * model.derived().energy_at_vo2max_kcal_per_h;
    const double share = std::min(1.0, 0.75 + 0.0167 * (temperature - 20.0));
    const double sweat_l_per_h = energy * 0.8 * share / 580.0;
    EXPECT_NEAR(model.sweat_rate_l_per_h(energy), sweat_l_per_h, 1e-12);
    const Eigen::Index end = static_cast<Eigen::Index>(1.5 / 0.25);
    EXPECT_NEAR(water_l(r, end), -1.5 * sweat_l_per_h, 1e-9) << temperature << " degC";
    EXPECT_NEAR(r.values(2, static_cast<Eigen::Index>(r.index("sweat_rate_l_per_h"))),
                sweat_l_per_h, 1e-12);
    // Plausible field magnitudes for a 68 kg runner at 65 %VO2max: 0.5-1.5 L/h.
    EXPECT_GT(sweat_l_per_h, 0.5);
    EXPECT_LT(sweat_l_per_h, 1.5);
  }
}

// A 0.5 L drink at rest: G = 0.5 e^{-k t}, and with the surplus cleared with time constant tau,
//   W(t) = 0.5 k / (k - 1/tau) (e^{-t/tau} - e^{-k t}).
TEST(Hydration, ADrinkIsAbsorbedFirstOrderAndItsSurplusCleared) {
  const Parameters p;
  const ProteinBalanceModel model(testing::test_subject(), p);
  ScheduleBuilder b = empty_schedule(8.0);
  b.dose(dose::fluid, 0.0, 0.5, "water");
  const Simulation r = simulate_on(model, b.build(), model.initial_state(), 0.1);
  ASSERT_TRUE(r.stats.ok()) << r.stats.message;
  const double k = p.k_fluid_absorption_per_h, tau = p.tau_renal_excess_h;
  double peak = 0.0;
  for (Eigen::Index i = 0; i < r.values.rows(); ++i) {
    const double t = r.time_h[i];
    const double expected = 0.5 * k / (k - 1.0 / tau) * (std::exp(-t / tau) - std::exp(-k * t));
    // rtol ~1e-5 of the state's 0.1 L scale per step, accumulated over a few hundred steps.
    EXPECT_NEAR(water_l(r, i), expected, 2e-5) << t << " h";
    peak = std::max(peak, water_l(r, i));
  }
  EXPECT_GT(peak, 0.3);  // most of the drink is in the body before the kidneys pass it
}

TEST(Hydration, DrinkingToThirstMakesUpADeficitOnlyWhenOn) {
  const Parameters p;
  const ProteinBalanceModel model(testing::test_subject(), p);
  Eigen::VectorXd x0 = model.initial_state();
  x0[protein_balance::body_water_change] = -1.0;
  const Simulation thirst = simulate_on(model, empty_schedule(16.0).build(), x0);
  ScheduleBuilder off = empty_schedule(16.0);
  off.set(channel::drinking_to_thirst, 0.0, 16.0, 0.0, "the diet's fluids");
  const Simulation fixed = simulate_on(model, off.build(), x0);
  ASSERT_TRUE(thirst.stats.ok() && fixed.stats.ok());
  const Eigen::Index end = thirst.values.rows() - 1;
  EXPECT_NEAR(water_l(thirst, end), -std::exp(-16.0 / p.tau_rehydration_at_rest_h), 2e-5);
  EXPECT_NEAR(water_l(fixed, end), -1.0, 1e-12);
}

TEST(Hydration, WorkFactorIsExactlyOneBelowTheThreshold) {
  const Parameters p;
  const ProteinBalanceModel model(testing::test_subject(), p);
  Eigen::VectorXd x = model.initial_state();
  const auto at_loss = [&](double percent) {
    x[protein_balance::body_water_change] = -percent / 100.0 * kBodyMassKg;
    return model.work_factor(x.data());
  };
  for (double percent : {-2.0, 0.0, 0.5, 1.0, 1.5, 1.999, 2.0}) EXPECT_EQ(at_loss(percent), 1.0);
  EXPECT_NEAR(at_loss(3.0), 1.0 - p.dehydration_work_penalty_per_percent, 1e-12);
  EXPECT_NEAR(at_loss(5.0), 1.0 - 3.0 * p.dehydration_work_penalty_per_percent, 1e-12);
  EXPECT_EQ(at_loss(90.0), 0.0);
}

// Past the threshold the same run delivers less: less damage (the eccentric load is in
// proportion to the work) than the same run started hydrated.
TEST(Hydration, DehydrationPastTheThresholdCutsTheWorkOfARun) {
  const ProteinBalanceModel model(testing::test_subject(), Parameters{});
  ScheduleBuilder b = empty_schedule(2.0);
  run_for(b, 0.0, 1.0, 0.65);
  const Schedule schedule = b.build();
  Eigen::VectorXd dry = model.initial_state();
  dry[protein_balance::body_water_change] = -0.04 * kBodyMassKg;  // 4 % lighter at the start
  const Simulation hydrated = simulate_on(model, schedule, model.initial_state());
  const Simulation dehydrated = simulate_on(model, schedule, dry);
  const auto damage = [](const Result& r) {
    return r.values(4, static_cast<Eigen::Index>(r.index("damage")));
  };
  ASSERT_GT(damage(hydrated), 0.0);
  // 4-5 % loss over the run: work factor 0.96 to 0.94, so damage (repaired over days, so
  // nearly the integral of its production after 1 h) is 4-6 % lower.
  EXPECT_LT(damage(dehydrated), 0.96 * damage(hydrated));
  EXPECT_GT(damage(dehydrated), 0.93 * damage(hydrated));
}

}  // namespace
}  // namespace myoflux
