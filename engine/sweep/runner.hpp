// Running chunks on threads: each worker takes the next chunk number from a queue (a list here,
// rank 0 of an MPI job in mpi_runner.cpp), runs it, and hands the result on. A slow chunk holds
// up only its own thread.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/sweep/chunk.hpp"

namespace myoflux::sweep {

/// Where workers get their next chunk. Thread-safe.
class ChunkQueue {
 public:
  virtual ~ChunkQueue() = default;
  /// The next chunk to run, or nullopt when there is none left for this worker.
  virtual std::optional<std::int64_t> next() = 0;
};

/// Hands out a fixed list of chunks in order.
class ListQueue final : public ChunkQueue {
 public:
  explicit ListQueue(std::vector<std::int64_t> chunks) : chunks_(std::move(chunks)) {}
  std::optional<std::int64_t> next() override;

 private:
  std::vector<std::int64_t> chunks_;
  std::atomic<std::size_t> next_{0};
};

struct RunnerCallbacks {
  /// The input hash of a chunk (computed once by whoever keeps the manifest); empty function:
  /// run_chunk computes it.
  std::function<std::string(std::int64_t)> hash_of;
  /// A finished chunk (called on the worker's thread; must be thread-safe).
  std::function<void(ChunkResult&&)> finished;
  /// After every run (progress).
  std::function<void()> after_run;
};

/// The cores this process may use (its CPU affinity, which Slurm and cgroups restrict).
unsigned available_cores();
/// One thread per available core when `threads` is 0.
unsigned thread_count(unsigned threads);

/// Runs chunks from `queue` on `threads` threads (the calling thread is one of them) until the
/// queue is empty or the interrupt flag is set. Returns false when interrupted. An exception in
/// a worker (an I/O failure, say) stops the others after their current chunk and is rethrown.
bool run_chunks(const SweepPlan& plan, const ModelAdapter& model, ChunkQueue& queue,
                unsigned threads, const RunnerCallbacks& callbacks);

}  // namespace myoflux::sweep
