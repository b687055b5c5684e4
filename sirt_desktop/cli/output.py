"""What every command shares: where its words go, its exit codes, and no traceback ever.

A command writes answers with ``Console.say`` (standard output) and problems with
``Console.problem`` (standard error). Text that cannot be encoded is replaced rather than
raising; a reader that goes away (``| head``) ends the output quietly.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import IntEnum
from typing import Concatenate, ParamSpec, TextIO

log = logging.getLogger(__name__)
P = ParamSpec("P")


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1  # the command ran, but something was wrong (each thing is named)
    CANNOT_START = 2  # wrong options, or a file that cannot be read at all
    INTERRUPTED = 130  # Ctrl+C


def _reconfigure(stream: TextIO, **options: str) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(**options)
    except (ValueError, OSError):  # already read from, or not a text stream: keep it as it is
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors=options.get("errors", "replace"))


class Console:
    """Standard input, output and error for one command. ``prefix`` starts every problem line
    ("letter: ..."), as the command's own name."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        stdin: TextIO | None = None,
        prefix: str = "",
    ) -> None:
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr
        self.stdin = stdin if stdin is not None else sys.stdin
        self.prefix = prefix
        _reconfigure(self.stdout, errors="replace")
        _reconfigure(self.stderr, errors="replace")

    def say(self, text: str = "") -> None:
        """One answer (or several lines) on standard output, flushed at once."""
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def write(self, text: str) -> None:
        """Text exactly as given, flushed: one streamed answer."""
        self.stdout.write(text)
        self.stdout.flush()

    def problem(self, text: str) -> None:
        """One problem on standard error, after the command's prefix."""
        self.stderr.write(f"{self.prefix}{text}\n")
        self.stderr.flush()

    def problems(self, head: str, items: Iterable[object], bullet: str = "  ") -> None:
        """A heading line and one indented line per problem, on standard error."""
        lines = [f"{self.prefix}{head}", *(f"{bullet}{item}" for item in items)]
        self.stderr.write("\n".join(lines) + "\n")
        self.stderr.flush()

    def lines(self) -> Iterator[str]:
        """Lines of standard input without their line ending, split on "\\n" only; bad bytes
        are replaced, so no input line can stop the stream."""
        _reconfigure(self.stdin, encoding="utf-8", errors="replace", newline="\n")
        while True:
            line = self.stdin.readline()
            if not line:
                return
            yield line.rstrip("\n").rstrip("\r")

    def silence(self) -> None:
        """The reader went away: send whatever is still buffered nowhere, so exiting is quiet."""
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass


Command = Callable[Concatenate[Console, P], ExitCode]


def never_a_traceback(message: str) -> Callable[[Command[P]], Command[P]]:
    """Wrap a command so that any unexpected error becomes ``message`` (which may name the
    ``{error}`` and its ``{kind}``), logged with its traceback, and ``ExitCode.PROBLEMS``.
    Ctrl+C gives ``INTERRUPTED``; a closed pipe ends quietly with ``OK``."""

    def wrap(command: Command[P]) -> Command[P]:
        def run(console: Console, /, *args: P.args, **kwargs: P.kwargs) -> ExitCode:
            try:
                return command(console, *args, **kwargs)
            except KeyboardInterrupt:
                console.problem("stopped")
                return ExitCode.INTERRUPTED
            except BrokenPipeError:
                console.silence()
                return ExitCode.OK
            except Exception as exc:
                log.exception("%s failed", command.__name__)
                console.problem(message.format(error=exc, kind=type(exc).__name__))
                return ExitCode.PROBLEMS

        functools.update_wrapper(run, command)
        return run

    return wrap
