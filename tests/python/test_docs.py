"""docs/python.md is checked: its example session runs and prints what the page shows, and it
mentions every public name of the package and every plotting helper."""
import doctest
import pathlib
import re

import myoflux
from test_docstrings import PUBLIC_PLOT_HELPERS

PAGE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "python.md"


def test_example_session_runs_as_shown():
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    sessions = [block for block in blocks if block.startswith(">>>")]
    assert sessions, "docs/python.md has no >>> session"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for block in sessions:
        test = parser.get_doctest(block, {}, "docs/python.md", str(PAGE), 0)
        runner.run(test)
    assert runner.failures == 0, "the session in docs/python.md no longer prints what it shows"
    assert runner.tries >= 5


def test_every_public_name_is_documented():
    text = PAGE.read_text(encoding="utf-8")
    for name in myoflux.__all__ + PUBLIC_PLOT_HELPERS:
        assert name in text, f"docs/python.md does not mention {name}"
