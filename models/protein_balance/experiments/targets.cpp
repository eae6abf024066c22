// The virtual experiments. Each target runs arms of the scenario library and compares one number
// (or a digitized time course) with the published one. Tolerances are written next to each target
// with their justification; a target the model cannot meet keeps its tolerance and says why.
#include "models/protein_balance/experiments/targets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "engine/error.hpp"
#include "models/protein_balance/experiments/result_math.hpp"
#include "models/protein_balance/model.hpp"

namespace myoflux::protein_balance {
namespace {

constexpr double minute = 1.0 / 60.0;  // h

// --- reading results ---

/// Short name used throughout the targets.
inline double at(const Result& r, const char* name, double t) {
  return at_time(r, name, t);
}

std::string fmt(double v, int digits = 3) {
  std::ostringstream out;
  out.precision(digits);
  out << v;
  return out.str();
}

// --- scoring ---

/// |model - published| <= tolerance.
Evaluation within(double model, double published, double tolerance, const std::string& unit) {
  Evaluation e;
  e.model = model;
  e.model_text = fmt(model) + (unit.empty() ? "" : " " + unit);
  e.pass = std::abs(model - published) <= tolerance;
  e.score = std::pow((model - published) / tolerance, 2);
  return e;
}

/// model <= limit (score grows beyond it in units of `scale`).
Evaluation at_most(double model, double limit, double scale, const std::string& unit) {
  Evaluation e;
  e.model = model;
  e.model_text = fmt(model) + (unit.empty() ? "" : " " + unit);
  e.pass = model <= limit;
  e.score = model > limit ? std::pow((model - limit) / scale, 2) : 0.0;
  return e;
}

Evaluation at_least(double model, double limit, double scale, const std::string& unit) {
  Evaluation e = at_most(-model, -limit, scale, unit);
  e.model = model;
  e.model_text = fmt(model) + (unit.empty() ? "" : " " + unit);
  return e;
}

Evaluation all_of(std::vector<Evaluation> parts, std::string text) {
  Evaluation e;
  e.pass = true;
  for (const Evaluation& p : parts) {
    e.pass = e.pass && p.pass;
    e.score += p.score;
  }
  e.model = parts.empty() ? NAN : parts.front().model;
  e.model_text = std::move(text);
  return e;
}

PlotSeries line(const Result& r, const char* output, double t_offset, double t_end, double scale,
                std::string figure, std::string title, std::string y_label, std::string label,
                std::string x_label = "time after the feed (min)") {
  PlotSeries s{std::move(figure),
               std::move(title),
               std::move(x_label),
               std::move(y_label),
               std::move(label),
               false,
               {},
               {},
               {}};
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i) {
    const double t = r.time_h[i] - t_offset;
    if (t < -1e-9 || t > t_end + 1e-9) continue;
    s.x.push_back(60.0 * t);
    s.y.push_back(scale * r.column(output)[i]);
  }
  return s;
}

// --- time courses ---

struct SeriesSpec {
  const char* variable;  // in the data file
  const char* output;    // model output
  double data_to_model;  // unit factor, data unit -> model unit
  const char* y_label;
  bool fold_of_first;  // compare as fold of the t = 0 value (rates in the authors' units)
};

const SeriesSpec kSeries[] = {
    {"plasma_leucine", "plasma_leucine_umol_per_l", 1e6, "plasma leucine (umol/L)", false},
    {"intracellular_leucine", "intracellular_leucine_umol_per_l", 1e6,
     "muscle free leucine (umol/L)", false},
    {"plasma_insulin", "insulin_pmol_per_l", 1e12, "plasma insulin (pmol/L)", false},
    {"p_p70s6k_t389_fold", "p70s6k_fold", 1.0, "p-p70S6K (fold of basal)", false},
    {"mps_rate", "mps_fold", 1.0, "muscle protein synthesis (fold of basal)", true},
};

const SeriesSpec& series_spec(const std::string& variable) {
  for (const SeriesSpec& s : kSeries)
    if (variable == s.variable) return s;
  throw std::logic_error("no series spec for " + variable);
}

/// The study's own baselines (t = 0 of its data) for plasma and muscle leucine and insulin:
/// studies differ at baseline by more than the model's feeding response is worth fitting.
Overrides dataset_baselines(const FeedingData& data, const std::string& dataset) {
  Overrides o;
  const std::pair<const char*, const char*> map[] = {
      {"plasma_leucine", "plasma_leucine_basal_umol_per_l"},
      {"intracellular_leucine", "intracellular_leucine_basal_umol_per_l"},
      {"plasma_insulin", "insulin_basal_pmol_per_l"}};
  for (const auto& [variable, parameter] : map) {
    const auto it = data.find(dataset + "/" + variable);
    if (it == data.end() || it->second.points.empty() || it->second.points[0].time_min != 0.0)
      continue;
    o.emplace_back(parameter, it->second.points[0].value * series_spec(variable).data_to_model);
  }
  return o;
}

// A digitized time course. Pass: RMS z-score <= 3, i.e. on average within 3 SEM. Justification:
// the digitized SEMs are within-study; between studies the same dose gives responses that differ
// by more (3.5 g leucine peaks at 890 umol/L in Glynn 2010 and 495 umol/L in Wilkinson 2013), so
// one model cannot sit within 1-2 SEM of every study.
Target time_course(std::string dataset, std::string variable, std::string study, std::string arm,
                   double feed_time_h, std::string known_failure = "") {
  Target t;
  t.id = dataset + "/" + variable;
  t.section = "TARGETS.md section 2";
  t.what = variable + " after " + dataset;
  t.source = "feeding_timecourses.csv: " + dataset;
  t.published = "digitized group means with SEM";
  t.tolerance =
      "RMS z <= 3 (on average within 3 SEM; between-study spread exceeds within-study SEM)";
  t.calibration_stage = "feeding";
  t.known_failure = std::move(known_failure);
  t.evaluate = [dataset, variable, study, arm, feed_time_h](StudyRunner& runner,
                                                            const FeedingData& data) {
    const DataSeries& series = data.at(dataset + "/" + variable);
    const SeriesSpec& spec = series_spec(variable);
    const Result& r = runner.arm(study, arm, dataset_baselines(data, dataset), {}, 1.0 / 60.0);
    const double duration = r.time_h[r.time_h.size() - 1] - feed_time_h;
    double z2 = 0.0;
    int n = 0;
    PlotSeries points{dataset + "_" + variable,
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
      const double model = at(r, spec.output, feed_time_h + p.time_min / 60.0);
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
    e.pass = e.model <= 3.0;
    const double t_end = (points.x.empty() ? 180.0 : points.x.back()) / 60.0;
    e.series.push_back(line(r, spec.output, feed_time_h, t_end, 1.0, points.figure, points.title,
                            spec.y_label, "model"));
    e.series.push_back(std::move(points));
    return e;
  };
  return t;
}

// --- helpers for exercise studies ---

/// Mean MPS fold change over a window, i.e. synthesis relative to the postabsorptive basal rate.
double mps_fold(const Result& r, double t0, double t1) {
  return mean_over(r, "mps_fold", t0, t1);
}

double percent_increase(double fold) {
  return 100.0 * (fold - 1.0);
}

/// First time an output exceeds a threshold after t0 (NaN if never).
double first_time_above(const Result& r, const char* name, double threshold, double t0) {
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.column(name)[i] > threshold) return r.time_h[i];
  return NAN;
}

double last_time_above(const Result& r, const char* name, double threshold, double t0, double t1) {
  double last = NAN;
  for (Eigen::Index i = 0; i < r.time_h.size(); ++i)
    if (r.time_h[i] >= t0 && r.time_h[i] <= t1 && r.column(name)[i] > threshold) last = r.time_h[i];
  return last;
}

Target make(std::string id, std::string section, std::string what, std::string source,
            std::string published, std::string tolerance, std::string stage,
            std::function<Evaluation(StudyRunner&, const FeedingData&)> evaluate,
            std::string known_failure = "") {
  Target t;
  t.id = std::move(id);
  t.section = std::move(section);
  t.what = std::move(what);
  t.source = std::move(source);
  t.published = std::move(published);
  t.tolerance = std::move(tolerance);
  t.calibration_stage = std::move(stage);
  t.evaluate = std::move(evaluate);
  t.known_failure = std::move(known_failure);
  return t;
}

std::vector<Target> build_targets() {
  std::vector<Target> t;

  // ---------------- Section 2: feeding time courses ----------------
  const std::string glynn = "studies/glynn2010_eaa_leucine.yaml";
  for (const char* v : {"plasma_leucine", "plasma_insulin"}) {
    t.push_back(time_course("glynn2010_eaa_3.5g_leu", v, glynn, "eaa_3.5g_leucine", 0.0));
    t.push_back(time_course("glynn2010_eaa_1.85g_leu", v, glynn, "eaa_1.85g_leucine", 0.0));
  }
  for (const char* v : {"plasma_leucine", "intracellular_leucine", "mps_rate"})
    t.push_back(time_course("drummond2010_eaa_3.5g_leu", v, "studies/drummond2010_eaa.yaml",
                            "drummond2010_eaa", 0.0));
  for (const char* v :
       {"plasma_leucine", "intracellular_leucine", "plasma_insulin", "p_p70s6k_t389_fold"})
    t.push_back(time_course("wilkinson2013_3.42g_leu", v, "studies/wilkinson2013_leucine.yaml",
                            "wilkinson2013_leucine", 0.0));
  for (const char* v : {"plasma_leucine", "intracellular_leucine", "plasma_insulin"})
    t.push_back(time_course("atherton2010_whey_48g", v, "studies/atherton2010_whey.yaml",
                            "atherton2010_whey", 0.0));
  for (const char* v : {"plasma_leucine", "plasma_insulin"})
    t.push_back(time_course("moore2009_whey_25g", v, "studies/moore2009_whey_exercise.yaml",
                            "rested_leg", 0.3));
  t.push_back(time_course("mazzulla2017_egg_meal", "plasma_leucine",
                          "studies/mazzulla2017_egg_meal.yaml", "mazzulla2017_egg_meal", 0.0));
  // The pooled p-p70S6K estimate at 3.5 g leucine, compared with the drink of that size.
  t.push_back(time_course("metaanalysis_3.5g_leu", "p_p70s6k_t389_fold",
                          "studies/drummond2010_eaa.yaml", "drummond2010_eaa", 0.0));

  // ---------------- Section 2: dose and 'muscle full' ----------------
  t.push_back(
      make("moore2009_dose_plateau", "TARGETS.md section 2",
           "MPS over 4 h after 0-40 g egg protein after leg resistance exercise: rises up to 20 g, "
           "no further gain at 40 g",
           "Moore 2009, Am J Clin Nutr 89:161", "40 g no better than 20 g; 20 g > 10 g > 5 g > 0 g",
           "gain from 20 to 40 g <= 25 % of the gain from 0 to 20 g (the paper: +~6 %, not "
           "significant; 25 % is about two SEM of a tracer FSR difference in n = 6)",
           "feeding", [](StudyRunner& runner, const FeedingData&) {
             const std::string f = "studies/moore2009_egg_dose.yaml";
             const double drink = 28.0 / 60.0;
             double fsr[5];
             const char* arms[5] = {"egg_0g", "egg_5g", "egg_10g", "egg_20g", "egg_40g"};
             for (int i = 0; i < 5; ++i)
               fsr[i] = mean_over(runner.arm(f, arms[i], {}, {}, 5 * minute), "fsr_percent_per_h",
                                  drink, drink + 4.0);
             const double ratio = (fsr[4] - fsr[3]) / (fsr[3] - fsr[0]);
             Evaluation e = at_most(ratio, 0.25, 0.1, "");
             const bool rising = fsr[1] > fsr[0] && fsr[2] > fsr[1] && fsr[3] > fsr[2];
             e.pass = e.pass && rising;
             e.score += rising ? 0.0 : 4.0;
             e.model_text = "FSR 0/5/10/20/40 g: " + fmt(fsr[0]) + "/" + fmt(fsr[1]) + "/" +
                            fmt(fsr[2]) + "/" + fmt(fsr[3]) + "/" + fmt(fsr[4]) +
                            " %/h; (40 - 20)/(20 - 0) = " + fmt(ratio, 2);
             PlotSeries s{"moore2009_dose",
                          "Moore 2009: MPS 0-4 h after egg protein following resistance exercise",
                          "egg protein (g)",
                          "myofibrillar FSR (%/h)",
                          "model",
                          false,
                          {0, 5, 10, 20, 40},
                          {fsr, fsr + 5},
                          {}};
             e.series.push_back(s);
             return e;
           }));
  t.push_back(make(
      "bohe2001_muscle_full", "TARGETS.md section 2",
      "Amino acid infusion for 6 h: no MPS rise in the first 0.5 h, peak ~2.8x at 2 h, back to "
      "basal while amino acids stay high",
      "Bohe 2001, J Physiol 532:575", "fold 0-0.5 h ~1; 2.8x at 2 h; ~1 at 4-6 h",
      "first 0.5 h mean <= 1.4; 2 h value 2.8 +/- 0.9 (about 2 SD of the group); 5-6 h mean <= 1.4",
      "feeding", [](StudyRunner& runner, const FeedingData&) {
        const Result& r =
            runner.arm("studies/bohe2001_infusion.yaml", "bohe2001_infusion", {}, {}, 5 * minute);
        const double early = mps_fold(r, 0.0, 0.5), peak = at(r, "mps_fold", 2.0),
                     late = mps_fold(r, 5.0, 6.0);
        Evaluation e = all_of(
            {at_most(early, 1.4, 0.2, ""), within(peak, 2.8, 0.9, ""), at_most(late, 1.4, 0.2, "")},
            "0-0.5 h " + fmt(early) + "x, 2 h " + fmt(peak) + "x, 5-6 h " + fmt(late) + "x");
        e.series.push_back(line(r, "mps_fold", 0.0, 6.0, 1.0, "bohe2001",
                                "Bohe 2001: amino acid infusion 0-6 h", "MPS (fold of basal)",
                                "model", "time since the start of the infusion (min)"));
        e.series.push_back({"bohe2001",
                            "",
                            "",
                            "",
                            "published",
                            true,
                            {0, 120, 330},
                            {1.0, 2.8, 1.0},
                            {0.2, 0.5, 0.2}});
        return e;
      }));
  t.push_back(make("mitchell2015_20g_whey", "TARGETS.md section 2",
                   "20 g whey at rest: MPS up over 0-90 min, back to baseline at 90-210 min",
                   "Mitchell CJ 2015, Nutrients 7:8685", "up 0-90 min; baseline 90-210 min",
                   "0-90 min mean >= 1.3x (a detectable rise); 90-210 min mean <= 1.3x", "feeding",
                   [](StudyRunner& runner, const FeedingData&) {
                     const Result& r = runner.arm("studies/mitchell2015_whey_rest.yaml",
                                                  "mitchell2015_whey_rest", {}, {}, 5 * minute);
                     const double early = mps_fold(r, 0.0, 1.5), late = mps_fold(r, 1.5, 3.5);
                     return all_of({at_least(early, 1.3, 0.2, ""), at_most(late, 1.3, 0.2, "")},
                                   "0-90 min " + fmt(early) + "x, 90-210 min " + fmt(late) + "x");
                   }));
  t.push_back(
      make("moore2009_exercise_prolongs", "TARGETS.md section 2",
           "25 g whey after unilateral leg resistance exercise: exercised-leg MPS +100/+216/+229 % "
           "at 0-1/1-3/3-5 h; rested leg up at 1-3 h only",
           "Moore 2009, J Physiol 587:897", "+100 / +216 / +229 %",
           "each within 40 % of the published rise (about 2 SEM of tracer FSR rises in n = 6-8)",
           "exercise", [](StudyRunner& runner, const FeedingData&) {
             const std::string f = "studies/moore2009_whey_exercise.yaml";
             const Result& ex = runner.arm(f, "exercised_leg", {}, {}, 5 * minute);
             const Result& rest = runner.arm(f, "rested_leg", {}, {}, 5 * minute);
             const double d = 0.3;  // the drink, at the end of the bout
             const double a = percent_increase(mps_fold(ex, d, d + 1)),
                          b = percent_increase(mps_fold(ex, d + 1, d + 3)),
                          c = percent_increase(mps_fold(ex, d + 3, d + 5));
             const double r3 = percent_increase(mps_fold(rest, d + 1, d + 3)),
                          r5 = percent_increase(mps_fold(rest, d + 3, d + 5));
             Evaluation e =
                 all_of({within(a, 100, 40, "%"), within(b, 216, 86, "%"), within(c, 229, 92, "%"),
                         at_most(r5, std::max(30.0, 0.5 * r3), 20, "%")},
                        "exercised +" + fmt(a, 3) + "/+" + fmt(b, 3) + "/+" + fmt(c, 3) +
                            " %; rested 1-3 h +" + fmt(r3, 3) + " %, 3-5 h +" + fmt(r5, 3) + " %");
             e.series.push_back(line(ex, "mps_fold", d, 5.0, 1.0, "moore2009_exercise",
                                     "Moore 2009: 25 g whey after one-legged exercise",
                                     "MPS (fold of basal)", "model, exercised leg",
                                     "time after the drink (min)"));
             e.series.push_back(line(rest, "mps_fold", d, 5.0, 1.0, "moore2009_exercise", "", "",
                                     "model, rested leg"));
             e.series.push_back({"moore2009_exercise",
                                 "",
                                 "",
                                 "",
                                 "published, exercised leg",
                                 true,
                                 {30, 120, 240},
                                 {2.0, 3.16, 3.29},
                                 {0.4, 0.86, 0.92}});
             return e;
           }));

  t.push_back(make(
      "boirie1997_whey_vs_casein", "TARGETS.md section 2",
      "20 g whey vs 20 g casein at rest: whey gives a fast, high, short rise of plasma leucine; "
      "casein a lower plateau for hours",
      "Boirie 1997, PNAS 94:14930; Soop 2012, AJP Endo 303:E152",
      "casein: lower, later peak; higher than whey by 3.5-4 h",
      "casein peak <= 0.8 x the whey peak and later; casein above whey at 3.5-4 h", "",
      [](StudyRunner& runner, const FeedingData&) {
        const std::string f = "studies/mitchell2015_whey_rest.yaml";
        const Result& whey = runner.arm(f, "mitchell2015_whey_rest", {}, {}, 5 * minute);
        const Result& casein = runner.arm(f, "mitchell2015_whey_rest", {},
                                          {{"events.0.intake.type", "casein"}}, 5 * minute);
        Eigen::Index iw = 0, ic = 0;
        const double peak_whey = whey.column("plasma_leucine_umol_per_l").maxCoeff(&iw);
        const double peak_casein = casein.column("plasma_leucine_umol_per_l").maxCoeff(&ic);
        const double late_whey = mean_over(whey, "plasma_leucine_umol_per_l", 3.5, 4.0);
        const double late_casein = mean_over(casein, "plasma_leucine_umol_per_l", 3.5, 4.0);
        Evaluation e;
        e.pass = peak_casein <= 0.8 * peak_whey && casein.time_h[ic] > whey.time_h[iw] &&
                 late_casein > late_whey;
        e.model = peak_casein / peak_whey;
        e.model_text = "peaks " + fmt(peak_whey, 3) + " (whey, at " + fmt(60 * whey.time_h[iw], 3) +
                       " min) vs " + fmt(peak_casein, 3) + " umol/L (casein, at " +
                       fmt(60 * casein.time_h[ic], 3) + " min); 3.5-4 h: " + fmt(late_whey, 3) +
                       " vs " + fmt(late_casein, 3);
        e.series.push_back(line(whey, "plasma_leucine_umol_per_l", 0, 4, 1.0, "boirie1997",
                                "20 g whey vs 20 g casein", "plasma leucine (umol/L)", "whey"));
        e.series.push_back(
            line(casein, "plasma_leucine_umol_per_l", 0, 4, 1.0, "boirie1997", "", "", "casein"));
        return e;
      }));

  // ---------------- Section 3: exercise ----------------
  t.push_back(make("chesley1992_time_course", "TARGETS.md section 3",
                   "Heavy resistance exercise: MPS of the exercised muscle above the rested one at "
                   "4, 24 and 36 h",
                   "Chesley 1992, J Appl Physiol 73:1383",
                   "+50 % at 4 h, +109 % at 24 h, near baseline (~+14 %) at 36 h",
                   "+/- 35 percentage points each (n = 6 with large between-subject spread)",
                   "exercise", [](StudyRunner& runner, const FeedingData&) {
                     const std::string f = "studies/chesley1992_resistance.yaml";
                     // The file simulates 40 h; the 36 h point (45 h) needs its window up to 47 h.
                     const std::vector<FieldOverride> longer{{"duration", "48 h"}};
                     const Result& ex = runner.arm(f, "exercised_arm", {}, longer, 5 * minute);
                     const Result& rest = runner.arm(f, "rested_arm", {}, longer, 5 * minute);
                     auto rise = [&](double t) {
                       return 100.0 * (mean_over(ex, "fsr_percent_per_h", t - 2, t + 2) /
                                           mean_over(rest, "fsr_percent_per_h", t - 2, t + 2) -
                                       1.0);
                     };
                     const double bout = 9.0;
                     const double a = rise(bout + 4), b = rise(bout + 24), c = rise(bout + 36);
                     Evaluation e = all_of(
                         {within(a, 50, 35, "%"), within(b, 109, 35, "%"), within(c, 14, 35, "%")},
                         "+" + fmt(a, 3) + " % at 4 h, +" + fmt(b, 3) + " % at 24 h, +" +
                             fmt(c, 3) + " % at 36 h");
                     PlotSeries model{"chesley1992",
                                      "Chesley 1992: exercised vs rested muscle",
                                      "time after the bout (h)",
                                      "MPS rise (%)",
                                      "model",
                                      false,
                                      {},
                                      {},
                                      {}};
                     for (double h = 2; h <= 30; h += 1) {
                       model.x.push_back(h);
                       model.y.push_back(rise(bout + h));
                     }
                     e.series.push_back(model);
                     e.series.push_back({"chesley1992",
                                         "",
                                         "",
                                         "",
                                         "published",
                                         true,
                                         {4, 24, 36},
                                         {50, 109, 14},
                                         {35, 35, 35}});
                     return e;
                   }));
  t.push_back(make(
      "kumar2009_load", "TARGETS.md section 3",
      "MPS over 4 h after leg resistance exercise (4 x 10 of two exercises, fasted) at 20-90 %1RM",
      "Kumar 2009, J Physiol 587:211", "sigmoidal in load, plateau at 60-90 %1RM",
      "rise at 60 % >= 0.75 x the rise at 90 %; rise at 20 % <= 0.35 x it; never falling with load",
      "", [](StudyRunner& runner, const FeedingData&) {
        const std::string f = "studies/leg_resistance_bout.yaml";
        const double loads[5] = {20, 40, 60, 75, 90};
        double rise[5];
        PlotSeries s{"kumar2009",
                     "Kumar 2009: MPS against resistance load",
                     "load (%1RM)",
                     "MPS rise over 0-4 h (%)",
                     "model",
                     false,
                     {},
                     {},
                     {}};
        for (int i = 0; i < 5; ++i) {
          const std::string load = fmt(loads[i]) + " %1RM";
          const Result& r = runner.arm(f, "leg_resistance_bout", {},
                                       {{"sessions.leg_resistance.exercises.0.load", load},
                                        {"sessions.leg_resistance.exercises.1.load", load}},
                                       5 * minute);
          rise[i] = percent_increase(mps_fold(r, 0.0, 4.0));
          s.x.push_back(loads[i]);
          s.y.push_back(rise[i]);
        }
        bool monotone = true;
        for (int i = 1; i < 5; ++i) monotone = monotone && rise[i] >= rise[i - 1] - 1e-9;
        Evaluation e;
        e.pass = monotone && rise[2] >= 0.75 * rise[4] && rise[0] <= 0.35 * rise[4];
        e.model = rise[2] / rise[4];
        e.model_text = "MPS rise at 20/40/60/75/90 %1RM: " + fmt(rise[0], 3) + "/" +
                       fmt(rise[1], 3) + "/" + fmt(rise[2], 3) + "/" + fmt(rise[3], 3) + "/" +
                       fmt(rise[4], 3) + " %";
        e.series.push_back(s);
        return e;
      }));
  t.push_back(make(
      "bagheri2022_aerobic_mps", "TARGETS.md section 3",
      "A HIIT session and a continuous run each raise MPS over the next 24 h (same meals, against "
      "no exercise)",
      "Bagheri 2022, Sports Med 52:2713 (aerobic and HIIT exercise raise MPS in most studies)",
      "MPS up after both",
      "mean MPS over the 24 h after the first session >= 5 % above the control's", "",
      [](StudyRunner& runner, const FeedingData&) {
        const Result& control = runner.arm("control_no_training.yaml", "control_no_training");
        const Result& hiit = runner.arm("hiit_4x4_brief.yaml", "hiit_4x4_brief");
        const Result& run =
            runner.arm("long_distance/plan_10_weeks.yaml", "long_distance_10_weeks");
        const double start = 16.0;  // both plans' first session: day 1 at 16:00
        const double base = mean_over(control, "mps_rate", start, start + 24);
        const double h = 100 * (mean_over(hiit, "mps_rate", start, start + 24) / base - 1);
        const double r = 100 * (mean_over(run, "mps_rate", start, start + 24) / base - 1);
        return all_of(
            {at_least(h, 5, 5, "%"), at_least(r, 5, 5, "%")},
            "24 h MPS +" + fmt(h, 3) + " % after HIIT, +" + fmt(r, 3) + " % after a 35-min run");
      }));
  t.push_back(make(
      "didonato2014_intensity", "TARGETS.md section 3",
      "Work-matched cycling at 30 vs 60 % Wmax: equal MPS rise at 0.5-4.5 h; still up at 24-28 h "
      "only after the higher intensity",
      "Di Donato 2014, AJP Endo 306:E1025", "equal early rise; late rise after 60 % Wmax only",
      "early rises within a factor 1.5 of each other; late: high-intensity mean fold >= 1.08, "
      "low-intensity <= 1.08 (the late rise in the paper is ~+20 % with SEM ~7 %)",
      "exercise", [](StudyRunner& runner, const FeedingData&) {
        const std::string f = "studies/didonato2014_cycling.yaml";
        const Result& lo = runner.arm(f, "low_intensity_30wmax", {}, {}, 5 * minute);
        const Result& hi = runner.arm(f, "high_intensity_60wmax", {}, {}, 5 * minute);
        const double end_lo = 10.0, end_hi = 9.5;  // rides of 60 and 30 min from 09:00
        const double early_lo = mps_fold(lo, end_lo + 0.5, end_lo + 4.5) - 1,
                     early_hi = mps_fold(hi, end_hi + 0.5, end_hi + 4.5) - 1;
        const double late_lo = mps_fold(lo, end_lo + 24, end_lo + 28),
                     late_hi = mps_fold(hi, end_hi + 24, end_hi + 28);
        const double ratio = early_lo > 0 ? early_hi / early_lo : (early_hi > 0 ? 1e3 : 1e-3);
        Evaluation e = all_of({within(std::log(std::max(ratio, 1e-3)), 0.0, std::log(1.5), ""),
                               at_least(late_hi, 1.08, 0.05, ""), at_most(late_lo, 1.08, 0.05, "")},
                              "early rise high/low " + fmt(ratio, 2) + "; late fold high " +
                                  fmt(late_hi) + ", low " + fmt(late_lo));
        return e;
      }));
  t.push_back(make("louis2007_myostatin_run", "TARGETS.md sections 0 and 3",
                   "Myostatin after a run: lowest at 8-12 h", "Louis 2007, J Appl Physiol 103:1744",
                   "3.6-fold fall (0.28 of rest)",
                   "0.28 +/- 0.12 (a fold change from mRNA of n = 6)", "exercise",
                   [](StudyRunner& runner, const FeedingData&) {
                     const Result& r =
                         runner.arm("studies/louis2007_myostatin.yaml", "run", {}, {}, 15 * minute);
                     return within(min_over(r, "myostatin_relative", 8, 12), 0.28, 0.12, "of rest");
                   }));
  t.push_back(make(
      "louis2007_myostatin_resistance", "TARGETS.md section 3",
      "Myostatin after resistance exercise, 1-24 h", "Louis 2007", "6.3-fold fall (0.16 of rest)",
      "0.16 +/- 0.1", "exercise", [](StudyRunner& runner, const FeedingData&) {
        const Result& r =
            runner.arm("studies/louis2007_myostatin.yaml", "resistance", {}, {}, 15 * minute);
        return within(min_over(r, "myostatin_relative", 1, 24), 0.16, 0.1, "of rest");
      }));
  t.push_back(make(
      "wolfe2006_fasted_exercise", "TARGETS.md sections 0 and 3",
      "After a run and after a resistance bout without food: breakdown rises less than synthesis, "
      "and net balance stays negative",
      "Wolfe 2006, J Nutr 136:525S; Phillips 1997, AJP Endo 273:E99 (resistance, fasted: MPS +112 "
      "%, MPB +31 % at 3 h)",
      "MPB rise < MPS rise; net < 0 while fasted", "both must hold over 1-4 h after each bout",
      "exercise", [](StudyRunner& runner, const FeedingData&) {
        Evaluation e;
        e.pass = true;
        std::string text;
        for (const char* arm : {"run", "resistance"}) {
          const Result& r = runner.arm("studies/louis2007_myostatin.yaml", arm, {}, {}, 5 * minute);
          const double fbr_basal = runner.parameters().fbr_basal_percent_per_h,
                       fsr_basal = runner.parameters().fsr_basal_percent_per_h;
          const double mps_rise = mean_over(r, "fsr_percent_per_h", 1, 4) / fsr_basal - 1;
          const double mpb_rise = mean_over(r, "fbr_percent_per_h", 1, 4) / fbr_basal - 1;
          const double net = mean_over(r, "net_balance", 1, 4);
          e.pass = e.pass && mpb_rise < mps_rise && net < 0 && mpb_rise > 0;
          // Score: breakdown rising more than synthesis (in units of 20 %), a positive fasted net
          // balance (in units of 0.1 g/h), or no rise in breakdown at all.
          e.score += std::pow(std::max(0.0, mpb_rise - mps_rise) / 0.2, 2) +
                     std::pow(std::max(0.0, net) / 0.1, 2);
          // After a fasted resistance bout breakdown rises by about 0.28 of the synthesis rise
          // (Phillips 1997: +31 % against +112 %); +/- 0.2 for the spread of such ratios.
          if (std::string(arm) == "resistance")
            e.score += std::pow((mpb_rise / std::max(mps_rise, 0.01) - 0.28) / 0.2, 2);
          else
            e.score += std::pow(std::max(0.0, -mpb_rise) / 0.05, 2);
          text += std::string(text.empty() ? "" : "; ") + arm + ": MPS +" + fmt(100 * mps_rise, 3) +
                  " %, MPB +" + fmt(100 * mpb_rise, 3) + " %, net " + fmt(net, 3) + " g/h";
        }
        e.model_text = text;
        return e;
      }));

  // ---------------- Section 4: damage ----------------
  t.push_back(make("ryu2016_distance_order", "TARGETS.md section 4",
                   "CK after 10, 21 and 42 km races: up in every group, 42 km highest",
                   "Ryu 2016, J Phys Ther Sci 28:450", "42 > 21 >= 10 > baseline",
                   "the order must hold; every race raises CK by >= 50 % (a 'significant' rise)",
                   "damage", [](StudyRunner& runner, const FeedingData&) {
                     const std::string f = "studies/ryu2016_races.yaml";
                     double peak[3];
                     const char* arms[3] = {"race_10km", "race_21km", "race_42km"};
                     for (int i = 0; i < 3; ++i)
                       peak[i] = runner.arm(f, arms[i]).column("ck_u_per_l").maxCoeff();
                     const double base = runner.parameters().ck_basal_u_per_l;
                     Evaluation e;
                     e.pass = peak[2] > peak[1] && peak[1] >= peak[0] && peak[0] > 1.5 * base;
                     e.score = e.pass ? 0.0 : 4.0;
                     e.model = peak[2];
                     e.model_text = "peak CK " + fmt(peak[0], 4) + " / " + fmt(peak[1], 4) + " / " +
                                    fmt(peak[2], 4) + " U/L (baseline " + fmt(base, 3) + ")";
                     PlotSeries s{"ryu2016",
                                  "Races of 10, 21 and 42 km: CK",
                                  "time since the start of day 1 (h)",
                                  "CK (U/L)",
                                  "",
                                  false,
                                  {},
                                  {},
                                  {}};
                     for (int i = 0; i < 3; ++i) {
                       const Result& r = runner.arm(f, arms[i]);
                       PlotSeries c = s;
                       c.label = arms[i];
                       for (Eigen::Index k = 0; k < r.time_h.size(); ++k)
                         c.x.push_back(r.time_h[k]), c.y.push_back(r.column("ck_u_per_l")[k]);
                       e.series.push_back(c);
                     }
                     return e;
                   }));
  t.push_back(
      make("marathon_ck_time_course", "TARGETS.md section 4",
           "CK after a marathon: peak on day 1 after the race, still elevated on day 3, back to "
           "baseline within about a week",
           "Recreational marathon cohort (PMC6267712); TARGETS.md working target",
           "peak ~24 h after; day 3 elevated; ~baseline by day 7",
           "peak 12-36 h after the start; day 3 >= 1.5x baseline; end of day 7 <= 1.5x baseline",
           "damage", [](StudyRunner& runner, const FeedingData&) {
             const Result& r = runner.arm("studies/ryu2016_races.yaml", "race_42km");
             Eigen::Index i_peak = 0;
             r.column("ck_u_per_l").maxCoeff(&i_peak);
             const double start = 9.0, base = runner.parameters().ck_basal_u_per_l;
             const double peak_after = r.time_h[i_peak] - start;
             const double day3 = at(r, "ck_u_per_l", start + 72) / base,
                          end = r.final_value("ck_u_per_l") / base;
             return all_of({within(peak_after, 24, 12, "h"), at_least(day3, 1.5, 0.5, ""),
                            at_most(end, 1.5, 0.5, "")},
                           "peak " + fmt(peak_after, 3) + " h after the start; day 3 " + fmt(day3) +
                               "x; end " + fmt(end) + "x baseline");
           }));

  // ---------------- Section 5: fuel and lactate ----------------
  t.push_back(make(
      "rapoport2010_wall", "TARGETS.md section 5",
      "Marathon glycogen: runs out late in the race at 80 %VO2max, not at 60 %VO2max",
      "Rapoport 2010, PLoS Comput Biol 6:e1000960", "80 %: empty late; 60 %: not empty",
      "80 %: below 60 mmol/kg dw, first after half the race; 60 %: stays above 100 mmol/kg dw", "",
      [](StudyRunner& runner, const FeedingData&) {
        const std::string f = "studies/rapoport2010_marathon_glycogen.yaml";
        const Result& fast = runner.arm(f, "marathon_80pct", {}, {}, 5 * minute);
        const Result& slow = runner.arm(f, "marathon_60pct", {}, {}, 5 * minute);
        const double race_fast = 42.195 / 12.15, race_slow = 42.195 / 8.85;
        const double low_fast = min_over(fast, "glycogen_mmol_per_kg_dw", 0, race_fast);
        const double low_slow = min_over(slow, "glycogen_mmol_per_kg_dw", 0, race_slow);
        const double last_full =
            last_time_above(fast, "glycogen_mmol_per_kg_dw", 60.0, 0, race_fast);
        Evaluation e = all_of(
            {at_most(low_fast, 60, 30, "mmol/kg dw"), at_least(last_full / race_fast, 0.5, 0.2, ""),
             at_least(low_slow, 100, 50, "mmol/kg dw")},
            "80 %: low " + fmt(low_fast, 3) + " (below 60 after " +
                fmt(100 * last_full / race_fast, 3) + " % of the race); 60 %: low " +
                fmt(low_slow, 3) + " mmol/kg dw");
        e.series.push_back(line(fast, "glycogen_mmol_per_kg_dw", 0, race_fast, 1.0, "rapoport2010",
                                "Marathon: leg glycogen", "glycogen (mmol/kg dw)", "80 %VO2max",
                                "time since the start (min)"));
        e.series.push_back(line(slow, "glycogen_mmol_per_kg_dw", 0, race_slow, 1.0, "rapoport2010",
                                "", "", "60 %VO2max"));
        return e;
      }));
  t.push_back(make(
      "achten2002_fat_oxidation", "TARGETS.md sections 0 and 5",
      "Fat oxidation against intensity: peak near 64 %VO2max, zero by 85-88 %VO2max",
      "Achten 2002, MSSE 34:92; Peric 2016", "peak 64 % (55-72 %); end 85-88 %",
      "peak within 0.55-0.72; zero at 88 %VO2max", "", [](StudyRunner& runner, const FeedingData&) {
        const ProteinBalanceModel model(Subject{}, runner.parameters());
        Eigen::VectorXd x = model.initial_state();
        std::array<double, channel::count> u{};
        std::array<double, kOutputCount> row{};
        u[channel::modality] = static_cast<double>(Modality::running);
        double best = 0, best_i = 0, at_88 = 0;
        PlotSeries s{"achten2002",
                     "Fat oxidation against intensity",
                     "intensity (%VO2max)",
                     "fat oxidation (g/h)",
                     "model",
                     false,
                     {},
                     {},
                     {}};
        for (double i = 0.2; i <= 1.0001; i += 0.01) {
          u[channel::exercise_intensity] = i;
          model.observe(0, x.data(), u, row);
          s.x.push_back(100 * i);
          s.y.push_back(row[out_fat_oxidation]);
          if (row[out_fat_oxidation] > best) best = row[out_fat_oxidation], best_i = i;
          if (std::abs(i - 0.88) < 0.005) at_88 = row[out_fat_oxidation];
        }
        Evaluation e = all_of({within(best_i, 0.635, 0.085, ""), at_most(at_88, 1e-9, 1.0, "")},
                              "peak at " + fmt(100 * best_i, 3) + " %VO2max (" + fmt(best, 3) +
                                  " g/h); at 88 %: " + fmt(at_88, 2) + " g/h");
        e.series.push_back(s);
        return e;
      }));
  t.push_back(make(
      "menzies2010_lactate", "TARGETS.md sections 0 and 5",
      "Lactate after 5 min at 90 %VO2max, and its clearance by active vs passive recovery",
      "Menzies 2010, J Sports Sci 28:975", "1.0 -> 3.9 mmol/L; active clears faster",
      "3.9 +/- 1.0 mmol/L at the end of the run (about the group SD); after 10 min of recovery the "
      "active arm's excess lactate <= 80 % of the passive arm's",
      "lactate", [](StudyRunner& runner, const FeedingData&) {
        const std::string f = "studies/menzies2010_recovery.yaml";
        const Result& active = runner.arm(f, "active_recovery", {}, {}, minute);
        const Result& passive = runner.arm(f, "passive_recovery", {}, {}, minute);
        const double base = runner.parameters().lactate_basal_mmol_per_l;
        const double peak = at(passive, "lactate_mmol_per_l", 5 * minute);
        const double ratio = (at(active, "lactate_mmol_per_l", 15 * minute) - base) /
                             (at(passive, "lactate_mmol_per_l", 15 * minute) - base);
        Evaluation e = all_of({within(peak, 3.9, 1.0, "mmol/L"), at_most(ratio, 0.8, 0.1, "")},
                              "end of run " + fmt(peak) +
                                  " mmol/L; excess after 10 min active/passive " + fmt(ratio, 2));
        e.series.push_back(line(active, "lactate_mmol_per_l", 0, 0.25, 1.0, "menzies2010",
                                "Menzies 2010: lactate", "lactate (mmol/L)", "active recovery",
                                "time since the start of the run (min)"));
        e.series.push_back(line(passive, "lactate_mmol_per_l", 0, 0.25, 1.0, "menzies2010", "", "",
                                "passive recovery"));
        e.series.push_back(
            {"menzies2010", "", "", "", "published end of run", true, {5}, {3.9}, {1.0}});
        return e;
      }));
  t.push_back(make(
      "cool_down_lactate", "BRIEF.md nutrition/protocol advice; TARGETS.md section 0",
      "Active cool-down (10 min walk) vs none after the brief's HIIT: lactate 10 min after the "
      "last work bout",
      "Menzies 2010 (active recovery clears lactate faster)", "lower with the walk",
      "active/none lactate excess <= 0.9", "", [](StudyRunner& runner, const FeedingData&) {
        const Result& walk =
            runner.arm("cool_down/hiit_walk_cool_down.yaml", "hiit_walk_cool_down", {}, {}, minute);
        const Result& none =
            runner.arm("cool_down/hiit_no_cool_down.yaml", "hiit_no_cool_down", {}, {}, minute);
        const double first = first_time_above(none, "exercise_intensity", 0.0, 0.0);
        const double last_work =
            last_time_above(none, "exercise_intensity", 0.8, first, first + 2.0);
        const double base = runner.parameters().lactate_basal_mmol_per_l;
        const double t = last_work + 10 * minute;
        const double ratio =
            (at(walk, "lactate_mmol_per_l", t) - base) / (at(none, "lactate_mmol_per_l", t) - base);
        return at_most(ratio, 0.9, 0.1, "(active/none)");
      }));
  t.push_back(make(
      "ketogenic_sprint_capacity", "TARGETS.md section 0",
      "Anaerobic (sprint) capacity after 2 weeks of a ketogenic diet vs a mixed diet",
      "TARGETS.md: short-term low-carbohydrate diets lower sprint power by several per cent",
      "several per cent lower", "5 +/- 4 % lower", "fuel",
      [](StudyRunner& runner, const FeedingData&) {
        const double keto =
            at(runner.arm("diets/ketogenic.yaml", "ketogenic"), "anaerobic_capacity_relative", 336);
        const double mixed = at(runner.arm("diets/protein_1.6.yaml", "protein_1.6"),
                                "anaerobic_capacity_relative", 336);
        return within(100 * (1 - keto / mixed), 5.0, 4.0, "% lower");
      }));

  // ---------------- Section 0 and 1: weeks ----------------
  t.push_back(make(
      "estes2017_hiit_csa", "TARGETS.md section 0",
      "Whole-muscle CSA after 10 weeks of 4 x 4 min HIIT (24.5 sessions), recreationally active "
      "young adults",
      "Estes 2017, Int J Exerc Sci 10:137", "+10.6 +/- 2.7 %",
      "+/- 2.7 percentage points (the reported spread)", "weeks",
      [](StudyRunner& runner, const FeedingData&) {
        const Result& r = runner.arm("estes2017_hiit.yaml", "estes2017_hiit");
        Evaluation e = within(r.final_value("csa_change_percent"), 10.6, 2.7, "%");
        PlotSeries s{"estes2017",
                     "Estes 2017: CSA over 10 weeks of HIIT",
                     "time (days)",
                     "CSA change (%)",
                     "model, HIIT",
                     false,
                     {},
                     {},
                     {}};
        for (Eigen::Index i = 0; i < r.time_h.size(); i += 4)
          s.x.push_back(r.time_h[i] / 24), s.y.push_back(r.column("csa_change_percent")[i]);
        e.series.push_back(s);
        e.series.push_back({"estes2017", "", "", "", "published, HIIT", true, {70}, {10.6}, {2.7}});
        return e;
      }));
  t.push_back(make("estes2017_control_csa", "TARGETS.md section 0",
                   "Whole-muscle CSA of the untrained control after 10 weeks", "Estes 2017",
                   "unchanged (~0 %)",
                   "|change| <= 1 % (the repeatability of ultrasound CSA is 1-2 %)", "weeks",
                   [](StudyRunner& runner, const FeedingData&) {
                     const double v = runner.arm("estes2017_control.yaml", "estes2017_control")
                                          .final_value("csa_change_percent");
                     return within(v, 0.0, 1.0, "%");
                   }));
  t.push_back(make(
      "losey2013_brief_hiit_csa", "TARGETS.md section 0",
      "The brief's HIIT plan (4 x 4 min, 3x/week, 10 weeks): CSA change",
      "Losey 2013, MSSE 45 suppl. (same laboratory, 3x/week)", "+9 %",
      "+/- 3 percentage points (abstract-level report; spread as Estes 2017)", "",
      [](StudyRunner& runner, const FeedingData&) {
        return within(
            runner.arm("hiit_4x4_brief.yaml", "hiit_4x4_brief").final_value("csa_change_percent"),
            9.0, 3.0, "%");
      }));
  t.push_back(make("doering2016_integrated_fsr", "TARGETS.md section 1",
                   "Integrated myofibrillar FSR during 10 weeks of training (Estes HIIT arm)",
                   "Doering 2016, MSSE 48:1613 (D2O, trained)", "1.5-1.7 %/day",
                   "1.6 +/- 0.3 %/day (range plus the tracer's typical SD)", "weeks",
                   [](StudyRunner& runner, const FeedingData&) {
                     const Result& r = runner.arm("estes2017_hiit.yaml", "estes2017_hiit");
                     const double days = r.time_h[r.time_h.size() - 1] / 24;
                     const double fsr = 100 * r.final_value("cumulative_mps_g") /
                                        r.column("muscle_protein_g").mean() / days;
                     return within(fsr, 1.6, 0.3, "%/day");
                   }));
  t.push_back(make(
      "basal_fsr_working_value", "TARGETS.md section 1", "Postabsorptive myofibrillar FSR at rest",
      "Bohe 2001 (mixed 0.076 %/h); Mitchell 2015 (myofibrillar 0.02 %/h, middle-aged); Doering "
      "2016",
      "working value 0.04-0.07 %/h", "within the working value", "",
      [](StudyRunner& runner, const FeedingData&) {
        const double fsr =
            mean_over(runner.arm("studies/postabsorptive_rest.yaml", "postabsorptive_rest"),
                      "fsr_percent_per_h", 0, 6);
        return within(fsr, 0.055, 0.015, "%/h");
      }));
  t.push_back(make(
      "estes2017_net_balance", "TARGETS.md section 1",
      "Mean net protein balance during the 10 weeks of Estes HIIT, per day, as a share of muscle "
      "protein",
      "TARGETS.md section 1 (inferred from +10 % CSA in 10 weeks: a tenth of the daily synthesis "
      "flux)",
      "about +0.14 %/day", "+0.14 +/- 0.04 %/day (Estes' +/- 2.7 % CSA spread over 70 days)", "",
      [](StudyRunner& runner, const FeedingData&) {
        const Result& r = runner.arm("estes2017_hiit.yaml", "estes2017_hiit");
        const double days = r.time_h[r.time_h.size() - 1] / 24;
        const double net = 100 *
                           (r.final_value("cumulative_mps_g") - r.final_value("cumulative_mpb_g")) /
                           r.column("muscle_protein_g").mean() / days;
        return within(net, 0.14, 0.04, "%/day");
      }));
  t.push_back(make("protein_alone_small_effect", "TARGETS.md section 0 (diet presets)",
                   "Without training, 1.6 instead of 1.0 g/kg/day protein for 10 weeks "
                   "(hiit_vs_long_distance control arms)",
                   "Morton 2018, Br J Sports Med 52:376 (protein supplementation without training: "
                   "little effect on lean mass)",
                   "little or no change", "difference <= 1 percentage point", "diet",
                   [](StudyRunner& runner, const FeedingData&) {
                     const std::string f = "hiit_vs_long_distance.yaml";
                     const double d =
                         runner.arm(f, "control_1.6").final_value("csa_change_percent") -
                         runner.arm(f, "control_1.0").final_value("csa_change_percent");
                     Evaluation e = within(d, 0.3, 0.7, "pp");
                     e.pass = e.pass && d >= 0.0;  // more protein never less muscle
                     return e;
                   }));
  t.push_back(
      make("brief_hiit_vs_long_distance", "BRIEF.md claims 1, 5 and 8; TARGETS.md section 0",
           "10 weeks: HIIT gains more than long-distance running, both vs control, at 1.0 and 1.6 "
           "g/kg/day; protein adds to HIIT",
           "Estes 2017; Ryu 2016; product brief",
           "HIIT > long distance; HIIT > control; HIIT 1.6 >= HIIT 1.0",
           "the order must hold at both intakes", "", [](StudyRunner& runner, const FeedingData&) {
             const std::string f = "hiit_vs_long_distance.yaml";
             auto csa = [&](const char* arm) {
               return runner.arm(f, arm).final_value("csa_change_percent");
             };
             const double c1 = csa("control_1.0"), c6 = csa("control_1.6"), h1 = csa("hiit_1.0"),
                          h6 = csa("hiit_1.6"), l1 = csa("long_distance_1.0"),
                          l6 = csa("long_distance_1.6");
             Evaluation e;
             e.pass = h1 > l1 && h6 > l6 && h1 > c1 && h6 > c6 && h6 >= h1;
             e.model = h6;
             e.model_text = "CSA % control " + fmt(c1, 2) + "/" + fmt(c6, 2) + ", HIIT " +
                            fmt(h1, 3) + "/" + fmt(h6, 3) + ", long distance " + fmt(l1, 2) + "/" +
                            fmt(l6, 2) + " (1.0/1.6 g/kg/day)";
             return e;
           }));
  // Known failures: the model does not meet these targets; each says why, and the validation test
  // fails the day one of them passes (so the reason cannot go stale).
  const std::pair<const char*, const char*> known[] = {
      {"drummond2010_eaa_3.5g_leu/plasma_leucine",
       "between-study spread: drinks with about 3.5 g leucine peak at 800 umol/L here, 890 in "
       "Glynn 2010 "
       "and 495 in Wilkinson 2013; one absorption model sits between them (RMS z 3.4)"},
      {"wilkinson2013_3.42g_leu/plasma_leucine",
       "between-study spread (see drummond2010): free leucine here peaks far lower than the EAA "
       "drinks of "
       "Glynn 2010 with the same leucine (RMS z 3.7)"},
      {"moore2009_dose_plateau",
       "a larger dose keeps leucine high for longer, so over 0-4 h 40 g still adds about a third "
       "of the "
       "0-20 g gain; the paper's plateau (extra amino acids oxidized) needs an oxidation route the "
       "model "
       "folds into one saturable clearance"},
      {"bohe2001_muscle_full",
       "the infusion enters the model as its leucine only (the other amino acids have no channel), "
       "so the "
       "peak at 2 h is about 1.5x instead of 2.8x; the return to basal while amino acids stay high "
       "is met"},
      {"mitchell2015_20g_whey",
       "the refractory state ends the response to 20 g whey only partly: synthesis stays about 40 "
       "% above "
       "basal at 90-210 min instead of returning to it"},
      {"moore2009_exercise_prolongs",
       "the exercised leg's rise at 1-5 h is about half the published +216/+229 %: sensitisation "
       "does not "
       "amplify the feeding response enough without overshooting Chesley's 4-h point"},
      {"didonato2014_intensity",
       "equal early rises are met, but the late rise after the higher intensity is about +8 % (the "
       "paper: "
       "about +20 %), at the edge of the tolerance"},
      {"boirie1997_whey_vs_casein",
       "casein's peak is correctly lower and later than whey's, but its slow appearance raises "
       "insulin, and the "
       "fitted insulin suppression of whole-body proteolysis (at its 60 % bound) cancels much of "
       "its leucine: "
       "at 3.5-4 h casein sits just below whey instead of above it"},
      {"losey2013_brief_hiit_csa",
       "conflicts with Estes 2017 from the same laboratory: 3 sessions a week gave +9 % there "
       "against +10.6 % "
       "with 2.5 a week; fitted to Estes (the full paper), the model gives more growth for more "
       "sessions"},
  };
  for (const auto& [id, reason] : known)
    for (Target& target : t)
      if (target.id == id) target.known_failure = reason;

  // The few synthesis and signalling targets weigh as much as the many plasma time courses.
  for (Target& target : t)
    if (target.id == "bohe2001_muscle_full" || target.id == "mitchell2015_20g_whey" ||
        target.id == "moore2009_dose_plateau" ||
        target.id == "drummond2010_eaa_3.5g_leu/mps_rate" ||
        target.id == "metaanalysis_3.5g_leu/p_p70s6k_t389_fold")
      target.weight = 3.0;
  return t;
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> list = build_targets();
  return list;
}

ValidationReport run_validation(StudyRunner& runner, const FeedingData& data,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  ValidationReport report;
  const std::vector<Target>& list = targets();
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

}  // namespace myoflux::protein_balance
