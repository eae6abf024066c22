// The structure of a model's Jacobian J = df/dx: which entries can be nonzero (traced from the
// right-hand side itself, so it cannot drift from the equations) and a colouring of its columns
// such that columns of one colour never share a row. One directional derivative per colour then
// gives the whole Jacobian (Curtis, Powell & Reid 1974, IMA J Appl Math 13:117).
#pragma once

#include <algorithm>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/solver/autodiff.hpp"

namespace myoflux {

struct JacobianPattern {
  int n = 0;
  /// Compressed sparse rows: the nonzeros of row i are column[row_start[i] .. row_start[i+1]),
  /// in increasing column order. The diagonal is always present.
  std::vector<int> row_start;
  std::vector<int> column;
  /// Colour of each column, 0 .. colours - 1.
  std::vector<int> colour;
  int colours = 0;

  int nonzeros() const { return static_cast<int>(column.size()); }
  bool has(int i, int j) const {
    const auto first = column.begin() + row_start[static_cast<std::size_t>(i)];
    const auto last = column.begin() + row_start[static_cast<std::size_t>(i) + 1];
    return std::binary_search(first, last, j);
  }

  /// Every entry present: what a finite-difference Jacobian of an opaque right-hand side has.
  static JacobianPattern dense(int n);
  /// The pattern holding the given nonzeros (and the diagonal), coloured.
  static JacobianPattern from_rows(const std::vector<std::vector<int>>& columns_of_row);
};

namespace detail {

/// Greedy colouring, columns taken in order of decreasing count of nonzeros (Welsh & Powell
/// 1967): each takes the smallest colour that no column sharing a row with it has.
inline void colour_columns(JacobianPattern& p) {
  const auto n = static_cast<std::size_t>(p.n);
  std::vector<std::vector<int>> rows_of_column(n);
  for (int i = 0; i < p.n; ++i)
    for (int k = p.row_start[static_cast<std::size_t>(i)];
         k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k)
      rows_of_column[static_cast<std::size_t>(p.column[static_cast<std::size_t>(k)])].push_back(i);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return rows_of_column[static_cast<std::size_t>(a)].size() >
           rows_of_column[static_cast<std::size_t>(b)].size();
  });
  p.colour.assign(n, -1);
  p.colours = 0;
  std::vector<char> taken;
  for (int j : order) {
    taken.assign(n, 0);
    for (int i : rows_of_column[static_cast<std::size_t>(j)])
      for (int k = p.row_start[static_cast<std::size_t>(i)];
           k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
        const int c = p.colour[static_cast<std::size_t>(p.column[static_cast<std::size_t>(k)])];
        if (c >= 0) taken[static_cast<std::size_t>(c)] = 1;
      }
    int c = 0;
    while (taken[static_cast<std::size_t>(c)]) ++c;
    p.colour[static_cast<std::size_t>(j)] = c;
    p.colours = std::max(p.colours, c + 1);
  }
}

}  // namespace detail

inline JacobianPattern JacobianPattern::from_rows(
    const std::vector<std::vector<int>>& columns_of_row) {
  JacobianPattern p;
  p.n = static_cast<int>(columns_of_row.size());
  p.row_start.push_back(0);
  for (int i = 0; i < p.n; ++i) {
    std::vector<int> cols = columns_of_row[static_cast<std::size_t>(i)];
    cols.push_back(i);
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    p.column.insert(p.column.end(), cols.begin(), cols.end());
    p.row_start.push_back(static_cast<int>(p.column.size()));
  }
  detail::colour_columns(p);
  return p;
}

inline JacobianPattern JacobianPattern::dense(int n) {
  JacobianPattern p;
  p.n = n;
  for (int i = 0; i <= n; ++i) p.row_start.push_back(i * n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) p.column.push_back(j);
  p.colour.resize(static_cast<std::size_t>(n));
  std::iota(p.colour.begin(), p.colour.end(), 0);  // every column its own colour
  p.colours = n;
  return p;
}

/// A system whose right-hand side is a template over its scalar type,
///   template <class T> void rhs(double t, const T* x, std::span<const double> u, T* dxdt) const,
/// so that the engine can trace its structure and differentiate it exactly.
template <class M>
concept DifferentiableRhs = requires(const M& m, double t, std::span<const double> u,
                                     const Dual<1>* xd, Dual<1>* fd, const DependencyTracer* xt,
                                     DependencyTracer* ft) {
  m.rhs(t, xd, u, fd);
  m.rhs(t, xt, u, ft);
};

/// A model that names inputs which, between them, take every branch of its right-hand side (at
/// rest, each kind of exercise, ...), so that the traced pattern holds every entry any segment
/// can have. Without it, the all-zero input and the all-one input are traced.
template <class M>
concept HasProbeInputs = requires(const M& m) {
  { m.probe_inputs() } -> std::convertible_to<std::vector<std::vector<double>>>;
};

/// The union of the traced dependencies of f on x over the probe inputs.
template <DifferentiableRhs M>
JacobianPattern trace_jacobian_pattern(const M& model, int n, std::size_t input_count) {
  if (n > DependencyTracer::kMaxStates)
    throw std::length_error("the Jacobian tracer handles at most " +
                            std::to_string(DependencyTracer::kMaxStates) + " states, not " +
                            std::to_string(n));
  std::vector<std::vector<double>> probes;
  if constexpr (HasProbeInputs<M>) {
    probes = model.probe_inputs();
  } else {
    probes = {std::vector<double>(input_count, 0.0), std::vector<double>(input_count, 1.0)};
  }
  const auto size = static_cast<std::size_t>(n);
  std::vector<DependencyTracer> x(size), f(size);
  for (std::size_t j = 0; j < size; ++j) x[j].on.set(j);
  std::vector<std::vector<int>> rows(size);
  for (const std::vector<double>& u : probes) {
    for (auto& fi : f) fi.on.reset();
    model.rhs(0.0, x.data(), std::span<const double>(u), f.data());
    for (std::size_t i = 0; i < size; ++i)
      for (std::size_t j = 0; j < size; ++j)
        if (f[i].on.test(j)) rows[i].push_back(static_cast<int>(j));
  }
  return JacobianPattern::from_rows(rows);
}

}  // namespace myoflux
