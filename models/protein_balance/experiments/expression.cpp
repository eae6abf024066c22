// A recursive-descent parser, one function per precedence level (lowest first):
//   or  <- and ("or" and)*          and <- not ("and" not)*        not <- "not" not | compare
//   compare <- sum (op sum)?        sum <- product (("+" | "-") product)*
//   product <- unary (("*" | "/") unary)*                          unary <- "-" unary | primary
//   primary <- number [time unit] | name ["." name] | name "(" args ")" | "(" or ")"
// Operators are left-associative, so "a - b - c" is (a - b) - c, as in C++.
#include "models/protein_balance/experiments/expression.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

#include "engine/units.hpp"

namespace myoflux::protein_balance {
namespace {

bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

class Parser {
 public:
  Parser(std::string_view text, const SourceMark& mark) : text_(text), mark_(mark) {}

  ExprPtr parse() {
    ExprPtr e = logical_or();
    skip_space();
    if (pos_ < text_.size())
      fail("an operator or the end of the expression, got '" + std::string(text_.substr(pos_)) +
           "'");
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& expected) const {
    throw ScenarioError(here(), "in \"" + std::string(text_) + "\": expected " + expected);
  }
  SourceMark here() const {
    SourceMark m = mark_;
    if (m.line > 0) m.column += static_cast<int>(pos_);
    return m;
  }
  void skip_space() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool take(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    // A word operator must not be the start of a longer name ("order", "notes").
    const std::size_t end = pos_ + token.size();
    if (is_name_char(token.back()) && end < text_.size() && is_name_char(text_[end])) return false;
    pos_ = end;
    return true;
  }
  ExprPtr node(Expr::Kind kind, std::string name, std::vector<ExprPtr> args, SourceMark mark) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->name = std::move(name);
    e->args = std::move(args);
    e->mark = std::move(mark);
    return e;
  }

  /// One level of left-associative binary operators: next (op next)*.
  template <class Next>
  ExprPtr left_to_right(Next next, std::initializer_list<std::string_view> ops) {
    ExprPtr e = (this->*next)();
    for (;;) {
      skip_space();
      const SourceMark m = here();
      const auto op =
          std::find_if(ops.begin(), ops.end(), [&](std::string_view o) { return take(o); });
      if (op == ops.end()) return e;
      e = node(Expr::Kind::binary, std::string(*op), {e, (this->*next)()}, m);
    }
  }

  ExprPtr logical_or() { return left_to_right(&Parser::logical_and, {"or"}); }
  ExprPtr logical_and() { return left_to_right(&Parser::logical_not, {"and"}); }
  ExprPtr logical_not() {
    skip_space();
    const SourceMark m = here();
    if (take("not")) return node(Expr::Kind::logical_not, "not", {logical_not()}, m);
    return compare();
  }
  ExprPtr compare() {
    ExprPtr e = sum();
    skip_space();
    const SourceMark m = here();
    for (std::string_view op : {"<=", ">=", "==", "!=", "<", ">"})
      if (take(op)) return node(Expr::Kind::binary, std::string(op), {e, sum()}, m);
    return e;
  }
  ExprPtr sum() { return left_to_right(&Parser::product, {"+", "-"}); }
  ExprPtr product() { return left_to_right(&Parser::unary, {"*", "/"}); }
  ExprPtr unary() {
    skip_space();
    const SourceMark m = here();
    if (take("-")) return node(Expr::Kind::negate, "-", {unary()}, m);
    return primary();
  }

  std::string name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  ExprPtr primary() {
    skip_space();
    const SourceMark m = here();
    if (pos_ >= text_.size()) fail("a number, a name or '('");
    const char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      ExprPtr e = logical_or();
      if (!take(")")) fail("')'");
      return e;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number(m);
    if (!is_name_start(c)) fail("a number, a name or '('");
    std::string word = name();
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || !is_name_start(text_[pos_]))
        fail("an output name after '" + word + ".' (e.g. " + word + ".mps_fold)");
      ExprPtr e = node(Expr::Kind::series, std::move(word), {}, m);
      std::const_pointer_cast<Expr>(e)->member = name();
      return e;
    }
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '(') {
      ++pos_;
      std::vector<ExprPtr> args;
      if (!take(")")) {
        do args.push_back(logical_or());
        while (take(","));
        if (!take(")")) fail("',' or ')'");
      }
      return node(Expr::Kind::call, std::move(word), std::move(args), m);
    }
    return node(Expr::Kind::name, std::move(word), {}, m);
  }

  /// A number, and a time unit after it if one follows ("5 min" is 5 x (1/60) h, as units.cpp
  /// converts it).
  ExprPtr number(const SourceMark& m) {
    double value = 0.0;
    const char* first = text_.data() + pos_;
    const auto [end, ec] = std::from_chars(first, text_.data() + text_.size(), value);
    if (ec != std::errc()) fail("a number");
    pos_ += static_cast<std::size_t>(end - first);
    const std::size_t before_unit = pos_;
    skip_space();
    if (pos_ < text_.size() && is_name_start(text_[pos_])) {
      const std::size_t unit_at = pos_;
      const std::string unit = name();
      const bool is_operator = unit == "and" || unit == "or" || unit == "not";
      const UnitInfo* found = nullptr;
      for (const UnitInfo& u : unit_table())
        if (u.symbol == unit && u.dimension == Dimension::time) found = &u;
      if (found != nullptr) {
        value *= found->to_internal;
      } else if (is_operator) {
        pos_ = before_unit;
      } else {
        pos_ = unit_at;
        fail("a time unit (s, min, h, day, week) or an operator after the number");
      }
    }
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::number;
    e->number = value;
    e->mark = m;
    return e;
  }

  std::string_view text_;
  SourceMark mark_;
  std::size_t pos_ = 0;
};

}  // namespace

ExprPtr parse_expression(std::string_view text, const SourceMark& mark) {
  return Parser(text, mark).parse();
}

std::string expression_text(const Expr& e) {
  std::ostringstream out;
  switch (e.kind) {
    case Expr::Kind::number:
      out << e.number;
      break;
    case Expr::Kind::name:
      out << e.name;
      break;
    case Expr::Kind::series:
      out << e.name << "." << e.member;
      break;
    case Expr::Kind::call:
      out << e.name << "(";
      for (std::size_t i = 0; i < e.args.size(); ++i)
        out << (i ? ", " : "") << expression_text(*e.args[i]);
      out << ")";
      break;
    case Expr::Kind::negate:
      out << "-" << expression_text(*e.args[0]);
      break;
    case Expr::Kind::logical_not:
      out << "not " << expression_text(*e.args[0]);
      break;
    case Expr::Kind::binary:
      out << "(" << expression_text(*e.args[0]) << " " << e.name << " "
          << expression_text(*e.args[1]) << ")";
      break;
  }
  return out.str();
}

}  // namespace myoflux::protein_balance
