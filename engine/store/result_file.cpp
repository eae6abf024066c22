#include "engine/store/result_file.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "engine/error.hpp"
#include "engine/store/atomic_file.hpp"
#include "engine/store/hdf5_io.hpp"

namespace myoflux {
namespace {

void check_run_id(const std::string& id) {
  const bool ok = !id.empty() && id != "." && id != ".." &&
                  id.find_first_not_of(
                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "0123456789_-.") == std::string::npos;
  if (!ok)
    throw InputError("run id '" + id +
                     "' may only use letters, digits, '_', '-' and '.' (e.g. \"hiit_1.6\")");
}

// The run's metadata (the solver's settings and statistics) as attributes of its group `solver`:
// every entry files hold, whatever the solver reports, and back.
void write_metadata(hid_t run, const Result& r) {
  h5::Handle g = h5::create_group(run, "solver");
  for (const MetadataEntry& e : r.metadata) {
    if (!e.in_files) continue;
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, bool>)
            h5::set_attr(g, e.name, static_cast<long long>(v));
          else if constexpr (std::is_same_v<V, std::vector<double>>)
            throw std::logic_error("metadata '" + e.name + "': lists are not stored");
          else
            h5::set_attr(g, e.name, v);
        },
        e.value);
  }
}

void read_metadata(hid_t run, Result& r) {
  h5::Handle g = h5::open_group(run, "solver");
  const int count = H5Aget_num_attrs(g);
  for (int i = 0; i < count; ++i) {
    h5::Handle a(H5Aopen_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, static_cast<hsize_t>(i),
                                H5P_DEFAULT, H5P_DEFAULT),
                 H5Aclose, "open attribute");
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(H5Aget_name(a, 0, nullptr), 0)),
                     '\0');
    H5Aget_name(a, name.size() + 1, name.data());
    h5::Handle type(H5Aget_type(a), H5Tclose, "attribute type");
    const H5T_class_t kind = H5Tget_class(type);
    MetadataEntry e{name, 0.0, "", "", true};
    if (kind == H5T_STRING)
      e.value = h5::get_string_attr(g, name);
    else if (kind == H5T_INTEGER)
      e.value = h5::get_int_attr(g, name);
    else
      e.value = h5::get_double_attr(g, name);
    r.metadata.push_back(std::move(e));
  }
}

void write_run(hid_t runs_group, const RunRecord& rec) {
  check_run_id(rec.id);
  h5::Handle run = h5::create_group(runs_group, rec.id);
  for (const auto& [key, value] : rec.labels) h5::set_attr(run, key, value);

  const Result& r = rec.result;
  h5::write_vector(run, "time", {r.time_h.data(), static_cast<std::size_t>(r.time_h.size())}, "h",
                   "sample time since the start of the run");
  h5::Handle outputs = h5::create_group(run, "outputs");
  std::vector<std::string> names;
  std::vector<double> column(static_cast<std::size_t>(r.values.rows()));
  for (std::size_t j = 0; j < r.variables.size(); ++j) {
    const VariableInfo& v = r.variables[j];
    for (Eigen::Index i = 0; i < r.values.rows(); ++i)
      column[static_cast<std::size_t>(i)] = r.values(i, static_cast<Eigen::Index>(j));
    h5::write_vector(outputs, v.name, column, v.unit, v.description);
    names.push_back(v.name);
  }
  h5::set_attr(outputs, "names", names);

  h5::Handle scenario = h5::create_group(run, "scenario");
  h5::set_attr(scenario, "text", rec.scenario_text);
  h5::set_attr(scenario, "sha256", sha256_hex(rec.scenario_text));
  h5::set_attr(scenario, "source", rec.scenario_source);
  h5::write_table(run, "subject", rec.subject);
  h5::write_table(run, "parameters", rec.parameters);
  h5::write_table(run, "summary", rec.summary);
  write_metadata(run, r);
}

RunRecord read_run(hid_t runs_group, const std::string& id) {
  RunRecord rec;
  rec.id = id;
  h5::Handle run = h5::open_group(runs_group, id);
  const std::vector<double> time = h5::read_vector(run, "time");
  rec.result.time_h =
      Eigen::Map<const Eigen::VectorXd>(time.data(), static_cast<Eigen::Index>(time.size()));
  h5::Handle outputs = h5::open_group(run, "outputs");
  const std::vector<std::string> names = h5::get_string_array_attr(outputs, "names");
  rec.result.values.resize(static_cast<Eigen::Index>(time.size()),
                           static_cast<Eigen::Index>(names.size()));
  for (std::size_t j = 0; j < names.size(); ++j) {
    const std::vector<double> col = h5::read_vector(outputs, names[j]);
    if (col.size() != time.size())
      throw InputError("run '" + id + "': output '" + names[j] + "' has " +
                       std::to_string(col.size()) + " samples but time has " +
                       std::to_string(time.size()));
    h5::Handle ds(H5Dopen2(outputs, names[j].c_str(), H5P_DEFAULT), H5Dclose, "open " + names[j]);
    VariableInfo info{
        names[j], h5::get_string_attr(ds, "units"),
        h5::has_attr(ds, "description") ? h5::get_string_attr(ds, "description") : ""};
    rec.result.variables.push_back(info);
    for (std::size_t i = 0; i < col.size(); ++i)
      rec.result.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = col[i];
  }
  h5::Handle scenario = h5::open_group(run, "scenario");
  rec.scenario_text = h5::get_string_attr(scenario, "text");
  rec.scenario_source = h5::get_string_attr(scenario, "source");
  rec.subject = h5::read_table(run, "subject");
  rec.parameters = h5::read_table(run, "parameters");
  rec.summary = h5::read_table(run, "summary");
  read_metadata(run, rec.result);
  // Labels: every string attribute on the run group.
  rec.labels = h5::string_attributes(run);
  return rec;
}

