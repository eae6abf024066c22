// Reads session definitions and resolves every segment for the subject: intensities given as
// %HRmax or %LT become %VO2max, speeds and paces become intensities and back (ACSM), distances
// become durations, and grades become eccentric factors (conversions.hpp).
#include "engine/scenario/sessions.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/scenario/conversions.hpp"

namespace myoflux::scenario {

double SessionTemplate::duration_h() const {
  double total = 0.0;
  for (const TimelineSegment& s : segments) total += s.duration_h;
  return total;
}

double SessionTemplate::distance_km() const {
  double total = 0.0;
  for (const TimelineSegment& s : segments) total += s.distance_km;
  return total;
}

namespace {

enum class Activity { run, jog, walk, cycle, rest, walk_back };

Activity activity_named(std::string_view name) {
  if (name == "run") return Activity::run;
  if (name == "jog") return Activity::jog;
  if (name == "walk") return Activity::walk;
  if (name == "cycle") return Activity::cycle;
  if (name == "rest") return Activity::rest;
  return Activity::walk_back;
}

Modality modality_of(Activity a) {
  switch (a) {
    case Activity::run:
    case Activity::jog:
      return Modality::running;
    case Activity::walk:
    case Activity::walk_back:
      return Modality::walking;
    case Activity::cycle:
      return Modality::cycling;
    case Activity::rest:
      return Modality::rest;
  }
  return Modality::rest;
}

std::string_view activity_noun(Activity a) {
  switch (a) {
    case Activity::run:
      return "run";
    case Activity::jog:
      return "easy jog";
    case Activity::walk:
      return "walk";
    case Activity::cycle:
      return "ride";
    case Activity::rest:
      return "passive rest";
    case Activity::walk_back:
      return "walk back down";
  }
  return "";
}

bool on_foot(Modality m) {
  return m == Modality::running || m == Modality::walking;
}

constexpr Dimension kIntensityUnits[] = {Dimension::fraction_vo2max, Dimension::fraction_hrmax,
                                         Dimension::fraction_lt};

// An intensity as a fraction of VO2max, whatever unit it was written in.
double read_intensity(const YamlNode& node, const Subject& subject) {
  const Quantity q = read_quantity(node, "activity", "intensity", kIntensityUnits);
  double f = q.value;
  if (q.dimension == Dimension::fraction_hrmax) f = vo2max_fraction_from_hrmax_fraction(q.value);
  if (q.dimension == Dimension::fraction_lt) f = q.value * subject.lactate_threshold_fraction;
  if (q.dimension != Dimension::fraction_vo2max)
    check_range(node, field_rule("activity", "intensity", Dimension::fraction_vo2max), f,
                "\"" + node.scalar + "\" (= " + percent_text(f, "%VO2max") + " for this subject)");
  return f;
}

double speed_for_intensity(Modality m, double intensity, double grade, const Subject& s,
                           const YamlNode& at) {
  const double vo2 = intensity * s.vo2max_ml_per_kg_min;
  const double speed = m == Modality::running ? running_speed_for_vo2(vo2, grade)
                                              : walking_speed_for_vo2(vo2, grade);
  const std::string equation = m == Modality::running ? "running" : "walking";
  if (std::isnan(speed))
    fail(at, percent_text(intensity, "%VO2max") + " is not above resting oxygen uptake for this " +
                 "subject (3.5 of " + number_text(s.vo2max_ml_per_kg_min) +
                 " mL/kg/min = " + percent_text(kRestingVo2 / s.vo2max_ml_per_kg_min, "%VO2max") +
                 "); give a higher intensity or use activity: rest");
  const FieldRule& rule = field_rule("activity", "speed", Dimension::speed);
  if (speed < rule.min || speed > rule.max)
    fail(at, percent_text(intensity, "%VO2max") + " means " + equation + " at " +
                 number_text(speed) + " km/h for this subject (ACSM " + equation +
                 " equation), outside " + std::string(rule.range));
  return speed;
}

double intensity_for_speed(Modality m, double speed, double grade, const Subject& s,
                           const YamlNode& at) {
  const double vo2 = m == Modality::running ? running_vo2(speed, grade) : walking_vo2(speed, grade);
  const double f = vo2 / s.vo2max_ml_per_kg_min;
  check_range(at, field_rule("activity", "intensity", Dimension::fraction_vo2max), f,
              "\"" + at.scalar + "\", which costs " + number_text(vo2) + " mL/kg/min (ACSM), " +
                  percent_text(f, "%VO2max") + " for this subject");
  return f;
}

// Intensity and speed of a segment, from whichever of intensity, speed or pace was given, or
// from the activity's default.
void resolve_intensity(const Fields& f, Activity activity, const Subject& s, TimelineSegment& seg) {
  const MapEntry* how =
      f.one_of({"intensity", "speed", "pace"}, activity == Activity::run, "intensity: 90 %VO2max");
  if (how != nullptr && activity == Activity::rest)
    fail(how->value, "a passive rest has no '" + how->key +
                         "'; remove it, or use activity: walk or jog for an active recovery");
  if (how != nullptr && activity == Activity::cycle && how->key != "intensity")
    fail(how->value, "a ride's effort is given as 'intensity' (e.g. \"60 %VO2max\"), not as '" +
                         how->key + "'");
  const Modality m = seg.modality;
  if (activity == Activity::rest) return;
  if (how == nullptr) {
    if (activity == Activity::cycle || activity == Activity::jog) {
      seg.intensity = activity == Activity::cycle ? kDefaultCyclingIntensity : kDefaultJogIntensity;
      if (on_foot(m)) seg.speed_kmh = speed_for_intensity(m, seg.intensity, seg.grade, s, f.node());
    } else {
      seg.speed_kmh = kDefaultWalkingSpeedKmh;
      seg.intensity = intensity_for_speed(m, seg.speed_kmh, seg.grade, s, f.node());
    }
    return;
  }
  if (how->key == "intensity") {
    seg.intensity = read_intensity(how->value, s);
    if (on_foot(m)) seg.speed_kmh = speed_for_intensity(m, seg.intensity, seg.grade, s, how->value);
    return;
  }
  seg.speed_kmh = how->key == "speed"
                      ? read_quantity(how->value, "activity", "speed", Dimension::speed)
                      : 1.0 / read_quantity(how->value, "activity", "pace", Dimension::pace);
  seg.intensity = intensity_for_speed(m, seg.speed_kmh, seg.grade, s, how->value);
}

void resolve_length(const Fields& f, Activity activity, const TimelineSegment* work_before,
                    TimelineSegment& seg) {
  const MapEntry* length =
      f.one_of({"duration", "distance"}, activity != Activity::walk_back, "duration: 4 min");
  if (activity == Activity::walk_back) {
    if (length != nullptr)
      fail(length->value,
           "a walk back covers the work bout's distance; remove '" + length->key + "'");
    seg.distance_km = work_before->distance_km;
    seg.duration_h = seg.distance_km / seg.speed_kmh;
  } else if (length->key == "duration") {
    seg.duration_h = read_quantity(length->value, "activity", "duration", Dimension::time);
    seg.distance_km = seg.speed_kmh * seg.duration_h;
  } else {
    if (!on_foot(seg.modality))
      fail(length->value, "'distance' applies to running and walking; give a 'duration' for a " +
                              std::string(modality_name(seg.modality)) + " segment");
    seg.distance_km = read_quantity(length->value, "activity", "distance", Dimension::length);
    seg.duration_h = seg.distance_km / seg.speed_kmh;
  }
  const FieldRule& rule = field_rule("activity", "duration", Dimension::time);
  if (seg.duration_h > rule.max)
    fail(length ? length->value : f.node(),
         number_text(seg.distance_km) + " km at " + number_text(seg.speed_kmh) + " km/h takes " +
             duration_text(seg.duration_h) + "; a segment lasts at most " +
             duration_text(rule.max));
}

void resolve_grade_and_eccentric(const Fields& f, Activity activity,
                                 const TimelineSegment* work_before, TimelineSegment& seg) {
  const bool foot = on_foot(seg.modality);
  if (const YamlNode* g = f.optional("grade")) {
    if (!foot || activity == Activity::walk_back)
      fail(*g, activity == Activity::walk_back
                   ? "a walk back takes the work bout's grade, reversed; remove 'grade'"
                   : "'grade' applies to running and walking, not to a " +
                         std::string(activity_noun(activity)));
    seg.grade = read_quantity(*g, "activity", "grade", Dimension::fraction);
  }
  if (activity == Activity::walk_back) {
    if (work_before == nullptr || !(work_before->distance_km > 0.0))
      fail(f.node(),
           "activity 'walk_back' walks back the distance of the work bout, so the work "
           "bout must be a run or walk");
    seg.grade = -work_before->grade;
  }
  if (const YamlNode* d = f.optional("downhill_factor")) {
    if (!foot)
      fail(*d, "'downhill_factor' applies to running and walking, not to a " +
                   std::string(activity_noun(activity)));
    seg.eccentric_factor = read_number(*d, "activity", "downhill_factor");
  } else {
    seg.eccentric_factor = eccentric_factor(seg.modality, seg.grade);
  }
}

TimelineSegment read_segment(const Fields& f, Activity activity, std::string what, const Subject& s,
                             const TimelineSegment* work_before = nullptr) {
  TimelineSegment seg;
  seg.what = std::move(what);
  seg.modality = modality_of(activity);
  resolve_grade_and_eccentric(f, activity, work_before, seg);
  resolve_intensity(f, activity, s, seg);
  resolve_length(f, activity, work_before, seg);
  return seg;
}

// A warm-up, cool-down or recovery: `activity` is required there.
TimelineSegment read_part(const YamlNode& node, std::string_view label, const std::string& session,
                          std::span<const std::string_view> activities, const Subject& s,
                          const TimelineSegment* work_before = nullptr) {
  const Fields f(node, "activity", "the " + std::string(label) + " of session '" + session + "'");
  const Activity a =
      activity_named(read_choice(f.required("activity", "walk"), "activity", activities));
  return read_segment(f, a, std::string(label) + " (" + std::string(activity_noun(a)) + ")", s,
                      work_before);
}

constexpr std::string_view kPartActivities[] = {"walk", "jog", "rest", "cycle", "run"};
constexpr std::string_view kWorkActivities[] = {"run", "walk", "cycle"};

void add_warm_up(const Fields& f, const std::string& name, const Subject& s,
                 std::vector<TimelineSegment>& out) {
  if (const YamlNode* w = f.optional("warm_up"))
    out.push_back(read_part(*w, "warm-up", name, kPartActivities, s));
}

void add_cool_down(const Fields& f, const std::string& name, const Subject& s,
                   std::vector<TimelineSegment>& out) {
  if (const YamlNode* c = f.optional("cool_down"))
    out.push_back(read_part(*c, "cool-down", name, kPartActivities, s));
}

void read_continuous(const Fields& f, SessionTemplate& t, const Subject& s) {
  const Activity a = t.type == "run"    ? Activity::run
                     : t.type == "walk" ? Activity::walk
                                        : Activity::cycle;
  if (a == Activity::cycle && f.optional("intensity") == nullptr)
    fail(f.node(), f.what() + " needs 'intensity' (e.g. intensity: 60 %VO2max)");
  add_warm_up(f, t.name, s, t.segments);
  t.segments.push_back(read_segment(f, a, std::string(activity_noun(a)), s));
  add_cool_down(f, t.name, s, t.segments);
  t.work_bouts = 1;
}

void read_intervals(const Fields& f, SessionTemplate& t, const Subject& s) {
  const int repeats = read_count(f.required("repeats", "4"), "intervals_session", "repeats");
  const Fields work_fields(f.required("work", "{duration: 4 min, intensity: 90 %HRmax}"),
                           "activity", "the work bout of session '" + t.name + "'");
  const YamlNode* activity = work_fields.optional("activity");
  const Activity work_activity =
      activity ? activity_named(read_choice(*activity, "activity", kWorkActivities))
               : Activity::run;
  const TimelineSegment work = read_segment(work_fields, work_activity, "work bout", s);
  const YamlNode* recovery_node = f.optional("recovery");
  if (recovery_node == nullptr && repeats > 1)
    fail(f.node(), f.what() + " needs a 'recovery' between its work bouts (e.g. recovery: " +
                       "{activity: walk, duration: 3 min})");
  constexpr std::string_view kRecoveryActivities[] = {"walk",      "jog", "rest",
                                                      "walk_back", "run", "cycle"};
  TimelineSegment recovery;
  if (recovery_node != nullptr)
    recovery = read_part(*recovery_node, "recovery", t.name, kRecoveryActivities, s, &work);

  add_warm_up(f, t.name, s, t.segments);
  for (int i = 1; i <= repeats; ++i) {
    TimelineSegment bout = work;
    bout.what = "work bout " + std::to_string(i) + "/" + std::to_string(repeats);
    t.segments.push_back(bout);
    if (i == repeats || recovery_node == nullptr) continue;
    TimelineSegment rest = recovery;
    rest.what = "recovery " + std::to_string(i) + "/" + std::to_string(repeats - 1) +
                recovery.what.substr(std::string("recovery").size());
    t.segments.push_back(rest);
  }
  add_cool_down(f, t.name, s, t.segments);
  t.work_bouts = repeats;
}

TimelineSegment rest_segment(double duration_h) {
  TimelineSegment rest;
  rest.what = "rest";
  rest.duration_h = duration_h;
  return rest;
}

void read_resistance(const Fields& f, SessionTemplate& t) {
  const YamlNode& list = f.required("exercises",
                                    "[{name: leg_press, sets: 4, reps: 10, load: "
                                    "75 %1RM, rest: 2 min}]");
  const std::vector<const YamlNode*> exercises = read_list(list, "exercises");
  if (exercises.empty()) fail(list, f.what() + " lists no exercises");
  const YamlNode* between = f.optional("rest_between_exercises");
  const double rest_between = between ? read_quantity(*between, "resistance_session",
                                                      "rest_between_exercises", Dimension::time)
                                      : -1.0;
  double previous_rest = 0.0;
  for (std::size_t e = 0; e < exercises.size(); ++e) {
    const Fields ex(*exercises[e], "exercise",
                    "exercise " + std::to_string(e + 1) + " of session '" + t.name + "'");
    const std::string name = read_name(ex.required("name", "leg_press"), "name");
    const int sets = read_count(ex.required("sets", "4"), "exercise", "sets");
    const int reps = read_count(ex.required("reps", "10"), "exercise", "reps");
    const double load =
        read_quantity(ex.required("load", "75 %1RM"), "exercise", "load", Dimension::fraction_1rm);
    const YamlNode* rest_node = sets > 1 ? &ex.required("rest", "2 min") : ex.optional("rest");
    const double rest =
        rest_node ? read_quantity(*rest_node, "exercise", "rest", Dimension::time) : 0.0;
    if (e > 0) {
      const double gap = rest_between >= 0.0 ? rest_between : previous_rest;
      if (gap > 0.0) t.segments.push_back(rest_segment(gap));
    }
    for (int k = 1; k <= sets; ++k) {
      TimelineSegment set;
      set.what = name + " set " + std::to_string(k) + "/" + std::to_string(sets) + " (" +
                 std::to_string(reps) + " reps)";
      set.duration_h = reps * kSecondsPerRepetition / 3600.0;
      set.modality = Modality::resistance;
      set.intensity = kResistanceSetIntensity;
      set.eccentric_factor = eccentric_factor(Modality::resistance, 0.0);
      set.load_fraction_1rm = load;
      t.segments.push_back(set);
      if (k < sets && rest > 0.0) t.segments.push_back(rest_segment(rest));
    }
    previous_rest = rest;
    t.work_bouts += sets;
  }
}

// `during: 500 mL/h` and `drinks: [{at: 30 min, drink: 250 mL}, ...]`, read once the segments
// (and so the session's duration) are known.
void read_session_fluids(const Fields& f, SessionTemplate& t) {
  if (const YamlNode* during = f.optional("during"))
    t.drink_l_per_h = read_quantity(*during, "session", "during", Dimension::volume_per_time);
  const YamlNode* list = f.optional("drinks");
  if (list == nullptr) return;
  const std::vector<const YamlNode*> items = read_list(*list, "drinks");
  if (items.empty()) fail(*list, "'drinks' lists no drinks (e.g. [{at: 30 min, drink: 250 mL}])");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Fields d(*items[i], "session_drink",
                   "drink " + std::to_string(i + 1) + " of " + f.what());
    const YamlNode& at = d.required("at", "30 min");
    SessionDrink drink;
    drink.offset_h = read_quantity(at, "session_drink", "at", Dimension::time);
    drink.volume_l =
        read_quantity(d.required("drink", "250 mL"), "session_drink", "drink", Dimension::volume);
    if (drink.offset_h > t.duration_h() + 1e-9)
      fail(at, d.what() + " at " + duration_text(drink.offset_h) + " falls after the session's " +
                   "end (it lasts " + duration_text(t.duration_h()) +
                   "); drinks are timed from the session's start (e.g. at: 30 min)");
    t.drinks.push_back(drink);
  }
  std::stable_sort(t.drinks.begin(), t.drinks.end(),
                   [](const SessionDrink& a, const SessionDrink& b) {
                     return a.offset_h < b.offset_h;
                   });
}

SessionTemplate read_session(const MapEntry& entry, const Subject& s) {
  SessionTemplate t;
  t.name = entry.key;
  t.mark = entry.key_mark;
  if (!entry.value.is_map())
    fail(entry.value, "session '" + t.name + "' must be a mapping such as {type: run, duration: " +
                          "30 min, intensity: 70 %VO2max}, got " +
                          std::string(kind_noun(entry.value)));
  const YamlNode* type = entry.value.find("type");
  if (type == nullptr || type->is_null())
    fail(entry.value, "session '" + t.name + "' needs a 'type': one of " + joined(kSessionTypes) +
                          " (e.g. type: intervals)");
  t.type = read_choice(*type, "type", kSessionTypes);
  const std::string what = "session '" + t.name + "'";
  if (t.type == "intervals") {
    const Fields f(entry.value, "intervals_session", what);
    read_intervals(f, t, s);
    read_session_fluids(f, t);
  } else if (t.type == "resistance") {
    const Fields f(entry.value, "resistance_session", what);
    add_warm_up(f, t.name, s, t.segments);
    read_resistance(f, t);
    add_cool_down(f, t.name, s, t.segments);
    read_session_fluids(f, t);
  } else {
    const Fields f(entry.value, "continuous_session", what);
    read_continuous(f, t, s);
    read_session_fluids(f, t);
  }
  double start = 0.0;
  for (TimelineSegment& seg : t.segments) {
    seg.start_h = start;
    start += seg.duration_h;
  }
  if (t.duration_h() > 24.0)
    throw ScenarioError(t.mark, what + " lasts " + duration_text(t.duration_h()) +
                                    "; a session must fit in a day (24 h)");
  return t;
}

}  // namespace

