// A model's equations for Python, for users who bring their own integrator and for the SciPy
// peer benchmark: rhs(t, y, u), the exact sparse Jacobian, the outputs at a state, and the
// scenario's schedule (breakpoints, the inputs of each segment and the doses) so that an
// integrator can go segment by segment as myoflux does.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "python/src/bindings.hpp"

namespace myoflux::python {
namespace {

using Array = py::array_t<double, py::array::c_style | py::array::forcecast>;

struct FunctionsHandle {
  std::shared_ptr<const ModelFunctions> f;
  std::shared_ptr<const Scenario> scenario;
  std::size_t n() const { return f->states().size(); }
};

const double* state_of(const FunctionsHandle& h, const Array& y) {
  if (y.ndim() != 1 || static_cast<std::size_t>(y.shape(0)) != h.n())
    throw InputError("y must hold one value per state (" + std::to_string(h.n()) + "), got shape " +
                     std::to_string(y.ndim() == 1 ? y.shape(0) : -1));
  return y.data();
}

std::span<const double> inputs_of(const FunctionsHandle& h, const Array& u) {
  const std::size_t want = h.f->input_channels().size();
  if (u.ndim() != 1 || static_cast<std::size_t>(u.shape(0)) != want)
    throw InputError("inputs must hold one value per input channel (" + std::to_string(want) +
                     ": see input_names)");
  return {u.data(), want};
}

}  // namespace

void bind_functions(py::module_& m) {
  py::class_<FunctionsHandle>(m, "ModelFunctions")
      .def_property_readonly("state_names",
                             [](const FunctionsHandle& h) {
                               std::vector<std::string> v;
                               for (const StateInfo& s : h.f->states()) v.push_back(s.name);
                               return v;
                             })
      .def_property_readonly("state_units",
                             [](const FunctionsHandle& h) {
                               std::vector<std::string> v;
                               for (const StateInfo& s : h.f->states()) v.push_back(s.unit);
                               return v;
                             })
      .def_property_readonly("state_scales",
                             [](const FunctionsHandle& h) {
                               std::vector<double> v;
                               for (const StateInfo& s : h.f->states()) v.push_back(s.scale);
                               return v;
                             })
      .def_property_readonly("input_names",
                             [](const FunctionsHandle& h) {
                               std::vector<std::string> v;
                               for (auto c : h.f->input_channels()) v.emplace_back(c);
                               return v;
                             })
      .def_property_readonly("output_names",
                             [](const FunctionsHandle& h) {
                               std::vector<std::string> v;
                               for (const VariableInfo& o : h.f->observables()) v.push_back(o.name);
                               return v;
                             })
      .def_property_readonly("exact_jacobian",
                             [](const FunctionsHandle& h) { return h.f->exact_jacobian(); })
      .def("initial_state",
           [](const FunctionsHandle& h) {
             const Eigen::VectorXd x = h.f->initial_state();
             return Array(static_cast<py::ssize_t>(x.size()), x.data());
           })
      .def(
          "rhs",
          [](const FunctionsHandle& h, double t, const Array& y, const Array& u) {
            Array out(static_cast<py::ssize_t>(h.n()));
            h.f->rhs(t, state_of(h, y), inputs_of(h, u), out.mutable_data());
            return out;
          },
          py::arg("t"), py::arg("y"), py::arg("inputs"))
      .def(
          "jacobian",
          [](const FunctionsHandle& h, double t, const Array& y, const Array& u) {
            const JacobianPattern& p = h.f->jacobian_pattern();
            std::vector<double> values(static_cast<std::size_t>(p.nonzeros()));
            h.f->jacobian(t, state_of(h, y), inputs_of(h, u), values.data());
            Array dense({static_cast<py::ssize_t>(p.n), static_cast<py::ssize_t>(p.n)});
            double* d = dense.mutable_data();
            std::fill(d, d + p.n * p.n, 0.0);
            for (int i = 0; i < p.n; ++i)
              for (int k = p.row_start[static_cast<std::size_t>(i)];
                   k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k)
                d[i * p.n + p.column[static_cast<std::size_t>(k)]] =
                    values[static_cast<std::size_t>(k)];
            return dense;
          },
          py::arg("t"), py::arg("y"), py::arg("inputs"))
      .def("jacobian_sparsity",
           [](const FunctionsHandle& h) {
             const JacobianPattern& p = h.f->jacobian_pattern();
             py::array_t<bool> mask({static_cast<py::ssize_t>(p.n), static_cast<py::ssize_t>(p.n)});
             bool* d = mask.mutable_data();
             std::fill(d, d + p.n * p.n, false);
             for (int i = 0; i < p.n; ++i)
               for (int k = p.row_start[static_cast<std::size_t>(i)];
                    k < p.row_start[static_cast<std::size_t>(i) + 1]; ++k)
                 d[i * p.n + p.column[static_cast<std::size_t>(k)]] = true;
             return mask;
           })
      .def(
          "observe",
          [](const FunctionsHandle& h, double t, const Array& y, const Array& u) {
            Array out(static_cast<py::ssize_t>(h.f->observables().size()));
            h.f->observe(t, state_of(h, y), inputs_of(h, u),
                         std::span<double>(out.mutable_data(), h.f->observables().size()));
            return out;
          },
          py::arg("t"), py::arg("y"), py::arg("inputs"))
      .def("breakpoints",
           [](const FunctionsHandle& h) {
             const auto& b = h.scenario->schedule.breakpoints();
             return Array(static_cast<py::ssize_t>(b.size()), b.data());
           })
      .def("segment_inputs",
           [](const FunctionsHandle& h) {
             const Schedule& s = h.scenario->schedule;
             const std::size_t channels = h.f->input_channels().size();
             Array out(
                 {static_cast<py::ssize_t>(s.segment_count()), static_cast<py::ssize_t>(channels)});
             for (std::size_t k = 0; k < s.segment_count(); ++k)
               std::copy_n(s.inputs(k).data(), channels, out.mutable_data() + k * channels);
             return out;
           })
      .def("segment_doses",
           [](const FunctionsHandle& h) {
             // Per segment: a list of (state index, amount added to it) at the segment's start.
             const Schedule& s = h.scenario->schedule;
             std::vector<std::vector<std::pair<int, double>>> out(s.segment_count());
             for (std::size_t k = 0; k < s.segment_count(); ++k)
               for (const Dose& d : s.doses_at_start(k)) {
                 const DoseEffect e =
                     h.f->dose_effect(s.dose_targets()[static_cast<std::size_t>(d.target)].name);
                 out[k].emplace_back(e.state, e.factor * d.amount);
               }
             return out;
           })
      .def_property_readonly("output_interval_h",
                             [](const FunctionsHandle& h) { return h.scenario->output_interval_h; })
      .def_property_readonly("duration_h",
                             [](const FunctionsHandle& h) { return h.scenario->duration_h; });

  m.def(
      "model_functions",
      [](const ScenarioHandle& s) {
        return FunctionsHandle{
            std::shared_ptr<const ModelFunctions>(model().functions(*s.compiled)), s.compiled};
      },
      py::arg("scenario"));
  m.def(
      "summarize_outputs",
      [](const Array& time_h, const Array& outputs) {
        // The endpoint table of a run given as sample times and outputs (samples x outputs).
        Result r;
        const std::vector<VariableInfo> vars = model().outputs();
        if (outputs.ndim() != 2 || static_cast<std::size_t>(outputs.shape(1)) != vars.size() ||
            time_h.ndim() != 1 || time_h.shape(0) != outputs.shape(0) || time_h.shape(0) < 1)
          throw InputError("summarize_outputs needs times (n) and outputs (n x " +
                           std::to_string(vars.size()) + ")");
        r.variables = vars;
        r.time_h = Eigen::Map<const Eigen::VectorXd>(time_h.data(), time_h.shape(0));
        r.values =
            Eigen::Map<const RowMajorMatrix>(outputs.data(), outputs.shape(0), outputs.shape(1));
        return table_rows(model().summarize(r));
      },
      py::arg("time_h"), py::arg("outputs"));
}

}  // namespace myoflux::python
