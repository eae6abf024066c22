// Resolving the names an expression of targets.yaml uses: values defined above it, runs and
// their outputs, functions (target_functions.cpp and the entry's own) and model parameters.
#include "models/protein_balance/experiments/target_functions.hpp"
#include "models/protein_balance/experiments/target_reading.hpp"

namespace myoflux::protein_balance::reading {

void check_series(const Expr& e, const Names& n) {
  if (e.kind != Expr::Kind::series)
    fail(e.mark, "expected a run's output such as run.mps_fold, got " + expression_text(e));
  std::vector<std::string_view> runs;
  for (const TargetRun& r : *n.runs) runs.push_back(r.name);
  if (!contains(runs, e.name))
    fail(e.mark, "unknown run '" + e.name + "'" + did_you_mean(e.name, runs) +
                     "; runs are named under 'runs:'");
  if (!contains(output_names(), e.member))
    fail(e.mark, "the model has no output '" + e.member + "'" +
                     did_you_mean(e.member, output_names()) + "; docs/model.md lists the outputs");
}

namespace {

void check_call(const Expr& e, const Names& n) {
  for (const UserFunction& f : *n.functions) {
    if (f.name != e.name) continue;
    if (e.args.size() != f.parameters.size())
      fail(e.mark, e.name + "() takes " + std::to_string(f.parameters.size()) + " arguments, got " +
                       std::to_string(e.args.size()));
    for (const ExprPtr& a : e.args) check_names(*a, n);
    return;
  }
  const TargetFunction* it = find_target_function(e.name);
  if (it == nullptr) {
    std::vector<std::string_view> names;
    for (const TargetFunction& f : target_functions()) names.push_back(f.name);
    for (const UserFunction& f : *n.functions) names.push_back(f.name);
    fail(e.mark, "unknown function '" + e.name + "'" + did_you_mean(e.name, names) +
                     "; functions: " + list(names));
  }
  if (e.args.size() != it->args.size())
    fail(e.mark, e.name + "() takes " + std::to_string(it->args.size()) + " arguments, got " +
                     std::to_string(e.args.size()));
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    const Expr& a = *e.args[i];
    switch (it->args[i]) {
      case ArgKind::series:
        check_series(a, n);
        break;
      case ArgKind::run: {
        std::vector<std::string_view> runs;
        for (const TargetRun& r : *n.runs) runs.push_back(r.name);
        if (a.kind != Expr::Kind::name || !contains(runs, a.name))
          fail(a.mark, e.name + "() takes the name of a run" +
                           (a.kind == Expr::Kind::name ? did_you_mean(a.name, runs) : "") +
                           "; runs: " + list(runs));
        break;
      }
      case ArgKind::parameter:
        if (a.kind != Expr::Kind::name || !contains(parameter_names(), a.name))
          fail(a.mark,
               "param() takes a model parameter's name" +
                   (a.kind == Expr::Kind::name ? " ('" + a.name + "' is none" +
                                                     did_you_mean(a.name, parameter_names()) + ")"
                                               : std::string()) +
                   "; `myoflux params` lists them");
        break;
      case ArgKind::number:
        check_names(a, n);
        break;
    }
  }
}

}  // namespace

void check_names(const Expr& e, const Names& n) {
  switch (e.kind) {
    case Expr::Kind::number:
      return;
    case Expr::Kind::name:
      if (std::find(n.values.begin(), n.values.end(), e.name) == n.values.end()) {
        const std::vector<std::string_view> known(n.values.begin(), n.values.end());
        fail(e.mark, "unknown value '" + e.name + "'" + did_you_mean(e.name, known) +
                         "; a value must be defined under 'values:' above its first use");
      }
      return;
    case Expr::Kind::series:
      fail(e.mark, "a run's output such as " + expression_text(e) +
                       " is a series: read a number from it with mean(), at(), peak(), ...");
    case Expr::Kind::call:
      return check_call(e, n);
    case Expr::Kind::negate:
    case Expr::Kind::logical_not:
    case Expr::Kind::binary:
      for (const ExprPtr& a : e.args) check_names(*a, n);
      return;
  }
}

ExprPtr expression(const YamlNode& node, const Names& names, std::string_view what) {
  if (!node.is_scalar())
    fail(node.mark, std::string(what) + " must be an expression (e.g. mean(run.mps_fold, 0, 4))");
  ExprPtr e = parse_expression(node.scalar, mark_at(node));
  check_names(*e, names);
  return e;
}

}  // namespace myoflux::protein_balance::reading
