// myoflux-calibrate: refits every parameter whose source says "fitted", stage by stage, from the
// digitized feeding data and the targets of TARGETS.md, and records the result:
//   models/protein_balance/calibration/fitted_parameters.tsv  (name, value)
//   models/protein_balance/calibration/fit_report.md          (fit quality per target and data set)
// With --write it also puts the fitted values into parameters.hpp, so the defaults can be traced
// to this run. Reproducible: the fit starts from the recorded starting_point.tsv, so a plain run
// gives the recorded numbers again; --continue starts from the current defaults instead (and
// records them as the new starting point), to refine a calibration after a model change.
//
// Generalisation: --holdout ID[,ID...] --out DIR fits without the named targets (an ID may name a
// data set, "glynn2010_eaa_3.5g_leu", for all its time courses) and reports how they fare, beside
// the recorded fit that used them, in DIR/fit_report.md; the record itself is left alone.
// A fitted parameter that ends at a bound of its documented range is printed as a warning and
// listed in the report.
//
// Stages (each uses the parameters fitted before it):
//   feeding    Nelder-Mead on digestion, plasma, insulin, muscle leucine and signalling parameters
//              against the time courses, the protein dose plateau and 'muscle full'
//   reference  root-finding: the habitual diet (scenarios/control_no_training.yaml) is a steady
//              state of muscle protein and glycogen; keto glycogen ~35 % of normal
//   fuel       anaerobic capacity half-saturation against the keto sprint decrement
//   lactate    lactate production against Menzies 2010
//   damage     damage per km (a marathon gives damage 1 by definition), CK release and clearance,
//              repair against the marathon CK time course and Ryu 2016
//   exercise   Nelder-Mead on exercise sensitisation, catabolic drive and myostatin parameters
//              against Chesley, Moore, Di Donato, Louis and Estes 2017
//   frequency  the anabolic recovery a session uses, against the diminishing returns of more HIIT
//              sessions a week
//   diet       the adaptation fraction against the small effect of protein alone
// The reference, diet and exercise stages are repeated until the basal rates settle.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "engine/parameter_bounds.hpp"
#include "engine/suggest.hpp"
#include "models/protein_balance/adapter.hpp"
#include "models/protein_balance/calibration/nelder_mead.hpp"
#include "models/protein_balance/experiments/result_math.hpp"
#include "models/protein_balance/experiments/targets.hpp"

namespace myoflux::protein_balance {
namespace {

namespace fs = std::filesystem;

const fs::path kCalibrationDir =
    fs::path(MYOFLUX_SOURCE_DIR) / "models/protein_balance/calibration";
const std::string kReferenceDiet = "control_no_training.yaml";

std::map<std::string, ParameterInfo> parameter_info() {
  std::map<std::string, ParameterInfo> m;
  for (const ParameterInfo& p : parameter_table()) m[p.name] = p;
  return m;
}

/// Fits `names` by Nelder-Mead in a transformed space: log for strictly positive ranges, linear
/// otherwise; values are clamped to their valid ranges.
class Fit {
 public:
  Fit(StudyRunner& runner, const FeedingData& data, std::vector<std::string> names)
      : runner_(runner), data_(data), names_(std::move(names)), info_(parameter_info()) {}

  double objective(const std::vector<const Target*>& targets, const Parameters& p) {
    runner_.set_parameters(p);
    double total = 0.0;
    for (const Target* t : targets) {
      try {
        total += t->weight * t->evaluate(runner_, data_).score;
      } catch (const std::exception&) {
        return 1e12;  // a run that fails is the worst possible fit
      }
    }
    return total;
  }

  Parameters run(Parameters start, const std::vector<const Target*>& targets, int evaluations) {
    std::vector<double> z, step;
    for (const std::string& n : names_) {
      const ParameterInfo& i = info_.at(n);
      const double v = get_parameter(start, n);
      z.push_back(log_scale(n) ? std::log(v) : (v - i.min) / (i.max - i.min));
      step.push_back(log_scale(n) ? 0.3 : 0.1);
    }
    auto decode = [&](const std::vector<double>& zz) {
      Parameters p = start;
      for (std::size_t k = 0; k < names_.size(); ++k) {
        const ParameterInfo& i = info_.at(names_[k]);
        double v = log_scale(names_[k]) ? std::exp(zz[k]) : i.min + zz[k] * (i.max - i.min);
        set_parameter(p, names_[k], round4(std::clamp(v, i.min, i.max)));
      }
      return p;
    };
    const double before = objective(targets, start);
    const NelderMeadResult r =
        nelder_mead([&](const std::vector<double>& zz) { return objective(targets, decode(zz)); },
                    z, step, evaluations, 1e-5);
    std::printf("    objective %.4g -> %.4g in %d evaluations\n", before, r.value, r.evaluations);
    return r.value < before ? decode(r.x) : start;
  }

