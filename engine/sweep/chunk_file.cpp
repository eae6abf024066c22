// Chunk files: written under a temporary name and renamed when complete (AtomicOutput), read
// back for --resume checks, the summary of chunks run elsewhere, and `myoflux merge`.
#include "engine/sweep/chunk_file.hpp"

#include <algorithm>
#include <cstring>

#include "engine/store/atomic_file.hpp"
#include "engine/store/hdf5_io.hpp"
#include "engine/sweep/h5_tables.hpp"

namespace myoflux::sweep {

namespace fs = std::filesystem;

namespace {

void write_root_attributes(hid_t file, const SweepLayout& layout, const ChunkResult& chunk,
                           const Provenance& p) {
  h5::set_attr(file, "format", std::string(kChunkFormatName));
  h5::set_attr(file, "format_version", kChunkFormatVersion);
  write_layout_attributes(file, layout);
  h5::set_attr(file, "chunk_count", static_cast<long long>(layout.chunk_count));
  h5::set_attr(file, "chunk", static_cast<long long>(chunk.chunk));
  h5::set_attr(file, "first_run", static_cast<long long>(chunk.first_run));
  h5::set_attr(file, "run_count", static_cast<long long>(chunk.size()));
  h5::set_attr(file, "failed_runs", static_cast<long long>(chunk.failed_runs()));
  h5::set_attr(file, "input_hash", chunk.input_hash);
  write_provenance(file, p);
}

}  // namespace

std::uintmax_t estimated_chunk_bytes(const SweepLayout& layout, std::size_t runs) {
  std::uintmax_t per_run = 3 + layout.endpoints.size() + layout.coordinates.size() +
                           layout.trajectory_outputs.size() * layout.trajectory_times_h.size();
  return 65536 + 8 * per_run * runs;
}

std::string write_chunk_file(const fs::path& path, const SweepLayout& layout, const ChunkResult& chunk,
                      const Provenance& provenance) {
  AtomicOutput output(path, true);
  output.expect_bytes(estimated_chunk_bytes(layout, chunk.size()));
  h5::write_file(output, [&](hid_t file) {
    write_root_attributes(file, layout, chunk, provenance);
    const auto n = static_cast<hsize_t>(chunk.size());
    write_int64(file, "run", chunk.runs, "run number in the sweep (0-based)");
    write_status(file, chunk.status);
    write_int64(file, "steps", chunk.steps, "accepted solver steps");
    write_endpoints(file, layout, chunk.endpoints.data(), n);
    write_coordinates(file, layout, chunk.coordinates);
    write_trajectories(file, layout, chunk.trajectories, n);
    write_failures(file, chunk.failures);
  });
  std::string checksum = sha256_file_hex(output.temp_path());
  output.commit();
  return checksum;
}

ChunkHeader read_chunk_header(const fs::path& path) {
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(path.string());
  if (!h5::has_attr(file, "format") || h5::get_string_attr(file, "format") != kChunkFormatName)
    throw InputError(path.string() + " is not a myoflux sweep chunk file");
  if (h5::get_int_attr(file, "format_version") != kChunkFormatVersion)
    throw InputError(path.string() + " has chunk format version " +
                     std::to_string(h5::get_int_attr(file, "format_version")) +
                     "; this myoflux reads version " + std::to_string(kChunkFormatVersion));
  ChunkHeader h;
  h.chunk = h5::get_int_attr(file, "chunk");
  h.first_run = h5::get_int_attr(file, "first_run");
  h.run_count = h5::get_int_attr(file, "run_count");
  h.failed_runs = h5::get_int_attr(file, "failed_runs");
  h.input_hash = h5::get_string_attr(file, "input_hash");
  h.fingerprint = h5::get_string_attr(file, "fingerprint");
  h.git_commit = h5::get_string_attr(file, "git_commit");
  return h;
}

namespace {

void read_rows(hid_t file, const SweepLayout& layout, ChunkResult& c) {
  c.runs = read_int64(file, "run");
  c.status = read_status(file);
  c.endpoints = read_matrix(file, "endpoints");
  h5::Handle coordinates = h5::open_group(file, "coordinates");
  for (const Coordinate& coordinate : layout.coordinates)
    c.coordinates.push_back(h5::read_vector(coordinates, coordinate.name));
  h5::Handle trajectories = h5::open_group(file, "trajectories");
  for (const VariableInfo& output : layout.trajectory_outputs)
    c.trajectories.push_back(read_matrix(trajectories, output.name));
}

}  // namespace

ChunkResult read_chunk_file(const fs::path& path, SweepLayout* layout) {
  const ChunkHeader header = read_chunk_header(path);
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(path.string());
  SweepLayout stored = read_layout(file);
  ChunkResult c;
  c.chunk = header.chunk;
  c.first_run = header.first_run;
  c.input_hash = header.input_hash;
  read_rows(file, stored, c);
  c.steps = read_int64(file, "steps");
  c.failures = read_failures(file);
  if (layout) *layout = std::move(stored);
  return c;
}

ChunkResult read_chunk_rows(const fs::path& path, const SweepLayout& layout) {
  auto lock = h5::hdf5_lock();
  h5::Handle file = h5::open_file_read(path.string());
  ChunkResult c;
  read_rows(file, layout, c);
  if (!c.runs.empty()) c.first_run = c.runs.front();
  return c;
}

}  // namespace myoflux::sweep
