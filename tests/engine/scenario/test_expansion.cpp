// Expansion is correct: session counts and segments, conversions (Swain, Tanaka, Janssen, ACSM,
// eccentric factors), distances and paces, diets split across meals, doses tied to sessions,
// acute drinks, pulses and infusions, and the compiled Schedule's channels and doses.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/scenario/conversions.hpp"
#include "engine/scenario/summary.hpp"
#include "test_util.hpp"

namespace myoflux {
namespace {

using testing::from_text;
using testing::library;
using namespace scenario;

int count_segments(const TimelineSession& s, std::string_view prefix) {
  int n = 0;
  for (const TimelineSegment& seg : s.segments) n += seg.what.rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

double channel_at(const Scenario& s, int channel, double t_h) {
  return s.schedule.inputs(s.schedule.segment_at(t_h))[static_cast<std::size_t>(channel)];
}

double protein_dosed(const Scenario& s) {
  double total = 0.0;
  for (int t = dose::protein_first; t < dose::carbohydrate; ++t) total += s.schedule.total_dose(t);
  return total;
}

TEST(Expansion, BriefHiitHas30SessionsOf4WorkBoutsOnMonWedFri) {
  const Scenario s = load_scenario(library("hiit_4x4_brief.yaml"));
  EXPECT_DOUBLE_EQ(s.duration_h, 10 * 7 * 24.0);
  ASSERT_EQ(s.timeline.sessions.size(), 30u);
  for (const TimelineSession& session : s.timeline.sessions) {
    EXPECT_EQ(count_segments(session, "work bout"), 4) << session.name;
    EXPECT_EQ(count_segments(session, "recovery"), 3) << session.name;
    const int day = static_cast<int>(session.start_h / 24.0);
    EXPECT_TRUE(day % 7 == 0 || day % 7 == 2 || day % 7 == 4) << session.name;  // Mon Wed Fri
    EXPECT_NEAR(session.start_h - 24.0 * day, 16.0, 1e-9);
  }
  const TimelineSession& first = s.timeline.sessions.front();
  EXPECT_EQ(first.name, "hiit_4x4 #1");
  EXPECT_EQ(first.segments[1].what, "work bout 1/4");
  EXPECT_DOUBLE_EQ(first.segments[1].duration_h, 4.0 / 60.0);
  EXPECT_DOUBLE_EQ(first.segments[1].intensity, 0.9);
  EXPECT_EQ(first.segments[2].what, "recovery 1/3 (easy jog)");
  EXPECT_DOUBLE_EQ(first.segments[2].duration_h, 3.0 / 60.0);
  // 5 + 4 x 4 + 3 x 3 + 5 = 35 min a session, 105 min a week.
  for (const WeekTotals& w : weekly_totals(s)) {
    EXPECT_EQ(w.sessions, 3);
    EXPECT_NEAR(w.training_minutes(), 105.0, 1e-6);
    EXPECT_NEAR(w.zone_minutes[static_cast<int>(Zone::severe)], 48.0, 1e-6);
  }
}

TEST(Expansion, BriefHiitCompilesToChannels) {
  const Scenario s = load_scenario(library("hiit_4x4_brief.yaml"));
  const double work = 16.0 + 5.0 / 60.0 + 1.0 / 60.0;  // a minute into work bout 1 on day 1
  EXPECT_DOUBLE_EQ(channel_at(s, channel::exercise_intensity, work), 0.9);
  EXPECT_EQ(channel_at(s, channel::modality, work), static_cast<int>(Modality::running));
  EXPECT_DOUBLE_EQ(channel_at(s, channel::eccentric_factor, work), 1.0);
  // ACSM: 0.9 x 42 = 37.8 mL/kg/min = 3.5 + 0.2 v  ->  v = 171.5 m/min = 10.29 km/h.
  EXPECT_NEAR(channel_at(s, channel::running_speed, work), 171.5 * 0.06, 1e-9);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::exercise_intensity, 15.0), 0.0);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::modality, 15.0), 0.0);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::resistance_load, work), 0.0);
  // Integral of intensity: per session 4 x 4 min x 0.9 + 3 x 3 min x 0.5 + 5 min x 0.5 (warm-up)
  // + 5 min x the walk's ACSM intensity (3.5 + 0.1 x 83.33) / 42.
  const double walk = (3.5 + 0.1 * 5000.0 / 60.0) / 42.0;
  const double per_session = (16 * 0.9 + 9 * 0.5 + 5 * 0.5 + 5 * walk) / 60.0;
  EXPECT_NEAR(s.schedule.integral(channel::exercise_intensity), 30 * per_session, 1e-9);
}