  /// Values are recorded with four significant digits; fitting on the rounded values keeps the
  /// recorded defaults exactly the ones that were scored.
  static double round4(double v) {
    if (v == 0.0) return 0.0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return std::strtod(buf, nullptr);
  }

 private:
  bool log_scale(const std::string& n) const { return info_.at(n).min > 0.0; }
  StudyRunner& runner_;
  const FeedingData& data_;
  std::vector<std::string> names_;
  std::map<std::string, ParameterInfo> info_;
};

/// The targets left out of this fit (--holdout): ids, or data-set prefixes of "set/series" ids.
std::set<std::string> held_out_ids;

/// Whether `id` names target `t`: its own id, or the data set of a "set/series" id.
bool id_names_target(const std::string& id, const Target& t) {
  return t.id == id || t.id.rfind(id + "/", 0) == 0;
}

bool held_out(const Target& t) {
  return std::any_of(held_out_ids.begin(), held_out_ids.end(),
                     [&](const std::string& h) { return id_names_target(h, t); });
}

std::vector<const Target*> stage_targets(const std::string& stage) {
  std::vector<const Target*> out;
  for (const Target& t : targets())
    if (t.calibration_stage == stage && !held_out(t)) out.push_back(&t);
  return out;
}

const Target& target(const std::string& id) {
  for (const Target& t : targets())
    if (t.id == id) return t;
  throw std::logic_error("no target " + id);
}

/// Bisection for a monotone f(x) = goal on [lo, hi]; the result is rounded to four digits.
double solve(const std::function<double(double)>& f, double goal, double lo, double hi,
             int iterations = 40) {
  const bool rising = f(hi) > f(lo);
  for (int i = 0; i < iterations; ++i) {
    const double mid = 0.5 * (lo + hi);
    ((f(mid) < goal) == rising ? lo : hi) = mid;
  }
  return Fit::round4(0.5 * (lo + hi));
}

/// Bisection on one parameter: the value of `field` in [lo, hi] at which `measure`, run with that
/// value and the rest of `p`, equals `goal` (measure must be monotone in it).
double solve_for(StudyRunner& runner, const Parameters& p, double Parameters::*field, double goal,
                 double lo, double hi, const std::function<double(StudyRunner&)>& measure) {
  return solve(
      [&](double v) {
        Parameters q = p;
        q.*field = v;
        runner.set_parameters(q);
        return measure(runner);
      },
      goal, lo, hi);
}

/// A parameter solved from one target alone keeps its starting value when that target is held out
/// (nothing else informs it).
bool keeps_start(const std::string& target_id, const char* parameter) {
  if (!held_out(target(target_id))) return false;
  std::printf("    %s held out: %s keeps its starting value\n", target_id.c_str(), parameter);
  return true;
}

double mean_between(const Result& r, const char* name, double t0, double t1) {
  double sum = 0.0;
  int n = 0;
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.time_h[i] <= t1) sum += r.column(name)[i], ++n;
  return sum / n;
}

// --- stages ---

Parameters feeding_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage feeding");
  Fit fit(runner, data,
          {"k_digest_whey_per_h", "k_digest_eaa_per_h", "k_digest_leucine_per_h",
           "k_digest_egg_per_h", "leucine_volume_l_per_kg", "k_plasma_leucine_clearance_per_h",
           "leucine_clearance_saturation_umol_per_l", "insulin_plasma_leucine_suppression",
           "k_insulin_per_h", "insulin_per_protein_pmol_per_l_per_g_per_h",
           "k_leucine_transport_per_h", "leucine_transport_half_saturation_umol_per_l",
           "k_signal_per_h", "signal_gain", "signal_leucine_half_umol_per_l",
           "k_refractory_delay_per_h", "k_refractory_on_per_h", "mps_per_signal"});
  p = fit.run(p, stage_targets("feeding"), 2500);
  // Stated assumption (its source in parameters.hpp): a mixed meal empties at 3/4 of the egg meal's
  // rate.
  set_parameter(p, "k_digest_mixed_meal_per_h", Fit::round4(0.75 * p.k_digest_egg_per_h));
  return p;
}

