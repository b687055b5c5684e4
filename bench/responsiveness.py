"""Does the window keep answering while slow work runs? The longest event-loop stall per flow.

    .venv-test/bin/python bench/responsiveness.py [--letters 20000] [--runs 3] [--quick]

Each flow runs in a fresh process (so "first" really is first: the first database open, the
first PDF render), offscreen, with a 5 ms timer on the GUI thread that records how late each
tick comes. The longest gap, less the timer's own interval, is the stall a person would feel
as a frozen window.

Two ways for every flow, in the same run:
- ``blocking``: the same core work called directly on the GUI thread, as the app did before
  slow work moved off it. This is the baseline, measured on this machine now.
- ``app``: the app's own controller for that flow (with answers given to its questions), which
  runs the work through ``gui.tasks.run_in_background`` and shows that it is busy.

Flows: export of N letters, Delete everything over N letters, the first database open (with
its migration and backup), the first letter preview (ReportLab's import and first render), a
content-pack install, and an MP-list import. Target: no stall over 100 ms in ``app``.
The table shows medians over ``--runs`` processes; the last line is "worst app stall X ms".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOWS = ("export", "delete_everything", "first_open", "first_preview", "content_install", "mp_import")
TARGET_MS = 100.0


# ---------------------------------------------------------------------------------------------
# The parent: prepares data folders, runs each flow in its own process, prints the table.
# ---------------------------------------------------------------------------------------------
def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SIRT_DESKTOP_HOME=str(home))
    env.pop("SIRT_DESKTOP_DATABASE_URL", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _seed(home: Path, letters: int) -> None:
    """A data folder with ``letters`` finished letters (bulk insert, as bench/history.py does)."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from bench.responsiveness import seed_letters\n"
        f"seed_letters({letters:d})\n"
    )
    subprocess.run([sys.executable, "-c", code], env=_child_env(home), check=True)


