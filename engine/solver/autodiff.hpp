// Scalar types a model's right-hand side can be evaluated with, besides double, when it is written
// once as a template over its scalar type:
//   Dual<N>            forward-mode automatic differentiation with N derivative lanes (the exact
//                      Jacobian, N columns at a time);
//   DependencyTracer   which states each value depends on (the Jacobian's sparsity pattern).
// Model code calls the functions below unqualified (positive(x), saturating(x, k), sqrt(x),
// pow(x, n), ...) after `using namespace myoflux::scalar;` so that one text serves every type.
#pragma once

#include <array>
#include <bitset>
#include <cmath>

namespace myoflux {

/// A value with N directional derivatives: v + sum_k d[k] eps_k, eps_k eps_l = 0.
template <int N>
struct Dual {
  double v = 0.0;
  std::array<double, N> d{};

  Dual() = default;
  Dual(double value) : v(value) {}  // NOLINT: constants promote implicitly, as in arithmetic

  Dual& operator+=(const Dual& b) {
    v += b.v;
    for (int k = 0; k < N; ++k) d[k] += b.d[k];
    return *this;
  }
  Dual& operator-=(const Dual& b) {
    v -= b.v;
    for (int k = 0; k < N; ++k) d[k] -= b.d[k];
    return *this;
  }
  Dual& operator*=(const Dual& b) { return *this = *this * b; }
  Dual& operator/=(const Dual& b) { return *this = *this / b; }

  /// The chain rule for a function with value fv and derivative dfdv at v.
  Dual chain(double fv, double dfdv) const {
    Dual r;
    r.v = fv;
    for (int k = 0; k < N; ++k) r.d[k] = dfdv * d[k];
    return r;
  }

  friend Dual operator-(const Dual& a) { return a.chain(-a.v, -1.0); }
  friend Dual operator+(Dual a, const Dual& b) { return a += b; }
  friend Dual operator-(Dual a, const Dual& b) { return a -= b; }
  friend Dual operator+(Dual a, double b) { return a.v += b, a; }
  friend Dual operator+(double a, Dual b) { return b.v += a, b; }
  friend Dual operator-(Dual a, double b) { return a.v -= b, a; }
  friend Dual operator-(double a, const Dual& b) { return (-b) + a; }
  friend Dual operator*(const Dual& a, const Dual& b) {
    Dual r;
    r.v = a.v * b.v;
    for (int k = 0; k < N; ++k) r.d[k] = a.d[k] * b.v + a.v * b.d[k];
    return r;
  }
  friend Dual operator*(const Dual& a, double b) { return a.chain(a.v * b, b); }
  friend Dual operator*(double a, const Dual& b) { return b.chain(a * b.v, a); }
  friend Dual operator/(const Dual& a, const Dual& b) {
    // (a/b)' = (a' - (a/b) b') / b
    Dual r;
    const double inv = 1.0 / b.v;
    r.v = a.v * inv;
    for (int k = 0; k < N; ++k) r.d[k] = (a.d[k] - r.v * b.d[k]) * inv;
    return r;
  }
  friend Dual operator/(const Dual& a, double b) { return a * (1.0 / b); }
  friend Dual operator/(double a, const Dual& b) {
    const double inv = 1.0 / b.v;
    return b.chain(a * inv, -a * inv * inv);
  }
  // Comparisons look at values only (branches follow the value, as in double arithmetic).
  friend bool operator<(const Dual& a, double b) { return a.v < b; }
  friend bool operator>(const Dual& a, double b) { return a.v > b; }
};

/// The set of states a quantity depends on; every operation takes the union of its operands'
/// sets. Evaluating a right-hand side with it gives the Jacobian's structural nonzeros.
struct DependencyTracer {
  static constexpr int kMaxStates = 128;
  std::bitset<kMaxStates> on;

  DependencyTracer() = default;
  DependencyTracer(double) {}  // NOLINT: a constant depends on nothing

  DependencyTracer& operator+=(const DependencyTracer& b) { return on |= b.on, *this; }
  DependencyTracer& operator-=(const DependencyTracer& b) { return on |= b.on, *this; }
  DependencyTracer& operator*=(const DependencyTracer& b) { return on |= b.on, *this; }
  DependencyTracer& operator/=(const DependencyTracer& b) { return on |= b.on, *this; }
  friend DependencyTracer operator-(const DependencyTracer& a) { return a; }
  friend DependencyTracer operator+(DependencyTracer a, const DependencyTracer& b) {
    return a += b;
  }
  friend DependencyTracer operator-(DependencyTracer a, const DependencyTracer& b) {
    return a += b;
  }
  friend DependencyTracer operator*(DependencyTracer a, const DependencyTracer& b) {
    return a += b;
  }
  friend DependencyTracer operator/(DependencyTracer a, const DependencyTracer& b) {
    return a += b;
  }
  // No comparisons: a branch on a state's value cannot be traced structurally. Right-hand sides
  // branch on inputs (constant within a segment) and use positive()/smaller() for kinks.
};

/// The elementary functions, for double and for each scalar type above. Model code calls them
/// unqualified with `using namespace myoflux::scalar;` in scope.
namespace scalar {

using std::exp;
using std::log;
using std::pow;
using std::sqrt;

/// max(x, 0): the positive part (derivative 0 where x <= 0).
inline double positive(double x) {
  return x > 0.0 ? x : 0.0;
}
template <int N>
Dual<N> positive(const Dual<N>& x) {
  return x.v > 0.0 ? x : Dual<N>(0.0);
}
inline DependencyTracer positive(const DependencyTracer& x) {
  return x;
}

/// min(x, c) for a constant c.
inline double smaller(double x, double c) {
  return x < c ? x : c;
}
template <int N>
Dual<N> smaller(const Dual<N>& x, double c) {
  return x.v < c ? x : Dual<N>(c);
}
inline DependencyTracer smaller(const DependencyTracer& x, double) {
  return x;
}

template <int N>
Dual<N> sqrt(const Dual<N>& x) {
  const double s = std::sqrt(x.v);
  return x.chain(s, 0.5 / s);
}
template <int N>
Dual<N> exp(const Dual<N>& x) {
  const double e = std::exp(x.v);
  return x.chain(e, e);
}
template <int N>
Dual<N> log(const Dual<N>& x) {
  return x.chain(std::log(x.v), 1.0 / x.v);
}
/// x^n for a constant exponent; at x = 0 the derivative is 0 for n > 1 (and n x^(n-1) otherwise).
template <int N>
Dual<N> pow(const Dual<N>& x, double n) {
  const double p = std::pow(x.v, n);
  const double slope = n == 0.0 ? 0.0 : n * std::pow(x.v, n - 1.0);
  return x.chain(p, slope);
}
inline DependencyTracer sqrt(const DependencyTracer& x) {
  return x;
}
inline DependencyTracer exp(const DependencyTracer& x) {
  return x;
}
inline DependencyTracer log(const DependencyTracer& x) {
  return x;
}
inline DependencyTracer pow(const DependencyTracer& x, double) {
  return x;
}

/// Michaelis-Menten saturation x / (x + k), for x >= 0.
template <class T>
T saturating(const T& x, double k) {
  return x / (x + k);
}

}  // namespace scalar
}  // namespace myoflux
