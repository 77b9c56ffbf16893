from pathlib import Path

from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_export
from claims.management.database import DatabaseCommand


class Command(DatabaseCommand):
    help = "Export the database as deterministic fixtures with natural keys (topics, speakers, interviews, claims)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=DEFAULT_FIXTURES_DIR, help="Folder to write (default: fixtures/).")

    def handle(self, *args, output: Path, **options):
        written = dataset_export(output)
        for path in written:
            self.stdout.write(str(path))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} fixture files to {output}"))
