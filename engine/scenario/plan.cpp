// Places sessions, drinks and infusions in time and checks that they fit: in their day, in the
// scenario, and without two sessions at once.
#include "engine/scenario/plan.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/scenario/diet.hpp"
#include "engine/scenario/limits.hpp"

namespace myoflux::scenario {
namespace {

constexpr double kEpsilonH = 1e-9;
constexpr std::string_view kWeekdayTitles[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct DayRange {
  int first = 1;  // inclusive, 1-based
  int last = 1;
  std::string what;  // "the plan (days 1 to 70)"
};

int total_days(double duration_h) {
  return std::max(1, static_cast<int>(std::ceil(duration_h / 24.0 - kEpsilonH)));
}

std::string elapsed_text(double t_h) {
  return t_h == 0.0 ? "0 h" : duration_text(t_h);
}

std::string day_list(const std::vector<int>& days) {
  std::string out;
  for (std::size_t i = 0; i < days.size() && i < 12; ++i)
    out += (i ? ", " : "") + std::to_string(days[i]);
  if (days.size() > 12) out += ", ...";
  return out;
}

int read_day(const YamlNode& node, std::string_view key, const DayRange& range) {
  const int day = read_count(node, "plan", key);
  if (day < range.first || day > range.last)
    fail(node, "day " + std::to_string(day) + " is outside " + range.what);
  return day;
}

std::vector<int> weekday_days(const YamlNode& list, const DayRange& range, int first_weekday) {
  std::set<int> wanted;
  for (const YamlNode* item : read_list(list, "weekdays")) {
    const std::string day = read_choice(*item, "weekdays", kWeekdays);
    wanted.insert(static_cast<int>(std::find(std::begin(kWeekdays), std::end(kWeekdays), day) -
                                   std::begin(kWeekdays)));
  }
  if (wanted.empty()) fail(list, "'weekdays' lists no days (e.g. [mon, wed, fri])");
  std::vector<int> days;
  for (int d = range.first; d <= range.last; ++d)
    if (wanted.count((first_weekday + d - 1) % 7)) days.push_back(d);
  return days;
}

std::vector<int> every_days(const Fields& e, const YamlNode& every, const DayRange& range) {
  const double h = read_quantity(every, "plan", "every", Dimension::time);
  const double n = std::round(h / 24.0);
  if (std::abs(h - 24.0 * n) > 1e-6)
    fail(every,
         "'every' must be a whole number of days (e.g. \"2 day\"), got \"" + every.scalar + "\"");
  const YamlNode* first = e.optional("first_day");
  const int start = first ? read_day(*first, "first_day", range) : range.first;
  std::vector<int> days;
  for (int d = start; d <= range.last; d += static_cast<int>(n)) days.push_back(d);
  return days;
}

std::vector<int> count_days(const YamlNode& count, const DayRange& range) {
  const int n = read_count(count, "plan", "count");
  const int span = range.last - range.first + 1;
  if (n > span)
    fail(count, "'count' " + std::to_string(n) + " is more than the " + std::to_string(span) +
                    " days of " + range.what + "; a plan entry holds at most one session a day");
  std::vector<int> days;
  // Evenly spread: session i on day first + floor(i * span / n).
  for (int i = 0; i < n; ++i)
    days.push_back(range.first + static_cast<int>(static_cast<long long>(i) * span / n));
  return days;
}

std::vector<int> explicit_days(const YamlNode& list, const DayRange& range) {
  std::vector<int> days;
  for (const YamlNode* item : read_list(list, "days")) {
    const int d = read_day(*item, "days", range);
    if (std::find(days.begin(), days.end(), d) != days.end())
      fail(*item, "day " + std::to_string(d) + " is listed twice");
    days.push_back(d);
  }
  std::sort(days.begin(), days.end());
  return days;
}

void remove_skipped(const YamlNode& list, const std::string& session, std::vector<int>& days,
                    const DayRange& range) {
  const std::vector<int> planned = days;
  for (const YamlNode* item : read_list(list, "skip")) {
    const int d = read_day(*item, "skip", range);
    const auto it = std::find(days.begin(), days.end(), d);
    if (it == days.end())
      fail(*item, "day " + std::to_string(d) + " has no '" + session +
                      "' session to skip; this entry places it on days " + day_list(planned));
    days.erase(it);
  }
}

// Every session has at least one segment, so more sessions than kMaxSegments can never compile;
// stopping here keeps a plan of thousands of entries from being expanded first.
void check_session_budget(const YamlNode& at, const std::vector<PlacedSession>& placed) {
  if (placed.size() >= kMaxSegments)
    fail(at, "the plan places more than " + std::to_string(kMaxSegments) + " sessions; at most " +
                 std::to_string(kMaxSegments) + " session segments are supported");
}

void place_entry(const YamlNode& node, std::size_t index, const DayRange& range,
                 const std::vector<SessionTemplate>& templates, double duration_h,
                 int first_weekday, std::vector<PlacedSession>& out) {
  const Fields e(node, "plan", "plan entry " + std::to_string(index + 1) + " of " + range.what);
  const SessionTemplate& session = find_session(templates, e.required("session", "hiit_4x4"));
  const YamlNode& time_node = e.required("time", "\"07:00\"");
  const double clock = read_clock_time(time_node, "time");
  if (clock + session.duration_h() > 24.0 + kEpsilonH)
    fail(time_node, "session '" + session.name + "' at " + clock_text(clock) + " lasts " +
                        duration_text(session.duration_h()) +
                        " and would run past midnight; a session placed by clock time must end "
                        "within its day");
  const MapEntry* how =
      e.one_of({"weekdays", "every", "count", "days"}, true, "weekdays: [mon, wed, fri]");
  if (const YamlNode* first = e.optional("first_day"); first && how->key != "every")
    fail(*first, "'first_day' goes with 'every' (e.g. every: 2 day, first_day: 2)");
  std::vector<int> days = how->key == "weekdays" ? weekday_days(how->value, range, first_weekday)
                          : how->key == "every"  ? every_days(e, how->value, range)
                          : how->key == "count"  ? count_days(how->value, range)
                                                 : explicit_days(how->value, range);
  if (const YamlNode* skip = e.optional("skip")) remove_skipped(*skip, session.name, days, range);
  if (days.empty())
    fail(node, e.what() + " places no '" + session.name + "' session in " + range.what);
  for (int d : days) {
    check_session_budget(node, out);
    PlacedSession p{&session, (d - 1) * 24.0 + clock, node.mark, ""};
    p.when = day_and_clock(p.start_h, first_weekday);
    if (p.end_h() > duration_h + kEpsilonH)
      fail(node, "session '" + session.name + "' " + p.when + " would end after the scenario (" +
                     duration_text(duration_h) + "); shorten the plan or lengthen 'duration'");
    out.push_back(p);
  }
}

void place_plan(const YamlNode& list, const DayRange& range,
                const std::vector<SessionTemplate>& templates, double duration_h, int first_weekday,
                std::vector<PlacedSession>& out) {
  const std::vector<const YamlNode*> entries = read_list(list, "plan");
  for (std::size_t i = 0; i < entries.size(); ++i)
    place_entry(*entries[i], i, range, templates, duration_h, first_weekday, out);
}

void place_phases(const YamlNode& list, const std::vector<SessionTemplate>& templates,
                  double duration_h, int first_weekday, std::vector<PlacedSession>& out) {
  const int days = total_days(duration_h);
  const int weeks = (days + 6) / 7;
  struct Seen {
    int from, to;
    std::string name;
    SourceMark mark;
  };
  std::vector<Seen> seen;
  const std::vector<const YamlNode*> phases = read_list(list, "phases");
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const Fields p(*phases[i], "phase", "phase " + std::to_string(i + 1));
    const std::string name =
        p.optional("name") ? read_text(*p.optional("name"), "name") : std::to_string(i + 1);
    const YamlNode& from_node = p.required("from_week", "1");
    const int from = read_count(from_node, "phase", "from_week");
    const int to =
        p.optional("to_week") ? read_count(*p.optional("to_week"), "phase", "to_week") : weeks;
    if (from > weeks)
      fail(from_node, "phase '" + name + "' starts in week " + std::to_string(from) +
                          ", after the scenario's last week (" + std::to_string(weeks) + ")");
    if (to < from || to > weeks)
      fail(*p.optional("to_week"), "phase '" + name + "' must end in a week from " +
                                       std::to_string(from) + " to " + std::to_string(weeks));
    for (const Seen& s : seen)
      if (from <= s.to && s.from <= to)
        fail(*phases[i], "phase '" + name + "' (weeks " + std::to_string(from) + " to " +
                             std::to_string(to) + ") overlaps phase '" + s.name + "' (weeks " +
                             std::to_string(s.from) + " to " + std::to_string(s.to) + ", " +
                             s.mark.str() + ")");
    seen.push_back({from, to, name, phases[i]->mark});
    DayRange range{
        (from - 1) * 7 + 1, std::min(to * 7, days),
        "phase '" + name + "' (weeks " + std::to_string(from) + " to " + std::to_string(to) + ")"};
    place_plan(p.required("plan",
                          "[{session: hiit_4x4, weekdays: [mon, wed, fri], time: "
                          "\"07:00\"}]"),
               range, templates, duration_h, first_weekday, out);
  }
}

void check_fits(const YamlNode& at, double t_h, double duration_h, const std::string& what) {
  if (t_h > duration_h - kEpsilonH)
    fail(at, what + " at " + elapsed_text(t_h) + " is not before the end of the scenario (" +
                 duration_text(duration_h) + "); lengthen 'duration' or move it");
}

void place_intake(const Fields& ev, const YamlNode& node, double at, double duration_h,
                  Placements& out) {
  const Fields f(node, "intake", "the intake of " + ev.what());
  const std::optional<FoodIntake> foods = read_food_intake(f);
  const std::vector<ProteinPart> protein = foods ? foods->protein : read_protein(f, std::nullopt);
  const YamlNode* carbohydrate = f.optional("carbohydrate");
  const YamlNode* fat = f.optional("fat");
  const YamlNode* drink = f.optional("drink");
  if (!foods && protein.empty() && !carbohydrate && !fat && !drink)
    fail(node, f.what() +
                   " needs 'protein', 'carbohydrate', 'fat' or 'drink' (e.g. {protein: 20 g, "
                   "type: whey} or {drink: 500 mL, carbohydrate: 30 g})");
  const int pulses =
      f.optional("pulses") ? read_count(*f.optional("pulses"), "intake", "pulses") : 1;
  const YamlNode* every = f.optional("every");
  if (pulses > 1 && every == nullptr)
    fail(node, f.what() + " has " + std::to_string(pulses) +
                   " pulses but no 'every' between them (e.g. every: 45 min)");
  if (pulses == 1 && every != nullptr)
    fail(*every, "'every' spaces the pulses of a drink; give 'pulses' too (e.g. pulses: 4)");
  const double gap = every ? read_quantity(*every, "intake", "every", Dimension::time) : 0.0;
  const std::string name = f.optional("name")    ? read_text(*f.optional("name"), "name")
                           : ev.optional("name") ? read_text(*ev.optional("name"), "name")
                           : foods               ? foods->text
                                                 : "drink";
  for (int k = 0; k < pulses; ++k) {
    TimelineIntake in;
    in.time_h = at + k * gap;
    in.what =
        pulses > 1 ? name + " pulse " + std::to_string(k + 1) + "/" + std::to_string(pulses) : name;
    for (ProteinPart p : protein) {
      p.grams /= pulses;
      in.protein_parts.push_back(p);
    }
    in.protein_g = protein_total(in.protein_parts);
    in.protein_type = protein_type_text(in.protein_parts);
    in.carbohydrate_g =
        ((foods ? foods->carbohydrate_g : 0.0) +
         (carbohydrate ? read_quantity(*carbohydrate, "intake", "carbohydrate", Dimension::mass)
                       : 0.0)) /
        pulses;
    in.fat_g = ((foods ? foods->fat_g : 0.0) +
                (fat ? read_quantity(*fat, "intake", "fat", Dimension::mass) : 0.0)) /
               pulses;
    in.fluid_l =
        drink ? read_quantity(*drink, "intake", "drink", Dimension::volume) / pulses : 0.0;
    check_fits(pulses > 1 ? *every : node, in.time_h, duration_h, "'" + in.what + "'");
    if (out.intakes.size() >= kMaxIntakes)
      fail(node, "the events hold more than " + std::to_string(kMaxIntakes) +
                     " intakes; at most that many are supported");
    out.intakes.push_back({in, node.mark});
  }
}

/// `{at: 30 min, drink: 250 mL}`: plain water, no energy.
void place_drink(const Fields& ev, const YamlNode& node, double at, double duration_h,
                 Placements& out) {
  TimelineIntake in;
  in.time_h = at;
  in.what = ev.optional("name") ? read_text(*ev.optional("name"), "name") : "water";
  in.fluid_l = read_quantity(node, "event", "drink", Dimension::volume);
  check_fits(node, in.time_h, duration_h, "'" + in.what + "'");
  if (out.intakes.size() >= kMaxIntakes)
    fail(node, "the events hold more than " + std::to_string(kMaxIntakes) +
                   " intakes; at most that many are supported");
  out.intakes.push_back({in, node.mark});
}

void place_infusion(const Fields& ev, const YamlNode& node, double at, double duration_h,
                    Placements& out) {
  const Fields f(node, "infusion", "the infusion of " + ev.what());
  const double leucine =
      read_quantity(f.required("leucine", "5.4 g"), "infusion", "leucine", Dimension::mass);
  const YamlNode& length = f.required("duration", "6 h");
  const double hours = read_quantity(length, "infusion", "duration", Dimension::time);
  if (at + hours > duration_h + kEpsilonH)
    fail(length, "the infusion runs from " + elapsed_text(at) + " to " + elapsed_text(at + hours) +
                     ", past the end of the scenario (" + duration_text(duration_h) + ")");
  TimelineInfusion inf;
  inf.start_h = at;
  inf.duration_h = hours;
  inf.leucine_g_per_h = leucine / hours;
  inf.what =
      ev.optional("name") ? read_text(*ev.optional("name"), "name") : "intravenous amino acids";
  out.infusions.push_back({inf, node.mark});
}

void place_events(const YamlNode& list, const std::vector<SessionTemplate>& templates,
                  double duration_h, Placements& out) {
  const std::vector<const YamlNode*> events = read_list(list, "events");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Fields ev(*events[i], "event", "event " + std::to_string(i + 1));
    const YamlNode& at_node = ev.required("at", "0 h");
    const double at = read_quantity(at_node, "event", "at", Dimension::time);
    check_fits(at_node, at, duration_h, ev.what());
    const MapEntry* what = ev.one_of({"session", "intake", "infusion", "drink"}, true,
                                     "intake: {protein: 20 g, type: whey}");
    if (what->key == "drink") {
      place_drink(ev, what->value, at, duration_h, out);
    } else if (what->key == "intake") {
      place_intake(ev, what->value, at, duration_h, out);
    } else if (what->key == "infusion") {
      place_infusion(ev, what->value, at, duration_h, out);
    } else {
      const SessionTemplate& s = find_session(templates, what->value);
      check_session_budget(*events[i], out.sessions);
      PlacedSession p{&s, at, events[i]->mark, "at " + elapsed_text(at)};
      if (p.end_h() > duration_h + kEpsilonH)
        fail(at_node, "session '" + s.name + "' " + p.when + " lasts " +
                          duration_text(s.duration_h()) + " and would end after the scenario (" +
                          duration_text(duration_h) + ")");
      out.sessions.push_back(p);
    }
  }
}

void check_no_overlap(std::vector<PlacedSession>& sessions) {
  std::stable_sort(
      sessions.begin(), sessions.end(),
      [](const PlacedSession& a, const PlacedSession& b) { return a.start_h < b.start_h; });
  const PlacedSession* latest = nullptr;  // the session that ends last so far
  for (const PlacedSession& s : sessions) {
    if (latest != nullptr && s.start_h < latest->end_h() - kEpsilonH)
      throw ScenarioError(s.mark,
                          "session '" + s.session->name + "' " + s.when + " overlaps session '" +
                              latest->session->name + "' " + latest->when + " (placed at " +
                              latest->mark.str() + "), which lasts " +
                              duration_text(latest->session->duration_h()) + "; move one of them");
    if (latest == nullptr || s.end_h() > latest->end_h()) latest = &s;
  }
}

// One leucine_infusion channel: two infusions at once would have to add, which no protocol does.
void check_infusions_apart(std::vector<PlacedInfusion>& infusions) {
  std::stable_sort(infusions.begin(), infusions.end(),
                   [](const PlacedInfusion& a, const PlacedInfusion& b) {
                     return a.infusion.start_h < b.infusion.start_h;
                   });
  for (std::size_t i = 1; i < infusions.size(); ++i) {
    const TimelineInfusion& prev = infusions[i - 1].infusion;
    if (infusions[i].infusion.start_h < prev.start_h + prev.duration_h - kEpsilonH)
      throw ScenarioError(infusions[i].mark,
                          "this infusion starts at " + elapsed_text(infusions[i].infusion.start_h) +
                              ", while the one placed at " + infusions[i - 1].mark.str() +
                              " runs until " + elapsed_text(prev.start_h + prev.duration_h) +
                              "; infusions must not overlap");
  }
}

}  // namespace

