// A sweep's output folder: chunks/chunk_NNNNNN.h5 (one file per chunk), manifest.tsv, sweep.yaml
// (a copy of the spec) and, once every chunk is done, index.h5. Decides which chunks a process
// runs (all, a Slurm array share, or --resume's leftovers), writes finished chunks, keeps the
// manifest, reduces the summary in chunk order and writes the index.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/sweep/chunk.hpp"
#include "engine/sweep/folder_lock.hpp"
#include "engine/sweep/manifest.hpp"
#include "engine/sweep/summary.hpp"

namespace myoflux::sweep {

/// Share i of n (Slurm array task i of n): the chunks c with c % n == i.
struct Share {
  std::int64_t index = 0;
  std::int64_t count = 1;
};
/// Parses "i/n" (0 <= i < n); throws InputError with an example otherwise.
Share parse_share(const std::string& text);

/// File names inside a sweep folder, in one place.
struct SweepPaths {
  std::filesystem::path root;
  std::filesystem::path chunk(std::int64_t chunk) const { return root / chunk_relative(chunk); }
  static std::string chunk_relative(std::int64_t chunk);
  std::filesystem::path manifest() const { return root / "manifest.tsv"; }
  /// An array share keeps its own manifest: shares on different nodes never write one file.
  std::filesystem::path manifest(const Share& share) const;
  /// manifest.tsv and the shares' manifests that exist, manifest.tsv first.
  std::vector<std::filesystem::path> manifests() const;
  std::filesystem::path index() const { return root / "index.h5"; }
  std::filesystem::path spec_copy() const { return root / "sweep.yaml"; }
};

/// One endpoint over all runs, as the end of a sweep prints it.
struct EndpointLine {
  std::string name;
  std::string unit;
  std::int64_t count = 0;  // runs with a value (failed runs have none)
  double mean = 0.0, sd = 0.0, p5 = 0.0, median = 0.0, p95 = 0.0;
};

/// What the end of a sweep (or a merge) reports.
struct SweepReport {
  std::vector<EndpointLine> endpoints;
  std::vector<std::string> groups;  // "arm (6 groups)", "diet.protein (4 groups)"

  std::int64_t runs = 0;
  std::int64_t failed_runs = 0;
  std::int64_t chunks = 0;
  std::filesystem::path index;
  std::vector<std::string> notes;  // e.g. chunks written by different builds
};

class SweepDirectory {
 public:
  SweepDirectory(const SweepPlan& plan, std::filesystem::path root, std::string command_line);

  /// Creates the folder, locks it (FolderLock: a second sweep on it is refused) and checks it
  /// holds nothing or this same sweep; hashes every chunk; keeps (with `resume`) the chunks
  /// whose final file has the matching input hash and is intact (its SHA-256 matches the one the
  /// manifest recorded; a damaged file is reported in warnings() and its chunk run again). Throws
  /// InputError, before any simulation, when the folder is in use or holds another sweep, or
  /// when this process's chunks have files and `resume` is false. `reduce`: this process writes the
  /// summary and index (threads and MPI rank 0; not a Slurm array share).
  void prepare(bool resume, const Share& share, bool reduce);
  /// The chunks this process still has to run (in order).
  const std::vector<std::int64_t>& to_run() const { return to_run_; }
  std::int64_t kept_chunks() const { return kept_; }
  /// What prepare() found and worked around (damaged chunk files), for the user to read.
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::int64_t runs_to_run() const;
  const std::string& chunk_hash(std::int64_t chunk) const {
    return manifest_.chunks[chunk].input_hash;
  }

  /// A chunk this process ran: written (atomically), recorded, folded. Thread-safe.
  void finished(ChunkResult&& chunk);
  /// A chunk another MPI rank ran and wrote. Thread-safe.
  void finished_elsewhere(std::int64_t chunk, std::int64_t failed_runs);
  /// Rewrites the manifest now.
  void save_manifest();
  std::int64_t done_chunks() const;

  /// Writes the index and summary; every chunk must be done and folded (reduce mode).
  SweepReport finish();
  const SweepSummary& summary() const { return *summary_; }

 private:
  void mark_done(std::int64_t chunk, std::int64_t failed_runs, const std::string& checksum);
  void save_manifest_locked(bool force);

  const SweepPlan& plan_;
  SweepPaths paths_;
  std::filesystem::path manifest_path_;
  std::string command_line_;
  SweepLayout layout_;
  Manifest manifest_;
  std::vector<std::int64_t> to_run_;
  std::int64_t kept_ = 0;
  std::vector<std::string> warnings_;
  FolderLock lock_;
  std::unique_ptr<SweepSummary> summary_;
  std::unique_ptr<OrderedFolder> folder_;
  std::chrono::steady_clock::time_point last_save_;
  mutable std::mutex mutex_;
};

/// `myoflux merge DIR`: checks that every chunk of the manifest has its final file with the
/// right input hash, folds them in order into the summary and writes the index. Throws
/// InputError listing missing or stale chunks.
SweepReport merge_sweep(const std::filesystem::path& root, const std::string& command_line);

/// The report of a summary (endpoint lines and group counts) plus the given totals.
SweepReport report_of(const SweepLayout& layout, const SweepSummary& summary);

}  // namespace myoflux::sweep
