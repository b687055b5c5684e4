"""The same data layer on PostgreSQL (a shared helpline), on a real server on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]
PG_BIN = Path("/usr/lib/postgresql")


def _pg_bin() -> Path | None:
    versions = sorted(PG_BIN.glob("*/bin/initdb")) if PG_BIN.exists() else []
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install .[postgres])")
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server is not installed (Debian package postgresql)")
    if os.geteuid() != 0 or shutil.which("su") is None:
        pytest.skip("starting a throw-away server here needs root (to run it as the postgres user)")
    # Not under pytest's own temp folder: it is private to root, and the server runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="sirt-desktop-pg-"))
    os.chmod(folder, 0o777)
    data, log = folder / "data", folder / "log"
    port = _free_port()

    def as_postgres(command: str) -> None:
        subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], check=True, capture_output=True, timeout=120)

    as_postgres(f"{bin_dir}/initdb -D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8")
    as_postgres(
        f"{bin_dir}/pg_ctl -D {data} -l {log} -w -o '-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
        f"-c fsync=off' start"
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        as_postgres(f"{bin_dir}/pg_ctl -D {data} -m fast stop")
        shutil.rmtree(folder, ignore_errors=True)


def test_migrations_repositories_and_search_on_postgresql(postgres_url, monkeypatch, tmp_path):
    from sirt_desktop.core.db.engine import Database, migration_status
    from sirt_desktop.core.db.export import export_everything, read_export
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository
    from sirt_desktop.core.db.records import LetterFilters
    from sirt_desktop.core.letters.drafts import DraftStore
    from sirt_desktop.core.letters.model import Letter, Recipient, Sender

    monkeypatch.setenv("SIRT_DESKTOP_DATABASE_URL", postgres_url)
    db = Database.open()
    try:
        current, head = migration_status(db.engine)
        assert current == head
        letters, profiles = LettersRepository(db), ProfilesRepository(db)
        profile = profiles.create("Siân Llŵyd", address="1 Stryd Fawr\nLlanelli", postcode="SA15 1AA")
        store = DraftStore(letters)
        letter = Letter(
            kind="mp_campaign",
            sender=Sender(name=profile.name, address_lines=profile.address_lines(), postcode=profile.postcode),
            recipient=Recipient(full_name="Nia Griffith", position="MP", kind="mp"),
            subject="Ariannu SIRT",
            body="Please ask for SIRT to be funded for people with neuroendocrine tumours.",
        )
        letter_id = store.save(None, letter)
        assert store.load(letter_id).sender.name == "Siân Llŵyd"
        for _ in range(3):
            letters.create_draft("clinician", {}, subject="Another", body="ordinary words")
        found = letters.list_page(LetterFilters(text="neuroendocrine"), 0, 10)
        assert [r.id for r in found] == [letter_id]
        assert letters.count(LetterFilters(text="ordinary")) == 3
        store.store_pdf(letter_id, b"%PDF-1.4 exact bytes", "printed")
        assert letters.latest_pdf(letter_id) == b"%PDF-1.4 exact bytes"
        follow_up = letters.start_follow_up(letter_id)
        assert follow_up.kind == "mp_follow_up"
        letters.delete(follow_up.id)
        summary = export_everything(db, tmp_path / "export.zip")
        assert (summary.profiles, summary.letters, summary.pdfs) == (1, 4, 1)
        read_export(summary.path)  # parses and checks the whole export
    finally:
        db.close()