Parameters reference_stage(StudyRunner& runner, Parameters p) {
  std::puts("stage reference");
  const std::vector<FieldOverride> week{{"duration", "8 days"}}, two_weeks{{"duration", "15 days"}};
  for (int round = 0; round < 3; ++round) {
    // The habitual nutritional surplus: the state N averaged while it follows the surplus quickly.
    Parameters fast = p;
    fast.k_nutritional_adaptation_per_h = 0.5;
    runner.set_parameters(fast);
    const Result& r = runner.arm(kReferenceDiet, "control_no_training", {}, week, 0.05);
    p.habitual_nutritional_surplus_percent_per_h =
        Fit::round4(mean_between(r, "nutritional_adaptation", 24, 8 * 24));
    // Basal breakdown: zero net balance over days 2-8 on the habitual diet.
    p.fbr_basal_percent_per_h = solve_for(
        runner, p, &Parameters::fbr_basal_percent_per_h, 0.0, 0.02, 0.12, [&](StudyRunner& rr) {
          const Result& day = rr.arm(kReferenceDiet, "control_no_training", {}, week, 0.25);
          return (at_time(day, "cumulative_mps_g", 8 * 24) - at_time(day, "cumulative_mps_g", 24)) -
                 (at_time(day, "cumulative_mpb_g", 8 * 24) - at_time(day, "cumulative_mpb_g", 24));
        });
  }
  // Glycogen steady at its initial value on the habitual diet (mean of days 8-15).
  p.glycogen_uptake_fraction = solve_for(
      runner, p, &Parameters::glycogen_uptake_fraction, p.glycogen_initial_mmol_per_kg_dw, 0.0, 1.0,
      [&](StudyRunner& r) {
        return mean_between(r.arm(kReferenceDiet, "control_no_training", {}, two_weeks, 1.0),
                            "glycogen_mmol_per_kg_dw", 7 * 24, 15 * 24);
      });
  // A low-carbohydrate diet leaves ~35 % of normal glycogen (Bergstrom 1967) after two weeks.
  p.glycogen_gluconeogenesis_mmol_per_kg_dw_per_h =
      solve_for(runner, p, &Parameters::glycogen_gluconeogenesis_mmol_per_kg_dw_per_h, 0.35, 0.0,
                10.0, [&](StudyRunner& r) {
                  return at_time(r.arm("diets/ketogenic.yaml", "ketogenic", {}, two_weeks, 1.0),
                                 "glycogen_mmol_per_kg_dw", 14 * 24) /
                         p.glycogen_initial_mmol_per_kg_dw;
                });
  std::printf(
      "    habitual surplus %.4g %%/h, fbr %.4g %%/h, glycogen uptake %.4g, gluconeogenesis %.4g\n",
      p.habitual_nutritional_surplus_percent_per_h, p.fbr_basal_percent_per_h,
      p.glycogen_uptake_fraction, p.glycogen_gluconeogenesis_mmol_per_kg_dw_per_h);
  runner.set_parameters(p);
  return p;
}

Parameters fuel_and_lactate_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage fuel and lactate");
  if (!keeps_start("ketogenic_sprint_capacity", "anaerobic_capacity_half_mmol_per_kg_dw"))
    p.anaerobic_capacity_half_mmol_per_kg_dw =
        solve_for(runner, p, &Parameters::anaerobic_capacity_half_mmol_per_kg_dw, 5.0, 1.0, 300.0,
                  [&](StudyRunner& r) {
                    return target("ketogenic_sprint_capacity").evaluate(r, data).model;
                  });
  if (!keeps_start("menzies2010_lactate", "lactate_production_mmol_per_l_per_h"))
    p.lactate_production_mmol_per_l_per_h = solve_for(
        runner, p, &Parameters::lactate_production_mmol_per_l_per_h, 3.9, 10.0, 2000.0,
        [&](StudyRunner& r) {
          return at_time(
              r.arm("studies/menzies2010_recovery.yaml", "passive_recovery", {}, {}, 1.0 / 60),
              "lactate_mmol_per_l", 5.0 / 60);
        });
  runner.set_parameters(p);
  return p;
}

Parameters damage_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage damage");
  // The unit of damage: a recreational runner's marathon peaks at 1.
  p.damage_per_km =
      solve_for(runner, p, &Parameters::damage_per_km, 1.0, 1e-4, 0.5, [&](StudyRunner& r) {
        return r.arm("studies/ryu2016_races.yaml", "race_42km").column("damage").maxCoeff();
      });
  Fit fit(runner, data, {"ck_release_u_per_l_per_h", "k_ck_clearance_per_h", "k_repair_per_h"});
  return fit.run(p, stage_targets("damage"), 300);
}

