// Reproducible randomness for sweeps, computed from (seed, stream, index) instead of drawn from a
// generator's state: run i gets the same numbers however the runs are split into chunks, threads,
// MPI ranks or array tasks, and memory does not grow with the number of runs.
#pragma once

#include <cstdint>

namespace myoflux::sweep {

/// The SplitMix64 finalizer (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA): a bijective 64-bit mixer whose output passes BigCrush when fed a counter.
std::uint64_t mix64(std::uint64_t x);

/// A uniform number in (0, 1) for one (seed, stream, index, dimension); 53 random bits, never
/// exactly 0 or 1 (so it is safe for inverse CDFs and logarithms).
double uniform01(std::uint64_t seed, std::uint64_t stream, std::uint64_t index,
                 std::uint64_t dimension = 0);

/// The standard normal quantile (inverse CDF) of p in (0, 1).
double normal_quantile(double p);

/// A pseudo-random permutation of 0..n-1, evaluated one element at a time: a four-round Feistel
/// network on the smallest even-bit domain holding n, with cycle walking (Black & Rogaway 2002,
/// "Ciphers with arbitrary finite domains"). Used by the Latin hypercube to shuffle strata.
class Permutation {
 public:
  Permutation(std::uint64_t n, std::uint64_t seed, std::uint64_t stream);
  std::uint64_t operator()(std::uint64_t i) const;
  std::uint64_t size() const { return n_; }

 private:
  std::uint64_t encrypt(std::uint64_t x) const;
  std::uint64_t n_;
  unsigned half_bits_;
  std::uint64_t half_mask_;
  std::uint64_t keys_[4];
};

/// Stream numbers keep the uses of one seed apart.
namespace stream {
inline constexpr std::uint64_t kRandomSample = 1;
inline constexpr std::uint64_t kLatinHypercubeJitter = 2;
inline constexpr std::uint64_t kLatinHypercubeShuffle = 3;
inline constexpr std::uint64_t kPopulation = 4;
}  // namespace stream

}  // namespace myoflux::sweep
