// The parameter table: complete, in range, with units and sources, and checked on input; the
// one description drives every value type of the parameter struct.
#include <gtest/gtest.h>

#include <cstdint>
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

TEST(Parameters, TheDescriptionFollowsTheDeclarationOrder) {
  // Field k of the struct must be the k-th line of visit_parameters(): a field declared but not
  // described, or described out of order, would shift the offsets.
  const Parameters p;
  const auto base = reinterpret_cast<std::uintptr_t>(&p);
  std::size_t k = 0;
  visit_parameters(
      [&](const ParameterSpec& s, const double& field) {
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(&field) - base, k * sizeof(double)) << s.name;
        EXPECT_EQ(field, s.value) << s.name;
        ++k;
      },
      p);
  EXPECT_EQ(k, kParameterCount);
  EXPECT_EQ(parameter_table().size(), kParameterCount);
}

/// A stand-in for a dual number: a value and a derivative, built from a double.
struct Dual {
  double value = 0.0;
  double derivative = 0.0;
  Dual() = default;
  explicit Dual(double v) : value(v) {}
};

TEST(Parameters, OtherValueTypesGetTheDefaultsAndConvertedValues) {
  const ParametersT<Dual> defaults;
  EXPECT_EQ(defaults.leg_muscle_share.value, Parameters{}.leg_muscle_share);
  Parameters p;
  set_parameter(p, "k_digest_whey_per_h", 2.5);
  const ParametersT<Dual> q = convert_parameters<Dual>(p);
  visit_parameters(
      [&](const ParameterSpec& s, const Dual& d, const double& v) {
        EXPECT_EQ(d.value, v) << s.name;
        EXPECT_EQ(d.derivative, 0.0) << s.name;
      },
      q, p);
  EXPECT_EQ(q.k_digest_whey_per_h.value, 2.5);
  // A conversion of one's own, e.g. seeding the derivative with respect to one parameter.
  const ParametersT<Dual> seeded =
      convert_parameters<Dual>(p, [](double v) { return Dual(2.0 * v); });
  EXPECT_EQ(seeded.tau_fitness_days.value, 2.0 * p.tau_fitness_days);
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