TEST(Expansion, EstesIs25SessionsAtSwainIntensities) {
  const Scenario s = load_scenario(library("estes2017_hiit.yaml"));
  ASSERT_EQ(s.timeline.sessions.size(), 25u);  // the published 24.5 +/- 0.6
  // Swain 1994: %VO2max = (%HRmax - 37) / 0.64.
  const TimelineSegment& work = s.timeline.sessions[0].segments[1];
  EXPECT_EQ(work.what, "work bout 1/4");
  EXPECT_NEAR(work.intensity, (92.5 - 37.0) / 0.64 / 100.0, 1e-12);
  EXPECT_NEAR(s.timeline.sessions[0].segments[2].intensity, (70.0 - 37.0) / 0.64 / 100.0, 1e-12);
  // Spread evenly over 70 days: never two on a day, first on day 1, last in week 10.
  int previous_day = -1;
  for (const TimelineSession& session : s.timeline.sessions) {
    const int day = static_cast<int>(session.start_h / 24.0);
    EXPECT_GT(day, previous_day);
    previous_day = day;
  }
  EXPECT_EQ(static_cast<int>(s.timeline.sessions.front().start_h / 24.0), 0);
  EXPECT_GE(previous_day, 63);
  const Scenario fewer = load_scenario(library("estes2017_hiit.yaml"),
                                       std::vector<FieldOverride>{{"plan.0.count", "24"}});
  EXPECT_EQ(fewer.timeline.sessions.size(), 24u);
}

TEST(Conversions, SwainTanakaJanssenAcsm) {
  EXPECT_DOUBLE_EQ(vo2max_fraction_from_hrmax_fraction(0.9), (90.0 - 37.0) / 0.64 / 100.0);
  EXPECT_NEAR(hrmax_fraction_from_vo2max_fraction(vo2max_fraction_from_hrmax_fraction(0.8)), 0.8,
              1e-12);
  EXPECT_DOUBLE_EQ(tanaka_hrmax_bpm(21.0), 208.0 - 0.7 * 21.0);
  EXPECT_DOUBLE_EQ(janssen_muscle_mass_fraction(Sex::male), 0.384);
  EXPECT_DOUBLE_EQ(janssen_muscle_mass_fraction(Sex::female), 0.306);
  EXPECT_NEAR(running_vo2(12.0, 0.0), 3.5 + 0.2 * 200.0, 1e-12);
  EXPECT_NEAR(running_vo2(12.0, 0.05), 3.5 + 0.2 * 200.0 + 0.9 * 200.0 * 0.05, 1e-12);
  EXPECT_NEAR(walking_vo2(6.0, 0.1), 3.5 + 0.1 * 100.0 + 1.8 * 100.0 * 0.1, 1e-12);
  EXPECT_NEAR(running_vo2(12.0, -0.1), running_vo2(12.0, 0.0), 1e-12);  // downhill costed level
  EXPECT_NEAR(running_speed_for_vo2(running_vo2(11.0, 0.04), 0.04), 11.0, 1e-12);
  EXPECT_NEAR(walking_speed_for_vo2(walking_vo2(4.0, 0.0), 0.0), 4.0, 1e-12);
  EXPECT_TRUE(std::isnan(running_speed_for_vo2(3.0, 0.0)));
}