def _run_child(flow: str, mode: str, home: Path, extra: dict[str, str]) -> dict[str, float]:
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", flow, "--mode", mode]
    for key, value in extra.items():
        argv += [f"--{key}", value]
    proc = subprocess.run(argv, env=_child_env(home), capture_output=True, text=True, timeout=600)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{flow}/{mode} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="2,000 letters, one run")
    parser.add_argument("--child")
    parser.add_argument("--mode", choices=("blocking", "app"))
    parser.add_argument("--pack")
    parser.add_argument("--csv")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.mode, {"pack": args.pack, "csv": args.csv})
    if args.quick:
        args.letters, args.runs = 2_000, 1

    work = Path(tempfile.mkdtemp(prefix="sirt-bench-resp-"))
    try:
        seeded = work / "seeded"
        seeded.mkdir()
        print(f"Seeding {args.letters:,} letters…", flush=True)
        _seed(seeded, args.letters)
        pack = work / "content-pack.zip"
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_content_pack.py"), "--version", "999", "--out", str(pack)],
            env=_child_env(work / "pack-home"),
            check=True,
            capture_output=True,
        )
        mp_csv = work / "mps.csv"
        _write_mp_csv(mp_csv)
        extra = {"pack": str(pack), "csv": str(mp_csv)}

        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for run in range(args.runs):
            for flow in FLOWS:
                for mode in ("blocking", "app"):  # alternate, so machine noise hits both
                    home = work / f"{flow}-{mode}-{run}"
                    if flow in ("export", "delete_everything"):
                        shutil.copytree(seeded, home)
                    else:
                        home.mkdir()
                    if flow == "first_preview":
                        shutil.copytree(seeded, home, dirs_exist_ok=True)  # an opened database, no ReportLab yet
                    results.setdefault((flow, mode), []).append(_run_child(flow, mode, home, extra))
                    shutil.rmtree(home, ignore_errors=True)

        print()
        print(f"Longest event-loop stall (ms), median of {args.runs} run(s); {args.letters:,} letters")
        print(f"{'flow':<20}{'blocking (before)':>19}{'app (now)':>12}{'app work time':>15}{'target':>9}")
        worst = 0.0
        for flow in FLOWS:
            before = statistics.median(r["stall_ms"] for r in results[(flow, "blocking")])
            now = statistics.median(r["stall_ms"] for r in results[(flow, "app")])
            took = statistics.median(r["total_ms"] for r in results[(flow, "app")])
            worst = max(worst, now)
            verdict = "met" if now <= TARGET_MS else "MISSED"
            print(f"{flow:<20}{before:>19.0f}{now:>12.0f}{took:>15.0f}{verdict:>9}")
        print(f"worst app stall {worst:.0f} ms (target {TARGET_MS:.0f} ms)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write_mp_csv(path: Path) -> None:
    """The shipped MP list written out again as an import file, dated a day later than now."""
    import csv
    import io

    from sirt_desktop.core.resources import read_text

    rows = list(csv.DictReader(io.StringIO(read_text("data", "mps.csv"))))
    newest = max(row["record_as_of"] for row in rows)
    day = int(newest[-2:])
    newer = newest[:-2] + f"{min(day + 1, 28):02d}"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(dict(row, record_as_of=newer))


def seed_letters(count: int) -> None:
    """Fill the database under SIRT_DESKTOP_HOME with ``count`` finished letters."""
    import datetime as dt
    import random

    from sqlalchemy import insert

    from sirt_desktop.core.db.models import Letter
    from sirt_desktop.core.db.recovery import open_database

    db = open_database()
    rng = random.Random(2027)
    words = [
        "liver",
        "tumour",
        "treatment",
        "funding",
        "hospital",
        "consultant",
        "scan",
        "appointment",
        "family",
        "carer",
        "support",
        "please",
        "would",
        "grateful",
        "write",
        "secretary",
        "specialist",
        "centre",
        "waiting",
        "months",
    ]
    start = dt.datetime(2022, 1, 1)
    rows = []
    for i in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(120, 220)))
        when = start + dt.timedelta(minutes=30 * i)
        subject = f"SIRT for NETs {i}"
        data = {
            "kind": "mp_campaign",
            "subject": subject,
            "body": body,
            "sender": {"name": f"Person {i}", "address_lines": ["1 High Street", "Romsey"], "postcode": "SO51 7AA"},
            "recipient": {
                "full_name": "Caroline Nokes",
                "position": "MP",
                "address_lines": ["House of Commons", "London"],
                "postcode": "SW1A 0AA",
            },
        }
        rows.append(
            dict(
                kind="mp_campaign",
                status="finished",
                recipient_name="Caroline Nokes",
                subject=subject,
                body=body,
                data_json=json.dumps(data),
                created_at=when,
                updated_at=when,
                finished_at=when,
                sent_at=when.date(),
                sent_method="posted",
            )
        )
    with db.session() as session:
        for chunk in range(0, len(rows), 2_000):
            session.execute(insert(Letter), rows[chunk : chunk + 2_000])
    db.close()


