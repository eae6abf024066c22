// docs/model.md must say what the code does: its state, output, parameter and target tables are
// compared row by row with the code and targets.yaml, and every equation written above the
// right-hand side in equations.hpp must appear in it verbatim. On a mismatch the test prints the table
// the document should hold; run it with MYOFLUX_UPDATE_DOCS=1 to write the tables into
// docs/model.md (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/markdown_tables.hpp"
#include "models/protein_balance/experiments/targets.hpp"
#include "models/protein_balance/outputs.hpp"
#include "models/protein_balance/parameters.hpp"
#include "models/protein_balance/states.hpp"
#include "tests/support/doc_tables.hpp"

namespace myoflux::protein_balance {
namespace {

/// A table cell: a '|' would end it early.
std::string cell(std::string s) {
  for (char& c : s)
    if (c == '|') c = '/';
  return s;
}

std::string target_table_markdown() {
  std::ostringstream md;
  md << "| target | what | published | tolerance | source | known failure |\n"
        "|---|---|---|---|---|---|\n";
  for (const Target& t : targets())
    md << "| `" << t.id << "` | " << cell(t.what) << " | " << cell(t.published) << " | "
       << cell(t.tolerance) << " | " << cell(t.source) << " | " << cell(t.known_failure) << " |\n";
  return md.str();
}

/// Replaces the text between the markers of `marker` by `table`.
std::string with_table(std::string doc, const std::string& marker, const std::string& table) {
  const std::string open = "<!-- " + marker + " -->", close = "<!-- /" + marker + " -->";
  const std::size_t a = doc.find(open), b = doc.find(close);
  if (a == std::string::npos || b == std::string::npos) return doc;
  const std::size_t start = doc.find('\n', a) + 1;
  return doc.replace(start, b - start, table);
}

/// Each marked table of docs/model.md and what the code says it holds.
std::vector<std::pair<std::string, std::string>> expected_tables() {
  return {{"state-table", state_table_markdown(state_table())},
          {"output-table", output_table_markdown(output_table())},
          {"parameter-table", parameter_table_markdown(parameter_table())},  // `myoflux params`
          {"target-table", target_table_markdown()}};
}

TEST(ModelDoc, TablesMatchTheCode) {
  if (std::getenv("MYOFLUX_UPDATE_DOCS") != nullptr) {
    std::string doc = testing::read_source_file("docs/model.md");
    for (const auto& [marker, table] : expected_tables()) doc = with_table(doc, marker, table);
    std::ofstream(std::string(MYOFLUX_SOURCE_DIR) + "/docs/model.md") << doc;
  }
  const std::string doc = testing::read_source_file("docs/model.md");
  ASSERT_FALSE(doc.empty()) << "docs/model.md is missing";
  for (const auto& [marker, table] : expected_tables())
    EXPECT_EQ(testing::between_markers(doc, marker), table)
        << "docs/model.md should hold between its " << marker << " markers:\n"
        << table;
}

// The tables are filled row by row under their enum values: a value without its row would leave
// an empty name, and two rows under one value a missing and a doubled one.
TEST(ModelDoc, EveryStateAndOutputHasItsRow) {
  std::set<std::string> names;
  for (const StateInfo& s : state_table()) {
    EXPECT_FALSE(s.name.empty() || s.unit.empty() || s.description.empty());
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_LT(s.lower, s.upper) << s.name;
    EXPECT_GT(s.scale, 0.0) << s.name;
  }
  names.clear();
  for (const VariableInfo& v : output_table()) {
    EXPECT_FALSE(v.name.empty() || v.unit.empty() || v.description.empty());
    EXPECT_TRUE(names.insert(v.name).second) << v.name;
  }
}

// The equations are the comment lines of equations.hpp that state a rate: "d<x>/dt = ...".
TEST(ModelDoc, EveryEquationOfTheCodeIsInTheDocument) {
  const std::string doc = testing::read_source_file("docs/model.md");
  std::istringstream code(testing::read_source_file("models/protein_balance/equations.hpp"));
  int equations = 0;
  for (std::string line; std::getline(code, line);) {
    const std::size_t comment = line.find("//");
    if (comment == std::string::npos || line.find("/dt =", comment) == std::string::npos) continue;
    std::string text = line.substr(comment + 2);
    // The equation starts at its first "d...". Some comments put a label before it ("Myostatin: ").
    const std::size_t colon = text.find(": d");
    if (colon != std::string::npos) text = text.substr(colon + 2);
    text = text.substr(text.find_first_not_of(' '));
    ++equations;
    EXPECT_NE(doc.find(text), std::string::npos) << "docs/model.md lacks the equation\n  " << text;
  }
  EXPECT_GE(equations, 15);  // the extraction must find the rate equations (18 lines hold them)
}

}  // namespace
}  // namespace myoflux::protein_balance
