// Sweeps for Python: a sweep file or dict run in memory (arrays for an xarray Dataset) or into a
// sweep folder (read back lazily by myoflux.read_sweep). The runs go on C++ threads with the GIL
// released; the calling thread wakes every 100 ms so that Ctrl-C (KeyboardInterrupt) stops them.
#include <Python.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

#include "engine/interrupt.hpp"
#include "engine/sweep/directory.hpp"
#include "engine/sweep/output_limit.hpp"
#include "engine/sweep/plan.hpp"
#include "engine/sweep/runner.hpp"
#include "python/src/bindings.hpp"
#include "python/src/fields.hpp"

namespace myoflux::python {
namespace {

/// Runs `work` on a C++ thread with the GIL released; Ctrl-C sets the engine's interrupt flag,
/// waits for the runs to stop and raises KeyboardInterrupt. Call with the GIL held.
template <typename Work>
void run_interruptible(Work work) {
  std::exception_ptr error;
  bool interrupted = false;
  {
    py::gil_scoped_release release;
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        error = std::current_exception();
      }
      const std::lock_guard<std::mutex> lock(mutex);
      done = true;
      cv.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex);
    while (!cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return done; })) {
      if (interrupted) continue;
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        interrupted = PyErr_CheckSignals() != 0;  // KeyboardInterrupt is now pending
      }
      if (interrupted) interrupt_flag().store(true);
      lock.lock();
    }
    lock.unlock();
    worker.join();
    if (interrupted) interrupt_flag().store(false);
  }
  if (interrupted) throw py::error_already_set();
  if (error) std::rethrow_exception(error);
}

/// The sweep, refused before anything runs when its tables would exceed max_output.
sweep::SweepPlan make_plan(const std::string& text, const std::string& name,
                           const std::string& base_dir, const py::object& max_output) {
  sweep::SweepPlan plan(sweep::sweep_spec_from_yaml(text, name, base_dir, model()), model());
  sweep::check_sweep_output(plan, model(), max_output_bytes(max_output), "the sweep " + name,
                            AskedFrom::python);
  return plan;
}

py::dict layout_dict(const sweep::SweepLayout& l) {
  py::dict d;
  d["name"] = l.name;
  d["description"] = l.description;
  d["fingerprint"] = l.fingerprint;
  d["spec"] = l.spec_text;
  d["seed"] = l.seed;
  d["runs"] = l.run_count;
  d["endpoints"] = to_tuples(l.endpoints);
  py::list coordinates;
  for (const sweep::Coordinate& c : l.coordinates)
    coordinates.append(py::make_tuple(c.name, c.unit, c.labels, c.groups));
  d["coordinates"] = coordinates;
  d["trajectory_outputs"] = to_tuples(l.trajectory_outputs);
  d["trajectory_time"] = py::array_t<double>(static_cast<py::ssize_t>(l.trajectory_times_h.size()),
                                             l.trajectory_times_h.data());
  d["status_labels"] = sweep::status_labels();
  return d;
}

