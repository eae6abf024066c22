"""Reliability of the command line (issue 15, docs/reliability.md): a full disk (`ulimit -f`
stands in for it) gives one message naming the file and the space needed and leaves no partial
file, and a sweep resumes once there is room; output past --max-output is refused before
simulating; a second sweep on a folder in use is refused; damaged chunk files are found on
--resume and run again; failed sweep points are recorded and left out of the summary; `myoflux
info` on damaged or hostile HDF5 files reports an error and never crashes."""
import json
import os
import random
import resource
import signal
import subprocess
import time

import h5py

from conftest import MYOFLUX, run, scenario
from sweep_helpers import index_tables, write_spec

SMALL = """\
    name: reliability
    base: BASE
    grid:
      diet.protein: [0.8 g/kg/day, 1.2 g/kg/day, 1.6 g/kg/day, 2.0 g/kg/day]
      subject.body_mass: [55 kg, 70 kg]
    chunk_size: 2
    """


def limited(max_bytes):
    """A preexec_fn: a file size limit of `max_bytes`, with SIGXFSZ ignored so that write()
    fails with EFBIG (as it fails with ENOSPC on a full disk) instead of killing the program."""
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, resource.RLIM_INFINITY))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return apply


def run_limited(max_bytes, *args, cwd=None):
    return subprocess.run([MYOFLUX, *map(str, args)], capture_output=True, text=True, timeout=300,
                          preexec_fn=limited(max_bytes), cwd=cwd)


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def test_run_and_compare_on_a_full_disk_fail_cleanly_and_keep_the_old_file(tmp_path):
    target = tmp_path / "hiit.h5"
    r = run_limited(200_000, "run", scenario("estes2017_hiit.yaml"), "-o", target)
    assert r.returncode == 3, r.stderr
    assert (f"myoflux: cannot write {target}: the file would exceed the file size limit "
            "(ulimit -f) of 200 kB; it needs about ") in r.stderr
    assert "nothing was written under that name" in r.stderr
    assert files_in(tmp_path) == []  # no partial file either
    run("run", scenario("estes2017_hiit.yaml"), "-o", target, check=0)
    before = target.read_bytes()
    r = run_limited(200_000, "run", scenario("estes2017_control.yaml"), "-o", target, "--force")
    assert r.returncode == 3 and "cannot write" in r.stderr
    assert target.read_bytes() == before and files_in(tmp_path) == ["hiit.h5"]

    compared = tmp_path / "compare.h5"
    r = run_limited(300_000, "compare", scenario("hiit_vs_long_distance.yaml"), "-o", compared,
                    "--no-plot")
    assert r.returncode == 3, r.stderr
    assert f"cannot write {compared}: the file would exceed" in r.stderr
    assert files_in(tmp_path) == ["hiit.h5"]


def test_a_sweep_on_a_full_disk_resumes_when_there_is_room(tmp_path):
    spec = write_spec(tmp_path, SMALL)
    reference = tmp_path / "reference"
    run("sweep", spec, "-o", reference, check=0)
    largest_chunk = max(p.stat().st_size for p in (reference / "chunks").iterdir())
    index_size = (reference / "index.h5").stat().st_size
    limit = (largest_chunk + index_size) // 2  # every chunk fits, the index does not
    assert largest_chunk < limit < index_size

    out = tmp_path / "out"
    r = run_limited(limit, "sweep", spec, "-o", out)
    assert r.returncode == 3, r.stdout + r.stderr
    assert f"cannot write {out / 'index.h5'}: the file would exceed the file size limit" in r.stderr
    assert "index.h5" not in files_in(out) and not [n for n in files_in(out) if "partial" in n]
    r = run("sweep", spec, "-o", out, "--resume", check=0)
    assert "4 chunks kept from before; running 0 runs" in r.stdout
    assert index_tables(out) == index_tables(reference)


def test_output_past_the_limit_is_refused_before_simulating(tmp_path):
    year = tmp_path / "year.yaml"
    year.write_text("name: year\nduration: 52 weeks\noutput_interval: 1 min\n")
    start = time.monotonic()
    r = run("run", year, "--max-output", "100 MB", check=2)
    assert r.stderr.startswith(f"myoflux: error: the run of {year} would write about 147 MB ")
    assert "more than the limit of 100 MB" in r.stderr
    assert 'output_interval in' in r.stderr and '--set output_interval="1 h"' in r.stderr
    assert '--max-output "161 MB"' in r.stderr
    r = run("run", year, "--max-output", "161 MB", check=0)
    assert "csa_change_percent" in r.stdout
    r = run("run", year, "--max-output", "lots", check=2)
    assert '--max-output needs a size such as "5 GB"' in r.stderr
    spec = write_spec(tmp_path, SMALL)
    r = run("sweep", spec, "-o", tmp_path / "out", "--max-output", "100 kB", check=2)
    assert f"the sweep {spec} would write about" in r.stderr
    assert "keep fewer outputs or a longer 'every'" in r.stderr
    assert not (tmp_path / "out").exists()
    assert time.monotonic() - start < 120  # (no timing claim: only that nothing hung)


