#include "engine/solver/expression.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace myoflux {
namespace {

using Op = Expression::Op;

double fold(Op op, double a, double b) {
  switch (op) {
    case Op::add: return a + b;
    case Op::subtract: return a - b;
    case Op::multiply: return a * b;
    case Op::divide: return a / b;
    case Op::negate: return -a;
    case Op::sqrt: return std::sqrt(a);
    case Op::exp: return std::exp(a);
    case Op::log: return std::log(a);
    case Op::power: return std::pow(a, b);
    case Op::positive: return a > 0.0 ? a : 0.0;
    case Op::smaller: return a < b ? a : b;
    case Op::constant:
    case Op::state: break;
  }
  throw std::logic_error("Expression: not an operation");
}

std::string expression_number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

const char* infix_symbol(Op op) {
  switch (op) {
    case Op::add: return " + ";
    case Op::subtract: return " - ";
    case Op::multiply: return " * ";
    case Op::divide: return " / ";
    default: return "";
  }
}

const char* function_name(Op op) {
  switch (op) {
    case Op::sqrt: return "sqrt";
    case Op::exp: return "exp";
    case Op::log: return "log";
    case Op::power: return "pow";
    case Op::positive: return "positive";
    case Op::smaller: return "min";
    default: return "";
  }
}

}  // namespace

Expression::Expression(double value)
    : node_(std::make_shared<const Node>(Node{Op::constant, value, -1, {}})) {}

Expression Expression::state(int index) {
  return Expression(std::make_shared<const Node>(Node{Op::state, 0.0, index, {}}));
}

Expression Expression::apply(Op op, std::vector<Expression> operands) {
  bool all_constant = true;
  for (const Expression& e : operands) all_constant = all_constant && e.is_constant();
  if (all_constant)
    return Expression(fold(op, operands.at(0).value(), operands.size() > 1 ? operands[1].value() : 0.0));
  return Expression(std::make_shared<const Node>(Node{op, 0.0, -1, std::move(operands)}));
}

Expression operator+(const Expression& a, const Expression& b) {
  if (a.is_constant(0.0)) return b;
  if (b.is_constant(0.0)) return a;
  return Expression::apply(Op::add, {a, b});
}
Expression operator-(const Expression& a, const Expression& b) {
  if (b.is_constant(0.0)) return a;
  if (a.is_constant(0.0)) return -b;
  return Expression::apply(Op::subtract, {a, b});
}
Expression operator*(const Expression& a, const Expression& b) {
  // 0 * x is 0 for every finite x, which is all a right-hand side may produce.
  if (a.is_constant(0.0) || b.is_constant(0.0)) return Expression(0.0);
  if (a.is_constant(1.0)) return b;
  if (b.is_constant(1.0)) return a;
  return Expression::apply(Op::multiply, {a, b});
}
Expression operator/(const Expression& a, const Expression& b) {
  if (b.is_constant(1.0)) return a;
  if (a.is_constant(0.0) && !b.is_constant()) return Expression(0.0);
  return Expression::apply(Op::divide, {a, b});
}
Expression operator-(const Expression& a) {
  if (a.op() == Op::negate) return a.operands()[0];
  return Expression::apply(Op::negate, {a});
}

std::string Expression::infix() const {
  switch (op()) {
    case Op::constant: return expression_number_text(value());
    case Op::state: return "x" + std::to_string(index());
    case Op::add:
    case Op::subtract:
    case Op::multiply:
    case Op::divide:
      return "(" + operands()[0].infix() + infix_symbol(op()) + operands()[1].infix() + ")";
    case Op::negate: return "(-" + operands()[0].infix() + ")";
    default: {
      std::string text = std::string(function_name(op())) + "(" + operands()[0].infix();
      if (operands().size() > 1) text += ", " + operands()[1].infix();
      return text + ")";
    }
  }
}

double Expression::evaluate(const double* x) const {
  switch (op()) {
    case Op::constant: return value();
    case Op::state: return x[index()];
    default:
      return fold(op(), operands()[0].evaluate(x),
                  operands().size() > 1 ? operands()[1].evaluate(x) : 0.0);
  }
}

namespace scalar {
Expression positive(const Expression& x) {
  return Expression::apply(Expression::Op::positive, {x});
}
Expression smaller(const Expression& x, double c) {
  return Expression::apply(Expression::Op::smaller, {x, Expression(c)});
}
Expression sqrt(const Expression& x) {
  return Expression::apply(Expression::Op::sqrt, {x});
}
Expression exp(const Expression& x) {
  return Expression::apply(Expression::Op::exp, {x});
}
Expression log(const Expression& x) {
  return Expression::apply(Expression::Op::log, {x});
}
Expression pow(const Expression& x, double n) {
  if (n == 1.0) return x;
  return Expression::apply(Expression::Op::power, {x, Expression(n)});
}
}  // namespace scalar

}  // namespace myoflux
