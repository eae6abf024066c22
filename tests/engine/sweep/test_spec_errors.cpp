// Bad sweep files: each mistake is reported at its file:line:column in the sweep file (or in the
// base file it concerns) with what would be valid, before anything runs.
#include <gtest/gtest.h>

#include "tests/engine/sweep/sweep_fixture.hpp"

namespace myoflux::sweep::testing {
namespace {

/// Expects the error of `yaml` to start with `where` and to contain `message`.
#define EXPECT_SWEEP_ERROR(yaml, where, message)                               \
  do {                                                                         \
    const std::string error_ = error_of(yaml);                                 \
    EXPECT_EQ(error_.rfind(where, 0), 0u) << "error: " << error_;              \
    EXPECT_NE(error_.find(message), std::string::npos) << "error: " << error_; \
  } while (false)

TEST(SpecErrors, UnknownKeyWithSuggestion) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrids: {diet.protein: [1.0 g/kg/day]}\n",
                     "sweep.yaml:2:1: ", "unknown key 'grids' in the sweep (did you mean 'grid'?)");
}

TEST(SpecErrors, MissingBase) {
  EXPECT_SWEEP_ERROR("grid: {diet.protein: [1.0 g/kg/day]}\n",
                     "sweep.yaml:1:1: ", "the sweep needs 'base'");
}

TEST(SpecErrors, BaseFileThatDoesNotExist) {
  EXPECT_SWEEP_ERROR("name: s\nbase: no_such_file.yaml\n", "sweep.yaml:2:7: ", "no such file");
}

TEST(SpecErrors, BadUnitInAGridValueIsLocatedAtTheValue) {
  const std::string yaml =
      "base: one_day.yaml\n"
      "grid:\n"
      "  diet.protein: [1.0 g/kg/day, 1.6 g/kg/dya]\n";
  const std::string error = error_of(yaml);
  EXPECT_EQ(error.rfind("sweep.yaml:3:", 0), 0u) << error;
  EXPECT_NE(error.find("g/kg/dya"), std::string::npos) << error;
}

TEST(SpecErrors, MisspeltFieldIsLocatedAtTheAxis) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid:\n  diet.protien: [1.0 g/kg/day]\n",
                     "sweep.yaml:3:3: ", "did you mean 'protein'?");
}

TEST(SpecErrors, UnknownParameterWithSuggestion) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid:\n  parameters.k_digest_wey_per_h: [1.0]\n",
                     "sweep.yaml:3:3: ",
                     "unknown model parameter 'k_digest_wey_per_h' (did you mean "
                     "'k_digest_whey_per_h'?)");
}

TEST(SpecErrors, ParameterOutsideItsRange) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid:\n  parameters.k_digest_whey_per_h: [1.0, 100]\n",
                     "sweep.yaml:3:41: ", "parameter 'k_digest_whey_per_h' must lie in");
}

TEST(SpecErrors, ParameterWithAUnit) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid:\n  parameters.k_digest_whey_per_h: [1 1/h]\n",
                     "sweep.yaml:3:36: ", "takes plain numbers");
}

TEST(SpecErrors, PathPastTheEndOfAList) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid:\n  plan.3.time: [\"08:00\"]\n",
                     "sweep.yaml:3:3: ", "'plan' is a list of 1 items in the base");
}

TEST(SpecErrors, RangeEndsInDifferentUnits) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "sample:\n"
      "  method: random\n"
      "  count: 10\n"
      "  ranges:\n"
      "    diet.protein: {from: 0.8 g/kg/day, to: 120 g/day}\n",
      "sweep.yaml:6:44: ", "must be written in the same unit");
}

TEST(SpecErrors, RangeEndOutsideTheFieldsRange) {
  const std::string error = error_of(
      "base: one_day.yaml\n"
      "sample: {method: sobol, count: 8, ranges: {subject.body_mass: {from: 50 kg, to: 900 "
      "kg}}}\n");
  EXPECT_EQ(error.rfind("sweep.yaml:2:", 0), 0u) << error;
  EXPECT_NE(error.find("20 to 300 kg"), std::string::npos) << error;
}

TEST(SpecErrors, SampleMethodMisspelt) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "sample: {method: sobl, count: 8, ranges: {diet.protein: {from: 1 g/kg/day, to: 2 "
      "g/kg/day}}}\n",
      "sweep.yaml:2:18: ", "(did you mean 'sobol'?)");
}

TEST(SpecErrors, CasesSetDifferentFields) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "cases:\n"
      "  - {diet.protein: 1.0 g/kg/day, subject.sex: male}\n"
      "  - {diet.protein: 2.0 g/kg/day, subject.age: 40 years}\n",
      "sweep.yaml:4:34: ", "case 2 sets 'subject.age' where case 1 sets 'subject.sex'");
}

TEST(SpecErrors, FieldVariedTwice) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "grid: {diet.protein: [1.0 g/kg/day]}\n"
      "sample: {method: random, count: 4, ranges: {diet.protein: {from: 1 g/kg/day, to: 2 "
      "g/kg/day}}}\n",
      "sweep.yaml:3:45: ", "'diet.protein' is already varied at sweep.yaml:2:8");
}

TEST(SpecErrors, DuplicateGridValue) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid: {diet.protein: [1.0 g/kg/day, 1.0 g/kg/day]}\n",
                     "sweep.yaml:2:37: ", "appears twice");
}

TEST(SpecErrors, PopulationSharesMustAddUp) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "population:\n"
      "  count: 10\n"
      "  sex: {female: 60 %, male: 30 %}\n",
      "sweep.yaml:4:8: ", "the shares of 'sex' must add up to 100 %, got 90 %");
}

TEST(SpecErrors, PopulationAgeOutsideTheNorm) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\npopulation: {count: 5, age: {from: 15 years, to: 30 years}}\n",
      "sweep.yaml:2:29: ", "within 20 to 79 years");
}

TEST(SpecErrors, PopulationAndAxisOnTheSameSubjectField) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "grid: {subject.body_mass: [60 kg, 80 kg]}\n"
      "population: {count: 5}\n",
      "sweep.yaml:2:8: ", "is drawn by the population");
}

TEST(SpecErrors, UnknownTrajectoryOutput) {
  EXPECT_SWEEP_ERROR(
      "base: one_day.yaml\n"
      "keep: {trajectories: {outputs: [csa_chang_percent], every: 1 h}}\n",
      "sweep.yaml:2:33: ",
      "unknown output 'csa_chang_percent' (did you mean 'csa_change_percent'?)");
}

TEST(SpecErrors, UnknownEndpoint) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\nkeep: {endpoints: [peak_kc]}\n",
                     "sweep.yaml:2:20: ", "unknown endpoint 'peak_kc' (did you mean 'peak_ck'?)");
}

TEST(SpecErrors, YamlSyntaxError) {
  const std::string error = error_of("base: one_day.yaml\ngrid: {diet.protein: [1.0 g/kg/day}\n");
  EXPECT_EQ(error.rfind("sweep.yaml:2:", 0), 0u) << error;
}

TEST(SpecErrors, ExtendsCannotBeSwept) {
  EXPECT_SWEEP_ERROR("base: one_day.yaml\ngrid: {extends: [a.yaml]}\n",
                     "sweep.yaml:2:8: ", "'extends' cannot be swept");
}

}  // namespace
}  // namespace myoflux::sweep::testing