Parameters exercise_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage exercise");
  std::vector<const Target*> goals = stage_targets("exercise");
  // A post-exercise feeding study ties the exercise and the feeding response together.
  for (const char* id : {"estes2017_hiit_csa", "moore2009_dose_plateau"})
    if (!held_out(target(id))) goals.push_back(&target(id));
  Fit fit(
      runner, data,
      {"k_sensitisation_decay_per_h", "sensitisation_fast_share", "sensitisation_mps",
       "sensitisation_signal", "sensitisation_refractory", "k_sensitisation_on_resistance_per_h",
       "sensitisation_weight_running", "sensitisation_weight_cycling",
       "sensitisation_intensity_half", "catabolic_mpb", "catabolic_per_h_at_vo2max",
       "catabolic_resistance_per_h", "myostatin_suppression_per_h"});
  return fit.run(p, goals, 3000);
}

Parameters frequency_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage frequency");
  // How much of the anabolic recovery a session uses: 6 instead of 3 HIIT sessions a week give
  // 1.4x the growth (the middle of the target's 1.2-1.6).
  if (!keeps_start("hiit_frequency_diminishing_returns", "anabolic_recovery_use_per_h"))
    p.anabolic_recovery_use_per_h = solve_for(
        runner, p, &Parameters::anabolic_recovery_use_per_h, 1.4, 0.0, 5.0, [&](StudyRunner& r) {
          return target("hiit_frequency_diminishing_returns").evaluate(r, data).model;
        });
  std::printf("    anabolic recovery use %.4g 1/h\n", p.anabolic_recovery_use_per_h);
  runner.set_parameters(p);
  return p;
}

Parameters diet_stage(StudyRunner& runner, const FeedingData& data, Parameters p) {
  std::puts("stage diet");
  // The control arms of the main study: 1.6 instead of 1.0 g/kg/day adds 0.3 pp (the middle of
  // the accepted 0-1 pp).
  if (!keeps_start("protein_alone_small_effect", "nutritional_adaptation_fraction"))
    p.nutritional_adaptation_fraction =
        solve_for(runner, p, &Parameters::nutritional_adaptation_fraction, 0.3, 0.0, 0.99,
                  [&](StudyRunner& r) {
                    return target("protein_alone_small_effect").evaluate(r, data).model;
                  });
  runner.set_parameters(p);
  return p;
}

// --- records ---

/// Fitted parameters as "name value" lines (the format of fitted_parameters.tsv).
void write_values(const Parameters& p, const fs::path& file, const std::string& header) {
  std::ofstream out(file);
  out << header << "# name\tvalue\n";
  for (const ParameterInfo& info : parameter_table()) {
    if (info.source.rfind("fitted", 0) != 0) continue;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", get_parameter(p, info.name));
    out << info.name << "\t" << buf << "\n";
  }
}

/// Applies "name value" lines to the defaults.
Parameters read_values(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw std::runtime_error("cannot read " + file.string() +
                             " (run with --continue to start from the defaults)");
  Parameters p;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    double value = 0.0;
    fields >> name >> value;
    set_parameter(p, name, value);
  }
  return p;
}

void write_fitted(const Parameters& p, const fs::path& file) {
  write_values(
      p, file,
      "# Written by myoflux-calibrate; parameters.hpp holds the same values as defaults.\n");
}

/// The fitted parameters of `p` that ended at a bound of their range, as sentences.
std::vector<std::string> bound_warnings(const Parameters& p) {
  std::vector<ParameterInfo> table = parameter_table();
  for (ParameterInfo& info : table) info.value = get_parameter(p, info.name);
  std::map<std::string, ParameterInfo> info = parameter_info();
  std::vector<std::string> out;
  for (const AtBound& at : parameters_at_bounds(table))
    out.push_back(describe(at, info.at(at.name)));
  return out;
}

struct Scored {
  std::string model;
  bool pass = false;
};

Scored score(const Target& t, StudyRunner& runner, const FeedingData& data) {
  try {
    const Evaluation e = t.evaluate(runner, data);
    return {e.model_text, e.pass};
  } catch (const std::exception& e) {
    return {std::string("error: ") + e.what(), false};
  }
}