TEST(Conversions, EccentricFactorOfGradeAndModality) {
  EXPECT_DOUBLE_EQ(eccentric_factor(Modality::running, 0.0), 1.0);
  EXPECT_NEAR(eccentric_factor(Modality::running, -0.10), 2.0, 1e-12);
  EXPECT_NEAR(eccentric_factor(Modality::running, 0.10), 0.5, 1e-12);
  EXPECT_NEAR(eccentric_factor(Modality::running, 0.20), 0.3, 1e-12);  // floor
  EXPECT_NEAR(eccentric_factor(Modality::walking, 0.0), 0.3, 1e-12);
  EXPECT_NEAR(eccentric_factor(Modality::walking, -0.08), 0.3 * 1.8, 1e-12);
  EXPECT_EQ(eccentric_factor(Modality::cycling, 0.0), 0.0);
  EXPECT_EQ(eccentric_factor(Modality::rest, 0.0), 0.0);
  EXPECT_EQ(eccentric_factor(Modality::resistance, 0.0), 0.5);
}

TEST(Expansion, SubjectDefaultsFollowAgeAndSex) {
  const Scenario s = from_text("duration: 1 h\nsubject: {sex: female, age: 40 years}\n");
  EXPECT_DOUBLE_EQ(s.subject.hrmax_bpm, 208.0 - 0.7 * 40.0);
  EXPECT_DOUBLE_EQ(s.subject.muscle_mass_fraction, 0.306);
  const Scenario t = from_text(
      "duration: 1 h\nsubject: {sex: male, hrmax: 180 bpm, muscle_mass_fraction: 40 %, "
      "body_mass: 80 kg, vo2max: 50 mL/kg/min, lactate_threshold: 80 %VO2max, "
      "training_status: trained}\n");
  EXPECT_DOUBLE_EQ(t.subject.hrmax_bpm, 180.0);
  EXPECT_DOUBLE_EQ(t.subject.muscle_mass_fraction, 0.4);
  EXPECT_DOUBLE_EQ(t.subject.body_mass_kg, 80.0);
  EXPECT_DOUBLE_EQ(t.subject.lactate_threshold_fraction, 0.8);
  EXPECT_EQ(t.subject.training_status, TrainingStatus::trained);
}

TEST(Expansion, DistanceSessionCoversItsDistanceAtItsPace) {
  const Scenario s = load_scenario(library("long_distance/race_10km.yaml"));
  ASSERT_EQ(s.timeline.sessions.size(), 1u);
  const TimelineSegment& run = s.timeline.sessions[0].segments.back();
  EXPECT_NEAR(run.distance_km, 10.0, 1e-12);
  EXPECT_NEAR(run.duration_h, 10.0 * 5.5 / 60.0, 1e-12);  // 5:30 min/km
  EXPECT_NEAR(run.speed_kmh, 60.0 / 5.5, 1e-12);
  // ACSM: v = 181.8 m/min, VO2 = 3.5 + 0.2 v = 39.86 of 50 mL/kg/min.
  EXPECT_NEAR(run.intensity, (3.5 + 0.2 * (1000.0 / 5.5)) / 50.0, 1e-12);
  const Scenario m = load_scenario(library("long_distance/race_marathon.yaml"));
  EXPECT_NEAR(m.timeline.sessions[0].segments.back().distance_km, 42.2, 1e-12);
  EXPECT_NEAR(s.schedule.integral(channel::running_speed),
              10.0 + s.timeline.sessions[0].segments[0].distance_km, 1e-9);
}

TEST(Expansion, IntensityGivesSpeedAndSpeedGivesIntensity) {
  const Scenario s = from_text(R"(
duration: 1 day
subject: {vo2max: 45 mL/kg/min, lactate_threshold: 80 %VO2max}
sessions:
  by_speed: {type: run, duration: 10 min, speed: 12 km/h}
  by_lt: {type: run, duration: 10 min, intensity: 100 %LT}
  uphill: {type: walk, distance: 1 km, speed: 6 km/h, grade: 10 %}
  downhill: {type: run, duration: 10 min, pace: "5:00 min/km", grade: -10 %}
  override: {type: run, duration: 10 min, pace: "5:00 min/km", grade: -10 %, downhill_factor: 3}
events:
  - {at: 1 h, session: by_speed}
  - {at: 2 h, session: by_lt}
  - {at: 3 h, session: uphill}
  - {at: 4 h, session: downhill}
  - {at: 5 h, session: override}
)");
  const auto& sessions = s.timeline.sessions;
  ASSERT_EQ(sessions.size(), 5u);
  EXPECT_NEAR(sessions[0].segments[0].intensity, 43.5 / 45.0, 1e-12);
  EXPECT_NEAR(sessions[1].segments[0].intensity, 0.8, 1e-12);
  EXPECT_NEAR(sessions[1].segments[0].speed_kmh, (0.8 * 45.0 - 3.5) / 0.2 * 0.06, 1e-12);
  EXPECT_NEAR(sessions[2].segments[0].duration_h, 1.0 / 6.0, 1e-12);
  EXPECT_NEAR(sessions[2].segments[0].intensity, (3.5 + 10.0 + 1.8 * 100.0 * 0.1) / 45.0, 1e-12);
  EXPECT_NEAR(sessions[2].segments[0].eccentric_factor, 0.3 * 0.5, 1e-12);
  EXPECT_NEAR(sessions[3].segments[0].speed_kmh, 12.0, 1e-12);
  EXPECT_NEAR(sessions[3].segments[0].eccentric_factor, 2.0, 1e-12);
  EXPECT_NEAR(sessions[4].segments[0].eccentric_factor, 3.0, 1e-12);
}

