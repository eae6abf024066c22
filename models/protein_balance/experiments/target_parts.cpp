// Reading the parts of a targets.yaml entry: its runs (whose studies and arms must exist), its
// checks, model text, figures and functions.
#include <sstream>

#include "models/protein_balance/experiments/target_reading.hpp"

namespace myoflux::protein_balance::reading {

std::string name_of(const scenario::MapEntry& e, std::string_view what) {
  const std::string& k = e.key;
  const bool ok = !k.empty() && (std::isalpha(static_cast<unsigned char>(k[0])) || k[0] == '_') &&
                  std::all_of(k.begin(), k.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                  });
  if (!ok)
    fail(e.key_mark, std::string(what) + " name '" + k +
                         "' must be letters, digits and '_', starting with a letter (e.g. "
                         "exercised_leg)");
  return k;
}

void require_arm(const Mapping& m, const std::string& file, const std::string& arm,
                 const std::vector<FieldOverride>& sets,
                 const std::filesystem::path& scenario_dir) {
  std::vector<std::string_view> arms;
  std::vector<std::string> names;
  try {
    for (const Scenario& a : load_study(scenario_dir / file, sets).arms) names.push_back(a.name);
  } catch (const InputError& e) {
    fail(m.required("study", "").mark, m.what() + ": " + e.what());
  }
  arms.assign(names.begin(), names.end());
  if (!contains(arms, arm))
    fail(m.required("arm", "").mark, file + " has no arm '" + arm + "'" + did_you_mean(arm, arms) +
                                         "; its arms: " + list(arms));
}

TargetRun read_run(const scenario::MapEntry& entry, const std::filesystem::path& scenario_dir) {
  TargetRun run;
  run.name = name_of(entry, "a run");
  const Mapping m(entry.value, "run '" + run.name + "'",
                  {"study", "arm", "set", "output_interval", "intensity_sweep"});
  if (const YamlNode* sweep = m.optional("intensity_sweep")) {
    const Mapping s(*sweep, "the intensity sweep of run '" + run.name + "'",
                    {"modality", "from", "to", "step"});
    const std::string modality = s.text("modality", "running");
    std::vector<std::string_view> names;
    bool found = false;
    for (int i = 0; i <= static_cast<int>(Modality::resistance); ++i) {
      const auto mod = static_cast<Modality>(i);
      names.push_back(modality_name(mod));
      if (modality_name(mod) == modality) run.modality = mod, found = true;
    }
    if (!found)
      fail(s.required("modality", "").mark,
           "unknown modality '" + modality + "'" + did_you_mean(modality, names));
    run.intensity_sweep = true;
    run.from = number(s.required("from", "0.2"), "'from'");
    run.to = number(s.required("to", "1.0"), "'to'");
    run.step = number(s.required("step", "0.01"), "'step'");
    if (!(run.step > 0.0) || !(run.to >= run.from))
      fail(sweep->mark, "the intensity sweep needs from <= to and a positive step");
    return run;
  }
  run.study = m.text("study", "studies/bohe2001_infusion.yaml");
  run.arm = m.text("arm", "bohe2001_infusion");
  if (const YamlNode* sets = m.optional("set")) {
    const Mapping s(*sets, "the fields set in run '" + run.name + "'", {});
    for (const scenario::MapEntry& e : sets->entries)
      run.sets.push_back({e.key, s.scalar(e.value, e.key, "48 h")});
  }
  if (const YamlNode* interval = m.optional("output_interval"))
    run.output_interval_h = duration_h(*interval, "'output_interval'");
  // The study and arm must exist (with the fields set), so that a slip shows here, not in a run.
  require_arm(m, run.study, run.arm, run.sets, scenario_dir);
  return run;
}

std::vector<TextPiece> read_template(const YamlNode& node, const Names& names) {
  if (!node.is_scalar()) fail(node.mark, "'model' must be a text such as \"{csa} %\"");
  const std::string& s = node.scalar;
  std::vector<TextPiece> pieces;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t open = s.find('{', pos);
    TextPiece piece;
    piece.literal = s.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
    if (piece.literal.find('}') != std::string::npos)
      fail(mark_at(node, pos + piece.literal.find('}')), "'}' without its '{' in 'model'");
    if (open == std::string::npos) {
      pieces.push_back(std::move(piece));
      break;
    }
    const std::size_t close = s.find('}', open);
    if (close == std::string::npos) fail(mark_at(node, open), "'{' without its '}' in 'model'");
    std::string inside = s.substr(open + 1, close - open - 1);
    const std::size_t colon = inside.find(':');
    if (colon != std::string::npos) {
      const std::string digits = inside.substr(colon + 1);
      const auto [end, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), piece.digits);
      if (ec != std::errc() || end != digits.data() + digits.size() || piece.digits < 1 ||
          piece.digits > 17)
        fail(mark_at(node, open + 1 + colon), "{value:N} takes a number of digits from 1 to 17");
      inside.resize(colon);
    }
    if (std::find(names.values.begin(), names.values.end(), inside) == names.values.end()) {
      const std::vector<std::string_view> known(names.values.begin(), names.values.end());
      fail(mark_at(node, open + 1),
           "unknown value '" + inside + "' in 'model'" + did_you_mean(inside, known));
    }
    piece.value = std::move(inside);
    pieces.push_back(std::move(piece));
    pos = close + 1;
  }
  return pieces;
}

