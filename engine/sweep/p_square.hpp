// A quantile estimated from a stream in constant memory: the P-square algorithm of Jain & Chlamtac
// (1985, "The P2 algorithm for dynamic calculation of quantiles and histograms without storing
// observations", Commun. ACM 28:1076). Five markers follow the minimum, p/2, p, (1+p)/2 and the
// maximum, adjusted by piecewise-parabolic interpolation as values arrive.
#pragma once

#include <array>
#include <cstdint>

namespace myoflux::sweep {

class PSquareQuantile {
 public:
  explicit PSquareQuantile(double p = 0.5);
  void add(double x);
  /// The estimate; exact (linear interpolation between order statistics, as numpy's default)
  /// while at most five values have arrived. NaN before the first value.
  double value() const;
  std::int64_t count() const { return count_; }
  double probability() const { return p_; }

 private:
  double parabolic(int i, double d) const;
  double linear(int i, double d) const;
  double p_;
  std::int64_t count_ = 0;
  std::array<double, 5> height_{};    // marker heights q_i
  std::array<double, 5> position_{};  // actual marker positions n_i (1-based)
  std::array<double, 5> desired_{};   // desired positions n'_i
  std::array<double, 5> increment_{};
};

}  // namespace myoflux::sweep
