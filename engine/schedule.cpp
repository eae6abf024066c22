#include "engine/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/error.hpp"

namespace myoflux {
namespace {

std::string hours(double t) {
  std::ostringstream out;
  out.precision(10);
  out << t << " h";
  return out.str();
}

template <class Spec>
int index_by_name(const std::vector<Spec>& specs, std::string_view name, const char* what) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return static_cast<int>(i);
  std::string known;
  for (const Spec& s : specs) known += (known.empty() ? "" : ", ") + s.name;
  throw InputError("unknown " + std::string(what) + " '" + std::string(name) +
                   "'; known: " + known);
}

}  // namespace

int Schedule::channel_index(std::string_view name) const {
  return index_by_name(channels_, name, "input channel");
}

std::size_t Schedule::segment_at(double t_h) const {
  auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), t_h);
  std::size_t k =
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - breakpoints_.begin(), 1)) - 1;
  return std::min(k, segment_count() - 1);
}

double Schedule::total_dose(int target) const {
  double total = 0.0;
  for (const Dose& d : doses_)
    if (d.target == target) total += d.amount;
  return total;
}

double Schedule::integral(int channel) const {
  double total = 0.0;
  for (std::size_t k = 0; k < segment_count(); ++k)
    total += inputs(k)[static_cast<std::size_t>(channel)] * (breakpoints_[k + 1] - breakpoints_[k]);
  return total;
}

ScheduleBuilder::ScheduleBuilder(std::vector<ChannelSpec> channels,
                                 std::vector<DoseTargetSpec> dose_targets, double duration_h)
    : channels_(std::move(channels)),
      dose_targets_(std::move(dose_targets)),
      duration_h_(duration_h),
      intervals_(channels_.size()) {
  if (!(duration_h > 0.0) || !std::isfinite(duration_h))
    throw InputError("a schedule needs a positive, finite duration, got " + hours(duration_h));
}

int ScheduleBuilder::channel(std::string_view name) const {
  return index_by_name(channels_, name, "input channel");
}

int ScheduleBuilder::dose_target(std::string_view name) const {
  return index_by_name(dose_targets_, name, "dose target");
}

void ScheduleBuilder::set(int channel, double t_begin_h, double t_end_h, double value,
                          std::string label) {
  if (channel < 0 || static_cast<std::size_t>(channel) >= channels_.size())
    throw std::out_of_range("ScheduleBuilder::set: channel index out of range");
  const std::string& name = channels_[static_cast<std::size_t>(channel)].name;
  if (!std::isfinite(t_begin_h) || !std::isfinite(t_end_h) || !std::isfinite(value))
    throw InputError(label + ": '" + name + "' needs finite times and value");
  if (!(t_end_h > t_begin_h))
    throw InputError(label + ": '" + name + "' ends (" + hours(t_end_h) + ") before it begins (" +
                     hours(t_begin_h) + ")");
  if (t_begin_h < -kTimeResolutionH || t_end_h > duration_h_ + kTimeResolutionH)
    throw InputError(label + ": '" + name + "' from " + hours(t_begin_h) + " to " + hours(t_end_h) +
                     " lies outside the run (0 to " + hours(duration_h_) + ")");
  intervals_[static_cast<std::size_t>(channel)].push_back(
      {std::max(0.0, t_begin_h), std::min(duration_h_, t_end_h), value, std::move(label)});
}

void ScheduleBuilder::dose(int target, double time_h, double amount, std::string label) {
  if (target < 0 || static_cast<std::size_t>(target) >= dose_targets_.size())
    throw std::out_of_range("ScheduleBuilder::dose: target index out of range");
  if (!std::isfinite(time_h) || !std::isfinite(amount))
    throw InputError(label + ": a dose needs a finite time and amount");
  if (time_h < -kTimeResolutionH || time_h >= duration_h_)
    throw InputError(label + ": dose at " + hours(time_h) + " lies outside the run (0 to " +
                     hours(duration_h_) + ")");
  doses_.push_back({{std::max(0.0, time_h), target, amount}, std::move(label)});
}

Schedule ScheduleBuilder::build() const {
  Schedule s;
  s.channels_ = channels_;
  s.dose_targets_ = dose_targets_;

  // Sort each channel's intervals and reject overlaps, naming both definitions.
  std::vector<std::vector<const Interval*>> sorted(channels_.size());
  for (std::size_t c = 0; c < channels_.size(); ++c) {
    for (const Interval& iv : intervals_[c]) sorted[c].push_back(&iv);
    std::stable_sort(sorted[c].begin(), sorted[c].end(),
                     [](const Interval* a, const Interval* b) { return a->begin < b->begin; });
    for (std::size_t i = 1; i < sorted[c].size(); ++i) {
      const Interval& prev = *sorted[c][i - 1];
      const Interval& next = *sorted[c][i];
      if (next.begin < prev.end - kTimeResolutionH)
        throw InputError(prev.label + " and " + next.label + " overlap: both set '" +
                         channels_[c].name + "' between " + hours(next.begin) + " and " +
                         hours(std::min(prev.end, next.end)));
    }
  }

  // Breakpoints: every interval edge and dose time, merged within the time resolution.
  std::vector<double> edges{0.0, duration_h_};
  for (const auto& channel_intervals : intervals_)
    for (const Interval& iv : channel_intervals) {
      edges.push_back(iv.begin);
      edges.push_back(iv.end);
    }
  for (const LabelledDose& d : doses_) edges.push_back(d.dose.time_h);
  std::sort(edges.begin(), edges.end());
  for (double t : edges) {
    if (s.breakpoints_.empty() || t - s.breakpoints_.back() > kTimeResolutionH)
      s.breakpoints_.push_back(t);
  }
  // The last breakpoint is the duration itself, even if a nearby edge was merged into it.
  if (duration_h_ - s.breakpoints_.back() <= kTimeResolutionH)
    s.breakpoints_.back() = duration_h_;
  else
    s.breakpoints_.push_back(duration_h_);

  // Values: for each channel, walk its sorted intervals alongside the segments.
  const std::size_t n_segments = s.breakpoints_.size() - 1;
  const std::size_t n_channels = channels_.size();
  s.values_.assign(n_segments * n_channels, 0.0);
  for (std::size_t c = 0; c < n_channels; ++c) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < n_segments; ++k) {
      const double mid = 0.5 * (s.breakpoints_[k] + s.breakpoints_[k + 1]);
      while (i < sorted[c].size() && sorted[c][i]->end <= mid) ++i;
      const bool inside = i < sorted[c].size() && sorted[c][i]->begin <= mid;
      s.values_[k * n_channels + c] = inside ? sorted[c][i]->value : channels_[c].baseline;
    }
  }

  // Doses: sorted by time and attached to the segment that starts at (or just before) them.
  for (const LabelledDose& d : doses_) s.doses_.push_back(d.dose);
  std::stable_sort(s.doses_.begin(), s.doses_.end(),
                   [](const Dose& a, const Dose& b) { return a.time_h < b.time_h; });
  s.dose_offsets_.assign(n_segments + 1, 0);
  std::size_t j = 0;
  for (std::size_t k = 0; k < n_segments; ++k) {
    s.dose_offsets_[k] = j;
    while (j < s.doses_.size() && s.doses_[j].time_h < s.breakpoints_[k + 1] - kTimeResolutionH) {
      s.doses_[j].time_h = s.breakpoints_[k];  // snap to the segment start it is applied at
      ++j;
    }
  }
  s.dose_offsets_[n_segments] = j;
  return s;
}

}  // namespace myoflux
