// Writes what a scenario means in words and tables. Plans longer than two days are shown by day
// and clock time; acute studies by time since t = 0.
#include "engine/scenario/describe.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "engine/scenario/conversions.hpp"
#include "engine/scenario/diet.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/scenario/plan.hpp"
#include "engine/scenario/summary.hpp"

namespace myoflux::scenario {
namespace {

constexpr double kAcuteLimitH = 48.0;  // shorter scenarios are shown by elapsed time

bool is_acute(const Scenario& s) {
  return s.duration_h <= kAcuteLimitH;
}

// "1:05" for 1 h 5 min after t = 0, "0:05:30" with seconds.
std::string elapsed_clock(double t_h) {
  const long seconds = std::lround(t_h * 3600.0);
  std::ostringstream out;
  out << seconds / 3600 << ":" << std::setw(2) << std::setfill('0') << (seconds / 60) % 60;
  if (seconds % 60 != 0) out << ":" << std::setw(2) << seconds % 60;
  return out.str();
}

std::string when(const Scenario& s, double t_h) {
  if (is_acute(s)) return "at t = " + elapsed_clock(t_h) + " h";
  return day_and_clock(t_h, s.first_weekday);
}

std::string time_of_day(const Scenario& s, double t_h) {
  return is_acute(s) ? elapsed_clock(t_h) : clock_text(t_h - 24.0 * std::floor(t_h / 24.0));
}

// Writes a line without the padding a last empty column leaves behind.
void line(std::ostream& out, std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  out << text << "\n";
}

std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

std::string counted(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string grams(double g) {
  return number_text(g) + " g";
}

std::string protein_text(const std::vector<ProteinPart>& parts) {
  std::string out;
  for (const ProteinPart& p : parts)
    out += (out.empty() ? "" : " + ") + grams(p.grams) + " " +
           (p.food.empty() ? std::string(protein_type_name(p.type))
                           : p.food + " (" + std::string(protein_type_name(p.type)) + ")");
  return out.empty() ? "no protein" : out + " protein";
}

std::string intake_text(const std::vector<ProteinPart>& protein, double carbohydrate_g,
                        double fat_g, double fluid_l = 0.0) {
  std::string out = protein.empty() && fluid_l > 0.0 ? "" : protein_text(protein);
  if (carbohydrate_g > 0.0) out += ", " + grams(carbohydrate_g) + " carbohydrate";
  if (fat_g > 0.0) out += ", " + grams(fat_g) + " fat";
  if (fluid_l > 0.0)
    out += (out.empty() ? "" : ", ") + number_text(1000.0 * fluid_l, 0) + " mL to drink";
  return out;
}

void header(std::ostream& out, const Scenario& s) {
  out << pad("scenario", 10) << s.name << (s.file.empty() ? "" : "  (" + s.file + ")") << "\n";
  if (!s.description.empty()) {
    std::istringstream lines(s.description);
    std::string line;
    while (std::getline(lines, line)) out << pad("", 10) << line << "\n";
  }
  for (const std::string& src : s.sources) out << pad("source", 10) << src << "\n";
  const Subject& p = s.subject;
  const bool tanaka = std::abs(p.hrmax_bpm - tanaka_hrmax_bpm(p.age_years)) < 1e-9;
  out << pad("subject", 10) << sex_name(p.sex) << ", " << number_text(p.age_years) << " years, "
      << number_text(p.body_mass_kg) << " kg, " << training_status_name(p.training_status)
      << "; VO2max " << number_text(p.vo2max_ml_per_kg_min) << " mL/kg/min; lactate threshold "
      << percent_text(p.lactate_threshold_fraction, "%VO2max") << "\n"
      << pad("", 10) << "HRmax " << number_text(p.hrmax_bpm) << " bpm"
      << (tanaka ? " (208 - 0.7 x age, Tanaka 2001)" : "") << "; skeletal muscle "
      << percent_text(p.muscle_mass_fraction, "%") << " of body mass\n";
  out << pad("duration", 10) << duration_text(s.duration_h)
      << (is_acute(s) ? " from t = 0"
                      : " from day 1 (a " + std::string(weekday_title(s.first_weekday)) + ")")
      << "; output every " << duration_text(s.output_interval_h) << "\n";
  out << pad("schedule", 10) << counted(s.schedule.segment_count(), "segment") << " on "
      << counted(s.schedule.channels().size(), "input channel") << ", "
      << counted(s.schedule.doses().size(), "dose") << "\n";
  out << pad("zones", 10) << "easy < " << number_text(100 * zone_lower_edge(Zone::moderate, p))
      << " <= moderate < " << number_text(100 * zone_lower_edge(Zone::threshold, p))
      << " <= threshold < " << number_text(100 * zone_lower_edge(Zone::severe, p))
      << " <= severe <= 100 < supramaximal (%VO2max)\n";
}

void segment_rows(std::ostream& out, const Scenario& s, const TimelineSession& session) {
  for (const TimelineSegment& seg : session.segments) {
    std::string effort, zone;
    if (seg.modality == Modality::resistance) {
      effort = percent_text(seg.load_fraction_1rm, "%1RM");
    } else if (seg.modality != Modality::rest) {
      effort = percent_text(seg.intensity, "%VO2max");
      zone = zones()[static_cast<int>(zone_of(seg.intensity, s.subject))].name;
    }
    std::string movement;
    if (seg.speed_kmh > 0.0) movement = number_text(seg.speed_kmh) + " km/h";
    if (seg.grade != 0.0) movement += ", grade " + percent_text(seg.grade, "%");
    line(out, "      " + pad(time_of_day(s, seg.start_h), 9) +
                  pad(duration_text(seg.duration_h), 11) + pad(seg.what, 34) + pad(effort, 15) +
                  pad(zone, 14) + movement);
  }
}

std::string session_line(const Scenario& s, const TimelineSession& session) {
  double duration = 0.0, distance = 0.0, peak = 0.0;
  for (const TimelineSegment& seg : session.segments) {
    duration += seg.duration_h;
    distance += seg.distance_km;
    if (seg.modality != Modality::resistance) peak = std::max(peak, seg.intensity);
  }
  std::string line =
      pad(session.name, 22) + pad(when(s, session.start_h), 28) + pad(duration_text(duration), 14);
  if (distance > 0.0) line += pad(number_text(distance, 2) + " km", 10);
  if (peak > 0.0) line += "peak " + percent_text(peak, "%VO2max");
  return line;
}

void sessions(std::ostream& out, const Scenario& s, const DescribeOptions& options) {
  const std::vector<TimelineSession>& all = s.timeline.sessions;
  std::map<std::string, int> per_name;
  for (const TimelineSession& t : all) ++per_name[t.name.substr(0, t.name.rfind(" #"))];
  out << "\n" << pad("sessions", 10) << all.size();
  std::string sep = " (";
  for (const auto& [name, n] : per_name) out << sep << n << " x " << name, sep = ", ";
  out << (all.empty() ? "\n" : ")\n");
  const double full_until = options.every_session_in_full ? s.duration_h : 7 * 24.0;
  bool listed_header = false;
  if (!all.empty() && all.front().start_h < full_until)
    line(out, "      " + pad(is_acute(s) ? "h:mm" : "clock", 9) + pad("lasts", 11) +
                  pad("segment", 34) + pad("effort", 15) + pad("zone", 14) + "speed");
  for (const TimelineSession& t : all) {
    if (t.start_h < full_until) {
      line(out, "  " + session_line(s, t));
      segment_rows(out, s, t);
      continue;
    }
    if (!listed_header) out << "  after the first week, one line per session:\n";
    listed_header = true;
    line(out, "  " + session_line(s, t));
  }
}

void diet(std::ostream& out, const Scenario& s) {
  const Diet& d = s.diet;
  out << "\n";
  if (!d.given) {
    out << pad("diet", 10) << "none: nothing is eaten apart from the intakes listed below\n";
    return;
  }
  out << pad("diet", 10) << "protein " << number_text(d.protein_g_per_day) << " g/day ("
      << number_text(d.protein_g_per_kg_day, 2) << " g/kg/day), carbohydrate "
      << number_text(d.carbohydrate_g_per_day) << " g/day, fat " << number_text(d.fat_g_per_day)
      << " g/day\n"
      << pad("", 10) << "energy " << number_text(d.energy_kcal_per_day, 0) << " kcal/day"
      << (d.energy_assumed ? " (assumed: 35 kcal/kg/day x body mass)" : "") << "; protein "
      << percent_text(d.protein_g_per_day * kKcalPerGramProtein / d.energy_kcal_per_day, "%")
      << ", carbohydrate "
      << percent_text(d.carbohydrate_g_per_day * kKcalPerGramCarbohydrate / d.energy_kcal_per_day,
                      "%")
      << ", fat " << percent_text(d.fat_g_per_day * kKcalPerGramFat / d.energy_kcal_per_day, "%")
      << " of it\n";
  if (!d.meals.empty()) out << "  every day:\n";
  for (const Meal& m : d.meals)
    out << "      " << pad(clock_text(m.clock_h), 7) << pad(m.name, 18)
        << intake_text(m.protein, m.carbohydrate_g, m.fat_g, m.fluid_l) << "\n";
  if (!d.around_sessions.empty()) out << "  around sessions:\n";
  for (const SessionDose& dose : d.around_sessions) {
    std::string which = "each session";
    if (!dose.sessions.empty()) {
      which = "each";
      for (const std::string& n : dose.sessions) which += " '" + n + "'";
      which += " session";
    }
    out << "      " << duration_text(dose.offset_h) << (dose.after_end ? " after " : " before ")
        << which << ": " << dose.name << ", "
        << intake_text(dose.protein, dose.carbohydrate_g, dose.fat_g, dose.fluid_l) << "\n";
  }
  for (const FastingWindow& w : d.fasting)
    out << "  fasting " << clock_text(w.from_clock_h) << " to " << clock_text(w.to_clock_h)
        << " every day\n";
}

void acute_intakes(std::ostream& out, const Scenario& s) {
  if (is_acute(s) && !s.timeline.intakes.empty()) {
    out << "\n" << pad("intakes", 10) << s.timeline.intakes.size() << "\n";
    for (const TimelineIntake& in : s.timeline.intakes)
      out << "      " << pad(time_of_day(s, in.time_h), 7) << pad(in.what, 26)
          << intake_text(in.protein_parts, in.carbohydrate_g, in.fat_g, in.fluid_l) << "\n";
  }
  for (const TimelineInfusion& inf : s.timeline.infusions)
    out << "\n"
        << pad("infusion", 10) << inf.what << " " << when(s, inf.start_h) << " for "
        << duration_text(inf.duration_h) << ": leucine " << number_text(inf.leucine_g_per_h, 3)
        << " g/h (" << number_text(inf.leucine_g_per_h * inf.duration_h, 2) << " g in all)\n";
}

void parameters(std::ostream& out, const Scenario& s) {
  if (s.parameters.empty()) return;
  out << "\n" << pad("parameters", 10) << "(checked by the model when it runs)\n";
  for (const ParameterOverride& p : s.parameters)
    out << "      " << pad(p.name, 30) << pad(p.text, 12) << p.mark.str() << "\n";
}

void totals(std::ostream& out, const Scenario& s) {
  const std::vector<WeekTotals> weeks = weekly_totals(s);
  out << "\n"
      << (s.duration_h < 7 * 24.0 ? "totals" : "weekly totals")
      << " (minutes of walking, running and cycling by zone; resistance = time under load)\n";
  // Every column is right-aligned to the width of its heading.
  // Shorter than a week: protein as totals, since a per-day rate of a 6 h study misleads.
  const bool per_day = s.duration_h >= 7 * 24.0;
  const std::vector<std::string> headings{"week",
                                          "days",
                                          "sessions",
                                          "easy",
                                          "moderate",
                                          "threshold",
                                          "severe",
                                          "supra",
                                          "resistance",
                                          "total min",
                                          "km",
                                          per_day ? "protein g/day" : "protein g",
                                          per_day ? "g/kg/day" : "g/kg"};
  out << " ";
  for (const std::string& h : headings) out << "  " << h;
  out << "\n";
  for (const WeekTotals& w : weeks) {
    std::vector<std::string> cells{std::to_string(w.week), number_text(w.days, 2),
                                   std::to_string(w.sessions)};
    for (double m : w.zone_minutes) cells.push_back(number_text(m, 0));
    cells.push_back(number_text(w.resistance_minutes, 0));
    cells.push_back(number_text(w.training_minutes(), 0));
    cells.push_back(number_text(w.distance_km, 1));
    const double protein = per_day ? w.protein_g_per_day : w.protein_g;
    cells.push_back(number_text(protein, 1));
    cells.push_back(number_text(protein / s.subject.body_mass_kg, 2));
    out << " ";
    for (std::size_t i = 0; i < cells.size(); ++i)
      out << "  " << std::right << std::setw(static_cast<int>(headings[i].size())) << cells[i];
    out << "\n";
  }
}

struct FluidDay {
  double sweat_l = 0.0;
  double drunk_l = 0.0;           // all drinks of the day
  double during_sessions_l = 0.0;  // of it, drunk during sessions (`during:` and `drinks:`)
};

// Days with a session or a drink, by day of the run (0-based), attributed to when they start.
std::map<int, FluidDay> fluid_days(const Scenario& s, const DescribeOptions& options) {
  std::map<int, FluidDay> days;
  const auto day_of = [](double t_h) { return static_cast<int>(std::floor(t_h / 24.0)); };
  for (const TimelineSession& t : s.timeline.sessions) {
    FluidDay& d = days[day_of(t.start_h)];
    double lasts = 0.0;
    for (const TimelineSegment& seg : t.segments) {
      d.sweat_l += options.sweat_l_per_h(seg) * seg.duration_h;
      lasts += seg.duration_h;
    }
    d.during_sessions_l += t.drink_l_per_h * lasts + t.drinks_l;
    d.drunk_l += t.drink_l_per_h * lasts;  // the `drinks:` are among the intakes
  }
  for (const TimelineIntake& in : s.timeline.intakes)
    if (in.fluid_l > 0.0) days[day_of(in.time_h)].drunk_l += in.fluid_l;
  return days;
}

void fluid_balance(std::ostream& out, const Scenario& s, const DescribeOptions& options) {
  if (!options.sweat_l_per_h) return;
  const std::map<int, FluidDay> days = fluid_days(s, options);
  if (days.empty()) return;
  out << "\nfluid balance (sweat estimated by the model" << options.sweat_note << "; "
      << (s.diet.fluids_given ? "the diet's fluids set what is drunk at rest"
                              : "at rest, drinking to thirst makes up a deficit")
      << ")\n";
  const std::vector<std::string> headings{"day", "sweat L", "drunk L", "during sessions L",
                                          "drunk - sweat L", "% body mass"};
  out << " ";
  for (const std::string& h : headings) out << "  " << h;
  out << "\n";
  constexpr std::size_t kListed = 7;
  std::size_t listed = 0;
  for (const auto& [day, d] : days) {
    if (listed++ == kListed) {
      out << "  ... " << days.size() - kListed << " more days with sessions or drinks\n";
      break;
    }
    const double balance = d.drunk_l - d.sweat_l;
    const std::vector<std::string> cells{
        std::to_string(day + 1),         number_text(d.sweat_l, 2),
        number_text(d.drunk_l, 2),       number_text(d.during_sessions_l, 2),
        number_text(balance, 2),         number_text(100.0 * balance / s.subject.body_mass_kg, 1)};
    out << " ";
    for (std::size_t i = 0; i < cells.size(); ++i)
      out << "  " << std::right << std::setw(static_cast<int>(headings[i].size())) << cells[i];
    out << "\n";
  }
}

}  // namespace

void describe_scenario(std::ostream& out, const Scenario& s, const DescribeOptions& options) {
  header(out, s);
  sessions(out, s, options);
  diet(out, s);
  acute_intakes(out, s);
  parameters(out, s);
  totals(out, s);
  fluid_balance(out, s, options);
}

void describe_study(std::ostream& out, const Study& study) {
  out << pad("study", 10) << study.name << "  (" << study.file << ")\n";
  if (!study.description.empty()) {
    std::istringstream lines(study.description);
    std::string line;
    while (std::getline(lines, line)) out << pad("", 10) << line << "\n";
  }
  for (const std::string& src : study.sources) out << pad("source", 10) << src << "\n";
  // Studies of days or weeks compare means per week; acute studies (all arms shorter than a
  // week) compare totals, since a 5 h study has no meaningful "per day".
  bool short_arms = true;
  for (const Scenario& s : study.arms) short_arms = short_arms && s.duration_h < 7 * 24.0;
  out << pad("arms", 10) << study.arms.size()
      << (short_arms ? "   (totals over each arm)\n"
                     : "   (means over each arm: training minutes and km per week, protein per "
                       "day)\n");
  out << "  " << pad("arm", 22) << pad("duration", 12) << pad("sessions", 10)
      << pad(short_arms ? "minutes" : "min/week", 10) << pad(short_arms ? "km" : "km/week", 10)
      << pad(short_arms ? "protein g/kg" : "protein g/kg/day", 18) << "file\n";
  for (const Scenario& s : study.arms) {
    double minutes = 0.0, km = 0.0, protein = 0.0;
    for (const WeekTotals& w : weekly_totals(s)) {
      minutes += w.training_minutes();
      km += w.distance_km;
      protein += w.protein_g;
    }
    const double weeks = short_arms ? 1.0 : std::max(1.0, s.duration_h / (7 * 24.0));
    const double days = short_arms ? 1.0 : s.duration_h / 24.0;
    out << "  " << pad(s.name, 22) << pad(duration_text(s.duration_h), 12)
        << pad(std::to_string(s.timeline.sessions.size()), 10)
        << pad(number_text(minutes / weeks, 0), 10) << pad(number_text(km / weeks, 1), 10)
        << pad(number_text(protein / days / s.subject.body_mass_kg, 2), 18) << s.file << "\n";
  }
  out << "\nShow one arm in full with: myoflux check " << study.file << " --arm NAME\n";
}

}  // namespace myoflux::scenario
