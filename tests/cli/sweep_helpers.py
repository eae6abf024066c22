"""Helpers for the sweep tests: writing sweep files with absolute base paths, running the three
ways (threads, mpirun, array shares + merge), and reading an index's tables as raw bytes."""
import os
import subprocess
import textwrap

import h5py

from conftest import MYOFLUX, SOURCE_DIR, run

TEST_DATA = os.path.join(SOURCE_DIR, "tests", "engine", "sweep", "data")
ONE_DAY = os.path.join(TEST_DATA, "one_day.yaml")
HIIT_10_WEEKS = os.path.join(SOURCE_DIR, "scenarios", "hiit_4x4_brief.yaml")

# What must be identical bit for bit between two runs of one sweep.
TABLES = ("run", "status", "steps", "endpoints", "summary/endpoints/mean", "summary/endpoints/sd",
          "summary/endpoints/quantiles", "summary/runs")


def write_spec(folder, text, name="sweep.yaml"):
    """Writes a sweep file; BASE in the text stands for the one-day test scenario."""
    path = folder / name
    path.write_text(textwrap.dedent(text).replace("BASE", ONE_DAY).replace("HIIT", HIIT_10_WEEKS))
    return path


def index_tables(folder):
    """The endpoint table and summary of a finished sweep as raw bytes, with coordinates."""
    with h5py.File(folder / "index.h5") as f:
        tables = {name: f[name][()].tobytes() for name in TABLES}
        for name in f["coordinates"]:
            tables["coordinates/" + name] = f["coordinates"][name][()].tobytes()
        return tables


def built_with_mpi():
    return "Built with MPI" in run("sweep", "--help", check=0).stdout


def mpirun(*args, ranks=2):
    """Runs `mpirun -np RANKS myoflux ARGS...`; Open MPI refuses root without the two variables,
    which are set for this subprocess only."""
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1")
    return subprocess.run(["mpirun", "-np", str(ranks), MYOFLUX, *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=300)
