// Safe YAML reading for scenario files: a small document tree in which every node keeps its
// file:line:column, built from yaml-cpp's event parser so that duplicate keys, hostile nesting,
// alias bombs, oversized input and bad UTF-8 are rejected before anything else looks at the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace myoflux::scenario {

struct MapEntry;

/// A YAML node with its source location. Mappings keep their keys in file order.
struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;   // the text of a scalar
  int text_column = 0;  // columns from the mark to the scalar's first character (1 after a quote)
  SourceMark mark;      // where the node starts
  std::vector<YamlNode> items;    // sequence items
  std::vector<MapEntry> entries;  // mapping entries

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  /// The entry's value, or nullptr; only meaningful for mappings.
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
  /// Removes an entry if present.
  void erase(std::string_view key);
  /// Nodes in this subtree, itself included.
  std::size_t subtree_size() const;
};

struct MapEntry {
  std::string key;
  SourceMark key_mark;
  YamlNode value;
};

/// What a kind of node is called in messages: "a mapping", "a list", "a value", "nothing".
std::string_view kind_noun(const YamlNode& node);

/// Bounds that keep a hostile file from costing more than a well-formed large one.
struct ReadLimits {
  std::size_t max_bytes = 1u << 20;         // 1 MiB: the largest library file is ~5 kB
  int max_depth = 32;                       // nesting of mappings and lists
  std::size_t max_nodes = 100000;           // after expanding aliases (stops "billion laughs")
  std::size_t max_scalar_bytes = 1u << 16;  // one value
};

/// Reads one YAML document. `origin` names the text in marks (a file name, or "--set PATH").
/// With `origin_has_lines` false every mark is just the origin (for one-line command-line values).
/// Throws ScenarioError for invalid UTF-8, YAML syntax errors, duplicate keys, non-text keys,
/// more than one document and exceeded limits. An empty or comment-only text gives a null node.
YamlNode read_yaml(std::string_view text, const std::string& origin, bool origin_has_lines = true,
                   const ReadLimits& limits = {});

/// Throws ScenarioError at the first byte that is not well-formed UTF-8, or a control character
/// YAML does not allow. A leading UTF-8 byte-order mark is accepted.
void check_utf8(std::string_view text, const std::string& origin);

}  // namespace myoflux::scenario
