// The index: one virtual dataset per chunk-file dataset (rows of chunk i at its first run), the
// chunk table, and the summary as groups x columns matrices.
#include "engine/sweep/index_file.hpp"

#include <cmath>
#include <limits>

#include "engine/store/atomic_file.hpp"
#include "engine/store/hdf5_io.hpp"
#include "engine/sweep/h5_tables.hpp"

namespace myoflux::sweep {

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check(herr_t status, const std::string& what) {
  if (status < 0) throw SimulationError("HDF5: " + what + " failed");
}

/// A dataset whose rows come from the same dataset in every chunk file: rows
/// [first_run, first_run + runs) of the virtual dataset are the rows of chunk file i.
/// `columns` is 0 for 1-D datasets. Rows of a missing file read as the fill value.
void write_virtual(hid_t parent, const std::string& name, const std::string& source_dataset,
                   hid_t type, const void* fill, hsize_t total_rows, hsize_t columns,
                   const std::vector<ManifestEntry>& chunks) {
  const int rank = columns > 0 ? 2 : 1;
  const hsize_t dims[2] = {total_rows, columns};
  h5::Handle space(H5Screate_simple(rank, dims, nullptr), H5Sclose, "virtual space");
  h5::Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  if (fill) check(H5Pset_fill_value(dcpl, type, fill), "set fill value");
  for (const ManifestEntry& c : chunks) {
    if (c.runs == 0) continue;
    const hsize_t source_dims[2] = {static_cast<hsize_t>(c.runs), columns};
    h5::Handle source(H5Screate_simple(rank, source_dims, nullptr), H5Sclose, "source space");
    const hsize_t start[2] = {static_cast<hsize_t>(c.first_run), 0};
    check(H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, source_dims, nullptr),
          "select rows of chunk " + std::to_string(c.chunk));
    check(H5Pset_virtual(dcpl, space, c.file.c_str(), source_dataset.c_str(), source),
          "map chunk " + std::to_string(c.chunk));
  }
  check(H5Sselect_all(space), "select all");
  h5::Handle ds(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                H5Dclose, "create virtual dataset " + name);
}

void copy_attributes_from_layout(hid_t file, const SweepLayout& layout) {
  h5::Handle endpoints(H5Dopen2(file, "endpoints", H5P_DEFAULT), H5Dclose, "open endpoints");
  set_endpoint_attributes(endpoints, layout);
  h5::Handle status(H5Dopen2(file, "status", H5P_DEFAULT), H5Dclose, "open status");
  h5::set_attr(status, "labels", status_labels());
}

void write_table_of_chunks(hid_t file, const std::vector<ManifestEntry>& chunks) {
  h5::Handle group = h5::create_group(file, "chunks");
  std::vector<std::int64_t> first, runs, failed;
  std::vector<std::string> files, hashes;
  for (const ManifestEntry& c : chunks) {
    first.push_back(c.first_run);
    runs.push_back(c.runs);
    failed.push_back(c.failed_runs);
    files.push_back(c.file);
    hashes.push_back(c.input_hash);
  }
  write_int64(group, "first_run", first, "first run of each chunk");
  write_int64(group, "runs", runs, "runs in each chunk");
  write_int64(group, "failed_runs", failed, "failed runs in each chunk");
  write_strings(group, "file", files);
  write_strings(group, "input_sha256", hashes);
}

/// Writes one statistic for every group: rows are groups, columns `columns` values each.
template <typename Get>
void write_statistic(hid_t parent, const std::string& name, const std::string& units,
                     const std::vector<const SummaryGroup*>& groups, std::size_t columns, Get get) {
  std::vector<double> data;
  for (const SummaryGroup* g : groups)
    for (std::size_t k = 0; k < columns; ++k) data.push_back(get(*g, k));
  h5::write_matrix(parent, name, data.data(), groups.size(), columns, units);
}

