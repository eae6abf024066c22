// docs/sweeps.md against the code: every yaml block is a sweep file that loads (base relative to
// scenarios/sweeps/), the key table is the reader's, the population defaults are the code's, and
// every sweep file of the library (scenarios/sweeps/) loads.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/scenario/fields.hpp"
#include "engine/sweep/population.hpp"
#include "tests/engine/sweep/sweep_fixture.hpp"

namespace myoflux::sweep::testing {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kLibrary = fs::path(MYOFLUX_SOURCE_DIR) / "scenarios" / "sweeps";
const std::string kPage = read_text(fs::path(MYOFLUX_SOURCE_DIR) / "docs" / "sweeps.md");

std::vector<std::string> yaml_blocks(const std::string& page) {
  std::vector<std::string> blocks;
  for (std::size_t at = page.find("```yaml\n"); at != std::string::npos;
       at = page.find("```yaml\n", at + 1)) {
    const std::size_t begin = at + 8;
    blocks.push_back(page.substr(begin, page.find("```", begin) - begin));
  }
  return blocks;
}

std::string between(const std::string& page, const std::string& marker) {
  const std::size_t begin = page.find("<!-- " + marker + " -->");
  const std::size_t end = page.find("<!-- /" + marker + " -->");
  if (begin == std::string::npos || end == std::string::npos) return "";
  return page.substr(begin, end - begin);
}

TEST(DocsSweeps, EveryExampleLoads) {
  const std::vector<std::string> blocks = yaml_blocks(kPage);
  ASSERT_GE(blocks.size(), 6u);
  for (const std::string& block : blocks) {
    try {
      const SweepPlan plan(sweep_spec_from_yaml(block, "docs/sweeps.md", kLibrary, model()),
                           model());
      EXPECT_GT(plan.run_count(), 0);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what() << "\nin the block:\n" << block;
    }
  }
}

TEST(DocsSweeps, KeyTableIsTheReaders) {
  const std::string table = between(kPage, "sweep-keys");
  ASSERT_FALSE(table.empty());
  for (const char* section :
       {"sweep", "grid_axis", "coordinate", "sample", "range", "population", "sexes", "age_range",
        "training_statuses", "normal", "vo2max", "keep", "trajectories", "solver"}) {
    std::string row = std::string("| ") + section + " | ";
    const auto& keys = sweep_keys(section);
    for (std::size_t i = 0; i < keys.size(); ++i) row += (i ? ", " : "") + std::string(keys[i]);
    EXPECT_NE(table.find(row + " |"), std::string::npos) << "missing or different: " << row;
  }
}

TEST(DocsSweeps, PopulationDefaultsAreTheCodes) {
  const std::string table = between(kPage, "population-defaults");
  const Population p;
  const auto number = [](double v) { return scenario::number_text(v, 1); };
  for (const std::string& fact : std::vector<std::string>{
           "female " + number(100 * p.female_share) + " %",
           "from " + number(p.age_from_years) + " to " + number(p.age_to_years) + " years",
           "women " + number(p.body_mass_female_kg.mean) + " kg",
           "men " + number(p.body_mass_male_kg.mean) + " kg",
           "sd " + number(p.body_mass_male_kg.sd) + " kg",
           "truncated at " + number(kTruncationSd) + " sd",
           "cv " + number(100 * p.vo2max_cv) + " %", "men 48.0, women 37.6", "men 24.4, women 18.3",
           "men 38.4 %, women 30.6 %"})
    EXPECT_NE(table.find(fact), std::string::npos) << "docs/sweeps.md lacks: " << fact;
  EXPECT_EQ(p.body_mass_female_kg.sd, p.body_mass_male_kg.sd);
  EXPECT_DOUBLE_EQ(p.untrained_share, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(friend_median_vo2max(Sex::female, 25), 37.6);
  EXPECT_DOUBLE_EQ(friend_median_vo2max(Sex::male, 75), 24.4);
}

TEST(DocsSweeps, EveryLibrarySweepLoads) {
  int sweeps = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(kLibrary)) {
    const std::string text = read_text(e.path());
    if (text.find("\nbase:") == std::string::npos) continue;  // a scenario the sweeps build on
    ++sweeps;
    try {
      const SweepPlan plan(load_sweep_spec(e.path(), model()), model());
      EXPECT_GT(plan.run_count(), 0);
    } catch (const std::exception& error) {
      ADD_FAILURE() << error.what();
    }
  }
  EXPECT_GE(sweeps, 3);
}

}  // namespace
}  // namespace myoflux::sweep::testing