Check read_check(const YamlNode& node, const Names& names) {
  if (!node.is_scalar()) fail(node.mark, "a check is written within(x, published, tolerance)");
  const ExprPtr e = parse_expression(node.scalar, mark_at(node));
  static const std::pair<std::string_view, Check::Kind> kinds[] = {
      {"within", Check::Kind::within},
      {"at_most", Check::Kind::at_most},
      {"at_least", Check::Kind::at_least},
      {"holds", Check::Kind::holds}};
  if (e->kind == Expr::Kind::call)
    for (const auto& [name, kind] : kinds) {
      if (e->name != name) continue;
      const bool holds = kind == Check::Kind::holds;
      if (holds ? (e->args.empty() || e->args.size() > 2) : e->args.size() != 3)
        fail(e->mark,
             std::string(name) + (holds ? "() takes a condition and an optional penalty"
                                        : "() takes three arguments, e.g. within(csa, 10.6, 2.7)"));
      for (const ExprPtr& a : e->args) check_names(*a, names);
      return {kind, e->args};
    }
  fail(e->mark,
       "a check is within(x, published, tolerance), at_most(x, limit, scale), at_least(x, limit, "
       "scale) or holds(condition, penalty)");
}

std::vector<ExprPtr> expression_list(const YamlNode& node, const Names& names,
                                     std::string_view what) {
  if (!node.is_sequence())
    fail(node.mark, std::string(what) + " must be a list such as [0, 5, 10]");
  std::vector<ExprPtr> out;
  for (const YamlNode& item : node.items) out.push_back(expression(item, names, what));
  return out;
}

SeriesSpec read_series(const YamlNode& node, const Names& names) {
  const Mapping m(node, "a series",
                  {"figure", "title", "x_label", "y_label", "label", "points", "line", "start",
                   "duration", "x_unit", "every", "x", "y", "y_error", "for"});
  SeriesSpec s;
  s.labels.figure = m.text("figure", "bohe2001");
  s.labels.title = m.optional_text("title", "\"Bohe 2001: amino acid infusion\"");
  s.labels.x_label = m.optional_text("x_label", "time after the feed (min)");
  s.labels.y_label = m.optional_text("y_label", "MPS (fold of basal)");
  s.labels.label = m.optional_text("label", "model");
  if (const YamlNode* p = m.optional("points")) {
    const std::string v = m.scalar(*p, "points", "true");
    if (v != "true" && v != "false") fail(p->mark, "'points' is true or false");
    s.labels.points = v == "true";
  }
  if (const YamlNode* line = m.optional("line")) {
    s.kind = SeriesSpec::Kind::line;
    if (!line->is_scalar()) fail(line->mark, "'line' names a run's output, e.g. run.mps_fold");
    s.line = parse_expression(line->scalar, mark_at(*line));
    check_series(*s.line, names);
    if (const YamlNode* v = m.optional("start")) s.start = expression(*v, names, "'start'");
    if (const YamlNode* v = m.optional("duration"))
      s.duration = expression(*v, names, "'duration'");
    if (const YamlNode* v = m.optional("x_unit")) {
      s.x_unit = m.scalar(*v, "x_unit", "min");
      if (s.x_unit != "min" && s.x_unit != "h" && s.x_unit != "day" && s.x_unit != "%")
        fail(v->mark, "'x_unit' is min, h, day or % (of a fraction), got \"" + s.x_unit + "\"");
    }
    if (const YamlNode* v = m.optional("every")) {
      s.every = static_cast<long>(number(*v, "'every'"));
      if (s.every < 1 || static_cast<double>(s.every) != number(*v, "'every'"))
        fail(v->mark, "'every' is a whole number of samples, 1 or more");
    }
    return s;
  }
  if (const YamlNode* loop = m.optional("for")) {
    s.kind = SeriesSpec::Kind::curve;
    if (!loop->is_map() || loop->entries.size() != 1 || !loop->entries[0].value.is_sequence() ||
        loop->entries[0].value.items.size() != 3)
      fail(loop->mark, "'for' takes one variable and its range, e.g. for: {t: [2, 30, 1]}");
    s.variable = name_of(loop->entries[0], "a loop variable");
    const std::vector<ExprPtr> range = expression_list(loop->entries[0].value, names, "the range");
    s.from = range[0], s.to = range[1], s.step = range[2];
    Names inner = names;
    inner.values.push_back(s.variable);
    s.x_of = expression(m.required("x", s.variable), inner, "'x'");
    s.y_of = expression(m.required("y", "rise(" + s.variable + ")"), inner, "'y'");
    return s;
  }
  s.kind = SeriesSpec::Kind::list;
  s.x = expression_list(m.required("x", "[0, 5, 10]"), names, "'x'");
  s.y = expression_list(m.required("y", "[fsr_0, fsr_5, fsr_10]"), names, "'y'");
  if (const YamlNode* e = m.optional("y_error"))
    s.y_error = expression_list(*e, names, "'y_error'");
  if (s.y.size() != s.x.size() || (!s.y_error.empty() && s.y_error.size() != s.x.size()))
    fail(node.mark, "'x', 'y' and 'y_error' of a series must be lists of the same length");
  return s;
}

UserFunction read_function(const scenario::MapEntry& entry, const Names& names) {
  // "name(a, b)": the key is the signature.
  const std::string& k = entry.key;
  const std::size_t open = k.find('('), close = k.rfind(')');
  if (open == std::string::npos || close != k.size() - 1)
    fail(entry.key_mark, "a function is written name(a, b): expression, got '" + k + "'");
  UserFunction f;
  f.name = k.substr(0, open);
  std::istringstream params(k.substr(open + 1, close - open - 1));
  Names inner = names;
  for (std::string p; std::getline(params, p, ',');) {
    p.erase(0, p.find_first_not_of(' '));
    p.erase(p.find_last_not_of(' ') + 1);
    f.parameters.push_back(p);
    inner.values.push_back(p);
  }
  f.body = expression(entry.value, inner, "a function");
  return f;
}

}  // namespace myoflux::protein_balance::reading
