// "Did you mean ...?" for misspelt names (scenario keys, parameter names, arms): the closest
// candidate by edit distance, offered only when it is close.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace myoflux {

/// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);
/// " (did you mean 'x'?)" when one candidate is close to `word` (ignoring case), else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace myoflux
