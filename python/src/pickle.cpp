// Pickling for the compiled handles, so that Scenario, Study and Result (which hold them) cross
// process boundaries: multiprocessing with spawn, concurrent.futures.ProcessPoolExecutor, Dask.
// A scenario travels as its origin (file, text or study arm, plus the overrides) and is loaded
// and checked again on arrival, exactly as `with_` does; a run travels as its data: times,
// values, variables, tables, metadata (solver settings and statistics) and the file's provenance.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <variant>

#include "python/src/bindings.hpp"

namespace myoflux::python {
namespace {

using Kind = ScenarioOrigin::Kind;
constexpr int kStateVersion = 1;

py::tuple scenario_state(const ScenarioHandle& h) {
  const ScenarioOrigin& o = h.origin;
  std::vector<std::pair<std::string, std::string>> sets;
  for (const FieldOverride& f : o.sets) sets.emplace_back(f.path, f.value);
  // A file is named absolutely: the unpickling process may run in another folder.
  std::error_code ec;
  const std::string path =
      o.kind == Kind::file ? std::filesystem::absolute(o.path, ec).string() : o.path;
  const std::string base =
      o.base_dir.empty() ? o.base_dir : std::filesystem::absolute(o.base_dir, ec).string();
  return py::make_tuple(kStateVersion, static_cast<int>(o.kind), path, o.text, o.name, base, o.arm,
                        sets);
}

ScenarioHandle scenario_from_state(const py::tuple& t) {
  if (t.size() != 8 || t[0].cast<int>() != kStateVersion)
    throw InputError("cannot unpickle a Scenario pickled by another myoflux version");
  ScenarioOrigin o;
  o.kind = static_cast<Kind>(t[1].cast<int>());
  o.path = t[2].cast<std::string>();
  o.text = t[3].cast<std::string>();
  o.name = t[4].cast<std::string>();
  o.base_dir = t[5].cast<std::string>();
  o.arm = t[6].cast<std::string>();
  for (const auto& [path, value] : t[7].cast<std::vector<std::pair<std::string, std::string>>>())
    o.sets.push_back({path, value});
  return load_origin(std::move(o));
}

py::list table_state(const Table& table) {
  py::list rows;
  for (const TableRow& r : table)
    rows.append(py::make_tuple(r.name, r.value, r.unit, r.note, r.headline));
  return rows;
}

Table table_from_state(const py::handle& rows) {
  Table table;
  for (const py::handle& r : rows) {
    const py::tuple t = r.cast<py::tuple>();
    table.push_back({t[0].cast<std::string>(), t[1].cast<double>(), t[2].cast<std::string>(),
                     t[3].cast<std::string>(), t[4].cast<bool>()});
  }
  return table;
}

/// A metadata value as (type index, value), so that bool, integer and float come back as such.
py::tuple value_state(const FieldValue& value) {
  return std::visit([&](const auto& v) { return py::make_tuple(value.index(), py::cast(v)); },
                    value);
}

FieldValue value_from_state(const py::tuple& t) {
  switch (t[0].cast<int>()) {
    case 0:
      return t[1].cast<double>();
    case 1:
      return t[1].cast<long long>();
    case 2:
      return t[1].cast<bool>();
    case 3:
      return t[1].cast<std::string>();
    default:
      return t[1].cast<std::vector<double>>();
  }
}

py::tuple run_state(const RunHandle& h) {
  const RunRecord& rec = h.record;
  const Result& r = rec.result;
  py::list variables;
  for (const VariableInfo& v : r.variables)
    variables.append(py::make_tuple(v.name, v.unit, v.description));
  py::list metadata;
  for (const MetadataEntry& e : r.metadata)
    metadata.append(py::make_tuple(e.name, value_state(e.value), e.unit, e.doc, e.in_files));
  py::object provenance = py::none();
  if (h.provenance) {
    const Provenance& p = *h.provenance;
    provenance = py::make_tuple(p.myoflux_version, p.git_commit, p.git_dirty, p.build,
                                p.created_utc, p.command_line);
  }
  // Copies of the arrays: a pickle owns its bytes.
  py::array_t<double> time(r.time_h.size(), r.time_h.data());
  py::array_t<double> values({r.values.rows(), r.values.cols()}, r.values.data());
  return py::make_tuple(kStateVersion, rec.id, time, values, variables, rec.labels,
                        rec.scenario_text, rec.scenario_source, table_state(rec.subject),
                        table_state(rec.parameters), table_state(rec.summary), metadata,
                        provenance, h.file_labels);
}

std::shared_ptr<RunHandle> run_from_state(const py::tuple& t) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  if (t.size() != 14 || t[0].cast<int>() != kStateVersion)
    throw InputError("cannot unpickle a Result pickled by another myoflux version");
  auto h = std::make_shared<RunHandle>();
  RunRecord& rec = h->record;
  Result& r = rec.result;
  rec.id = t[1].cast<std::string>();
  const auto time = t[2].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
  const auto values = t[3].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
  if (values.ndim() != 2 || values.shape(0) != time.size())
    throw InputError("cannot unpickle a Result: its values do not match its times");
  r.time_h = Eigen::Map<const Eigen::VectorXd>(time.data(), time.size());
  r.values = Eigen::Map<const RowMajorMatrix>(values.data(), values.shape(0), values.shape(1));
  for (const py::handle& v : t[4]) {
    const py::tuple f = v.cast<py::tuple>();
    r.variables.push_back(
        {f[0].cast<std::string>(), f[1].cast<std::string>(), f[2].cast<std::string>()});
  }
  rec.labels = t[5].cast<Pairs>();
  rec.scenario_text = t[6].cast<std::string>();
  rec.scenario_source = t[7].cast<std::string>();
  rec.subject = table_from_state(t[8]);
  rec.parameters = table_from_state(t[9]);
  rec.summary = table_from_state(t[10]);
  for (const py::handle& m : t[11]) {
    const py::tuple e = m.cast<py::tuple>();
    r.metadata.push_back({e[0].cast<std::string>(), value_from_state(e[1].cast<py::tuple>()),
                          e[2].cast<std::string>(), e[3].cast<std::string>(), e[4].cast<bool>()});
  }
  if (!t[12].is_none()) {
    const py::tuple p = t[12].cast<py::tuple>();
    h->provenance = Provenance{p[0].cast<std::string>(), p[1].cast<std::string>(),
                               p[2].cast<bool>(),        p[3].cast<std::string>(),
                               p[4].cast<std::string>(), p[5].cast<std::string>()};
  }
  h->file_labels = t[13].cast<Pairs>();
  return h;
}

}  // namespace

void bind_pickling(py::module_& m) {
  auto scenario = py::reinterpret_borrow<py::class_<ScenarioHandle, std::shared_ptr<ScenarioHandle>>>(
      m.attr("Scenario"));
  scenario.def(py::pickle([](const ScenarioHandle& h) { return scenario_state(h); },
                          [](const py::tuple& t) { return scenario_from_state(t); }));
  auto run = py::reinterpret_borrow<py::class_<RunHandle, std::shared_ptr<RunHandle>>>(
      m.attr("Run"));
  run.def(py::pickle([](const RunHandle& h) { return run_state(h); },
                     [](const py::tuple& t) { return run_from_state(t); }));
}

}  // namespace myoflux::python
