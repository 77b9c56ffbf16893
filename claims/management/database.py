"""The base of the commands that read or write the project's tables: before they start, the database
must answer and hold every migration, else one line says which database and what to do (not a
traceback ending in "no such table: claims_interview" from the first query)."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

_READY: set[tuple[str, str]] = set()  # (alias, database name) found ready in this process


def database_ready(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Raise CommandError unless the database answers and has every migration applied."""
    connection = connections[alias]
    settings = connection.settings_dict
    where = str(settings["NAME"]) if connection.vendor == "sqlite" else (
        f"{settings['NAME']} on {settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
    )
    if (alias, where) in _READY:
        return
    if connection.vendor == "sqlite" and not connection.is_in_memory_db() and not Path(settings["NAME"]).exists():
        # connecting would create an empty file (a --dry-run wrote one), then call it 33 migrations behind
        raise CommandError(f"the database {where} does not exist: check DATABASE_URL, "
                           "or run `python manage.py migrate` to create it")
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CommandError(f"cannot reach the database {where}: {reason}") from None
    if pending:
        raise CommandError(
            f"the database {where} lacks {len(pending)} of the project's migrations "
            f"(first: {pending[0][0].app_label}.{pending[0][0].name}): run `python manage.py migrate` first"
        )
    _READY.add((alias, where))


class DatabaseCommand(BaseCommand):
    """A management command that needs the project's tables (see the module docstring)."""

    def execute(self, *args, **options):
        database_ready(options.get("database") or DEFAULT_DB_ALIAS)
        return super().execute(*args, **options)
