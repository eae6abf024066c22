// The units parser: every spelling in the issue converts to internal units (h, g, km, fractions),
// and each kind of mistake produces the exact, helpful message users will read.
#include <gtest/gtest.h>

#include "engine/units.hpp"

namespace myoflux {
namespace {

TEST(Units, ConvertsToInternalUnits) {
  EXPECT_DOUBLE_EQ(parse_quantity("20 s", Dimension::time), 20.0 / 3600.0);
  EXPECT_DOUBLE_EQ(parse_quantity("4 min", Dimension::time), 4.0 / 60.0);
  EXPECT_DOUBLE_EQ(parse_quantity("10 weeks", Dimension::time), 1680.0);
  EXPECT_DOUBLE_EQ(parse_quantity("8 h", Dimension::time), 8.0);
  EXPECT_DOUBLE_EQ(parse_quantity("2 days", Dimension::time), 48.0);
  EXPECT_DOUBLE_EQ(parse_quantity("68.2 kg", Dimension::mass), 68200.0);
  EXPECT_DOUBLE_EQ(parse_quantity("42.195 km", Dimension::length), 42.195);
  EXPECT_DOUBLE_EQ(parse_quantity("26.2 mi", Dimension::length), 26.2 * 1.609344);
  EXPECT_DOUBLE_EQ(parse_quantity("1.6 g/kg/day", Dimension::mass_per_body_mass_day), 1.6);
  EXPECT_DOUBLE_EQ(parse_quantity("90 %VO2max", Dimension::fraction_vo2max), 0.9);
  EXPECT_DOUBLE_EQ(parse_quantity("25 %energy", Dimension::fraction_energy), 0.25);
  EXPECT_DOUBLE_EQ(parse_quantity("3 m/s", Dimension::speed), 10.8);
  EXPECT_DOUBLE_EQ(parse_quantity("150 uM", Dimension::concentration), 150.0);
  EXPECT_DOUBLE_EQ(parse_quantity("1.2 mM", Dimension::concentration), 1200.0);
}

TEST(Units, AcceptsSpacingSignsAndExponents) {
  EXPECT_DOUBLE_EQ(parse_quantity("90%VO2max", Dimension::fraction_vo2max), 0.9);
  EXPECT_DOUBLE_EQ(parse_quantity("  4   min ", Dimension::time), 4.0 / 60.0);
  EXPECT_DOUBLE_EQ(parse_quantity("+1.5e1 s", Dimension::time), 15.0 / 3600.0);
  EXPECT_DOUBLE_EQ(parse_quantity("-5 %", Dimension::fraction),
                   -0.05);  // range is the caller's job
}

TEST(Units, PaceInMinutesAndSeconds) {
  EXPECT_DOUBLE_EQ(parse_quantity("5:30 min/km", Dimension::pace), 5.5 / 60.0);
  EXPECT_DOUBLE_EQ(parse_quantity("6 min/km", Dimension::pace), 0.1);
}

TEST(Units, OneOfSeveralDimensions) {
  const Quantity q =
      parse_quantity("92 %HRmax", {Dimension::fraction_vo2max, Dimension::fraction_hrmax});
  EXPECT_EQ(q.dimension, Dimension::fraction_hrmax);
  EXPECT_DOUBLE_EQ(q.value, 0.92);
}

std::string error_of(std::string_view text, std::initializer_list<Dimension> accepted) {
  try {
    parse_quantity(text, accepted);
  } catch (const UnitError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Units, MissingUnitSaysWhatWasExpected) {
  EXPECT_EQ(error_of("4", {Dimension::time}),
            "\"4\" has no unit: expected a duration (e.g. \"4 min\"); units: s, min, h, day, week");
}

TEST(Units, WrongDimensionNamesBoth) {
  EXPECT_EQ(error_of("68.2 kg", {Dimension::time}),
            "\"68.2 kg\" is a mass, but this field expects a duration (e.g. \"4 min\")");
}

TEST(Units, UnknownUnitListsTheValidOnes) {
  EXPECT_EQ(error_of("4 mins", {Dimension::time}),
            "unknown unit \"mins\" in \"4 mins\": expected a duration (e.g. \"4 min\"); units: s, "
            "min, h, day, week");
}

TEST(Units, CaseSlipSuggestsTheSpelling) {
  EXPECT_EQ(error_of("90 %vo2max", {Dimension::fraction_vo2max}),
            "unknown unit \"%vo2max\" in \"90 %vo2max\" (did you mean \"%VO2max\"?); expected an "
            "intensity relative to VO2max (e.g. \"90 %VO2max\")");
}

TEST(Units, NotANumber) {
  EXPECT_EQ(error_of("9O%VO2max", {Dimension::fraction_vo2max}),
            "unknown unit \"O%VO2max\" in \"9O%VO2max\": expected an intensity relative to VO2max "
            "(e.g. \"90 %VO2max\"); units: %VO2max");
  EXPECT_EQ(
      error_of("fast", {Dimension::speed, Dimension::pace}),
      "expected a speed (e.g. \"12 km/h\") or a pace (e.g. \"5:30 min/km\"): a number followed "
      "by a unit, got \"fast\"");
  EXPECT_EQ(error_of("", {Dimension::mass}), "expected a mass (e.g. \"25 g\"), got an empty value");
  EXPECT_EQ(error_of("nan min", {Dimension::time}),
            "\"nan min\" is not a finite number; expected a duration (e.g. \"4 min\")");
  EXPECT_EQ(error_of("1e400 min", {Dimension::time}),
            "\"1e400 min\" is too large to be a number; expected a duration (e.g. \"4 min\")");
  EXPECT_EQ(error_of("1e-999 kg", {Dimension::mass}),
            "\"1e-999 kg\" is too close to zero to be a number; expected a mass (e.g. \"25 g\")");
}

TEST(Units, ErrorColumnPointsAtTheProblem) {
  try {
    parse_quantity("12 minn", Dimension::time);
    FAIL() << "expected a UnitError";
  } catch (const UnitError& e) {
    EXPECT_EQ(e.column(), 3u);
  }
}

TEST(Units, MinutesSecondsOnlyForPace) {
  EXPECT_EQ(error_of("1:30 h", {Dimension::time}),
            "minutes:seconds notation is only for paces (e.g. \"5:30 min/km\"), got \"1:30 h\"");
}

TEST(Units, EveryDimensionHasAnExampleThatParses) {
  for (const UnitInfo& u : unit_table()) {
    const DimensionInfo& info = dimension_info(u.dimension);
    EXPECT_NO_THROW(parse_quantity(info.example, u.dimension)) << info.example;
  }
}

}  // namespace
}  // namespace myoflux
