// The model's right-hand side and outputs must not touch the heap (they run millions of times per
// sweep). This binary counts every global operator new, so it stands alone.
#include <gtest/gtest.h>

#include "models/protein_balance/model.hpp"
#include "tests/support/counting_new.hpp"

namespace myoflux::protein_balance {
namespace {

TEST(ModelNoAllocation, RhsAndObserveAtRestAndDuringEveryModality) {
  const ProteinBalanceModel model(Subject{}, Parameters{});
  Eigen::VectorXd x = model.initial_state(), dxdt(kStateCount);
  x[gut_whey] = 20.0;
  x[gut_carbohydrate] = 60.0;
  x[damage] = 0.3;
  std::array<double, channel::count> u{};
  std::array<double, kOutputCount> row{};
  const long before = myoflux::testing::allocation_count().load();
  for (int modality = 0; modality <= static_cast<int>(Modality::resistance); ++modality) {
    u[channel::modality] = modality;
    u[channel::exercise_intensity] = modality == 0 ? 0.0 : 0.8;
    u[channel::resistance_load] = modality == static_cast<int>(Modality::resistance) ? 0.75 : 0.0;
    u[channel::running_speed] = 10.0;
    u[channel::eccentric_factor] = 1.0;
    for (int i = 0; i < 100; ++i) {
      model.rhs(0.0, x.data(), u, dxdt.data());
      model.observe(0.0, x.data(), u, row);
    }
  }
  EXPECT_EQ(myoflux::testing::allocation_count().load() - before, 0);
}

}  // namespace
}  // namespace myoflux::protein_balance