def test_a_second_sweep_on_a_folder_in_use_is_refused(tmp_path):
    spec = write_spec(tmp_path, """\
        name: slow
        base: HIIT
        grid:
          diet.protein: [0.8 g/kg/day, 1.0 g/kg/day, 1.2 g/kg/day, 1.4 g/kg/day, 1.6 g/kg/day,
                         1.8 g/kg/day, 2.0 g/kg/day, 2.2 g/kg/day]
          subject.body_mass: [55 kg, 60 kg, 65 kg, 70 kg, 75 kg, 80 kg, 85 kg, 90 kg]
        chunk_size: 1
        """)
    out = tmp_path / "out"
    first = subprocess.Popen([MYOFLUX, "sweep", str(spec), "-o", str(out), "--threads", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lock = out / "sweep.lock"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (lock.exists() and lock.read_text()):
            time.sleep(0.01)
        r = run("sweep", spec, "-o", out, "--resume", check=2)
        assert (f"myoflux: error: {out} is in use by another sweep (pid {first.pid} on ") in r.stderr
        assert "choose another folder with -o" in r.stderr
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=120)
    # The interrupted sweep let go of the folder: resuming it now works.
    assert first.returncode == 130
    r = subprocess.run([MYOFLUX, "sweep", str(spec), "-o", str(out), "--resume", "--max-output",
                        "1 GB"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr


def test_damaged_chunk_files_are_warned_about_and_run_again(tmp_path):
    spec = write_spec(tmp_path, SMALL)
    out = tmp_path / "out"
    run("sweep", spec, "-o", out, check=0)
    before = index_tables(out)
    truncated, flipped = out / "chunks/chunk_000000.h5", out / "chunks/chunk_000003.h5"
    os.truncate(truncated, truncated.stat().st_size // 3)
    data = bytearray(flipped.read_bytes())
    data[-200] ^= 0xFF
    flipped.write_bytes(bytes(data))
    r = run("sweep", spec, "-o", out, "--resume", check=0)
    assert f"myoflux: warning: chunk file {truncated} is damaged (" in r.stderr
    assert (f"myoflux: warning: chunk file {flipped} is damaged (its SHA-256 differs from the one "
            "recorded in the manifest") in r.stderr
    assert "2 chunks kept from before; running 4 runs" in r.stdout
    assert index_tables(out) == before


def test_failed_points_are_recorded_and_left_out_of_the_summary(tmp_path):
    # An absurd parameter value is refused before anything runs, located in the spec (its valid
    # range is known). Points that fail only when run: an 8-hour day whose session starts at
    # 09:00 (each value valid, together not: invalid_input) and ten-week runs under a 6000-step
    # budget (the solver gives up: too_many_steps). The other points finish.
    absurd = write_spec(tmp_path, """\
        name: absurd
        base: BASE
        cases:
          - {parameters.k_digest_whey_per_h: 2.0}
          - {parameters.k_digest_whey_per_h: 1.0e+300}
        """, name="absurd.yaml")
    r = run("sweep", absurd, "-o", tmp_path / "absurd", check=2)
    assert (f"{absurd}:5:38: parameter 'k_digest_whey_per_h' must lie in [0.3, 6] 1/h, "
            'got "1.0e+300"') in r.stderr
    spec = write_spec(tmp_path, """\
        name: stress
        base: BASE
        grid:
          duration: [1 day, 8 h, 10 weeks]
          plan.0.time: ["07:00", "09:00"]
        solver: {max_steps: 6000}
        """)
    out = tmp_path / "out"
    r = run("sweep", spec, "-o", out, check=0)
    assert "6 runs in" in r.stdout and "; 3 failed" in r.stdout
    line = next(l for l in r.stdout.splitlines() if l.startswith("csa_change_percent"))
    assert line.split()[2] == "3"  # the runs column: only the three that finished
    assert "3 runs failed" in r.stderr and "the statistics above leave them out" in r.stderr
    with h5py.File(out / "index.h5") as f:
        labels = [x.decode() if isinstance(x, bytes) else x for x in f["status"].attrs["labels"]]
        status = [labels[s] for s in f["status"][()]]
        assert status == ["ok"] * 3 + ["invalid_input"] + ["too_many_steps"] * 2
        failures = f["failures"][()]
        assert [int(x["run"]) for x in failures] == [3, 4, 5]
        assert b"would end after the scenario" in failures[0]["message"]
        assert b"6000" in failures[1]["message"]
        mean = f["summary/endpoints/mean"][()]
        endpoints = f["endpoints"][()]
    # The summary's mean over all runs is the mean of the three that finished.
    assert abs(mean[0][0] - endpoints[:3, 0].mean()) < 1e-12


def test_info_on_damaged_and_hostile_files_reports_errors_and_never_crashes(tmp_path):
    good = tmp_path / "good.h5"
    day = tmp_path / "day.yaml"
    day.write_text("name: day\nduration: 2 h\noutput_interval: 1 h\n")
    run("run", day, "-o", good, check=0)
    run("info", good, check=0)
    data = good.read_bytes()
    rng = random.Random(15)
    outcomes = {}
    for i in range(40):
        bad = bytearray(data)
        if i % 4 == 0:
            bad = bad[: rng.randrange(len(bad))]
        else:
            for _ in range(1 + i % 7):
                bad[rng.randrange(len(bad))] = rng.randrange(256)
        path = tmp_path / f"bad_{i:02d}.h5"
        path.write_bytes(bytes(bad))
        r = subprocess.run([MYOFLUX, "info", str(path)], capture_output=True, timeout=300)
        assert r.returncode in (0, 2), (path, r.returncode, r.stderr)  # never a signal (< 0)
        # Whatever bytes the damage left in names, what we print is UTF-8 (strict decoding).
        r.stdout, r.stderr = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
        if r.returncode == 2:
            # The message is the last line: under ASan, a child that libhdf5 crashed in (the
            # reader runs in a forked child) prints its report first.
            assert r.stderr.strip().splitlines()[-1].startswith(f"myoflux: error: {path}"), r.stderr
            assert "internal error" not in r.stderr
        outcomes[r.returncode] = outcomes.get(r.returncode, 0) + 1
    assert outcomes.get(2, 0) >= 10, outcomes  # the damage was noticed, not ignored


def test_a_name_with_bytes_that_are_not_utf8_is_quoted_printably(tmp_path):
    # A byte flip inside the list of output names once gave an error message Python could not
    # decode; the bytes are now written as \\xNN.
    path = tmp_path / "names.h5"
    day = tmp_path / "day.yaml"
    day.write_text("name: day\nduration: 2 h\noutput_interval: 1 h\n")
    run("run", day, "-o", path, check=0)
    with h5py.File(path, "r+") as f:
        outputs = f["runs/day/outputs"]
        names = [n.encode() if isinstance(n, str) else n for n in outputs.attrs["names"]]
        names[0] = b"mps\xb2rate\x1b[2J"
        del outputs.attrs["names"]
        outputs.attrs.create("names", names, dtype=h5py.string_dtype("ascii"))
    r = subprocess.run([MYOFLUX, "info", str(path)], capture_output=True, timeout=60)
    assert r.returncode == 2, r
    assert "'mps\\xB2rate\\x1B[2J' is missing" in r.stderr.decode("utf-8"), r.stderr


def test_a_few_seeded_kills_leave_readable_files_and_resume_bit_identically(tmp_path):
    # The small version of bench/reliability/kill_campaign.py (20 kills per mode, MPI included,
    # in docs/reliability.md): two kills of a run (killed overwrites) and two of a sweep.
    import sys

    script = os.path.join(os.path.dirname(__file__), "..", "..", "bench", "reliability",
                          "kill_campaign.py")
    r = subprocess.run([sys.executable, script, "--myoflux", MYOFLUX, "--kills", "2", "--seed",
                        "15", "--modes", "run,sweep", "--workdir", str(tmp_path / "campaign")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    figures = json.loads(r.stdout)
    assert figures["kills"]["run"] == 2 and figures["kills"]["sweep"] >= 2
    assert figures["old_file_survived"] + figures["new_file_complete"] == 2
    assert figures["resumed_identical"] == 2 and figures["files_checked"] > 10


def test_info_survives_the_fuzzing_crashers():
    # Inputs on which libhdf5 1.10 itself crashes (out-of-bounds reads in its global heap, a
    # bad free) or loops forever, found by fuzz_result_reader (bench/reliability/fuzz_campaign.sh).
    # `myoflux info` reads in a child: each is a clean, located error, exit 2.
    folder = os.path.join(os.path.dirname(__file__), "..", "fuzz", "corpus", "hdf5_crashers")
    files = sorted(os.listdir(folder))
    assert len(files) >= 4, files
    for name in files:
        path = os.path.join(folder, name)
        r = run("info", path)
        assert r.returncode == 2, (name, r.returncode, r.stderr)
        # The message is the last line: under ASan the dying child's report comes first.
        assert r.stderr.strip().splitlines()[-1].startswith(
            f"myoflux: error: {path} cannot be read: the HDF5 library "), r.stderr
