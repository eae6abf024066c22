// Replaces the global operator new and delete with counting ones, for tests that prove a hot path
// allocates nothing. It defines the replacements, so include it in exactly one file of a test
// binary (and not under sanitizers, which intercept allocation themselves).
#pragma once

#include <atomic>
#include <cstdlib>
#include <new>

namespace myoflux::testing {
inline std::atomic<long>& allocation_count() {
  static std::atomic<long> count{0};
  return count;
}
}  // namespace myoflux::testing

// A replaced operator new may use malloc; g++ cannot see that the pair is consistent.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  ++myoflux::testing::allocation_count();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
