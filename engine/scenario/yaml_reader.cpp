// Builds a YamlNode tree from yaml-cpp's parser events. yaml-cpp's own Node API keeps neither
// duplicate keys nor a budget for aliases, so the tree is built here, where every limit is checked
// as the events arrive: a hostile file is stopped at the first event that crosses a limit.
#include "engine/scenario/yaml_reader.hpp"

#include "engine/utf8.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>
#include <unordered_map>

namespace myoflux::scenario {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const MapEntry& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (MapEntry& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

void YamlNode::erase(std::string_view key) {
  std::erase_if(entries, [&](const MapEntry& e) { return e.key == key; });
}

std::size_t YamlNode::subtree_size() const {
  std::size_t n = 1;
  for (const YamlNode& item : items) n += item.subtree_size();
  for (const MapEntry& e : entries) n += 1 + e.value.subtree_size();
  return n;
}

std::string_view kind_noun(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "nothing";
    case YamlNode::Kind::scalar:
      return "a single value";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::map:
      return "a mapping (key: value lines)";
  }
  return "?";
}

namespace {

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& origin, bool has_lines,
              const ReadLimits& limits)
      : text_(text), origin_(origin), has_lines_(has_lines), limits_(limits) {}

  bool has_root() const { return has_root_; }
  YamlNode take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_++ > 0)
      throw ScenarioError(to_mark(mark),
                          "a scenario file holds one YAML document; remove the '---' that starts a "
                          "second one here");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.mark = to_mark(mark);
    finish(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw ScenarioError(to_mark(mark), "an alias cannot refer to a node that contains it");
    count_nodes(it->second.subtree_size(), to_mark(mark));
    finish(YamlNode(it->second), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > limits_.max_scalar_bytes)
      throw ScenarioError(to_mark(mark), "this value is " + std::to_string(value.size()) +
                                             " bytes long; values are limited to " +
                                             std::to_string(limits_.max_scalar_bytes) + " bytes");
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.scalar = value;
    node.mark = to_mark(mark);
    const auto pos = static_cast<std::size_t>(mark.pos);
    if (mark.pos >= 0 && pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\''))
      node.text_column = 1;
    finish(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    bool has_key = false;  // a key was read; the next node is its value
    std::string key;
    SourceMark key_mark;
    std::unordered_map<std::string, SourceMark> seen;  // keys so far (hashing keeps this linear)
  };

  SourceMark to_mark(const YAML::Mark& m) const {
    if (!has_lines_ || m.is_null()) return SourceMark{origin_, 0, 0};
    return SourceMark{origin_, m.line + 1, m.column + 1};
  }

  void count_nodes(std::size_t n, const SourceMark& at) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes)
      throw ScenarioError(at, "the document expands to more than " +
                                  std::to_string(limits_.max_nodes) +
                                  " nodes (aliases included); a scenario needs far "
                                  "fewer, so this looks like an alias bomb");
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    count_nodes(1, to_mark(mark));
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw ScenarioError(to_mark(mark), "nesting deeper than " +
                                             std::to_string(limits_.max_depth) +
                                             " levels; scenario files need fewer than 10");
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = to_mark(mark);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    finish(std::move(frame.node), frame.anchor);
  }

  void finish(YamlNode node, YAML::anchor_t anchor) {
    if (node.kind != YamlNode::Kind::sequence && node.kind != YamlNode::Kind::map)
      count_nodes(1, node.mark);  // containers were counted when they opened
    if (anchor != 0) {
      // The anchored copy costs memory too: nested anchors must not escape the budget.
      count_nodes(node.subtree_size(), node.mark);
      anchors_[anchor] = node;
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == YamlNode::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.has_key) {
      accept_key(parent, node);
    } else {
      parent.node.entries.push_back({std::move(parent.key), parent.key_mark, std::move(node)});
      parent.has_key = false;
    }
  }

  static void accept_key(Frame& parent, const YamlNode& key) {
    if (!key.is_scalar())
      throw ScenarioError(
          key.mark, "a key must be a name such as 'duration', got " + std::string(kind_noun(key)));
    const auto [it, inserted] = parent.seen.emplace(key.scalar, key.mark);
    if (!inserted)
      throw ScenarioError(key.mark, "duplicate key '" + key.scalar + "' (first given at " +
                                        it->second.str() + "); give each key once");
    parent.key = key.scalar;
    parent.key_mark = key.mark;
    parent.has_key = true;
  }

  std::string_view text_;
  const std::string& origin_;
  bool has_lines_;
  const ReadLimits& limits_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
  YamlNode root_;
  bool has_root_ = false;
};

}  // namespace

void check_utf8(std::string_view text, const std::string& origin) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
    throw ScenarioError(SourceMark{origin, 1, 1},
                        "the text is UTF-16 encoded; save it as UTF-8 (plain text)");
  std::size_t i = (text.substr(0, 3) == "\xEF\xBB\xBF") ? 3 : 0;
  int line = 1, column = 1;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      std::ostringstream hex;
      hex << std::hex << std::uppercase << static_cast<int>(c);
      throw ScenarioError(
          SourceMark{origin, line, column},
          "byte 0x" + hex.str() + " is not valid UTF-8; save the file as UTF-8 (plain text)");
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      throw ScenarioError(SourceMark{origin, line, column},
                          "control character " + std::to_string(c) +
                              " is not allowed in YAML; is this a text file?");
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      column += static_cast<int>(n);
    }
    i += n;
  }
}

YamlNode read_yaml(std::string_view text, const std::string& origin, bool origin_has_lines,
                   const ReadLimits& limits) {
  const SourceMark start{origin, origin_has_lines ? 1 : 0, origin_has_lines ? 1 : 0};
  if (text.size() > limits.max_bytes)
    throw ScenarioError(start, "the text is " + std::to_string(text.size()) +
                                   " bytes long; scenario files are limited to " +
                                   std::to_string(limits.max_bytes) + " bytes");
  check_utf8(text, origin);
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(text, origin, origin_has_lines, limits);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& e) {
    const SourceMark at = origin_has_lines && !e.mark.is_null()
                              ? SourceMark{origin, e.mark.line + 1, e.mark.column + 1}
                              : start;
    throw ScenarioError(
        at, "not valid YAML: " + e.msg + " (check indentation, brackets and quotes near here)");
  }
  if (!builder.has_root()) {
    YamlNode empty;
    empty.mark = start;
    return empty;
  }
  return builder.take_root();
}

}  // namespace myoflux::scenario