/// fit_report.md: every target under the fitted parameters `p`; with targets held out, also how
/// each fared under the recorded calibration (the defaults), which was fitted with it.
void write_report(StudyRunner& runner, const FeedingData& data, const Parameters& p,
                  const fs::path& file) {
  std::ofstream out(file);
  out << "# Calibration report\n\n"
         "Written by `myoflux-calibrate` (models/protein_balance/calibration/calibrate.cpp). Each "
         "row is a\n"
         "target of TARGETS.md as a virtual experiment; *stage* is the calibration stage that fits "
         "to it\n"
         "(empty: validation only). Time courses report the RMS z-score (model minus data, in "
         "SEM).\n\n";
  if (!held_out_ids.empty()) {
    out << "Fitted without the targets marked *held out* (--holdout";
    for (const std::string& h : held_out_ids) out << " " << h;
    out << "): this is not the recorded calibration.\n\n";
  }
  out << "| target | stage | published | model | pass |\n|---|---|---|---|---|\n";
  runner.set_parameters(p);
  int passed = 0, held = 0, held_passed = 0;
  std::vector<std::pair<const Target*, Scored>> held_rows;
  for (const Target& t : targets()) {
    const Scored s = score(t, runner, data);
    passed += s.pass;
    std::string stage = t.calibration_stage;
    if (held_out(t)) {
      stage = stage.empty() ? "held out" : stage + ", held out";
      ++held;
      held_passed += s.pass;
      held_rows.emplace_back(&t, s);
    }
    out << "| " << t.id << " | " << stage << " | " << t.published << " | " << s.model << " | "
        << (s.pass ? "yes" : "**no**") << " |\n";
  }
  out << "\n" << passed << " of " << targets().size() << " targets met";
  if (held > 0) out << " (" << held_passed << " of the " << held << " held out)";
  out << ".\n";
  std::printf("%d of %zu targets met", passed, targets().size());
  if (held > 0) std::printf(" (%d of the %d held out)", held_passed, held);
  std::printf("\n");

  if (!held_rows.empty()) {
    out << "\n## Held-out targets: fitted without them and with them\n\n"
           "| target | fitted without it | pass | recorded fit (with it) | pass |\n"
           "|---|---|---|---|---|\n";
    runner.set_parameters(Parameters{});
    for (const auto& [t, without] : held_rows) {
      const Scored with = score(*t, runner, data);
      out << "| " << t->id << " | " << without.model << " | " << (without.pass ? "yes" : "**no**")
          << " | " << with.model << " | " << (with.pass ? "yes" : "**no**") << " |\n";
    }
    runner.set_parameters(p);
  }

  out << "\n## Fitted parameters at a bound of their range\n\n";
  const std::vector<std::string> bounds = bound_warnings(p);
  if (bounds.empty()) out << "None.\n";
  for (const std::string& b : bounds) {
    out << "- " << b << "\n";
    std::fprintf(stderr, "warning: %s\n", b.c_str());
  }
}

/// Replaces the default of each fitted parameter in parameters.hpp, the value after its name in
/// its line of visit_parameters (`S{"NAME", VALUE, ...`).
void write_defaults(const Parameters& p, const fs::path& header) {
  std::ifstream in(header);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  for (const ParameterInfo& info : parameter_table()) {
    if (info.source.rfind("fitted", 0) != 0) continue;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", get_parameter(p, info.name));
    std::string value = buf;
    if (value.find_first_of(".e") == std::string::npos) value += ".0";
    const std::string key = "S{\"" + info.name + "\", ";
    const std::size_t at = s.find(key);
    if (at == std::string::npos)
      throw std::runtime_error("parameters.hpp has no line for " + info.name);
    const std::size_t end = s.find(',', at + key.size());
    s.replace(at + key.size(), end - at - key.size(), value);
  }
  std::ofstream(header) << s;
}

constexpr const char* kUsage =
    "usage: myoflux-calibrate [--continue] [--write]\n"
    "       myoflux-calibrate --holdout ID[,ID...] --out DIR\n"
    "       myoflux-calibrate --start FILE --out DIR\n"
    "Refits the fitted parameters from starting_point.tsv (or, with --continue, from the\n"
    "current defaults, recorded as the new starting point), writes fitted_parameters.tsv\n"
    "and fit_report.md, and with --write also the defaults in parameters.hpp.\n"
    "--holdout fits without the named targets (a data set's name holds out all its time\n"
    "courses) and reports them beside the recorded fit; it needs --out, the folder for its\n"
    "fitted_parameters.tsv and fit_report.md, and leaves the record alone.\n"
    "--out DIR writes there instead of models/protein_balance/calibration.\n"
    "--start FILE (with --out) starts from FILE's values, e.g. an earlier trial's\n"
    "fitted_parameters.tsv, instead of the recorded starting point.\n"
    "example: myoflux-calibrate --holdout chesley1992_time_course --out /tmp/holdout\n";

