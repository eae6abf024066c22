"""`myoflux --version`: the version, git commit, build type, compiler and the Eigen, Boost and
HDF5 versions of this build, the same facts as myoflux.build_info() in Python and as the `build`
provenance of every result file."""
import json
import os
import re
import subprocess

import h5py
import pytest

from conftest import SOURCE_DIR, run, scenario

PACKAGE_PARENT = os.environ.get("MYOFLUX_PYTHON_PACKAGE_PARENT", "")


def version_facts():
    lines = run("--version", check=0).stdout.splitlines()
    facts = {"version": lines[0].removeprefix("myoflux ")}
    for line in lines[1:]:
        name, value = line.strip().split(None, 1) if line.startswith("  ") else (None, None)
        assert name is not None, line
        facts[name] = value.strip()
    return facts


def header_version(header, *macros):
    """The dotted version a library's header defines (what the program was compiled against)."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    return ".".join(re.search(rf"#define\s+{m}\s+(\d+)", text).group(1) for m in macros)


def project_version():
    with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\(myoflux VERSION ([0-9.]+)", f.read()).group(1)


def test_version_names_the_build():
    facts = version_facts()
    assert facts["version"] == project_version()
    commit = facts["git"].removeprefix("commit").strip().removesuffix(" (uncommitted changes)")
    assert re.fullmatch(r"[0-9a-f]{40}", commit), facts["git"]
    kind = subprocess.run(["git", "-C", SOURCE_DIR, "cat-file", "-t", commit], capture_output=True, text=True)
    assert kind.stdout.strip() == "commit", f"{commit} is not a commit of {SOURCE_DIR}"
    assert facts["build"].removeprefix("type").strip() == os.environ["MYOFLUX_BUILD_TYPE_TEXT"]
    assert re.fullmatch(r"(GCC|Clang) \d+\.\d+\.\d+", facts["compiler"])
    assert facts["Eigen"] == header_version(os.environ["MYOFLUX_EIGEN_HEADER"], "EIGEN_WORLD_VERSION",
                                            "EIGEN_MAJOR_VERSION", "EIGEN_MINOR_VERSION")
    boost = int(re.search(r"#define\s+BOOST_VERSION\s+(\d+)", open(os.environ["MYOFLUX_BOOST_HEADER"]).read())[1])
    assert facts["Boost"] == f"{boost // 100000}.{boost // 100 % 1000}.{boost % 100}"
    assert facts["HDF5"] == header_version(os.environ["MYOFLUX_HDF5_HEADER"], "H5_VERS_MAJOR", "H5_VERS_MINOR",
                                           "H5_VERS_RELEASE")
    # A program in the build folder reads the source tree's data and plot module.
    assert os.path.samefile(facts["data"], SOURCE_DIR)
    assert os.path.samefile(facts["python"], os.path.join(SOURCE_DIR, "python"))


def test_python_reports_the_same_build():
    if not PACKAGE_PARENT:
        pytest.skip("the Python module is not built (MYOFLUX_PYTHON=OFF)")
    code = "import json, myoflux; print(json.dumps([myoflux.__version__, myoflux.build_info()]))"
    env = dict(os.environ, PYTHONPATH=PACKAGE_PARENT, PYTHONNOUSERSITE="1")
    out = subprocess.run(["/usr/bin/python3", "-c", code], env=env, capture_output=True, text=True, check=True)
    version, info = json.loads(out.stdout)
    facts = version_facts()
    assert version == info["version"] == facts["version"]
    assert facts["git"] == "commit  " + info["git_commit"] + (" (uncommitted changes)" if info["git_dirty"] else "")
    assert (info["build_type"], info["compiler"], info["eigen"], info["boost"], info["hdf5"]) == (
        facts["build"].removeprefix("type").strip(), facts["compiler"], facts["Eigen"], facts["Boost"],
        facts["HDF5"])
    assert info["summary"] == (f"{info['build_type']}, {info['compiler']}, Eigen {info['eigen']}, "
                               f"Boost {info['boost']}, HDF5 {info['hdf5']}")


def test_every_result_file_records_the_build(tmp_path):
    out = tmp_path / "short.h5"
    run("compare", scenario("studies/glynn2010_eaa_leucine.yaml"), "-o", out, "--no-plot", check=0)
    facts = version_facts()
    summary = (f"{facts['build'].removeprefix('type').strip()}, {facts['compiler']}, Eigen {facts['Eigen']}, "
               f"Boost {facts['Boost']}, HDF5 {facts['HDF5']}")
    with h5py.File(out) as f:
        assert f.attrs["build"] == summary
        assert f.attrs["myoflux_version"] == facts["version"]
    assert f"  built       {summary}" in run("info", out, check=0).stdout
