// The sweep summary, reduced as chunks finish so that memory does not grow with the number of
// runs: per group (all runs, each arm, each value of a grid axis, case field or categorical
// covariate) and per endpoint (and per kept trajectory sample), the count, mean and standard
// deviation (Welford's streaming update), minimum, maximum and five quantiles (P-square).
// Chunks are folded in chunk order whatever order they finish in, so the summary is the same bit
// for bit whether a sweep ran on threads, MPI ranks or array tasks.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/sweep/chunk.hpp"
#include "engine/sweep/p_square.hpp"

namespace myoflux::sweep {

inline constexpr std::array<double, 5> kQuantileProbabilities = {0.05, 0.25, 0.5, 0.75, 0.95};

/// Streaming statistics of one quantity; NaN values (failed runs) are skipped.
class RunningStats {
 public:
  RunningStats();
  void add(double x);
  std::int64_t count() const { return count_; }
  double mean() const;
  double sd() const;  // sample standard deviation (n - 1); NaN below two values
  double min() const;
  double max() const;
  double quantile(std::size_t k) const { return quantiles_[k].value(); }

 private:
  std::int64_t count_ = 0;
  double mean_ = 0.0, m2_ = 0.0, min_ = 0.0, max_ = 0.0;
  std::array<PSquareQuantile, kQuantileProbabilities.size()> quantiles_;
};

/// Memory per statistic, for the budget check of plan.cpp.
inline constexpr std::size_t kStatisticBytes = sizeof(RunningStats);

struct SummaryGroup {
  std::string coordinate;  // "all", "arm", "diet.protein", "subject.sex", ...
  std::string value;       // "all", "hiit_1.6", "1.6 g/kg/day", "female"
  std::int64_t runs = 0;
  std::int64_t failed_runs = 0;
  std::vector<RunningStats> endpoints;     // one per endpoint
  std::vector<RunningStats> trajectories;  // per output, per sample: output-major
};

class SweepSummary {
 public:
  explicit SweepSummary(const SweepLayout& layout);
  /// Adds a chunk's runs in run order. Chunks must come in chunk order (OrderedFolder does it).
  void add(const ChunkResult& chunk);
  /// Groups in a stable order: "all", then per grouping coordinate by first appearance.
  std::vector<const SummaryGroup*> groups() const;
  std::int64_t runs() const { return all_.runs; }
  std::int64_t failed_runs() const { return all_.failed_runs; }
  const SummaryGroup& all() const { return all_; }

 private:
  SummaryGroup& group_for(std::size_t coordinate, double value);
  void add_run(SummaryGroup& group, const ChunkResult& chunk, std::size_t row);

  const SweepLayout& layout_;
  SummaryGroup all_;
  std::vector<std::size_t> grouping_;  // indices of the coordinates that group
  // Per grouping coordinate: value -> its group, and the groups in order of appearance.
  std::vector<std::map<double, std::size_t>> index_;
  std::vector<std::vector<SummaryGroup>> by_coordinate_;
};

/// Feeds finished chunks to a summary in chunk order. Chunks finished here come with their data;
/// chunks finished elsewhere (an earlier run before --resume, another MPI rank) are read back
/// with `load` when their turn comes. Thread-safe.
class OrderedFolder {
 public:
  OrderedFolder(SweepSummary& summary, std::int64_t chunk_count,
                std::function<ChunkResult(std::int64_t)> load);
  void finished(std::int64_t chunk, std::optional<ChunkResult> data);
  bool complete() const;
  /// Chunks waiting for an earlier one (bounded by the chunks in flight, not by the sweep).
  std::size_t waiting() const;

 private:
  SweepSummary& summary_;
  std::int64_t chunk_count_;
  std::function<ChunkResult(std::int64_t)> load_;
  std::int64_t next_ = 0;
  std::map<std::int64_t, std::optional<ChunkResult>> waiting_;
  mutable std::mutex mutex_;
};

}  // namespace myoflux::sweep
