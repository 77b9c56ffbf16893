import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.dataset import DEFAULT_FIXTURES_DIR, dataset_export
from claims.ingest.manifest import manifest_metadata
from claims.ingest.read import expand_paths
from claims.models import Interview
from claims.services import (
    AnnotationSheetError,
    IngestFailed,
    annotations_import,
    interview_ingest,
    interview_prepare,
    turns_replace,
)

ROOT = Path(settings.BASE_DIR)


class Command(BaseCommand):
    help = (
        "First-pass build of the curated dataset: ingest seeds/, apply the hand-marked turns and the "
        "annotation sheets of curation/, and export fixtures/. Needs a database without interviews."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
        parser.add_argument("--curation", type=Path, default=ROOT / "curation")
        parser.add_argument("--output", type=Path, default=DEFAULT_FIXTURES_DIR)
        parser.add_argument("--force", action="store_true", help="Overwrite fixtures that already hold claims.")

    def handle(self, *args, seeds: Path, curation: Path, output: Path, force: bool, **options):
        if Interview.objects.exists():
            raise CommandError("the database already has interviews; build into an empty database")
        if any((output / "claims").glob("*.json")) and not force:
            raise CommandError(f"{output}/claims already holds curated claims; they are the source of truth now (use --force)")
        index = json.loads((curation / "index.json").read_text(encoding="utf-8"))
        with transaction.atomic():
            call_command("loaddata", str(output / "topics.json"), str(output / "speakers.json"), verbosity=0)
            files, errors = expand_paths([seeds])
            if errors:
                raise CommandError("; ".join(map(str, errors)))
            for path in files:
                try:
                    annotated = interview_prepare(path.read_bytes(), source=path.name, metadata=manifest_metadata(path))
                except IngestFailed as failure:
                    raise CommandError(str(failure)) from None
                interview, _ = interview_ingest(annotated=annotated)
                entry = index.get(interview.slug)
                if entry is None:
                    raise CommandError(f"{path}: curation/index.json has no entry for {interview.slug!r}")
                spans = [
                    (turn["start_char"], turn["end_char"], turn["speaker"])
                    for name in entry["turns"]
                    for turn in json.loads((curation / name).read_text(encoding="utf-8"))
                ]
                turns = turns_replace(interview, spans)
                claims = 0
                for name in entry["claims"]:
                    sheet = json.loads((curation / name).read_text(encoding="utf-8"))
                    try:
                        claims += annotations_import(sheet, source=name)
                    except AnnotationSheetError as error:
                        raise CommandError(str(error)) from None
                self.stdout.write(f"{interview.slug}: {turns} curated turns, {claims} approved claims")
        written = dataset_export(output)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} fixture files to {output}"))
