"""Run a command in this process through the real parser, capturing what it writes."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sirt_desktop.cli import main
from sirt_desktop.cli.output import Console


@dataclass
class Ran:
    code: int
    out: str
    err: str


def cli(*argv: object, stdin: str = "") -> Ran:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Console(stdout=out, stderr=err, stdin=io.StringIO(stdin)))
    return Ran(int(code), out.getvalue(), err.getvalue())
