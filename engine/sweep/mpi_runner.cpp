// Chunk hand-out between MPI ranks: messages of three int64 to rank 0 and one-int64 replies, rank 0
// polling with MPI_Iprobe so that its own worker threads keep their cores. A worker rank asks for
// its next chunk as soon as it starts one, so the reply is there before it is needed.
#include "engine/sweep/mpi_runner.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/interrupt.hpp"
#include "engine/provenance.hpp"
#include "engine/sweep/chunk_file.hpp"

namespace myoflux::sweep::mpi {

namespace {

// Messages are three int64: kind, chunk, failed runs.
enum Kind : std::int64_t {
  kRequest = 0,   // a worker rank asks for a chunk (reply: its number, or kStop)
  kRankDone = 1,  // every thread of the rank has stopped
  kFinished = 2,  // a worker rank wrote the final file of a chunk
};
constexpr int kTagToCoordinator = 1;
constexpr int kTagReply = 2;
constexpr std::int64_t kStop = -1;
// The coordinator polls instead of blocking: Open MPI's blocking receive spins a core, which
// rank 0's own workers need. Every 2 ms: rank 0's workers are woken rarely (measured: 500 us cost
// 1.5 % of a 2-rank run), and the delay is hidden by asking for a chunk one chunk ahead.
constexpr auto kPollInterval = std::chrono::microseconds(2000);

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw SimulationError(std::string("MPI: ") + what + " failed");
}

/// Rank 0's side: the chunks not handed out yet, shared by its own threads and the other ranks.
class Coordinator {
 public:
  explicit Coordinator(std::vector<std::int64_t> chunks) : pending_(chunks.begin(), chunks.end()) {}
  std::optional<std::int64_t> take() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (pending_.empty() || interrupt_flag().load()) return std::nullopt;
    const std::int64_t c = pending_.front();
    pending_.pop_front();
    return c;
  }

 private:
  std::deque<std::int64_t> pending_;
  std::mutex mutex_;
};

class LocalQueue final : public ChunkQueue {
 public:
  explicit LocalQueue(Coordinator& c) : coordinator_(c) {}
  std::optional<std::int64_t> next() override { return coordinator_.take(); }

 private:
  Coordinator& coordinator_;
};

/// A worker rank's side. Each next() takes the reply to the request made one chunk earlier and
/// asks for the following chunk at once (at most one request is outstanding per rank), so the
/// 0-2 ms rank 0 takes to answer overlaps the work. Finished chunks are reported as they finish.
class RemoteQueue final : public ChunkQueue {
 public:
  std::optional<std::int64_t> next() override {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!outstanding_) request();
    check(MPI_Wait(&reply_request_, MPI_STATUS_IGNORE), "wait");
    outstanding_ = false;
    if (reply_ == kStop) return std::nullopt;
    const std::int64_t chunk = reply_;
    request();
    return chunk;
  }
  void finished(std::int64_t chunk, std::int64_t failed_runs) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t message[3] = {kFinished, chunk, failed_runs};
    check(MPI_Send(message, 3, MPI_INT64_T, 0, kTagToCoordinator, MPI_COMM_WORLD), "send");
  }
  /// Collects a reply still on its way when the threads stopped early (interrupted); the chunk it
  /// names is not run and stays pending in the manifest for --resume.
  void drain() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (outstanding_) check(MPI_Wait(&reply_request_, MPI_STATUS_IGNORE), "wait");
    outstanding_ = false;
  }

 private:
  void request() {
    const std::int64_t message[3] = {kRequest, -1, 0};
    check(MPI_Send(message, 3, MPI_INT64_T, 0, kTagToCoordinator, MPI_COMM_WORLD), "send");
    check(MPI_Irecv(&reply_, 1, MPI_INT64_T, 0, kTagReply, MPI_COMM_WORLD, &reply_request_),
          "receive");
    outstanding_ = true;
  }

  std::mutex mutex_;
  std::int64_t reply_ = kStop;
  MPI_Request reply_request_ = MPI_REQUEST_NULL;
  bool outstanding_ = false;
};

