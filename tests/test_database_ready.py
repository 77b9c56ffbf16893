"""Commands that need the project's tables say, in one line, when the database cannot give them:
run as a user runs them (a new process, its own DATABASE_URL), not through the test database."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _manage(*args, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [
    ["ingest", "--dry-run", "seeds/000_5e2d2378550aa81c.txt"],
    ["load_dataset"],
    ["export_fixtures", "--output", "OUT"],
    ["ensure_admin"],
])
def test_a_database_never_migrated_is_named_with_what_to_do_not_a_traceback(tmp_path, command):
    database = tmp_path / "empty.sqlite3"
    database.touch()  # created (as sqlite3 would), never migrated
    done = _manage(*[str(tmp_path / "out") if a == "OUT" else a for a in command], database_url=f"sqlite:///{database}")
    assert done.returncode == 1
    message = done.stderr.strip()
    assert message.startswith(f"CommandError: the database {database} lacks "), message
    assert message.endswith(" migrations (first: contenttypes.0001_initial): run `python manage.py migrate` first"), message
    assert "Traceback" not in done.stderr and "\n" not in done.stderr.strip()


def test_a_database_missing_the_latest_migration_is_named(tmp_path):
    database = tmp_path / "old.sqlite3"
    for args in (["migrate"], ["migrate", "claims", "0009"]):  # a database from before the last three migrations
        migrated = _manage(*args, database_url=f"sqlite:///{database}")
        assert migrated.returncode == 0, migrated.stderr
    done = _manage("ingest", "--dry-run", "seeds/000_5e2d2378550aa81c.txt", database_url=f"sqlite:///{database}")
    assert done.returncode == 1
    assert "lacks 3 of the project's migrations (first: claims.0010_former_slugs): run `python manage.py migrate` first" in done.stderr, done.stderr


def test_a_database_that_does_not_answer_is_named(tmp_path):
    done = _manage("ingest", "--dry-run", "seeds/000_5e2d2378550aa81c.txt", database_url="postgres://postgres@127.0.0.1:9/claims")
    assert done.returncode == 1
    assert done.stderr.startswith("CommandError: cannot reach the database claims on 127.0.0.1:9: "), done.stderr
    assert "Traceback" not in done.stderr and "\n" not in done.stderr.strip()


def test_a_sqlite_file_that_is_not_there_is_named_and_not_created(tmp_path):
    # before, connecting created an empty file (a dry run wrote one) and said it lacked 30 migrations
    database = tmp_path / "typo.sqlite3"
    done = _manage("ingest", "--dry-run", "seeds/000_5e2d2378550aa81c.txt", database_url=f"sqlite:///{database}")
    assert done.returncode == 1
    assert done.stderr.strip() == (f"CommandError: the database {database} does not exist: check DATABASE_URL, "
                                   "or run `python manage.py migrate` to create it")
    assert not database.exists()
