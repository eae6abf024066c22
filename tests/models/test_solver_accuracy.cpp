// The accuracy bar of the model's recommended solver (Adapter::default_solver), on every long plan
// of the scenario library: the endpoints users read agree with a reference run (dopri5 at rtol
// 1e-10, 100 000 times tighter) as tests/models/accuracy_bar.hpp states: the CSA change within
// 0.01 percentage points and every other endpoint within 0.1 %.
#include <gtest/gtest.h>

#include <iostream>

#include "models/protein_balance/adapter.hpp"
#include "tests/models/accuracy_bar.hpp"
#include "tests/models/library_plans.hpp"

namespace myoflux::protein_balance {
namespace {

TEST(SolverAccuracy, RecommendedSolverMeetsTheBarOnEveryLongPlanOfTheLibrary) {
  const Adapter adapter;
  const std::vector<Scenario> plans = testing::library_plans(MYOFLUX_SOURCE_DIR);
  ASSERT_GE(plans.size(), 10u);  // the brief's plans, the diets, the sprints, the study arms
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
    ASSERT_TRUE(ref.result.stats.ok() && rec.result.stats.ok()) << plan.name;
    const testing::BarCheck bar = testing::measure(ref, rec, plan.output_interval_h);
    EXPECT_LE(bar.worst_ratio, 1.0) << plan.name << ": " << bar.worst;
    worst = std::max(worst, bar.worst_ratio);
  }
  std::cout << plans.size() << " plans; worst error / allowed = " << worst << "\n";
}

}  // namespace
}  // namespace myoflux::protein_balance
