// Counter-based uniforms (SplitMix64 chained over seed, stream, index, dimension), the normal
// quantile (Boost.Math) and a Feistel permutation with cycle walking.
#include "engine/sweep/random.hpp"

#include <boost/math/distributions/normal.hpp>
#include <stdexcept>

namespace myoflux::sweep {

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

double uniform01(std::uint64_t seed, std::uint64_t stream, std::uint64_t index,
                 std::uint64_t dimension) {
  // Chained mixing: each coordinate passes through the bijection before the next is added, so
  // (seed, stream, index, dimension) tuples that differ anywhere give unrelated outputs.
  std::uint64_t h = mix64(seed);
  h = mix64(h ^ stream);
  h = mix64(h ^ index);
  h = mix64(h ^ dimension);
  // The top 53 bits as an odd multiple of 2^-54: strictly inside (0, 1).
  return (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
}

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::domain_error("normal_quantile: p must lie in (0, 1)");
  static const boost::math::normal_distribution<double> standard;
  return boost::math::quantile(standard, p);
}

Permutation::Permutation(std::uint64_t n, std::uint64_t seed, std::uint64_t stream) : n_(n) {
  if (n == 0) throw std::invalid_argument("Permutation: n must be positive");
  unsigned bits = 2;
  while (bits < 64 && (std::uint64_t{1} << bits) < n) bits += 2;
  half_bits_ = bits / 2;
  half_mask_ = (std::uint64_t{1} << half_bits_) - 1;
  for (std::uint64_t r = 0; r < 4; ++r) keys_[r] = mix64(mix64(seed) ^ mix64(stream) ^ r);
}

std::uint64_t Permutation::encrypt(std::uint64_t x) const {
  std::uint64_t left = x >> half_bits_, right = x & half_mask_;
  for (std::uint64_t key : keys_) {
    const std::uint64_t next = left ^ (mix64(right ^ key) & half_mask_);
    left = right;
    right = next;
  }
  return (left << half_bits_) | right;
}

std::uint64_t Permutation::operator()(std::uint64_t i) const {
  if (i >= n_) throw std::out_of_range("Permutation: index beyond n");
  // The network permutes the whole 2^bits domain; walking the cycle until the value falls
  // inside 0..n-1 restricts it to a permutation of that range (at most 4x the domain on average).
  std::uint64_t x = encrypt(i);
  while (x >= n_) x = encrypt(x);
  return x;
}

}  // namespace myoflux::sweep
