// Record descriptions (engine/fields.hpp): a record converts to named values and back through its
// one description, and a result file keeps whatever metadata the driver attached to a run, so a
// new solver statistic needs no change to the result type or the store.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/solver/simulation.hpp"
#include "engine/store/result_file.hpp"

namespace myoflux {
namespace {

TEST(Fields, EverySolverFieldIsDescribedOnceUnderItsOwnName) {
  std::set<std::string_view> names;
  for (const Field& f : fields_of<SolverConfig>()) EXPECT_TRUE(names.insert(f.name).second);
  for (const Field& f : fields_of<SolverStats>()) EXPECT_TRUE(names.insert(f.name).second);
  // Each field's address in a record is its own: a description naming one member twice (a copy
  // and paste slip) would visit an address twice.
  SolverStats stats;
  std::set<const void*> members;
  for_each_field(stats, [&](const Field& f, const auto& member) {
    EXPECT_TRUE(members.insert(&member).second) << f.name;
  });
  EXPECT_EQ(members.size(), fields_of<SolverStats>().size());
}

TEST(Fields, SettingsAndStatisticsSurviveTheirMetadata) {
  SolverConfig c;
  c.method = Method::dopri5;
  c.rtol = 2.5e-7;
  c.atol_per_state = {1e-6, 2e-6};
  c.max_steps = 12345;
  c.sample_breakpoints = true;
  SolverStats s;
  s.status = SolverStatus::state_out_of_range;
  s.message = "state 'x' left its valid range";
  s.steps = 77;
  s.failure_time_h = 3.5;
  Result r;
  r.metadata = solver_metadata(c, s);
  const SolverConfig c2 = solver_settings(r);
  const SolverStats s2 = solver_stats(r);
  EXPECT_EQ(c2.method, Method::dopri5);
  EXPECT_EQ(c2.rtol, 2.5e-7);
  EXPECT_EQ(c2.atol_per_state, c.atol_per_state);
  EXPECT_EQ(c2.max_steps, 12345);
  EXPECT_TRUE(c2.sample_breakpoints);
  EXPECT_EQ(s2.status, SolverStatus::state_out_of_range);
  EXPECT_EQ(s2.message, s.message);
  EXPECT_EQ(s2.steps, 77);
  EXPECT_EQ(s2.failure_time_h, 3.5);
  // Enums are stored by name, as files and Python show them.
  EXPECT_EQ(std::get<std::string>(find_entry(r.metadata, "method")->value), "dopri5");
  EXPECT_EQ(find_entry(r.metadata, "max_step_h")->unit, "h");
}

TEST(Fields, AValueOfTheWrongKindNamesTheField) {
  Result r;
  r.metadata = {{"method", FieldValue(3.0), "", "", true}};
  try {
    solver_settings(r);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "'method' must be one of its names, as text");
  }
  r.metadata = {{"steps", FieldValue(std::string("many")), "", "", true}};
  EXPECT_THROW(solver_stats(r), InputError);
}

TEST(Fields, AResultFileKeepsTheMetadataItIsGiven) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("myoflux_fields_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
       ".h5");
  std::filesystem::remove(path);
  RunRecord rec;
  rec.id = "one";
  rec.result.time_h = Eigen::VectorXd::LinSpaced(3, 0.0, 2.0);
  rec.result.values = RowMajorMatrix::Zero(3, 1);
  rec.result.variables = {{"x", "1", "a value"}};
  // What a new stepper might report, which neither Result nor the store knows of.
  rec.result.metadata = {{"newton_iterations", FieldValue(42LL), "", "", true},
                         {"safety_factor", FieldValue(0.9), "1", "", true},
                         {"stepper", FieldValue(std::string("esdirk3")), "", "", true},
                         {"atol_per_state", FieldValue(std::vector<double>{1.0}), "", "", false}};
  write_result_file(path, std::vector<RunRecord>{rec}, current_provenance("test"));
  const ResultFile back = read_result_file(path);
  std::filesystem::remove(path);
  const Metadata& m = back.runs.at(0).result.metadata;
  ASSERT_EQ(m.size(), 3u);  // the entry files do not hold is left out
  EXPECT_EQ(std::get<long long>(find_entry(m, "newton_iterations")->value), 42);
  EXPECT_EQ(std::get<double>(find_entry(m, "safety_factor")->value), 0.9);
  EXPECT_EQ(std::get<std::string>(find_entry(m, "stepper")->value), "esdirk3");
  EXPECT_EQ(find_entry(m, "atol_per_state"), nullptr);
}

}  // namespace
}  // namespace myoflux