TEST(Expansion, HillSprintsWalkBackDown) {
  const Scenario s = load_scenario(library("sprints/hill_sprints_4x30s.yaml"));
  const auto& segs = s.timeline.sessions[0].segments;
  const TimelineSegment& up = segs[1];
  const TimelineSegment& down = segs[2];
  EXPECT_EQ(down.what, "recovery 1/3 (walk back down)");
  EXPECT_NEAR(up.grade, 0.08, 1e-12);
  EXPECT_NEAR(down.grade, -0.08, 1e-12);
  EXPECT_NEAR(down.distance_km, up.distance_km, 1e-12);
  EXPECT_NEAR(down.duration_h, up.distance_km / 5.0, 1e-12);
  EXPECT_NEAR(up.eccentric_factor, 0.6, 1e-12);
  EXPECT_NEAR(down.eccentric_factor, 0.3 * 1.8, 1e-12);
  EXPECT_EQ(down.modality, Modality::walking);
}

TEST(Expansion, ResistanceSetsLastThreeSecondsARep) {
  const Scenario s = load_scenario(library("studies/leg_resistance_bout.yaml"));
  const auto& segs = s.timeline.sessions.at(0).segments;
  ASSERT_EQ(segs.size(), 4u + 3u + 1u + 4u + 3u);
  EXPECT_EQ(segs[0].what, "leg_press set 1/4 (10 reps)");
  EXPECT_NEAR(segs[0].duration_h, 30.0 / 3600.0, 1e-12);
  EXPECT_EQ(segs[1].what, "rest");
  EXPECT_NEAR(segs[1].duration_h, 2.0 / 60.0, 1e-12);
  EXPECT_NEAR(s.timeline.sessions[0].segments.back().start_h + 30.0 / 3600.0, 18.0 / 60.0, 1e-12);
  const double in_set = 10.0 / 3600.0;
  EXPECT_DOUBLE_EQ(channel_at(s, channel::resistance_load, in_set), 0.8);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::exercise_intensity, in_set), 0.5);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::eccentric_factor, in_set), 0.5);
  EXPECT_EQ(channel_at(s, channel::modality, in_set), static_cast<int>(Modality::resistance));
  const double between = 60.0 / 3600.0;
  EXPECT_DOUBLE_EQ(channel_at(s, channel::resistance_load, between), 0.0);
  EXPECT_DOUBLE_EQ(channel_at(s, channel::exercise_intensity, between), 0.0);
  EXPECT_EQ(weekly_totals(s)[0].resistance_minutes, 8 * 0.5);
}

