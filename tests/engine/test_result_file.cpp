// The HDF5 result file: a full round trip (values, names, units, tables, provenance, solver
// statistics), refusal to overwrite, clear errors for foreign and future files, and kill safety:
// a writer that dies mid-write leaves nothing under the final name and an old file intact.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "engine/error.hpp"
#include "engine/solver/simulation.hpp"
#include "engine/store/atomic_file.hpp"
#include "engine/store/hdf5_io.hpp"
#include "engine/store/result_file.hpp"

namespace myoflux {
namespace {
namespace fs = std::filesystem;

class ResultFileTest : public ::testing::Test {
 public:
  static RunRecord sample_run(const std::string& id, int rows);

 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("myoflux_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

RunRecord ResultFileTest::sample_run(const std::string& id, int rows) {
  RunRecord rec;
  rec.id = id;
  Result& r = rec.result;
  r.variables = {{"csa_change_percent", "%", "whole-muscle CSA change"},
                 {"plasma_leucine_umol_per_l", "umol/L", "plasma leucine"}};
  r.time_h.resize(rows);
  r.values.resize(rows, 2);
  for (int i = 0; i < rows; ++i) {
    r.time_h[i] = 0.25 * i;
    r.values(i, 0) = 0.001 * i;
    r.values(i, 1) = 120.0 + std::sin(i);
  }
  SolverConfig settings;
  settings.method = Method::dopri5;
  settings.rtol = 1e-5;
  SolverStats stats;
  stats.steps = 1234;
  stats.rejected_steps = 5;
  stats.rhs_evaluations = 7000;
  stats.wall_time_s = 0.004;
  r.metadata = solver_metadata(settings, stats);
  rec.labels = {{"description", "HIIT, 1.6 g/kg/day (Estes 2017 arm)"}};
  rec.scenario_text = "name: test\nduration: 2 days\n";
  rec.scenario_source = "scenarios/test.yaml";
  rec.subject = {{"body_mass", 68.2, "kg", ""}, {"sex", 0.0, "", "female"}};
  rec.parameters = {{"k_mps", 0.05, "1/h", "fitted to TARGETS.md section 1"}};
  rec.summary = {{"csa_change_percent", 10.6, "%", "at the end of the run"}};
  return rec;
}

TEST_F(ResultFileTest, RoundTripKeepsEverything) {
  std::vector<RunRecord> runs{sample_run("hiit", 200), sample_run("control", 3)};
  const Provenance p = current_provenance("myoflux compare x.yaml");
  const fs::path path = dir_ / "out.h5";
  write_result_file(path, runs, p);

  const ResultFile back = read_result_file(path);
  EXPECT_EQ(back.format_version, kResultFormatVersion);
  EXPECT_EQ(back.provenance.command_line, "myoflux compare x.yaml");
  EXPECT_EQ(back.provenance.git_commit, build_info().git_commit);
  EXPECT_EQ(back.provenance.myoflux_version, build_info().version);
  EXPECT_EQ(back.provenance.created_utc, p.created_utc);
  ASSERT_EQ(back.runs.size(), 2u);
  EXPECT_EQ(back.runs[0].id, "hiit");  // creation order, not alphabetical
  EXPECT_EQ(back.runs[1].id, "control");
  const RunRecord& a = runs[0];
  const RunRecord& b = back.runs[0];
  EXPECT_EQ(b.result.time_h, a.result.time_h);
  EXPECT_EQ(b.result.values, a.result.values);  // bit for bit
  ASSERT_EQ(b.result.variables.size(), 2u);
  EXPECT_EQ(b.result.variables[1].name, "plasma_leucine_umol_per_l");
  EXPECT_EQ(b.result.variables[1].unit, "umol/L");
  EXPECT_EQ(b.result.variables[0].description, "whole-muscle CSA change");
  EXPECT_EQ(b.scenario_text, a.scenario_text);
  EXPECT_EQ(b.scenario_source, a.scenario_source);
  EXPECT_EQ(b.subject[1].note, "female");
  EXPECT_EQ(b.parameters[0].unit, "1/h");
  EXPECT_EQ(b.parameters[0].note, "fitted to TARGETS.md section 1");
  EXPECT_DOUBLE_EQ(b.summary[0].value, 10.6);
  EXPECT_EQ(solver_settings(b.result).method, Method::dopri5);
  EXPECT_DOUBLE_EQ(solver_settings(b.result).rtol, 1e-5);
  EXPECT_EQ(solver_stats(b.result).steps, 1234);
  EXPECT_EQ(solver_stats(b.result).rejected_steps, 5);
  EXPECT_EQ(solver_stats(b.result).rhs_evaluations, 7000);
  EXPECT_EQ(solver_stats(b.result).status, SolverStatus::ok);
  ASSERT_EQ(b.labels.size(), 1u);
  EXPECT_EQ(b.labels[0].second, "HIIT, 1.6 g/kg/day (Estes 2017 arm)");
}

TEST_F(ResultFileTest, EveryDatasetCarriesUnitsAndTheScenarioItsHash) {
  std::vector<RunRecord> runs{sample_run("hiit", 10)};
  const fs::path path = dir_ / "out.h5";
  write_result_file(path, runs, current_provenance("test"));
  auto lock = h5::hdf5_lock();
  h5::Handle f = h5::open_file_read(path.string());
  h5::Handle outputs = h5::open_group(f, "runs/hiit/outputs");
  for (const std::string& name : h5::child_names(outputs)) {
    h5::Handle ds(H5Dopen2(outputs, name.c_str(), H5P_DEFAULT), H5Dclose, name);
    EXPECT_TRUE(h5::has_attr(ds, "units")) << name;
  }
  h5::Handle time(H5Dopen2(f, "runs/hiit/time", H5P_DEFAULT), H5Dclose, "time");
  EXPECT_EQ(h5::get_string_attr(time, "units"), "h");
  h5::Handle scenario = h5::open_group(f, "runs/hiit/scenario");
  // sha256("name: test\nduration: 2 days\n"), computed independently with sha256sum.
  EXPECT_EQ(h5::get_string_attr(scenario, "sha256"), sha256_hex(runs[0].scenario_text));
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ResultFileTest, RefusesToOverwriteUnlessAsked) {
  std::vector<RunRecord> runs{sample_run("a", 5)};
  const fs::path path = dir_ / "out.h5";
  { std::ofstream(path) << "precious"; }
  try {
    write_result_file(path, runs, current_provenance("test"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        path.string() + " already exists; choose another name or pass --force to overwrite it");
  }
  std::ifstream in(path);
  std::string content;
  in >> content;
  EXPECT_EQ(content, "precious");
  write_result_file(path, runs, current_provenance("test"),
                    {.overwrite = true, .labels = {}, .after_run = {}});
  EXPECT_EQ(read_result_file(path).runs.size(), 1u);
}

TEST_F(ResultFileTest, BadRunIdIsRejectedAndLeavesNoFile) {
  std::vector<RunRecord> runs{sample_run("ok", 5), sample_run("bad/id", 5)};
  const fs::path path = dir_ / "out.h5";
  EXPECT_THROW(write_result_file(path, runs, current_provenance("test")), InputError);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(fs::is_empty(dir_));  // and no temporary file either
}

// Fork a writer that SIGKILLs itself after the first of three runs is written.
pid_t killed_writer(const fs::path& path, bool overwrite) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<RunRecord> runs;
    for (int i = 0; i < 3; ++i)
      runs.push_back(ResultFileTest::sample_run("r" + std::to_string(i), 5000));
    WriteOptions opts;
    opts.overwrite = overwrite;
    opts.after_run = [](std::size_t) { ::raise(SIGKILL); };
    write_result_file(path, runs, current_provenance("test"), opts);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  return pid;
}

TEST_F(ResultFileTest, KilledWriterLeavesNoFileUnderTheFinalName) {
  const fs::path path = dir_ / "out.h5";
  killed_writer(path, false);
  EXPECT_FALSE(fs::exists(path));
  // The debris is a hidden partial file, which the next writer of the same target removes.
  int partials = 0;
  for (const auto& e : fs::directory_iterator(dir_))
    partials += e.path().filename().string().starts_with(".out.h5.partial-");
  EXPECT_EQ(partials, 1);
  std::vector<RunRecord> runs{sample_run("a", 5)};
  write_result_file(path, runs, current_provenance("test"));
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(read_result_file(path).runs.size(), 1u);
}

TEST_F(ResultFileTest, KilledOverwriteLeavesTheOldFileIntact) {
  const fs::path path = dir_ / "out.h5";
  std::vector<RunRecord> runs{sample_run("old", 5)};
  write_result_file(path, runs, current_provenance("first"));
  killed_writer(path, true);
  const ResultFile back = read_result_file(path);
  ASSERT_EQ(back.runs.size(), 1u);
  EXPECT_EQ(back.runs[0].id, "old");
  EXPECT_EQ(back.provenance.command_line, "first");
}

TEST_F(ResultFileTest, ForeignAndFutureFilesGetClearErrors) {
  const fs::path text = dir_ / "notes.h5";
  { std::ofstream(text) << "not hdf5"; }
  try {
    read_result_file(text);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), text.string() + " is not an HDF5 file (or cannot be read)");
  }
  const fs::path future = dir_ / "future.h5";
  std::vector<RunRecord> runs{sample_run("a", 5)};
  write_result_file(future, runs, current_provenance("test"));
  {
    auto lock = h5::hdf5_lock();
    h5::Handle f(H5Fopen(future.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
    h5::set_attr(f, "format_version", 99LL);
  }
  try {
    read_result_file(future);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("uses myoflux result format version 99"),
              std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Upgrade myoflux to read it."), std::string::npos);
  }
}

TEST_F(ResultFileTest, AFullDiskGivesOneMessageWithTheSpaceNeededAndLeavesNoFile) {
  // `ulimit -f` stands in for a full disk (a small tmpfs needs privileges CI may lack): with
  // SIGXFSZ ignored, write() fails with EFBIG once the file reaches the limit, as it fails with
  // ENOSPC on a full device; both go through the same path.
  const fs::path path = dir_ / "big.h5";
  std::vector<RunRecord> old{sample_run("old", 5)};
  write_result_file(path, old, current_provenance("first"));
  std::vector<RunRecord> runs{sample_run("a", 200000)};  // 3.2 MB of samples
  struct rlimit saved {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  struct rlimit small = saved;
  small.rlim_cur = 256 * 1024;
  const auto previous = ::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    write_result_file(path, runs, current_provenance("second"), {.overwrite = true});
  } catch (const SimulationError& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::signal(SIGXFSZ, previous);
  EXPECT_NE(message.find("cannot write " + path.string() + ": the file would exceed the file size "
                         "limit (ulimit -f) of 262 kB; it needs about 4.87 MB"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("nothing was written under that name"), std::string::npos) << message;
  // The old file is intact and no partial file is left beside it.
  EXPECT_EQ(read_result_file(path).runs.at(0).id, "old");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1);
}

TEST_F(ResultFileTest, NoSpaceOnTheDeviceNamesTheFolderAndTheSpaceNeeded) {
  AtomicOutput output(dir_ / "out.h5", false);
  output.expect_bytes(12'300'000);
  try {
    output.fail("HDF5: writing failed", ENOSPC);
    ADD_FAILURE() << "fail() returned";
  } catch (const SimulationError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("cannot write " + (dir_ / "out.h5").string() +
                        ": no space left on the device (" + dir_.string() + " has "),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("the file needs about 12.3 MB): free some space or write to another "
                        "folder"),
              std::string::npos)
        << what;
  }
}

}  // namespace
}  // namespace myoflux
