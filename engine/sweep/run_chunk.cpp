// One chunk, run by run: scenario from the plan, the model's run, endpoints and subsampled
// trajectories kept; failures recorded with NaN endpoints.
#include "engine/sweep/run_chunk.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/interrupt.hpp"
#include "engine/solver/simulation.hpp"

namespace myoflux::sweep {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void keep_endpoints(const SweepPlan& plan, const Table& summary, std::vector<double>& out) {
  for (std::size_t k = 0; k < plan.endpoints().size(); ++k) {
    const std::size_t row = plan.endpoint_rows()[k];
    const std::string& name = plan.endpoints()[k].name;
    double value = kNaN;
    if (row < summary.size() && summary[row].name == name) {
      value = summary[row].value;
    } else {  // the model reordered its summary: find the row by name
      for (const TableRow& r : summary)
        if (r.name == name) value = r.value;
    }
    out.push_back(value);
  }
}

void keep_trajectories(const SweepPlan& plan, const Result* result, ChunkResult& chunk) {
  const std::vector<double>& times = plan.trajectory_times_h();
  for (std::size_t k = 0; k < plan.trajectory_outputs().size(); ++k) {
    std::vector<double>& out = chunk.trajectories[k];
    if (result == nullptr || !result->has(plan.trajectory_outputs()[k].name)) {
      out.insert(out.end(), times.size(), kNaN);
      continue;
    }
    const auto column = static_cast<Eigen::Index>(result->index(plan.trajectory_outputs()[k].name));
    for (double t : times) out.push_back(sample_at(result->time_h, result->values, column, t));
  }
}

}  // namespace

double sample_at(const Eigen::VectorXd& times, const RowMajorMatrix& values, Eigen::Index column,
                 double at) {
  const Eigen::Index n = times.size();
  if (n == 0 || at < times[0] - 1e-9 || at > times[n - 1] + 1e-9) return kNaN;
  const double* begin = times.data();
  const Eigen::Index hi = std::min<Eigen::Index>(
      n - 1, std::max<Eigen::Index>(1, std::lower_bound(begin, begin + n, at) - begin));
  const Eigen::Index lo = hi - 1;
  if (n == 1) return values(0, column);
  const double span = times[hi] - times[lo];
  const double w = span > 0.0 ? std::clamp((at - times[lo]) / span, 0.0, 1.0) : 1.0;
  return (1.0 - w) * values(lo, column) + w * values(hi, column);
}

std::optional<ChunkResult> run_chunk(const SweepPlan& plan, const ModelAdapter& model,
                                     std::int64_t chunk, const std::string& input_hash,
                                     const std::function<void()>& after_run) {
  ChunkResult out;
  out.chunk = chunk;
  out.first_run = plan.chunk_first_run(chunk);
  out.input_hash = input_hash.empty() ? plan.chunk_hash(chunk) : input_hash;
  const std::int64_t n = plan.chunk_run_count(chunk);
  out.coordinates.assign(plan.coordinates().size(), {});
  out.trajectories.assign(plan.trajectory_outputs().size(), {});
  for (std::int64_t run = out.first_run; run < out.first_run + n; ++run) {
    if (interrupt_flag().load()) return std::nullopt;
    const RunInputs inputs = plan.inputs(run);
    for (std::size_t c = 0; c < inputs.coordinates.size(); ++c)
      out.coordinates[c].push_back(inputs.coordinates[c]);
    out.runs.push_back(run);
    RunRecord record;
    std::int8_t status = kStatusOk;
    std::string message;
    try {
      record = model.run(plan.scenario(inputs), plan.solver(), RecordDetail::result_and_summary);
      const SolverStats stats = solver_stats(record.result);
      status = static_cast<std::int8_t>(stats.status);
      message = stats.message;
    } catch (const InputError& e) {
      status = kStatusInvalidInput;
      message = e.what();
    }
    if (status == static_cast<std::int8_t>(SolverStatus::interrupted)) return std::nullopt;
    out.status.push_back(status);
    out.steps.push_back(solver_stats(record.result).steps);
    if (status == kStatusOk) {
      keep_endpoints(plan, record.summary, out.endpoints);
      keep_trajectories(plan, &record.result, out);
    } else {
      out.endpoints.insert(out.endpoints.end(), plan.endpoints().size(), kNaN);
      keep_trajectories(plan, nullptr, out);
      out.failures.push_back({run, status, message});
    }
    if (after_run) after_run();
  }
  return out;
}

}  // namespace myoflux::sweep
