"""Take a screenshot of the real app window under Xvfb (an X server, not offscreen).

    python scripts/screenshot.py --out docs/screenshot.png [--section settings]
        [--text-scale 200] [--theme dark] [--postcode "SO51 7AA"] [--size 1280x860]

Starts Xvfb on a free display, runs the app there with the xcb platform, waits for the
window, grabs the X screen with xwd and converts it to PNG (ImageMagick, else Qt).
Used for the README picture and for looking at screens during development.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen, int]:
    """Start Xvfb on a display number it chooses itself (-displayfd), so several runs at once
    never share a screen."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number.isdigit():
        xvfb.kill()
        raise SystemExit("Xvfb did not start")
    return xvfb, int(number)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--section", default="home")
    parser.add_argument("--text-scale", type=int, default=100)
    parser.add_argument("--theme", default="system")
    parser.add_argument("--size", default="1280x860")
    parser.add_argument("--wait", type=float, default=3.0, help="seconds to let the window settle")
    parser.add_argument("--script", default="", help="Python run inside the app after start (gets `shell`)")
    args = parser.parse_args()

    width, height = (int(v) for v in args.size.split("x"))
    xvfb, display = start_xvfb(width, height)
    home = Path(tempfile.mkdtemp(prefix="sirt-shot-"))
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"text_scale": args.text_scale, "theme": args.theme, "last_page": args.section})
    )
    env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", SIRT_DESKTOP_HOME=str(home))
    env.pop("WAYLAND_DISPLAY", None)
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from sirt_desktop.gui import app as gui_app\n"
        "orig = gui_app.build_window\n"
        "def build(*a, **k):\n"
        "    shell = orig(*a, **k)\n"
        f"    shell.window.resize({width - 40}, {height - 60}); shell.window.move(10, 10)\n"
        f"    QTimer.singleShot(400, lambda: exec({args.script!r}, {{'shell': shell}}))\n"
        "    return shell\n"
        "gui_app.build_window = build\n"
        "sys.exit(gui_app.run(crash_dialog=False))\n"
    )
    try:
        app = subprocess.Popen([sys.executable, "-c", code], env=env)
        time.sleep(args.wait)
        if app.poll() is not None:
            raise SystemExit(f"the app exited early with code {app.returncode}")
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        xwd = subprocess.run(["xwd", "-root", "-silent", "-display", f":{display}"], capture_output=True, check=True)
        if shutil.which("convert"):
            subprocess.run(["convert", "xwd:-", str(out)], input=xwd.stdout, check=True)
        else:
            raise SystemExit("ImageMagick 'convert' is needed to turn the X screen into PNG")
        app.terminate()
        app.wait(timeout=10)
        print(out)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
