"""Start-up time and memory of SIRT Desktop against a bare PySide6 QMainWindow, and of the
frozen app (the installed one, or the bundle make dist built) against the source run.

All run as whole processes, offscreen, alternating, in the same run. "Start-up" is the time
from just before the process is spawned to the first turn of the event loop after the main
window is shown (the child prints a wall-clock stamp then quits). Peak RSS comes from wait4.

    python bench/startup.py [--runs 7] [--frozen PATH | --no-frozen] [--also OTHER_CHECKOUT]

The frozen app is /opt/sirt-desktop/sirt-desktop when the package is installed, else
dist/sirt-desktop/sirt-desktop; without either it is left out (and said so). ``--also`` times
a second checkout of the app (say, the commit before a change) in the same run, alternating
with the others, so a busy machine slows all of them alike.

Targets: source ratio ≤ 1.3 against the bare window, peak RSS ≤ bare + 60 MB, and the frozen
app within 1.2× of the source run. The last line is "startup ratio R".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(800, 600)
window.show()
def probe():
    print(f"ready {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, probe)
app.exec()
"""


def run_once(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    start = time.time()
    # ``-m sirt_desktop`` imports the package from the working directory (the checkout timed).
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=cwd)
    ready = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready "):
            ready = float(line.split()[1])
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if ready is None or proc.returncode != 0:
        raise SystemExit(f"{argv} did not report ready (exit {proc.returncode})")
    return ready - start, usage.ru_maxrss / 1024  # seconds, MiB (Linux reports KiB)


ROOT = Path(__file__).resolve().parents[1]
INSTALLED = Path("/opt/sirt-desktop/sirt-desktop")
BUILT = ROOT / "dist" / "sirt-desktop" / "sirt-desktop"


def frozen_app(choice: str | None, skip: bool) -> Path | None:
    if skip:
        return None
    if choice:
        path = Path(choice)
        if not path.is_file():
            raise SystemExit(f"{path}: no such frozen app")
        return path
    return next((p for p in (INSTALLED, BUILT) if p.is_file()), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", help="the frozen app to time (default: installed, else dist/)")
    parser.add_argument("--no-frozen", action="store_true", help="time the source run only")
    parser.add_argument("--also", metavar="CHECKOUT", help="another checkout of the app to time in the same run")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    home = tempfile.mkdtemp(prefix="sirt-bench-")
    env["SIRT_DESKTOP_HOME"] = home
    probe = ["--startup-probe", "--no-crash-dialog"]
    app = [sys.executable, "-m", "sirt_desktop", *probe]
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    commands = {
        "bare QMainWindow": ([sys.executable, "-c", BARE], here),
        "SIRT Desktop": (app, here),
    }
    if args.also:
        commands["SIRT Desktop (also)"] = (app, os.path.abspath(args.also))
    frozen = frozen_app(args.frozen, args.no_frozen)
    if frozen is not None:
        commands["frozen app"] = ([str(frozen), *probe], here)
        print(f"frozen app: {frozen}")
    else:
        print("frozen app: none installed or built (make dist), so not timed")
    # One warm-up each so the file cache is equally warm for all.
    for argv, cwd in commands.values():
        run_once(argv, env, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (argv, cwd) in commands.items():
            seconds, peak = run_once(argv, env, cwd)
            times[name].append(seconds)
            rss[name].append(peak)

    print(f"{'process':<20} {'median start (ms)':>18} {'min (ms)':>10} {'max (ms)':>10} {'peak RSS (MiB)':>15}")
    for name in commands:
        t = times[name]
        print(
            f"{name:<20} {statistics.median(t) * 1000:>18.0f} {min(t) * 1000:>10.0f} {max(t) * 1000:>10.0f}"
            f" {statistics.median(rss[name]):>15.1f}"
        )
    if args.also:
        also = statistics.median(times["SIRT Desktop (also)"]) / statistics.median(times["bare QMainWindow"])
        print(f"startup ratio of {args.also}: {also:.2f}")
    ratio = statistics.median(times["SIRT Desktop"]) / statistics.median(times["bare QMainWindow"])
    extra = statistics.median(rss["SIRT Desktop"]) - statistics.median(rss["bare QMainWindow"])
    print(f"runs each: {args.runs} (alternating); targets: ratio <= 1.30, extra RSS <= 60 MiB, frozen <= 1.20x source")
    print(f"extra RSS {extra:.1f} MiB")
    if "frozen app" in commands:
        frozen_ratio = statistics.median(times["frozen app"]) / statistics.median(times["SIRT Desktop"])
        print(f"frozen/source ratio {frozen_ratio:.2f}")
    print(f"startup ratio {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
