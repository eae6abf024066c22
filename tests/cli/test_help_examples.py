"""Every command's --help is a small man page with at least one example, and every example runs:
each command line that follows "Example:" / "Examples:" in a --help text is executed (in a scratch
folder that sees the scenario library as scenarios/) and must exit 0."""
import os
import re
import shlex

from conftest import SOURCE_DIR, run

# Examples that read what another command's example wrote run after it.
LATER = {"info": 1, "merge": 1}


def _subcommands():
    text = run("--help", check=0).stdout
    return re.findall(r"^  ([a-z][a-z-]+) ", text.split("Subcommands:")[1], flags=re.M)


def examples(help_text):
    """The command lines of the Example(s) section of one help text."""
    lines = help_text.splitlines()
    found = []
    for i, line in enumerate(lines):
        if not re.match(r"Examples?:", line):
            continue
        rest = line.split(":", 1)[1].strip()
        if rest.startswith("myoflux "):
            found.append(rest)
        for following in lines[i + 1:]:
            if not following.startswith("  myoflux "):
                break
            found.append(following.strip())
    return found


def test_examples_are_found_in_help_texts():
    sample = "Examples:\n  myoflux run a.yaml\n  myoflux run b.yaml -o x.h5\n  writes x.h5\nExit codes: 0"
    assert examples(sample) == ["myoflux run a.yaml", "myoflux run b.yaml -o x.h5"]
    assert examples("Example: myoflux info f.h5\n  (what it holds)") == ["myoflux info f.h5"]


def test_every_command_has_an_example_and_every_example_runs(tmp_path):
    os.symlink(os.path.join(SOURCE_DIR, "scenarios"), tmp_path / "scenarios")
    commands = sorted(_subcommands(), key=lambda c: LATER.get(c, 0))
    assert len(commands) >= 10
    ran = 0
    for command in commands:
        lines = examples(run(command, "--help", check=0).stdout)
        assert lines, f"`myoflux {command} --help` has no example"
        for line in lines:
            words = shlex.split(line)
            assert words[0] == "myoflux" and words[1] == command, line
            result = run(*words[1:], cwd=tmp_path)
            assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
            ran += 1
    assert ran >= len(commands)
