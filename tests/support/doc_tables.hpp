// Reading the documentation from tests: a file of the source tree, the text between
// <!-- name --> and <!-- /name --> markers, and the body rows of a Markdown table there. Tests
// compare such tables with the code's own, so the documents cannot drift from the code.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace myoflux::testing {

using TableRows = std::vector<std::vector<std::string>>;

/// A file of the source tree, by its path relative to the repository root ("" if missing).
inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(MYOFLUX_SOURCE_DIR) + "/" + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The lines between "<!-- name -->" and "<!-- /name -->" (without the marker lines).
inline std::string between_markers(const std::string& doc, const std::string& name) {
  const std::size_t a = doc.find("<!-- " + name + " -->"), b = doc.find("<!-- /" + name + " -->");
  if (a == std::string::npos || b == std::string::npos) return "";
  const std::size_t start = doc.find('\n', a) + 1;
  return doc.substr(start, b - start);
}

/// Body rows (header and separator skipped) of the Markdown table between the markers, each
/// cell trimmed of spaces.
inline TableRows marked_table(const std::string& doc, const std::string& name) {
  TableRows rows;
  std::istringstream lines(between_markers(doc, name));
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '|') continue;
    if (n++ < 2) continue;
    std::vector<std::string> cells;
    std::istringstream parts(line.substr(1));
    for (std::string cell; std::getline(parts, cell, '|');) {
      const auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace myoflux::testing
