#!/usr/bin/python3
"""kill -9 campaign (issue 15, docs/reliability.md): `myoflux run`, `compare` and `sweep` (threads
and, when built with MPI, `mpirun -np 2`) are killed with SIGKILL at random moments (seeded), and
after every kill:

- every .h5 file under a final name opens with h5py and reads whole (no truncated file);
- a killed overwrite (`--force`) leaves the old file or the complete new one, never a mix;
- for sweeps, `--resume` finishes the sweep (the folder lock died with the killed process) and
  gives an endpoint table and summary bit-identical to the uninterrupted sweep.

Run with Debian's interpreter (h5py):
    /usr/bin/python3 bench/reliability/kill_campaign.py --myoflux build/release/myoflux \\
        --kills 20 --seed 15 --workdir /tmp/kill_campaign
The test suite runs a few kills (tests/cli/test_reliability.py); the full campaign's figures are
in docs/reliability.md. Exit status 0 when every check held, 1 otherwise."""
import argparse
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import h5py

SOURCE = pathlib.Path(__file__).resolve().parents[2]
HIIT = SOURCE / "scenarios" / "hiit_4x4_brief.yaml"
STUDY = SOURCE / "scenarios" / "hiit_vs_long_distance.yaml"
TABLES = ("run", "status", "steps", "endpoints", "summary/endpoints/mean", "summary/endpoints/sd",
          "summary/endpoints/quantiles", "summary/runs")
SWEEP = """\
    name: kill_campaign
    base: {base}
    grid:
      diet.protein: [0.8 g/kg/day, 1.0 g/kg/day, 1.2 g/kg/day, 1.4 g/kg/day, 1.6 g/kg/day,
                     1.8 g/kg/day, 2.0 g/kg/day, 2.4 g/kg/day]
      subject.body_mass: [55 kg, 65 kg, 75 kg, 85 kg]
    chunk_size: 2
    """
MPI_ENV = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
           "OMPI_MCA_rmaps_base_oversubscribe": "1"}


