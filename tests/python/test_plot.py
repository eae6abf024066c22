"""The plotting helpers for notebooks: they draw Results with every axis labelled with a unit."""
import re

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import myoflux  # noqa: E402
from myoflux import plot  # noqa: E402

UNIT_IN_LABEL = re.compile(r"\(.+\)")


@pytest.fixture(scope="module")
def runs():
    from conftest import ONE_DAY

    base = myoflux.Scenario.from_dict(ONE_DAY).with_(duration="3 days")
    return {"1.0 g/kg/day": myoflux.run(base, diet__protein="1.0 g/kg/day"),
            "2.0 g/kg/day": myoflux.run(base, diet__protein="2.0 g/kg/day")}


def labelled(ax):
    return UNIT_IN_LABEL.search(ax.get_xlabel()) and UNIT_IN_LABEL.search(ax.get_ylabel())


def test_time_courses(runs):
    fig = plot.time_courses(runs, ["net_balance", "csa_change_percent", "damage"], time_unit="h",
                            window_h=(0, 30), title="test")
    axes = fig.axes
    assert len(axes) == 3
    assert axes[0].get_ylabel() == "net protein balance (g/h)"
    assert axes[1].get_ylabel() == "whole-muscle CSA change (%)"
    assert axes[2].get_ylabel() == "muscle damage (dimensionless)"
    assert axes[-1].get_xlabel() == "time since start (h)"
    assert len(axes[0].get_lines()) == 2
    assert max(axes[0].get_lines()[0].get_xdata()) <= 30
    plt.close(fig)


def test_daily_net_balance(runs):
    ax = plot.daily_net_balance(runs)
    assert labelled(ax) or ax.get_xlabel() == "day"
    assert ax.get_ylabel() == "net protein balance (g/day)"
    days, grams = plot.net_balance_per_day(runs["1.0 g/kg/day"])
    assert list(days) == [0.5, 1.5, 2.5] and grams.shape == (3,)
    plt.close(ax.figure)


def test_endpoint_bars():
    ax = plot.endpoint_bars({"a": 1.0, "b": -2.0}, "CSA change (%)", title="t")
    assert ax.get_ylabel() == "CSA change (%)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b"]
    plt.close(ax.figure)


def test_mark_timeline(runs):
    fig = plot.time_courses(runs, "plasma_leucine_umol_per_l", time_unit="h")
    scenario = runs["1.0 g/kg/day"].scenario
    plot.mark_timeline(fig.axes[0], scenario, time_unit="h", window_h=(0, 24))
    assert len(fig.axes[0].patches) == 1  # the one run on day 1
    assert len(fig.axes[0].get_lines()) == 2 + 3  # two runs and three meals on day 1
    plt.close(fig)


def test_validation_plot():
    series = [
        {"figure": "f", "title": "T", "x_label": "time (min)", "y_label": "leucine (umol/L)",
         "label": "model", "points": False, "x": [0, 1], "y": [1, 2], "y_error": []},
        {"figure": "f", "title": "", "x_label": "", "y_label": "", "label": "data", "points": True,
         "x": [0, 1], "y": [1, 2], "y_error": [0.1, 0.1]},
    ]
    ax = plot.validation_plot(series, "f")
    assert labelled(ax)
    with pytest.raises(ValueError, match="no validation figure 'g'"):
        plot.validation_plot(series, "g")
    plt.close(ax.figure)
