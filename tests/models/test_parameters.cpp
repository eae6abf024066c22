// The parameter table: complete, in range, with units and sources, and checked on input.
#include <gtest/gtest.h>

#include <set>

#include "engine/error.hpp"
#include "models/protein_balance/parameters.hpp"

namespace myoflux::protein_balance {
namespace {

TEST(Parameters, EveryFieldIsInTheTableOnce) {
  const std::vector<ParameterInfo> table = parameter_table();
  // The struct holds only doubles, so its size counts its fields.
  EXPECT_EQ(table.size() * sizeof(double), sizeof(Parameters));
  std::set<std::string> names;
  for (const ParameterInfo& p : table) EXPECT_TRUE(names.insert(p.name).second) << p.name;
}

TEST(Parameters, DefaultsLieInTheirRangesWithUnitAndSource) {
  for (const ParameterInfo& p : parameter_table()) {
    EXPECT_LE(p.min, p.value) << p.name;
    EXPECT_LE(p.value, p.max) << p.name;
    EXPECT_FALSE(p.unit.empty()) << p.name;
    EXPECT_GT(p.source.size(), 5u) << p.name;
    EXPECT_FALSE(p.description.empty()) << p.name;
  }
}

TEST(Parameters, OutOfRangeValueIsRejectedWithNameRangeAndValue) {
  Parameters p;
  try {
    set_parameter(p, "k_digest_whey_per_h", 50.0);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "parameter 'k_digest_whey_per_h' must lie in [0.3, 6] 1/h, got 50");
  }
  EXPECT_THROW(set_parameter(p, "k_digest_whey_per_h", std::nan("")), InputError);
  set_parameter(p, "k_digest_whey_per_h", 2.5);
  EXPECT_EQ(p.k_digest_whey_per_h, 2.5);
  EXPECT_EQ(get_parameter(p, "k_digest_whey_per_h"), 2.5);
}

TEST(Parameters, MisspeltNameGetsASuggestion) {
  Parameters p;
  try {
    set_parameter(p, "k_digest_why_per_h", 1.0);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown parameter 'k_digest_why_per_h' (did you mean 'k_digest_whey_per_h'?); "
                 "`myoflux params` lists them all");
  }
}

}  // namespace
}  // namespace myoflux::protein_balance
