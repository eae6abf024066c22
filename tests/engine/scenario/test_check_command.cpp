// `myoflux check` through run_cli with a fake model: the printed timeline, exit codes 0 and 2,
// --help with exit codes, the kinds of file and an example, --arm, --set and --full, and the
// file kinds (a model's own kind plugs in through ModelAdapter::file_kinds()).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "engine/cli/cli.hpp"
#include "fake_model.hpp"
#include "test_util.hpp"

namespace myoflux {
namespace {

struct CliRun {
  int code = -1;
  std::string out, err;
};

CliRun check(std::vector<std::string> args) {
  args.insert(args.begin(), {"myoflux", "check"});
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const testing::FakeModel model;
  CliRun r;
  r.code = cli::run_cli(static_cast<int>(argv.size()), argv.data(), model, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CheckCommand, PrintsTheExpandedBriefHiitPlan) {
  const CliRun r = check({testing::library("hiit_4x4_brief.yaml").string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  for (const char* part :
       {"scenario  hiit_4x4_brief", "subject   female, 21 years, 68.2 kg",
        "sessions  30 (30 x hiit_4x4)", "hiit_4x4 #1", "on day 1 (Mon) at 16:00", "work bout 4/4",
        "recovery 3/3 (easy jog)", "90 %VO2max", "severe",
        "after the first week, one line per session:", "hiit_4x4 #30", "every day:", "breakfast",
        "weekly totals", "protein g/day", "109.1", "1.6", "valid (scenario)"})
    EXPECT_TRUE(has(r.out, part)) << part << "\n" << r.out;
  // Long plans stay compact: sessions after the first week get one line, no segments.
  EXPECT_FALSE(has(r.out, "16:05     4 min      work bout 1/4") &&
               has(r.out.substr(r.out.find("hiit_4x4 #4")), "work bout"));
}

TEST(CheckCommand, FullShowsEverySessionInFull) {
  const CliRun r = check({testing::library("hiit_4x4_brief.yaml").string(), "--full"});
  EXPECT_EQ(r.code, 0);
  EXPECT_FALSE(has(r.out, "one line per session"));
  EXPECT_TRUE(has(r.out.substr(r.out.find("hiit_4x4 #30")), "work bout 4/4"));
}

TEST(CheckCommand, BrokenFileExitsTwoWithLocation) {
  const std::string file =
      (testing::source_dir() / "tests/engine/scenario/data/bad_unit.yaml").string();
  const CliRun r = check({file});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err, "myoflux: error: " + file +
                       ":8:43: 'intensity': unknown unit \"%vo2max\" in \"90 %vo2max\" (did you "
                       "mean \"%VO2max\"?); expected an intensity relative to VO2max (e.g. \"90 "
                       "%VO2max\"), an intensity relative to maximal heart rate (e.g. \"90 "
                       "%HRmax\") or an intensity relative to the lactate threshold (e.g. \"105 "
                       "%LT\")\n(" +
                       file + " was read as a scenario: a YAML file without 'arms', 'base', 'foods')\n");
  const CliRun missing = check({"no/such/file.yaml"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err,
            "myoflux: error: no/such/file.yaml: cannot read 'no/such/file.yaml': no such file\n");
}

TEST(CheckCommand, HelpDocumentsExitCodesKindsAndAnExample) {
  const CliRun r = check({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(has(r.out, "Exit codes: 0 the file is valid, 2 invalid input")) << r.out;
  EXPECT_TRUE(has(r.out, "myoflux check scenarios/hiit_4x4_brief.yaml"));
  EXPECT_TRUE(has(r.out, "--set"));
  for (const char* kind : {"study: a YAML file with the top-level key 'arms' (docs/scenarios.md)",
                           "sweep spec: a YAML file with the top-level key 'base' (docs/sweeps.md)",
                           "scenario: a YAML file without 'arms', 'base', 'foods' (docs/scenarios.md)"})
    EXPECT_TRUE(has(r.out, kind)) << kind << "\n" << r.out;
}

/// A folder of this test process's own (ctest may run other test processes at the same time).
std::filesystem::path scratch_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("myoflux_check_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

/// The fake model with one kind of data file of its own: a table recognised by its header line.
class ModelWithATable : public testing::FakeModel {
 public:
  std::vector<FileKind> file_kinds() const override {
    FileKind table;
    table.name = "food table";
    table.documented_in = "docs/foods.md";
    table.recognises = [](const FileToCheck& f) { return f.text.rfind("food,", 0) == 0; };
    table.recognised_by = "a CSV file whose header starts with 'food,'";
    table.check = [](const FileToCheck& f, const CheckRequest& r) {
      const auto rows = std::count(f.text.begin(), f.text.end(), '\n') - 1;
      if (rows < 1) throw InputError(f.path.string() + ":2: the table has no rows");
      r.out << "foods     " << rows << "\n";
      return ", " + std::to_string(rows) + " foods";
    };
    return {table};
  }
};

CliRun check_with(const ModelAdapter& model, std::vector<std::string> args) {
  args.insert(args.begin(), {"myoflux", "check"});
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  CliRun r;
  r.code = cli::run_cli(static_cast<int>(argv.size()), argv.data(), model, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

TEST(CheckCommand, AModelsOwnKindPlugsInWithOneEntry) {
  const ModelWithATable model;
  const std::filesystem::path dir = scratch_dir("kinds");
  const std::string foods = (dir / "foods.csv").string();
  std::ofstream(foods) << "food,protein\negg,12.6 g/100 g\nwhey,80 g/100 g\n";
  const CliRun ok = check_with(model, {foods});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(has(ok.out, "foods     2")) << ok.out;
  EXPECT_TRUE(has(ok.out, foods + ": valid (food table, 2 foods)")) << ok.out;

  const std::string empty = (dir / "empty.csv").string();
  std::ofstream(empty) << "food,protein\n";
  const CliRun bad = check_with(model, {empty});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "myoflux: error: " + empty + ":2: the table has no rows\n(" + empty +
                         " was read as a food table: a CSV file whose header starts with "
                         "'food,')\n");

  // A file no kind recognises is refused with the list of kinds; the model's is among them.
  const std::string notes = (dir / "notes.txt").string();
  std::ofstream(notes) << "hello\n";
  const CliRun unknown = check_with(model, {notes});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(has(unknown.err, notes + ": not a kind of file myoflux reads")) << unknown.err;
  EXPECT_TRUE(has(unknown.err, "food table: a CSV file whose header starts with 'food,'"));
  EXPECT_TRUE(has(unknown.err, "sweep spec: a YAML file with the top-level key 'base'"));
  const CliRun help = check_with(model, {"--help"});
  EXPECT_TRUE(has(help.out,
                  "food table: a CSV file whose header starts with 'food,' "
                  "(docs/foods.md)"))
      << help.out;
  std::filesystem::remove_all(dir);
}

TEST(CheckCommand, AFileOfTwoKindsIsRefused) {
  const std::filesystem::path dir = scratch_dir("two");
  const std::string both = (dir / "both.yaml").string();
  std::ofstream(both) << "base: ../hiit_4x4_brief.yaml\narms:\n  - {name: a, file: x.yaml}\n";
  const CliRun r = check({both});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "myoflux: error: " + both +
                       ": this file could be a study (a YAML file with the top-level key 'arms') "
                       "or a sweep spec (a YAML file with the top-level key 'base'); keep the "
                       "keys of one kind only\n");
  std::filesystem::remove_all(dir);
}

TEST(CheckCommand, StudiesArmsAndOverrides) {
  const std::string study = testing::library("hiit_vs_long_distance.yaml").string();
  const CliRun table = check({study});
  EXPECT_EQ(table.code, 0) << table.err;
  for (const char* arm : {"control_1.0", "hiit_1.6", "long_distance_1.0"})
    EXPECT_TRUE(has(table.out, arm)) << arm;
  EXPECT_TRUE(has(table.out, "valid (study of 6 arms)"));
  const CliRun arm = check({study, "--arm", "hiit_1.6"});
  EXPECT_EQ(arm.code, 0);
  EXPECT_TRUE(has(arm.out, "scenario  hiit_1.6"));
  const CliRun wrong = check({study, "--arm", "hiit_16"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_TRUE(has(wrong.err, "no arm named 'hiit_16'")) << wrong.err;
  const CliRun set = check({study, "--set", "subject.body_mass=80 kg", "--arm", "control_1.6"});
  EXPECT_EQ(set.code, 0);
  EXPECT_TRUE(has(set.out, "80 kg"));
  const CliRun bad_set = check({study, "--set", "subject.body_mass=80"});
  EXPECT_EQ(bad_set.code, 2);
  EXPECT_TRUE(has(bad_set.err, "--set subject.body_mass: 'body_mass': \"80\" has no unit"))
      << bad_set.err;
}

TEST(CheckCommand, AcuteStudyShowsIntakesAndInfusions) {
  const CliRun r = check({testing::library("studies/bohe2001_infusion.yaml").string()});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(has(r.out, "leucine 0.907 g/h (5.44 g in all)")) << r.out;
  const CliRun w =
      check({testing::library("studies/west2011_bolus_vs_pulse.yaml").string(), "--arm", "pulse"});
  EXPECT_TRUE(has(w.out, "whey pulse 10/10")) << w.out;
  EXPECT_TRUE(has(w.out, "protein g")) << w.out;
}

}  // namespace
}  // namespace myoflux
