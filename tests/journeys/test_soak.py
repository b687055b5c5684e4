"""The soak: minutes of mixed real key presses across every section, then Ctrl+Q must end the
app with status 0 and the log must hold no traceback.

The keys are drawn from a seeded random generator; the seed is printed, and
SIRT_DESKTOP_SOAK_SEED=<seed> replays the same keys. SIRT_DESKTOP_SOAK_SECONDS sets how long
it types (at least 120 in CI); SIRT_DESKTOP_SOAK_ACTIONS=<n> instead stops after exactly n actions, so a
failure reported as "after n actions" on a slower or faster machine replays to the same point.
"""

from __future__ import annotations

import os
import random
import sys
import time

from tests.journeys.harness import JourneyError

SECONDS = float(os.environ.get("SIRT_DESKTOP_SOAK_SECONDS", "130"))
ACTIONS = int(os.environ.get("SIRT_DESKTOP_SOAK_ACTIONS") or 0)

WORDS = (
    "SIRT",
    "funding",
    "liver",
    "NET",
    "Romsey",
    "Nokes",
    "SO51 7AA",
    "S051 7AA",
    "CF10 1EP",
    "EH1 1YZ",
    "BT1 1AA",
    "so517aa",
    "SO51",
    "Dr Patel",
    "12 High Street",
    "Please help",
    "zzqx",
    "radiation",
    "Mrs Ann Jones",
    "12 March 1952",
    "943 476 5919",
    "a",
    "",
    "é",
    "Tŷ Newydd",
    "'quote'",
    "<b>bold</b>",
)


def _actions(rng: random.Random):
    """(weight, label, keys or text) — what a person does with a keyboard, all over the app."""

    def section():
        return [f"ctrl+{rng.randint(1, 8)}"]

    def tabs():
        return [rng.choice(["Tab", "shift+Tab"]) for _ in range(rng.randint(1, 6))]

    def arrows():
        return [
            rng.choice(["Up", "Down", "Left", "Right", "Page_Down", "Page_Up", "Home", "End"])
            for _ in range(rng.randint(1, 5))
        ]

    def menu():
        return (
            [rng.choice(["alt+f", "alt+v", "alt+h"])]
            + ["Down"] * rng.randint(0, 3)
            + [rng.choice(["Escape", "Escape", "Right", "Left"]), "Escape"]
        )

    def view_menu_item():
        return ["alt+v"] + ["Down"] * rng.randint(0, 2) + ["Return"]

    def text_size():
        return [rng.choice(["ctrl+plus", "ctrl+minus", "ctrl+equal", "ctrl+0"])]

    def mnemonic():
        return [f"alt+{rng.choice('abcdefgilmnoprstuwy')}"]

    def steps():
        return [rng.choice(["alt+Right", "alt+Left", "alt+n", "alt+b"])]

    return [
        (8, "section", section),
        (10, "tab", tabs),
        (10, "arrows", arrows),
        (4, "menu", menu),
        (2, "view menu item", view_menu_item),
        (4, "text size", text_size),
        (8, "underlined letter", mnemonic),
        (6, "letter step", steps),
        (5, "Return", lambda: ["Return"]),
        (6, "Escape", lambda: ["Escape"]),
        (3, "Space", lambda: ["space"]),
        (2, "find", lambda: ["ctrl+f"]),
        (1, "select all", lambda: ["ctrl+a"]),
        (2, "Backspace", lambda: ["BackSpace"] * rng.randint(1, 8)),
        (12, "type", None),
    ]


def _quit_on_purpose(app, quits_so_far: int) -> bool:
    """The app is gone and it closed properly: status 0, and one more "closed" line in its log
    than the quits already counted (a crash or an abort never writes it)."""
    if app.running():
        return False
    app.wait_exit(timeout=5)
    closed = app.log_text().count("SIRT Desktop closed")
    return app.process.returncode == 0 and closed == quits_so_far + 1


def test_soak_mixed_keys_everywhere_then_quit_cleanly(start_app, tmp_path):
    seed = int(os.environ.get("SIRT_DESKTOP_SOAK_SEED") or random.SystemRandom().randrange(1, 10**9))
    print(f"\nsoak seed {seed} (replay with SIRT_DESKTOP_SOAK_SEED={seed})", file=sys.stderr)
    rng = random.Random(seed)
    # HOME is this test's own folder, so a print dialog's or a save dialog's default file goes there.
    app = start_app(env={"HOME": str(tmp_path / "person")})
    (tmp_path / "person").mkdir(exist_ok=True)
    actions = _actions(rng)
    weights = [a[0] for a in actions]
    done: list[str] = []
    started = time.monotonic()
    slowest = 0.0
    quits = 0
    try:
        while len(done) < ACTIONS if ACTIONS else time.monotonic() - started < SECONDS:
            _weight, _label, make = rng.choices(actions, weights)[0]
            try:
                if make is None:
                    text = rng.choice(WORDS)
                    done.append(f"type {text!r}")
                    app.type(text, settle=False)
                else:
                    keys = make()
                    done.append(" ".join(keys))
                    app.key(*keys, settle=False)
                if len(done) % 5 == 0:
                    # The app must keep answering: a frozen window fails here, not at the end.
                    slowest = max(slowest, app.settle(timeout=30))
            except JourneyError:
                if not _quit_on_purpose(app, quits):
                    raise
                # The keys reached File → Quit (Space or Return on the menu bar left active by
                # Escape, Tab down the menu): the app closed as it should. Open it again, as a
                # person would, on the same folder, and go on.
                quits += 1
                done.append("(quit from the File menu; started again)")
                app.start()
        app.settle(timeout=30)
        # Close whatever dialog, menu or open drop-down list is showing, as a person would (an
        # open list keeps the keyboard, so Ctrl+Q would not reach the window), then quit: a
        # caller's letter typed on the Helpline page is not kept, so the app rightly asks first
        # and the answer is Yes.
        for _ in range(10):
            if not [w for w in app.windows() if w.id != app.main_id]:
                break
            app.key("Escape")
        code = app.quit(leave_unkept=True)
    except JourneyError as exc:
        raise JourneyError(
            f"soak seed {seed}, after {len(done)} actions ({app.keys_sent} keys); last actions: {done[-15:]}: {exc}"
        ) from None
    elapsed = time.monotonic() - started
    print(
        f"soak seed {seed}: {len(done)} actions, {app.keys_sent} keys in {elapsed:.0f} s; "
        f"slowest answer {slowest:.2f} s; quit from the File menu and started again {quits} times",
        file=sys.stderr,
    )
    log = app.log_text()
    assert code == 0, f"soak seed {seed}: exit status {code}\n{app.stderr()[-3000:]}"
    assert "Traceback" not in log, f"soak seed {seed}: traceback in the log:\n{log[-4000:]}"
    assert "Traceback" not in app.stderr(), f"soak seed {seed}:\n{app.stderr()[-4000:]}"
