// Compiles a scenario document: every session segment becomes channel intervals, every meal,
// drink and session dose becomes doses on the protein, carbohydrate and fat targets, and every
// infusion a leucine_infusion interval. Labels name the session, day and segment so that an
// error from the ScheduleBuilder can be traced to the file.
#include "engine/scenario/compile.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "engine/scenario/diet.hpp"
#include "engine/scenario/fields.hpp"
#include "engine/scenario/plan.hpp"
#include "engine/scenario/sessions.hpp"
#include "engine/scenario/subject.hpp"

namespace myoflux::scenario {
namespace {

constexpr double kEpsilonH = 1e-9;

std::vector<std::string> read_sources(const YamlNode* node) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  for (const YamlNode* item : read_list(*node, "source")) out.push_back(read_text(*item, "source"));
  return out;
}

std::vector<ParameterOverride> read_parameters(const YamlNode* node) {
  std::vector<ParameterOverride> out;
  if (node == nullptr) return out;
  if (!node->is_map())
    fail(*node,
         "'parameters' must be a mapping from model parameter names to numbers (e.g. "
         "parameters: {leucine_fraction_whey: 0.08}), got " +
             std::string(kind_noun(*node)));
  for (const MapEntry& e : node->entries) {
    const bool identifier = !e.key.empty() && !std::isdigit(static_cast<unsigned char>(e.key[0])) &&
                            std::all_of(e.key.begin(), e.key.end(), [](char c) {
                              return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                            });
    if (!identifier)
      throw ScenarioError(e.key_mark, "'" + e.key +
                                          "' is not a parameter name (letters, digits "
                                          "and '_', e.g. leucine_fraction_whey)");
    double value = 0.0;
    const std::string& text = e.value.scalar;
    const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (!e.value.is_scalar() || ec != std::errc() || ptr != text.data() + text.size() ||
        !std::isfinite(value))
      fail(e.value, "parameter '" + e.key +
                        "' must be a plain number in the parameter's "
                        "documented unit (e.g. 0.08; see `myoflux parameters`), got " +
                        written(e.value));
    out.push_back({e.key, value, text, e.value.mark});
  }
  return out;
}

int read_first_weekday(const YamlNode* node) {
  if (node == nullptr) return 0;
  const std::string day = read_choice(*node, "start_weekday", kWeekdays);
  return static_cast<int>(std::find(std::begin(kWeekdays), std::end(kWeekdays), day) -
                          std::begin(kWeekdays));
}

void set_segment_channels(ScheduleBuilder& b, const TimelineSegment& seg,
                          const std::string& label) {
  const double t0 = seg.start_h, t1 = seg.start_h + seg.duration_h;
  const auto put = [&](int channel, double value) {
    if (value != 0.0) b.set(channel, t0, t1, value, label);
  };
  put(channel::exercise_intensity, seg.intensity);
  put(channel::resistance_load, seg.load_fraction_1rm);
  put(channel::modality, static_cast<double>(static_cast<int>(seg.modality)));
  put(channel::eccentric_factor, seg.eccentric_factor);
  put(channel::running_speed, seg.speed_kmh);
}

void add_doses(ScheduleBuilder& b, const TimelineIntake& in, const std::string& label) {
  for (const ProteinPart& p : in.protein_parts) {
    const double absorbed = p.grams * p.digestibility;
    if (!(absorbed > 0.0)) continue;
    const int type = static_cast<int>(p.type);
    b.dose(dose::protein_first + type, in.time_h, absorbed, label);
    if (p.leucine_per_g_protein >= 0.0 && type < kFoodClassCount) {
      b.dose(dose::food_protein_first + type, in.time_h, absorbed, label);
      b.dose(dose::food_leucine_first + type, in.time_h, absorbed * p.leucine_per_g_protein,
             label);
    }
  }
  if (in.carbohydrate_g > 0.0) b.dose(dose::carbohydrate, in.time_h, in.carbohydrate_g, label);
  if (in.fat_g > 0.0) b.dose(dose::fat, in.time_h, in.fat_g, label);
  if (in.fluid_l > 0.0) b.dose(dose::fluid, in.time_h, in.fluid_l, label);
}

TimelineIntake intake_of(std::string what, double t, const std::vector<ProteinPart>& protein,
                         double carbohydrate_g, double fat_g) {
  TimelineIntake in;
  in.time_h = t;
  in.what = std::move(what);
  in.protein_parts = protein;
  in.protein_g = protein_total(protein);
  in.protein_type = protein_type_text(protein);
  in.carbohydrate_g = carbohydrate_g;
  in.fat_g = fat_g;
  return in;
}

double clock_of(double t_h) {
  return t_h - 24.0 * std::floor(t_h / 24.0);
}

// Plain water breaks no fast.
void check_not_fasting(const DietSpec& diet, const TimelineIntake& in, const SourceMark& at) {
  if (in.protein_g <= 0.0 && in.carbohydrate_g <= 0.0 && in.fat_g <= 0.0) return;
  for (std::size_t w = 0; w < diet.diet.fasting.size(); ++w)
    if (in_window(diet.diet.fasting[w], clock_of(in.time_h)))
      throw ScenarioError(at, "'" + in.what + "' at " + clock_text(clock_of(in.time_h)) +
                                  " falls in the fasting window " +
                                  clock_text(diet.diet.fasting[w].from_clock_h) + " to " +
                                  clock_text(diet.diet.fasting[w].to_clock_h) + " (" +
                                  diet.fasting_marks[w].str() + "); move one of them");
}

struct Compiler {
  Scenario& s;
  const DietSpec& diet;
  const YamlNode& doc;  // where budget errors point
  ScheduleBuilder builder;

