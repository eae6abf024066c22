// A run's results for Python: time and values as numpy arrays that point into the C++ Result
// (zero copy: the array's base object is the run, which keeps the memory alive), variable
// names and units, solver settings and statistics, and the stored tables and provenance.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "engine/solver/simulation.hpp"
#include "python/src/bindings.hpp"
#include "python/src/fields.hpp"

namespace myoflux::python {
namespace {

// Read-only, because several arrays and the HDF5 writer may share the same memory.
py::array view(const double* data, std::vector<py::ssize_t> shape, std::vector<py::ssize_t> strides,
               py::handle owner) {
  py::array a(py::dtype::of<double>(), std::move(shape), std::move(strides), data, owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

py::dict stats_dict(const SolverStats& s) {
  py::dict d;
  d["status"] = py::none();  // its place before "ok"; set with the other fields below
  d["ok"] = s.ok();
  return to_dict(s, d);
}

}  // namespace

py::list table_rows(const Table& table) {
  py::list rows;
  for (const TableRow& r : table) rows.append(py::make_tuple(r.name, r.value, r.unit, r.note));
  return rows;
}

py::dict solver_dict(const SolverConfig& c) {
  return to_dict(c);
}

void bind_result(py::module_& m) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  py::class_<RunHandle, std::shared_ptr<RunHandle>>(m, "Run")
      .def_property_readonly("time_h",
                             [](py::object self) {
                               const Result& r = self.cast<const RunHandle&>().record.result;
                               return view(r.time_h.data(), {r.time_h.size()},
                                           {static_cast<py::ssize_t>(sizeof(double))}, self);
                             })
      .def_property_readonly("values",
                             [](py::object self) {
                               const Result& r = self.cast<const RunHandle&>().record.result;
                               const auto row =
                                   static_cast<py::ssize_t>(sizeof(double)) * r.values.cols();
                               return view(r.values.data(), {r.values.rows(), r.values.cols()},
                                           {row, static_cast<py::ssize_t>(sizeof(double))}, self);
                             })
      .def_property_readonly(
          "_values_address",
          [](const RunHandle& h) {
            return reinterpret_cast<std::uintptr_t>(h.record.result.values.data());
          })
      .def_property_readonly(
          "variables", [](const RunHandle& h) { return to_tuples(h.record.result.variables); })
      .def("index",
           [](const RunHandle& h, const std::string& name) { return h.record.result.index(name); })
      .def_property_readonly(
          "stats", [](const RunHandle& h) { return stats_dict(solver_stats(h.record.result)); })
      .def_property_readonly(
          "solver",
          [](const RunHandle& h) { return solver_dict(solver_settings(h.record.result)); })
      .def_property_readonly("run_id", [](const RunHandle& h) { return h.record.id; })
      .def_property_readonly("labels", [](const RunHandle& h) { return h.record.labels; })
      .def_property_readonly("scenario_text",
                             [](const RunHandle& h) { return h.record.scenario_text; })
      .def_property_readonly("scenario_source",
                             [](const RunHandle& h) { return h.record.scenario_source; })
      .def_property_readonly("subject",
                             [](const RunHandle& h) { return table_rows(h.record.subject); })
      .def_property_readonly("parameters",
                             [](const RunHandle& h) { return table_rows(h.record.parameters); })
      .def_property_readonly("summary",
                             [](const RunHandle& h) { return table_rows(h.record.summary); })
      .def_property_readonly("provenance",
                             [](const RunHandle& h) -> py::object {
                               if (!h.provenance) return py::none();
                               return to_dict(*h.provenance);
                             })
      .def_property_readonly("file_labels",
                             [](const RunHandle& h) -> Pairs { return h.file_labels; });
}

}  // namespace myoflux::python
