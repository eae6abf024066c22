// Worker threads that take chunk numbers from a queue until it is empty, interrupted or failed.
#include "engine/sweep/runner.hpp"

#include <sched.h>

#include <exception>
#include <mutex>
#include <thread>

#include "engine/interrupt.hpp"
#include "engine/sweep/run_chunk.hpp"

namespace myoflux::sweep {

std::optional<std::int64_t> ListQueue::next() {
  const std::size_t i = next_.fetch_add(1);
  if (i >= chunks_.size()) return std::nullopt;
  return chunks_[i];
}

unsigned available_cores() {
  // The cores this process may run on: a Slurm task, a cgroup or taskset may allow fewer than
  // the machine has.
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

unsigned thread_count(unsigned threads) {
  return threads > 0 ? threads : available_cores();
}

bool run_chunks(const SweepPlan& plan, const ModelAdapter& model, ChunkQueue& queue,
                unsigned threads, const RunnerCallbacks& callbacks) {
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    try {
      while (!stop.load() && !interrupt_flag().load()) {
        const std::optional<std::int64_t> chunk = queue.next();
        if (!chunk) break;
        const std::string hash = callbacks.hash_of ? callbacks.hash_of(*chunk) : std::string();
        std::optional<ChunkResult> result =
            run_chunk(plan, model, *chunk, hash, callbacks.after_run);
        if (!result) break;  // interrupted: the partial chunk is dropped
        if (callbacks.finished) callbacks.finished(std::move(*result));
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < thread_count(threads); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  return !interrupt_flag().load();
}

}  // namespace myoflux::sweep
