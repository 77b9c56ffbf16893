from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from claims.ingest.errors import IngestError
from claims.ingest.formats import PARSERS
from claims.ingest.manifest import MANIFEST_NAME, manifest_metadata, merge_metadata, metadata_from_mapping
from claims.ingest.markup import spoken_word_count
from claims.ingest.records import Metadata
from claims.ingest.read import expand_paths
from claims.ingest.sidecar import batch_sidecars, folder_errors_explained, sidecar_read
from claims.management.database import DatabaseCommand
from claims.models import Interview, after_today
from claims.selectors import interview_size, interview_stored
from claims.services import (
    IngestConflict, IngestFailed, claims_extract, interview_ingest, interview_prepare, slug_taken_message,
    source_container,
)

# what a conflict's message adds on the command line: the two ways to name this file's interview
SLUG_WAY_OUT = '(--slug SLUG with this one file, or a "slug" in its entry of a manifest.json beside it)'


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


class Command(DatabaseCommand):
    help = (
        "Ingest transcript files or folders: detect the format, read metadata (file < yt-dlp .info.json "
        "beside it < manifest.json beside it < options), attribute speakers, estimate times, and store each file in its own transaction."
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
        parser.add_argument("--max-bytes", type=_positive_int, default=settings.INGEST_MAX_BYTES,
                            help="Largest file accepted, in bytes (default INGEST_MAX_BYTES).")
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
        refusal = after_today(cli_metadata.published, "Published", precision=cli_metadata.published_precision)
        if refusal:
            raise CommandError(f"--published: {refusal}")
        files, path_errors = expand_paths(options["paths"])
        # yt-dlp's info files: read with their captions, never as transcripts (sidecar.py)
        self._sidecars = batch_sidecars(options["paths"], files)
        files, path_errors = self._sidecars.files, folder_errors_explained(path_errors, self._sidecars)
        for line in (*_skipped_in_folders(options["paths"], (*files, *self._sidecars.info_files)), *self._sidecars.notes):
            self.stderr.write(line)
        rows = [Row(error.source, "failed") for error in path_errors]
        errors = [str(error) for error in path_errors]
        if (options["slug"] or options["title"]) and len(files) > 1:
            raise CommandError("--slug and --title name one interview; give a single file with them")
        console = Console(file=self.stderr, stderr=True)
        # what the files of a dry run before this one would have written: {slug: file}, {sha256: slug}
        self._batch_slugs: dict[str, str] = {}
        self._batch_digests: dict[str, str] = {}
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
            sidecar = sidecar_read(path, self._sidecars)
            metadata = merge_metadata(sidecar.metadata if sidecar else Metadata(), manifest_metadata(path), cli_metadata)
            size = path.stat().st_size
            if size > options["max_bytes"]:
                raise IngestError(str(path), None, f"file is {size} bytes, over the size limit of {options['max_bytes']} bytes")
            data = path.read_bytes()
            stored = interview_stored(data=data)
            # the same bytes are in the database: nothing to parse, unless --format asks
            # for another reading than the stored one (a mismatch is then still refused)
            if stored is not None and options["format"] in (None, stored.source_format):
                row.slug, row.status = stored.slug, "unchanged (dry run)" if options["dry_run"] else "unchanged"
                _show_stored(row, stored, source_container(data, source=str(path)))
                return row, ""
            annotated = interview_prepare(
                data, source=str(path), fmt=options["format"], metadata=metadata, max_bytes=options["max_bytes"],
                chapters=sidecar.chapters if sidecar else (),
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
        row.words = spoken_word_count(annotated.source_text, annotated.format,
                                      [(t.start_char, t.end_char) for t in annotated.turns])
        if options["dry_run"]:
            return self._dry_run_result(row, path, annotated)
        try:
            with transaction.atomic():  # the interview and its proposals, or nothing
                interview, created = interview_ingest(annotated=annotated)
                if created and not options["no_extract"]:
                    row.proposals = claims_extract(interview)
        except IngestConflict as error:
            return row, f"{path}: {error} {SLUG_WAY_OUT}"
        row.slug, row.status = interview.slug, "created" if created else "unchanged"
        if not created:
            _show_stored(row, interview, annotated.container)
        return row, ""

    def _dry_run_result(self, row: Row, path: Path, annotated) -> tuple[Row, str]:
        """What the real run would do with this file: leave it unchanged, or refuse its slug
        (taken in the database, or by an earlier file of this run), else create it."""
        stored = self._batch_digests.get(annotated.sha256)
        if stored is None:
            interview = Interview.objects.filter(sha256=annotated.sha256).first()
            if interview is not None:
                row.slug, row.status = interview.slug, "unchanged (dry run)"
                _show_stored(row, interview, annotated.container)
                return row, ""
        else:  # an earlier file of this run, the same bytes: what that file's row shows
            row.slug, row.status = stored, "unchanged (dry run)"
            return row, ""
        slug = annotated.metadata.slug
        holder = self._batch_slugs.get(slug)
        if holder is None:
            holder = Interview.objects.filter(slug=slug).values_list("source_name", flat=True).first()
        else:
            holder = f"{holder}, earlier in this run"
        if holder is not None:
            return row, f"{path}: {slug_taken_message(slug, holder)} {SLUG_WAY_OUT}"
        self._batch_slugs[slug] = path.name
        self._batch_digests[annotated.sha256] = slug
        row.status = "parsed (dry run)"
        return row, ""

    def _print_summary(self, rows: list[Row]) -> None:
        table = Table(title="Ingestion")
        numbers = ("turns", "speakers", "words", "proposals")
        for column in ("file", "format", "interview", *numbers, "result"):
            # a file or slug cut short ("frieren_crunchyroll_excerpt…") cannot be found or typed: wrap them
            table.add_column(column, justify="right" if column in numbers else "left",
                             overflow="fold" if column in ("file", "interview") else "ellipsis")
        for row in rows:
            # yt-dlp's "Title [VIDEOID].en.vtt": rich reads "[...]" as markup and drops it
            table.add_row(escape(row.source), row.format, row.slug, *(str(getattr(row, n)) for n in numbers), row.status)
        Console(file=self.stdout, width=160).print(table)


def _positive_int(value: str) -> int:
    # "--max-bytes -1" refused every file as "0 bytes, over the size limit of -1 bytes"
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


_positive_int.__name__ = "positive whole number"  # argparse names the type in its error: "invalid positive whole number value: '-1'"


def _show_stored(row: Row, interview: Interview, container: str) -> None:
    """Fill a file's row with what the database holds for it: an interview stored by an older
    parser has other turns than this run's parse, and the table must not claim this run's."""
    row.format = f"{interview.source_format} ({container})" if container else interview.source_format
    row.turns, row.speakers, row.words = interview_size(interview=interview)


_SKIPPED_SHOWN = 10


def _skipped_in_folders(paths, files) -> list[str]:
    """One line per folder argument naming the files in it that were not taken as transcripts
    (so that 30 files in and 26 rows out is explained), hidden files and its manifest aside."""
    taken = {f.resolve() for f in files}
    lines = []
    for raw in paths:
        folder = Path(raw)
        if not folder.is_dir():
            continue
        skipped = sorted(
            str(f.relative_to(folder)) for f in folder.rglob("*")
            if f.is_file() and f.name != MANIFEST_NAME and f.resolve() not in taken
            and not any(part.startswith(".") for part in f.relative_to(folder).parts)
        )
        if skipped:
            shown = ", ".join(skipped[:_SKIPPED_SHOWN]) + (f" and {len(skipped) - _SKIPPED_SHOWN} more" if len(skipped) > _SKIPPED_SHOWN else "")
            lines.append(f"{raw}: skipped {len(skipped)} file(s) that do not read as transcripts: {shown} "
                         "(name a file to ingest it anyway)")
    return lines
