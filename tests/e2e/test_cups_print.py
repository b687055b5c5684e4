"""Printing through a real CUPS queue (cups-pdf), the way the app prints on Linux."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow
QUEUE = "SIRT_DESKTOP_TEST"


def _cups_ready() -> bool:
    return subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.find("is running") >= 0


@pytest.fixture(scope="module")
def cups_queue():
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("setting up a CUPS queue needs root")
    for tool in ("cupsd", "lpadmin", "lpinfo", "lp", "lpstat"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            pytest.skip(f"CUPS is not installed ({tool} missing); make test installs it")
    started = None
    if not _cups_ready():
        Path("/run/cups").mkdir(parents=True, exist_ok=True)
        started = subprocess.Popen(["/usr/sbin/cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not _cups_ready():
            if time.monotonic() > deadline:
                started.kill()
                pytest.fail("cupsd did not start")
            time.sleep(0.1)
    models = subprocess.run(["lpinfo", "-m"], capture_output=True, text=True, check=True).stdout
    ppd = next((line.split()[0] for line in models.splitlines() if "CUPS-PDF_opt.ppd" in line), None)
    if ppd is None:
        pytest.skip("printer-driver-cups-pdf is not installed")
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", ppd], capture_output=True, check=True)
    out_dir = Path.home() / "PDF"
    yield out_dir
    subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True)
    if started is not None:
        started.terminate()
        started.wait(timeout=10)


def test_letter_prints_through_cups_as_vector_pdf(cups_queue, tmp_path):
    from sirt_desktop.gui.printing import cups_print
    from tests.gui.test_printing import _letter_pdf

    before = set(cups_queue.glob("*.pdf")) if cups_queue.exists() else set()
    pdf = _letter_pdf()
    job = cups_print(pdf, QUEUE)
    assert QUEUE in job
    deadline = time.monotonic() + 30
    new: list[Path] = []
    while time.monotonic() < deadline:
        new = [p for p in cups_queue.glob("*.pdf") if p not in before] if cups_queue.exists() else []
        if new and new[0].stat().st_size > 0:
            break
        time.sleep(0.2)
    assert new, "no output from the cups-pdf queue"
    time.sleep(0.5)  # let the writer finish
    printed = new[0].read_bytes()
    reader = PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3  # A4, not scaled
    # Vector, not a raster grab: a page image would be hundreds of KB.
    assert len(printed) < 200_000
    new[0].unlink()
