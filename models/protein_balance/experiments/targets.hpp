// The virtual experiments: every target of TARGETS.md as a study of the scenario library, the
// model's answer, the published value and a tolerance justified by the study's spread. The same
// list drives `myoflux validate`, the validation tests and the calibration.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "engine/validation_report.hpp"
#include "models/protein_balance/experiments/feeding_data.hpp"
#include "models/protein_balance/experiments/study_runner.hpp"

namespace myoflux::protein_balance {

struct Evaluation {
  double model = std::numeric_limits<double>::quiet_NaN();
  std::string model_text;
  bool pass = false;
  /// Squared distance from the target in units of its tolerance (time courses: mean squared
  /// z-score); the calibration minimizes sums of these.
  double score = 0.0;
  std::vector<PlotSeries> series;
};

struct Target {
  std::string id;
  std::string section;  // TARGETS.md section
  std::string what;
  std::string source;
  std::string published;
  std::string tolerance;  // value and justification
  /// Calibration stage that fits to this target ("" if it is validation only).
  std::string calibration_stage;
  /// Weight of its score in that stage: synthesis and signalling targets, few points each, would
  /// otherwise be outvoted by the many plasma time courses.
  double weight = 1.0;
  /// Non-empty when the model is known not to meet the target: the reason, kept visible.
  std::string known_failure;
  std::function<Evaluation(StudyRunner&, const FeedingData&)> evaluate;
};

const std::vector<Target>& targets();

/// Runs every target; a target whose run fails is reported as failed with the error.
ValidationReport run_validation(StudyRunner& runner, const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace myoflux::protein_balance
