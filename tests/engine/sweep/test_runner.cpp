// Sweeps run on threads: results do not depend on the thread count; failing runs are recorded
// and the others finish; a sweep folder can be resumed or built from array shares plus merge and
// gives the same endpoint table bit for bit; the index's virtual datasets read the chunk files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <numeric>

#include "engine/provenance.hpp"
#include "engine/store/hdf5_io.hpp"
#include "engine/sweep/chunk_file.hpp"
#include "engine/sweep/directory.hpp"
#include "engine/sweep/h5_tables.hpp"
#include "engine/sweep/runner.hpp"
#include "tests/engine/sweep/sweep_fixture.hpp"

namespace myoflux::sweep::testing {
namespace {

namespace fs = std::filesystem;

const char* kGrid =
    "name: grid_test\n"
    "base: two_arms.yaml\n"
    "grid:\n"
    "  subject.body_mass: [55 kg, 65 kg, 75 kg]\n"
    "  plan.0.time: [\"07:00\", \"17:00\"]\n"
    "keep: {trajectories: {outputs: [muscle_protein_g], every: 6 h}}\n"
    "chunk_size: 5\n";

std::vector<ChunkResult> run_in_memory(const SweepPlan& plan, unsigned threads) {
  std::vector<std::int64_t> all(static_cast<std::size_t>(plan.chunk_count()));
  std::iota(all.begin(), all.end(), 0);
  ListQueue queue(all);
  std::vector<ChunkResult> out(all.size());
  std::mutex mutex;
  RunnerCallbacks callbacks;
  callbacks.finished = [&](ChunkResult&& c) {
    const std::lock_guard<std::mutex> lock(mutex);
    out[static_cast<std::size_t>(c.chunk)] = std::move(c);
  };
  EXPECT_TRUE(run_chunks(plan, model(), queue, threads, callbacks));
  return out;
}

std::vector<double> endpoints_of(const std::vector<ChunkResult>& chunks) {
  std::vector<double> all;
  for (const ChunkResult& c : chunks) all.insert(all.end(), c.endpoints.begin(), c.endpoints.end());
  return all;
}

/// Bitwise equality, NaN included.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::vector<double> index_dataset(const fs::path& index, const std::string& name) {
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(index.string());
  return h5::read_vector(file, name);
}

SweepReport run_folder(const SweepPlan& plan, const fs::path& dir, bool resume = false,
                       std::int64_t stop_after = -1) {
  SweepDirectory directory(plan, dir, "test");
  directory.prepare(resume, {}, true);
  std::vector<std::int64_t> chunks = directory.to_run();
  if (stop_after >= 0) chunks.resize(static_cast<std::size_t>(stop_after));
  ListQueue queue(chunks);
  RunnerCallbacks callbacks;
  callbacks.hash_of = [&](std::int64_t c) { return directory.chunk_hash(c); };
  callbacks.finished = [&](ChunkResult&& c) { directory.finished(std::move(c)); };
  EXPECT_TRUE(run_chunks(plan, model(), queue, 2, callbacks));
  directory.save_manifest();
  if (stop_after >= 0) return {};
  return directory.finish();
}

TEST(Runner, ResultsDoNotDependOnTheThreadCount) {
  const SweepPlan plan = plan_of(kGrid);
  ASSERT_EQ(plan.run_count(), 12);
  const std::vector<ChunkResult> one = run_in_memory(plan, 1);
  const std::vector<ChunkResult> two = run_in_memory(plan, 2);
  EXPECT_TRUE(same_bits(endpoints_of(one), endpoints_of(two)));
  for (const ChunkResult& c : one) {
    EXPECT_EQ(c.failed_runs(), 0);
    EXPECT_EQ(c.trajectories[0].size(), c.size() * 5);  // 0, 6, 12, 18, 24 h
  }
  EXPECT_TRUE(std::isfinite(endpoints_of(one)[0]));
}

TEST(Runner, FailingRunsAreRecordedAndTheOthersFinish) {
  // An 8-hour scenario with the session at 09:00 ends before the session does: each value is
  // valid alone, the combination is not. Ten-week runs exceed the solver's step budget.
  const SweepPlan plan = plan_of(
      "base: one_day.yaml\n"
      "grid:\n"
      "  duration: [1 day, 8 h, 10 weeks]\n"
      "  plan.0.time: [\"07:00\", \"09:00\"]\n"
      "solver: {max_steps: 6000}\n");
  const std::vector<ChunkResult> chunks = run_in_memory(plan, 2);
  std::vector<std::int8_t> status;
  std::vector<RunFailure> failures;
  for (const ChunkResult& c : chunks) {
    status.insert(status.end(), c.status.begin(), c.status.end());
    failures.insert(failures.end(), c.failures.begin(), c.failures.end());
  }
  const std::int8_t too_many = static_cast<std::int8_t>(SolverStatus::too_many_steps);
  EXPECT_EQ(status, (std::vector<std::int8_t>{0, 0, 0, kStatusInvalidInput, too_many, too_many}));
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].run, 3);
  EXPECT_NE(failures[0].message.find("would end after the scenario"), std::string::npos)
      << failures[0].message;
  EXPECT_NE(failures[1].message.find("6000"), std::string::npos) << failures[1].message;
  const std::vector<double> endpoints = endpoints_of(chunks);
  const std::size_t e = plan.endpoints().size();
  EXPECT_TRUE(std::isfinite(endpoints[2 * e]));
  EXPECT_TRUE(std::isnan(endpoints[3 * e]));
}

