#include "engine/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace myoflux {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string w = lowercase(word);
  std::size_t best = std::string::npos;
  std::string_view best_word;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(w, lowercase(c));
    if (d < best) best = d, best_word = c;
  }
  // Close means: at most a third of the shorter name (and at least one edit) away.
  const std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best_word.size()) / 3);
  if (best == std::string::npos || best > allowed) return "";
  return " (did you mean '" + std::string(best_word) + "'?)";
}

}  // namespace myoflux
