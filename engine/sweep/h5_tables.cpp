// The datasets chunk files and the index share, with their names, units and labels.
#include "engine/sweep/h5_tables.hpp"

#include <algorithm>
#include <cstring>

#include "engine/error.hpp"

namespace myoflux::sweep {

namespace {

void check(herr_t status, const std::string& what) {
  if (status < 0) throw SimulationError("HDF5: " + what + " failed");
}

/// Failure rows as stored: fixed-size so that a virtual dataset can map them.
struct RawFailure {
  std::int64_t run;
  std::int8_t status;
  char message[kMessageBytes];
};

h5::Handle simple_space(std::initializer_list<hsize_t> dims) {
  const std::vector<hsize_t> d(dims);
  return h5::Handle(H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr), H5Sclose,
                    "dataspace");
}

template <typename T>
void write_1d(hid_t parent, const std::string& name, hid_t file_type, hid_t memory_type,
              const std::vector<T>& data) {
  h5::Handle space = simple_space({data.size()});
  h5::Handle ds(
      H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      H5Dclose, "create dataset " + name);
  if (!data.empty())
    check(H5Dwrite(ds, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "write " + name);
}

template <typename T>
std::vector<T> read_1d(hid_t parent, const std::string& name, hid_t memory_type) {
  if (!h5::exists(parent, name)) throw InputError("HDF5: dataset '" + name + "' is missing");
  h5::Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
  h5::Handle space(H5Dget_space(ds), H5Sclose, "dataspace");
  std::vector<T> out(h5::checked_count(ds, space, sizeof(T), name));
  if (!out.empty())
    check(H5Dread(ds, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "read " + name);
  return out;
}

}  // namespace

// HDF5 cannot write an empty array attribute from an empty buffer: no names, no attribute.
void set_names(hid_t obj, const std::string& name, const std::vector<std::string>& names) {
  if (!names.empty()) h5::set_attr(obj, name, names);
}

std::vector<std::string> get_names(hid_t obj, const std::string& name) {
  return h5::has_attr(obj, name) ? h5::get_string_array_attr(obj, name)
                                 : std::vector<std::string>{};
}

void write_provenance(hid_t file, const Provenance& p) {
  h5::set_attr(file, "myoflux_version", p.myoflux_version);
  h5::set_attr(file, "git_commit", p.git_commit);
  h5::set_attr(file, "git_dirty", static_cast<long long>(p.git_dirty ? 1 : 0));
  h5::set_attr(file, "build", p.build);
  h5::set_attr(file, "created_utc", p.created_utc);
  h5::set_attr(file, "command_line", p.command_line);
}

void write_int64(hid_t parent, const std::string& name, const std::vector<std::int64_t>& data,
                 const std::string& description) {
  write_1d(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64, data);
  h5::Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
  h5::set_attr(ds, "description", description);
}

std::vector<std::int64_t> read_int64(hid_t parent, const std::string& name) {
  return read_1d<std::int64_t>(parent, name, H5T_NATIVE_INT64);
}

void write_status(hid_t parent, const std::vector<std::int8_t>& status) {
  write_1d(parent, "status", H5T_STD_I8LE, H5T_NATIVE_INT8, status);
  h5::Handle ds(H5Dopen2(parent, "status", H5P_DEFAULT), H5Dclose, "open status");
  h5::set_attr(ds, "labels", status_labels());
  h5::set_attr(ds, "description", std::string("run status code; 'labels' names the codes"));
}

std::vector<std::int8_t> read_status(hid_t parent) {
  return read_1d<std::int8_t>(parent, "status", H5T_NATIVE_INT8);
}

void write_endpoints(hid_t file, const SweepLayout& layout, const double* data, hsize_t rows) {
  const auto cols = static_cast<hsize_t>(layout.endpoints.size());
  h5::write_matrix(file, "endpoints", data, rows, cols, "per column, in 'units'");
  h5::Handle ds(H5Dopen2(file, "endpoints", H5P_DEFAULT), H5Dclose, "open endpoints");
  set_endpoint_attributes(ds, layout);
}

void set_endpoint_attributes(hid_t endpoints, const SweepLayout& layout) {
  std::vector<std::string> names, units, descriptions;
  for (const EndpointInfo& e : layout.endpoints) {
    names.push_back(e.name);
    units.push_back(e.unit);
    descriptions.push_back(e.description);
  }
  h5::set_attr(endpoints, "names", names);
  h5::set_attr(endpoints, "units", units);
  h5::set_attr(endpoints, "descriptions", descriptions);
}

void write_coordinates(hid_t file, const SweepLayout& layout,
                       const std::vector<std::vector<double>>& values) {
  h5::Handle group = h5::create_group(file, "coordinates");
  std::vector<std::string> names;
  for (std::size_t c = 0; c < layout.coordinates.size(); ++c) {
    const Coordinate& coordinate = layout.coordinates[c];
    names.push_back(coordinate.name);
    h5::write_vector(group, coordinate.name, values[c], coordinate.unit);
    h5::Handle ds(H5Dopen2(group, coordinate.name.c_str(), H5P_DEFAULT), H5Dclose, "open");
    if (coordinate.categorical()) h5::set_attr(ds, "labels", coordinate.labels);
    h5::set_attr(ds, "groups", static_cast<long long>(coordinate.groups ? 1 : 0));
  }
  set_names(group, "order", names);
}

void write_trajectories(hid_t file, const SweepLayout& layout,
                        const std::vector<std::vector<double>>& values, hsize_t rows) {
  h5::write_vector(file, "trajectory_time", layout.trajectory_times_h, "h",
                   "sample times of the kept trajectories");
  h5::Handle group = h5::create_group(file, "trajectories");
  std::vector<std::string> names;
  const auto samples = static_cast<hsize_t>(layout.trajectory_times_h.size());
  for (std::size_t k = 0; k < layout.trajectory_outputs.size(); ++k) {
    const VariableInfo& output = layout.trajectory_outputs[k];
    names.push_back(output.name);
    h5::write_matrix(group, output.name, values[k].data(), rows, samples, output.unit);
    h5::Handle ds(H5Dopen2(group, output.name.c_str(), H5P_DEFAULT), H5Dclose, "open");
    h5::set_attr(ds, "description", output.description);
  }
  set_names(group, "order", names);
}

std::vector<double> read_matrix(hid_t parent, const std::string& name) {
  return h5::read_vector(parent, name);  // reads every element, row-major, whatever the rank
}

h5::Handle failure_type() {
  h5::Handle message(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(message, kMessageBytes), "set string size");
  check(H5Tset_cset(message, H5T_CSET_UTF8), "set UTF-8");
  h5::Handle t(H5Tcreate(H5T_COMPOUND, sizeof(RawFailure)), H5Tclose, "compound type");
  H5Tinsert(t, "run", HOFFSET(RawFailure, run), H5T_NATIVE_INT64);
  H5Tinsert(t, "status", HOFFSET(RawFailure, status), H5T_NATIVE_INT8);
  H5Tinsert(t, "message", HOFFSET(RawFailure, message), message);
  return t;
}

void write_failures(hid_t parent, const std::vector<RunFailure>& failures) {
  std::vector<RawFailure> raw(failures.size());
  for (std::size_t i = 0; i < failures.size(); ++i) {
    raw[i].run = failures[i].run;
    raw[i].status = failures[i].status;
    std::memset(raw[i].message, 0, sizeof raw[i].message);
    std::memcpy(raw[i].message, failures[i].message.data(),
                std::min(failures[i].message.size(), sizeof raw[i].message - 1));
  }
  h5::Handle type = failure_type();
  write_1d(parent, "failures", type, type, raw);
  h5::Handle ds(H5Dopen2(parent, "failures", H5P_DEFAULT), H5Dclose, "open failures");
  h5::set_attr(ds, "description",
               std::string("runs that failed: run number, status code (see /status labels) and "
                           "message (at most 511 bytes)"));
}

std::vector<RunFailure> read_failures(hid_t parent) {
  h5::Handle type = failure_type();
  std::vector<RunFailure> out;
  for (const RawFailure& r : read_1d<RawFailure>(parent, "failures", type))
    out.push_back({r.run, r.status, std::string(r.message, strnlen(r.message, sizeof r.message))});
  return out;
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  h5::Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type, H5T_VARIABLE), "set string size");
  check(H5Tset_cset(type, H5T_CSET_UTF8), "set UTF-8");
  std::vector<const char*> pointers;
  for (const std::string& v : values) pointers.push_back(v.c_str());
  write_1d(parent, name, type, type, pointers);
}

