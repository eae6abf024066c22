// A Scenario is a training plan, a diet and a subject, read from a YAML file (docs/scenarios.md),
// checked, and compiled to the engine's Schedule. A Study is a set of named scenarios (arms)
// compared side by side. Loading never simulates; models consume the compiled result.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/error.hpp"
#include "engine/schedule.hpp"

namespace myoflux {

/// Where something was written: file, 1-based line and column. Empty file for text without one.
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
  std::string str() const;  // "file:line:column"
};

/// Bad scenario input. what() is "file:line:column: message"; the parts are kept for tools.
class ScenarioError : public InputError {
 public:
  ScenarioError(SourceMark mark, const std::string& message);
  const SourceMark& mark() const { return mark_; }
  const std::string& message() const { return message_; }

 private:
  SourceMark mark_;
  std::string message_;
};

enum class Sex { female, male };
enum class TrainingStatus { untrained, recreational, trained };
std::string_view sex_name(Sex s);
std::string_view training_status_name(TrainingStatus t);

/// The person being simulated, in the units named by each field.
struct Subject {
  Sex sex = Sex::male;
  double age_years = 25.0;
  double body_mass_kg = 70.0;
  double vo2max_ml_per_kg_min = 45.0;
  /// Intensity at the lactate threshold, as a fraction of VO2max.
  double lactate_threshold_fraction = 0.75;
  /// Maximal heart rate; written by the loader (from the file, or 208 - 0.7 x age, Tanaka 2001).
  double hrmax_bpm = 190.5;
  TrainingStatus training_status = TrainingStatus::recreational;
  /// Skeletal muscle mass as a fraction of body mass; from the file, or by sex (Janssen 2000:
  /// men 0.384, women 0.306).
  double muscle_mass_fraction = 0.384;
};

/// A model parameter set in a scenario file (`parameters:` block) or by --set parameters.NAME=...
/// The model checks the name and range; `mark` lets it point at the line.
struct ParameterOverride {
  std::string name;
  double value = 0.0;  // in the parameter's documented unit
  std::string text;    // as written
  SourceMark mark;
};

/// One contiguous piece of a session, as `myoflux check` prints it.
struct TimelineSegment {
  double start_h = 0.0;
  double duration_h = 0.0;
  std::string what;        // "warm-up walk", "work 2/4", "recovery 2/3", "set 3/4 x 10 @ 75 %1RM"
  double intensity = 0.0;  // fraction of VO2max
  double distance_km = 0.0;
};

struct TimelineSession {
  std::string name;  // "hiit_4x4 #7"
  double start_h = 0.0;
  std::vector<TimelineSegment> segments;
};

struct TimelineIntake {
  double time_h = 0.0;
  std::string what;  // "breakfast", "post-session whey", "drink pulse 2/4"
  double protein_g = 0.0;
  std::string protein_type;
  double carbohydrate_g = 0.0;
  double fat_g = 0.0;
};

/// The expanded plan, for `myoflux check`, summaries and plots.
struct Timeline {
  std::vector<TimelineSession> sessions;
  std::vector<TimelineIntake> intakes;
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> sources;  // citations for the protocol (the `source:` field)
  std::string file;                  // path it was read from ("" for text)
  std::string text;                  // the file's text, as read (stored in results with its hash)
  Subject subject;
  double duration_h = 0.0;
  double output_interval_h = 0.25;
  Schedule schedule;
  std::vector<ParameterOverride> parameters;
  Timeline timeline;
};

struct Study {
  std::string name;
  std::string description;
  std::string file;
  std::string text;
  std::vector<Scenario> arms;  // each arm's name is unique and usable as an HDF5 group name
};

/// `--set PATH=VALUE`: a dotted path into the scenario document and the value as it would be
/// written in the file, e.g. {"diet.protein", "2.0 g/kg/day"} or {"parameters.k_name", "0.05"}.
struct FieldOverride {
  std::string path;
  std::string value;
};
/// Splits "PATH=VALUE"; throws InputError with an example when there is no '='.
FieldOverride parse_field_override(std::string_view assignment);

/// Reads and compiles a scenario file. Throws ScenarioError (file:line:column: message).
Scenario load_scenario(const std::filesystem::path& file, std::span<const FieldOverride> sets = {});
/// The same from text; `name` stands in for the file name in messages and resolves `extends`
/// relative to `base_dir`.
Scenario scenario_from_yaml(std::string_view text, std::string_view name,
                            std::span<const FieldOverride> sets = {},
                            const std::filesystem::path& base_dir = ".");
/// Reads a study file (a list of arms) or a plain scenario file (a study of one arm).
/// The overrides apply to every arm.
Study load_study(const std::filesystem::path& file, std::span<const FieldOverride> sets = {});

}  // namespace myoflux
