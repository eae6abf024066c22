// The compiled half of the Python package: myoflux._core. Each bind_* function lives in its own
// file; the Python API in python/myoflux/*.py is the documented surface.
#include "python/src/bindings.hpp"

#include "engine/provenance.hpp"

PYBIND11_MODULE(_core, m) {
  namespace mp = myoflux::python;
  m.doc() = "Compiled core of myoflux (pybind11). Use the myoflux package, not this module.";
  mp::bind_errors(m);
  mp::bind_scenario(m);
  mp::bind_result(m);
  mp::bind_model(m);
  mp::bind_store(m);
  mp::bind_sweep(m);
  mp::bind_functions(m);

  const myoflux::BuildInfo& info = myoflux::build_info();
  m.attr("__version__") = info.version;
  m.attr("git_commit") = info.git_commit;
  m.attr("git_dirty") = info.git_dirty;
}
