// The model behind the Python API: its parameter and output tables, solver settings, runs
// (one, or many on C++ threads), the summary of a run and the virtual experiments.
#include <pybind11/stl.h>

#include "engine/error.hpp"
#include "engine/output_size.hpp"
#include "engine/solver/simulation.hpp"
#include "models/protein_balance/adapter.hpp"
#include "models/protein_balance/experiments/feeding_data.hpp"
#include "models/protein_balance/experiments/study_runner.hpp"
#include "python/src/bindings.hpp"
#include "python/src/fields.hpp"

namespace myoflux::python {
namespace {

/// Sets one solver setting from Python (the field's own type).
template <class F>
void set_from_python(F& field, const py::handle& value) {
  if constexpr (std::is_same_v<F, Method>) {
    field = parse_method(value.cast<std::string>());  // throws, naming the choices
  } else {
    field = value.cast<F>();
  }
}

/// Python may set every described solver setting but the absolute tolerances: they scale with
/// rtol, as `myoflux run --rtol` does.
bool settable(const Field& f) {
  return f.name != "atol" && f.name != "atol_per_state";
}

/// The model's recommended settings changed by the keys of `options` (None: unchanged).
SolverConfig solver_from(const py::object& options) {
  SolverConfig c = model().default_solver();
  if (options.is_none()) return c;
  const double default_rtol = c.rtol;
  for (const auto& item : options.cast<py::dict>()) {
    const std::string key = item.first.cast<std::string>();
    const py::handle value = item.second;  // a named variable: lambdas cannot capture bindings
    bool known = false;
    std::string names;
    for_each_field(c, [&](const Field& f, auto& field) {
      if (!settable(f)) return;
      names += (names.empty() ? "" : ", ") + std::string(f.name);
      if (f.name != key) return;
      known = true;
      set_from_python(field, value);
    });
    if (!known)
      throw InputError("unknown solver setting '" + key + "'; known: " + names +
                       " (e.g. solver={\"method\": \"dopri5\", \"rtol\": 1e-5})");
    if (key == "rtol") {
      if (!(c.rtol > 0.0 && c.rtol < 1.0))
        throw InputError("solver rtol must lie in (0, 1), got " + std::to_string(c.rtol));
      const double factor = c.rtol / default_rtol;
      for (double& a : c.atol_per_state) a *= factor;
      c.atol *= factor;
    }
  }
  return c;
}

/// (name, unit, meaning, the model's default) of each setting Python may change: the docstrings
/// of run() and run_many() are written from it.
py::list solver_options() {
  py::list rows;
  const SolverConfig defaults = model().default_solver();
  for_each_field(defaults, [&](const Field& f, const auto& value) {
    if (settable(f))
      rows.append(py::make_tuple(std::string(f.name), std::string(f.unit), std::string(f.doc),
                                 to_python(value)));
  });
  return rows;
}

}  // namespace

std::uintmax_t max_output_bytes(const py::object& max_output) {
  if (max_output.is_none()) return kDefaultMaxOutputBytes;
  if (py::isinstance<py::str>(max_output))
    return parse_size(max_output.cast<std::string>(), AskedFrom::python);
  if (py::isinstance<py::int_>(max_output) && !py::isinstance<py::bool_>(max_output) &&
      max_output.cast<long long>() >= 0)
    return static_cast<std::uintmax_t>(max_output.cast<long long>());
  throw InputError("max_output needs a size such as \"5 GB\" or a number of bytes, got " +
                   py::repr(max_output).cast<std::string>());
}

namespace {

std::vector<std::shared_ptr<RunHandle>> run_handles(const std::vector<ScenarioHandle>& scenarios,
                                                    const py::object& solver, unsigned threads,
                                                    bool check, const py::object& max_output) {
  std::vector<std::shared_ptr<const Scenario>> compiled;
  std::vector<const Scenario*> planned;
  for (const ScenarioHandle& h : scenarios) {
    compiled.push_back(h.compiled);
    planned.push_back(h.compiled.get());
  }
  check_runs_output(planned, model().outputs().size(), max_output_bytes(max_output),
                    AskedFrom::python);
  std::vector<RunRecord> records = run_scenarios(compiled, solver_from(solver), threads, check);
  std::vector<std::shared_ptr<RunHandle>> out;
  for (RunRecord& r : records)
    out.push_back(std::make_shared<RunHandle>(RunHandle{std::move(r), {}, {}}));
  return out;
}

py::dict validation_dict(const ValidationReport& report) {
  py::dict d;
  d["rows"] = to_python(report.rows);
  d["series"] = to_python(report.series);
  return d;
}

/// The fields of the records Python shows, by name: for docstrings and table columns.
py::list fields_of_record(const std::string& record) {
  if (record == "solver_settings") return field_rows<SolverConfig>();
  if (record == "solver_stats") return field_rows<SolverStats>();
  if (record == "validation_row") return field_rows<ValidationRow>();
  if (record == "plot_series") return field_rows<PlotSeries>();
  if (record == "parameter") return field_rows<ParameterInfo>();
  if (record == "output") return field_rows<VariableInfo>();
  throw InputError("no record '" + record + "'");
}

}  // namespace

const ModelAdapter& model() {
  static const protein_balance::Adapter adapter;
  return adapter;
}

void bind_model(py::module_& m) {
  m.def("scenario_dir", [] { return protein_balance::default_scenario_dir().string(); });
  m.def("feeding_data_path", [] { return protein_balance::default_feeding_data_path().string(); });
  m.def("model_name", [] { return std::string(model().name()); });
  m.def("parameters", [] { return to_tuples(model().parameters()); });
  m.def("outputs", [] { return to_tuples(model().outputs()); });
  m.def("fields", &fields_of_record, py::arg("record"));
  m.def("solver_options", &solver_options);
  m.def("default_solver", [] { return solver_dict(model().default_solver()); });
  m.def("solver_settings",
        [](const py::object& options) { return solver_dict(solver_from(options)); });
  m.def(
      "run",
      [](const ScenarioHandle& scenario, const py::object& solver, bool check,
         const py::object& max_output) {
        return run_handles({scenario}, solver, 1, check, max_output).front();
      },
      py::arg("scenario"), py::arg("solver") = py::none(), py::arg("check") = true,
      py::arg("max_output") = py::none());
  m.def("run_many", &run_handles, py::arg("scenarios"), py::arg("solver") = py::none(),
        py::arg("threads") = 0, py::arg("check") = true, py::arg("max_output") = py::none());
  m.def("summarize", [](const RunHandle& run) {
    Table t;
    {
      py::gil_scoped_release release;
      t = model().summarize(run.record.result);
    }
    return table_rows(t);
  });
  m.def("validate", [] {
    ValidationReport report;
    {
      py::gil_scoped_release release;
      report = model().validate({});
    }
    return validation_dict(report);
  });
}

}  // namespace myoflux::python