ResultFile read_header(hid_t file, const std::string& path) {
  ResultFile out;
  if (!h5::has_attr(file, "format") || h5::get_string_attr(file, "format") != kResultFormatName)
    throw InputError(path +
                     " is an HDF5 file but not a myoflux result file (no root attribute "
                     "format = \"" +
                     kResultFormatName + "\")");
  out.format_version = h5::get_int_attr(file, "format_version");
  const std::string writer = h5::has_attr(file, "myoflux_version")
                                 ? h5::get_string_attr(file, "myoflux_version")
                                 : "unknown";
  if (out.format_version > kResultFormatVersion)
    throw InputError(path + " uses myoflux result format version " +
                     std::to_string(out.format_version) + " (written by myoflux " + writer +
                     "); this myoflux (" + build_info().version + ") reads versions up to " +
                     std::to_string(kResultFormatVersion) + ". Upgrade myoflux to read it.");
  if (out.format_version < 1)
    throw InputError(path + " uses myoflux result format version " +
                     std::to_string(out.format_version) + " (written by myoflux " + writer +
                     "), an early layout this myoflux (" + build_info().version +
                     ") no longer reads. Re-run the scenario to write a current file.");
  out.provenance.myoflux_version = writer;
  out.provenance.git_commit = h5::get_string_attr(file, "git_commit");
  out.provenance.git_dirty = h5::get_int_attr(file, "git_dirty") != 0;
  if (h5::has_attr(file, "build")) out.provenance.build = h5::get_string_attr(file, "build");
  out.provenance.created_utc = h5::get_string_attr(file, "created_utc");
  out.provenance.command_line = h5::get_string_attr(file, "command_line");
  // Any other string attribute on the root is a label. (Read from the root group: attribute
  // counts on a file identifier come back as -1.)
  static const char* kProvenance[] = {"format",     "format_version", "myoflux_version",
                                      "git_commit", "created_utc",    "command_line",
                                      "build"};
  h5::Handle root = h5::open_group(file, "/");
  for (auto& [name, value] : h5::string_attributes(root))
    if (std::find(std::begin(kProvenance), std::end(kProvenance), name) == std::end(kProvenance))
      out.labels.emplace_back(name, value);
  return out;
}

}  // namespace

std::uintmax_t estimated_file_bytes(std::span<const RunRecord> runs) {
  // The data uncompressed (deflate usually halves it) plus the tables, text and HDF5's own
  // structures, which come to about 64 kB per run.
  std::uintmax_t bytes = 0;
  for (const RunRecord& r : runs)
    bytes += 65536 + r.scenario_text.size() +
             8 * static_cast<std::uintmax_t>(r.result.values.size() + r.result.time_h.size());
  return bytes;
}

void write_result_file(const std::filesystem::path& path, std::span<const RunRecord> runs,
                       const Provenance& provenance, const WriteOptions& options) {
  AtomicOutput out(path, options.overwrite);
  out.expect_bytes(estimated_file_bytes(runs));
  h5::write_file(out, [&](hid_t file) {
    h5::set_attr(file, "format", std::string(kResultFormatName));
    h5::set_attr(file, "format_version", kResultFormatVersion);
    h5::set_attr(file, "myoflux_version", provenance.myoflux_version);
    h5::set_attr(file, "git_commit", provenance.git_commit);
    h5::set_attr(file, "git_dirty", static_cast<long long>(provenance.git_dirty ? 1 : 0));
    h5::set_attr(file, "build", provenance.build);
    h5::set_attr(file, "created_utc", provenance.created_utc);
    h5::set_attr(file, "command_line", provenance.command_line);
    for (const auto& [key, value] : options.labels) h5::set_attr(file, key, value);
    h5::Handle runs_group = h5::create_group(file, "runs");
    for (std::size_t i = 0; i < runs.size(); ++i) {
      write_run(runs_group, runs[i]);
      if (options.after_run) options.after_run(i);
    }
  });
  out.commit();
}

ResultFile read_result_file_header(const std::filesystem::path& path) {
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(path.string());
  ResultFile out = read_header(file, path.string());
  h5::Handle runs_group = h5::open_group(file, "runs");
  for (const std::string& id : h5::child_names(runs_group)) {
    RunRecord rec;
    rec.id = id;
    out.runs.push_back(std::move(rec));
  }
  return out;
}

ResultFile read_result_file(const std::filesystem::path& path) {
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(path.string());
  ResultFile out = read_header(file, path.string());
  h5::Handle runs_group = h5::open_group(file, "runs");
  for (const std::string& id : h5::child_names(runs_group))
    out.runs.push_back(read_run(runs_group, id));
  return out;
}

}  // namespace myoflux
