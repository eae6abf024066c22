"""Figures for myoflux results, shared by the command line and the notebooks.

Run as a module by the ``myoflux`` program::

    python3 -m myoflux.plot validation SERIES.csv OUT_DIR
    python3 -m myoflux.plot compare RESULTS.h5 OUT.png
"""
import csv
import os
import sys
from collections import OrderedDict

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)


def _read_validation_series(path):
    """Groups the rows of validation_series.csv by figure, then by series label."""
    figures = OrderedDict()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            fig = figures.setdefault(row["figure"], {"title": "", "x_label": "", "y_label": "", "series": OrderedDict()})
            for key in ("title", "x_label", "y_label"):
                if row[key] and not fig[key]:
                    fig[key] = row[key]
            s = fig["series"].setdefault(row["label"], {"points": row["points"] == "1", "x": [], "y": [], "e": []})
            s["x"].append(float(row["x"]))
            s["y"].append(float(row["y"]))
            s["e"].append(float(row["y_error"]))
    return figures


def validation_figures(series_csv, out_dir):
    """Draws one PNG per figure of a validation report: model lines, data with error bars."""
    paths = []
    for name, fig in _read_validation_series(series_csv).items():
        f, ax = plt.subplots(figsize=(6.4, 4.2))
        for label, s in fig["series"].items():
            if s["points"]:
                ax.errorbar(s["x"], s["y"], yerr=s["e"], fmt="o", capsize=3, color="black", label=label)
            else:
                ax.plot(s["x"], s["y"], linewidth=2, label=label)
        ax.set_title(fig["title"], fontsize=10)
        ax.set_xlabel(fig["x_label"])
        ax.set_ylabel(fig["y_label"])
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
        f.tight_layout()
        path = os.path.join(out_dir, name + ".png")
        _save_atomically(f, path)
        plt.close(f)
        paths.append(path)
    return paths


