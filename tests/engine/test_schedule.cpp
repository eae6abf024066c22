// Schedules: breakpoints merge every edge, values hold between them, doses land at segment starts,
// and overlapping or out-of-range definitions are rejected with both culprits named.
#include <gtest/gtest.h>

#include "engine/error.hpp"
#include "engine/schedule.hpp"

namespace myoflux {
namespace {

ScheduleBuilder two_channels(double duration) {
  return ScheduleBuilder(
      {{"intensity", "fraction of VO2max", "exercise", 0.0}, {"carbs", "g/h", "carbohydrate", 0.5}},
      {{"protein", "g", "protein bolus"}}, duration);
}

TEST(Schedule, BreakpointsAndValues) {
  ScheduleBuilder b = two_channels(10.0);
  b.set(0, 2.0, 3.0, 0.9, "bout 1");
  b.set(0, 5.0, 6.0, 0.8, "bout 2");
  b.set(1, 2.5, 7.0, 4.0, "meal");
  const Schedule s = b.build();
  EXPECT_EQ(s.breakpoints(), (std::vector<double>{0, 2, 2.5, 3, 5, 6, 7, 10}));
  ASSERT_EQ(s.segment_count(), 7u);
  EXPECT_EQ(s.inputs(0)[0], 0.0);
  EXPECT_EQ(s.inputs(0)[1], 0.5);  // baseline
  EXPECT_EQ(s.inputs(1)[0], 0.9);
  EXPECT_EQ(s.inputs(2)[0], 0.9);
  EXPECT_EQ(s.inputs(2)[1], 4.0);
  EXPECT_EQ(s.inputs(3)[0], 0.0);
  EXPECT_EQ(s.inputs(4)[0], 0.8);
  EXPECT_EQ(s.inputs(6)[1], 0.5);
  EXPECT_DOUBLE_EQ(s.integral(0), 0.9 + 0.8);
  EXPECT_DOUBLE_EQ(s.integral(1), 4.0 * 4.5 + 0.5 * 5.5);
  EXPECT_EQ(s.segment_at(2.7), 2u);
  EXPECT_EQ(s.segment_at(10.0), 6u);
}

TEST(Schedule, DefinitionsInAnyOrder) {
  ScheduleBuilder b = two_channels(10.0);
  b.set(0, 5.0, 6.0, 0.8, "late");
  b.set(0, 2.0, 3.0, 0.9, "early");
  const Schedule s = b.build();
  EXPECT_EQ(s.inputs(s.segment_at(2.5))[0], 0.9);
  EXPECT_EQ(s.inputs(s.segment_at(5.5))[0], 0.8);
}

TEST(Schedule, TouchingIntervalsDoNotOverlap) {
  ScheduleBuilder b = two_channels(1.0);
  // 4 x (4 min work + 3 min rest): the sums carry rounding error far below the time resolution.
  double t = 0.0;
  for (int i = 0; i < 4; ++i) {
    b.set(0, t, t + 4.0 / 60.0, 0.9, "work");
    t += 4.0 / 60.0;
    b.set(0, t, t + 3.0 / 60.0, 0.5, "rest");
    t += 3.0 / 60.0;
  }
  const Schedule s = b.build();
  EXPECT_EQ(s.segment_count(), 9u);  // 8 bouts and the tail
}

TEST(Schedule, DosesAttachToSegmentStarts) {
  ScheduleBuilder b = two_channels(24.0);
  b.dose(0, 8.0, 25.0, "breakfast");
  b.dose(0, 8.0, 5.0, "shake");
  b.dose(0, 0.0, 10.0, "start");
  const Schedule s = b.build();
  ASSERT_EQ(s.doses_at_start(0).size(), 1u);
  const std::size_t k = s.segment_at(8.0);
  EXPECT_EQ(s.breakpoints()[k], 8.0);
  EXPECT_EQ(s.doses_at_start(k).size(), 2u);
  EXPECT_DOUBLE_EQ(s.total_dose(0), 40.0);
}

TEST(Schedule, OverlapNamesBothDefinitions) {
  ScheduleBuilder b = two_channels(24.0);
  b.set(0, 1.0, 2.0, 0.9, "session on day 1 at 01:00");
  b.set(0, 1.5, 3.0, 0.7, "session on day 1 at 01:30");
  try {
    (void)b.build();
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "session on day 1 at 01:00 and session on day 1 at 01:30 overlap: both set "
                 "'intensity' between 1.5 h and 2 h");
  }
}

TEST(Schedule, RejectsBackwardAndOutsideIntervals) {
  ScheduleBuilder b = two_channels(24.0);
  EXPECT_THROW(b.set(0, 2.0, 1.0, 0.5, "backwards"), InputError);
  EXPECT_THROW(b.set(0, 23.0, 25.0, 0.5, "too late"), InputError);
  EXPECT_THROW(b.dose(0, 24.0, 1.0, "at the end"), InputError);
  EXPECT_THROW(ScheduleBuilder({}, {}, 0.0), InputError);
  try {
    b.set(0, 2.0, 1.0, 0.5, "bout 3");
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "bout 3: 'intensity' ends (1 h) before it begins (2 h)");
  }
}

TEST(Schedule, UnknownChannelListsKnownOnes) {
  const ScheduleBuilder b = two_channels(1.0);
  try {
    (void)b.channel("intensty");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "unknown input channel 'intensty'; known: intensity, carbs");
  }
}

}  // namespace
}  // namespace myoflux
