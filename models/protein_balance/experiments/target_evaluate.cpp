// Evaluating a target of targets.yaml: its runs (cached by the StudyRunner), its values in order,
// its checks and figures; and the digitized time courses. The arithmetic follows the order the
// expressions are written in, so a target gives the same numbers as the same formula in C++.
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>

#include "engine/error.hpp"
#include "models/protein_balance/experiments/result_math.hpp"
#include "models/protein_balance/experiments/target_functions.hpp"
#include "models/protein_balance/experiments/target_program.hpp"
#include "models/protein_balance/experiments/targets.hpp"
#include "models/protein_balance/model.hpp"

namespace myoflux::protein_balance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt(double v, int digits = 3) {
  std::ostringstream out;
  out.precision(digits);
  out << v;
  return out.str();
}

// --- checks ---

/// |model - published| <= tolerance.
Evaluation within(double model, double published, double tolerance) {
  Evaluation e;
  e.model = model;
  e.pass = std::abs(model - published) <= tolerance;
  e.score = std::pow((model - published) / tolerance, 2);
  return e;
}

/// model <= limit (score grows beyond it in units of `scale`).
Evaluation at_most(double model, double limit, double scale) {
  Evaluation e;
  e.model = model;
  e.pass = model <= limit;
  e.score = model > limit ? std::pow((model - limit) / scale, 2) : 0.0;
  return e;
}

Evaluation at_least(double model, double limit, double scale) {
  Evaluation e = at_most(-model, -limit, scale);
  e.model = model;
  return e;
}

// --- runs ---

/// The rested, postabsorptive model's outputs while exercising at each intensity of a sweep,
/// as a result whose "time" is the intensity (fraction of VO2max). No simulation.
Result intensity_sweep(const TargetRun& run, const Parameters& parameters) {
  const ProteinBalanceModel model(Subject{}, parameters);
  const Eigen::VectorXd x = model.initial_state();
  std::array<double, channel::count> u{};
  std::array<double, kOutputCount> row{};
  u[channel::modality] = static_cast<double>(run.modality);
  std::vector<double> intensities;
  std::vector<std::array<double, kOutputCount>> rows;
  for (double i = run.from; i <= run.to; i += run.step) {
    u[channel::exercise_intensity] = i;
    model.observe(0, x.data(), u, row);
    intensities.push_back(i);
    rows.push_back(row);
  }
  Result r;
  r.variables.assign(output_table().begin(), output_table().end());
  r.time_h = Eigen::Map<const Eigen::VectorXd>(intensities.data(),
                                               static_cast<Eigen::Index>(intensities.size()));
  r.values.resize(static_cast<Eigen::Index>(rows.size()), kOutputCount);
  for (std::size_t k = 0; k < rows.size(); ++k)
    for (int j = 0; j < kOutputCount; ++j)
      r.values(static_cast<Eigen::Index>(k), j) = rows[k][static_cast<std::size_t>(j)];
  return r;
}

// --- expressions ---

class Evaluator {
 public:
  Evaluator(const TargetProgram& p, StudyRunner& runner) : p_(p), runner_(runner) {
    for (const TargetRun& run : p.runs) {
      if (run.intensity_sweep) {
        owned_.push_back(std::make_unique<Result>(intensity_sweep(run, runner.parameters())));
        runs_[run.name] = owned_.back().get();
      } else {
        runs_[run.name] = &runner.arm(run.study, run.arm, {}, run.sets, run.output_interval_h);
      }
    }
  }

  void define(const std::string& name, double value) { scope_.emplace_back(name, value); }
  void forget(std::size_t n) { scope_.resize(scope_.size() - n); }

  double value(const std::string& name) const {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
      if (it->first == name) return it->second;
    throw std::logic_error("targets: no value " + name);  // the loader resolved every name
  }

  const Result& run(const Expr& e) const { return *runs_.at(e.name); }