TEST(Expansion, WeeklyProteinMatchesTheDiet) {
  const Scenario s = load_scenario(library("control_no_training.yaml"));
  EXPECT_NEAR(s.diet.protein_g_per_day, 1.6 * 68.2, 1e-9);
  for (const WeekTotals& w : weekly_totals(s)) {
    EXPECT_NEAR(w.protein_g_per_kg_day, 1.6, 1e-9);
    EXPECT_NEAR(w.protein_g, 7 * 1.6 * 68.2, 1e-9);
  }
  EXPECT_NEAR(protein_dosed(s), 70 * 1.6 * 68.2, 1e-6);
  EXPECT_NEAR(
      s.schedule.total_dose(dose::protein_first + static_cast<int>(ProteinType::mixed_meal)),
      70 * 1.6 * 68.2, 1e-6);
  // 55 %energy and 30 %energy of 35 kcal/kg/day x 68.2 kg.
  const double energy = 35.0 * 68.2;
  EXPECT_TRUE(s.diet.energy_assumed);
  EXPECT_NEAR(s.diet.carbohydrate_g_per_day, 0.55 * energy / 4.0, 1e-9);
  EXPECT_NEAR(s.diet.fat_g_per_day, 0.30 * energy / 9.0, 1e-9);
  ASSERT_EQ(s.diet.meals.size(), 3u);
  EXPECT_NEAR(s.diet.meals[0].protein[0].grams, 0.25 * 1.6 * 68.2, 1e-9);
  EXPECT_NEAR(s.diet.meals[2].carbohydrate_g, 0.40 * 0.55 * energy / 4.0, 1e-9);
  EXPECT_NEAR(s.diet.meals[1].clock_h, 12.5, 1e-12);
}

TEST(Expansion, ProteinPresetsGiveTheirDailyIntake) {
  for (const double g : {0.8, 1.4, 1.6, 2.0}) {
    char name[32];
    std::snprintf(name, sizeof name, "diets/protein_%.1f.yaml", g);
    const Scenario s = load_scenario(library(name));
    EXPECT_NEAR(weekly_totals(s)[3].protein_g_per_kg_day, g, 1e-9) << name;
  }
  const Scenario keto = load_scenario(library("diets/ketogenic.yaml"));
  EXPECT_NEAR(keto.diet.carbohydrate_g_per_day, 0.05 * 35 * 68.2 / 4.0, 1e-9);
}

TEST(Expansion, PostWorkoutWheyComesThirtyMinutesAfterEachSession) {
  const Scenario s = load_scenario(library("diets/post_workout_protein.yaml"));
  int shakes = 0;
  for (const TimelineIntake& in : s.timeline.intakes)
    if (in.what == "whey shake") {
      ++shakes;
      EXPECT_EQ(in.protein_type, "whey");
      EXPECT_DOUBLE_EQ(in.protein_g, 25.0);
    }
  EXPECT_EQ(shakes, 30);
  const TimelineSession& first = s.timeline.sessions.front();
  const double end = first.start_h + 35.0 / 60.0;
  EXPECT_NEAR(s.schedule.doses()[0].time_h, 8.0, 1e-9);  // breakfast comes first
  bool found = false;
  for (const Dose& d : s.schedule.doses())
    found = found || (d.target == static_cast<int>(ProteinType::whey) &&
                      std::abs(d.time_h - (end + 0.5)) < 1e-9 && d.amount == 25.0);
  EXPECT_TRUE(found);
  EXPECT_NEAR(weekly_totals(s)[0].protein_g, 7 * 1.6 * 68.2 + 3 * 25.0, 1e-9);
}

TEST(Expansion, MealsByGramsSharesAndEqualSplit) {
  const Scenario s = from_text(R"(
duration: 2 days
subject: {body_mass: 80 kg}
diet:
  protein: 120 g/day
  carbohydrate: 4 g/kg/day
  fat: 80 g/day
  meals:
    - {name: breakfast, time: "07:00", protein: 30 g, type: egg, carbohydrate: 100 g}
    - {name: lunch, time: "12:00", share: 40 %}
    - {name: dinner, time: "18:30"}
    - {name: shake, time: "21:00", protein: {casein: 10 g}, carbohydrate: 0 g, fat: 0 g}
  fasting:
    - {from: "22:00", to: "06:30"}
)");
  const auto& m = s.diet.meals;
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].protein[0].type, ProteinType::egg);
  EXPECT_DOUBLE_EQ(m[0].protein[0].grams, 30.0);
  EXPECT_DOUBLE_EQ(m[1].protein[0].grams, 48.0);          // 40 % of 120 g
  EXPECT_DOUBLE_EQ(m[2].protein[0].grams, 120.0 - 88.0);  // the rest
  EXPECT_EQ(m[3].protein[0].type, ProteinType::casein);
  EXPECT_DOUBLE_EQ(m[1].carbohydrate_g, 0.4 * 320.0);
  EXPECT_DOUBLE_EQ(m[2].carbohydrate_g, 320.0 - 100.0 - 128.0);
  EXPECT_DOUBLE_EQ(m[2].fat_g, (80.0 - 32.0) / 2.0);  // breakfast and dinner split the rest
  EXPECT_DOUBLE_EQ(s.diet.protein_g_per_day, 120.0);
  EXPECT_FALSE(s.diet.energy_assumed);
  EXPECT_EQ(s.timeline.intakes.size(), 8u);
  ASSERT_EQ(s.diet.fasting.size(), 1u);
  EXPECT_NEAR(protein_dosed(s), 240.0, 1e-9);
}

