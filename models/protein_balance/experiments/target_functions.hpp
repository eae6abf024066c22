// The functions the expressions of targets.yaml may call: each with its arguments' kinds (the
// reader checks them) and its implementation (the evaluator calls it), in one table.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "engine/result.hpp"
#include "models/protein_balance/parameters.hpp"

namespace myoflux::protein_balance {

/// What an argument is: a number (any expression), a run's output (`run.output`), the name of
/// a run, or the name of a model parameter.
enum class ArgKind { number, series, run, parameter };

/// The evaluated arguments of one call, in their order.
struct CallArgs {
  const Result* run = nullptr;   // of the series or run argument
  const char* output = nullptr;  // of the series argument
  std::string_view name;         // of the parameter argument
  std::array<double, 4> x{};     // the number arguments, in order
  const Parameters* parameters = nullptr;
};

struct TargetFunction {
  std::string_view name;
  std::vector<ArgKind> args;
  double (*call)(const CallArgs&);
};

const std::vector<TargetFunction>& target_functions();
/// nullptr for an unknown name.
const TargetFunction* find_target_function(std::string_view name);

}  // namespace myoflux::protein_balance
