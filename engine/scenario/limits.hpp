// How much one scenario may ask for, in one place. Each limit is far above what a published
// protocol needs and low enough that a hostile or mistaken file is rejected before it costs
// much memory or time (docs/scenarios.md, "Limits", lists the same numbers).
#pragma once

#include <cstddef>

namespace myoflux::scenario {

/// Session segments after expansion: a two-year plan with a 25-segment session every day fits.
inline constexpr std::size_t kMaxSegments = 20000;
/// Meals, drinks and session doses after expansion: two years of 12 meals a day fit.
inline constexpr std::size_t kMaxIntakes = 50000;
/// Meals in the daily diet.
inline constexpr std::size_t kMaxMeals = 12;
/// Files in one `extends` chain.
inline constexpr std::size_t kMaxExtendsDepth = 16;
/// Arms in a study (a sweep runs more).
inline constexpr std::size_t kMaxArms = 64;

}  // namespace myoflux::scenario