  void session(const PlacedSession& p, int number) {
    TimelineSession ts;
    ts.name = p.session->name + " #" + std::to_string(number);
    ts.start_h = p.start_h;
    for (TimelineSegment seg : p.session->segments) {
      seg.start_h += p.start_h;
      set_segment_channels(builder, seg,
                           "session '" + p.session->name + "' " + p.when + ", " + seg.what);
      ts.segments.push_back(std::move(seg));
    }
    ts.drink_l_per_h = p.session->drink_l_per_h;
    s.timeline.sessions.push_back(std::move(ts));
    session_fluids(p);
    for (std::size_t i = 0; i < diet.diet.around_sessions.size(); ++i)
      session_dose(p, diet.diet.around_sessions[i], diet.dose_marks[i]);
  }

  // `during:` holds the fluid_intake channel over the session; `drinks:` are doses.
  void session_fluids(const PlacedSession& p) {
    const std::string label = "session '" + p.session->name + "' " + p.when;
    if (p.session->drink_l_per_h > 0.0)
      builder.set(channel::fluid_intake, p.start_h, p.end_h(), p.session->drink_l_per_h,
                  label + ", drinking during it");
    for (const SessionDrink& d : p.session->drinks) {
      TimelineIntake in;
      in.time_h = p.start_h + d.offset_h;
      in.what = "drink during " + p.session->name;
      in.fluid_l = d.volume_l;
      if (in.time_h > s.duration_h - kEpsilonH) continue;  // the run ends before it
      s.timeline.sessions.back().drinks_l += d.volume_l;
      intake(in, label + ", drink at " + duration_text(d.offset_h));
    }
  }

  void session_dose(const PlacedSession& p, const SessionDose& d, const SourceMark& mark) {
    if (!d.sessions.empty() &&
        std::find(d.sessions.begin(), d.sessions.end(), p.session->name) == d.sessions.end())
      return;
    const double t = d.after_end ? p.end_h() + d.offset_h : p.start_h - d.offset_h;
    const std::string relation = duration_text(d.offset_h) + (d.after_end ? " after" : " before");
    if (t < -kEpsilonH || t > s.duration_h - kEpsilonH)
      throw ScenarioError(mark, "'" + d.name + "' " + relation + " session '" + p.session->name +
                                    "' " + p.when + " falls outside the scenario (0 to " +
                                    duration_text(s.duration_h) + ")");
    TimelineIntake in = intake_of(d.name, std::max(0.0, t), d.protein, d.carbohydrate_g, d.fat_g);
    in.fluid_l = d.fluid_l;
    check_not_fasting(diet, in, mark);
    intake(in, "'" + d.name + "' " + relation + " session '" + p.session->name + "' " + p.when);
  }

