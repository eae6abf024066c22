// The measures read a run's output (result_math.hpp); the rest is arithmetic, written as the C++
// it replaces (std::max, x * x) so that a target computes exactly what the code did.
#include "models/protein_balance/experiments/target_functions.hpp"

#include <algorithm>
#include <cmath>

#include "models/protein_balance/experiments/result_math.hpp"

namespace myoflux::protein_balance {
namespace {

using A = ArgKind;

double last_sample_time(const Result& r) {
  return r.time_h[r.time_h.size() - 1];
}

}  // namespace

const std::vector<TargetFunction>& target_functions() {
  static const std::vector<TargetFunction> list = {
      {"mean",
       {A::series, A::number, A::number},
       [](const CallArgs& a) { return mean_over(*a.run, a.output, a.x[0], a.x[1]); }},
      {"at",
       {A::series, A::number},
       [](const CallArgs& a) { return at_time(*a.run, a.output, a.x[0]); }},
      {"minimum",
       {A::series, A::number, A::number},
       [](const CallArgs& a) { return min_over(*a.run, a.output, a.x[0], a.x[1]); }},
      {"peak",
       {A::series},
       [](const CallArgs& a) { return a.run->column(a.output)[peak_index(*a.run, a.output)]; }},
      {"peak_time",
       {A::series},
       [](const CallArgs& a) { return a.run->time_h[peak_index(*a.run, a.output)]; }},
      {"final", {A::series}, [](const CallArgs& a) { return a.run->final_value(a.output); }},
      {"sample_mean",
       {A::series},
       [](const CallArgs& a) { return a.run->column(a.output).mean(); }},
      {"first_time_above",
       {A::series, A::number, A::number},
       [](const CallArgs& a) { return first_time_above(*a.run, a.output, a.x[0], a.x[1]); }},
      {"last_time_above",
       {A::series, A::number, A::number, A::number},
       [](const CallArgs& a) { return last_time_above(*a.run, a.output, a.x[0], a.x[1], a.x[2]); }},
      {"sample_near",
       {A::series, A::number, A::number},
       [](const CallArgs& a) { return sample_near(*a.run, a.output, a.x[0], a.x[1]); }},
      {"end_time", {A::run}, [](const CallArgs& a) { return last_sample_time(*a.run); }},
      {"param",
       {A::parameter},
       [](const CallArgs& a) { return get_parameter(*a.parameters, a.name); }},
      {"log", {A::number}, [](const CallArgs& a) { return std::log(a.x[0]); }},
      {"sqrt", {A::number}, [](const CallArgs& a) { return std::sqrt(a.x[0]); }},
      {"abs", {A::number}, [](const CallArgs& a) { return std::abs(a.x[0]); }},
      {"square", {A::number}, [](const CallArgs& a) { return a.x[0] * a.x[0]; }},
      {"max", {A::number, A::number}, [](const CallArgs& a) { return std::max(a.x[0], a.x[1]); }},
      {"min", {A::number, A::number}, [](const CallArgs& a) { return std::min(a.x[0], a.x[1]); }},
      {"if",
       {A::number, A::number, A::number},
       [](const CallArgs& a) { return a.x[0] != 0.0 ? a.x[1] : a.x[2]; }},
  };
  return list;
}

const TargetFunction* find_target_function(std::string_view name) {
  for (const TargetFunction& f : target_functions())
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace myoflux::protein_balance
