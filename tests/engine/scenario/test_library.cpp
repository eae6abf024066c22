// Every file of the scenario library checks clean, cites its source in `source:` and explains
// itself in comments, and every study arm has a name usable as an HDF5 group.
#include <gtest/gtest.h>

#include <fstream>

#include "test_util.hpp"

namespace myoflux {
namespace {

// Letters, digits, '_', '-', '.', not starting with '.' or '-': usable as an HDF5 group name.
bool is_group_name(const std::string& name) {
  return !name.empty() && name.front() != '.' && name.front() != '-' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
         });
}

std::vector<std::filesystem::path> library_files() {
  std::vector<std::filesystem::path> files;
  // scenarios/sweeps/ holds sweep files (docs/sweeps.md), checked by tests/engine/sweep.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::library("")))
    if (entry.path().extension() == ".yaml" && entry.path().parent_path().filename() != "sweeps")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Library, HasTheFilesTheIssueAsksFor) {
  for (const char* f : {"hiit_4x4_brief.yaml",
                        "estes2017_hiit.yaml",
                        "estes2017_control.yaml",
                        "control_no_training.yaml",
                        "hiit_vs_long_distance.yaml",
                        "sprints/sprint_6x20s.yaml",
                        "sprints/sprint_5x30s.yaml",
                        "sprints/sprint_4x45s_moderate.yaml",
                        "sprints/hill_sprints_4x30s.yaml",
                        "long_distance/race_10km.yaml",
                        "long_distance/race_half_marathon.yaml",
                        "long_distance/race_marathon.yaml",
                        "long_distance/plan_10_weeks.yaml",
                        "diets/protein_0.8.yaml",
                        "diets/protein_1.4.yaml",
                        "diets/protein_1.6.yaml",
                        "diets/protein_2.0.yaml",
                        "diets/ketogenic.yaml",
                        "diets/carbohydrate_45_fat_35.yaml",
                        "diets/carbohydrate_65_fat_20.yaml",
                        "diets/post_workout_protein.yaml",
                        "cool_down/hiit_walk_cool_down.yaml",
                        "cool_down/hiit_no_cool_down.yaml",
                        "studies/glynn2010_eaa_leucine.yaml",
                        "studies/drummond2010_eaa.yaml",
                        "studies/wilkinson2013_leucine.yaml",
                        "studies/atherton2010_whey.yaml",
                        "studies/moore2009_whey_exercise.yaml",
                        "studies/moore2009_egg_dose.yaml",
                        "studies/mitchell2015_whey_rest.yaml",
                        "studies/mazzulla2017_egg_meal.yaml",
                        "studies/bohe2001_infusion.yaml",
                        "studies/chesley1992_resistance.yaml",
                        "studies/didonato2014_cycling.yaml",
                        "studies/ryu2016_races.yaml",
                        "studies/louis2007_myostatin.yaml",
                        "studies/menzies2010_recovery.yaml",
                        "studies/rapoport2010_marathon_glycogen.yaml"})
    EXPECT_TRUE(std::filesystem::exists(testing::library(f))) << f;
}

TEST(Library, EveryFileChecksCleanAndCitesItsSource) {
  const auto files = library_files();
  ASSERT_GE(files.size(), 38u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    Study study;
    ASSERT_NO_THROW(study = load_study(file)) << [&] {
      try {
        load_study(file);
      } catch (const std::exception& e) {
        return std::string(e.what());
      }
      return std::string();
    }();
    ASSERT_FALSE(study.arms.empty());
    for (const Scenario& arm : study.arms) {
      EXPECT_FALSE(arm.sources.empty()) << arm.name << " has no source:";
      EXPECT_TRUE(is_group_name(arm.name)) << arm.name;
      EXPECT_GT(arm.schedule.segment_count(), 0u);
      EXPECT_DOUBLE_EQ(arm.schedule.duration_h(), arm.duration_h);
    }
    std::ifstream in(file);
    std::string first_line;
    std::getline(in, first_line);
    EXPECT_EQ(first_line.rfind("# ", 0), 0u) << "starts without a comment explaining it";
  }
}

}  // namespace
}  // namespace myoflux