  void meals() {
    const int days = static_cast<int>(std::ceil(s.duration_h / 24.0 - kEpsilonH));
    for (int d = 0; d < days; ++d)
      for (const Meal& m : diet.diet.meals) {
        const double t = 24.0 * d + m.clock_h;
        if (t > s.duration_h - kEpsilonH) continue;
        TimelineIntake in = intake_of(m.name, t, m.protein, m.carbohydrate_g, m.fat_g);
        in.fluid_l = m.fluid_l;
        intake(in, m.name + " " + day_and_clock(t, s.first_weekday));
      }
  }

  void intake(const TimelineIntake& in, const std::string& label) {
    // Session doses multiply (sessions x doses): stop before they cost memory.
    if (s.timeline.intakes.size() >= kMaxIntakes)
      fail(doc, "the scenario expands to more than " + std::to_string(kMaxIntakes) +
                    " meals, drinks and session doses; at most that many are supported");
    add_doses(builder, in, label);
    s.timeline.intakes.push_back(in);
  }

  void infusion(const TimelineInfusion& inf) {
    builder.set(channel::leucine_infusion, inf.start_h, inf.start_h + inf.duration_h,
                inf.leucine_g_per_h, inf.what);
    s.timeline.infusions.push_back(inf);
  }
};

void check_segment_budget(const YamlNode& doc, const Placements& placed) {
  std::size_t segments = 0;
  for (const PlacedSession& p : placed.sessions) segments += p.session->segments.size();
  if (segments > kMaxSegments)
    fail(doc, "the plan expands to " + std::to_string(segments) + " session segments; at most " +
                  std::to_string(kMaxSegments) + " are supported (fewer sessions or repeats)");
}

}  // namespace

Scenario compile_scenario(const YamlNode& doc, const std::string& default_name) {
  Scenario s;
  const Fields top(doc, "scenario", "the scenario");
  s.name = top.optional("name") ? read_name(*top.optional("name"), "name") : default_name;
  if (const YamlNode* d = top.optional("description")) s.description = read_text(*d, "description");
  s.sources = read_sources(top.optional("source"));
  s.subject = read_subject(top.optional("subject"));
  s.duration_h =
      read_quantity(top.required("duration", "10 weeks"), "scenario", "duration", Dimension::time);
  if (const YamlNode* out = top.optional("output_interval")) {
    s.output_interval_h = read_quantity(*out, "scenario", "output_interval", Dimension::time);
    if (s.output_interval_h > s.duration_h)
      fail(*out, "'output_interval' (" + duration_text(s.output_interval_h) +
                     ") is longer than the scenario (" + duration_text(s.duration_h) + ")");
  }
  s.first_weekday = read_first_weekday(top.optional("start_weekday"));
  const std::vector<SessionTemplate> templates = read_sessions(top.optional("sessions"), s.subject);
  const Placements placed = read_placements(top, templates, s.duration_h, s.first_weekday);
  check_segment_budget(doc, placed);
  const DietSpec diet = read_diet(top.optional("diet"), s.subject, templates);
  s.diet = diet.diet;
  s.parameters = read_parameters(top.optional("parameters"));

  Compiler c{s, diet, doc, ScheduleBuilder(input_channels(), dose_targets(), s.duration_h)};
  std::map<std::string, int> counts;
  for (const PlacedSession& p : placed.sessions) c.session(p, ++counts[p.session->name]);
  c.meals();
  for (const PlacedIntake& in : placed.intakes) {
    check_not_fasting(diet, in.intake, in.mark);
    c.intake(in.intake, "'" + in.intake.what + "' at " + duration_text(in.intake.time_h));
  }
  for (const PlacedInfusion& inf : placed.infusions) c.infusion(inf.infusion);
  if (s.diet.fluids_given)
    c.builder.set(channel::drinking_to_thirst, 0.0, s.duration_h, 0.0,
                  "the diet's fluids (no drinking to thirst)");
  std::stable_sort(
      s.timeline.intakes.begin(), s.timeline.intakes.end(),
      [](const TimelineIntake& a, const TimelineIntake& b) { return a.time_h < b.time_h; });
  try {
    s.schedule = c.builder.build();
  } catch (const InputError& e) {
    // Sessions are checked for overlap above, so this is a conflict the checks did not foresee.
    fail(doc, std::string("the scenario cannot be compiled: ") + e.what());
  }
  return s;
}

}  // namespace myoflux::scenario