/// The chunks' rows as whole arrays, in run order.
py::dict arrays_of(const sweep::SweepLayout& l, const std::vector<sweep::ChunkResult>& chunks) {
  const auto n = static_cast<py::ssize_t>(l.run_count);
  const auto e = static_cast<py::ssize_t>(l.endpoints.size());
  const auto t = static_cast<py::ssize_t>(l.trajectory_times_h.size());
  py::array_t<double> endpoints({n, e});
  py::array_t<std::int8_t> status(n);
  py::array_t<std::int64_t> steps(n);
  std::vector<py::array_t<double>> coordinates, trajectories;
  for (std::size_t c = 0; c < l.coordinates.size(); ++c) coordinates.emplace_back(n);
  for (std::size_t k = 0; k < l.trajectory_outputs.size(); ++k)
    trajectories.emplace_back(std::vector<py::ssize_t>{n, t});
  py::list failures;
  for (const sweep::ChunkResult& chunk : chunks) {
    const auto first = static_cast<std::size_t>(chunk.first_run);
    std::copy(chunk.endpoints.begin(), chunk.endpoints.end(),
              endpoints.mutable_data() + first * static_cast<std::size_t>(e));
    std::copy(chunk.status.begin(), chunk.status.end(), status.mutable_data() + first);
    std::copy(chunk.steps.begin(), chunk.steps.end(), steps.mutable_data() + first);
    for (std::size_t c = 0; c < coordinates.size(); ++c)
      std::copy(chunk.coordinates[c].begin(), chunk.coordinates[c].end(),
                coordinates[c].mutable_data() + first);
    for (std::size_t k = 0; k < trajectories.size(); ++k)
      std::copy(chunk.trajectories[k].begin(), chunk.trajectories[k].end(),
                trajectories[k].mutable_data() + first * static_cast<std::size_t>(t));
    for (const sweep::RunFailure& f : chunk.failures)
      failures.append(py::make_tuple(f.run, f.status, f.message));
  }
  py::dict d;
  d["endpoints"] = endpoints;
  d["status"] = status;
  d["steps"] = steps;
  d["coordinates"] = coordinates;
  d["trajectories"] = trajectories;
  d["failures"] = failures;
  return d;
}

py::dict sweep_in_memory(const std::string& text, const std::string& name,
                         const std::string& base_dir, unsigned threads,
                         const py::object& max_output) {
  const sweep::SweepPlan plan = make_plan(text, name, base_dir, max_output);
  std::vector<sweep::ChunkResult> chunks(static_cast<std::size_t>(plan.chunk_count()));
  run_interruptible([&] {
    std::vector<std::int64_t> all(chunks.size());
    std::iota(all.begin(), all.end(), 0);
    sweep::ListQueue queue(all);
    std::mutex mutex;
    sweep::RunnerCallbacks callbacks;
    callbacks.finished = [&](sweep::ChunkResult&& c) {
      const std::lock_guard<std::mutex> lock(mutex);
      chunks[static_cast<std::size_t>(c.chunk)] = std::move(c);
    };
    sweep::run_chunks(plan, model(), queue, threads, callbacks);
  });
  const sweep::SweepLayout layout = sweep::layout_of(plan);
  py::dict d = arrays_of(layout, chunks);
  d["layout"] = layout_dict(layout);
  return d;
}

std::string sweep_to_folder(const std::string& text, const std::string& name,
                            const std::string& base_dir, unsigned threads,
                            const std::string& output, bool resume,
                            const py::object& max_output) {
  const sweep::SweepPlan plan = make_plan(text, name, base_dir, max_output);
  sweep::SweepDirectory directory(plan, output,
                                  "python: myoflux.sweep(..., output=" + output + ")");
  directory.prepare(resume, {}, true);
  for (const std::string& warning : directory.warnings())
    if (PyErr_WarnEx(PyExc_RuntimeWarning, warning.c_str(), 1) < 0) throw py::error_already_set();
  std::string index;
  run_interruptible([&] {
    sweep::ListQueue queue(directory.to_run());
    sweep::RunnerCallbacks callbacks;
    callbacks.hash_of = [&](std::int64_t c) { return directory.chunk_hash(c); };
    callbacks.finished = [&](sweep::ChunkResult&& c) { directory.finished(std::move(c)); };
    const bool complete = sweep::run_chunks(plan, model(), queue, threads, callbacks);
    directory.save_manifest();
    if (complete) index = directory.finish().index.string();
  });
  return index;
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def("sweep_in_memory", &sweep_in_memory, py::arg("text"), py::arg("name"), py::arg("base_dir"),
        py::arg("threads"), py::arg("max_output") = py::none());
  m.def("sweep_to_folder", &sweep_to_folder, py::arg("text"), py::arg("name"), py::arg("base_dir"),
        py::arg("threads"), py::arg("output"), py::arg("resume"),
        py::arg("max_output") = py::none());
  m.def("sweep_status_labels", [] { return sweep::status_labels(); });
}

}  // namespace myoflux::python