TEST(Runner, FolderIndexReadsTheChunksAsOneTable) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path dir = scratch("index");
  const SweepReport report = run_folder(plan, dir);
  EXPECT_EQ(report.runs, 12);
  EXPECT_EQ(report.chunks, 3);
  const std::vector<double> expected = endpoints_of(run_in_memory(plan, 1));
  EXPECT_TRUE(same_bits(index_dataset(dir / "index.h5", "endpoints"), expected));
  EXPECT_EQ(index_dataset(dir / "index.h5", "coordinates/subject.body_mass")[2], 65.0);
  EXPECT_EQ(index_dataset(dir / "index.h5", "trajectories/muscle_protein_g").size(), 12u * 5);
  const Manifest manifest = read_manifest(dir / "manifest.tsv");
  for (const ManifestEntry& entry : manifest.chunks) {
    EXPECT_TRUE(entry.done);
    EXPECT_EQ(entry.failed_runs, 0);
  }
  fs::remove_all(dir);
}

TEST(Runner, SummaryMatchesDirectStatistics) {
  const SweepPlan plan = plan_of(kGrid);
  const std::vector<ChunkResult> chunks = run_in_memory(plan, 2);
  const SweepLayout layout = layout_of(plan);
  SweepSummary summary(layout);
  for (const ChunkResult& c : chunks) summary.add(c);
  const std::vector<double> all = endpoints_of(chunks);
  const std::size_t e = plan.endpoints().size();
  std::vector<double> csa;
  for (std::size_t r = 0; r < 12; ++r) csa.push_back(all[r * e]);
  const double mean = std::accumulate(csa.begin(), csa.end(), 0.0) / 12.0;
  double ss = 0.0;
  for (double x : csa) ss += (x - mean) * (x - mean);
  const RunningStats& stats = summary.all().endpoints[0];
  EXPECT_NEAR(stats.mean(), mean, 1e-12 * std::abs(mean) + 1e-15);
  EXPECT_NEAR(stats.sd(), std::sqrt(ss / 11.0), 1e-9);
  EXPECT_EQ(stats.min(), *std::min_element(csa.begin(), csa.end()));
  EXPECT_EQ(stats.max(), *std::max_element(csa.begin(), csa.end()));
  // Groups: all, two arms, three body masses, two times.
  const auto groups = summary.groups();
  ASSERT_EQ(groups.size(), 1u + 2 + 3 + 2);
  EXPECT_EQ(groups[1]->coordinate, "arm");
  EXPECT_EQ(groups[1]->value, "low");
  EXPECT_EQ(groups[3]->value, "55 kg");
  EXPECT_EQ(groups[3]->runs, 4);
}