/// Serves requests until every other rank has reported that it is done.
void coordinate(const Session& session, Coordinator& coordinator, SweepDirectory& directory,
                const SweepPlan& plan,
                const std::function<void(std::int64_t)>& finished_elsewhere_runs) {
  int ranks_running = session.size() - 1;
  while (ranks_running > 0) {
    int arrived = 0;
    MPI_Status status;
    check(MPI_Iprobe(MPI_ANY_SOURCE, kTagToCoordinator, MPI_COMM_WORLD, &arrived, &status),
          "probe");
    if (!arrived) {
      std::this_thread::sleep_for(kPollInterval);
      continue;
    }
    std::int64_t message[3];
    check(MPI_Recv(message, 3, MPI_INT64_T, status.MPI_SOURCE, kTagToCoordinator, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE),
          "receive");
    if (message[0] == kRankDone) {
      --ranks_running;
    } else if (message[0] == kRequest) {
      const std::int64_t reply = coordinator.take().value_or(kStop);
      check(MPI_Send(&reply, 1, MPI_INT64_T, status.MPI_SOURCE, kTagReply, MPI_COMM_WORLD), "send");
    } else {  // kFinished: recording it reads the chunk's file for the summary
      directory.finished_elsewhere(message[1], message[2]);
      if (finished_elsewhere_runs) finished_elsewhere_runs(plan.chunk_run_count(message[1]));
    }
  }
}

}  // namespace

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

Session::Session() {
  int provided = MPI_THREAD_SINGLE;
  check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided), "init");
  threads_allowed_ = provided >= MPI_THREAD_SERIALIZED;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Session::~Session() {
  MPI_Finalize();
}

unsigned Session::default_threads() const {
  if (!threads_allowed_) return 1;
  const unsigned cores = available_cores();
  // A rank bound to its own cores uses them all; unbound ranks share the node's.
  if (cores < std::thread::hardware_concurrency()) return cores;
  const char* local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  const unsigned ranks_here = local ? static_cast<unsigned>(std::max(1, std::atoi(local))) : 1;
  return std::max(1u, cores / ranks_here);
}

int Session::broadcast_status(int status) const {
  check(MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD), "broadcast");
  return status;
}

bool run_chunks(const Session& session, const SweepPlan& plan, const ModelAdapter& model,
                SweepDirectory* directory, const std::filesystem::path& root, unsigned threads,
                const RunnerCallbacks& callbacks,
                const std::function<void(std::int64_t)>& finished_elsewhere_runs) {
  if (session.rank() == 0) {
    Coordinator coordinator(directory->to_run());
    LocalQueue queue(coordinator);
    RunnerCallbacks local = callbacks;
    bool completed = true;
    std::exception_ptr error;
    std::thread workers([&] {
      try {
        completed = sweep::run_chunks(plan, model, queue, threads, local);
      } catch (...) {
        error = std::current_exception();
      }
    });
    try {
      coordinate(session, coordinator, *directory, plan, finished_elsewhere_runs);
    } catch (...) {
      workers.join();
      throw;
    }
    workers.join();
    if (error) std::rethrow_exception(error);  // the other ranks have stopped by now
    return completed && !interrupt_flag().load();
  }
  RemoteQueue queue;
  const SweepPaths paths{root};
  const SweepLayout layout = layout_of(plan);
  RunnerCallbacks remote = callbacks;
  remote.finished = [&](ChunkResult&& chunk) {
    write_chunk_file(paths.chunk(chunk.chunk), layout, chunk, current_provenance("mpi worker"));
    queue.finished(chunk.chunk, chunk.failed_runs());
  };
  bool completed = true;
  try {
    completed = sweep::run_chunks(plan, model, queue, threads, remote);
  } catch (const std::exception&) {
    MPI_Abort(MPI_COMM_WORLD, 1);  // rank 0 would wait for this rank forever otherwise
    throw;
  }
  queue.drain();
  const std::int64_t done[3] = {kRankDone, -1, 0};
  check(MPI_Send(done, 3, MPI_INT64_T, 0, kTagToCoordinator, MPI_COMM_WORLD), "send");
  return completed;
}

}  // namespace myoflux::sweep::mpi
