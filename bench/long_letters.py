"""How long a very long letter takes to lay out, and how long it freezes the window.

    python bench/long_letters.py [--lines 2000 5000 10000] [--gui-lines 1000 10000]

1. In-process layout of a letter whose body is one paragraph of N short lines ("a", "a", ...),
   normal and large print, against the baseline measured in the same run: the same N lines in
   paragraphs of 100 (which never cost more than linear time). Printed: seconds, pages, and
   the ratio to the baseline (1.0 means the long paragraph costs no more than short ones).
2. The window: the letter writer (offscreen) with such a body, opening "5. Check and print".
   Printed: the longest time the event loop did not turn (a 10 ms timer's worst lateness)
   between opening the step and the preview (or the "too long" message) being on screen.

Run it on any version of the app (it uses only ``render_letter_details`` and the writer's
view and controller); the freeze before this work was minutes for 10,000 lines.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SIRT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sirt-long-"))


def _letter(body: str):
    from sirt_desktop.core.letters.model import Letter

    letter = Letter(kind="clinician", body=body)
    letter.sender.name = "Ann Jones"
    letter.sender.address_lines = ["1 High Street", "Southampton"]
    letter.sender.postcode = "SO16 6YD"
    letter.recipient.full_name = "Dr Priya Patel"
    letter.recipient.address_lines = ["City Hospital", "Southampton"]
    letter.recipient.postcode = "SO16 6YD"
    return letter


def one_paragraph(lines: int) -> str:
    return "a\n" * (lines - 1) + "a"


def paragraphs_of_100(lines: int) -> str:
    blocks = ["\n".join("a" for _ in range(min(100, lines - i))) for i in range(0, lines, 100)]
    return "\n\n".join(blocks)


def layout_seconds(body: str, large: bool) -> tuple[float, int]:
    from sirt_desktop.core.letters.render import render_letter_details

    start = time.perf_counter()
    result = render_letter_details(_letter(body), large_print=large)
    return time.perf_counter() - start, result.page_count


def window_freeze(lines: int) -> tuple[float, str]:
    """(longest stall in seconds, what the preview says) opening step 5 with ``lines`` lines."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sirt_desktop.gui.writer.controller import LetterWriterController
    from sirt_desktop.gui.writer.view import LetterWriterView

    app = QApplication.instance() or QApplication([])
    view = LetterWriterView()
    controller = LetterWriterController(view)
    view.show()
    view.sender_step.name.setText("Ann Jones")
    view.write_step.body.setPlainText(one_paragraph(lines))
    app.processEvents()
    worst, last = [0.0], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0] - 0.010)
        last[0] = now

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(10)
    done = []
    ready = getattr(controller.output, "preview_ready", None)
    if ready is not None:
        ready.connect(lambda: done.append(True))
    last[0] = time.perf_counter()
    view.tabs.setCurrentIndex(4)  # before this work, the layout ran here, on the GUI thread
    tick()
    pages = view.print_step.preview.pages
    deadline = time.perf_counter() + 600
    while ready is not None and not done and "too long" not in pages.text() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    ticker.stop()
    text = pages.text()
    view.close()
    return worst[0], text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="*", default=[2000, 5000, 10000])
    parser.add_argument("--gui-lines", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args()
    layout_seconds("warm up", False)

    print(
        f"{'lines':>6} {'print':<7} {'one paragraph (s)':>18} {'pages':>6} {'paragraphs of 100 (s)':>22} {'ratio':>6}"
    )
    for lines in args.lines:
        for large in (False, True):
            long_s, pages = layout_seconds(one_paragraph(lines), large)
            base_s, _ = layout_seconds(paragraphs_of_100(lines), large)
            label = "large" if large else "normal"
            print(
                f"{lines:>6} {label:<7} {long_s:>18.2f} {pages:>6} {base_s:>22.2f} {long_s / base_s:>6.2f}", flush=True
            )
    print()
    print(f"{'lines':>6} {'longest the window did not answer (s)':>38}  preview")
    for lines in args.gui_lines:
        stall, text = window_freeze(lines)
        print(f"{lines:>6} {stall:>38.2f}  {text}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
