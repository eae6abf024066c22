// Runs scenarios with the GIL released, so that Python keeps going. On one thread the runs go on
// the calling thread itself (a thread per call would cost more than a one-day run), and a
// SIGINT handler chained in front of Python's sets the engine's interrupt flag; on several, each
// C++ thread owns its run (the model is const and shared) and the calling thread wakes every
// 100 ms to let Python handle Ctrl-C (a Jupyter "interrupt kernel" lands in either).
#include <Python.h>
#include <signal.h>

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
namespace {

/// The SIGINT disposition in force before the first of the (possibly concurrent) inline runs.
struct sigaction previous_sigint;
std::mutex forwarding_mutex;
int forwarding_depth = 0;

extern "C" void forward_sigint(int signal) {
  interrupt_flag().store(true);  // lock-free, so safe in a signal handler
  if ((previous_sigint.sa_flags & SA_SIGINFO) != 0) {
    if (previous_sigint.sa_sigaction != nullptr) previous_sigint.sa_sigaction(signal, nullptr, nullptr);
  } else if (previous_sigint.sa_handler != SIG_DFL && previous_sigint.sa_handler != SIG_IGN) {
    previous_sigint.sa_handler(signal);  // Python's handler: KeyboardInterrupt at the next check
  }
}

/// While alive, Ctrl-C also stops runs going on this process's threads with the GIL released.
/// Reference-counted, so that concurrent runs from several Python threads install the handler
/// once and restore Python's when the last one ends.
class ForwardInterrupts {
 public:
  ForwardInterrupts() {
    const std::lock_guard<std::mutex> lock(forwarding_mutex);
    if (forwarding_depth++ > 0) return;
    struct sigaction forward {};
    forward.sa_handler = forward_sigint;
    sigemptyset(&forward.sa_mask);
    sigaction(SIGINT, &forward, &previous_sigint);
  }
  ~ForwardInterrupts() {
    const std::lock_guard<std::mutex> lock(forwarding_mutex);
    if (--forwarding_depth == 0) sigaction(SIGINT, &previous_sigint, nullptr);
  }
  ForwardInterrupts(const ForwardInterrupts&) = delete;
  ForwardInterrupts& operator=(const ForwardInterrupts&) = delete;
};

/// Runs the batch on the calling thread; true if Ctrl-C stopped it.
bool run_inline(const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                const SolverConfig& solver, std::vector<RunRecord>& records,
                std::vector<std::exception_ptr>& errors) {
  {
    py::gil_scoped_release release;
    const ForwardInterrupts forwarding;
    for (std::size_t i = 0; i < scenarios.size() && !interrupt_flag().load(); ++i) {
      try {
        records[i] = model().run(*scenarios[i], solver);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  }
  if (!interrupt_flag().exchange(false)) return false;
  // Python's handler noted the signal; without one (an embedding that installs none), raise here.
  if (PyErr_CheckSignals() == 0) PyErr_SetNone(PyExc_KeyboardInterrupt);
  return true;
}

}  // namespace

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
  if (threads == 1) {
    interrupted = run_inline(scenarios, solver, records, errors);
  } else {
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
