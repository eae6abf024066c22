// Run numbering, what each run's scenario becomes, coordinates, sampling designs, the virtual
// population and input hashes: all pure functions of the spec and the run number.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/sweep/population.hpp"
#include "engine/sweep/sobol.hpp"
#include "tests/engine/sweep/sweep_fixture.hpp"

namespace myoflux::sweep::testing {
namespace {

std::size_t coordinate_index(const SweepPlan& plan, const std::string& name) {
  for (std::size_t i = 0; i < plan.coordinates().size(); ++i)
    if (plan.coordinates()[i].name == name) return i;
  ADD_FAILURE() << "no coordinate " << name;
  return 0;
}

TEST(Plan, NumbersRunsArmSlowestThenGridAxesInFileOrder) {
  const SweepPlan plan = plan_of(
      "base: two_arms.yaml\n"
      "grid:\n"
      "  subject.body_mass: [55 kg, 65 kg]\n"
      "  plan.0.time: [\"07:00\", \"09:00\", \"17:00\"]\n");
  ASSERT_EQ(plan.run_count(), 12);
  ASSERT_EQ(plan.coordinates().size(), 3u);
  EXPECT_EQ(plan.coordinates()[0].name, "arm");
  EXPECT_EQ(plan.coordinates()[0].labels, (std::vector<std::string>{"low", "high"}));
  EXPECT_EQ(plan.coordinates()[1].unit, "kg");
  EXPECT_FALSE(plan.coordinates()[1].categorical());
  EXPECT_EQ(plan.coordinates()[2].labels, (std::vector<std::string>{"07:00", "09:00", "17:00"}));
  const RunInputs in = plan.inputs(10);  // arm 1, mass 1, time 1
  EXPECT_EQ(in.arm, 1u);
  EXPECT_EQ(in.coordinates, (std::vector<double>{1, 65, 1}));
  const Scenario s = plan.scenario(in);
  EXPECT_EQ(s.name, "high");
  EXPECT_DOUBLE_EQ(s.subject.body_mass_kg, 65.0);
  ASSERT_EQ(s.timeline.sessions.size(), 1u);
  EXPECT_DOUBLE_EQ(s.timeline.sessions[0].start_h, 9.0);
  EXPECT_DOUBLE_EQ(s.diet.protein_g_per_kg_day, 2.0);
}

TEST(Plan, StudyArmsCompileAsTheStudyLoaderCompilesThem) {
  const SweepPlan plan = plan_of("base: two_arms.yaml\n");
  const Study study = load_study(data_dir() / "two_arms.yaml");
  ASSERT_EQ(plan.arms().size(), study.arms.size());
  for (std::size_t a = 0; a < study.arms.size(); ++a) {
    const Scenario s = plan.scenario(plan.inputs(static_cast<std::int64_t>(a)));
    EXPECT_EQ(s.name, study.arms[a].name);
    EXPECT_EQ(s.diet.protein_g_per_kg_day, study.arms[a].diet.protein_g_per_kg_day);
    EXPECT_EQ(s.timeline.intakes.size(), study.arms[a].timeline.intakes.size());
    EXPECT_EQ(s.schedule.breakpoints(), study.arms[a].schedule.breakpoints());
  }
}

TEST(Plan, ParametersBypassTheDocumentAndKeepTheirLocation) {
  const SweepPlan plan =
      plan_of("base: one_day.yaml\ngrid: {parameters.k_digest_whey_per_h: [1.0, 1.5]}\n");
  const RunInputs in = plan.inputs(1);
  EXPECT_TRUE(in.fields.empty());
  ASSERT_EQ(in.parameters.size(), 1u);
  const Scenario s = plan.scenario(in);
  ASSERT_EQ(s.parameters.size(), 1u);
  EXPECT_EQ(s.parameters[0].name, "k_digest_whey_per_h");
  EXPECT_EQ(s.parameters[0].value, 1.5);
  EXPECT_EQ(s.parameters[0].mark.str(), "sweep.yaml:2:46");
  EXPECT_EQ(plan.coordinates()[0].unit, "1/h");
}

TEST(Plan, CasesAreExplicitRuns) {
  const SweepPlan plan = plan_of(
      "base: one_day.yaml\n"
      "cases:\n"
      "  - {diet.protein: 1.0 g/kg/day, subject.sex: male}\n"
      "  - {diet.protein: 2.0 g/kg/day, subject.sex: female}\n"
      "  - {diet.protein: 1.5 g/kg/day, subject.sex: male}\n");
  ASSERT_EQ(plan.run_count(), 3);
  EXPECT_EQ(plan.coordinates()[0].unit, "g/kg/day");
  EXPECT_EQ(plan.coordinates()[1].labels, (std::vector<std::string>{"male", "female"}));
  EXPECT_EQ(plan.inputs(2).coordinates, (std::vector<double>{1.5, 0}));
  EXPECT_EQ(plan.scenario(plan.inputs(1)).subject.sex, Sex::female);
}

const char* kSampled =
    "base: one_day.yaml\n"
    "seed: 7\n"
    "sample:\n"
    "  method: METHOD\n"
    "  count: 20\n"
    "  ranges:\n"
    "    diet.protein: {from: 0.8 g/kg/day, to: 2.4 g/kg/day}\n"
    "    parameters.k_digest_whey_per_h: {from: 0.5, to: 2.0, scale: log}\n";

std::string sampled(const std::string& method) {
  std::string text = kSampled;
  text.replace(text.find("METHOD"), 6, method);
  return text;
}

TEST(Plan, LatinHypercubeHitsEveryStratumOnce) {
  const SweepPlan plan = plan_of(sampled("latin_hypercube"));
  std::set<int> protein, whey;
  for (std::int64_t r = 0; r < 20; ++r) {
    const RunInputs in = plan.inputs(r);
    protein.insert(static_cast<int>((in.coordinates[0] - 0.8) / 1.6 * 20));
    whey.insert(static_cast<int>(std::log(in.coordinates[1] / 0.5) / std::log(4.0) * 20));
    EXPECT_DOUBLE_EQ(plan.scenario(in).diet.protein_g_per_kg_day, in.coordinates[0]);
  }
  EXPECT_EQ(protein.size(), 20u);
  EXPECT_EQ(whey.size(), 20u);
}

TEST(Plan, SobolPointsMapOntoTheRanges) {
  const SweepPlan plan = plan_of(sampled("sobol"));
  const Sobol sobol(2);
  for (std::int64_t r = 0; r < 20; ++r) {
    const RunInputs in = plan.inputs(r);
    EXPECT_DOUBLE_EQ(in.coordinates[0], 0.8 + sobol.point(r, 0) * 1.6);
    EXPECT_NEAR(in.coordinates[1], 0.5 * std::pow(4.0, sobol.point(r, 1)), 1e-12);
  }
}

TEST(Plan, RandomSamplesDependOnTheSeedOnly) {
  const SweepPlan a = plan_of(sampled("random"));
  const SweepPlan b = plan_of(sampled("random"));
  std::string other = sampled("random");
  other.replace(other.find("seed: 7"), 7, "seed: 8");
  const SweepPlan c = plan_of(other);
  for (std::int64_t r = 0; r < 20; ++r) {
    EXPECT_EQ(a.inputs(r).coordinates, b.inputs(r).coordinates);
    EXPECT_NE(a.inputs(r).coordinates, c.inputs(r).coordinates);
    EXPECT_GE(a.inputs(r).coordinates[0], 0.8);
    EXPECT_LE(a.inputs(r).coordinates[0], 2.4);
  }
  EXPECT_EQ(a.fingerprint(), b.fingerprint());
  EXPECT_NE(a.fingerprint(), c.fingerprint());
  EXPECT_EQ(a.chunk_hash(3), b.chunk_hash(3));
  EXPECT_NE(a.chunk_hash(3), a.chunk_hash(4));
}

TEST(Plan, StepRoundsSampledValues) {
  const SweepPlan plan = plan_of(
      "base: one_day.yaml\n"
      "sample: {method: random, count: 30, ranges: {output_interval: {from: 10 min, to: 60 min, "
      "step: 10 min}}}\n");
  std::set<double> seen;
  for (std::int64_t r = 0; r < 30; ++r) {
    const double minutes = plan.inputs(r).coordinates[0];
    EXPECT_EQ(std::fmod(minutes, 10.0), 0.0) << minutes;
    EXPECT_DOUBLE_EQ(plan.scenario(plan.inputs(r)).output_interval_h * 60.0, minutes);
    seen.insert(minutes);
  }
  EXPECT_GE(seen.size(), 4u);
}

TEST(Plan, PopulationFollowsItsDistributionsAndIsRecorded) {
  const SweepPlan plan = plan_of(
      "base: one_day.yaml\n"
      "seed: 3\n"
      "population:\n"
      "  count: 3000\n"
      "  sex: {female: 40 %, male: 60 %}\n"
      "  age: {from: 20 years, to: 40 years}\n"
      "  training_status: {untrained: 20 %, recreational: 50 %, trained: 30 %}\n"
      "  parameters: {k_digest_whey_per_h: 20 %}\n");
  const std::size_t sex = coordinate_index(plan, "subject.sex");
  const std::size_t age = coordinate_index(plan, "subject.age");
  const std::size_t mass = coordinate_index(plan, "subject.body_mass");
  const std::size_t vo2 = coordinate_index(plan, "subject.vo2max");
  const std::size_t status = coordinate_index(plan, "subject.training_status");
  const std::size_t whey = coordinate_index(plan, "parameters.k_digest_whey_per_h");
  double women = 0, trained = 0, vo2_by_status[3] = {0, 0, 0}, n_by_status[3] = {0, 0, 0};
  for (std::int64_t r = 0; r < plan.run_count(); ++r) {
    const std::vector<double> c = plan.inputs(r).coordinates;
    women += c[sex] == 0 ? 1 : 0;
    trained += c[status] == 2 ? 1 : 0;
    ASSERT_GE(c[age], 20.0);
    ASSERT_LE(c[age], 40.0);
    const double mean = c[sex] == 0 ? 77.5 : 90.6;
    ASSERT_LE(std::abs(c[mass] - mean), kTruncationSd * 20.0 + 1e-9);
    vo2_by_status[static_cast<int>(c[status])] += c[vo2];
    n_by_status[static_cast<int>(c[status])] += 1;
    ASSERT_GT(c[whey], 0.0);
  }
  EXPECT_NEAR(women / 3000, 0.40, 0.03);
  EXPECT_NEAR(trained / 3000, 0.30, 0.03);
  EXPECT_LT(vo2_by_status[0] / n_by_status[0], vo2_by_status[1] / n_by_status[1]);
  EXPECT_LT(vo2_by_status[1] / n_by_status[1], vo2_by_status[2] / n_by_status[2]);
  // The run's scenario holds exactly the recorded values.
  const RunInputs in = plan.inputs(17);
  const Scenario s = plan.scenario(in);
  EXPECT_EQ(static_cast<double>(s.subject.sex == Sex::female ? 0 : 1), in.coordinates[sex]);
  EXPECT_DOUBLE_EQ(s.subject.age_years, in.coordinates[age]);
  EXPECT_DOUBLE_EQ(s.subject.body_mass_kg, in.coordinates[mass]);
  EXPECT_DOUBLE_EQ(s.subject.vo2max_ml_per_kg_min, in.coordinates[vo2]);
  EXPECT_EQ(s.parameters.back().value, in.coordinates[whey]);
}

TEST(Plan, FriendMediansAtTheDecadesGiven) {
  EXPECT_DOUBLE_EQ(friend_median_vo2max(Sex::male, 25), 48.0);
  EXPECT_DOUBLE_EQ(friend_median_vo2max(Sex::female, 75), 18.3);
}

TEST(Plan, DefaultChunkSizeGivesAboutSixtyFourChunks) {
  const SweepPlan small =
      plan_of("base: one_day.yaml\ngrid: {diet.protein: [1 g/kg/day, 2 g/kg/day]}\n");
  EXPECT_EQ(small.chunk_size(), 1);
  EXPECT_EQ(small.chunk_count(), 2);
  const SweepPlan big = plan_of(
      "base: one_day.yaml\nsample: {method: random, count: 1000, ranges: {diet.protein: {from: 1 "
      "g/kg/day, to: 2 g/kg/day}}}\n");
  EXPECT_EQ(big.chunk_size(), 16);
  EXPECT_EQ(big.chunk_count(), 63);
  EXPECT_EQ(big.chunk_run_count(62), 1000 - 62 * 16);
  const SweepPlan set = plan_of(
      "base: one_day.yaml\nchunk_size: 300\nsample: {method: random, count: 1000, ranges: "
      "{diet.protein: {from: 1 g/kg/day, to: 2 g/kg/day}}}\n");
  EXPECT_EQ(set.chunk_count(), 4);
}

}  // namespace
}  // namespace myoflux::sweep::testing
