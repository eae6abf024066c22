// A Schedule is data: sorted breakpoints, the piecewise-constant value of every input channel
// between them, and doses (bolus events that the model turns into state jumps) at segment starts.
// The solver integrates one segment at a time, so no step ever crosses an input edge.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myoflux {

/// A named input channel. Between definitions it holds `baseline`.
struct ChannelSpec {
  std::string name;
  std::string unit;
  std::string description;
  double baseline = 0.0;
};

/// A named kind of bolus event (e.g. "protein_whey" in g); the model decides which state it feeds.
struct DoseTargetSpec {
  std::string name;
  std::string unit;
  std::string description;
};

struct Dose {
  double time_h = 0.0;
  int target = 0;
  double amount = 0.0;
};

/// Breakpoints closer than this (h, ~4 microseconds) are treated as one; sums of durations such as
/// 4 x (4 min + 3 min) differ from the exact value by rounding far below it.
inline constexpr double kTimeResolutionH = 1e-9;

class Schedule {
 public:
  const std::vector<ChannelSpec>& channels() const { return channels_; }
  const std::vector<DoseTargetSpec>& dose_targets() const { return dose_targets_; }
  double duration_h() const { return breakpoints_.back(); }
  /// t_0 = 0 < t_1 < ... < t_K = duration; segment k is [t_k, t_{k+1}).
  const std::vector<double>& breakpoints() const { return breakpoints_; }
  std::size_t segment_count() const { return breakpoints_.size() - 1; }
  /// Channel values on segment k, in the order of channels().
  std::span<const double> inputs(std::size_t k) const {
    return {values_.data() + k * channels_.size(), channels_.size()};
  }
  /// Doses applied at the start of segment k, before it is integrated.
  std::span<const Dose> doses_at_start(std::size_t k) const {
    return {doses_.data() + dose_offsets_[k], dose_offsets_[k + 1] - dose_offsets_[k]};
  }
  const std::vector<Dose>& doses() const { return doses_; }
  int channel_index(std::string_view name) const;
  /// Index of the segment that contains t (the last one for t == duration).
  std::size_t segment_at(double t_h) const;
  /// Total amount dosed on a target over the whole schedule.
  double total_dose(int target) const;
  /// Integral over time of a channel (channel unit x h).
  double integral(int channel) const;

 private:
  friend class ScheduleBuilder;
  std::vector<ChannelSpec> channels_;
  std::vector<DoseTargetSpec> dose_targets_;
  std::vector<double> breakpoints_;
  std::vector<double> values_;             // segment-major: values_[k * channels + c]
  std::vector<Dose> doses_;                // sorted by time
  std::vector<std::size_t> dose_offsets_;  // doses of segment k: [offsets[k], offsets[k+1])
};

/// Collects channel intervals and doses in any order, then checks and compiles them.
/// Every definition carries a label ("session 3, work bout 2") used in error messages.
class ScheduleBuilder {
 public:
  ScheduleBuilder(std::vector<ChannelSpec> channels, std::vector<DoseTargetSpec> dose_targets,
                  double duration_h);

  int channel(std::string_view name) const;
  int dose_target(std::string_view name) const;
  double duration_h() const { return duration_h_; }

  /// Holds `channel` at `value` on [t_begin, t_end). Intervals of one channel must not overlap.
  void set(int channel, double t_begin_h, double t_end_h, double value, std::string label);
  /// Adds `amount` to a dose target at time t (0 <= t < duration).
  void dose(int target, double time_h, double amount, std::string label);

  /// Throws InputError naming both labels when two intervals of a channel overlap.
  Schedule build() const;

 private:
  struct Interval {
    double begin, end, value;
    std::string label;
  };
  struct LabelledDose {
    Dose dose;
    std::string label;
  };
  std::vector<ChannelSpec> channels_;
  std::vector<DoseTargetSpec> dose_targets_;
  double duration_h_;
  std::vector<std::vector<Interval>> intervals_;  // per channel
  std::vector<LabelledDose> doses_;
};

}  // namespace myoflux