def _save_atomically(fig, path, dpi=110):
    """Saves beside the target and renames, so a failed save never leaves a partial PNG."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, "." + os.path.basename(path) + ".partial-%d.png" % os.getpid())
    try:
        fig.savefig(tmp, dpi=dpi)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _read_runs(h5_path):
    """Arms of a result file in file order: name -> {time_h, outputs by name, description}."""
    import h5py

    runs = OrderedDict()
    with h5py.File(h5_path, "r") as f:
        description = f.attrs.get("description", "") or f.attrs.get("study", "")
        for name in f["runs"]:
            g = f["runs"][name]
            outputs = {key: g["outputs"][key][()] for key in g["outputs"]}
            runs[name] = {"time_h": g["time"][()], "outputs": outputs, "description": g.attrs.get("description", "")}
    return runs, description


def _daily_net_balance(time_h, outputs):
    """Net protein balance per day (g/day) from the cumulative synthesis and breakdown."""
    import numpy as np

    net = outputs["cumulative_mps_g"] - outputs["cumulative_mpb_g"]
    days = np.arange(0.0, time_h[-1] / 24.0 + 1e-9, 1.0)
    at_day = np.interp(days * 24.0, time_h, net)
    return days[1:] - 0.5, np.diff(at_day)


def _daily_mean(time_h, values):
    """Mean of a sampled series over each whole day (h -> day midpoints)."""
    import numpy as np

    days = int(time_h[-1] // 24.0)
    if days < 1:
        return time_h / 24.0, values
    edges = np.arange(days + 1) * 24.0
    fine = np.linspace(0.0, days * 24.0, days * 96 + 1)
    sampled = np.interp(fine, time_h, values)
    return (edges[1:] - 12.0) / 24.0, sampled[:-1].reshape(days, 96).mean(axis=1)


_FAMILY_COLOURS = ["#555555", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"]


def _arm_styles(names):
    """One colour per arm, grouped by family: arms that differ only in a numeric suffix
    (``hiit_1.0``, ``hiit_1.6``) share a hue, the lower value light and dashed."""
    import matplotlib.colors as mcolors

    def split(name):
        head, _, tail = name.rpartition("_")
        try:
            return head, float(tail)
        except ValueError:
            return name, None

    families = OrderedDict()
    for n in names:
        family, value = split(n)
        families.setdefault(family, []).append((value if value is not None else 0.0, n))
    styles = {}
    for k, (family, members) in enumerate(families.items()):
        base = mcolors.to_rgb(_FAMILY_COLOURS[k % len(_FAMILY_COLOURS)])
        members.sort()
        for j, (_, n) in enumerate(members):
            # Lighter for lower values: mix with white, darkest for the highest.
            light = 0.55 * (len(members) - 1 - j) / max(len(members) - 1, 1)
            colour = tuple(c + (1.0 - c) * light for c in base)
            styles[n] = {"color": colour, "linestyle": "--" if j < len(members) - 1 else "-"}
    return styles


def compare_figure(h5_path, png_path, title=None):
    """The comparison figure of `myoflux compare`: daily net protein balance, CSA change, CK and
    glycogen over time, one colour per arm."""
    fig = comparison(h5_path, title)
    _save_atomically(fig, png_path)
    plt.close(fig)
    return png_path


def comparison(h5_path, title=None):
    """The figure of compare_figure as a matplotlib Figure (the HTML report embeds it as SVG)."""
    runs, description = _read_runs(h5_path)
    import textwrap

    title = title or " ".join(description.split()) or os.path.basename(h5_path)
    title = "\n".join(textwrap.wrap(title, 110))
    longest_h = max(r["time_h"][-1] for r in runs.values())
    in_days = longest_h > 48.0
    scale, unit = (1.0 / 24.0, "days") if in_days else (1.0, "h")
    styles = _arm_styles(list(runs))
    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5), sharex=True)
    (net_ax, csa_ax), (ck_ax, gly_ax) = axes
    for name, run in runs.items():
        style = dict(styles[name], label=name)
        t, out = run["time_h"] * scale, run["outputs"]
        if in_days:
            d, net = _daily_net_balance(run["time_h"], out)
            net_ax.plot(d, net, linewidth=1.5, **style)
            gd, gly = _daily_mean(run["time_h"], out["glycogen_mmol_per_kg_dw"])
            gly_ax.plot(gd, gly, linewidth=1.8, **style)
        else:
            net_ax.plot(t, out["net_balance"], linewidth=1.5, **style)
            gly_ax.plot(t, out["glycogen_mmol_per_kg_dw"], linewidth=1.5, **style)
        csa_ax.plot(t, out["csa_change_percent"], linewidth=2, **style)
        ck_ax.plot(t, out["ck_u_per_l"], linewidth=1.5, **style)
    net_ax.axhline(0.0, color="grey", linewidth=0.8)
    csa_ax.axhline(0.0, color="grey", linewidth=0.8)
    net_ax.set_ylabel("net protein balance (g/day)" if in_days else "net protein balance (g/h)")
    net_ax.set_title("Synthesis minus breakdown, leg myofibrillar protein" + (" (daily)" if in_days else ""), fontsize=10)
    csa_ax.set_ylabel("whole-muscle CSA change (%)")
    csa_ax.set_title("Muscle size (cross-sectional area)", fontsize=10)
    ck_ax.set_ylabel("plasma CK (U/L)")
    ck_ax.set_title("Damage marker: creatine kinase", fontsize=10)
    gly_ax.set_ylabel("leg glycogen (mmol/kg dry weight)")
    gly_ax.set_title("Muscle glycogen" + (" (daily mean)" if in_days else ""), fontsize=10)
    for ax in axes[1]:
        ax.set_xlabel("time (%s)" % unit)
    for ax in axes.flat:
        ax.grid(alpha=0.3)
    handles, labels = csa_ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=min(len(labels), 6), fontsize=9, frameon=False)
    fig.suptitle(title, fontsize=12)
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    return fig


def main(argv):
    if len(argv) == 3 and argv[0] == "validation":
        validation_figures(argv[1], argv[2])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        compare_figure(argv[1], argv[2])
        return 0
    sys.stderr.write("usage: python3 -m myoflux.plot validation SERIES.csv OUT_DIR\n"
                     "       python3 -m myoflux.plot compare RESULTS.h5 OUT.png\n")
    return 2



# ---------------------------------------------------------------------------------------------
# Helpers for notebooks and Python users (issue 6). They take Result objects (anything with
# time_h, result[name], unit(name) and description(name)) or plain arrays, never myoflux._core,
# so this module still runs with only the source folder on PYTHONPATH. Every axis gets a unit.
# ---------------------------------------------------------------------------------------------

# Short axis labels for the outputs notebooks plot most; others fall back to the description.
_SHORT_LABELS = {
    "net_balance": "net protein balance",
    "mps_rate": "muscle protein synthesis",
    "mpb_rate": "muscle protein breakdown",
    "csa_change_percent": "whole-muscle CSA change",
    "muscle_protein_g": "leg myofibrillar protein",
    "fsr_percent_per_h": "fractional synthesis rate",
    "mps_fold": "synthesis relative to basal",
    "plasma_leucine_umol_per_l": "plasma leucine",
    "intracellular_leucine_umol_per_l": "muscle free leucine",
    "insulin_pmol_per_l": "plasma insulin",
    "ck_u_per_l": "plasma CK",
    "damage": "muscle damage",
    "glycogen_mmol_per_kg_dw": "leg glycogen",
    "lactate_mmol_per_l": "blood lactate",
    "refractory": "'muscle full' refractoriness",
    "myostatin_relative": "myostatin (relative to rest)",
}

_TIME_UNITS = {"h": 1.0, "min": 60.0, "days": 1.0 / 24.0, "weeks": 1.0 / 168.0}


def axis_label(result, name):
    """Axis label 'short name (unit)' for the variable `name` of `result` (a Result),
    e.g. 'plasma CK (U/L)'."""
    label = _SHORT_LABELS.get(name) or result.description(name)
    unit = result.unit(name)
    return f"{label} ({unit})" if unit and unit != "1" else f"{label} (dimensionless)"


def _as_items(results):
    """(label, result) pairs from a dict label -> Result, a list of Results or one Result."""
    if isinstance(results, dict):
        return list(results.items())
    if hasattr(results, "time_h"):
        return [(getattr(results, "run_id", "run"), results)]
    return [(getattr(r, "run_id", str(i)), r) for i, r in enumerate(results)]


def time_courses(results, variables, time_unit="days", window_h=None, title=None, styles=None):
    """One panel per variable, one line per run, time on the x axis.

    Arguments:
        results: dict label -> Result, a list of Results or one Result.
        variables: output names (e.g. ["net_balance", "csa_change_percent"]) or one name.
        time_unit: x axis unit: "h", "min", "days" or "weeks".
        window_h: (start_h, end_h) to show only part of the runs, in h from t = 0.
        title: figure title.
        styles: dict label -> matplotlib line properties (colour, linestyle).
    Returns the matplotlib Figure; axes are labelled with their units.
    """
    if isinstance(variables, str):
        variables = [variables]
    scale = _TIME_UNITS[time_unit]
    items = _as_items(results)
    fig, axes = plt.subplots(len(variables), 1, figsize=(8.0, 2.6 * len(variables) + 0.6),
                             sharex=True, squeeze=False)
    for ax, name in zip(axes[:, 0], variables):
        for label, result in items:
            t = result.time_h
            y = result[name]
            if window_h is not None:
                keep = (t >= window_h[0]) & (t <= window_h[1])
                t, y = t[keep], y[keep]
            ax.plot(t * scale, y, label=label, linewidth=1.6, **(styles or {}).get(label, {}))
        ax.set_ylabel(axis_label(items[0][1], name))
        ax.grid(alpha=0.3)
    axes[-1, 0].set_xlabel(f"time since start ({time_unit})")
    axes[0, 0].legend(fontsize=8, loc="best")
    if title:
        axes[0, 0].set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


def net_balance_per_day(result):
    """Net protein balance of each whole day (g/day) of `result` (a Result of a day or more),
    from the cumulative synthesis and breakdown.

    Returns (day_midpoints_days, grams_per_day) as numpy arrays.
    """
    import numpy as np

    t = result.time_h
    net = result["cumulative_mps_g"] - result["cumulative_mpb_g"]
    days = np.arange(0.0, t[-1] / 24.0 + 1e-9, 1.0)
    at_day = np.interp(days * 24.0, t, net)
    return days[1:] - 0.5, np.diff(at_day)


def daily_net_balance(results, ax=None, title=None, styles=None):
    """Daily net protein balance (synthesis minus breakdown, g/day) of each run over time.

    Arguments:
        results: dict label -> Result, a list of Results or one Result (runs of 1 day or more).
        ax: matplotlib Axes to draw on (default: a new figure).
        title: axes title.
        styles: dict label -> matplotlib line properties.
    Returns the Axes; x in days, y in g/day.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, 3.4))
    for label, result in _as_items(results):
        days, grams = net_balance_per_day(result)
        ax.plot(days, grams, label=label, linewidth=1.4, **(styles or {}).get(label, {}))
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel("day")
    ax.set_ylabel("net protein balance (g/day)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title, fontsize=11)
    return ax


def endpoint_bars(values, ylabel, ax=None, title=None, colors=None):
    """A bar per run for one endpoint.

    Arguments:
        values: dict label -> number, or a pandas Series (index: labels).
        ylabel: y axis label including the unit, e.g. "CSA change after 10 weeks (%)".
        ax: matplotlib Axes to draw on (default: a new figure).
        title: axes title.
        colors: one colour per bar, or None.
    Returns the Axes.
    """
    labels = list(values.keys())
    numbers = [float(values[k]) for k in labels]
    if ax is None:
        _, ax = plt.subplots(figsize=(max(4.0, 0.9 * len(labels) + 1.5), 3.6))
    ax.bar(range(len(labels)), numbers, color=colors)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=9)
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3, axis="y")
    if title:
        ax.set_title(title, fontsize=11)
    ax.figure.tight_layout()
    return ax


