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
#include "engine/scenario/channels.hpp"
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
  Modality modality = Modality::rest;
  double speed_kmh = 0.0;          // walking and running, else 0
  double grade = 0.0;              // fraction, negative downhill
  double eccentric_factor = 0.0;   // as on the eccentric_factor channel
  double load_fraction_1rm = 0.0;  // resistance sets, else 0
};

struct TimelineSession {
  std::string name;  // "hiit_4x4 #7"
  double start_h = 0.0;
  std::vector<TimelineSegment> segments;
  double drink_l_per_h = 0.0;  // drunk steadily over the session (`during:`)
  double drinks_l = 0.0;       // the session's `drinks:` (also among the timeline's intakes)
};

/// Protein of one type in a meal or drink (a drink may mix EAA and free leucine). Protein
/// written as a food (engine/scenario/foods.hpp) carries the food's own leucine and
/// digestibility; protein written by type uses the type's leucine fraction (a model parameter)
/// and is taken as fully digested.
struct ProteinPart {
  ProteinType type = ProteinType::mixed_meal;
  double grams = 0.0;                 // as eaten
  double digestibility = 1.0;         // fraction of it absorbed
  double leucine_per_g_protein = -1;  // g/g; < 0: the type's own leucine fraction
  std::string food;                   // the food it comes from; "" when written by type
};

struct TimelineIntake {
  double time_h = 0.0;
  std::string what;  // "breakfast", "post-session whey", "drink pulse 2/4"
  double protein_g = 0.0;
  std::string protein_type;  // "whey", or "eaa + leucine" for a mixture
  double carbohydrate_g = 0.0;
  double fat_g = 0.0;
  std::vector<ProteinPart> protein_parts;  // protein_g split by type
  double fluid_l = 0.0;                    // fluid drunk
};

/// Leucine given intravenously at a constant rate (the leucine_infusion channel).
struct TimelineInfusion {
  double start_h = 0.0;
  double duration_h = 0.0;
  double leucine_g_per_h = 0.0;
  std::string what;
};

/// The expanded plan, for `myoflux check`, summaries and plots.
struct Timeline {
  std::vector<TimelineSession> sessions;
  std::vector<TimelineIntake> intakes;  // sorted by time
  std::vector<TimelineInfusion> infusions;
};

/// A meal of the daily diet, eaten every day at its clock time.
struct Meal {
  std::string name;
  double clock_h = 0.0;  // hours after midnight
  std::vector<ProteinPart> protein;
  double carbohydrate_g = 0.0;
  double fat_g = 0.0;
  double fluid_l = 0.0;  // drunk with the meal (the diet's `fluids:`)
};

/// An extra dose tied to sessions ("25 g whey 30 min after each session").
struct SessionDose {
  std::string name;
  double offset_h = 0.0;  // after the session's end (after) or before its start (before)
  bool after_end = true;
  std::vector<std::string> sessions;  // session names it applies to; empty: every session
  std::vector<ProteinPart> protein;
  double carbohydrate_g = 0.0;
  double fat_g = 0.0;
  double fluid_l = 0.0;  // fluid drunk
};

/// A daily clock window without any intake; may wrap past midnight (20:00 to 12:00).
struct FastingWindow {
  double from_clock_h = 0.0;
  double to_clock_h = 0.0;
};

/// The diet as the file states it, resolved to grams; the meals and doses are also in the
/// schedule and the timeline. Models may read the daily values (e.g. a ketogenic diet's low
/// carbohydrate share) directly.
struct Diet {
  bool given = false;
  double energy_kcal_per_day = 0.0;  // from the file, or 35 kcal/kg/day x body mass
  bool energy_assumed = false;       // true when the 35 kcal/kg/day default was used
  double protein_g_per_day = 0.0;    // the daily meals; session doses come on top
  double protein_g_per_kg_day = 0.0;
  double carbohydrate_g_per_day = 0.0;
  double fat_g_per_day = 0.0;
  /// `fluids:` given: the meals' drinks replace drinking to thirst at rest (the
  /// drinking_to_thirst channel is 0 for the whole run).
  bool fluids_given = false;
  double fluid_l_per_day = 0.0;  // drunk with the daily meals
  std::vector<Meal> meals;
  std::vector<SessionDose> around_sessions;
  std::vector<FastingWindow> fasting;
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
  int first_weekday = 0;  // weekday of day 1 (t = 0 h): 0 Monday ... 6 Sunday
  Diet diet;
  Schedule schedule;
  std::vector<ParameterOverride> parameters;
  Timeline timeline;
};

struct Study {
  std::string name;
  std::string description;
  std::string file;
  std::string text;
  std::vector<Scenario> arms;        // each arm's name is unique and usable as an HDF5 group name
  std::vector<std::string> sources;  // citations for the study design (the `source:` field)
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
/// The same from text (used by the fuzzer and by tools that build studies in memory).
Study study_from_yaml(std::string_view text, std::string_view name,
                      std::span<const FieldOverride> sets = {},
                      const std::filesystem::path& base_dir = ".");

}  // namespace myoflux