void write_layout_attributes(hid_t file, const SweepLayout& layout) {
  h5::set_attr(file, "sweep", layout.name);
  h5::set_attr(file, "description", layout.description);
  h5::set_attr(file, "fingerprint", layout.fingerprint);
  h5::set_attr(file, "spec", layout.spec_text);
  h5::set_attr(file, "spec_file", layout.spec_file);
  h5::set_attr(file, "seed", std::to_string(layout.seed));
  h5::set_attr(file, "total_runs", static_cast<long long>(layout.run_count));
  h5::set_attr(file, "chunk_size", static_cast<long long>(layout.chunk_size));
}

SweepLayout read_layout(hid_t file) {
  SweepLayout l;
  l.name = h5::get_string_attr(file, "sweep");
  l.description = h5::get_string_attr(file, "description");
  l.fingerprint = h5::get_string_attr(file, "fingerprint");
  l.spec_text = h5::get_string_attr(file, "spec");
  l.spec_file = h5::get_string_attr(file, "spec_file");
  l.seed = std::stoull(h5::get_string_attr(file, "seed"));
  l.run_count = h5::get_int_attr(file, "total_runs");
  l.chunk_size = h5::get_int_attr(file, "chunk_size");
  l.chunk_count = h5::get_int_attr(file, "chunk_count");
  {
    h5::Handle ds(H5Dopen2(file, "endpoints", H5P_DEFAULT), H5Dclose, "open endpoints");
    const auto names = h5::get_string_array_attr(ds, "names");
    const auto units = h5::get_string_array_attr(ds, "units");
    const auto descriptions = h5::get_string_array_attr(ds, "descriptions");
    for (std::size_t i = 0; i < names.size(); ++i)
      l.endpoints.push_back({names[i], units.at(i), descriptions.at(i)});
  }
  h5::Handle coordinates = h5::open_group(file, "coordinates");
  for (const std::string& name : get_names(coordinates, "order")) {
    h5::Handle ds(H5Dopen2(coordinates, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
    Coordinate c{name, h5::get_string_attr(ds, "units"), {}, h5::get_int_attr(ds, "groups") != 0};
    if (h5::has_attr(ds, "labels")) c.labels = h5::get_string_array_attr(ds, "labels");
    l.coordinates.push_back(std::move(c));
  }
  l.trajectory_times_h = h5::read_vector(file, "trajectory_time");
  h5::Handle trajectories = h5::open_group(file, "trajectories");
  for (const std::string& name : get_names(trajectories, "order")) {
    h5::Handle ds(H5Dopen2(trajectories, name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
    l.trajectory_outputs.push_back(
        {name, h5::get_string_attr(ds, "units"), h5::get_string_attr(ds, "description")});
  }
  return l;
}

}  // namespace myoflux::sweep
