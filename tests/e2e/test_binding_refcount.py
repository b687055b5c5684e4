"""The installed Qt binding must not over-release ``None``.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call that returns
nothing; after a few thousand calls the interpreter aborts with ``Fatal Python error:
none_dealloc``, so every real session ended in a crash. This runs such a loop in a fresh
process on the binding that is actually installed, and fails if the count of ``None`` falls
or the process dies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 60_000

SCRIPT = textwrap.dedent(
    f"""
    import json, sys
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton
    import PySide6
    app = QApplication([])
    label = QLabel()
    button = QPushButton()
    before = sys.getrefcount(None)
    for _ in range({CALLS} // 3):
        label.setText("x")      # void setters and slots: each returns None
        button.update()
        label.setVisible(False)
    after = sys.getrefcount(None)
    print(json.dumps({{"before": before, "after": after, "pyside": PySide6.__version__}}))
    """
)


def test_none_refcount_steady_over_many_void_calls() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, (
        f"the Qt binding crashed the interpreter after void calls (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # A correct binding leaves the count where it was (give or take a few temporaries);
    # the broken one loses one reference per call.
    assert result["after"] >= result["before"] - 100, (
        f"PySide6 {result['pyside']} released None {result['before'] - result['after']} "
        f"times too often over {CALLS} calls"
    )
