// Solves (sigma I - J) g = r for a sparse Jacobian J of known pattern, as a Rosenbrock step needs
// several times per step. The states are ordered by the strongly connected components of their
// dependency graph (Tarjan 1972, SIAM J Comput 1:146), which makes the matrix block lower
// triangular: only the diagonal blocks need an LU factorization (most are 1 x 1, a division), and
// a solve is one forward pass over the nonzeros. Pivoting happens only inside a block; a block
// whose pivot vanishes makes factor() return false (the caller shrinks the step: sigma = 1/(gamma
// h) grows and the matrix tends to sigma I).
//
// Layout for speed: rows are stored in solve order, each with its couplings to earlier blocks
// contiguous, so that a solve accumulates each row in a register (no store-to-load chains).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/solver/jacobian_pattern.hpp"

namespace myoflux {

class BlockTriangularLU {
 public:
  explicit BlockTriangularLU(const JacobianPattern& p);

  /// Factorizes sigma I - J, J given as the pattern's nonzeros in row order.
  bool factor(double sigma, const double* jacobian_values);
  /// Overwrites r (length n, the original state order) with the solution g.
  void solve(double* r) const;

  /// Diagonal blocks (strongly connected components) and the size of the largest.
  int block_count() const { return block_count_; }
  int largest_block() const { return largest_; }

