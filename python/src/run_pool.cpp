// Runs scenarios on C++ threads while Python keeps going: the GIL is released for the whole
// batch, each thread owns its run (the model is const and shared), and the calling thread wakes
// every 100 ms to let Python handle Ctrl-C (a Jupyter "interrupt kernel" lands here).
#include <Python.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/interrupt.hpp"
#include "engine/solver/simulation.hpp"
#include "python/src/bindings.hpp"

namespace myoflux::python {

std::vector<RunRecord> run_scenarios(const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                                     const SolverConfig& solver, unsigned threads, bool check) {
  const std::size_t n = scenarios.size();
  std::vector<RunRecord> records(n);
  std::vector<std::exception_ptr> errors(n);
  if (n == 0) return records;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));

  std::atomic<std::size_t> next{0};
  std::size_t finished = 0;
  std::mutex mutex;
  std::condition_variable cv;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      if (!interrupt_flag().load()) {
        try {
          records[i] = model().run(*scenarios[i], solver);
        } catch (...) {
          errors[i] = std::current_exception();
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      ++finished;
      cv.notify_all();
    }
  };

  bool interrupted = false;
  {
    py::gil_scoped_release release;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    std::unique_lock<std::mutex> lock(mutex);
    while (!cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return finished == n; })) {
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        // Sets KeyboardInterrupt as the pending Python error; raised below.
        interrupted = PyErr_CheckSignals() != 0;
      }
      lock.lock();
      if (interrupted) {
        interrupt_flag().store(true);
        break;
      }
    }
    lock.unlock();
    for (std::thread& t : pool) t.join();
    if (interrupted) interrupt_flag().store(false);
  }
  if (interrupted) throw py::error_already_set();

  // Bad input anywhere is the user's to fix first, in input order; then solver failures.
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  for (std::size_t i = 0; i < n; ++i) {
    const SolverStats stats = solver_stats(records[i].result);
    if (check && !stats.ok())
      throw SimulationError("the simulation of '" + scenarios[i]->name + "' failed: " +
                            std::string(status_name(stats.status)) + ": " + stats.message);
  }
  return records;
}

}  // namespace myoflux::python
