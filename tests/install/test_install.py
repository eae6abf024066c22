"""The installed myoflux: `cmake --install` into a scratch prefix and the Debian package from
`cpack -G DEB` unpacked with `dpkg-deb -x` (never installed: the machine is left as it was).
Either way the program finds the scenario library and its plot module beside itself and runs
the main job by name from an unrelated folder; a C++ project links the engine through
find_package(myoflux)."""
import os
import pathlib
import re
import shutil
import subprocess

import h5py
import pytest

BUILD = pathlib.Path(os.environ["MYOFLUX_BUILD_DIR"])
CMAKE = os.environ["MYOFLUX_CMAKE"]
PYTHONDIR = os.environ["MYOFLUX_INSTALL_PYTHONDIR"]
HAS_CORE = os.environ.get("MYOFLUX_BUILT_PYTHON_MODULE") == "1"
ARMS = ["control_1.0", "control_1.6", "hiit_1.0", "hiit_1.6", "long_distance_1.0", "long_distance_1.6"]


def call(*args, cwd=None, env=None):
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=500)
    assert r.returncode == 0, f"{args} failed:\n{r.stdout}\n{r.stderr}"
    return r.stdout


def clean_env():
    """The user's environment without any myoflux override, so the program must find its own."""
    return {k: v for k, v in os.environ.items() if not k.startswith("MYOFLUX_") and k != "PYTHONPATH"}


def check_installed_tree(prefix, tmp_path):
    program = prefix / "bin" / "myoflux"
    data = prefix / "share" / "myoflux"
    python = prefix / PYTHONDIR
    for f in (data / "scenarios" / "hiit_vs_long_distance.yaml",
              data / "models" / "protein_balance" / "experiments" / "data" / "feeding_timecourses.csv",
              python / "myoflux" / "plot.py", prefix / "share" / "doc" / "myoflux" / "README.md",
              prefix / "share" / "doc" / "myoflux" / "install.md"):
        assert f.is_file(), f"{f} is not installed"

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = clean_env()
    version = call(program, "--version", cwd=work, env=env)
    assert f"  data        {data}\n" in version, version
    assert f"  python      {python}\n" in version, version

    # The main job by name, from a folder that is neither the source tree nor the prefix.
    out = call(program, "compare", "hiit_vs_long_distance", cwd=work, env=env)
    for arm in ARMS:
        assert re.search(rf"^{re.escape(arm)}\s+-?\d", out, re.M), out
    with h5py.File(work / "results" / "hiit_vs_long_distance.h5") as f:
        assert sorted(f["runs"]) == ARMS
        assert f["runs/hiit_1.6/scenario"].attrs["source"].startswith(str(data / "scenarios"))
    assert (work / "results" / "hiit_vs_long_distance.png").stat().st_size > 10_000

    if HAS_CORE:  # the compiled Python module finds the same library beside itself
        code = "import myoflux; print(myoflux.__version__); print(myoflux.scenario_path('hiit_4x4_brief.yaml'))"
        printed = call("/usr/bin/python3", "-c", code, cwd=work,
                       env=dict(env, PYTHONPATH=str(python), PYTHONNOUSERSITE="1")).split()
        assert printed[1] == str(data / "scenarios" / "hiit_4x4_brief.yaml"), printed
    return program, work


def test_prefix_install_and_find_package(tmp_path):
    prefix = tmp_path / "prefix"
    call(CMAKE, "--install", BUILD, "--prefix", prefix)
    assert (prefix / "lib" / "cmake" / "myoflux" / "myofluxConfig.cmake").is_file()
    assert (prefix / "include" / "myoflux" / "engine" / "provenance.hpp").is_file()
    program, work = check_installed_tree(prefix, tmp_path)

    # A C++ project of a user, built against the prefix alone.
    consumer = tmp_path / "consumer"
    call(CMAKE, "-S", os.environ["MYOFLUX_CONSUMER"], "-B", consumer, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
         f"-DCMAKE_PREFIX_PATH={prefix}")
    call(CMAKE, "--build", consumer)
    own = call(consumer / "consumer", cwd=work, env=clean_env())
    # The same model on the same scenario as the installed program's `run`: the same number.
    ran = call(program, "run", "hiit_4x4_brief", cwd=work, env=clean_env())
    expected = re.search(r"^\s*csa_change_percent\s+(\S+) %", ran, re.M).group(1)
    assert f"csa_change_percent {expected} %\n" in own, own + ran
    version = re.search(r"^myoflux (\S+)", call(program, "--version"), re.M).group(1)
    assert f"myoflux {version}\n" in own


def test_debian_package(tmp_path):
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: not a Debian system")
    call(os.environ["MYOFLUX_CPACK"], "-G", "DEB", "-B", tmp_path / "package", "--config", BUILD / "CPackConfig.cmake")
    (deb,) = (tmp_path / "package").glob("myoflux_*.deb")
    fields = {f: call("dpkg-deb", "-f", deb, f).strip() for f in ("Package", "Version", "Depends")}
    assert fields["Package"] == "myoflux"
    depends = fields["Depends"]
    for needed in ("libhdf5", "libyaml-cpp", "python3-matplotlib", "python3-h5py", "python3-numpy"):
        assert needed in depends, depends
    # Every dependency resolves on this Debian machine (a simulation: nothing is installed).
    if shutil.which("apt-get"):
        simulated = call("apt-get", "install", "-s", "-o", "Debug::NoLocking=1", "--no-install-recommends", deb)
        assert re.search(r"^Inst myoflux ", simulated, re.M), simulated

    root = tmp_path / "root"
    call("dpkg-deb", "-x", deb, root)
    check_installed_tree(root / "usr", tmp_path)
