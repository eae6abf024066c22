// Sampling: the Sobol sequence against SciPy 1.10's scipy.stats.qmc.Sobol(scramble=False) (values
// x 2^32 recorded from it), counter-based uniforms, the Latin hypercube's shuffles, and the
// P-square quantile estimator against exact quantiles.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "engine/sweep/p_square.hpp"
#include "engine/sweep/random.hpp"
#include "engine/sweep/sobol.hpp"

namespace myoflux::sweep {
namespace {

TEST(Sobol, FirstPointsAreTheTextbookOnes) {
  const Sobol s(5);
  const double expected[8][5] = {{0, 0, 0, 0, 0},
                                 {0.5, 0.5, 0.5, 0.5, 0.5},
                                 {0.75, 0.25, 0.25, 0.25, 0.75},
                                 {0.25, 0.75, 0.75, 0.75, 0.25},
                                 {0.375, 0.375, 0.625, 0.875, 0.375},
                                 {0.875, 0.875, 0.125, 0.375, 0.875},
                                 {0.625, 0.125, 0.875, 0.625, 0.625},
                                 {0.125, 0.625, 0.375, 0.125, 0.125}};
  for (int i = 0; i < 8; ++i)
    for (int d = 0; d < 5; ++d) EXPECT_EQ(s.point(i, d), expected[i][d]) << i << "," << d;
}

TEST(Sobol, MatchesSciPyInHighDimensionsAndLateIndices) {
  const Sobol s(kSobolMaxDimensions);
  struct Case {
    std::uint64_t index;
    int dimension;
    std::uint64_t times_2_32;
  };
  for (const Case& c :
       {Case{1023, 0, 4194304u}, Case{1023, 1, 3233808384u}, Case{1023, 2, 2629828608u},
        Case{1023, 62, 3393191936u}, Case{1023, 63, 171966464u}, Case{777, 10, 3200253952u},
        Case{777, 40, 3099590656u}, Case{777, 63, 1832910848u}, Case{65535, 20, 2432892928u},
        Case{40000, 33, 3782148096u}, Case{12345, 5, 252968960u}})
    EXPECT_EQ(s.point(c.index, c.dimension), static_cast<double>(c.times_2_32) * 0x1.0p-32)
        << "point " << c.index << " dimension " << c.dimension;
}

TEST(Sobol, EveryDyadicIntervalHoldsOnePointOfTheFirstPowerOfTwo) {
  const Sobol s(kSobolMaxDimensions);
  for (int d = 0; d < kSobolMaxDimensions; ++d) {
    std::set<int> cells;
    for (int i = 0; i < 256; ++i) cells.insert(static_cast<int>(s.point(i, d) * 256));
    EXPECT_EQ(cells.size(), 256u) << "dimension " << d;
  }
  EXPECT_THROW(Sobol(kSobolMaxDimensions + 1), std::invalid_argument);
}

TEST(Uniform, IsReproducibleInsideTheOpenIntervalAndUniform) {
  double sum = 0.0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = uniform01(42, stream::kRandomSample, i, 3);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_EQ(uniform01(42, 1, 7, 0), uniform01(42, 1, 7, 0));
  EXPECT_NE(uniform01(42, 1, 7, 0), uniform01(43, 1, 7, 0));
  EXPECT_NE(uniform01(42, 1, 7, 0), uniform01(42, 1, 7, 1));
  EXPECT_NEAR(normal_quantile(0.975), 1.959964, 1e-6);
}

TEST(Permutation, IsABijectionForAnySize) {
  for (std::uint64_t n : {1u, 2u, 3u, 7u, 64u, 1000u, 4099u}) {
    const Permutation p(n, 9, 3);
    std::vector<bool> seen(n, false);
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint64_t v = p(i);
      ASSERT_LT(v, n);
      ASSERT_FALSE(seen[v]) << "n=" << n << " value " << v << " twice";
      seen[v] = true;
    }
  }
  // Different seeds shuffle differently.
  const Permutation a(1000, 1, 3), b(1000, 2, 3);
  int same = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) same += a(i) == b(i) ? 1 : 0;
  EXPECT_LT(same, 20);
}

std::vector<double> sorted_sample(int n, std::uint64_t seed) {
  std::vector<double> x;
  for (int i = 0; i < n; ++i) x.push_back(normal_quantile(uniform01(seed, 0, i)));
  return x;
}

double exact_quantile(std::vector<double> x, double p) {
  std::sort(x.begin(), x.end());
  const double rank = p * static_cast<double>(x.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (rank - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

TEST(PSquare, IsExactUpToFiveValues) {
  for (double p : {0.05, 0.5, 0.95}) {
    PSquareQuantile q(p);
    EXPECT_TRUE(std::isnan(q.value()));
    std::vector<double> seen;
    for (double x : {3.0, -1.0, 7.5, 2.0, 0.5}) {
      q.add(x);
      seen.push_back(x);
      EXPECT_DOUBLE_EQ(q.value(), exact_quantile(seen, p));
    }
  }
}

TEST(PSquare, TracksQuantilesOfLargeSamples) {
  // Normal sample of 100 000: P-square's error is well below 0.02 sd at these quantiles.
  const std::vector<double> x = sorted_sample(100000, 5);
  for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) {
    PSquareQuantile q(p);
    for (double v : x) q.add(v);
    EXPECT_NEAR(q.value(), exact_quantile(x, p), 0.02) << "p=" << p;
  }
}

}  // namespace
}  // namespace myoflux::sweep
