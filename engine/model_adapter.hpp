// What the CLI, the Python module and the sweep runner need from a model, without knowing its
// types: its parameter table, its outputs, a way to run a compiled scenario, and a summary of a
// run. models/ implements it; engine/ code depends only on this interface.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fields.hpp"
#include "engine/file_kind.hpp"
#include "engine/model_functions.hpp"
#include "engine/result.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/solver/solver_config.hpp"
#include "engine/store/result_file.hpp"
#include "engine/table_row.hpp"
#include "engine/validation_report.hpp"

namespace myoflux {

struct ParameterInfo {
  std::string name;
  double value = 0.0;  // default
  std::string unit;
  double min = 0.0;  // valid range, inclusive
  double max = 0.0;
  std::string source;  // paper, or "fitted to TARGETS.md ..."
  std::string description;
};

template <>
struct Fields<ParameterInfo> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"name", "", "the parameter's name"}, r.name...);
    v(Field{"value", "", "its default, in its unit"}, r.value...);
    v(Field{"unit", "", "its unit"}, r.unit...);
    v(Field{"min", "", "lowest valid value, in its unit"}, r.min...);
    v(Field{"max", "", "highest valid value, in its unit"}, r.max...);
    v(Field{"source", "", "the paper, or how it was fitted"}, r.source...);
    v(Field{"description", "", "what it means"}, r.description...);
  }
};

/// How much of a RunRecord ModelAdapter::run fills in: everything a result file holds, or only
/// the result and its summary (a sweep keeps endpoints and trajectories, and with one-day runs
/// the subject and parameter tables would cost more than the simulation).
enum class RecordDetail { full, result_and_summary };

class ModelAdapter {
 public:
  virtual ~ModelAdapter() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<ParameterInfo> parameters() const = 0;
  virtual std::vector<VariableInfo> outputs() const = 0;
  /// The solver settings the model recommends (method and tolerances chosen by measurement).
  virtual SolverConfig default_solver() const = 0;
  /// Simulates a compiled scenario, applying its parameter overrides. Throws InputError (with the
  /// override's file:line:column) for unknown parameters or values outside their range. A solver
  /// failure is reported in the result's stats, not thrown.
  virtual RunRecord run(const Scenario& scenario, const SolverConfig& solver,
                        RecordDetail detail) const = 0;
  RunRecord run(const Scenario& scenario, const SolverConfig& solver) const {
    return run(scenario, solver, RecordDetail::full);
  }
  /// The model's equations for a scenario's subject and parameter overrides, as plain functions
  /// (for other integrators: Python, SciPy, SUNDIALS). Throws like run() for bad overrides.
  virtual std::unique_ptr<ModelFunctions> functions(const Scenario& scenario) const = 0;
  /// Endpoints of a run: CSA change, mean daily net protein balance, peak CK, ...
  virtual Table summarize(const Result& result) const = 0;
  /// Runs the model's virtual experiments against their published targets; `progress` is called
  /// with (done, total) after each. A model without experiments reports none.
  virtual ValidationReport validate(
      const std::function<void(std::size_t, std::size_t)>& /*progress*/) const {
    return {};
  }
  /// The model's sweat estimate (L/h) for a segment of a scenario (its subject and parameter
  /// overrides), for the fluid balance `myoflux check` shows; empty for a model without one.
  struct SweatEstimate {
    std::function<double(const TimelineSegment&)> l_per_h;
    std::string note;  // what it assumes, e.g. " at 20 degC"
  };
  virtual SweatEstimate sweat_estimate(const Scenario& /*scenario*/) const { return {}; }
  /// The model's own kinds of data file (engine/file_kind.hpp), so that `myoflux check`
  /// recognises and explains them beside scenarios, studies and sweep specs.
  virtual std::vector<FileKind> file_kinds() const { return {}; }
};

}  // namespace myoflux
