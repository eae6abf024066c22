// The P-square update (Jain & Chlamtac 1985, steps B1 to B3) and the exact small-sample case.
#include "engine/sweep/p_square.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myoflux::sweep {

PSquareQuantile::PSquareQuantile(double p) : p_(p) {
  increment_ = {0.0, p / 2.0, p, (1.0 + p) / 2.0, 1.0};
  desired_ = {1.0, 1.0 + 2.0 * p, 1.0 + 4.0 * p, 3.0 + 2.0 * p, 5.0};
  position_ = {1.0, 2.0, 3.0, 4.0, 5.0};
}

void PSquareQuantile::add(double x) {
  if (count_ < 5) {
    height_[static_cast<std::size_t>(count_++)] = x;
    std::sort(height_.begin(), height_.begin() + count_);
    return;
  }
  ++count_;
  // Step B1: the cell k holding x; the extreme markers move to x if it lies outside.
  int k = 0;
  if (x < height_[0]) {
    height_[0] = x;
  } else if (x >= height_[4]) {
    height_[4] = std::max(height_[4], x);
    k = 3;
  } else {
    while (k < 3 && x >= height_[static_cast<std::size_t>(k + 1)]) ++k;
  }
  // B2: markers above the cell shift right; every desired position advances.
  for (int i = k + 1; i < 5; ++i) position_[static_cast<std::size_t>(i)] += 1.0;
  for (int i = 0; i < 5; ++i)
    desired_[static_cast<std::size_t>(i)] += increment_[static_cast<std::size_t>(i)];
  // B3: the three middle markers move by one position towards where they should be, their
  // heights by the parabolic formula (or linearly where that would break monotonicity).
  for (int i = 1; i <= 3; ++i) {
    const auto u = static_cast<std::size_t>(i);
    const double d = desired_[u] - position_[u];
    if ((d >= 1.0 && position_[u + 1] - position_[u] > 1.0) ||
        (d <= -1.0 && position_[u - 1] - position_[u] < -1.0)) {
      const double step = d >= 0.0 ? 1.0 : -1.0;
      const double candidate = parabolic(i, step);
      height_[u] =
          (height_[u - 1] < candidate && candidate < height_[u + 1]) ? candidate : linear(i, step);
      position_[u] += step;
    }
  }
}

double PSquareQuantile::parabolic(int i, double d) const {
  const auto u = static_cast<std::size_t>(i);
  const double n_prev = position_[u - 1], n = position_[u], n_next = position_[u + 1];
  const double q_prev = height_[u - 1], q = height_[u], q_next = height_[u + 1];
  return q + d / (n_next - n_prev) *
                 ((n - n_prev + d) * (q_next - q) / (n_next - n) +
                  (n_next - n - d) * (q - q_prev) / (n - n_prev));
}

double PSquareQuantile::linear(int i, double d) const {
  const auto u = static_cast<std::size_t>(i);
  const auto j = static_cast<std::size_t>(i + static_cast<int>(d));
  return height_[u] + d * (height_[j] - height_[u]) / (position_[j] - position_[u]);
}

double PSquareQuantile::value() const {
  if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
  if (count_ <= 5) {
    const double rank = p_ * static_cast<double>(count_ - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const std::size_t hi = std::min<std::size_t>(lo + 1, static_cast<std::size_t>(count_ - 1));
    return height_[lo] + (rank - static_cast<double>(lo)) * (height_[hi] - height_[lo]);
  }
  return height_[2];
}

}  // namespace myoflux::sweep
