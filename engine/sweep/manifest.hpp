// The per-sweep manifest, DIR/manifest.tsv: a human-readable table of every chunk (number, first
// run, runs, input hash, status, failed runs, the SHA-256 of its file, file) under a header naming
// the sweep. Rewritten atomically as chunks finish; `myoflux merge` reads it to know which chunk
// files to expect, and --resume compares each file with its checksum to find damaged ones.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace myoflux::sweep {

struct ManifestEntry {
  std::int64_t chunk = 0;
  std::int64_t first_run = 0;
  std::int64_t runs = 0;
  std::string input_hash;
  bool done = false;
  std::int64_t failed_runs = -1;  // -1: not known here (a chunk another process ran)
  std::string file_sha256;        // of the chunk file's bytes; "" when not known
  std::string file;               // relative to the sweep folder
};

struct Manifest {
  std::string sweep;
  std::string spec_file;
  std::string fingerprint;
  std::int64_t runs = 0;
  std::int64_t chunk_size = 0;
  std::vector<ManifestEntry> chunks;
};

/// Writes the manifest atomically (replacing the previous one).
void write_manifest(const std::filesystem::path& path, const Manifest& manifest);
/// Reads a manifest (format 2, or format 1, which had no file checksums); throws InputError
/// naming the line of anything it cannot read.
Manifest read_manifest(const std::filesystem::path& path);

}  // namespace myoflux::sweep
