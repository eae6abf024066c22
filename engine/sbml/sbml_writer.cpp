#include "engine/sbml/sbml_writer.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "engine/sbml/sbml_units.hpp"

namespace myoflux::sbml {
namespace {

constexpr const char* kMathOpen =
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" "
    "xmlns:sbml=\"http://www.sbml.org/sbml/level3/version2/core\">";
constexpr const char* kAnnotationNamespace = "https://myoflux.invalid/sbml/parameter";
constexpr const char* kTimeUnit = "h";

std::string mathml_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

bool valid_id(const std::string& id) {
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

/// Units the document declares: myoflux unit text -> SBML unit reference ("" when there is none).
class UnitTable {
 public:
  std::string reference(const std::string& text) {
    auto found = refs_.find(text);
    if (found != refs_.end()) return found->second;
    const std::optional<SbmlUnit> u = sbml_unit(text);
    std::string ref;
    if (u && u->dimensionless()) {
      ref = "dimensionless";
    } else if (u) {
      ref = sbml_unit_id(text);
      definitions_.emplace_back(ref, text, *u);
    }
    return refs_[text] = ref;
  }

  void write(std::ostream& out) const {
    if (definitions_.empty()) return;
    out << "    <listOfUnitDefinitions>\n";
    for (const auto& [id, text, u] : definitions_) {
      out << "      <unitDefinition id=\"" << id << "\" name=\"" << xml_escaped(text)
          << "\">\n        <listOfUnits>\n";
      // The factor goes into the first kind's multiplier: (m kind)^e contributes m^e.
      bool factor_placed = u.factor == 1.0;
      if (u.exponents.empty())
        out << unit("dimensionless", 1, u.factor), factor_placed = true;
      for (const auto& [kind, e] : u.exponents) {
        const double m = factor_placed ? 1.0 : std::pow(u.factor, 1.0 / e);
        factor_placed = true;
        out << unit(kind, e, m);
      }
      out << "        </listOfUnits>\n      </unitDefinition>\n";
    }
    out << "    </listOfUnitDefinitions>\n";
  }

 private:
  static std::string unit(const std::string& kind, int exponent, double multiplier) {
    return "          <unit kind=\"" + kind + "\" exponent=\"" + std::to_string(exponent) +
           "\" scale=\"0\" multiplier=\"" + mathml_number(multiplier) + "\"/>\n";
  }
  std::map<std::string, std::string> refs_;
  std::vector<std::tuple<std::string, std::string, SbmlUnit>> definitions_;
};

class MathWriter {
 public:
  explicit MathWriter(const std::vector<SbmlState>& states) : states_(states) {}

  std::string operator()(const Expression& e) const {
    using Op = Expression::Op;
    const auto& a = e.operands();
    switch (e.op()) {
      case Op::constant: return constant(e.value());
      case Op::state: return "<ci>" + states_.at(static_cast<std::size_t>(e.index())).id + "</ci>";
      case Op::add: return apply("plus", a);
      case Op::subtract: return apply("minus", a);
      case Op::multiply: return apply("times", a);
      case Op::divide: return apply("divide", a);
      case Op::negate: return apply("minus", a);
      case Op::sqrt: return apply("root", a);
      case Op::exp: return apply("exp", a);
      case Op::log: return apply("ln", a);
      case Op::power: return apply("power", a);
      case Op::positive: return apply("max", {a[0], Expression(0.0)});
      case Op::smaller: return apply("min", a);
    }
    throw std::logic_error("write_sbml: unknown expression operation");
  }

  static std::string constant(double v, const std::string& units = "") {
    if (std::isnan(v)) return "<notanumber/>";
    if (std::isinf(v)) return v > 0 ? "<infinity/>" : "<apply><minus/><infinity/></apply>";
    const std::string u = units.empty() ? "" : " sbml:units=\"" + units + "\"";
    return "<cn" + u + ">" + mathml_number(v) + "</cn>";
  }

 private:
  std::string apply(const char* op, const std::vector<Expression>& operands) const {
    std::string text = "<apply><" + std::string(op) + "/>";
    for (const Expression& o : operands) text += (*this)(o);
    return text + "</apply>";
  }
  const std::vector<SbmlState>& states_;
};

void write_notes(std::ostream& out, const std::vector<std::string>& paragraphs,
                 const char* indent) {
  out << indent << "<notes>\n" << indent << "  <body xmlns=\"http://www.w3.org/1999/xhtml\">\n";
  for (const std::string& p : paragraphs) out << indent << "    <p>" << xml_escaped(p) << "</p>\n";
  out << indent << "  </body>\n" << indent << "</notes>\n";
}

std::string units_attribute(UnitTable& units, const std::string& text) {
  const std::string ref = units.reference(text);
  return ref.empty() ? "" : " units=\"" + ref + "\"";
}

/// piecewise(rate_0 if input_regime == 0, ..., otherwise the last), or the rate itself when every
/// regime has the same tree.
std::string rate_math(const SbmlDocument& doc, std::size_t state, const MathWriter& math) {
  std::vector<std::string> texts;
  for (const auto& regime : doc.rates) texts.push_back(math(regime.at(state)));
  if (std::set<std::string>(texts.begin(), texts.end()).size() == 1) return texts[0];
  std::string text = "<piecewise>";
  for (std::size_t r = 0; r + 1 < texts.size(); ++r)
    text += "<piece>" + texts[r] + "<apply><eq/><ci>input_regime</ci>" +
            MathWriter::constant(static_cast<double>(r), "dimensionless") + "</apply></piece>";
  return text + "<otherwise>" + texts.back() + "</otherwise></piecewise>";
}

}  // namespace

std::string write_sbml(const SbmlDocument& doc) {
  std::set<std::string> ids{"input_regime"};
  for (const auto& s : doc.states)
    if (!valid_id(s.id) || !ids.insert(s.id).second)
      throw std::logic_error("write_sbml: state name '" + s.id + "' is not a unique SBML id");
  for (const auto& p : doc.parameters)
    if (!valid_id(p.id) || !ids.insert(p.id).second)
      throw std::logic_error("write_sbml: parameter name '" + p.id + "' is not a unique SBML id");
  if (!valid_id(doc.id)) throw std::logic_error("write_sbml: '" + doc.id + "' is not an SBML id");

  UnitTable units;
  const std::string time_ref = units.reference(kTimeUnit);
  std::ostringstream body;
  const MathWriter math(doc.states);

  body << "    <listOfParameters>\n";
  for (const SbmlState& s : doc.states)
    body << "      <parameter id=\"" << s.id << "\" name=\"" << xml_escaped(s.description)
         << "\" value=\"" << mathml_number(s.initial) << "\"" << units_attribute(units, s.unit)
         << " constant=\"false\"/>\n";
  body << "      <parameter id=\"input_regime\" name=\"which set of input values holds now"
       << " (see the model notes)\" value=\"" << doc.initial_regime
       << "\" units=\"dimensionless\" constant=\"false\"/>\n";
  for (const SbmlParameter& p : doc.parameters) {
    body << "      <parameter id=\"" << p.id << "\" name=\"" << xml_escaped(p.description)
         << "\" value=\"" << mathml_number(p.value) << "\"" << units_attribute(units, p.unit)
         << " constant=\"true\">\n";
    std::vector<std::string> notes{p.description, "Unit: " + p.unit, "Source: " + p.source};
    if (p.value != p.default_value) notes.push_back("Set by the scenario; default " + mathml_number(p.default_value));
    write_notes(body, notes, "        ");
    body << "        <annotation>\n          <myoflux:parameter xmlns:myoflux=\""
         << kAnnotationNamespace << "\" unit=\"" << xml_escaped(p.unit) << "\" default=\""
         << mathml_number(p.default_value) << "\" min=\"" << mathml_number(p.min) << "\" max=\""
         << mathml_number(p.max) << "\" source=\"" << xml_escaped(p.source) << "\"/>\n"
         << "        </annotation>\n      </parameter>\n";
  }
  body << "    </listOfParameters>\n";

  body << "    <listOfRules>\n";
  for (std::size_t i = 0; i < doc.states.size(); ++i)
    body << "      <rateRule variable=\"" << doc.states[i].id << "\">" << kMathOpen
         << rate_math(doc, i, math) << "</math></rateRule>\n";
  body << "    </listOfRules>\n";

  if (!doc.events.empty()) {
    body << "    <listOfEvents>\n";
    int n = 0;
    for (const SbmlEvent& e : doc.events) {
      body << "      <event id=\"at_" << n++ << "\" useValuesFromTriggerTime=\"true\">\n"
           << "        <trigger initialValue=\"false\" persistent=\"true\">" << kMathOpen
           << "<apply><geq/><csymbol encoding=\"text\" "
              "definitionURL=\"http://www.sbml.org/sbml/symbols/time\">time</csymbol>"
           << MathWriter::constant(e.time_h, time_ref) << "</apply></math></trigger>\n"
           << "        <listOfEventAssignments>\n";
      if (e.regime >= 0)
        body << "          <eventAssignment variable=\"input_regime\">" << kMathOpen
             << MathWriter::constant(e.regime, "dimensionless") << "</math></eventAssignment>\n";
      for (const auto& [state, amount] : e.adds) {
        const SbmlState& s = doc.states.at(static_cast<std::size_t>(state));
        body << "          <eventAssignment variable=\"" << s.id << "\">" << kMathOpen
             << "<apply><plus/><ci>" << s.id << "</ci>"
             << MathWriter::constant(amount, units.reference(s.unit))
             << "</apply></math></eventAssignment>\n";
      }
      body << "        </listOfEventAssignments>\n      </event>\n";
    }
    body << "    </listOfEvents>\n";
  }

  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" "
         "version=\"2\">\n"
      << "  <model id=\"" << doc.id << "\" name=\"" << xml_escaped(doc.name) << "\" timeUnits=\""
      << time_ref << "\">\n";
  std::vector<std::string> notes = doc.notes;
  for (std::size_t r = 0; r < doc.regime_labels.size(); ++r)
    notes.push_back("input_regime " + std::to_string(r) + ": " + doc.regime_labels[r]);
  write_notes(out, notes, "    ");
  units.write(out);  // complete now: every unit was referenced while writing the body
  out << body.str() << "  </model>\n</sbml>\n";
  return out.str();
}

}  // namespace myoflux::sbml