# ---------------------------------------------------------------------------------------------
# The child: one flow, one mode, with the stall meter running.
# ---------------------------------------------------------------------------------------------
class StallMeter:
    """A 5 ms repeating timer on the GUI thread; ``longest_ms`` is the worst lateness seen."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest_ms = 0.0
        self.longest_at = 0.0  # when the longest stall began (perf_counter)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = (now - self.last) * 1000 - self.INTERVAL_MS
        if stall > self.longest_ms:
            self.longest_ms, self.longest_at = stall, self.last
        self.last = now

    def stop(self) -> None:
        self._tick()  # a stall that ran to the very end counts too
        self.timer.stop()


def child(flow: str, mode: str, extra: dict[str, str | None]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(800, 600)
    window.show()
    app.processEvents()

    meter = StallMeter()
    state: dict[str, float] = {}

    def finished() -> None:
        state["end"] = time.perf_counter()
        meter.stop()
        print(
            json.dumps(
                {
                    "flow": flow,
                    "mode": mode,
                    "stall_ms": round(meter.longest_ms, 1),
                    "stall_began_ms": round((meter.longest_at - state["start"]) * 1000, 1),
                    "total_ms": round((state["end"] - state["start"]) * 1000, 1),
                }
            ),
            flush=True,
        )
        app.quit()

    starter = (_BLOCKING if mode == "blocking" else _APP)[flow]
    setup = _SETUP.get((flow, mode))
    context = setup(window, extra) if setup else None  # before the meter: not part of the flow
    app.processEvents()

    def begin() -> None:
        state["start"] = time.perf_counter()
        starter(context if context is not None else window, extra, finished)

    meter.start()
    QTimer.singleShot(50, begin)  # let the meter settle on a running loop first
    QTimer.singleShot(300_000, app.quit)  # never hang a bench
    app.exec()
    return 0 if "end" in state else 1


Starter = Callable[[object, dict, Callable[[], None]], None]


# The baseline: core work on the GUI thread, as before. --------------------------------------
def _b_export(_window, _extra, done):
    from sirt_desktop.core.db.export import export_everything
    from sirt_desktop.core.db.recovery import open_database

    db = open_database()
    export_everything(db, Path(tempfile.mkdtemp()) / "export.zip")
    done()


def _b_delete(_window, _extra, done):
    from sirt_desktop.core.db.privacy import delete_everything
    from sirt_desktop.core.db.recovery import open_database

    delete_everything(open_database())
    done()


def _b_first_open(_window, _extra, done):
    from sirt_desktop.core.db.recovery import open_database

    open_database()
    done()


def _b_first_preview(_window, _extra, done):
    from sirt_desktop.core.letters.render import render_letter

    render_letter(_sample_letter())
    done()


def _b_content_install(_window, extra, done):
    from sirt_desktop.core.content import packs

    packs.install_pack(extra["pack"])
    done()


def _b_mp_import(_window, extra, done):
    from sirt_desktop.core.representatives import mp_list

    mp_list.validate_mp_csv(extra["csv"])
    mp_list.apply_mp_csv(extra["csv"])
    done()


_BLOCKING: dict[str, Starter] = {
    "export": _b_export,
    "delete_everything": _b_delete,
    "first_open": _b_first_open,
    "first_preview": _b_first_preview,
    "content_install": _b_content_install,
    "mp_import": _b_mp_import,
}


def _sample_letter():
    from sirt_desktop.core.letters.model import Letter, Recipient, Sender

    return Letter(
        kind="mp_campaign",
        subject="SIRT for neuroendocrine tumours in the liver",
        body="I am writing to ask for your help. " * 20,
        sender=Sender(name="Ann Carer", address_lines=["22 Elm Close", "Romsey"], postcode="SO51 7AA"),
        recipient=Recipient(
            full_name="Caroline Nokes", position="MP", address_lines=["House of Commons", "London"], postcode="SW1A 0AA"
        ),
    )


# The app's own controllers, answering their questions as a person would. ----------------------
class _Answers:
    """Prompts for the bench: says yes, never shows a box; ``on_message`` hears every message."""

    def __init__(self, on_message: Callable[[str], None], path: str = "") -> None:
        self.on_message = on_message
        self.path = path

    def go_on_anyway(self, title, text):
        return True

    def confirm(self, title, text, yes="Yes", no="No", destructive=False):
        return True

    def tell(self, title, text=""):
        self.on_message(title)

    def problem(self, text, title="That did not work"):
        raise SystemExit(f"unexpected problem: {text}")

    def problems(self, title, text, items):
        raise SystemExit(f"unexpected problems: {title}: {list(items)[:5]}")

    def open_path(self, title, file_filter):
        return self.path

    def save_path(self, title, suggested, file_filter):
        return self.path

    # The Your data group's own questions
    def export_path(self):
        return self.path

    def confirm_delete_everything(self, counts):
        return True


def _your_data(window, answers):
    from sirt_desktop.core import paths
    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.services import DatabaseProvider
    from sirt_desktop.gui.settings.your_data import YourDataController
    from sirt_desktop.gui.settings.your_data_view import YourDataView

    provider = DatabaseProvider()
    provider.get()  # the database is open by the time someone reaches Settings
    view = YourDataView(str(paths.data_dir()))
    window.setCentralWidget(view)
    window._keep = YourDataController(view, provider.get, Settings(), prompts=answers)
    return view


class _Relay:
    """Lets a prompt built before the flow call the flow's ``done`` later."""

    done: Callable[[], None] = staticmethod(lambda: None)