template <typename Stats>
void write_stat_set(hid_t parent, const std::vector<const SummaryGroup*>& groups,
                    std::size_t columns, const std::string& units, Stats stats) {
  write_statistic(parent, "count", "1", groups, columns, [&](const SummaryGroup& g, std::size_t k) {
    return static_cast<double>(stats(g, k).count());
  });
  write_statistic(parent, "mean", units, groups, columns,
                  [&](const SummaryGroup& g, std::size_t k) { return stats(g, k).mean(); });
  write_statistic(parent, "sd", units, groups, columns,
                  [&](const SummaryGroup& g, std::size_t k) { return stats(g, k).sd(); });
  write_statistic(parent, "min", units, groups, columns,
                  [&](const SummaryGroup& g, std::size_t k) { return stats(g, k).min(); });
  write_statistic(parent, "max", units, groups, columns,
                  [&](const SummaryGroup& g, std::size_t k) { return stats(g, k).max(); });
  // groups x columns x quantiles, row-major.
  std::vector<double> q;
  for (const SummaryGroup* g : groups)
    for (std::size_t k = 0; k < columns; ++k)
      for (std::size_t p = 0; p < kQuantileProbabilities.size(); ++p)
        q.push_back(stats(*g, k).quantile(p));
  const hsize_t dims[3] = {groups.size(), columns, kQuantileProbabilities.size()};
  h5::Handle space(H5Screate_simple(3, dims, nullptr), H5Sclose, "quantile space");
  h5::Handle ds(
      H5Dcreate2(parent, "quantiles", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      H5Dclose, "create quantiles");
  if (!q.empty())
    check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, q.data()),
          "write quantiles");
  h5::set_attr(ds, "units", units);
  std::vector<std::string> probabilities;
  for (double p : kQuantileProbabilities) probabilities.push_back(std::to_string(p));
  h5::set_attr(ds, "probabilities", probabilities);
}

void write_summary(hid_t file, const SweepLayout& layout, const SweepSummary& summary) {
  h5::Handle group = h5::create_group(file, "summary");
  h5::set_attr(group, "quantile_method",
               std::string("P-square (Jain & Chlamtac 1985, Commun. ACM 28:1076), five markers "
                           "per quantile, fed in run order; exact up to five values"));
  h5::set_attr(group, "sd", std::string("sample standard deviation (n - 1), Welford's update"));
  const std::vector<const SummaryGroup*> groups = summary.groups();
  std::vector<std::string> coordinates, values;
  std::vector<std::int64_t> runs, failed;
  for (const SummaryGroup* g : groups) {
    coordinates.push_back(g->coordinate);
    values.push_back(g->value);
    runs.push_back(g->runs);
    failed.push_back(g->failed_runs);
  }
  write_strings(group, "group_coordinate", coordinates);
  write_strings(group, "group_value", values);
  write_int64(group, "runs", runs, "runs in each group");
  write_int64(group, "failed_runs", failed, "failed runs in each group");
  h5::Handle endpoints = h5::create_group(group, "endpoints");
  std::vector<std::string> names;
  for (const EndpointInfo& e : layout.endpoints) names.push_back(e.name);
  h5::set_attr(endpoints, "names", names);
  write_stat_set(
      endpoints, groups, layout.endpoints.size(), "per column, as /endpoints",
      [](const SummaryGroup& g, std::size_t k) -> const RunningStats& { return g.endpoints[k]; });
  if (layout.trajectory_outputs.empty()) return;
  h5::Handle over_time = h5::create_group(group, "trajectories");
  const std::size_t samples = layout.trajectory_times_h.size();
  for (std::size_t o = 0; o < layout.trajectory_outputs.size(); ++o) {
    h5::Handle output = h5::create_group(over_time, layout.trajectory_outputs[o].name);
    write_stat_set(output, groups, samples, layout.trajectory_outputs[o].unit,
                   [&](const SummaryGroup& g, std::size_t t) -> const RunningStats& {
                     return g.trajectories[o * samples + t];
                   });
  }
}

