"""The upgrade check's letter (scripts/dist_check.py) is a real letter of the older schema:
written into a database of the previous release's schema, it comes through the current
migrations and is found, word for word, by the current app's own code."""

from __future__ import annotations

import json
import shutil
import zipfile

from tests.packaging.conftest import REPO, load

dist_check = load("dist_check", REPO / "scripts" / "dist_check.py")


def test_letter_written_in_the_old_schema_survives_the_upgrade(tmp_path, _isolated_home):
    from sirt_desktop.core import paths
    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.export import JSON_NAME, export_everything

    _commit, schema = dist_check.previous_release()
    db_file = paths.database_path()
    shutil.copyfile(REPO / "tests" / "fixtures" / "db" / f"schema-{schema}.sqlite3", db_file)
    body = dist_check.write_letter_in_old_schema(db_file, schema)

    db = Database.open()  # the new app opens it: migrations run, a backup is made first
    try:
        assert list(paths.backups_dir().glob("*.sqlite3"))
        out = tmp_path / "export.zip"
        export_everything(db, out)
    finally:
        db.close()
    exported = json.loads(zipfile.ZipFile(out).read(JSON_NAME))
    assert [letter for letter in exported["letters"] if letter["body"] == body]