def _s_your_data(window, _extra):
    relay = _Relay()
    answers = _Answers(lambda _title: relay.done(), str(Path(tempfile.mkdtemp()) / "export.zip"))
    return _your_data(window, answers), relay


def _a_export(context, _extra, done):
    view, relay = context
    relay.done = done
    view.export.click()


def _a_delete(context, _extra, done):
    view, relay = context
    relay.done = done
    view.delete_all.click()


def _s_shell(window, _extra):
    """The app's main window as it first appears (before the first event-loop turn's work)."""
    from PySide6.QtWidgets import QApplication

    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.app import build_window
    from sirt_desktop.gui.theme import Theme

    window.hide()
    shell = build_window(Settings(), Theme(QApplication.instance()), prompts=_Answers(lambda _t: None))
    shell.window.show()
    return shell


def _a_first_open(shell, _extra, done):
    from PySide6.QtCore import QTimer

    from sirt_desktop.gui import tasks

    shell.after_first_show()

    def check():
        if shell.database.is_open and tasks.running() == 0:
            done()
        else:
            QTimer.singleShot(5, check)

    check()


def _a_first_preview(window, _extra, done):
    from PySide6.QtCore import QTimer

    from sirt_desktop.core.letters import render
    from sirt_desktop.gui import tasks

    # As the app does: warm up at start-up in the background; the person reaches the
    # preview later and it renders on the GUI thread.
    tasks.run_in_background(render.warm_up, name="pdf-warm-up")

    def preview():
        if tasks.running():
            QTimer.singleShot(5, preview)
            return
        render.render_letter(_sample_letter())
        done()

    preview()


def _when_updated(window, controller, path, done, what):
    """Run a File → Update… controller on ``path``; ``done()`` once it has changed the data."""
    from PySide6.QtCore import QTimer

    outcome = controller.run(path)
    window._keep = outcome

    def check():
        if outcome.changed is None:
            QTimer.singleShot(5, check)
        elif outcome.changed:
            done()
        else:
            raise SystemExit(f"{what} was not changed")

    check()


def _a_content_install(window, extra, done):
    from sirt_desktop.gui.information.update_content import UpdateContentController

    _when_updated(window, UpdateContentController(_Answers(lambda _t: None)), extra["pack"], done, "the content")


def _a_mp_import(window, extra, done):
    from sirt_desktop.gui.find_mp.update_mps import UpdateMpsController

    _when_updated(window, UpdateMpsController(_Answers(lambda _t: None)), extra["csv"], done, "the MP list")


_SETUP: dict[tuple[str, str], Callable[[object, dict], object]] = {
    ("export", "app"): _s_your_data,
    ("delete_everything", "app"): _s_your_data,
    ("first_open", "app"): _s_shell,
}

_APP: dict[str, Starter] = {
    "export": _a_export,
    "delete_everything": _a_delete,
    "first_open": _a_first_open,
    "first_preview": _a_first_preview,
    "content_install": _a_content_install,
    "mp_import": _a_mp_import,
}


if __name__ == "__main__":
    sys.exit(main())