def mark_timeline(ax, scenario, time_unit="h", window_h=None):
    """Shades training sessions and marks meals and drinks of a Scenario on time axes.

    Arguments:
        ax: matplotlib Axes whose x axis is time in `time_unit` since the start.
        scenario: a myoflux Scenario (its sessions and intakes).
        time_unit: "h", "min", "days" or "weeks", as the axes use.
        window_h: (start_h, end_h): only mark what falls inside, in h.
    """
    scale = _TIME_UNITS[time_unit]
    lo, hi = window_h if window_h is not None else (float("-inf"), float("inf"))
    for s in scenario.sessions:
        if s["start_h"] + s["duration_h"] >= lo and s["start_h"] <= hi:
            start = s["start_h"] * scale
            ax.axvspan(start, start + s["duration_h"] * scale, color="orange", alpha=0.25, lw=0)
    for intake in scenario.intakes:
        if lo <= intake["time_h"] <= hi:
            ax.axvline(intake["time_h"] * scale, color="green", alpha=0.5, linestyle=":", lw=1)


def validation_plot(series, figure, ax=None):
    """One figure of myoflux.validate(): model lines and published data with error bars.

    Arguments:
        series: the ``series`` list of a Validation (dicts with figure, label, points, x, y,
            y_error, title, x_label, y_label; the labels carry the units).
        figure: which figure to draw (the ``figure`` field).
        ax: matplotlib Axes to draw on (default: a new figure).
    Returns the Axes.
    """
    chosen = [s for s in series if s["figure"] == figure]
    if not chosen:
        raise ValueError(f"no validation figure '{figure}'")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.0))
    for s in chosen:
        if s["points"]:
            ax.errorbar(s["x"], s["y"], yerr=s["y_error"], fmt="o", capsize=3, color="black",
                        label=s["label"])
        else:
            ax.plot(s["x"], s["y"], linewidth=2, label=s["label"])
    first = chosen[0]
    ax.set_title(first["title"], fontsize=10)
    ax.set_xlabel(next((s["x_label"] for s in chosen if s["x_label"]), ""))
    ax.set_ylabel(next((s["y_label"] for s in chosen if s["y_label"]), ""))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
