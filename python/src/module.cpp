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
  mp::bind_pickling(m);

  const myoflux::BuildInfo& info = myoflux::build_info();
  m.attr("__version__") = info.version;
  m.attr("git_commit") = info.git_commit;
  m.attr("git_dirty") = info.git_dirty;
  // The facts `myoflux --version` prints (engine/provenance.hpp), for myoflux.build_info().
  m.def("_build_info", [] {
    const myoflux::BuildInfo& b = myoflux::build_info();
    pybind11::dict d;
    d["version"] = b.version;
    d["git_commit"] = b.git_commit;
    d["git_dirty"] = b.git_dirty;
    d["build_type"] = b.build_type;
    d["compiler"] = b.compiler;
    d["eigen"] = b.eigen_version;
    d["boost"] = b.boost_version;
    d["hdf5"] = b.hdf5_version;
    d["summary"] = myoflux::build_summary(b);
    return d;
  });
}
