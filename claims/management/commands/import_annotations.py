import json
from pathlib import Path

from django.core.management.base import CommandError

from claims.management.database import DatabaseCommand
from claims.models import Claim
from claims.services import AnnotationSheetError, annotations_import


class Command(DatabaseCommand):
    help = "Import annotation sheets (JSON, see docs/curation.md) as manual claims; each sheet in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("sheets", nargs="+", type=Path)
        parser.add_argument("--status", choices=Claim.Status.values, default=Claim.Status.APPROVED)

    def handle(self, *args, sheets: list[Path], status: str, **options):
        failed = 0
        for path in sheets:
            try:
                sheet = json.loads(path.read_text(encoding="utf-8"))
                created = annotations_import(sheet, source=str(path), status=status)
            except FileNotFoundError:
                self.stderr.write(f"{path}: no such file")
                failed += 1
            except json.JSONDecodeError as error:
                self.stderr.write(f"{path}:{error.lineno}: not valid JSON ({error.msg})")
                failed += 1
            except AnnotationSheetError as error:
                self.stderr.write(str(error))
                failed += 1
            else:
                self.stdout.write(f"{path}: {created} claim(s) imported")
        if failed:
            raise CommandError(f"{failed} of {len(sheets)} sheet(s) failed; those wrote nothing")
