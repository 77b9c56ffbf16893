from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from claims.ingest.errors import IngestError
from claims.ingest.formats import PARSERS
from claims.ingest.manifest import manifest_metadata, merge_metadata, metadata_from_mapping
from claims.ingest.markup import reading_text
from claims.ingest.read import expand_paths
from claims.services import IngestConflict, IngestFailed, claims_extract, interview_ingest, interview_prepare


@dataclass
class Row:
    """One line of the summary table."""

    source: str
    status: str
    format: str = ""
    slug: str = ""
    turns: int = 0
    speakers: int = 0
    words: int = 0
    proposals: int = 0


class Command(BaseCommand):
    help = (
        "Ingest transcript files or folders: detect the format, read metadata (file < manifest.json "
        "beside it < options), attribute speakers, estimate times, and store each file in its own transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Transcript files or folders of transcripts.")
        parser.add_argument("--format", choices=sorted(PARSERS), help="Force a format instead of detecting it.")
        parser.add_argument("--slug")
        parser.add_argument("--title")
        parser.add_argument("--show")
        parser.add_argument("--host", action="append", default=[], help="Host name (repeatable).")
        parser.add_argument("--guest", action="append", default=[], help="Guest name (repeatable).")
        parser.add_argument("--published", help="YYYY, YYYY-MM or YYYY-MM-DD; the precision is kept.")
        parser.add_argument("--link")
        parser.add_argument("--video-id")
        parser.add_argument(
            "--single-speaker", action="store_true",
            help="One voice throughout (a lecture, a talk): where a file names no speakers, every word is one "
                 "speaker's (the --guest, else the --host, else 'Speaker') instead of a host's and a guest's.",
        )
        parser.add_argument("--max-bytes", type=int, default=settings.INGEST_MAX_BYTES)
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")
        parser.add_argument(
            "--no-extract", action="store_true",
            help="Do not propose claims for new interviews (by default the extractor runs after ingestion).",
        )

    def handle(self, *args, **options):
        try:
            cli_metadata = metadata_from_mapping(
                {
                    "slug": options["slug"], "title": options["title"], "show": options["show"],
                    "hosts": options["host"], "guests": options["guest"], "published": options["published"],
                    "link": options["link"], "video_id": options["video_id"],
                    "single_speaker": True if options["single_speaker"] else None,
                },
                source="command line",
            )
        except IngestError as error:
            raise CommandError(str(error)) from None
        files, path_errors = expand_paths(options["paths"])
        rows = [Row(error.source, "failed") for error in path_errors]
        errors = [str(error) for error in path_errors]
        if (options["slug"] or options["title"]) and len(files) > 1:
            raise CommandError("--slug and --title name one interview; give a single file with them")
        console = Console(file=self.stderr, stderr=True)
        with Progress(console=console, transient=True, disable=len(files) < 2) as progress:
            task = progress.add_task("Ingesting", total=len(files))
            for path in files:
                row, error = self._ingest_one(path, cli_metadata, options)
                rows.append(row)
                if error:
                    errors.append(error)
                progress.advance(task)
        for error in errors:
            self.stderr.write(error)
        self._print_summary(rows)
        failed = sum(row.status == "failed" for row in rows)
        if failed:
            raise CommandError(f"{failed} of {len(rows)} file(s) failed; those wrote nothing")

    def _ingest_one(self, path: Path, cli_metadata, options) -> tuple[Row, str]:
        row = Row(str(path), "failed")
        try:
            metadata = merge_metadata(manifest_metadata(path), cli_metadata)
            size = path.stat().st_size
            if size > options["max_bytes"]:
                raise IngestError(str(path), None, f"file is {size} bytes, over the size limit of {options['max_bytes']} bytes")
            data = path.read_bytes()
            annotated = interview_prepare(
                data, source=str(path), fmt=options["format"], metadata=metadata, max_bytes=options["max_bytes"]
            )
        except IngestFailed as failure:
            return row, "\n".join(str(error) for error in failure.errors)
        except IngestError as error:
            return row, str(error)
        except OSError as error:
            return row, f"{path}: cannot read file: {error.strerror or error}"
        row.format = f"{annotated.format} ({annotated.container})" if annotated.container else annotated.format
        row.slug = annotated.metadata.slug
        row.turns, row.speakers = len(annotated.turns), len(annotated.speakers)
        reading = reading_text(annotated.source_text, annotated.format)  # words, not cue timings or tags
        row.words = sum(len(reading[t.start_char:t.end_char].split()) for t in annotated.turns)
        if options["dry_run"]:
            row.status = "parsed (dry run)"
            return row, ""
        try:
            with transaction.atomic():  # the interview and its proposals, or nothing
                interview, created = interview_ingest(annotated=annotated)
                if created and not options["no_extract"]:
                    row.proposals = claims_extract(interview)
        except IngestConflict as error:
            return row, f"{path}: {error}"
        row.slug, row.status = interview.slug, "created" if created else "unchanged"
        return row, ""

    def _print_summary(self, rows: list[Row]) -> None:
        table = Table(title="Ingestion")
        numbers = ("turns", "speakers", "words", "proposals")
        for column in ("file", "format", "interview", *numbers, "result"):
            table.add_column(column, justify="right" if column in numbers else "left")
        for row in rows:
            table.add_row(row.source, row.format, row.slug, *(str(getattr(row, n)) for n in numbers), row.status)
        Console(file=self.stdout, width=160).print(table)