class Campaign:
    def __init__(self, myoflux, workdir, rng):
        self.myoflux, self.workdir, self.rng = myoflux, workdir, rng
        self.figures = {"kills": {}, "files_checked": 0, "old_file_survived": 0,
                        "new_file_complete": 0, "resumed_identical": 0, "failures": []}

    def fail(self, what):
        self.figures["failures"].append(what)
        print("FAILED:", what, file=sys.stderr)

    def check_files(self, folder):
        """Every .h5 under a final name (not a hidden partial file) opens and reads whole."""
        for path in sorted(folder.rglob("*.h5")):
            if path.name.startswith("."):
                continue
            self.figures["files_checked"] += 1
            try:
                with h5py.File(path, "r") as f:
                    f.visititems(lambda name, obj: obj[()] if isinstance(obj, h5py.Dataset)
                                 else None)
            except Exception as error:  # noqa: BLE001 (any failure to read is a finding)
                self.fail(f"{path} does not read after a kill: {error}")

    def kill_at_random(self, command, typical_s, env=None):
        """Starts `command` and, at a random moment within its typical duration, SIGKILLs it and
        every process below it (Open MPI puts its ranks in process groups of their own: a
        preempted job loses all of them at once, as Slurm kills a job's whole cgroup)."""
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, env=env)
        time.sleep(self.rng.uniform(0.0, typical_s))
        for pid in [process.pid] + descendants(process.pid):
            try:
                os.kill(pid, signal.SIGSTOP)  # freeze the tree first, so nothing new is forked
            except ProcessLookupError:
                pass
        for pid in [process.pid] + descendants(process.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait()
        return process.returncode

    def timed(self, command, env=None):
        start = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, timeout=600)
        return time.monotonic() - start

    def overwrite_campaign(self, mode, kills):
        folder = self.workdir / mode
        folder.mkdir(parents=True)
        target = folder / "out.h5"
        if mode == "run":
            old = [self.myoflux, "run", STUDY.parent / "estes2017_control.yaml", "-o", target]
            new = [self.myoflux, "run", HIIT, "-o", target, "--force"]
        else:
            old = [self.myoflux, "compare", HIIT, "-o", target, "--no-plot"]
            new = [self.myoflux, "compare", STUDY, "-o", target, "--no-plot", "--force"]
        old, new = [list(map(str, c)) for c in (old, new)]
        self.timed(old)
        old_bytes = target.read_bytes()
        typical = self.timed(new) * 1.2
        complete_new = target.read_bytes()
        for _ in range(kills):
            target.write_bytes(old_bytes)
            self.kill_at_random(new, typical)
            self.figures["kills"][mode] = self.figures["kills"].get(mode, 0) + 1
            self.check_files(folder)
            if not target.exists():
                self.fail(f"{mode}: {target} vanished after a killed overwrite")
                continue
            data = target.read_bytes()
            if data == old_bytes:
                self.figures["old_file_survived"] += 1
            elif len(data) == len(complete_new):
                self.figures["new_file_complete"] += 1  # the kill came after the rename
            else:
                self.fail(f"{mode}: {target} is neither the old file nor a complete new one")

    def sweep_campaign(self, mode, kills):
        spec = self.workdir / f"{mode}.yaml"
        spec.write_text(textwrap.dedent(SWEEP).format(base=HIIT))
        prefix, env = [], None
        if mode == "mpi":
            prefix = ["mpirun", "-np", "2", "--oversubscribe", "--allow-run-as-root"]
            env = dict(os.environ, **MPI_ENV)
        threads = [] if mode == "mpi" else ["--threads", "2"]

        def sweep(folder, *extra):
            return prefix + [self.myoflux, "sweep", str(spec), "-o", str(folder), *threads, *extra]

        reference = self.workdir / f"{mode}_reference"
        typical = self.timed(sweep(reference), env) * 1.1
        expected = tables(reference)
        for k in range(kills):
            folder = self.workdir / f"{mode}_{k:02d}"
            self.kill_at_random(sweep(folder), typical, env)
            self.figures["kills"][mode] = self.figures["kills"].get(mode, 0) + 1
            if folder.exists():
                self.check_files(folder)
            # A second kill during the resume, half of the time: preempted twice.
            if self.rng.random() < 0.5 and folder.exists():
                self.kill_at_random(sweep(folder, "--resume"), typical, env)
                self.figures["kills"][mode] += 1
                self.check_files(folder)
            done = subprocess.run(sweep(folder, "--resume"), capture_output=True, text=True,
                                  env=env, timeout=600)
            if done.returncode != 0:
                self.fail(f"{mode}: --resume after a kill failed: {done.stderr.strip()}")
                continue
            self.check_files(folder)
            if tables(folder) == expected:
                self.figures["resumed_identical"] += 1
            else:
                self.fail(f"{mode}: {folder} after --resume differs from the uninterrupted sweep")
            shutil.rmtree(folder)


def descendants(pid):
    """Every process below `pid` (from /proc)."""
    children = {}
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def tables(folder):
    with h5py.File(folder / "index.h5", "r") as f:
        out = {name: f[name][()].tobytes() for name in TABLES}
        for name in f["coordinates"]:
            out["coordinates/" + name] = f["coordinates"][name][()].tobytes()
        return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--myoflux", required=True)
    parser.add_argument("--kills", type=int, default=20, help="kills per mode (default 20)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--modes", default="run,compare,sweep,mpi")
    parser.add_argument("--workdir", required=True, help="a scratch folder (emptied first)")
    args = parser.parse_args()
    workdir = pathlib.Path(args.workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    campaign = Campaign(os.path.abspath(args.myoflux), workdir, random.Random(args.seed))
    modes = args.modes.split(",")
    if "mpi" in modes and shutil.which("mpirun") is None:
        modes.remove("mpi")
    start = time.monotonic()
    for mode in modes:
        if mode in ("run", "compare"):
            campaign.overwrite_campaign(mode, args.kills)
        else:
            campaign.sweep_campaign(mode, args.kills)
    campaign.figures["seconds"] = round(time.monotonic() - start, 1)
    print(json.dumps(campaign.figures, indent=2))
    return 1 if campaign.figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