TEST(Runner, ResumeKeepsFinishedChunksAndGivesTheSameTable) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path whole = scratch("whole"), resumed = scratch("resumed");
  run_folder(plan, whole);
  run_folder(plan, resumed, false, 1);                  // "killed" after one chunk
  EXPECT_THROW(run_folder(plan, resumed), InputError);  // existing results need --resume
  {
    SweepDirectory probe(plan, resumed, "test");
    probe.prepare(true, {}, true);
    EXPECT_EQ(probe.kept_chunks(), 1);
    EXPECT_EQ(probe.to_run().size(), 2u);
    EXPECT_TRUE(probe.warnings().empty());
  }
  run_folder(plan, resumed, true);
  for (const char* name : {"endpoints", "status", "run", "summary/endpoints/mean",
                           "summary/endpoints/quantiles", "coordinates/arm"})
    EXPECT_TRUE(same_bits(index_dataset(whole / "index.h5", name),
                          index_dataset(resumed / "index.h5", name)))
        << name;
  fs::remove_all(whole);
  fs::remove_all(resumed);
}

TEST(Runner, AStaleChunkFileIsRunAgainOnResume) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path dir = scratch("stale");
  run_folder(plan, dir);
  const std::vector<double> before = index_dataset(dir / "index.h5", "endpoints");
  fs::copy_file(dir / "chunks/chunk_000001.h5", dir / "chunks/chunk_000000.h5",
                fs::copy_options::overwrite_existing);
  {
    SweepDirectory probe(plan, dir, "test");
    probe.prepare(true, {}, true);
    EXPECT_EQ(probe.to_run(), (std::vector<std::int64_t>{0}));
  }
  run_folder(plan, dir, true);
  EXPECT_TRUE(same_bits(index_dataset(dir / "index.h5", "endpoints"), before));
  fs::remove_all(dir);
}

TEST(Runner, AnotherSweepInTheFolderIsRefused) {
  const fs::path dir = scratch("other");
  run_folder(plan_of(kGrid), dir);
  std::string other = kGrid;
  other.replace(other.find("75 kg"), 5, "85 kg");
  try {
    run_folder(plan_of(other), dir, true);
    ADD_FAILURE() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("holds another sweep"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(Runner, ArraySharesPlusMergeEqualOneMachine) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path whole = scratch("one_machine"), shares = scratch("shares");
  run_folder(plan, whole);
  for (std::int64_t i : {1, 0}) {
    SweepDirectory directory(plan, shares, "test");
    directory.prepare(false, {i, 2}, false);
    ListQueue queue(directory.to_run());
    RunnerCallbacks callbacks;
    callbacks.finished = [&](ChunkResult&& c) { directory.finished(std::move(c)); };
    run_chunks(plan, model(), queue, 1, callbacks);
    directory.save_manifest();
    if (i == 1) {
      EXPECT_THROW(merge_sweep(shares, "test"), InputError);  // share 0 has not run yet
    }
  }
  const SweepReport report = merge_sweep(shares, "test");
  EXPECT_EQ(report.runs, 12);
  for (const char* name : {"endpoints", "status", "summary/endpoints/sd",
                           "summary/endpoints/quantiles", "trajectories/muscle_protein_g"})
    EXPECT_TRUE(same_bits(index_dataset(whole / "index.h5", name),
                          index_dataset(shares / "index.h5", name)))
        << name;
  fs::remove_all(whole);
  fs::remove_all(shares);
}

TEST(Runner, ChunkFilesRoundTrip) {
  const SweepPlan plan = plan_of(kGrid);
  const std::vector<ChunkResult> chunks = run_in_memory(plan, 1);
  const fs::path dir = scratch("roundtrip");
  write_chunk_file(dir / "c.h5", layout_of(plan), chunks[1], current_provenance("test"));
  SweepLayout layout;
  const ChunkResult back = read_chunk_file(dir / "c.h5", &layout);
  EXPECT_EQ(back.runs, chunks[1].runs);
  EXPECT_TRUE(same_bits(back.endpoints, chunks[1].endpoints));
  EXPECT_EQ(back.coordinates, chunks[1].coordinates);
  EXPECT_EQ(layout.coordinates.size(), plan.coordinates().size());
  EXPECT_EQ(layout.coordinates[2].labels, plan.coordinates()[2].labels);
  EXPECT_EQ(layout.fingerprint, plan.fingerprint());
  EXPECT_EQ(read_chunk_header(dir / "c.h5").input_hash, plan.chunk_hash(1));
  fs::remove_all(dir);
}

}  // namespace
// Reliability (issue 15): damaged chunk files, folder locks, the manifest's older format.

void flip_byte(const fs::path& file, std::uintmax_t at) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(at));
  const char c = static_cast<char>(f.get() ^ 0x5a);
  f.seekp(static_cast<std::streamoff>(at));
  f.put(c);
}

