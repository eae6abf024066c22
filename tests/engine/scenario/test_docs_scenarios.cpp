// docs/scenarios.md must say what the code does: every YAML example loads (or fails with the
// quoted message where marked `<!-- fails: ... -->`), and the marked tables (keys, ranges,
// activities, channels, dose targets, zones, library files) match the code's own tables.
// On a table mismatch the test prints the table the code expects, ready to paste.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "engine/scenario/fields.hpp"
#include "engine/scenario/limits.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/summary.hpp"
#include "test_util.hpp"
#include "tests/support/doc_tables.hpp"

namespace myoflux {
namespace {

using Rows = testing::TableRows;

std::string read_doc() {
  return testing::read_source_file("docs/scenarios.md");
}

using testing::marked_table;

std::string as_table(const Rows& rows) {
  std::string out;
  for (const auto& r : rows) {
    out += "|";
    for (const auto& c : r) out += " " + c + " |";
    out += "\n";
  }
  return out;
}

void expect_table(const std::string& doc, const std::string& name, const Rows& expected) {
  EXPECT_EQ(marked_table(doc, name), expected)
      << "docs/scenarios.md table '" << name << "' differs from the code; it should read:\n"
      << as_table(expected);
}

struct Example {
  std::string yaml;
  std::string fails_with;  // empty: must load
  int line = 0;
};

std::vector<Example> yaml_examples(const std::string& doc) {
  std::vector<Example> out;
  std::istringstream lines(doc);
  std::string line, previous;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line == "```yaml") {
      Example e;
      e.line = number;
      const std::string marker = "<!-- fails: ";
      if (previous.rfind(marker, 0) == 0)
        e.fails_with = previous.substr(marker.size(), previous.size() - marker.size() - 4);
      while (std::getline(lines, line) && line != "```") {
        ++number;
        e.yaml += line + "\n";
      }
      ++number;
      out.push_back(e);
    }
    if (!line.empty()) previous = line;
  }
  return out;
}

TEST(DocsScenarios, EveryExampleLoadsOrFailsAsMarked) {
  const std::vector<Example> examples = yaml_examples(read_doc());
  ASSERT_GE(examples.size(), 25u);
  int failing = 0;
  for (const Example& e : examples) {
    SCOPED_TRACE("docs/scenarios.md:" + std::to_string(e.line));
    try {
      const Study s = study_from_yaml(e.yaml, "docs.yaml", {}, testing::library(""));
      EXPECT_TRUE(e.fails_with.empty()) << "marked as failing, but loads";
    } catch (const ScenarioError& error) {
      EXPECT_FALSE(e.fails_with.empty()) << error.what();
      EXPECT_NE(std::string(error.what()).find(e.fails_with), std::string::npos)
          << error.what() << "\nexpected: " << e.fails_with;
    }
    failing += e.fails_with.empty() ? 0 : 1;
  }
  EXPECT_GE(failing, 10);
}

TEST(DocsScenarios, KeyTableMatchesTheSchema) {
  Rows expected;
  for (const scenario::Section& s : scenario::sections())
    expected.push_back({std::string(s.name), scenario::joined(s.keys)});
  expect_table(read_doc(), "keys", expected);
}

TEST(DocsScenarios, FieldRangesMatchTheRules) {
  Rows expected;
  for (const scenario::FieldRule& r : scenario::field_rules()) {
    const std::string units = r.dimension ? scenario::joined(units_of(*r.dimension))
                              : r.integer ? "whole number"
                                          : "plain number";
    expected.push_back({std::string(r.section), std::string(r.key), units, std::string(r.range),
                        std::string(r.example)});
  }
  expect_table(read_doc(), "field-ranges", expected);
}

TEST(DocsScenarios, ActivitiesChannelsDosesAndZonesMatchTheCode) {
  const std::string doc = read_doc();
  std::vector<std::string> activities;
  for (const auto& row : marked_table(doc, "activities")) activities.push_back(row.at(0));
  EXPECT_EQ(activities, std::vector<std::string>(std::begin(scenario::kActivities),
                                                 std::end(scenario::kActivities)));
  Rows channels, doses, zones;
  for (const ChannelSpec& c : input_channels()) channels.push_back({c.name, c.unit, c.description});
  for (const DoseTargetSpec& d : dose_targets()) doses.push_back({d.name, d.unit, d.description});
  for (const scenario::ZoneInfo& z : scenario::zones())
    zones.push_back({std::string(z.name), std::string(z.definition)});
  expect_table(doc, "channels", channels);
  expect_table(doc, "doses", doses);
  expect_table(doc, "zones", zones);
}

TEST(DocsScenarios, LimitsMatchTheCode) {
  const scenario::ReadLimits read;
  const auto n = [](std::size_t v) { return std::to_string(v); };
  expect_table(
      read_doc(), "limits",
      {{"file size, bytes", n(read.max_bytes)},
       {"one value, bytes", n(read.max_scalar_bytes)},
       {"nesting of mappings and lists, levels", n(static_cast<std::size_t>(read.max_depth))},
       {"nodes, aliases expanded", n(read.max_nodes)},
       {"files in an extends chain", n(scenario::kMaxExtendsDepth)},
       {"session segments in a scenario", n(scenario::kMaxSegments)},
       {"meals, drinks and session doses in a scenario", n(scenario::kMaxIntakes)},
       {"meals in the daily diet", n(scenario::kMaxMeals)},
       {"arms in a study", n(scenario::kMaxArms)}});
}

TEST(DocsScenarios, LibraryListMatchesTheFiles) {
  std::set<std::string> listed, present;
  for (const auto& row : marked_table(read_doc(), "library")) listed.insert(row.at(0));
  // scenarios/sweeps/ holds sweep files, listed in docs/sweeps.md.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::library("")))
    if (entry.path().extension() == ".yaml" && entry.path().parent_path().filename() != "sweeps")
      present.insert(entry.path().lexically_relative(testing::library("")).generic_string());
  EXPECT_EQ(listed, present);
}

}  // namespace
}  // namespace myoflux
