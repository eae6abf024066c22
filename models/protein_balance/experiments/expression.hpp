// The small expression language of targets.yaml: how a target turns runs into the numbers it
// compares. Numbers (optionally with a time unit: "5 min", "24 h"; times are in hours), names of
// values, `run.output` series, calls f(a, b), + - * /, comparisons < <= > >= == != (1 or 0),
// and, or, not. Parsing only builds the tree; target_names.cpp checks its names and
// target_evaluate.cpp evaluates it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux::protein_balance {

struct Expr {
  enum class Kind { number, name, series, call, negate, logical_not, binary };
  Kind kind = Kind::number;
  double number = 0.0;
  std::string name;    // name; series: the run; call: the function; binary: the operator
  std::string member;  // series: the output
  std::vector<std::shared_ptr<const Expr>> args;  // call arguments; operands
  SourceMark mark;                                // where it starts
};

using ExprPtr = std::shared_ptr<const Expr>;

/// Parses `text`, which starts at `mark` (a column within a line). Throws ScenarioError at the
/// offending character, naming what was expected.
ExprPtr parse_expression(std::string_view text, const SourceMark& mark);

/// The expression written back as text (for messages).
std::string expression_text(const Expr& e);

}  // namespace myoflux::protein_balance