  double eval(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::number:
        return e.number;
      case Expr::Kind::name:
        return value(e.name);
      case Expr::Kind::series:
        break;
      case Expr::Kind::negate:
        return -eval(*e.args[0]);
      case Expr::Kind::logical_not:
        return eval(*e.args[0]) != 0.0 ? 0.0 : 1.0;
      case Expr::Kind::binary:
        return binary(e);
      case Expr::Kind::call:
        return call(e);
    }
    throw std::logic_error("targets: a series where a number belongs");
  }

 private:
  double binary(const Expr& e) {
    const std::string& op = e.name;
    if (op == "and") return eval(*e.args[0]) != 0.0 && eval(*e.args[1]) != 0.0 ? 1.0 : 0.0;
    if (op == "or") return eval(*e.args[0]) != 0.0 || eval(*e.args[1]) != 0.0 ? 1.0 : 0.0;
    const double a = eval(*e.args[0]), b = eval(*e.args[1]);
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    if (op == "/") return a / b;
    if (op == "<") return a < b ? 1.0 : 0.0;
    if (op == "<=") return a <= b ? 1.0 : 0.0;
    if (op == ">") return a > b ? 1.0 : 0.0;
    if (op == ">=") return a >= b ? 1.0 : 0.0;
    if (op == "==") return a == b ? 1.0 : 0.0;
    if (op == "!=") return a != b ? 1.0 : 0.0;
    throw std::logic_error("targets: operator " + op);
  }

  double call(const Expr& e) {
    for (const UserFunction& u : p_.functions)
      if (u.name == e.name) {
        std::vector<double> args;
        for (const ExprPtr& a : e.args) args.push_back(eval(*a));
        for (std::size_t i = 0; i < args.size(); ++i) define(u.parameters[i], args[i]);
        const double v = eval(*u.body);
        forget(args.size());
        return v;
      }
    const TargetFunction& f = *find_target_function(e.name);  // the reader checked the name
    CallArgs a;
    a.parameters = &runner_.parameters();
    std::size_t numbers = 0;
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const Expr& arg = *e.args[i];
      switch (f.args[i]) {
        case ArgKind::series:
          a.run = &run(arg), a.output = arg.member.c_str();
          break;
        case ArgKind::run:
          a.run = &run(arg);
          break;
        case ArgKind::parameter:
          a.name = arg.name;
          break;
        case ArgKind::number:
          a.x[numbers++] = eval(arg);
          break;
      }
    }
    return f.call(a);
  }

  const TargetProgram& p_;
  StudyRunner& runner_;
  std::map<std::string, const Result*> runs_;
  std::vector<std::unique_ptr<Result>> owned_;
  std::vector<std::pair<std::string, double>> scope_;
};

// --- figures ---

double x_in(const std::string& unit, double t) {
  if (unit == "min") return 60.0 * t;
  if (unit == "day") return t / 24;
  if (unit == "%") return 100 * t;
  return t;  // h
}

PlotSeries line_series(const SeriesSpec& s, Evaluator& ev) {
  PlotSeries out = s.labels;
  const Result& r = ev.run(*s.line);
  const auto col = r.column(s.line->member);
  const double start = s.start ? ev.eval(*s.start) : 0.0;
  const bool window = s.duration != nullptr;
  const double duration = window ? ev.eval(*s.duration) : 0.0;
  for (Eigen::Index i = 0; i < r.time_h.size(); i += s.every) {
    const double t = r.time_h[i] - start;
    if (window && (t < -1e-9 || t > duration + 1e-9)) continue;
    out.x.push_back(x_in(s.x_unit, t));
    out.y.push_back(col[i]);
  }
  return out;
}

PlotSeries series(const SeriesSpec& s, Evaluator& ev) {
  if (s.kind == SeriesSpec::Kind::line) return line_series(s, ev);
  PlotSeries out = s.labels;
  if (s.kind == SeriesSpec::Kind::list) {
    for (const ExprPtr& e : s.x) out.x.push_back(ev.eval(*e));
    for (const ExprPtr& e : s.y) out.y.push_back(ev.eval(*e));
    for (const ExprPtr& e : s.y_error) out.y_error.push_back(ev.eval(*e));
    return out;
  }
  const double from = ev.eval(*s.from), to = ev.eval(*s.to), step = ev.eval(*s.step);
  for (double v = from; v <= to; v += step) {
    ev.define(s.variable, v);
    out.x.push_back(ev.eval(*s.x_of));
    out.y.push_back(ev.eval(*s.y_of));
    ev.forget(1);
  }
  return out;
}

std::string model_text(const std::vector<TextPiece>& pieces, const Evaluator& ev) {
  std::string out;
  for (const TextPiece& p : pieces) {
    out += p.literal;
    if (!p.value.empty()) out += fmt(ev.value(p.value), p.digits);
  }
  return out;
}

Evaluation evaluate_program(const TargetProgram& p, StudyRunner& runner) {
  Evaluator ev(p, runner);
  for (const NamedExpr& v : p.values) ev.define(v.name, ev.eval(*v.expr));
  Evaluation e;
  e.pass = true;
  for (std::size_t i = 0; i < p.checks.size(); ++i) {
    const Check& c = p.checks[i];
    const auto arg = [&](std::size_t k) { return ev.eval(*c.args[k]); };
    Evaluation part;
    if (c.kind == Check::Kind::holds) {
      part.pass = arg(0) != 0.0;
      part.score = part.pass || c.args.size() < 2 ? 0.0 : arg(1);
    } else {
      const double x = arg(0), a = arg(1), b = arg(2);
      part = c.kind == Check::Kind::within    ? within(x, a, b)
             : c.kind == Check::Kind::at_most ? at_most(x, a, b)
                                              : at_least(x, a, b);
    }
    e.pass = e.pass && part.pass;
    e.score += part.score;
    if (i == 0) e.model = part.model;
  }
  if (p.score) e.score += ev.eval(*p.score);
  if (p.model_value) e.model = ev.eval(*p.model_value);
  e.model_text = model_text(p.model_text, ev);
  for (const SeriesSpec& s : p.series) e.series.push_back(series(s, ev));
  return e;
}

