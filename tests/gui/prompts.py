"""A stand-in for ``gui.prompts.QtPrompts``: answers from a list, and fails on any question
nobody expected (a real modal box would hang the test instead)."""

from __future__ import annotations

from collections.abc import Sequence


class FakePrompts:
    """``FakePrompts(True, "/tmp/x.pdf")`` answers the next two questions, in order. Messages
    (``tell``, ``problem``, ``problems``) need no answer; they are kept in ``told``."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str, str]] = []
        self.told: list[tuple[str, str, str]] = []

    def expect(self, *answers: object) -> FakePrompts:
        self.answers.extend(answers)
        return self

    def _answer(self, kind: str, title: str, text: str) -> object:
        self.asked.append((kind, title, text))
        if not self.answers:
            raise AssertionError(f"unexpected question ({kind}): {title}: {text}")
        return self.answers.pop(0)

    def assert_all_answered(self) -> None:
        assert not self.answers, f"questions expected but never asked; answers left: {self.answers}"

    # Questions
    def go_on_anyway(self, title: str, text: str) -> bool:
        return bool(self._answer("go_on_anyway", title, text))

    def confirm(self, title: str, text: str, yes: str, no: str, destructive: bool = False) -> bool:
        return bool(self._answer("confirm", title, text))

    def open_path(self, title: str, file_filter: str) -> str | None:
        return self._answer("open_path", title, file_filter)  # type: ignore[return-value]

    def save_path(self, title: str, suggested: str, file_filter: str) -> str | None:
        return self._answer("save_path", title, suggested)  # type: ignore[return-value]

    # Messages
    def tell(self, title: str, text: str) -> None:
        self.told.append(("tell", title, text))

    def problem(self, text: str, title: str = "That did not work") -> None:
        self.told.append(("problem", title, text))

    def problems(self, title: str, text: str, items: Sequence[str]) -> None:
        self.told.append(("problems", title, "\n".join([text, *items])))
