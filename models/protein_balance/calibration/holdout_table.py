#!/usr/bin/python3
"""Leave-one-out generalisation of the calibration (issue 12).

For every fitted target of the calibration record (fit_report.md rows with a stage; the time
courses of one data set count as one target), runs

    myoflux-calibrate --holdout TARGET --out DIR

which fits without it, and collects how the held-out target fares beside the recorded fit that
used it. Writes the table between the markers <!-- holdout-table --> and <!-- /holdout-table -->
of docs/model.md, or prints it with --print.

    /usr/bin/python3 models/protein_balance/calibration/holdout_table.py build/release/myoflux-calibrate

About 10-20 s per target in Release on one core; --jobs N runs N at a time.
"""
import argparse
import concurrent.futures
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
REPORT = HERE / "fit_report.md"
DOC = ROOT / "docs" / "model.md"
OPEN, CLOSE = "<!-- holdout-table -->", "<!-- /holdout-table -->"


def table_rows(text, header_start):
    """The rows (lists of cells) of the first Markdown table whose header starts so."""
    rows, inside = [], False
    for line in text.splitlines():
        if line.startswith(header_start):
            inside = True
            continue
        if inside:
            if not line.startswith("|"):
                break
            if line.startswith("|---"):
                continue
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def fitted_targets():
    """Fitted targets of the record, a data set's time courses as one (its name)."""
    names = []
    for cells in table_rows(REPORT.read_text(), "| target | stage |"):
        target, stage = cells[0], cells[1]
        if not stage:
            continue
        name = target.split("/")[0]
        if name not in names:
            names.append(name)
    return names


def hold_out(calibrate, name, folder):
    out = pathlib.Path(folder) / name
    run = subprocess.run([calibrate, "--holdout", name, "--out", str(out)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"myoflux-calibrate --holdout {name} failed:\n{run.stderr}")
    rows = table_rows((out / "fit_report.md").read_text(), "| target | fitted without it |")
    met = next(line for line in (out / "fit_report.md").read_text().splitlines()
               if " targets met" in line)
    return name, rows, met


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("calibrate", help="the myoflux-calibrate program")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--print", action="store_true", help="print instead of writing docs/model.md")
    args = parser.parse_args()

    names = fitted_targets()
    results = {}
    with tempfile.TemporaryDirectory() as folder, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, rows, met in pool.map(lambda n: hold_out(args.calibrate, n, folder), names):
            results[name] = (rows, met)
            print(f"{name}: {met}", file=sys.stderr)

    lines = ["| held out | target | recorded fit (with it) | met | fitted without it | met | all targets met without it |",
             "|---|---|---|---|---|---|---|"]
    kept = predicted = 0
    for name in names:
        rows, met = results[name]
        for target, without, pass_without, with_it, pass_with in rows:
            lines.append(f"| {name} | {target} | {with_it} | {pass_with} | {without} | "
                         f"{pass_without} | {met.rstrip('.')} |")
            kept += pass_with == "yes"
            predicted += pass_with == "yes" and pass_without == "yes"
    summary = (f"\nOf the {kept} held-out targets the recorded fit meets, {predicted} are still met "
               f"when left out of the fit.\n")
    table = "\n".join(lines) + "\n" + summary
    if args.print:
        print(table)
        return
    doc = DOC.read_text()
    a, b = doc.index(OPEN), doc.index(CLOSE)
    DOC.write_text(doc[:a + len(OPEN)] + "\n" + table + doc[b:])
    print(f"wrote the table of {len(names)} held-out targets into {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
