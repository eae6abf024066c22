"""The HTML report of `myoflux compare STUDY --report report.html`: one self-contained file (no
scripts, no external links: the figure is inline SVG) that a supervisor opens in any browser.
It holds the comparison figure, the endpoint table, each arm's scenario text, the provenance of
the result file and the model's validation status.

Usage: python3 -m myoflux.report RESULTS.h5 VALIDATION.tsv REPORT.html
(VALIDATION.tsv: the rows of `myoflux validate`, one per target, written by the program.)
Needs only h5py and matplotlib, like myoflux.plot.
"""
import csv
import html
import io
import os
import sys

from myoflux import plot

_STYLE = """
body { font-family: sans-serif; max-width: 1150px; margin: 2em auto; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
.pass { color: #1a7f37; } .known { color: #9a6700; } .fail { color: #cf222e; font-weight: bold; }
figure { margin: 0; } figure svg { width: 100%; height: auto; }
"""


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _figure_svg(h5_path):
    fig = plot.comparison(h5_path)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plot.plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]  # drop the XML prologue and doctype: inline in HTML


def _read(h5_path):
    import h5py

    with h5py.File(h5_path, "r") as f:
        root = {key: _text(value) for key, value in f.attrs.items()}
        arms = []
        for name in f["runs"]:
            g = f["runs"][name]
            summary = [{key: _text(row[key]) if key != "value" else float(row[key])
                        for key in row.dtype.names} for row in g["summary"][()]]
            solver = {key: _text(value) for key, value in g["solver"].attrs.items()}
            arms.append({"name": name, "description": _text(g.attrs.get("description", "")),
                         "scenario_text": _text(g["scenario"].attrs["text"]),
                         "scenario_source": _text(g["scenario"].attrs.get("source", "")),
                         "summary": summary, "solver": solver})
    return root, arms


def _endpoint_table(arms):
    names = [row["name"] for row in arms[0]["summary"]]
    units = {row["name"]: row["unit"] for row in arms[0]["summary"]}
    notes = {row["name"]: row["note"] for row in arms[0]["summary"]}
    head = "".join(f"<th>{html.escape(a['name'])}</th>" for a in arms)
    rows = []
    for n in names:
        cells = ""
        for a in arms:
            value = next((r["value"] for r in a["summary"] if r["name"] == n), float("nan"))
            cells += f'<td class="number">{value:.4g}</td>'
        rows.append(f"<tr><th title=\"{html.escape(notes[n])}\">{html.escape(n)}</th>"
                    f"<td>{html.escape(units[n])}</td>{cells}</tr>")
    return (f'<table id="endpoints"><tr><th>endpoint</th><th>unit</th>{head}</tr>'
            + "".join(rows) + "</table>")


def _validation_section(validation_tsv):
    with open(validation_tsv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    met = sum(r["pass"] == "1" for r in rows)
    known = sum(r["pass"] != "1" and r["note"] != "" for r in rows)
    unexplained = len(rows) - met - known
    lines = []
    for r in rows:
        state, label = ("pass", "met") if r["pass"] == "1" else (("known", "known failure") if r["note"] else ("fail", "FAILED"))
        lines.append(f'<tr><td>{html.escape(r["id"])}</td><td class="{state}">{label}</td>'
                     f'<td>{html.escape(r["published"])}</td><td>{html.escape(r["model"])}</td>'
                     f'<td>{html.escape(r["note"])}</td></tr>')
    summary = (f'<p id="validation-status"><strong>{met} of {len(rows)}</strong> published targets '
               f'are met; {known} known failures are explained'
               + (f'; <span class="fail">{unexplained} fail without explanation</span>' if unexplained else "")
               + ". (<code>myoflux validate</code> writes the full report.)</p>")
    return (summary + "<details><summary>Every target</summary><table><tr><th>target</th><th>status</th>"
            "<th>published</th><th>model</th><th>note</th></tr>" + "".join(lines) + "</table></details>")


def report_html(h5_path, validation_tsv):
    """The report as one HTML text."""
    root, arms = _read(h5_path)
    title = root.get("study", os.path.basename(h5_path))
    provenance_keys = ["myoflux_version", "git_commit", "git_dirty", "build", "created_utc",
                       "command_line", "format", "format_version"]
    provenance = "".join(f"<tr><th>{k}</th><td>{html.escape(root[k])}</td></tr>"
                         for k in provenance_keys if k in root)
    solver = arms[0]["solver"]
    provenance += (f"<tr><th>solver</th><td>{html.escape(solver.get('method', ''))}, rtol "
                   f"{html.escape(solver.get('rtol', ''))}</td></tr>"
                   f"<tr><th>results file</th><td>{html.escape(os.path.abspath(h5_path))}</td></tr>")
    scenarios = "".join(
        f"<details><summary><strong>{html.escape(a['name'])}</strong>: {html.escape(a['description'])}"
        f" <small>({html.escape(a['scenario_source'])})</small></summary>"
        f"<pre>{html.escape(a['scenario_text'])}</pre></details>" for a in arms)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}: myoflux report</title>
<style>{_STYLE}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(root.get("description", ""))}</p>
<h2>Figure</h2>
<figure id="comparison">{_figure_svg(h5_path)}</figure>
<h2>Endpoints</h2>
{_endpoint_table(arms)}
<h2>Scenarios</h2>
{scenarios}
<h2>Model validation</h2>
{_validation_section(validation_tsv)}
<h2>Provenance</h2>
<table id="provenance">{provenance}</table>
</body></html>
"""


def write_report(h5_path, validation_tsv, html_path):
    """Writes the report atomically (a temporary file renamed into place)."""
    text = report_html(h5_path, validation_tsv)
    folder = os.path.dirname(os.path.abspath(html_path))
    tmp = os.path.join(folder, "." + os.path.basename(html_path) + ".partial-%d" % os.getpid())
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, html_path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return html_path


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    write_report(*argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
