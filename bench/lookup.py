"""Benchmark the offline postcode lookup: load time, per-lookup latency, memory.

    .venv/bin/python bench/lookup.py            # full run (200,000 lookups, 11 process pairs)
    .venv/bin/python bench/lookup.py --quick    # smaller run

(a) Load: a whole process that imports the lookup and loads its data, against a process
    that does nothing, run alternately; load = difference of the medians.
(b) Latency: each ``lookup()`` call timed with ``time.perf_counter_ns`` over inputs drawn
    from the known postcodes, typed variants of them (lower case, no space, trailing full
    stop) and well-formed postcodes that are not in the list.
(c) Memory: peak Python allocations while loading (tracemalloc) and the growth in peak
    resident memory (getrusage), each in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TARGET_LOAD_MS = 150.0
TARGET_MEDIAN_US = 20.0
TARGET_MEMORY_MB = 40.0

LOAD_CODE = (
    "from sirt_desktop.core.representatives import lookup as representatives; representatives.lookup('SO51 7AA')"
)

MEMORY_CODE = """
import json, resource, sys, tracemalloc
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives import seats  # modules imported, nothing loaded yet
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
representatives.lookup('SO51 7AA')
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scale = 1 if sys.platform == 'darwin' else 1024  # ru_maxrss is bytes on macOS, KiB elsewhere
print(json.dumps({"traced_current": current, "traced_peak": peak, "rss_delta": (after - before) * scale}))
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["SIRT_DESKTOP_HOME"] = home
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time_process(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return (time.perf_counter() - start) * 1000


def measure_load(pairs: int, env: dict[str, str]) -> dict[str, float]:
    _time_process(LOAD_CODE, env)  # warm the file cache once
    _time_process("pass", env)
    baseline, loaded = [], []
    for _ in range(pairs):
        baseline.append(_time_process("pass", env))
        loaded.append(_time_process(LOAD_CODE, env))
    return {
        "baseline_ms": statistics.median(baseline),
        "loaded_ms": statistics.median(loaded),
        "load_ms": statistics.median(loaded) - statistics.median(baseline),
    }


def measure_memory(env: dict[str, str]) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", MEMORY_CODE], env=env, check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def make_inputs(count: int, seed: int = 2024) -> list[tuple[str, str]]:
    """(kind, text) pairs: known postcodes, typed variants of them, and unknown ones."""
    from sirt_desktop.core.representatives import seats
    from sirt_desktop.core.representatives.store import NOT_FOUND

    store = seats.postcode_store()
    known = [postcode for postcode, _ in store.iter_postcodes()]
    rng = random.Random(seed)
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    inputs: list[tuple[str, str]] = []
    while len(inputs) < count:
        postcode = rng.choice(known)
        roll = rng.random()
        if roll < 0.4:
            inputs.append(("known", postcode))
        elif roll < 0.55:
            inputs.append(("variant", postcode.lower()))
        elif roll < 0.7:
            inputs.append(("variant", postcode.replace(" ", "")))
        elif roll < 0.8:
            inputs.append(("variant", postcode + "."))
        else:
            outward = postcode.split(" ")[0]
            inward = f"{rng.randrange(10)}{rng.choice(letters)}{rng.choice(letters)}"
            if store.find(outward, inward) == NOT_FOUND:
                inputs.append(("unknown", f"{outward} {inward}"))
    rng.shuffle(inputs)
    return inputs


def measure_latency(inputs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    from sirt_desktop.core.representatives.lookup import lookup

    lookup("SO51 7AA")  # data loaded before timing
    timings: dict[str, list[int]] = {"all": []}
    clock = time.perf_counter_ns
    for kind, text in inputs:
        start = clock()
        lookup(text)
        elapsed = clock() - start
        timings["all"].append(elapsed)
        timings.setdefault(kind, []).append(elapsed)
    out = {}
    for kind, values in timings.items():
        values.sort()
        out[kind] = {
            "n": len(values),
            "median_us": values[len(values) // 2] / 1000,
            "p99_us": values[min(len(values) - 1, int(len(values) * 0.99))] / 1000,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the offline postcode lookup.")
    parser.add_argument("--quick", action="store_true", help="20,000 lookups and 5 process pairs")
    parser.add_argument("--lookups", type=int, default=None, help="number of lookups (default 200,000)")
    args = parser.parse_args(argv)
    lookups = args.lookups or (20_000 if args.quick else 200_000)
    pairs = 5 if args.quick else 11

    with tempfile.TemporaryDirectory(prefix="sirt-bench-") as home:
        os.environ["SIRT_DESKTOP_HOME"] = home  # a clean home: the bundled MP list
        env = _env(home)
        load = measure_load(pairs, env)
        memory = measure_memory(env)
        latency = measure_latency(make_inputs(lookups))

    mb = 1024 * 1024
    rows = [
        (
            f"Data load (process, median of {pairs})",
            f"{load['load_ms']:.1f} ms",
            f"<= {TARGET_LOAD_MS:.0f} ms",
            load["load_ms"] <= TARGET_LOAD_MS,
        ),
        ("  python -c pass / with load", f"{load['baseline_ms']:.1f} / {load['loaded_ms']:.1f} ms", "", None),
        (
            f"Lookup median ({latency['all']['n']:,} inputs)",
            f"{latency['all']['median_us']:.1f} µs",
            f"<= {TARGET_MEDIAN_US:.0f} µs",
            latency["all"]["median_us"] <= TARGET_MEDIAN_US,
        ),
        ("Lookup 99th percentile", f"{latency['all']['p99_us']:.1f} µs", "", None),
    ]
    for kind in ("known", "variant", "unknown"):
        if kind in latency:
            stats = latency[kind]
            rows.append(
                (
                    f"  {kind} ({stats['n']:,})",
                    f"{stats['median_us']:.1f} / {stats['p99_us']:.1f} µs (median / p99)",
                    "",
                    None,
                )
            )
    rows += [
        (
            "Memory added by loading (peak, tracemalloc)",
            f"{memory['traced_peak'] / mb:.1f} MB",
            f"<= {TARGET_MEMORY_MB:.0f} MB",
            memory["traced_peak"] / mb <= TARGET_MEMORY_MB,
        ),
        ("  held after loading (tracemalloc)", f"{memory['traced_current'] / mb:.1f} MB", "", None),
        (
            "  peak RSS growth (getrusage)",
            f"{memory['rss_delta'] / mb:.1f} MB",
            f"<= {TARGET_MEMORY_MB:.0f} MB",
            memory["rss_delta"] / mb <= TARGET_MEMORY_MB,
        ),
    ]
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    print(f"{'Measure':<{width}}  {'Result':<{value_width}}  {'Target':<10}  OK")
    print("-" * (width + value_width + 18))
    for name, value, target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:<{width}}  {value:<{value_width}}  {target:<10}  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
