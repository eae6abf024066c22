// Sweeps across MPI ranks (built with MYOFLUX_MPI): rank 0 hands out chunk numbers one at a time
// to whichever rank asks next, so a slow rank never holds the others back, and runs chunks on its
// own threads meanwhile; every rank writes the chunk files it ran; rank 0 keeps the manifest,
// reduces the summary and writes the index. Chunk files go to a folder all ranks share.
#pragma once

#include <filesystem>

#include "engine/model_adapter.hpp"
#include "engine/sweep/directory.hpp"
#include "engine/sweep/runner.hpp"

namespace myoflux::sweep::mpi {

/// True when this process was started by mpirun or srun (their environment variables are set).
bool launched_by_mpi();

/// MPI_Init_thread on construction, MPI_Finalize on destruction.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  /// Threads per rank by default: the cores the rank is bound to, or else the node's cores
  /// shared by the ranks on it.
  unsigned default_threads() const;
  /// Rank 0's status (0: go on), sent to every rank; returns it.
  int broadcast_status(int status) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool threads_allowed_ = false;
};

/// Runs the chunks of `directory` (prepared on rank 0; nullptr on other ranks) across all ranks.
/// `callbacks.after_run` and `finished_elsewhere_runs` feed rank 0's progress. Returns false when
/// interrupted (on any rank).
bool run_chunks(const Session& session, const SweepPlan& plan, const ModelAdapter& model,
                SweepDirectory* directory, const std::filesystem::path& root, unsigned threads,
                const RunnerCallbacks& callbacks,
                const std::function<void(std::int64_t runs)>& finished_elsewhere_runs);

}  // namespace myoflux::sweep::mpi
