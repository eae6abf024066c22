// The Sobol low-discrepancy sequence (Sobol 1967) in up to kSobolMaxDimensions dimensions, with
// the direction numbers of Joe & Kuo (2008), evaluated point by point from its index so that any
// chunk of a sweep can compute its own points.
#pragma once

#include <array>
#include <cstdint>

namespace myoflux::sweep {

inline constexpr int kSobolMaxDimensions = 64;

class Sobol {
 public:
  /// Throws std::invalid_argument beyond kSobolMaxDimensions.
  explicit Sobol(int dimensions);
  int dimensions() const { return dimensions_; }
  /// Coordinate `dimension` (0-based) of point `index` (0-based; point 0 is the origin) in [0, 1).
  /// The points are those of Joe & Kuo's reference program (Gray-code order), which are also
  /// SciPy's scipy.stats.qmc.Sobol(scramble=False): tests compare against both.
  double point(std::uint64_t index, int dimension) const;

 private:
  int dimensions_;
  std::array<std::array<std::uint32_t, 32>, kSobolMaxDimensions> directions_{};
};

}  // namespace myoflux::sweep
