// parameters_at_bounds: a fitted value within 0.1 % of an end of its range (in log space for a
// strictly positive range) is reported, an interior one is not, and the message names the bound.
#include <gtest/gtest.h>

#include "engine/parameter_bounds.hpp"

namespace myoflux {
namespace {

ParameterInfo fitted(std::string name, double value, double min, double max,
                     std::string unit = "1/h") {
  return {std::move(name), value, std::move(unit), min, max, "fitted to TARGETS.md row 1", ""};
}

TEST(ParameterBounds, ValuesAtEitherEndAreReportedInTableOrder) {
  const std::vector<ParameterInfo> table{
      fitted("k_top", 200.0, 0.05, 200.0), fitted("middle", 3.0, 0.05, 200.0),
      fitted("share_zero", 0.0, 0.0, 1.0), fitted("share_one", 1.0, 0.0, 1.0)};
  const std::vector<AtBound> at = parameters_at_bounds(table);
  ASSERT_EQ(at.size(), 3u);
  EXPECT_EQ(at[0].name, "k_top");
  EXPECT_TRUE(at[0].upper);
  EXPECT_EQ(at[1].name, "share_zero");
  EXPECT_FALSE(at[1].upper);
  EXPECT_EQ(at[2].name, "share_one");
  EXPECT_TRUE(at[2].upper);
}

TEST(ParameterBounds, PositiveRangesAreMeasuredInLogSpace) {
  // Range 0.01-100 spans 4 decades: 0.1 % of it is a factor 10^0.004 = 1.0093 from an end.
  // Linearly, 0.0105 would be within 0.1 % of the range's width (0.1) of the lower end; in log
  // space it is 0.5 % of the way up, so it is not at the bound; 0.01009 is.
  EXPECT_TRUE(parameters_at_bounds({fitted("k", 0.0105, 0.01, 100.0)}).empty());
  EXPECT_EQ(parameters_at_bounds({fitted("k", 0.01009, 0.01, 100.0)}).size(), 1u);
  EXPECT_TRUE(parameters_at_bounds({fitted("k", 99.0, 0.01, 100.0)}).empty());
  EXPECT_EQ(parameters_at_bounds({fitted("k", 99.9, 0.01, 100.0)}).size(), 1u);
}

TEST(ParameterBounds, OnlyFittedParametersUnlessAskedAndNeverFixedRanges) {
  ParameterInfo literature = fitted("from_a_paper", 1.0, 0.0, 1.0);
  literature.source = "Smith 2001";
  EXPECT_TRUE(parameters_at_bounds({literature}).empty());
  EXPECT_EQ(parameters_at_bounds({literature}, /*fitted_only=*/false).size(), 1u);
  EXPECT_TRUE(parameters_at_bounds({fitted("fixed", 2.0, 2.0, 2.0)}, false).empty());
}

TEST(ParameterBounds, DescriptionNamesValueUnitBoundAndRange) {
  const ParameterInfo info = fitted("k_refractory_on_per_h", 200.0, 0.05, 200.0);
  const std::vector<AtBound> at = parameters_at_bounds({info});
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(describe(at[0], info),
            "k_refractory_on_per_h = 200 1/h is at its upper bound (range 0.05 to 200)");
  const ParameterInfo share = fitted("share", 0.0, 0.0, 1.0, "1");
  EXPECT_EQ(describe(parameters_at_bounds({share})[0], share),
            "share = 0 is at its lower bound (range 0 to 1)");
}

}  // namespace
}  // namespace myoflux
