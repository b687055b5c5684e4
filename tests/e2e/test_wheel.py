"""A plain wheel (not an editable install) carries resources/, migrations and fonts."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def test_wheel_contains_and_finds_every_resource(tmp_path):
    build = subprocess.run(
        # pip fetches the build backend named in pyproject.toml into an isolated environment.
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("sirt_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "sirt_desktop/resources/data/manifest.json",
        "sirt_desktop/resources/data/postcode_units.u16",
        "sirt_desktop/resources/content/what-is-sirt.md",
        "sirt_desktop/resources/content/images/sirt-diagram.svg",
        "sirt_desktop/resources/fonts/DejaVuSans.ttf",
        "sirt_desktop/resources/fonts/DejaVu-LICENSE.txt",
        "sirt_desktop/core/db/migrations/env.py",
        "sirt_desktop/core/db/migrations/script.py.mako",
        "sirt_desktop/gui/history/model.py",
    ):
        assert required in names, required
    assert any(n.startswith("sirt_desktop/core/db/migrations/versions/0001") for n in names)

    target = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sirt_desktop, sys\n"
        "from pathlib import Path\n"
        f"assert Path(sirt_desktop.__file__).is_relative_to({str(target)!r}), sirt_desktop.__file__\n"
        "from sirt_desktop.core.representatives import lookup as representatives; from sirt_desktop.core.content import store as content\n"
        "from sirt_desktop.core.db.engine import Database\n"
        "assert representatives.lookup('SO51 7AA').status == 'found'\n"
        "assert content.get_page('funding').title\n"
        "Database.open().close()\n"
        "from sirt_desktop.core.letters.model import Letter, Sender, Recipient\n"
        "from sirt_desktop.core.letters.render import render_letter\n"
        "pdf = render_letter(Letter(sender=Sender(name='A', address_lines=['1 St'], postcode='SO51 7AA'),"
        " recipient=Recipient(full_name='B', position='MP', kind='mp'), body='Please help.'))\n"
        "assert pdf.startswith(b'%PDF')\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
