"""Journeys and the soak: the real app process on an X server (Xvfb, xcb), driven by real key
presses. They skip, saying why, only when the X tools are missing (``make test`` installs them
through scripts/install-system-deps.sh --test)."""

from __future__ import annotations

import os
import sys

import pytest

from tests.journeys.harness import App, XServer, missing_tools


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.journey)


@pytest.fixture(scope="session")
def xserver():
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"real-window journeys need {', '.join(missing)} (bash scripts/install-system-deps.sh --test installs them)"
        )
    server = XServer.start()
    print(f"\njourneys: X server on {server.display}, app on {sys.executable}", file=sys.stderr)
    yield server
    server.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash.setdefault(_FAILED, []).append(report.failed)


_FAILED = pytest.StashKey[list]()


@pytest.fixture
def start_app(xserver, tmp_path, request, _isolated_home):
    """``start_app()`` opens the real app with this test's own SIRT_DESKTOP_HOME and returns an
    ``App``; a second call with ``home=`` reopens on the same folder. On failure a screenshot,
    the app's output and the log's end are kept under the test's tmp_path and printed."""
    apps: list[App] = []

    def start(home=None, env=None, crash_dialog=False, wait=True) -> App:
        env_vars = {"SIRT_DESKTOP_SPEECH_ENGINE": os.environ.get("SIRT_DESKTOP_SPEECH_ENGINE", "mock")}
        env_vars.update(env or {})
        app = App(xserver, home or _isolated_home, tmp_path / "artifacts", env=env_vars, crash_dialog=crash_dialog)
        apps.append(app)
        return app.start(wait=wait)

    yield start
    failed = any(request.node.stash.get(_FAILED, []))
    for app in apps:
        if failed and app.running():
            shot = app.screenshot("at-failure")
            print(f"screenshot at failure: {shot}", file=sys.stderr)
        app.stop()
    if failed and apps:
        app = apps[-1]
        print(f"app stderr (end):\n{app.stderr()[-3000:]}", file=sys.stderr)
        print(f"app log (end):\n{app.log_text()[-3000:]}", file=sys.stderr)
        print(f"artifacts in {tmp_path / 'artifacts'}", file=sys.stderr)