 private:
  /// A run of consecutive rows in solve order: either one dense block, or several one-state
  /// blocks in a row (each of which depends only on rows before it).
  struct Block {
    int first_row;    // into row_state_ (solve order)
    int size;         // rows
    bool dense;       // one dense diagonal block (size > 1) rather than size one-state blocks
    int first_dense;  // into dense_ / pivots_ / dense_value_: size x size, row-major
  };
  std::vector<int> row_state_;            // the state of each row, in solve order
  std::vector<int> coupling_start_;       // per row (solve order) + 1: into coupling_col_
  std::vector<int> coupling_col_;         // state index of each coupling J(row, col), col earlier
  std::vector<int> coupling_value_;       // index of J(row, col) in the pattern's values
  std::vector<double> coupling_;          // J(row, col), copied by factor()
  std::vector<int> diagonal_value_;       // per row (solve order): index of J(i, i), -1 if none
  std::vector<double> inverse_diagonal_;  // per row: 1 / (sigma - J_ii) (one-state blocks)
  std::vector<Block> blocks_;
  std::vector<int> dense_value_;  // per dense block entry: index into J values (-1: zero)
  std::vector<double> dense_;     // LU factors of the dense blocks
  std::vector<int> pivots_;       // row interchanges inside each dense block
  int largest_ = 0;
  int block_count_ = 0;
  mutable std::vector<double> scratch_;
};

namespace detail {

/// Strongly connected components of "row i depends on column j", emitted so that every
/// component comes after the components it depends on (Tarjan, iterative).
inline std::vector<std::vector<int>> dependency_components(const JacobianPattern& p) {
  const auto un = static_cast<std::size_t>(p.n);
  std::vector<int> index(un, -1), low(un, 0), stack;
  std::vector<char> on_stack(un, 0);
  std::vector<std::vector<int>> components;
  int counter = 0;
  struct Frame {
    int node, next;
  };
  for (int root = 0; root < p.n; ++root) {
    if (index[static_cast<std::size_t>(root)] >= 0) continue;
    std::vector<Frame> call{{root, p.row_start[static_cast<std::size_t>(root)]}};
    index[static_cast<std::size_t>(root)] = low[static_cast<std::size_t>(root)] = counter++;
    stack.push_back(root);
    on_stack[static_cast<std::size_t>(root)] = 1;
    while (!call.empty()) {
      Frame& fr = call.back();
      const auto v = static_cast<std::size_t>(fr.node);
      if (fr.next < p.row_start[v + 1]) {
        const int w = p.column[static_cast<std::size_t>(fr.next++)];
        const auto uw = static_cast<std::size_t>(w);
        if (w == fr.node) continue;
        if (index[uw] < 0) {
          index[uw] = low[uw] = counter++;
          stack.push_back(w);
          on_stack[uw] = 1;
          call.push_back({w, p.row_start[uw]});
        } else if (on_stack[uw]) {
          low[v] = std::min(low[v], index[uw]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<int> members;
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[static_cast<std::size_t>(w)] = 0;
          members.push_back(w);
        } while (w != fr.node);
        std::sort(members.begin(), members.end());
        components.push_back(members);
      }
      const int done = fr.node;
      call.pop_back();
      if (!call.empty()) {
        const auto parent = static_cast<std::size_t>(call.back().node);
        low[parent] = std::min(low[parent], low[static_cast<std::size_t>(done)]);
      }
    }
  }
  return components;
}

}  // namespace detail

inline BlockTriangularLU::BlockTriangularLU(const JacobianPattern& p) {
  const std::vector<std::vector<int>> components = detail::dependency_components(p);
  block_count_ = static_cast<int>(components.size());
  std::vector<int> component_of(static_cast<std::size_t>(p.n), -1);
  for (std::size_t c = 0; c < components.size(); ++c)
    for (int s : components[c]) component_of[static_cast<std::size_t>(s)] = static_cast<int>(c);

  coupling_start_.push_back(0);
  int dense_size = 0;
  for (std::size_t c = 0; c < components.size(); ++c) {
    const std::vector<int>& members = components[c];
    const int size = static_cast<int>(members.size());
    largest_ = std::max(largest_, size);
    const int first_row = static_cast<int>(row_state_.size());
    if (size == 1 && !blocks_.empty() && !blocks_.back().dense) {
      ++blocks_.back().size;  // extend the current run of one-state blocks
    } else {
      blocks_.push_back({first_row, size, size > 1, dense_size});
    }
    for (int m = 0; m < size; ++m) {
      const int i = members[static_cast<std::size_t>(m)];
      row_state_.push_back(i);
      int diagonal = -1;
      for (int k = p.row_start[static_cast<std::size_t>(i)];
           k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
        const int j = p.column[static_cast<std::size_t>(k)];
        if (j == i) diagonal = k;
        if (component_of[static_cast<std::size_t>(j)] == static_cast<int>(c)) continue;
        coupling_col_.push_back(j);
        coupling_value_.push_back(k);
      }
      diagonal_value_.push_back(diagonal);
      coupling_start_.push_back(static_cast<int>(coupling_col_.size()));
    }
    if (size > 1) {
      std::vector<int> local(static_cast<std::size_t>(p.n), -1);
      for (int m = 0; m < size; ++m)
        local[static_cast<std::size_t>(members[static_cast<std::size_t>(m)])] = m;
      std::vector<int> in_block(static_cast<std::size_t>(size * size), -1);
      for (int m = 0; m < size; ++m) {
        const int i = members[static_cast<std::size_t>(m)];
        for (int k = p.row_start[static_cast<std::size_t>(i)];
             k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k) {
          const int lj = local[static_cast<std::size_t>(p.column[static_cast<std::size_t>(k)])];
          if (lj >= 0) in_block[static_cast<std::size_t>(m * size + lj)] = k;
        }
      }
      dense_value_.insert(dense_value_.end(), in_block.begin(), in_block.end());
      dense_size += size * size;
    }
  }
  coupling_.assign(coupling_col_.size(), 0.0);
  inverse_diagonal_.assign(row_state_.size(), 0.0);
  dense_.assign(static_cast<std::size_t>(dense_size), 0.0);
  pivots_.assign(static_cast<std::size_t>(dense_size), 0);
  scratch_.assign(static_cast<std::size_t>(std::max(largest_, 1)), 0.0);
}

inline bool BlockTriangularLU::factor(double sigma, const double* J) {
  for (std::size_t k = 0; k < coupling_value_.size(); ++k) coupling_[k] = J[coupling_value_[k]];
  for (const Block& b : blocks_) {
    if (!b.dense) {
      for (int row = b.first_row; row < b.first_row + b.size; ++row) {
        const int d = diagonal_value_[static_cast<std::size_t>(row)];
        const double pivot = sigma - (d >= 0 ? J[d] : 0.0);
        if (!(std::abs(pivot) > 0.0) || !std::isfinite(pivot)) return false;
        inverse_diagonal_[static_cast<std::size_t>(row)] = 1.0 / pivot;
      }
      continue;
    }
    // Dense LU with partial pivoting of sigma I - J_BB (row-major, whole-row interchanges).
    const int s = b.size;
    double* a = dense_.data() + b.first_dense;
    int* piv = pivots_.data() + b.first_dense;
    const int* values = dense_value_.data() + b.first_dense;
    for (int r = 0; r < s; ++r)
      for (int c = 0; c < s; ++c) {
        const int k = values[r * s + c];
        a[r * s + c] = (r == c ? sigma : 0.0) - (k >= 0 ? J[k] : 0.0);
      }
    for (int col = 0; col < s; ++col) {
      int best = col;
      for (int r = col + 1; r < s; ++r)
        if (std::abs(a[r * s + col]) > std::abs(a[best * s + col])) best = r;
      piv[col] = best;
      if (best != col)
        for (int c = 0; c < s; ++c) std::swap(a[col * s + c], a[best * s + c]);
      const double pivot = a[col * s + col];
      if (!(std::abs(pivot) > 0.0) || !std::isfinite(pivot)) return false;
      const double inverse = 1.0 / pivot;
      for (int r = col + 1; r < s; ++r) {
        const double factor = a[r * s + col] * inverse;
        a[r * s + col] = factor;
        for (int c = col + 1; c < s; ++c) a[r * s + c] -= factor * a[col * s + c];
      }
    }
  }
  return true;
}

inline void BlockTriangularLU::solve(double* r) const {
  const int* state = row_state_.data();
  const int* start = coupling_start_.data();
  const int* col = coupling_col_.data();
  const double* value = coupling_.data();
  for (const Block& b : blocks_) {
    // r_i += sum over earlier rows of J(i, j) g_j, accumulated in a register.
    const int end = b.first_row + b.size;
    if (!b.dense) {
      for (int row = b.first_row; row < end; ++row) {
        double acc = r[state[row]];
        for (int k = start[row]; k < start[row + 1]; ++k) acc += value[k] * r[col[k]];
        r[state[row]] = acc * inverse_diagonal_[static_cast<std::size_t>(row)];
      }
      continue;
    }
    const int s = b.size;
    double* y = scratch_.data();
    for (int m = 0; m < s; ++m) {
      const int row = b.first_row + m;
      double acc = r[state[row]];
      for (int k = start[row]; k < start[row + 1]; ++k) acc += value[k] * r[col[k]];
      y[m] = acc;
    }
    const double* a = dense_.data() + b.first_dense;
    const int* piv = pivots_.data() + b.first_dense;
    // The row interchanges first (they were applied to whole rows, L included), then L, then U.
    for (int c = 0; c < s; ++c) std::swap(y[c], y[piv[c]]);
    for (int c = 0; c < s; ++c)
      for (int row = c + 1; row < s; ++row) y[row] -= a[row * s + c] * y[c];
    for (int row = s - 1; row >= 0; --row) {
      double v = y[row];
      for (int c = row + 1; c < s; ++c) v -= a[row * s + c] * y[c];
      y[row] = v / a[row * s + row];
    }
    for (int m = 0; m < s; ++m) r[state[b.first_row + m]] = y[m];
  }
}

}  // namespace myoflux
