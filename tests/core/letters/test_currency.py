"""Letter tips and starter sentences stay current: NHS England is being abolished by the Health
Bill 2026, the Health Secretary of June 2025 is no longer in post, and devolved members come in
groups (1 + 7 MSPs, 6 Members of the Senedd, 5 MLAs)."""

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


def test_devolved_tips_say_there_is_more_than_one_member():
    devolved = next(k for k in KINDS if k.id == "devolved_rep")
    tips = " ".join(devolved.tips)
    for fact in ("7 regional MSPs", "6 Members of the Senedd", "5 MLAs"):
        assert fact in tips
