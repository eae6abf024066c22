// One chunk of a sweep as an ordinary HDF5 file (docs/sweeps.md, "Output layout"), written by
// one process, atomically (temporary file + rename): a chunk file either is complete or does not
// exist. The index file maps these files' datasets into one table.
#pragma once

#include <filesystem>
#include <string>

#include "engine/provenance.hpp"
#include "engine/sweep/chunk.hpp"

namespace myoflux::sweep {

inline constexpr const char* kChunkFormatName = "myoflux-sweep-chunk";
inline constexpr long long kChunkFormatVersion = 1;

/// Writes `chunk` to `path` atomically, replacing an older file of the same name; returns the
/// SHA-256 of the file's bytes (kept in the manifest, so that --resume notices a damaged file).
std::string write_chunk_file(const std::filesystem::path& path, const SweepLayout& layout,
                      const ChunkResult& chunk, const Provenance& provenance);

/// About how many bytes a chunk file of `runs` runs takes (before compression).
std::uintmax_t estimated_chunk_bytes(const SweepLayout& layout, std::size_t runs);

/// The header of a chunk file: enough to decide whether it can be kept on --resume.
struct ChunkHeader {
  std::int64_t chunk = -1;
  std::int64_t first_run = 0;
  std::int64_t run_count = 0;
  std::int64_t failed_runs = 0;
  std::string input_hash;
  std::string fingerprint;
  std::string git_commit;
};
/// Throws InputError when the file is not a readable chunk file of this format.
ChunkHeader read_chunk_header(const std::filesystem::path& path);

/// Reads a whole chunk back; `layout` (when given) receives the sweep's layout as stored.
ChunkResult read_chunk_file(const std::filesystem::path& path, SweepLayout* layout = nullptr);

/// Reads what the summary needs (runs, status, endpoints, coordinates, trajectories) of a chunk
/// of a sweep whose layout is known: no attributes, so folding chunks that other processes wrote
/// costs little.
ChunkResult read_chunk_rows(const std::filesystem::path& path, const SweepLayout& layout);

}  // namespace myoflux::sweep