TEST(Runner, DamagedChunkFilesAreFoundOnResumeAndRunAgain) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path dir = scratch("damaged");
  run_folder(plan, dir);
  const std::vector<double> before = index_dataset(dir / "index.h5", "endpoints");
  const fs::path truncated = dir / "chunks/chunk_000001.h5", flipped = dir / "chunks/chunk_000002.h5";
  fs::resize_file(truncated, fs::file_size(truncated) / 2);
  flip_byte(flipped, fs::file_size(flipped) - 100);  // data, not the header: HDF5 still opens it
  {
    SweepDirectory probe(plan, dir, "test");
    probe.prepare(true, {}, true);
    EXPECT_EQ(probe.to_run(), (std::vector<std::int64_t>{1, 2}));
    ASSERT_EQ(probe.warnings().size(), 2u);
    EXPECT_NE(probe.warnings()[0].find(truncated.string()), std::string::npos);
    EXPECT_NE(probe.warnings()[1].find(flipped.string()), std::string::npos);
    EXPECT_NE(probe.warnings()[1].find("SHA-256 differs"), std::string::npos)
        << probe.warnings()[1];
  }
  run_folder(plan, dir, true);
  EXPECT_TRUE(same_bits(index_dataset(dir / "index.h5", "endpoints"), before));
  const Manifest manifest = read_manifest(dir / "manifest.tsv");
  for (const ManifestEntry& e : manifest.chunks)
    EXPECT_EQ(e.file_sha256, sha256_file_hex(dir / e.file)) << e.file;
  fs::remove_all(dir);
}

TEST(Runner, ASecondSweepOnAFolderInUseIsRefused) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path dir = scratch("locked");
  {
    SweepDirectory first(plan, dir, "test");
    first.prepare(false, {}, true);
    SweepDirectory second(plan, dir, "test");
    try {
      second.prepare(true, {}, true);
      ADD_FAILURE() << "expected the folder to be in use";
    } catch (const InputError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(dir.string() + " is in use by another sweep (pid " +
                          std::to_string(::getpid()) + " on "),
                std::string::npos)
          << what;
    }
  }
  run_folder(plan, dir, true);  // the first one has gone: the folder is free again
  fs::remove_all(dir);
}

TEST(Runner, ArraySharesRunSideBySideButExcludeAWholeSweep) {
  const SweepPlan plan = plan_of(kGrid);
  const fs::path dir = scratch("share_locks");
  SweepDirectory share0(plan, dir, "test"), share1(plan, dir, "test");
  share0.prepare(false, {0, 2}, false);
  share1.prepare(false, {1, 2}, false);
  SweepDirectory again(plan, dir, "test"), whole(plan, dir, "test");
  try {
    again.prepare(true, {0, 2}, false);
    ADD_FAILURE() << "expected share 0/2 to be running";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("share 0/2 is already running"), std::string::npos)
        << e.what();
  }
  try {
    whole.prepare(true, {}, true);
    ADD_FAILURE() << "expected the shares to hold the folder";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("array shares"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(Runner, ManifestsWithoutFileChecksumsAreStillRead) {
  const fs::path dir = scratch("format1");
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "manifest.tsv");
    out << "# myoflux sweep manifest, format 1\n# sweep\told\n# fingerprint\tabc\n# runs\t2\n"
           "chunk\tfirst_run\truns\tinput_sha256\tstatus\tfailed_runs\tfile\n"
           "0\t0\t2\tdef\tdone\t0\tchunks/chunk_000000.h5\n";
  }
  const Manifest m = read_manifest(dir / "manifest.tsv");
  ASSERT_EQ(m.chunks.size(), 1u);
  EXPECT_TRUE(m.chunks[0].done);
  EXPECT_EQ(m.chunks[0].file_sha256, "");
  EXPECT_EQ(m.chunks[0].file, "chunks/chunk_000000.h5");
  fs::remove_all(dir);
}

}  // namespace myoflux::sweep::testing