// --- digitized time courses ---

const FeedingVariable& feeding_variable(const FeedingSettings& s, const std::string& variable) {
  for (const FeedingVariable& v : s.variables)
    if (v.variable == variable) return v;
  throw std::logic_error("targets: no feeding variable " + variable);
}

/// The study's own baselines (t = 0 of its data) for the variables that name a parameter.
Overrides dataset_baselines(const FeedingSettings& s, const FeedingData& data,
                            const std::string& dataset) {
  Overrides o;
  for (const FeedingVariable& v : s.variables) {
    if (v.baseline.empty()) continue;
    const auto it = data.find(dataset + "/" + v.variable);
    if (it == data.end() || it->second.points.empty() || it->second.points[0].time_min != 0.0)
      continue;
    o.emplace_back(v.baseline, it->second.points[0].value * v.data_to_model);
  }
  return o;
}

Evaluation evaluate_time_course(const TimeCourse& c, StudyRunner& runner, const FeedingData& data) {
  const FeedingSettings& settings = *c.settings;
  const DataSeries& series = data.at(c.dataset + "/" + c.variable);
  const FeedingVariable& spec = feeding_variable(settings, c.variable);
  const Result& r =
      runner.arm(c.study, c.arm, dataset_baselines(settings, data, c.dataset), {}, 1.0 / 60.0);
  const double duration = r.time_h[r.time_h.size() - 1] - c.feed_time_h;
  double z2 = 0.0;
  int n = 0;
  PlotSeries points{c.dataset + "_" + c.variable,
                    series.study + ": " + series.condition,
                    "time after the feed (min)",
                    spec.y_label,
                    "data (mean +/- SEM)",
                    true,
                    {},
                    {},
                    {}};
  const double first = series.points.front().value;
  for (const DataPoint& p : series.points) {
    if (p.time_min / 60.0 > duration + 1e-9) continue;
    double observed = p.value * spec.data_to_model, sem = p.sem * spec.data_to_model;
    if (spec.fold_of_first) observed = p.value / first, sem = p.sem / first;
    const double model = at_time(r, spec.output.c_str(), c.feed_time_h + p.time_min / 60.0);
    const double z = (model - observed) / sem;
    z2 += z * z;
    ++n;
    points.x.push_back(p.time_min);
    points.y.push_back(observed);
    points.y_error.push_back(sem);
  }
  Evaluation e;
  e.score = n > 0 ? z2 / n : 0.0;
  e.model = std::sqrt(e.score);
  e.model_text = "RMS z = " + fmt(e.model, 2) + " over " + std::to_string(n) + " points";
  e.pass = e.model <= settings.max_rms_z;
  // The model line over the data's span, in minutes after the feed.
  const double t_end = (points.x.empty() ? 180.0 : points.x.back()) / 60.0;
  PlotSeries line{points.figure,
                  points.title,
                  "time after the feed (min)",
                  spec.y_label,
                  "model",
                  false,
                  {},
                  {},
                  {}};
  const auto col = r.column(spec.output);
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i) {
    const double t = r.time_h[i] - c.feed_time_h;
    if (t < -1e-9 || t > t_end + 1e-9) continue;
    line.x.push_back(60.0 * t);
    line.y.push_back(1.0 * col[i]);
  }
  e.series.push_back(std::move(line));
  e.series.push_back(std::move(points));
  return e;
}

}  // namespace

Evaluation Target::evaluate(StudyRunner& runner, const FeedingData& data) const {
  if (program->time_course) return evaluate_time_course(*program->time_course, runner, data);
  return evaluate_program(*program, runner);
}

ValidationReport run_validation(const std::vector<Target>& list, StudyRunner& runner,
                                const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  ValidationReport report;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Target& target = list[i];
    ValidationRow row{
        target.id, target.section,   target.what, target.source,       target.published,
        "",        target.tolerance, false,       target.known_failure};
    try {
      Evaluation e = target.evaluate(runner, data);
      row.model = e.model_text;
      row.pass = e.pass;
      for (PlotSeries& s : e.series) report.series.push_back(std::move(s));
    } catch (const std::exception& e) {
      row.model = std::string("error: ") + e.what();
      row.pass = false;
    }
    report.rows.push_back(std::move(row));
    if (progress) progress(i + 1, list.size());
  }
  return report;
}

ValidationReport run_validation(StudyRunner& runner, const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  return run_validation(targets(), runner, data, progress);
}

}  // namespace myoflux::protein_balance
