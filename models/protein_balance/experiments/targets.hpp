// The virtual experiments: every published target of TARGETS.md, as data in targets.yaml (its
// runs of the scenario library, the numbers read from them, the published value and a tolerance
// justified by the study's spread). The same list drives `myoflux validate`, the validation
// tests, the calibration and the target table of docs/model.md.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"
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

struct TargetProgram;  // target_program.hpp

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
  SourceMark mark;  // where the entry starts
  std::shared_ptr<const TargetProgram> program;

  /// Runs the experiment (runs are cached by the runner) and compares it with the target.
  Evaluation evaluate(StudyRunner& runner, const FeedingData& data) const;
};

/// The calibration stages a target may name (calibration/calibrate.cpp).
inline constexpr std::string_view kCalibrationStages[] = {"feeding", "exercise", "damage", "fuel", "frequency",
                                                          "lactate", "weeks",    "diet"};

/// Reads and checks a targets file: every entry complete, every run's study and arm present in
/// `scenario_dir`, every name known (runs, values, functions, outputs, parameters). Throws
/// ScenarioError at the file:line:column of the first mistake, saying what was expected.
std::vector<Target> load_targets(const std::filesystem::path& file,
                                 const std::filesystem::path& scenario_dir);
std::vector<Target> targets_from_yaml(std::string_view text, const std::string& origin,
                                      const std::filesystem::path& scenario_dir);

/// models/protein_balance/experiments/targets.yaml in the data folder (engine/resources.hpp).
std::filesystem::path default_targets_path();

/// The targets of the default file, read once.
const std::vector<Target>& targets();

/// One line per target (id, stage, weight, known failure): what `myoflux check` shows of a
/// targets file.
void describe_targets(std::ostream& out, const std::vector<Target>& targets);

/// For `myoflux check FILE` on a targets file: reads and checks it against the scenario library
/// (throwing ScenarioError at the first mistake, as load_targets does) and describes it.
void check_targets_file(const std::filesystem::path& file, std::ostream& out);

/// Runs every target; a target whose run fails is reported as failed with the error.
ValidationReport run_validation(StudyRunner& runner, const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress = {});
ValidationReport run_validation(const std::vector<Target>& targets, StudyRunner& runner,
                                const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace myoflux::protein_balance
