// Properties the protein balance model must have whatever its calibration: conservation of
// protein, invariance under shifts in time, monotone responses to distance and protein, a
// non-positive net balance without food protein or exercise, non-negative concentrations, and
// results that do not depend on the solver tolerance.
#include <gtest/gtest.h>

#include "model_fixture.hpp"

namespace myoflux {
namespace {
using protein_balance::Parameters;
using testing::Plan;
using testing::run_plan;

// The change in muscle protein equals synthesis minus breakdown integrated over the run: checked
// against the separately integrated fluxes, and against a trapezoid sum of the sampled net rate.
TEST(ModelProperties, ProteinIsConserved) {
  Plan plan;
  plan.days = 14;
  plan.hiit_sessions = 5;
  plan.run_km = 10;
  const Simulation r = run_plan(plan, {}, protein_balance::Adapter().default_solver(), 1.0 / 60.0);
  ASSERT_TRUE(r.stats.ok()) << r.stats.message;
  const double change = r.final_value("muscle_protein_g") -
                        r.values(0, static_cast<Eigen::Index>(r.index("muscle_protein_g")));
  const double integrated = r.final_value("cumulative_mps_g") - r.final_value("cumulative_mpb_g");
  // Both are integrals of the same rates by the same steps: equal to rounding and tolerance.
  EXPECT_NEAR(change, integrated, 1e-6 * r.final_value("muscle_protein_g"));
  const auto net = r.column("net_balance");
  double trapezoid = 0.0;
  for (Eigen::Index i = 1; i < net.size(); ++i)
    trapezoid += 0.5 * (net[i] + net[i - 1]) * (r.time_h[i] - r.time_h[i - 1]);
  // A trapezoid sum on a 1-min grid misses the corners of meals and bouts; 1 % of the change
  // (a change of tens of grams) is far below any modelling error yet catches a wrong flux.
  EXPECT_NEAR(trapezoid, change, 0.01 * std::abs(change) + 0.05);
}

// Starting later, from the same state, on a schedule shifted by the same time shifts every output.
TEST(ModelProperties, ShiftingTheScheduleShiftsTheOutputs) {
  const Subject subject = testing::test_subject();
  const protein_balance::ProteinBalanceModel model(subject, Parameters{});
  Plan plan;
  plan.days = 4;
  plan.run_km = 8;
  Plan shifted = plan;
  shifted.shift_h = 17.25;
  const SolverConfig solver = protein_balance::Adapter().default_solver();
  const std::vector<double> grid = uniform_grid(plan.days * 24, 0.25);
  std::vector<double> grid_shifted;
  for (double t : grid) grid_shifted.push_back(t + shifted.shift_h);
  const Simulation a =
      simulate(model, build_schedule(plan, subject), model.initial_state(), solver, grid);
  const Simulation b = simulate(model, build_schedule(shifted, subject), model.initial_state(),
                                solver, grid_shifted, shifted.shift_h);
  ASSERT_EQ(a.sample_count(), b.sample_count());
  for (std::size_t j = 0; j < a.variables.size(); ++j)
    for (Eigen::Index i = 0; i < a.values.rows(); ++i) {
      const double x = a.values(i, static_cast<Eigen::Index>(j)),
                   y = b.values(i, static_cast<Eigen::Index>(j));
      // The step sequences differ only by the rounding of shifted breakpoints.
      EXPECT_NEAR(y, x, 1e-6 * (1.0 + std::abs(x)))
          << a.variables[j].name << " at " << a.time_h[i] << " h";
    }
}

TEST(ModelProperties, MoreDistanceNeverMeansLessDamage) {
  double previous_damage = 0.0, previous_ck = 0.0;
  for (double km : {0.0, 5.0, 10.0, 21.1, 30.0, 42.2}) {
    Plan plan;
    plan.days = 6;
    plan.run_km = km;
    const Simulation r = run_plan(plan);
    ASSERT_TRUE(r.stats.ok()) << r.stats.message;
    const double damage = r.column("damage").maxCoeff(), ck = r.column("ck_u_per_l").maxCoeff();
    EXPECT_GE(damage, previous_damage) << km << " km";
    EXPECT_GE(ck, previous_ck) << km << " km";
    if (km > 0) {
      EXPECT_GT(damage, previous_damage) << km << " km";
    }
    previous_damage = damage;
    previous_ck = ck;
  }
}

// With HIIT three times a week for four weeks, more daily protein never gives less growth, and
// the gain levels off (issue 4): beyond the brief's range the extra growth per extra 0.4 g/kg/day
// is a small fraction of what the first step from a low intake gives. (Strict concavity at every
// step is not required: on the plateau the steps are a tenth of a percentage point and the
// week-long adaptation of breakdown can order two of them either way.)
TEST(ModelProperties, MoreProteinNeverMeansLessGrowthAndTheGainLevelsOff) {
  std::vector<double> gains;
  const std::vector<double> intakes{0.4, 0.8, 1.2, 1.6, 2.0, 2.4};
  for (double g : intakes) {
    Plan plan;
    plan.days = 28;
    plan.hiit_sessions = 12;
    plan.protein_g_per_kg_day = g;
    const Simulation r = run_plan(plan);
    ASSERT_TRUE(r.stats.ok()) << r.stats.message;
    gains.push_back(r.final_value("csa_change_percent"));
  }
  for (std::size_t i = 1; i < gains.size(); ++i)
    EXPECT_GE(gains[i], gains[i - 1]) << intakes[i] << " g/kg/day";
  // Levelled off: each step above 1.6 g/kg/day adds less than a tenth of the first step.
  const double first_step = gains[1] - gains[0];
  EXPECT_GT(first_step, 0.0);
  EXPECT_LT(gains[4] - gains[3], 0.1 * first_step);
  EXPECT_LT(gains[5] - gains[4], 0.1 * first_step);
}

// Without food protein and without exercise every day ends with a net loss, carbohydrate and fat
// notwithstanding (insulin lowers breakdown but cannot supply amino acids).
TEST(ModelProperties, NoProteinNoExerciseGivesNonPositiveDailyBalance) {
  for (double carbohydrate : {0.0, 0.5, 0.8}) {
    Plan plan;
    plan.days = 5;
    plan.protein_g_per_kg_day = 0.0;
    plan.carbohydrate_share = carbohydrate;
    const Simulation r = run_plan(plan, {}, protein_balance::Adapter().default_solver(), 1.0);
    ASSERT_TRUE(r.stats.ok());
    for (int day = 0; day < 5; ++day)
      EXPECT_LE(testing::net_between(r, day * 24, (day + 1) * 24), 0.0)
          << "day " << day << ", carbohydrate share " << carbohydrate;
  }
}

// A hard week: a marathon on a ketogenic diet with HIIT, then fasting. No concentration, pool
// or rate may go negative.
TEST(ModelProperties, ConcentrationsStayNonNegative) {
  Plan plan;
  plan.days = 8;
  plan.run_km = 42.2;
  plan.run_intensity = 0.75;
  plan.carbohydrate_share = 0.05;
  plan.fat_share = 0.75;
  plan.hiit_sessions = 3;
  const Simulation r = run_plan(plan);
  ASSERT_TRUE(r.stats.ok()) << r.stats.message;
  for (const char* name :
       {"plasma_leucine_umol_per_l", "intracellular_leucine_umol_per_l", "insulin_pmol_per_l",
        "ck_u_per_l", "damage", "glycogen_mmol_per_kg_dw", "lactate_mmol_per_l", "mps_rate",
        "mpb_rate", "gut_protein_g", "fitness", "fatigue", "anaerobic_capacity_relative",
        "myostatin_relative", "p70s6k_fold", "refractory"})
    // Integration noise at a kink of the right-hand side may dip a few atol (1e-6 of the state's
    // scale) below zero; a sign error in an equation would go far below.
    EXPECT_GE(r.column(name).minCoeff(), -1e-4) << name;
}

// Tightening the tolerance 100-fold moves the 10-week CSA change by less than 0.1 percentage
// points (issue 4); in practice by far less.
TEST(ModelProperties, TenWeekResultDoesNotDependOnTheTolerance) {
  Plan plan;
  plan.days = 70;
  plan.hiit_sessions = 25;
  SolverConfig solver = protein_balance::Adapter().default_solver();
  const Simulation normal = run_plan(plan, {}, solver, 1.0);
  solver.rtol /= 100;
  for (double& a : solver.atol_per_state) a /= 100;
  const Simulation tight = run_plan(plan, {}, solver, 1.0);
  ASSERT_TRUE(normal.stats.ok() && tight.stats.ok());
  const double difference =
      std::abs(normal.final_value("csa_change_percent") - tight.final_value("csa_change_percent"));
  RecordProperty("csa_difference_pp", std::to_string(difference));
  EXPECT_LT(difference, 0.1);
}

}  // namespace
}  // namespace myoflux
