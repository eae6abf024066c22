#include "engine/sbml/sbml_units.hpp"

#include <cctype>
#include <cmath>
#include <vector>

namespace myoflux::sbml {
namespace {

struct Atom {
  std::string_view symbol;
  double factor;
  std::string_view kind;  // "" for a pure number
  int exponent;
};

// Every unit word the model's tables use; one line each.
constexpr Atom kAtoms[] = {
    {"1", 1.0, "", 0},           {"%", 0.01, "", 0},          {"AU", 1.0, "", 0},
    {"fold", 1.0, "", 0},        {"g", 1.0, "gram", 1},       {"kg", 1e3, "gram", 1},
    {"mg", 1e-3, "gram", 1},     {"L", 1.0, "litre", 1},      {"mL", 1e-3, "litre", 1},
    {"mol", 1.0, "mole", 1},     {"mmol", 1e-3, "mole", 1},   {"umol", 1e-6, "mole", 1},
    {"pmol", 1e-12, "mole", 1},  {"s", 1.0, "second", 1},     {"min", 60.0, "second", 1},
    {"h", 3600.0, "second", 1},  {"day", 86400.0, "second", 1}, {"week", 604800.0, "second", 1},
    {"km", 1e3, "metre", 1},     {"m", 1.0, "metre", 1},      {"kcal", 4184.0, "joule", 1},
};

void multiply_units(SbmlUnit& u, const SbmlUnit& b, int sign) {
  u.factor *= std::pow(b.factor, sign);
  for (const auto& [kind, e] : b.exponents) {
    const int sum = (u.exponents[kind] += sign * e);
    if (sum == 0) u.exponents.erase(kind);
  }
}

std::vector<std::string_view> split_unit_text(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string_view::npos;
       start = at + separator.size())
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

/// "kg dw": words multiplied, "dw" only a qualifier.
std::optional<SbmlUnit> unit_product(std::string_view words) {
  SbmlUnit u;
  bool any = false;
  for (std::string_view w : split_unit_text(words, " ")) {
    if (w.empty() || w == "dw") continue;
    if (w == "U") {  // enzyme unit: 1 umol of substrate per minute
      multiply_units(u, SbmlUnit{1e-6 / 60.0, {{"mole", 1}, {"second", -1}}}, 1);
      any = true;
      continue;
    }
    const Atom* found = nullptr;
    for (const Atom& a : kAtoms)
      if (a.symbol == w) found = &a;
    if (!found) return std::nullopt;
    SbmlUnit atom{found->factor, {}};
    if (!found->kind.empty()) atom.exponents[std::string(found->kind)] = found->exponent;
    multiply_units(u, atom, 1);
    any = true;
  }
  if (!any) return std::nullopt;
  return u;
}

/// "mmol/kg dw/h": the first part divided by each later one.
std::optional<SbmlUnit> unit_quotient(std::string_view text) {
  const std::vector<std::string_view> parts = split_unit_text(text, "/");
  std::optional<SbmlUnit> u = unit_product(parts[0]);
  for (std::size_t i = 1; u && i < parts.size(); ++i) {
    const std::optional<SbmlUnit> d = unit_product(parts[i]);
    if (!d) return std::nullopt;
    multiply_units(*u, *d, -1);
  }
  return u;
}

}  // namespace

std::optional<SbmlUnit> sbml_unit(std::string_view text) {
  if (text.rfind("fraction of ", 0) == 0) return SbmlUnit{};
  // "pmol/L per g/h": (pmol/L) / (g/h).
  const std::vector<std::string_view> parts = split_unit_text(text, " per ");
  std::optional<SbmlUnit> u = unit_quotient(parts[0]);
  for (std::size_t i = 1; u && i < parts.size(); ++i) {
    const std::optional<SbmlUnit> d = unit_quotient(parts[i]);
    if (!d) return std::nullopt;
    multiply_units(*u, *d, -1);
  }
  return u;
}

std::string sbml_unit_id(std::string_view text) {
  std::string id = "u_";
  for (std::string_view word : split_unit_text(text, " ")) {
    if (word.empty()) continue;
    if (id.size() > 2) id += "_";
    for (char c : word) {
      if (std::isalnum(static_cast<unsigned char>(c))) id += c;
      else if (c == '/') id += "_per_";
      else if (c == '%') id += "percent";
      else id += "_";
    }
  }
  return id;
}

}  // namespace myoflux::sbml
