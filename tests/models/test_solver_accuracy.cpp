// The accuracy bar of the model's recommended solver (Adapter::default_solver), on the scenario
// library: the endpoints users read agree with a reference run (dopri5 at rtol 1e-10) as
// tests/models/accuracy_bar.hpp states: the CSA change within 0.01 percentage points and every
// other endpoint within 0.1 %. First the long plans (8 weeks or more, the bar's purpose), then every
// other scenario and study arm (acute studies of hours to days).
#include <gtest/gtest.h>

#include <iostream>

#include "engine/solver/simulation.hpp"
#include "models/protein_balance/adapter.hpp"
#include "tests/models/accuracy_bar.hpp"
#include "tests/models/library_plans.hpp"

namespace myoflux::protein_balance {
namespace {

void expect_bar_met(const std::vector<Scenario>& plans) {
  const Adapter adapter;
  SolverConfig reference = adapter.default_solver();
  reference.method = Method::dopri5;
  reference.controller_beta = 0.0;
  const double factor = 1e-10 / reference.rtol;
  for (double& a : reference.atol_per_state) a *= factor;
  reference.rtol = 1e-10;
  double worst = 0.0;
  for (const Scenario& plan : plans) {
    const RunRecord ref = adapter.run(plan, reference, RecordDetail::result_and_summary);
    const RunRecord rec =
        adapter.run(plan, adapter.default_solver(), RecordDetail::result_and_summary);
    ASSERT_TRUE(solver_stats(ref.result).ok() && solver_stats(rec.result).ok()) << plan.name;
    const testing::BarCheck bar = testing::measure(ref, rec, plan.output_interval_h);
    EXPECT_LE(bar.worst_ratio, 1.0) << plan.name << ": " << bar.worst;
    worst = std::max(worst, bar.worst_ratio);
  }
  std::cout << plans.size() << " scenarios; worst error / allowed = " << worst << "\n";
}

TEST(SolverAccuracy, RecommendedSolverMeetsTheBarOnEveryLongPlanOfTheLibrary) {
  const std::vector<Scenario> plans = testing::library_plans(MYOFLUX_SOURCE_DIR);
  ASSERT_GE(plans.size(), 10u);  // the brief's plans, the diets, the sprints, the study arms
  expect_bar_met(plans);
}

TEST(SolverAccuracy, RecommendedSolverMeetsTheBarOnTheAcuteStudiesToo) {
  std::vector<Scenario> acute;
  for (Scenario& s : testing::library_plans(MYOFLUX_SOURCE_DIR, 0.0))
    if (s.duration_h < 8 * 7 * 24.0) acute.push_back(std::move(s));
  ASSERT_GE(acute.size(), 20u);
  expect_bar_met(acute);
}

}  // namespace
}  // namespace myoflux::protein_balance
