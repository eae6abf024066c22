// A scalar type that records arithmetic instead of doing it: evaluating a model's templated
// right-hand side with Expression states gives, for one set of inputs, the tree of each dx/dt in
// terms of the states and numbers. The SBML export (engine/sbml/) prints these trees as MathML,
// so the exported equations are the compiled ones and cannot drift from them.
//
// Parameters and inputs are plain doubles inside a right-hand side, so they arrive here as
// numbers (already combined where the model combines them in double arithmetic). Constant
// subtrees fold at once and the neutral elements vanish (x + 0, 1 * x, x / 1), which keeps the
// trees close to the written equations.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/solver/autodiff.hpp"

namespace myoflux {

class Expression {
 public:
  enum class Op {
    constant,
    state,     // x[index]
    add,       // a + b
    subtract,  // a - b
    multiply,  // a * b
    divide,    // a / b
    negate,    // -a
    sqrt,
    exp,
    log,
    power,     // a ^ b, b a constant
    positive,  // max(a, 0)
    smaller,   // min(a, b), b a constant
  };

  Expression() : Expression(0.0) {}
  Expression(double value);  // NOLINT: constants promote implicitly, as in arithmetic
  static Expression state(int index);

  Op op() const { return node_->op; }
  /// The number of a constant; meaningful only when op() == Op::constant.
  double value() const { return node_->value; }
  /// The state index of a state leaf; meaningful only when op() == Op::state.
  int index() const { return node_->index; }
  /// Operands: none for leaves, one for negate, sqrt, exp, log, positive, two otherwise.
  const std::vector<Expression>& operands() const { return node_->operands; }
  bool is_constant() const { return op() == Op::constant; }
  bool is_constant(double v) const { return is_constant() && value() == v; }

  /// Infix text for messages and tests ("(x3 * 0.5)"); numbers with 17 significant digits.
  std::string infix() const;
  /// Evaluates at state x (the tree's own arithmetic, for checking it against the model).
  double evaluate(const double* x) const;

  static Expression apply(Op op, std::vector<Expression> operands);

  Expression& operator+=(const Expression& b) { return *this = *this + b; }
  Expression& operator-=(const Expression& b) { return *this = *this - b; }
  Expression& operator*=(const Expression& b) { return *this = *this * b; }
  Expression& operator/=(const Expression& b) { return *this = *this / b; }

  friend Expression operator+(const Expression& a, const Expression& b);
  friend Expression operator-(const Expression& a, const Expression& b);
  friend Expression operator*(const Expression& a, const Expression& b);
  friend Expression operator/(const Expression& a, const Expression& b);
  friend Expression operator-(const Expression& a);
  // No comparisons: a right-hand side that branches on a state's value cannot be written out as
  // one tree (the models branch on inputs only and use positive()/smaller() for kinks).

 private:
  struct Node {
    Op op = Op::constant;
    double value = 0.0;
    int index = -1;
    std::vector<Expression> operands;
  };
  explicit Expression(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
  std::shared_ptr<const Node> node_;
};

namespace scalar {
Expression positive(const Expression& x);
Expression smaller(const Expression& x, double c);
Expression sqrt(const Expression& x);
Expression exp(const Expression& x);
Expression log(const Expression& x);
Expression pow(const Expression& x, double n);
}  // namespace scalar

/// The right-hand side of a model as expression trees, one per state, for inputs u.
template <class M>
std::vector<Expression> rhs_expressions(const M& model, int state_count, const std::vector<double>& u) {
  std::vector<Expression> x, dxdt(static_cast<std::size_t>(state_count));
  for (int i = 0; i < state_count; ++i) x.push_back(Expression::state(i));
  model.rhs(0.0, x.data(), std::span<const double>(u), dxdt.data());
  return dxdt;
}

}  // namespace myoflux
