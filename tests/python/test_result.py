"""Result: zero-copy row-major numpy views, names and units, columns, summary, xarray, pandas."""
import numpy as np
import pytest

import myoflux


@pytest.fixture(scope="module")
def result():
    from conftest import ONE_DAY

    return myoflux.run(ONE_DAY)


def test_values_are_a_zero_copy_row_major_view(result):
    values = result.values
    assert values.dtype == np.float64
    assert values.shape == (len(result.time_h), len(result.names))
    assert values.flags["C_CONTIGUOUS"] and not values.flags["OWNDATA"]
    assert values.strides == (8 * values.shape[1], 8)
    # The array's memory is the C++ Result's matrix, and the array keeps the run alive.
    assert values.ctypes.data == result._core._values_address
    assert values.base is result._core
    assert np.shares_memory(values, result.values)


def test_time_is_a_zero_copy_view(result):
    assert not result.time_h.flags["OWNDATA"]
    assert result.time_h.base is result._core
    assert np.all(np.diff(result.time_h) > 0)


def test_views_are_read_only(result):
    assert not result.values.flags["WRITEABLE"]
    with pytest.raises(ValueError):
        result.values[0, 0] = 1.0


def test_views_outlive_the_result():
    from conftest import ONE_DAY

    values = myoflux.run(ONE_DAY).values  # the Result object is gone after this line
    assert np.isfinite(values).all()


def test_names_units_descriptions_match_the_model(result):
    outputs = myoflux.outputs()
    assert result.names == list(outputs["name"])
    assert result.units == list(outputs["unit"])
    assert result.descriptions == list(outputs["description"])
    assert result.unit("csa_change_percent") == "%"
    assert result.unit("net_balance") == "g/h"
    assert "cross-sectional area" in result.description("csa_change_percent")
    assert "csa_change_percent" in result and "nope" not in result
    assert list(dict(result)) == result.names


def test_column_is_a_view_into_values(result):
    csa = result["csa_change_percent"]
    j = result.names.index("csa_change_percent")
    assert np.shares_memory(csa, result.values)
    assert np.array_equal(csa, result.values[:, j])
    assert csa[0] == pytest.approx(0.0, abs=1e-12)


def test_time_days(result):
    assert np.allclose(result.time_days * 24.0, result.time_h)


def test_summary_is_a_dict_of_quantities_with_units(result):
    summary = result.summary()
    csa = summary["csa_change_percent"]
    assert isinstance(csa, myoflux.Quantity)
    assert csa.unit == "%" and csa.value == pytest.approx(result["csa_change_percent"][-1])
    assert summary["mean_daily_net_balance"].unit == "g/day"
    assert summary["peak_ck"].unit == "U/L"
    assert all(isinstance(q.unit, str) for q in summary.values())


def test_to_xarray(result):
    da = result.to_xarray()
    assert da.dims == ("time", "variable")
    assert da.shape == result.values.shape
    assert np.shares_memory(da.values, result.values)
    assert da["time"].attrs["units"] == "h"
    assert list(da["variable"].values) == result.names
    assert da.attrs["units"]["csa_change_percent"] == "%"
    csa = da.sel(variable="csa_change_percent")
    assert csa["unit"].item() == "%"
    assert np.array_equal(csa.values, result["csa_change_percent"])


def test_to_pandas(result):
    df = result.to_pandas()
    assert df.index.name == "time_h"
    assert list(df.columns) == result.names
    assert np.array_equal(df.index.values, result.time_h)
    assert np.array_equal(df["net_balance"].values, result["net_balance"])
    assert df.attrs["units"]["net_balance"] == "g/h"


def test_stats_and_metadata(result):
    assert result.stats["ok"] and result.stats["steps"] > 0
    meta = result.metadata
    assert meta["run_id"] == "one_day"
    assert meta["provenance"] is None
    assert meta["subject"]["body_mass"] == myoflux.Quantity(60.0, "kg", "")
    assert "one_day" in meta["scenario_text"]
    assert meta["parameters"]
    assert "one_day" in repr(result)


def test_summary_table(result):
    from conftest import ONE_DAY

    other = myoflux.run(ONE_DAY, diet__protein="2.0 g/kg/day")
    table = myoflux.summary_table({"base": result, "more protein": other})
    assert list(table.index) == ["base", "more protein"]
    expected = result.summary()["csa_change_percent"].value
    assert table.loc["base", "csa_change_percent"] == pytest.approx(expected)
    assert table.attrs["units"]["peak_ck"] == "U/L"
    labelled = myoflux.summary_table([result, other], units_in_names=True)
    assert "csa_change_percent [%]" in labelled.columns
    assert list(labelled.index) == ["one_day", "one_day"]
