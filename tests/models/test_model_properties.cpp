// Properties the protein balance model must have whatever its calibration: conservation of
// protein, invariance under shifts in time, monotone responses to distance and protein, a
// non-positive net balance without food protein or exercise, non-negative concentrations,
// diminishing returns of more sessions a week, harm from excessive running, a return toward
// baseline after training stops, and results that do not depend on the solver tolerance.
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

// Ten weeks of HIIT at 1 to 7 sessions a week (spread evenly): more sessions never give less
// growth, the growth per session falls with every added session, the seventh session adds less
// than half what the second does, and twice the sessions give well under twice the growth
// (issue 12: before the anabolic recovery state, 6 a week gave 1.94x the growth of 3;
// training-frequency meta-analyses find small returns from more days a week, Schoenfeld 2019,
// Pelland 2024). That each added session adds less than the one before is checked by the target
// hiit_frequency_diminishing_returns on its study, whose weekdays are spread as evenly as whole
// days allow; here the sessions fall where floor() puts them, and at 5-7 a week neighbouring
// steps add nearly the same (within 1 %), in either order.
TEST(ModelProperties, MoreSessionsAWeekAddLessAndLess) {
  std::vector<double> gains{0.0};  // no training: the reference
  {
    Plan rest;
    rest.days = 70;
    const Simulation r = run_plan(rest, {}, protein_balance::Adapter().default_solver(), 24.0);
    ASSERT_TRUE(r.stats.ok()) << r.stats.message;
    gains[0] = r.final_value("csa_change_percent");
  }
  for (int per_week = 1; per_week <= 7; ++per_week) {
    Plan plan;
    plan.days = 70;
    plan.hiit_sessions = 10 * per_week;
    const Simulation r = run_plan(plan, {}, protein_balance::Adapter().default_solver(), 24.0);
    ASSERT_TRUE(r.stats.ok()) << r.stats.message;
    gains.push_back(r.final_value("csa_change_percent"));
  }
  for (std::size_t n = 1; n < gains.size(); ++n) {
    EXPECT_GT(gains[n], gains[n - 1]) << n << " sessions a week";
    if (n >= 2) {
      EXPECT_LT((gains[n] - gains[0]) / n, (gains[n - 1] - gains[0]) / (n - 1))
          << "growth per session at " << n << " sessions a week";
    }
  }
  EXPECT_LT(gains[7] - gains[6], 0.5 * (gains[2] - gains[1]));
  // "Well under twice": 6 against 3 a week at most 1.7x the gain over no training (the target
  // hiit_frequency_diminishing_returns asks 1.4 +/- 0.2 of the calibrated model).
  EXPECT_LT((gains[6] - gains[0]) / (gains[3] - gains[0]), 1.7);
}

// Excessive load can harm (issue 12): the anabolic recovery only lowers what added sessions
// give, but runs long enough to damage the muscle make more of them cost muscle. 30 km at 70
// %VO2max every day for 10 weeks (210 km a week) ends with less muscle than the same run three
// times a week. (Whether the size is right is not checked against a study: the overtraining
// consensus, Meeusen 2013, gives none.)
TEST(ModelProperties, ExcessiveRunningCanHarm) {
  auto csa_after = [](int runs_per_week) {
    Plan plan;
    plan.days = 70;
    plan.run_km = 30;
    plan.run_intensity = 0.7;
    for (int day = 0; day < 70; ++day)
      if (runs_per_week == 7 || day % 7 == 0 || day % 7 == 2 || day % 7 == 5)
        plan.run_days.push_back(day);
    const Simulation r = run_plan(plan, {}, protein_balance::Adapter().default_solver(), 24.0);
    EXPECT_TRUE(r.stats.ok()) << r.stats.message;
    return r.final_value("csa_change_percent");
  };
  const double three = csa_after(3), seven = csa_after(7);
  RecordProperty("csa_3_per_week", std::to_string(three));
  RecordProperty("csa_7_per_week", std::to_string(seven));
  EXPECT_LT(seven, three);
}

// Weeks without training return muscle toward baseline (issue 12): after 10 weeks of HIIT three
// times a week, the gain falls day by day once the last session's effect has passed, never
// below the untrained reference, and three weeks take 10-45 % of it. The range: Ogasawara 2010
// saw CSA fall 3-7 % in a 3-week break after a 6-week gain of 8-20 % (about 40 % of the gain,
// an upper bound: the 2011 paper of the same trial calls the loss not significant), and Hwang
// 2017 measured no loss after 2 weeks (docs/research/model_fidelity_sources.md section 6).
TEST(ModelProperties, DetrainingReturnsMuscleTowardBaseline) {
  Plan trained;
  trained.days = 70 + 56;
  trained.training_days = 70;
  trained.hiit_sessions = 30;
  Plan untrained = trained;
  untrained.hiit_sessions = 0;
  const SolverConfig solver = protein_balance::Adapter().default_solver();
  const Simulation r = run_plan(trained, {}, solver, 24.0);
  const Simulation base = run_plan(untrained, {}, solver, 24.0);
  ASSERT_TRUE(r.stats.ok() && base.stats.ok());
  const auto csa = r.column("csa_change_percent");
  const auto reference = base.column("csa_change_percent");
  // Daily samples at 00:00; the last session is on day 67 at 17:00, so day 70 is past its
  // sensitisation (about a day).
  const Eigen::Index stop = 70;
  const double gain = csa[stop] - reference[stop];
  ASSERT_GT(gain, 1.0);
  for (Eigen::Index day = stop + 1; day < csa.size(); ++day) {
    EXPECT_LT(csa[day], csa[day - 1]) << "day " << day;
    EXPECT_GT(csa[day], reference[day]) << "day " << day;
  }
  const double lost_in_3_weeks = 1.0 - (csa[stop + 21] - reference[stop + 21]) / gain;
  RecordProperty("share_of_gain_lost_in_3_weeks", std::to_string(lost_in_3_weeks));
  RecordProperty("time_constant_weeks", std::to_string(-3.0 / std::log(1.0 - lost_in_3_weeks)));
  EXPECT_GT(lost_in_3_weeks, 0.10);
  EXPECT_LT(lost_in_3_weeks, 0.45);
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
