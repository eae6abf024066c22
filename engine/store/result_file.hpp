// The myoflux result file (HDF5): one group per run under /runs, each with its time axis, one
// dataset per output variable (with units), the scenario text and hash, the subject, parameter and
// summary tables, and the solver's settings and statistics. Layout: docs/file-format.md.
#pragma once

#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/provenance.hpp"
#include "engine/result.hpp"
#include "engine/table_row.hpp"

namespace myoflux {

/// Written to the root attribute `format_version`; readers refuse versions they do not know.
inline constexpr long long kResultFormatVersion = 1;
inline constexpr const char* kResultFormatName = "myoflux-results";

struct RunRecord {
  std::string id;  // group name under /runs: letters, digits, '_', '-', '.'
  Result result;
  std::vector<std::pair<std::string, std::string>> labels;  // e.g. {"description", "..."}
  std::string scenario_text;
  std::string scenario_source;  // the file it came from, if any
  Table subject;
  Table parameters;
  Table summary;
};

struct ResultFile {
  Provenance provenance;
  long long format_version = 0;
  /// Root attributes describing the whole file, e.g. {"study", "hiit_vs_long_distance"}.
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<RunRecord> runs;
};

struct WriteOptions {
  bool overwrite = false;
  /// Extra root attributes (study name, description, source file).
  std::vector<std::pair<std::string, std::string>> labels;
  /// Called after each run is written (index of the run); used for progress display.
  std::function<void(std::size_t)> after_run;
};

/// Writes all runs to `path` atomically (temporary file + rename). Throws InputError if the file
/// exists and overwrite is false, SimulationError if writing fails; either way nothing is left
/// under `path`.
void write_result_file(const std::filesystem::path& path, std::span<const RunRecord> runs,
                       const Provenance& provenance, const WriteOptions& options = {});

/// About how many bytes write_result_file needs for `runs` (for the message when space runs out).
std::uintmax_t estimated_file_bytes(std::span<const RunRecord> runs);

/// Reads a whole file. Throws InputError for files that are not myoflux results or whose format
/// version this build cannot read.
ResultFile read_result_file(const std::filesystem::path& path);

/// Reads only the root provenance and the list of runs (cheap, for `myoflux info`).
ResultFile read_result_file_header(const std::filesystem::path& path);

}  // namespace myoflux
