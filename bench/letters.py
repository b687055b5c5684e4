"""Benchmark: how fast letters become PDFs, against what people use today (LibreOffice).

    .venv/bin/python bench/letters.py            full run (500-letter batches)
    .venv/bin/python bench/letters.py --quick    small run (50-letter batches)

Measures:
  1. one letter rendered in-process (median over many; the GUI's preview and print path);
  2. one letter as a whole CLI process: python -m sirt_desktop letter --data X --out Y;
  3. a batch of N letters as one CLI process (--data batch.jsonl --out-dir D);
  4. the same N letters as .odt files converted by LibreOffice headless
     (soffice --headless --convert-to pdf --outdir D *.odt), if LibreOffice is installed. One
     process per 200 files: LibreOffice 7.4 stops silently after about 246 files in one process.
Targets: ≤ 25 ms per letter in-process; the batch at least 20× faster than LibreOffice.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
KINDS = ("mp_campaign", "mp_my_case", "clinician", "ifr_statement", "mp_follow_up", "devolved_rep")
FIRST_NAMES = ("Ann", "Bilal", "Ceri", "Dorota", "Eilidh", "Femi", "Gareth", "Hana", "Iwan", "Joanna")
SURNAMES = ("Hughes", "Khan", "Łukasiewicz", "MacLeod", "Okoro", "Pritchard", "Smith", "Nowak", "Ŵyn", "Reid")


def batch_letters(n: int) -> list[dict]:
    """n letters: the examples, each with a different invented writer."""
    base = [json.loads((EXAMPLES / f"{k}.json").read_text(encoding="utf-8")) for k in KINDS]
    out = []
    for i in range(n):
        data = json.loads(json.dumps(base[i % len(base)]))
        data["sender"]["name"] = f"{FIRST_NAMES[i % 10]} {SURNAMES[(i // 10) % 10]}"
        data["sender"]["address_lines"][0] = f"{i + 1} " + data["sender"]["address_lines"][0].split(" ", 1)[-1]
        out.append(data)
    return out


# --- .odt files for LibreOffice, made with the standard library ---------------------------

_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)

_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NS} office:version="1.2">
 <office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"
   xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.2cm"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="1.5cm" fo:margin-bottom="2.2cm" fo:margin-left="2.5cm" fo:margin-right="2cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
</office:document-styles>"""


def write_odt(path: Path, text: str) -> None:
    paras = []
    for block in text.split("\n\n"):
        lines = [escape(line) for line in block.split("\n")]
        paras.append("<text:p>" + "<text:line-break/>".join(lines) + "</text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
        f"<office:body><office:text>{''.join(paras)}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        z.writestr("styles.xml", _STYLES)
        z.writestr("content.xml", content)


# --- measurements -------------------------------------------------------------------------


def in_process(repeats: int) -> float:
    from sirt_desktop.core.letters.render import render_letter
    from sirt_desktop.core.letters.schema import letter_from_dict

    letters = [letter_from_dict(d) for d in batch_letters(len(KINDS))]
    for letter in letters:  # warm: fonts registered, modules imported
        render_letter(letter)
    times = []
    for i in range(repeats):
        letter = letters[i % len(letters)]
        start = time.perf_counter()
        render_letter(letter)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_one(repeats: int, work: Path) -> float:
    times = []
    for i in range(repeats):
        out = work / f"one-{i}.pdf"
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sirt_desktop",
                "letter",
                "--data",
                str(EXAMPLES / "mp_campaign.json"),
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_batch(n: int, work: Path, repeats: int) -> float:
    src = work / "batch.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in batch_letters(n)), encoding="utf-8")
    times = []
    for r in range(repeats):
        out = work / f"batch-out-{r}"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "sirt_desktop", "letter", "--data", str(src), "--out-dir", str(out)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
        assert len(list(out.glob("*.pdf"))) == n
    return statistics.median(times)


LO_CHUNK = 200


def libreoffice_batch(n: int, work: Path, repeats: int) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    from sirt_desktop.core.letters.schema import letter_from_dict

    odt_dir = work / "odt"
    odt_dir.mkdir()
    for i, data in enumerate(batch_letters(n), start=1):
        write_odt(odt_dir / f"{i:04d}.odt", letter_from_dict(data).plain_text())
    files = sorted(str(p) for p in odt_dir.glob("*.odt"))
    profile = work / "lo-profile"
    # First start creates the profile; not timed (people's LibreOffice already has one).
    warm = work / "lo-warm"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(warm),
            files[0],
        ],
        check=True,
        capture_output=True,
    )
    times = []
    for r in range(repeats):
        out = work / f"lo-out-{r}"
        start = time.perf_counter()
        # LibreOffice 7.4 stops silently (exit 0) after about 246 files in one process, so the
        # files go LO_CHUNK at a time: one process for a 50-letter batch, three for 500.
        for i in range(0, len(files), LO_CHUNK):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    *files[i : i + LO_CHUNK],
                ],
                check=True,
                capture_output=True,
            )
        times.append(time.perf_counter() - start)
        made = len(list(out.glob("*.pdf")))
        if made != n:
            raise RuntimeError(f"LibreOffice made {made} of {n} PDFs")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run: 50-letter batches, fewer repeats")
    args = parser.parse_args(argv)
    n = 50 if args.quick else 500
    repeats_inproc = 60 if args.quick else 300
    repeats_proc = 3 if args.quick else 7
    repeats_batch = 1 if args.quick else 3

    with tempfile.TemporaryDirectory(prefix="sirt-bench-letters-") as tmp:
        work = Path(tmp)
        rows = []
        t_in = in_process(repeats_inproc)
        rows.append(
            ("one letter, in-process (median)", t_in, f"target ≤ 25 ms: {'met' if t_in <= 0.025 else 'MISSED'}")
        )
        t_one = cli_one(repeats_proc, work)
        rows.append(("one letter, whole CLI process (median)", t_one, ""))
        t_batch = cli_batch(n, work, repeats_batch)
        rows.append((f"{n} letters, one CLI process", t_batch, f"{t_batch / n * 1000:.1f} ms per letter"))
        t_lo = libreoffice_batch(n, work, repeats_batch)
        if t_lo is None:
            rows.append(
                (
                    f"{n} .odt → PDF, one LibreOffice process",
                    None,
                    "LibreOffice not installed (apt-get install libreoffice-writer-nogui)",
                )
            )
        else:
            ratio = t_lo / t_batch
            procs = -(-n // LO_CHUNK)
            label = "one LibreOffice process" if procs == 1 else f"LibreOffice, {procs} processes of ≤{LO_CHUNK}"
            rows.append((f"{n} .odt → PDF, {label}", t_lo, f"{t_lo / n * 1000:.1f} ms per letter"))
            rows.append(
                (
                    "ratio LibreOffice / SIRT Desktop batch",
                    None,
                    f"{ratio:.1f}× faster (target ≥ 20×: {'met' if ratio >= 20 else 'MISSED'})",
                )
            )

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'time':>10}  note")
    print("-" * (width + 40))
    for name, seconds, note in rows:
        shown = "" if seconds is None else (f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s")
        print(f"{name:<{width}}  {shown:>10}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
