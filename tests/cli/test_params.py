"""`myoflux params`: every parameter with value, unit, range and source, and the fitted ones the
calibration left at a bound of their range marked, the same ones its report lists."""
import pathlib
import re

from conftest import SOURCE_DIR, run

REPORT = pathlib.Path(SOURCE_DIR) / "models/protein_balance/calibration/fit_report.md"


def reported_at_bound():
    """Names in the report's section on fitted parameters at a bound."""
    text = REPORT.read_text().split("## Fitted parameters at a bound of their range", 1)[1]
    return {m.group(1) for m in re.finditer(r"^- (\w+) = ", text, re.MULTILINE)}


def test_the_parameters_at_a_bound_are_marked_as_the_calibration_reports_them():
    lines = run("params").stdout.splitlines()
    marked = set()
    current = None
    for line in lines:
        if line and not line.startswith(" "):
            current = line.split()[0]
        elif line.startswith("    note: fitted to the ") and current:
            marked.add(current)
    expected = reported_at_bound()
    assert expected, "the calibration report lists no parameter at a bound"
    assert marked == expected
    assert f"{len(expected)} fitted parameters sit at a bound of their range" in "\n".join(lines)
    # The direction is named: the refractory onset rate sits at its upper end.
    block = "\n".join(lines)
    assert re.search(r"^k_refractory_on_per_h .*\n.*\n.*\n    note: fitted to the upper end", block,
                     re.MULTILINE)
