// What a sweep produces, in memory: the layout every chunk shares (columns, coordinates, kept
// trajectories) and one chunk's rows. Chunk files (chunk_file.hpp) store exactly these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/sweep/endpoints.hpp"
#include "engine/sweep/plan.hpp"

namespace myoflux::sweep {

/// A run's status: the solver's (SolverStatus, same codes) or invalid_input for a combination of
/// values the scenario or the model rejected when the run was prepared.
inline constexpr std::int8_t kStatusOk = 0;
inline constexpr std::int8_t kStatusInvalidInput = 6;
/// Names of the status codes, in code order ("ok", "too_many_steps", ..., "invalid_input").
const std::vector<std::string>& status_labels();
/// Longest failure message kept (fixed-length strings, so the failures table can be virtual).
inline constexpr std::size_t kMessageBytes = 512;

/// The shape shared by every chunk of one sweep; known from the plan, or read back from a chunk
/// file (for `myoflux merge`, which has no spec).
struct SweepLayout {
  std::string name;
  std::string description;
  std::string fingerprint;
  std::string spec_text;
  std::string spec_file;
  std::uint64_t seed = 0;
  std::int64_t run_count = 0;
  std::int64_t chunk_size = 0;
  std::int64_t chunk_count = 0;
  std::vector<EndpointInfo> endpoints;
  std::vector<Coordinate> coordinates;
  std::vector<VariableInfo> trajectory_outputs;
  std::vector<double> trajectory_times_h;
};
SweepLayout layout_of(const SweepPlan& plan);

struct RunFailure {
  std::int64_t run = 0;
  std::int8_t status = 0;
  std::string message;
};

/// One chunk's runs, in run order.
struct ChunkResult {
  std::int64_t chunk = 0;
  std::int64_t first_run = 0;
  std::string input_hash;
  std::vector<std::int64_t> runs;
  std::vector<std::int8_t> status;
  std::vector<std::int64_t> steps;                // accepted solver steps (0 when not run)
  std::vector<double> endpoints;                  // runs x endpoints, row-major; NaN if failed
  std::vector<std::vector<double>> coordinates;   // per coordinate: one value per run
  std::vector<std::vector<double>> trajectories;  // per output: runs x samples, row-major
  std::vector<RunFailure> failures;
  std::size_t size() const { return runs.size(); }
  std::int64_t failed_runs() const { return static_cast<std::int64_t>(failures.size()); }
};

}  // namespace myoflux::sweep