std::string_view weekday_title(int weekday) {
  return kWeekdayTitles[weekday % 7];
}

std::string day_and_clock(double t_h, int first_weekday) {
  const int day = static_cast<int>(std::floor(t_h / 24.0 + kEpsilonH)) + 1;
  const double clock = std::max(0.0, t_h - (day - 1) * 24.0);
  return "on day " + std::to_string(day) + " (" +
         std::string(kWeekdayTitles[(first_weekday + day - 1) % 7]) + ") at " + clock_text(clock);
}

Placements read_placements(const Fields& top, const std::vector<SessionTemplate>& templates,
                           double duration_h, int first_weekday) {
  Placements out;
  const int days = total_days(duration_h);
  const MapEntry* plan = top.one_of({"plan", "phases"}, false, "");
  if (plan != nullptr && plan->key == "plan")
    place_plan(plan->value, {1, days, "the plan (days 1 to " + std::to_string(days) + ")"},
               templates, duration_h, first_weekday, out.sessions);
  if (plan != nullptr && plan->key == "phases")
    place_phases(plan->value, templates, duration_h, first_weekday, out.sessions);
  if (const YamlNode* events = top.optional("events"))
    place_events(*events, templates, duration_h, out);
  check_no_overlap(out.sessions);
  check_infusions_apart(out.infusions);
  std::stable_sort(out.intakes.begin(), out.intakes.end(),
                   [](const PlacedIntake& a, const PlacedIntake& b) {
                     return a.intake.time_h < b.intake.time_h;
                   });
  return out;
}

}  // namespace myoflux::scenario
