// The model behind the Python API: its parameter and output tables, solver settings, runs
// (one, or many on C++ threads), the summary of a run and the virtual experiments.
#include <pybind11/stl.h>

#include "engine/error.hpp"
#include "models/protein_balance/adapter.hpp"
#include "models/protein_balance/experiments/feeding_data.hpp"
#include "models/protein_balance/experiments/study_runner.hpp"
#include "python/src/bindings.hpp"

namespace myoflux::python {
namespace {

/// The model's recommended settings changed by the keys of `options` (None: unchanged).
/// rtol scales the absolute tolerances with it, as `myoflux run --rtol` does.
SolverConfig solver_from(const py::object& options) {
  SolverConfig c = model().default_solver();
  if (options.is_none()) return c;
  for (const auto& [key_handle, value] : options.cast<py::dict>()) {
    const std::string key = key_handle.cast<std::string>();
    if (key == "method") {
      c.method = parse_method(value.cast<std::string>());
    } else if (key == "rtol") {
      const double rtol = value.cast<double>();
      if (!(rtol > 0.0 && rtol < 1.0))
        throw InputError("solver rtol must lie in (0, 1), got " + std::to_string(rtol));
      const double factor = rtol / c.rtol;
      for (double& a : c.atol_per_state) a *= factor;
      c.atol *= factor;
      c.rtol = rtol;
    } else if (key == "max_step_h") {
      c.max_step_h = value.cast<double>();
    } else if (key == "initial_step_h") {
      c.initial_step_h = value.cast<double>();
    } else if (key == "max_steps") {
      c.max_steps = value.cast<long>();
    } else if (key == "sample_breakpoints") {
      c.sample_breakpoints = value.cast<bool>();
    } else {
      throw InputError("unknown solver setting '" + key +
                       "'; known: method, rtol, max_step_h, initial_step_h, max_steps, "
                       "sample_breakpoints (e.g. solver={\"method\": \"dopri5\", \"rtol\": 1e-5})");
    }
  }
  return c;
}

std::vector<std::shared_ptr<RunHandle>> run_handles(const std::vector<ScenarioHandle>& scenarios,
                                                    const py::object& solver, unsigned threads,
                                                    bool check) {
  std::vector<std::shared_ptr<const Scenario>> compiled;
  for (const ScenarioHandle& h : scenarios) compiled.push_back(h.compiled);
  std::vector<RunRecord> records = run_scenarios(compiled, solver_from(solver), threads, check);
  std::vector<std::shared_ptr<RunHandle>> out;
  for (RunRecord& r : records)
    out.push_back(std::make_shared<RunHandle>(RunHandle{std::move(r), {}, {}}));
  return out;
}

py::dict validation_dict(const ValidationReport& report) {
  py::list rows, series;
  for (const ValidationRow& r : report.rows) {
    py::dict d;
    d["id"] = r.id;
    d["section"] = r.section;
    d["what"] = r.what;
    d["source"] = r.source;
    d["published"] = r.published;
    d["model"] = r.model;
    d["tolerance"] = r.tolerance;
    d["pass"] = r.pass;
    d["note"] = r.note;
    rows.append(d);
  }
  for (const PlotSeries& s : report.series) {
    py::dict d;
    d["figure"] = s.figure;
    d["title"] = s.title;
    d["x_label"] = s.x_label;
    d["y_label"] = s.y_label;
    d["label"] = s.label;
    d["points"] = s.points;
    d["x"] = s.x;
    d["y"] = s.y;
    d["y_error"] = s.y_error;
    series.append(d);
  }
  py::dict d;
  d["rows"] = rows;
  d["series"] = series;
  return d;
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
  m.def("parameters", [] {
    std::vector<py::tuple> rows;
    for (const ParameterInfo& p : model().parameters())
      rows.push_back(
          py::make_tuple(p.name, p.value, p.unit, p.min, p.max, p.source, p.description));
    return rows;
  });
  m.def("outputs", [] {
    std::vector<py::tuple> rows;
    for (const VariableInfo& v : model().outputs())
      rows.push_back(py::make_tuple(v.name, v.unit, v.description));
    return rows;
  });
  m.def("default_solver", [] { return solver_dict(model().default_solver()); });
  m.def("solver_settings",
        [](const py::object& options) { return solver_dict(solver_from(options)); });
  m.def(
      "run",
      [](const ScenarioHandle& scenario, const py::object& solver, bool check) {
        return run_handles({scenario}, solver, 1, check).front();
      },
      py::arg("scenario"), py::arg("solver") = py::none(), py::arg("check") = true);
  m.def("run_many", &run_handles, py::arg("scenarios"), py::arg("solver") = py::none(),
        py::arg("threads") = 0, py::arg("check") = true);
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
