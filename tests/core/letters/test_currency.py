"""Letter tips and starter sentences stay current: NHS England is being abolished by the Health
Bill 2026, the Health Secretary of June 2025 is no longer in post, and devolved members come in
groups."""

from __future__ import annotations

import re

from sirt_desktop.core.letters.kinds import KINDS

FORMER_MINISTERS = ("Streeting", "Andrew Stephenson", "Neil Gray", "Jeremy Miles")


def _texts():
    for kind in KINDS:
        for tip in kind.tips:
            yield kind.id, tip
        for starter in kind.starters:
            yield kind.id, starter.text


def test_no_tip_or_starter_asks_anyone_to_press_nhs_england():
    for kind_id, text in _texts():
        asks = re.findall(r"(?:write to|contact|contacts|take up my case with|ask)[^.]*NHS England", text)
        assert not asks, f"{kind_id}: {text}"


def test_no_tip_or_starter_names_a_minister():
    for kind_id, text in _texts():
        assert not any(name in text for name in FORMER_MINISTERS), f"{kind_id}: {text}"


def test_devolved_tips_speak_of_members_in_the_plural():
    """Since May 2026 each Senedd constituency has 6 Members; Scotland has 1 + 7 MSPs for each
    person, Northern Ireland 5 MLAs: there is no single "your MS"."""
    devolved = next(k for k in KINDS if k.id == "devolved_rep")
    tips = " ".join(devolved.tips)
    assert "MSPs" in tips and "Members of the Senedd" in tips and "MLAs" in tips
    assert not re.search(r"\byour (MSP|MS|MLA)\b", tips)
