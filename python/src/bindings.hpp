// Shared declarations of the pybind11 module myoflux._core: the handles that Python objects hold
// and one bind_* function per file. The pure-Python package (python/myoflux) wraps these; users
// never touch _core directly.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model_adapter.hpp"
#include "engine/provenance.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/solver/solver_config.hpp"
#include "engine/store/result_file.hpp"

namespace myoflux::python {

namespace py = pybind11;

/// How a scenario was obtained, so that `with_` can reload it with more --set style overrides
/// (overrides act on the document before checking, exactly as on the command line).
struct ScenarioOrigin {
  /// file: a scenario file; text: YAML text; study_arm: one arm of a study (its text).
  enum class Kind { file, text, study_arm };
  Kind kind = Kind::text;
  std::string path;  // file
  std::string text;  // text, study_arm
  std::string name;  // text, study_arm: stands in for the file name in messages
  std::string base_dir = ".";
  std::string arm;  // study_arm
  std::vector<FieldOverride> sets;
};

/// A compiled scenario plus its origin. Immutable once built; shared by Python objects and by
/// the threads of run_many.
struct ScenarioHandle {
  std::shared_ptr<const Scenario> compiled;
  ScenarioOrigin origin;
};

/// One run: the record the model produced (or the file held), plus what the file said about
/// itself when it came from read_h5. Held by shared_ptr so numpy views can keep it alive.
struct RunHandle {
  RunRecord record;
  std::optional<Provenance> provenance;
  std::vector<std::pair<std::string, std::string>> file_labels;
};

/// Loads the scenario an origin describes (throws ScenarioError / InputError).
ScenarioHandle load_origin(ScenarioOrigin origin);

/// The model behind the Python API (the protein balance model; const, shared by all threads).
const ModelAdapter& model();

/// Runs every scenario with the model on `threads` C++ threads (0: one per core) with the GIL
/// released; the calling thread waits and checks for Ctrl-C (KeyboardInterrupt stops the runs
/// through the engine's interrupt flag). Call with the GIL held. Rethrows the first exception in
/// input order; with `check`, a run whose solver failed is a SimulationError naming the
/// scenario, without it the partial result is returned with its status.
std::vector<RunRecord> run_scenarios(const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                                     const SolverConfig& solver, unsigned threads, bool check);

/// max_output as Python gives it to run, run_many and sweep: None (the default limit of
/// engine/output_size.hpp), a size text ("5 GB") or a number of bytes.
std::uintmax_t max_output_bytes(const py::object& max_output);

/// Rows of a name/value/unit/note table as (name, value, unit, note) tuples.
py::list table_rows(const Table& table);
/// SolverConfig as a dict with the C++ field names.
py::dict solver_dict(const SolverConfig& config);

void bind_errors(py::module_& m);
void bind_scenario(py::module_& m);
void bind_result(py::module_& m);
void bind_model(py::module_& m);
void bind_store(py::module_& m);
void bind_sweep(py::module_& m);
void bind_functions(py::module_& m);
/// Pickle support for the Scenario and Run handles (after bind_scenario and bind_result).
void bind_pickling(py::module_& m);

}  // namespace myoflux::python
