"""`myoflux compare STUDY --report report.html`: one self-contained HTML file that headless Chromium
(Debian's chromium, tools/debian-packages.txt) renders without errors, with the figure, the
endpoint table, every arm's scenario text, the provenance and the validation status present.
The screenshot is kept beside the report (the path is printed) for a person to look at."""
import html as html_text
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import h5py
import matplotlib.image
import pytest

from conftest import SOURCE_DIR, run

ONE_DAY = os.path.join(SOURCE_DIR, "tests", "engine", "sweep", "data")


class _Elements(HTMLParser):
    """Counts start tags and collects external references (src/href to other files)."""

    def __init__(self):
        super().__init__()
        self.tags, self.external, self.ids = {}, [], set()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for key, value in attrs:
            if key == "id":
                self.ids.add(value)
            if key in ("src", "href") and value and not value.startswith(("data:", "#")):
                self.external.append(value)


def _chromium():
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("chromium is missing: run tools/bootstrap.sh (the report test needs it)")
    return path


def _headless(*args, home):
    # No sandbox: the tests run as root; a private profile and HOME keep the user's alone.
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               f"--user-data-dir={home}/profile", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=dict(os.environ, HOME=str(home)))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    shutil.copy(os.path.join(ONE_DAY, "one_day.yaml"), folder)
    shutil.copy(os.path.join(ONE_DAY, "two_arms.yaml"), folder)
    html = folder / "report.html"
    result = run("compare", folder / "two_arms.yaml", "-o", folder / "two_arms.h5", "--report", html, check=0)
    assert f"wrote {html}" in result.stdout
    return folder, html


def test_report_is_one_file_with_every_part(report):
    folder, html = report
    text = html.read_text()
    elements = _Elements()
    elements.feed(text)
    assert elements.external == []  # self-contained: nothing to fetch
    assert elements.tags.get("script", 0) == 0
    assert {"comparison", "endpoints", "validation-status", "provenance"} <= elements.ids
    assert elements.tags["svg"] == 1
    # Each arm's scenario text, escaped, and its endpoints.
    with h5py.File(folder / "two_arms.h5", "r") as f:
        for arm in ("low", "high"):
            scenario_text = f["runs"][arm]["scenario"].attrs["text"]
            assert html_text.escape(scenario_text) in text
        assert f.attrs["git_commit"] in text
    assert re.search(r"<strong>\d+ of \d+</strong> published targets are met", text)
    # No partial file or validation rows are left behind.
    assert sorted(os.listdir(folder)) == ["one_day.yaml", "report.html", "two_arms.h5", "two_arms.png",
                                          "two_arms.yaml"]


def test_chromium_renders_it_with_the_figure(report, tmp_path):
    folder, html = report
    dom = _headless("--dump-dom", html.as_uri(), home=tmp_path)
    assert dom.returncode == 0, dom.stderr
    assert "Uncaught" not in dom.stderr and "CONSOLE" not in dom.stderr, dom.stderr
    rendered = _Elements()
    rendered.feed(dom.stdout)
    assert rendered.tags.get("svg") == 1 and rendered.tags.get("path", 0) > 20  # the figure's lines
    assert {"comparison", "endpoints", "provenance"} <= rendered.ids

    screenshot = folder / "report.png"
    shot = _headless(f"--screenshot={screenshot}", "--window-size=1200,2000", html.as_uri(), home=tmp_path)
    assert shot.returncode == 0, shot.stderr
    pixels = matplotlib.image.imread(screenshot)
    assert pixels.shape[:2] == (2000, 1200)
    # Not a blank page: the figure's coloured lines are there (blue of the second arm family).
    assert pixels[..., :3].std() > 0.05
    print(f"screenshot of the report: {screenshot}")
