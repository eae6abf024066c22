// What an entry of targets.yaml says, once read and checked (target_file.cpp): the runs it
// needs, its values, checks, model text and figures, or a digitized time course. Evaluated by
// target_evaluate.cpp; nothing here knows YAML.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario/channels.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/validation_report.hpp"
#include "models/protein_balance/experiments/expression.hpp"

namespace myoflux::protein_balance {

/// An arm of a library study, or the rested model's outputs over exercise intensities.
struct TargetRun {
  std::string name;
  std::string study;  // relative to the scenario folder
  std::string arm;
  std::vector<FieldOverride> sets;
  double output_interval_h = 0.0;  // 0: the file's
  bool intensity_sweep = false;
  Modality modality = Modality::rest;
  double from = 0.0, to = 0.0, step = 0.0;  // intensities, fraction of VO2max
};

struct NamedExpr {
  std::string name;
  ExprPtr expr;
};

struct UserFunction {
  std::string name;
  std::vector<std::string> parameters;
  ExprPtr body;
};

/// within(x, published, tolerance), at_most(x, limit, scale), at_least(x, limit, scale) or
/// holds(condition, penalty).
struct Check {
  enum class Kind { within, at_most, at_least, holds };
  Kind kind = Kind::within;
  std::vector<ExprPtr> args;
};

/// "text {value} text {value:4}": literal pieces and the values between them.
struct TextPiece {
  std::string literal;
  std::string value;  // empty: literal only
  int digits = 3;
};

struct SeriesSpec {
  PlotSeries labels;  // figure, title, labels, points; x and y are filled when evaluated
  enum class Kind { line, list, curve };
  Kind kind = Kind::list;
  // line: one run's output over a window
  ExprPtr line;             // a run.output series
  ExprPtr start, duration;  // h; no duration: every sample
  std::string x_unit = "min";
  long every = 1;
  // list: x, y, y_error as expressions; curve: x and y of the loop variable
  std::vector<ExprPtr> x, y, y_error;
  std::string variable;
  ExprPtr from, to, step, x_of, y_of;
};

/// How a digitized variable of the feeding data maps to a model output.
struct FeedingVariable {
  std::string variable;
  std::string output;
  double data_to_model = 1.0;
  std::string y_label;
  std::string baseline;  // parameter set to the dataset's t = 0 value; empty: none
  bool fold_of_first = false;
};

struct FeedingSettings {
  std::vector<FeedingVariable> variables;  // in file order
  double max_rms_z = 3.0;
};

struct TimeCourse {
  std::string dataset, variable, study, arm;
  double feed_time_h = 0.0;
  std::shared_ptr<const FeedingSettings> settings;
};

struct TargetProgram {
  std::optional<TimeCourse> time_course;  // when set, the rest is unused
  std::vector<TargetRun> runs;
  std::vector<UserFunction> functions;
  std::vector<NamedExpr> values;
  std::vector<Check> checks;
  ExprPtr score;        // added to the checks' scores
  ExprPtr model_value;  // default: the first check's value
  std::vector<TextPiece> model_text;
  std::vector<SeriesSpec> series;
};

}  // namespace myoflux::protein_balance