void write_root(hid_t file, const SweepLayout& layout, const std::vector<ManifestEntry>& chunks,
                const SweepSummary& summary, const Provenance& p) {
  h5::set_attr(file, "format", std::string(kIndexFormatName));
  h5::set_attr(file, "format_version", kIndexFormatVersion);
  write_layout_attributes(file, layout);
  h5::set_attr(file, "failed_runs", static_cast<long long>(summary.failed_runs()));
  h5::set_attr(file, "chunk_count", static_cast<long long>(chunks.size()));
  write_provenance(file, p);
}

}  // namespace

void write_index_file(const fs::path& path, const SweepLayout& layout,
                      const std::vector<ManifestEntry>& chunks, const SweepSummary& summary,
                      const Provenance& provenance) {
  AtomicOutput output(path, true);
  output.expect_bytes(65536 + 4096 * chunks.size());
  h5::write_file(output, [&](hid_t file) {
    write_root(file, layout, chunks, summary, provenance);
    const auto rows = static_cast<hsize_t>(layout.run_count);
    const std::int64_t no_run = -1;
    const std::int8_t no_status = -1;
    write_virtual(file, "run", "run", H5T_STD_I64LE, &no_run, rows, 0, chunks);
    write_virtual(file, "status", "status", H5T_STD_I8LE, &no_status, rows, 0, chunks);
    write_virtual(file, "steps", "steps", H5T_STD_I64LE, &no_run, rows, 0, chunks);
    write_virtual(file, "endpoints", "endpoints", H5T_IEEE_F64LE, &kNaN, rows,
                  layout.endpoints.size(), chunks);
    copy_attributes_from_layout(file, layout);
    h5::Handle coordinates = h5::create_group(file, "coordinates");
    std::vector<std::string> order;
    for (const Coordinate& c : layout.coordinates) {
      order.push_back(c.name);
      write_virtual(coordinates, c.name, "coordinates/" + c.name, H5T_IEEE_F64LE, &kNaN, rows, 0,
                    chunks);
      h5::Handle ds(H5Dopen2(coordinates, c.name.c_str(), H5P_DEFAULT), H5Dclose, "open");
      h5::set_attr(ds, "units", c.unit);
      if (c.categorical()) h5::set_attr(ds, "labels", c.labels);
      h5::set_attr(ds, "groups", static_cast<long long>(c.groups ? 1 : 0));
    }
    set_names(coordinates, "order", order);
    h5::write_vector(file, "trajectory_time", layout.trajectory_times_h, "h",
                     "sample times of the kept trajectories");
    h5::Handle trajectories = h5::create_group(file, "trajectories");
    std::vector<std::string> outputs;
    for (const VariableInfo& v : layout.trajectory_outputs) {
      outputs.push_back(v.name);
      write_virtual(trajectories, v.name, "trajectories/" + v.name, H5T_IEEE_F64LE, &kNaN, rows,
                    layout.trajectory_times_h.size(), chunks);
      h5::Handle ds(H5Dopen2(trajectories, v.name.c_str(), H5P_DEFAULT), H5Dclose, "open");
      h5::set_attr(ds, "units", v.unit);
      h5::set_attr(ds, "description", v.description);
    }
    set_names(trajectories, "order", outputs);
    // Failures: each chunk's table is as long as its failed-run count.
    std::vector<ManifestEntry> failure_rows;
    hsize_t total_failures = 0;
    for (const ManifestEntry& c : chunks) {
      ManifestEntry rows_of = c;
      rows_of.first_run = static_cast<std::int64_t>(total_failures);
      rows_of.runs = std::max<std::int64_t>(0, c.failed_runs);
      total_failures += static_cast<hsize_t>(rows_of.runs);
      failure_rows.push_back(rows_of);
    }
    h5::Handle type = failure_type();
    write_virtual(file, "failures", "failures", type, nullptr, total_failures, 0, failure_rows);
    write_table_of_chunks(file, chunks);
    write_summary(file, layout, summary);
  });
  output.commit();
}

}  // namespace myoflux::sweep