TEST(Expansion, PlacementsByEveryDaysExplicitDaysSkipsAndPhases) {
  const Scenario s = from_text(R"(
duration: 4 weeks
start_weekday: wed
sessions:
  run: {type: run, duration: 30 min, intensity: 70 %VO2max}
  lift:
    type: resistance
    exercises: [{name: squat, sets: 3, reps: 8, load: 75 %1RM, rest: 3 min}]
phases:
  - name: first
    from_week: 1
    to_week: 2
    plan:
      - {session: run, every: 2 day, first_day: 2, time: "07:00", skip: [4]}
  - name: second
    from_week: 3
    plan:
      - {session: run, weekdays: [wed], time: "07:00"}
      - {session: lift, days: [16, 20], time: "18:00"}
)");
  std::vector<int> run_days, lift_days;
  for (const TimelineSession& t : s.timeline.sessions)
    (t.name.rfind("run", 0) == 0 ? run_days : lift_days)
        .push_back(static_cast<int>(t.start_h / 24.0) + 1);
  EXPECT_EQ(run_days, (std::vector<int>{2, 6, 8, 10, 12, 14, 15, 22}));  // day 1 is a Wednesday
  EXPECT_EQ(lift_days, (std::vector<int>{16, 20}));
  EXPECT_EQ(s.first_weekday, 2);
}

TEST(Expansion, CountSpreadsEvenly) {
  const Scenario s = from_text(R"(
duration: 10 days
sessions: {run: {type: run, duration: 20 min, intensity: 60 %VO2max}}
plan: [{session: run, count: 4, time: "06:00"}]
)");
  std::vector<int> days;
  for (const TimelineSession& t : s.timeline.sessions)
    days.push_back(static_cast<int>(t.start_h / 24.0) + 1);
  EXPECT_EQ(days, (std::vector<int>{1, 3, 6, 8}));  // 1 + floor(i x 10 / 4)
}

TEST(Expansion, AcuteDrinkBolusPulsesAndInfusion) {
  const Scenario glynn = load_study(library("studies/glynn2010_eaa_leucine.yaml")).arms.at(1);
  EXPECT_NEAR(glynn.schedule.total_dose(static_cast<int>(ProteinType::eaa)), 7.98, 1e-12);
  EXPECT_NEAR(glynn.schedule.total_dose(static_cast<int>(ProteinType::leucine)), 2.02, 1e-12);
  EXPECT_DOUBLE_EQ(glynn.schedule.doses().at(0).time_h, 0.0);
  EXPECT_EQ(glynn.timeline.intakes.at(0).protein_type, "eaa + leucine");

  const Study west = load_study(library("studies/west2011_bolus_vs_pulse.yaml"));
  const Scenario& pulse = west.arms.at(1);
  ASSERT_EQ(pulse.timeline.intakes.size(), 10u);
  for (std::size_t k = 0; k < 10; ++k) {
    EXPECT_NEAR(pulse.timeline.intakes[k].time_h, 0.3 + k / 3.0, 1e-9);
    EXPECT_DOUBLE_EQ(pulse.timeline.intakes[k].protein_g, 2.5);
  }
  EXPECT_EQ(pulse.timeline.intakes[1].what, "whey pulse 2/10");
  EXPECT_NEAR(pulse.schedule.total_dose(static_cast<int>(ProteinType::whey)), 25.0, 1e-12);

  const Scenario bohe = load_scenario(library("studies/bohe2001_infusion.yaml"));
  EXPECT_NEAR(channel_at(bohe, channel::leucine_infusion, 3.0), 5.44 / 6.0, 1e-12);
  EXPECT_NEAR(bohe.schedule.integral(channel::leucine_infusion), 5.44, 1e-9);
  EXPECT_TRUE(bohe.schedule.doses().empty());

  const Scenario atherton = load_scenario(library("studies/atherton2010_whey.yaml"));
  ASSERT_EQ(atherton.parameters.size(), 1u);
  EXPECT_EQ(atherton.parameters[0].name, "leucine_fraction_whey");
  EXPECT_DOUBLE_EQ(atherton.parameters[0].value, 0.08);
  EXPECT_EQ(atherton.parameters[0].mark.line, 15);
}

