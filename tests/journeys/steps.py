"""What a person does in SIRT Desktop, as key presses (the keys the README and the underlined
letters offer), and what they get out of it, read from outside the app."""

from __future__ import annotations

import json
from pathlib import Path

from tests.journeys.harness import App, JourneyError, pdf_lines, wait_for

WRITE, HISTORY, HELPLINE, SETTINGS = "ctrl+5", "ctrl+6", "ctrl+7", "ctrl+8"


def open_writer(app: App) -> None:
    app.key(WRITE)


def next_step(app: App) -> None:
    """The Next → button, by its underlined letter."""
    app.key("alt+n")


def fill_sender(app: App, name: str, address: list[str], postcode: str, remember: bool = False) -> None:
    """Step 2, From: Name (Alt+M), then Tab through address and postcode; optionally tick
    "Remember these details" (Tab past email and phone, then Space)."""
    app.key("alt+m")
    app.type(name)
    app.key("Tab")
    app.type("\n".join(address))
    app.key("Tab")
    app.type(postcode)
    if remember:
        app.key("Tab", "Tab", "Tab", "space")


def fill_manual_recipient(app: App, name: str, role: str, address: list[str], postcode: str) -> None:
    """Step 3, To, for a letter to a clinician: the fields from Name down, by Tab."""
    app.type(name)
    app.key("Tab")
    app.type(role)
    app.key("Tab")
    app.type("\n".join(address))
    app.key("Tab")
    app.type(postcode)


def choose_kind(app: App, downs: int) -> None:
    """Step 1: the kinds are radio buttons; ↓ moves to (and chooses) the next one. Ctrl+5 leaves
    the keyboard in the section list, and Tab passes two stops before the first radio button;
    Next then Back lands on the chosen kind directly."""
    app.key("alt+n")
    app.key("alt+b")
    for _ in range(downs):
        app.key("Down")


CLINICIAN = 2  # ↓ twice from "To my MP — campaign"


def print_to_file(app: App, path: Path) -> Path:
    """Print… (Alt+P) on step 5, then in the system print dialog choose "Print to File (PDF)"
    (the last printer in the list), type the file name and press Enter."""
    app.key("alt+p")
    print_from_dialog(app, path)
    return path


def print_from_dialog(app: App, path: Path) -> None:
    app.wait_window(r"^Print$")
    app.key("alt+n", "End")  # the printer list: "Print to File (PDF)" is the last entry
    app.key("alt+f", "ctrl+a")  # Output file
    app.type(str(path))
    app.key("Return")
    app.wait_no_window(r"^Print$")
    wait_for(
        lambda: path.exists() and path.stat().st_size > 1000 and path.read_bytes().rstrip().endswith(b"%%EOF"),
        f"the printed file {path}",
        check=app.check_running,
    )


def letters(app: App) -> list[dict]:
    """Every letter in the database, newest last, with its JSON decoded."""
    rows = app.query("SELECT id, kind, status, recipient_name, subject, body, data_json FROM letters ORDER BY id")
    return [
        {
            "id": r[0],
            "kind": r[1],
            "status": r[2],
            "recipient_name": r[3],
            "subject": r[4],
            "body": r[5],
            "data": json.loads(r[6] or "{}"),
        }
        for r in rows
    ]


def profiles(app: App) -> list[dict]:
    rows = app.query("SELECT id, name, address, postcode FROM sender_profiles ORDER BY id")
    return [{"id": r[0], "name": r[1], "address": r[2], "postcode": r[3]} for r in rows]


def printed_copies(app: App) -> list[tuple[int, str]]:
    return app.query("SELECT letter_id, purpose FROM letter_pdfs ORDER BY id")


def wait_saved(app: App, predicate, what: str, timeout: float = 30):
    """The autosaved draft (checked in the database) reaches a state."""

    def ready():
        found = [letter for letter in letters(app) if predicate(letter)]
        return found[-1] if found else None

    try:
        return wait_for(ready, what, timeout=timeout, check=app.check_running)
    except JourneyError as exc:
        raise JourneyError(f"{exc}; the letters saved are: {summary(letters(app))}") from None


def summary(saved: list[dict]) -> str:
    return (
        "; ".join(
            f"#{s['id']} {s['kind']} {s['status']} to {s['recipient_name']!r} from "
            f"{s['data'].get('sender', {}).get('name', '')!r}"
            for s in saved
        )
        or "none"
    )


def greeting_line(lines: list[str]) -> str:
    return next((line for line in lines if line.startswith("Dear ")), "")


def printed_lines(path: Path) -> list[str]:
    return pdf_lines(path)
