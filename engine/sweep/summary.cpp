// Welford means and variances, P-square quantiles, groups by coordinate value, and the folder
// that feeds chunks to the summary in chunk order.
#include "engine/sweep/summary.hpp"

#include <cmath>
#include <limits>

namespace myoflux::sweep {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

RunningStats::RunningStats() {
  for (std::size_t k = 0; k < quantiles_.size(); ++k)
    quantiles_[k] = PSquareQuantile(kQuantileProbabilities[k]);
}

void RunningStats::add(double x) {
  if (std::isnan(x)) return;
  ++count_;
  // Welford (1962): numerically stable running mean and sum of squared deviations.
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (x - mean_);
  if (count_ == 1 || x < min_) min_ = x;
  if (count_ == 1 || x > max_) max_ = x;
  for (PSquareQuantile& q : quantiles_) q.add(x);
}

double RunningStats::mean() const {
  return count_ > 0 ? mean_ : kNaN;
}
double RunningStats::sd() const {
  return count_ > 1 ? std::sqrt(m2_ / static_cast<double>(count_ - 1)) : kNaN;
}
double RunningStats::min() const {
  return count_ > 0 ? min_ : kNaN;
}
double RunningStats::max() const {
  return count_ > 0 ? max_ : kNaN;
}

namespace {

SummaryGroup empty_group(const SweepLayout& layout, std::string coordinate, std::string value) {
  SummaryGroup g;
  g.coordinate = std::move(coordinate);
  g.value = std::move(value);
  g.endpoints.resize(layout.endpoints.size());
  g.trajectories.resize(layout.trajectory_outputs.size() * layout.trajectory_times_h.size());
  return g;
}

std::string value_label(const Coordinate& c, double value) {
  if (c.categorical()) {
    const auto k = static_cast<std::size_t>(value);
    return k < c.labels.size() ? c.labels[k] : "?";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return std::string(buffer) + (c.unit.empty() ? "" : " " + c.unit);
}

}  // namespace

SweepSummary::SweepSummary(const SweepLayout& layout)
    : layout_(layout), all_(empty_group(layout, "all", "all")) {
  for (std::size_t c = 0; c < layout.coordinates.size(); ++c)
    if (layout.coordinates[c].groups) grouping_.push_back(c);
  index_.resize(grouping_.size());
  by_coordinate_.resize(grouping_.size());
}

SummaryGroup& SweepSummary::group_for(std::size_t g, double value) {
  const auto [it, inserted] = index_[g].emplace(value, by_coordinate_[g].size());
  if (inserted) {
    const Coordinate& c = layout_.coordinates[grouping_[g]];
    by_coordinate_[g].push_back(empty_group(layout_, c.name, value_label(c, value)));
  }
  return by_coordinate_[g][it->second];
}

void SweepSummary::add_run(SummaryGroup& group, const ChunkResult& chunk, std::size_t row) {
  ++group.runs;
  if (chunk.status[row] != kStatusOk) ++group.failed_runs;
  const std::size_t e = layout_.endpoints.size();
  for (std::size_t k = 0; k < e; ++k) group.endpoints[k].add(chunk.endpoints[row * e + k]);
  const std::size_t samples = layout_.trajectory_times_h.size();
  for (std::size_t o = 0; o < chunk.trajectories.size(); ++o)
    for (std::size_t t = 0; t < samples; ++t)
      group.trajectories[o * samples + t].add(chunk.trajectories[o][row * samples + t]);
}

void SweepSummary::add(const ChunkResult& chunk) {
  for (std::size_t row = 0; row < chunk.size(); ++row) {
    add_run(all_, chunk, row);
    for (std::size_t g = 0; g < grouping_.size(); ++g)
      add_run(group_for(g, chunk.coordinates[grouping_[g]][row]), chunk, row);
  }
}

std::vector<const SummaryGroup*> SweepSummary::groups() const {
  std::vector<const SummaryGroup*> out{&all_};
  for (const auto& groups : by_coordinate_)
    for (const SummaryGroup& g : groups) out.push_back(&g);
  return out;
}

OrderedFolder::OrderedFolder(SweepSummary& summary, std::int64_t chunk_count,
                             std::function<ChunkResult(std::int64_t)> load)
    : summary_(summary), chunk_count_(chunk_count), load_(std::move(load)) {}

void OrderedFolder::finished(std::int64_t chunk, std::optional<ChunkResult> data) {
  const std::lock_guard<std::mutex> lock(mutex_);
  waiting_.emplace(chunk, std::move(data));
  for (auto it = waiting_.find(next_); it != waiting_.end(); it = waiting_.find(next_)) {
    if (it->second)
      summary_.add(*it->second);
    else
      summary_.add(load_(next_));
    waiting_.erase(it);
    ++next_;
  }
}

bool OrderedFolder::complete() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return next_ == chunk_count_;
}

std::size_t OrderedFolder::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return waiting_.size();
}

}  // namespace myoflux::sweep