int usage_error(const std::string& why) {
  std::cerr << "myoflux-calibrate: " << why << "\n" << kUsage;
  return 2;
}

/// Checks each --holdout id against the targets; "" when all name one, else the message.
std::string unknown_holdout() {
  std::vector<std::string> names;
  for (const Target& t : targets()) {
    names.push_back(t.id);
    if (const std::size_t slash = t.id.find('/'); slash != std::string::npos)
      names.push_back(t.id.substr(0, slash));
  }
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  for (const std::string& h : held_out_ids) {
    if (std::none_of(targets().begin(), targets().end(),
                     [&](const Target& t) { return id_names_target(h, t); }))
      return "--holdout: no target or data set is called '" + h + "'" +
             myoflux::did_you_mean(h, candidates) + " (myoflux validate lists them)";
  }
  return "";
}

}  // namespace
}  // namespace myoflux::protein_balance

int main(int argc, char** argv) {
  using namespace myoflux::protein_balance;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines appear as they happen, also in logs
  bool write = false, from_defaults = false;
  fs::path out_dir = kCalibrationDir;
  bool out_given = false;
  fs::path start_file;  // --start: a trial fit from another point (a fitted_parameters.tsv)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--write") {
      write = true;
    } else if (a == "--continue") {
      from_defaults = true;
    } else if (a == "--holdout" && has_value) {
      std::stringstream list(argv[++i]);
      for (std::string id; std::getline(list, id, ',');)
        if (!id.empty()) held_out_ids.insert(id);
    } else if (a == "--start" && has_value) {
      start_file = argv[++i];
    } else if (a == "--out" && has_value) {
      out_dir = argv[++i];
      out_given = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else {
      return usage_error(a == "--holdout" || a == "--out" ? a + " needs a value"
                                                          : "unknown argument '" + a + "'");
    }
  }
  if (!held_out_ids.empty() && !out_given)
    return usage_error("--holdout needs --out DIR: a fit without some targets is not the record");
  if (!held_out_ids.empty() && (write || from_defaults))
    return usage_error(std::string("--holdout and ") + (write ? "--write" : "--continue") +
                       " together would change the record with a partial fit");
  if (const std::string why = unknown_holdout(); !why.empty()) return usage_error(why);
  if (!start_file.empty() && (!out_given || from_defaults || write))
    return usage_error(
        "--start FILE needs --out DIR, without --continue or --write: a fit from "
        "another point is a trial, not the record");
  try {
    const FeedingData data = read_feeding_data(default_feeding_data_path());
    StudyRunner runner(Parameters{}, default_scenario_dir(), Adapter().default_solver());
    // --continue records the defaults as the starting point: the record's own, or with --out a
    // copy beside the fit, so that a trial fit never changes the record.
    const fs::path start =
        (from_defaults && out_given ? out_dir : kCalibrationDir) / "starting_point.tsv";
    if (from_defaults) fs::create_directories(start.parent_path());
    if (from_defaults)
      write_values(
          Parameters{}, start,
          "# The starting point of the recorded calibration (myoflux-calibrate --continue).\n");
    Parameters p = read_values(start_file.empty() ? start : start_file);
    p = feeding_stage(runner, data, p);
    p = reference_stage(runner, p);
    p = fuel_and_lactate_stage(runner, data, p);
    p = damage_stage(runner, data, p);
    for (int round = 0; round < 2; ++round) {
      p = exercise_stage(runner, data, p);
      p = frequency_stage(runner, data, p);
      p = diet_stage(runner, data, p);
      p = reference_stage(runner, p);
    }
    fs::create_directories(out_dir);
    write_fitted(p, out_dir / "fitted_parameters.tsv");
    write_report(runner, data, p, out_dir / "fit_report.md");
    if (write)
      write_defaults(p, fs::path(MYOFLUX_SOURCE_DIR) / "models/protein_balance/parameters.hpp");
    std::printf("wrote %s and fit_report.md%s\n", (out_dir / "fitted_parameters.tsv").c_str(),
                write ? ", and parameters.hpp" : "");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "myoflux-calibrate: " << e.what() << "\n";
    return 1;
  }
}
