"""`myoflux completion bash`: the script, sourced in bash, completes every subcommand that
`myoflux --help` lists and every option that each subcommand's --help lists."""
import re
import subprocess

from conftest import MYOFLUX, run


def _complete(script, words):
    """COMPREPLY of the script for the command line `words` (the last word being completed)."""
    line = " ".join(f"'{w}'" for w in words)
    program = f"""{script}
COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}
_myoflux
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def _subcommands():
    text = run("--help", check=0).stdout
    return re.findall(r"^  ([a-z][a-z-]+) ", text.split("Subcommands:")[1], flags=re.M)


def test_completes_every_subcommand_and_option():
    script = run("completion", "bash", check=0).stdout
    commands = _subcommands()
    assert {"run", "compare", "export-sbml", "completion"} <= set(commands)
    assert set(commands) <= _complete(script, ["myoflux", ""])
    for command in commands:
        help_text = run(command, "--help", check=0).stdout
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", help_text.split("Options:")[1].split("\n\n")[0]))
        assert options, command
        assert options <= _complete(script, ["myoflux", command, "--"]), command
    assert _complete(script, ["myoflux", "compare", "--rep"]) == {"--report"}


def test_unknown_shell_is_refused():
    result = run("completion", "zsh", check=2)
    assert "bash" in result.stderr
