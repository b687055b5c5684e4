"""Test rules for the whole suite.

- Qt runs offscreen unless QT_QPA_PLATFORM is already set (e.g. to xcb under Xvfb).
- Every test gets its own SIRT_DESKTOP_HOME in tmp_path, so no test touches real user data.
- The network is blocked for every test (pytest-socket); a test that needs a local server
  marks itself with ``@pytest.mark.enable_socket`` and is limited to loopback.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_GB.UTF-8")
# Speech in tests always uses Qt's mock engine, never a real one.
os.environ.setdefault("SIRT_DESKTOP_SPEECH_ENGINE", "mock")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "enable_socket: allow loopback sockets for this test")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "sirt-home"
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(home))
    monkeypatch.delenv("SIRT_DESKTOP_DATABASE_URL", raising=False)
    yield home


@pytest.fixture(autouse=True)
def _no_network(request):
    """Any connection that is not loopback fails the test, for the app and its dependencies."""
    import pytest_socket

    if request.node.get_closest_marker("enable_socket"):
        pytest_socket.socket_allow_hosts(["127.0.0.1", "::1", "localhost"], allow_unix_socket=True)
    else:
        pytest_socket.disable_socket(allow_unix_socket=True)
    yield
    pytest_socket.enable_socket()


@pytest.fixture
def db():
    """A fresh, migrated database in this test's own SIRT_DESKTOP_HOME."""
    from sirt_desktop.core.db.engine import Database

    database = Database.open()
    yield database
    database.close()