std::vector<SessionTemplate> read_sessions(const YamlNode* sessions, const Subject& subject) {
  std::vector<SessionTemplate> out;
  if (sessions == nullptr) return out;
  if (!sessions->is_map())
    fail(*sessions,
         "'sessions' must be a mapping from session names to definitions (e.g. "
         "sessions: {easy_run: {type: run, duration: 30 min, intensity: 65 %VO2max}}), "
         "got " +
             std::string(kind_noun(*sessions)));
  for (const MapEntry& entry : sessions->entries) {
    YamlNode key;
    key.kind = YamlNode::Kind::scalar;
    key.scalar = entry.key;
    key.mark = entry.key_mark;
    read_name(key, "session name");
    out.push_back(read_session(entry, subject));
  }
  return out;
}

const SessionTemplate& find_session(const std::vector<SessionTemplate>& templates,
                                    const YamlNode& at) {
  const std::string& name = read_text(at, "session");
  std::vector<std::string_view> names;
  for (const SessionTemplate& t : templates) {
    if (t.name == name) return t;
    names.push_back(t.name);
  }
  if (names.empty()) fail(at, "no session named '" + name + "': define it under 'sessions:' first");
  fail(at, "no session named '" + name + "'" + did_you_mean(name, names) +
               "; defined sessions: " + joined(names));
}

}  // namespace myoflux::scenario
