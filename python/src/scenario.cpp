// Scenarios and studies for Python: loading from a file or text, reloading with --set style
// overrides (the basis of Scenario.with_), and read-only views of the compiled scenario (subject,
// diet, timeline) as plain dicts and lists with the unit in every key.
#include <pybind11/stl.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <sstream>

#include "engine/scenario/channels.hpp"
#include "engine/scenario/describe.hpp"
#include "engine/scenario/scenario_fields.hpp"
#include "python/src/bindings.hpp"
#include "python/src/fields.hpp"

namespace myoflux::python {

/// A meal's protein as a dict type -> grams.
template <>
struct PythonValue<std::vector<ProteinPart>> {
  static py::object convert(const std::vector<ProteinPart>& parts) {
    py::dict d;
    for (const ProteinPart& p : parts) d[py::str(std::string(protein_type_name(p.type)))] = p.grams;
    return d;
  }
};

namespace {

using Kind = ScenarioOrigin::Kind;

std::vector<FieldOverride> to_sets(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<FieldOverride> sets;
  for (const auto& [path, value] : pairs) sets.push_back({path, value});
  return sets;
}

const Scenario& find_arm(const Study& study, const std::string& arm) {
  for (const Scenario& s : study.arms)
    if (s.name == arm) return s;
  throw InputError("study '" + study.name + "' has no arm '" + arm + "'");
}

py::list sessions_list(const Timeline& timeline) {
  py::list sessions;
  for (const TimelineSession& s : timeline.sessions) {
    double duration_h = 0.0;
    for (const TimelineSegment& g : s.segments)
      duration_h = std::max(duration_h, g.start_h + g.duration_h - s.start_h);
    py::dict session;
    session["name"] = s.name;
    session["start_h"] = s.start_h;
    session["duration_h"] = duration_h;
    session["segments"] = to_python(s.segments);
    sessions.append(session);
  }
  return sessions;
}

/// Intakes, then infusions, in one list: both are things taken in at `time_h`.
py::list intakes_list(const Timeline& timeline) {
  py::list intakes = to_python(timeline.intakes).cast<py::list>();
  for (const TimelineInfusion& f : timeline.infusions) intakes.append(to_dict(f));
  return intakes;
}

// The study's text with only `arm` left in its list of arms. Reloading an arm with overrides
// from this text changes that arm alone (load_study applies overrides to every arm, and a change
// that suits one arm, such as a shorter duration, may not suit the others). The text was
// accepted by the loader already, so plain yaml-cpp is safe here.
std::string one_arm_study_text(const std::string& text, const std::string& arm) {
  YAML::Node doc = YAML::Load(text);
  if (!doc.IsMap() || !doc["arms"] || !doc["arms"].IsSequence()) return text;
  YAML::Node kept(YAML::NodeType::Sequence);
  for (const YAML::Node& a : doc["arms"])
    if (a.IsMap() && a["name"] && a["name"].Scalar() == arm) kept.push_back(a);
  doc["arms"] = kept;
  YAML::Emitter out;
  out << doc;
  return out.c_str();
}

py::dict study_dict(const Study& study, const std::string& name, const std::string& base_dir,
                    const std::vector<FieldOverride>& sets) {
  py::list arms;
  for (const Scenario& s : study.arms) {
    ScenarioOrigin o{Kind::study_arm, "", study.text, name, base_dir, s.name, sets};
    arms.append(ScenarioHandle{std::make_shared<const Scenario>(s), std::move(o)});
  }
  py::dict d;
  d["name"] = study.name;
  d["description"] = study.description;
  d["sources"] = study.sources;
  d["file"] = study.file;
  d["arms"] = arms;
  return d;
}

}  // namespace

ScenarioHandle load_origin(ScenarioOrigin origin) {
  Scenario s;
  switch (origin.kind) {
    case Kind::file: {
      py::gil_scoped_release release;
      s = load_scenario(origin.path, origin.sets);
      break;
    }
    case Kind::text: {
      py::gil_scoped_release release;
      s = scenario_from_yaml(origin.text, origin.name, origin.sets, origin.base_dir);
      break;
    }
    case Kind::study_arm: {
      py::gil_scoped_release release;
      const Study study = study_from_yaml(one_arm_study_text(origin.text, origin.arm), origin.name,
                                          origin.sets, origin.base_dir);
      s = find_arm(study, origin.arm);
      break;
    }
  }
  return {std::make_shared<const Scenario>(std::move(s)), std::move(origin)};
}

void bind_scenario(py::module_& m) {
  using Sets = std::vector<std::pair<std::string, std::string>>;
  py::class_<ScenarioHandle, std::shared_ptr<ScenarioHandle>>(m, "Scenario")
      .def_property_readonly("name", [](const ScenarioHandle& h) { return h.compiled->name; })
      .def_property_readonly("description",
                             [](const ScenarioHandle& h) { return h.compiled->description; })
      .def_property_readonly("sources", [](const ScenarioHandle& h) { return h.compiled->sources; })
      .def_property_readonly("file", [](const ScenarioHandle& h) { return h.compiled->file; })
      .def_property_readonly("text", [](const ScenarioHandle& h) { return h.compiled->text; })
      .def_property_readonly("duration_h",
                             [](const ScenarioHandle& h) { return h.compiled->duration_h; })
      .def_property_readonly("output_interval_h",
                             [](const ScenarioHandle& h) { return h.compiled->output_interval_h; })
      .def_property_readonly("first_weekday",
                             [](const ScenarioHandle& h) { return h.compiled->first_weekday; })
      .def_property_readonly("subject",
                             [](const ScenarioHandle& h) { return to_dict(h.compiled->subject); })
      .def_property_readonly("diet",
                             [](const ScenarioHandle& h) { return to_dict(h.compiled->diet); })
      .def_property_readonly(
          "sessions", [](const ScenarioHandle& h) { return sessions_list(h.compiled->timeline); })
      .def_property_readonly(
          "intakes", [](const ScenarioHandle& h) { return intakes_list(h.compiled->timeline); })
      .def_property_readonly("parameter_overrides",
                             [](const ScenarioHandle& h) {
                               py::dict d;
                               for (const ParameterOverride& p : h.compiled->parameters)
                                 d[py::str(p.name)] = p.value;
                               return d;
                             })
      .def_property_readonly("overrides",
                             [](const ScenarioHandle& h) {
                               Sets out;
                               for (const FieldOverride& f : h.origin.sets)
                                 out.emplace_back(f.path, f.value);
                               return out;
                             })
      .def("describe",
           [](const ScenarioHandle& h, bool full) {
             std::ostringstream out;
             scenario::describe_scenario(out, *h.compiled, {.every_session_in_full = full});
             return out.str();
           })
      .def("with_sets", [](const ScenarioHandle& h, const Sets& extra) {
        ScenarioOrigin o = h.origin;
        for (FieldOverride& f : to_sets(extra)) o.sets.push_back(std::move(f));
        return load_origin(std::move(o));
      });

  m.def("load_scenario", [](const std::string& path, const Sets& sets) {
    return load_origin({Kind::file, path, "", "", ".", "", to_sets(sets)});
  });
  m.def("scenario_from_yaml", [](const std::string& text, const std::string& name,
                                 const std::string& base_dir, const Sets& sets) {
    return load_origin({Kind::text, "", text, name, base_dir, "", to_sets(sets)});
  });
  m.def("load_study", [](const std::string& path, const Sets& sets) {
    Study study;
    {
      py::gil_scoped_release release;
      study = load_study(path, to_sets(sets));
    }
    const std::string dir = std::filesystem::path(path).parent_path().string();
    return study_dict(study, path, dir.empty() ? "." : dir, to_sets(sets));
  });
  m.def("study_from_yaml", [](const std::string& text, const std::string& name,
                              const std::string& base_dir, const Sets& sets) {
    Study study;
    {
      py::gil_scoped_release release;
      study = study_from_yaml(text, name, to_sets(sets), base_dir);
    }
    return study_dict(study, name, base_dir, to_sets(sets));
  });
  m.def("parse_field_override", [](const std::string& assignment) {
    const FieldOverride f = parse_field_override(assignment);
    return std::make_pair(f.path, f.value);
  });
}

}  // namespace myoflux::python
