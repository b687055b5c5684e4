"""The content report: one row per page, and a failing exit on a page that must not ship."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.report import (
    content_report,
    report_table,
    uncertain_points,
)

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "content_report.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], check=False, capture_output=True, text=True, timeout=120
    )


def copy_of_shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content.shipped_root(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return folder


def test_shipped_content_passes_and_every_page_is_listed():
    result = run("--today", content.shipped_content().manifest.date.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "page",
        "grade",
        "words",
        "sources",
        "uncertain",
        "last",
        "reviewed",
        "next",
        "review",
        "problems",
    ]
    for page in content.shipped_content().pages:
        assert any(line.startswith(page.id + " ") for line in lines), page.id


def test_a_page_past_its_review_date_fails(tmp_path):
    folder = copy_of_shipped(tmp_path)
    due = content.get_page("get-help").next_review
    result = run("--content", str(folder), "--today", date.fromordinal(due.toordinal() + 1).isoformat())
    assert result.returncode == 1
    assert "get-help" in result.stderr and "past its review date" in result.stderr


def test_a_page_above_grade_7_fails(tmp_path):
    folder = copy_of_shipped(tmp_path)
    page = folder / "support.md"
    text = page.read_text(encoding="utf-8")
    hard = (
        "Multidisciplinary consideration necessitates comprehensive evaluation of hepatopulmonary "
        "shunting, extrahepatic dissemination and comorbidity-adjusted performance characteristics. "
    ) * 40
    page.write_text(text + "\n" + hard + "\n", encoding="utf-8")
    result = run("--content", str(folder), "--today", "2026-12-01")
    assert result.returncode == 1
    assert re.search(r"support \(reading grade \d+\.\d is above 7\)", result.stderr)


def test_unreadable_content_is_reported_in_plain_words(tmp_path):
    folder = copy_of_shipped(tmp_path)
    (folder / "manifest.json").write_text("{", encoding="utf-8")
    result = run("--content", str(folder))
    assert result.returncode == 2 and "cannot be read" in result.stderr and "manifest.json" in result.stderr


def test_report_counts_doubts_and_sources():
    rows = {r.page_id: r for r in content_report(content.shipped_content(), date(2026, 12, 1))}
    funding = content.get_page("funding")
    assert rows["funding"].sources == len(funding.sources)
    assert rows["funding"].uncertain == funding.body.count("\n> - ")  # items in the one unknowns box
    assert rows["glossary"].grade is None
    assert uncertain_points("> **Not certain:** a.\n\n> **What we do not know**\n>\n> - x\n> - y\n\n- z\n") == 3
    table = report_table(list(rows.values()))
    assert "what-is-sirt" in table and table.count("\n") == len(rows) + 1