TEST(Expansion, StudyArmsHaveTheirOverrides) {
  const Study study = load_study(library("hiit_vs_long_distance.yaml"));
  ASSERT_EQ(study.arms.size(), 6u);
  const std::vector<std::string> names{"control_1.0", "control_1.6",       "hiit_1.0",
                                       "hiit_1.6",    "long_distance_1.0", "long_distance_1.6"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const Scenario& arm = study.arms[i];
    EXPECT_EQ(arm.name, names[i]);
    EXPECT_NEAR(arm.diet.protein_g_per_kg_day, i % 2 == 0 ? 1.0 : 1.6, 1e-12);
    EXPECT_DOUBLE_EQ(arm.duration_h, 1680.0);
  }
  // Weekly training time of the long-distance plan matches the HIIT plan.
  const auto hiit = weekly_totals(study.arms[2]);
  const auto distance = weekly_totals(study.arms[4]);
  for (std::size_t w = 0; w < hiit.size(); ++w)
    EXPECT_NEAR(distance[w].training_minutes(), hiit[w].training_minutes(), 1e-9);
  EXPECT_TRUE(study.arms[0].timeline.sessions.empty());
}

TEST(Expansion, CoolDownVariants) {
  const Scenario walk = load_scenario(library("cool_down/hiit_walk_cool_down.yaml"));
  const Scenario none = load_scenario(library("cool_down/hiit_no_cool_down.yaml"));
  EXPECT_EQ(walk.timeline.sessions[0].segments.back().what, "cool-down (walk)");
  EXPECT_NEAR(walk.timeline.sessions[0].segments.back().duration_h, 10.0 / 60.0, 1e-12);
  EXPECT_EQ(none.timeline.sessions[0].segments.back().what, "work bout 4/4");
}

TEST(Expansion, JsonFlowTextWorks) {
  // What Python sends: json.dumps of a dict.
  const Scenario s = from_text(
      R"({"name": "from_python", "duration": "8 h", "subject": {"body_mass": "70 kg"},
          "sessions": {"bout": {"type": "cycle", "duration": "30 min", "intensity": "60 %VO2max"}},
          "events": [{"at": "0 h", "session": "bout"},
                     {"at": "1 h", "intake": {"protein": "20 g", "type": "whey", "pulses": 4,
                                              "every": "15 min"}}],
          "parameters": {"k_example": 1.5}})");
  EXPECT_EQ(s.name, "from_python");
  EXPECT_EQ(s.timeline.intakes.size(), 4u);
  EXPECT_EQ(s.timeline.sessions[0].segments[0].modality, Modality::cycling);
  EXPECT_DOUBLE_EQ(s.parameters.at(0).value, 1.5);
}

TEST(Zones, EdgesFollowTheLactateThreshold) {
  Subject p;
  p.lactate_threshold_fraction = 0.75;
  EXPECT_EQ(zone_of(0.59, p), Zone::easy);
  EXPECT_EQ(zone_of(0.61, p), Zone::moderate);  // 80 % of LT = 60 %VO2max
  EXPECT_EQ(zone_of(0.75, p), Zone::threshold);
  EXPECT_EQ(zone_of(0.87, p), Zone::threshold);
  EXPECT_EQ(zone_of(0.88, p), Zone::severe);  // halfway from LT to VO2max = 87.5 %VO2max
  EXPECT_EQ(zone_of(1.0, p), Zone::severe);
  EXPECT_EQ(zone_of(1.6, p), Zone::supramaximal);
}

}  // namespace
}  // namespace myoflux
