// myoflux unit texts ("umol/L", "mmol/kg dw/h", "pmol/L per g/h") as SBML unit definitions:
// a product of SBML base units (gram, litre, mole, second, metre, joule) with one overall factor.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace myoflux::sbml {

struct SbmlUnit {
  double factor = 1.0;                  // value in these base units = value x factor
  std::map<std::string, int> exponents;  // SBML unit kind -> exponent (no zeros)
  bool dimensionless() const { return exponents.empty() && factor == 1.0; }
};

/// The unit a text names, or nothing when a part of it has no SBML equivalent. Shares and counts
/// ("1", "g/g", "fraction of VO2max", "AU", "fold") are dimensionless; "dw" (dry weight) only
/// qualifies the mass before it; "%" is 0.01; "U" (enzyme unit) is umol/min.
std::optional<SbmlUnit> sbml_unit(std::string_view text);

/// A valid SBML identifier for a unit text: "umol/L" -> "umol_per_L".
std::string sbml_unit_id(std::string_view text);

}  // namespace myoflux::sbml
