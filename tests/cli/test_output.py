from __future__ import annotations

import io

from sirt_desktop.cli.output import Console, ExitCode, never_a_traceback
from tests.cli.run import cli


def _console():
    return Console(stdout=io.StringIO(), stderr=io.StringIO(), prefix="demo: ")


def test_exit_codes_keep_their_numbers():
    assert [int(c) for c in ExitCode] == [0, 1, 2, 130]


def test_an_unexpected_error_is_one_plain_line_and_problems(caplog):
    @never_a_traceback("could not do it ({kind}): {error}")
    def broken(console: Console) -> ExitCode:
        raise RuntimeError("the disk fell off")

    console = _console()
    assert broken(console) == ExitCode.PROBLEMS
    assert console.stderr.getvalue() == "demo: could not do it (RuntimeError): the disk fell off\n"
    assert "Traceback" not in console.stderr.getvalue()
    assert "the disk fell off" in caplog.text  # the log keeps the detail


def test_ctrl_c_and_a_closed_pipe():
    @never_a_traceback("never shown")
    def interrupted(console: Console) -> ExitCode:
        raise KeyboardInterrupt

    @never_a_traceback("never shown")
    def piped(console: Console) -> ExitCode:
        raise BrokenPipeError

    console = _console()
    assert interrupted(console) == ExitCode.INTERRUPTED
    assert console.stderr.getvalue() == "demo: stopped\n"
    assert piped(_console()) == ExitCode.OK


def test_text_that_cannot_be_encoded_is_replaced_not_raised():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    Console(stdout=stream, stderr=io.StringIO()).say("Ynys Môn")
    stream.flush()
    assert raw.getvalue() == b"Ynys M?n\n"


def test_version_through_the_registry():
    ran = cli("--version")
    assert ran.code == 0 and ran.out.startswith("SIRT Desktop ") and "Bundled data:" in ran.out


def test_a_command_loads_only_its_own_module():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sirt_desktop.cli import main\n"
        "main(['lookup', '--json', 'SO51 7AA'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('sirt_desktop.cli.') or m.startswith('PySide6')"
        " or m.startswith('sqlalchemy') or m.startswith('reportlab'))\n"
        "print(loaded, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "['sirt_desktop.cli.lookup', 'sirt_desktop.cli.output']"
