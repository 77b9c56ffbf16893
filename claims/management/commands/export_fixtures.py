from pathlib import Path

from django.core.management.base import CommandError

from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_export
from claims.management.database import DatabaseCommand


class Command(DatabaseCommand):
    help = "Export the database as deterministic fixtures with natural keys (topics, speakers, interviews, claims)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=DEFAULT_FIXTURES_DIR, help="Folder to write (default: fixtures/).")

    def handle(self, *args, output: Path, **options):
        if output.exists() and not output.is_dir():
            raise CommandError(f"--output {output}: is a file, not a folder")
        try:
            written = dataset_export(output)
        except OSError as error:  # a folder that cannot be made or written (permissions, a file in the way)
            where = f" ({error.filename})" if error.filename and str(error.filename) != str(output) else ""
            raise CommandError(f"--output {output}: cannot write the fixtures: {error.strerror or error}{where}") from None
        for path in written:
            self.stdout.write(str(path))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} fixture files to {output}"))
