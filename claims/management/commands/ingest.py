import os
import stat
from collections import Counter
from dataclasses import dataclass
from io import StringIO
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
from claims.ingest.manifest import MANIFEST_NAME, manifest_entries, merge_metadata, metadata_from_mapping
from claims.ingest.records import Metadata
from claims.ingest.markup import spoken_word_count
from claims.ingest.read import folder_files, list_paths, resolved
from claims.ingest.sidecar import PREFERENCE, batch_sidecars, captions_chosen, folder_errors_explained, sidecar_read
from claims.management.database import DatabaseCommand
from claims.models import Claim, Interview, after_today
from claims.selectors import interview_size, interview_stored
from claims.services import (
    IngestConflict, IngestFailed, VideoConflict, claims_extract, interview_ingest, interview_prepare, slug_taken_message,
    source_container, video_conflict, video_taken_message,
)

# what a slug conflict's message adds on the command line: the two ways to name this file's interview (a video's
# conflict has none: one video is one interview, whatever its slug)
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
        "beside it < manifest.json beside it < options), attribute speakers, estimate times, and store each file in its own transaction. "
        "A file named twice goes in once; of one video's caption files (yt-dlp's subtitles, automatic captions and "
        "translations) one is taken: the one stored before, else the video's language, manual over automatic, "
        "original over translated."
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
        try:  # a large folder takes a while to walk (its tables and Markdown are read to be sniffed)
            listing = list_paths(options["paths"])
            files, path_errors = listing.files, listing.errors
            # yt-dlp's info files: read with their captions, never as transcripts (sidecar.py)
            self._sidecars = batch_sidecars(options["paths"], files)
            files, path_errors = self._sidecars.files, folder_errors_explained(path_errors, self._sidecars)
            # one interview per video: one of its caption files (yt-dlp's --write-subs --write-auto-subs leave several)
            files, choices = captions_chosen(self._sidecars, stored=lambda path: _stored(path, options["max_bytes"]))
            left_out = _skipped_in_folders(options["paths"], (*self._sidecars.files, *self._sidecars.info_files))
        except KeyboardInterrupt:
            raise CommandError("interrupted while the files to ingest were listed; nothing was written", returncode=130) from None
        for line in (*left_out, *self._sidecars.notes, *map(_choice_note, choices)):
            self.stderr.write(line)
        rows = [Row(error.source, "failed") for error in path_errors]
        # the rows of files not ingested for the sake of another, shown under that file's row: {its path: rows}
        skipped: dict[str, list[Row]] = {}
        for repeat, first in listing.repeats:
            said = "" if str(repeat) == str(first) else f" (as {first})"
            skipped.setdefault(str(first), []).append(Row(str(repeat), f"{_SKIPPED}listed twice{said}"))
        for choice in choices:
            for other in choice.skipped:
                chosen = choice.chosen.name if choice.chosen.parent == other.parent else str(choice.chosen)
                skipped.setdefault(str(choice.chosen), []).append(Row(str(other), f"{_SKIPPED}same video as {chosen}"))
        errors = [str(error) for error in path_errors]
        # a link or a video id names one recording as a slug or a title does: given to every file of a
        # folder, each interview would point at the same episode
        one_recording = [_OPTION_NAMES[name] for name in ("slug", "title", "link", "video_id") if options[name]]
        if one_recording and len(files) > 1:
            raise CommandError(f"{', '.join(one_recording)} name one interview, and {len(files)} files were given; give a "
                               "single file with them, or a manifest.json beside the files with an entry for each")
        self._manifests = self._load_manifests(files)
        self._notes: list[str] = []  # said after the progress bar, which a line written under it would break
        console = Console(file=self.stderr, stderr=True)
        # what the files of a dry run before this one would have written: {slug: file}, {sha256: (slug, file)},
        # {video id: (slug, file)}
        self._batch_slugs: dict[str, str] = {}
        self._batch_digests: dict[str, tuple[str, str]] = {}
        self._batch_videos: dict[str, tuple[str, str]] = {}
        # off a terminal (a log, a pipe) the bar draws nothing and left two blank lines in stderr
        with Progress(console=console, transient=True, disable=len(files) < 2 or not console.is_terminal) as progress:
            task = progress.add_task("Ingesting", total=len(files))
            interrupted = None
            for index, path in enumerate(files):
                try:
                    row, error = self._ingest_one(path, cli_metadata, options)
                except KeyboardInterrupt:  # Ctrl-C: the file's transaction is rolled back; the files done stay in
                    interrupted = index
                    rows.append(Row(str(path), "interrupted"))
                    rows.extend(Row(str(later), "not started") for later in files[index + 1:])
                    break
                rows.append(row)
                if error:
                    errors.append(error)
                progress.advance(task)
        shown = _with_skipped(rows, skipped)
        try:
            for note in self._notes:
                self.stderr.write(note)
            for error in dict.fromkeys(errors):  # a manifest that cannot be read fails each file beside it: said once
                self.stderr.write(error)
            self._print_summary(shown)
        except KeyboardInterrupt:  # every file's transaction is over: nothing is left half-written but the report
            if interrupted is None:
                raise CommandError(f"interrupted while the summary was printed, after every file was done: "
                                   f"{_outcomes(shown)}", returncode=130) from None
        if interrupted is not None:
            raise CommandError(
                f"interrupted at {files[interrupted]} (file {interrupted + 1} of {len(files)}), which wrote nothing; "
                f"the {interrupted} file(s) before it are done, {len(files) - interrupted - 1} not started",
                returncode=130,  # as a shell reports a program ended by Ctrl-C
            )
        failed = sum(row.status == "failed" for row in rows)
        if failed:
            files_given = len(rows) + sum(map(len, skipped.values())) - len(listing.repeats)
            raise CommandError(f"{failed} of {files_given} file(s) failed; those wrote nothing")

    def _ingest_one(self, path: Path, cli_metadata, options) -> tuple[Row, str]:
        row = Row(str(path), "failed")
        try:
            if path.name == MANIFEST_NAME:  # read as a recogniser's JSON, it was "JSON of a shape this does not read (...)"
                raise IngestError(str(path), None, "the metadata of the files beside it, not a transcript; "
                                                   "name those files or their folder")
            entry = self._manifests.get(path.parent, {})
            if isinstance(entry, IngestError):
                raise entry
            entry = entry.get(path.name, Metadata())
            if isinstance(entry, IngestError):
                raise entry
            for name, option, value, given in _overridden(entry, cli_metadata):
                self._notes.append(f"{path}: {option} {given!r} is used, not the manifest's {name} {value!r} (options win)")
            sidecar = sidecar_read(path, self._sidecars)
            metadata = merge_metadata(sidecar.metadata if sidecar else Metadata(), entry, cli_metadata)
            data = _read_file(path, options["max_bytes"])
            stored = interview_stored(data=data)
            # the same bytes are in the database: nothing to parse, unless --format asks
            # for another reading than the stored one (a mismatch is then still refused)
            if stored is not None and options["format"] in (None, stored.source_format):
                row.slug, row.status = stored.slug, "unchanged (dry run)" if options["dry_run"] else "unchanged"
                _show_stored(row, stored, source_container(data, source=str(path)))
                self._notes.extend(_stored_notes(path, stored, entry, cli_metadata))
                return row, ""
            # (the same bytes read in another --format are no other file of their video)
            if stored is None and (refusal := _video_stored(metadata, info_file=sidecar is not None)):
                return row, f"{path}: {refusal}"  # told before a 20 MB file is parsed
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
        except VideoConflict as error:
            return row, f"{path}: {error}"
        except IngestConflict as error:
            holder = Interview.objects.filter(slug=annotated.metadata.slug).values_list("source_name", flat=True).first()
            if holder == path.name:
                return row, _changed_message(path, annotated.metadata.slug)
            return row, f"{path}: {error} {SLUG_WAY_OUT}"
        row.slug, row.status = interview.slug, "created" if created else "unchanged"
        if not created:
            _show_stored(row, interview, annotated.container)
        return row, ""

    def _load_manifests(self, files) -> dict:
        """{folder: its manifest's entries, or the IngestError of a manifest that cannot be read},
        each read once (it was read again for every file beside it); an entry that names no file
        in its folder is said, as its metadata would silently go nowhere."""
        manifests: dict[Path, dict | IngestError] = {}
        for folder in dict.fromkeys(path.parent for path in files):
            try:
                manifests[folder] = manifest_entries(folder / MANIFEST_NAME)
            except IngestError as error:
                manifests[folder] = error
                continue
            if not manifests[folder]:
                continue
            present = _names_in(folder)
            folded = {name.casefold(): name for name in present}
            unmatched = [name for name in manifests[folder] if name not in present]
            for name in unmatched[:_SKIPPED_SHOWN]:
                close = folded.get(name.casefold())
                hint = f" (did you mean {close}? names are matched exactly)" if close else ""
                self.stderr.write(f"{folder / MANIFEST_NAME}: entry {name!r} names no file beside it{hint}")
            if len(unmatched) > _SKIPPED_SHOWN:  # a show's manifest of its whole archive beside one episode
                self.stderr.write(f"{folder / MANIFEST_NAME}: and {len(unmatched) - _SKIPPED_SHOWN} more entries "
                                  "name no file beside it")
        return manifests

    def _dry_run_result(self, row: Row, path: Path, annotated) -> tuple[Row, str]:
        """What the real run would do with this file: leave it unchanged, or refuse its video or its slug
        (stored or taken in the database, or by an earlier file of this run), else create it."""
        stored = self._batch_digests.get(annotated.sha256)
        if stored is None:
            interview = Interview.objects.filter(sha256=annotated.sha256).first()
            if interview is not None:
                row.slug, row.status = interview.slug, "unchanged (dry run)"
                _show_stored(row, interview, annotated.container)
                return row, ""
        else:  # an earlier file of this run, the same bytes: what that file's row shows
            row.slug, row.status = stored[0], "unchanged (dry run)"
            if stored[1] != path.name:
                self._notes.append(_same_bytes_note(path, stored[1], stored[0]))
            return row, ""
        slug, video = annotated.metadata.slug, annotated.metadata.video_id
        if video and video in self._batch_videos:
            earlier_slug, earlier = self._batch_videos[video]
            return row, f"{path}: {video_taken_message(video, earlier_slug, f'{earlier}, earlier in this run,', None)}"
        if refusal := video_conflict(video):
            return row, f"{path}: {refusal}"
        holder = self._batch_slugs.get(slug)
        if holder is None:
            holder = Interview.objects.filter(slug=slug).values_list("source_name", flat=True).first()
            if holder == path.name:
                return row, _changed_message(path, slug)
        else:
            holder = f"{holder}, earlier in this run"
        if holder is not None:
            return row, f"{path}: {slug_taken_message(slug, holder)} {SLUG_WAY_OUT}"
        self._batch_slugs[slug] = path.name
        self._batch_digests[annotated.sha256] = (slug, path.name)
        if video:
            self._batch_videos[video] = (slug, path.name)
        row.status = "parsed (dry run)"
        return row, ""

    def _print_summary(self, rows: list[Row]) -> None:
        table = Table(title="Ingestion")
        numbers = ("turns", "speakers", "words", "proposals")
        for column in ("file", "format", "interview", *numbers, "result"):
            # a file or slug cut short ("frieren_crunchyroll_excerpt…") cannot be found or typed, nor can the file a
            # skipped one names in its result: wrap them
            table.add_column(column, justify="right" if column in numbers else "left",
                             overflow="fold" if column in ("file", "interview", "result") else "ellipsis")
        for row in rows:
            # a skipped file's numbers are those of the row above it
            counts = ("",) * len(numbers) if row.status.startswith(_SKIPPED) else (str(getattr(row, n)) for n in numbers)
            # yt-dlp's "Title [VIDEOID].en.vtt": rich reads "[...]" as markup and drops it
            table.add_row(escape(row.source), row.format, row.slug, *counts, row.status)
        # rendered whole before a line of it is written, with the styles stdout takes (none off a terminal); rich's
        # capture() wrote an empty string, which Django's OutputWrapper turned into a blank line
        stdout, rendered = Console(file=self.stdout), StringIO()
        Console(file=rendered, width=160, force_terminal=stdout.is_terminal, color_system=stdout.color_system).print(table)
        self.stdout.write(rendered.getvalue(), ending="")


_SKIPPED = "skipped: "


def _outcomes(rows: list[Row]) -> str:
    """ "2 created, 1 failed, 1 skipped": how many rows ended each way."""
    counts = Counter(row.status.split(":")[0] for row in rows)
    return ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))


def _choice_note(choice) -> str:
    video = choice.video.partition(":")[2]
    return (f"{choice.chosen}: taken as video {video}'s one interview over {len(choice.skipped)} other caption file(s) "
            f"of it ({'stored before' if choice.stored else PREFERENCE})")


def _stored(path: Path, max_bytes: int) -> bool:
    """Whether a file's bytes are an interview already; a file that cannot be read is not (it is refused when read)."""
    try:
        return interview_stored(data=_read_file(path, max_bytes)) is not None
    except (IngestError, OSError):
        return False


def _with_skipped(rows: list[Row], skipped: dict[str, list[Row]]) -> list[Row]:
    """The table's rows: each skipped file's row under the row of the file it was skipped for, with that file's slug."""
    shown, expanded = [], set()

    def show(row: Row) -> None:
        shown.append(row)
        if row.source in expanded:  # "a.txt a.txt": the repeat's name is its first's
            return
        expanded.add(row.source)
        for other in skipped.get(row.source, ()):  # a caption skipped for its twin, and named twice
            other.slug = row.slug
            show(other)

    for row in rows:
        show(row)
    return shown


# the options a person gives, by the metadata field each sets
_OPTION_NAMES = {"slug": "--slug", "title": "--title", "show": "--show", "hosts": "--host", "guests": "--guest",
                 "published": "--published", "link": "--link", "video_id": "--video-id", "single_speaker": "--single-speaker"}


def _overridden(entry: Metadata, cli_metadata: Metadata):
    """(field, option, manifest value, option value) for each field that both give, differently."""
    for name, option in _OPTION_NAMES.items():
        value, given = getattr(entry, name), getattr(cli_metadata, name)
        if value in (None, "", ()) or given in (None, "", ()):
            continue
        if name == "published":
            value, given = _said_date(value, entry.published_precision), _said_date(given, cli_metadata.published_precision)
        elif isinstance(value, tuple):
            value, given = ", ".join(value), ", ".join(given)
        if value != given:
            yield name, option, value, given


_STORED_FIELDS = ("slug", "title", "show", "link", "video_id", "published")


def _stored_notes(path: Path, stored: Interview, entry: Metadata, cli_metadata: Metadata) -> list[str]:
    """What to tell of a file whose bytes are stored already: under another file's name, and the
    metadata given now (manifest, options) that the stored interview does not have and will not get."""
    notes = [_same_bytes_note(path, stored.source_name, stored.slug)] if stored.source_name != path.name else []
    differences = []
    for name in _STORED_FIELDS:
        given_by = cli_metadata if getattr(cli_metadata, name) not in (None, "") else entry
        given, kept = getattr(given_by, name), getattr(stored, name)
        if given in (None, ""):
            continue
        if name == "published":
            given = _said_date(given, given_by.published_precision)
            kept = _said_date(kept, stored.published_precision) if kept else ""
        if given != kept:
            label = _OPTION_NAMES[name] if given_by is cli_metadata else f"the manifest's {name}"
            differences.append(f"{label} {given!r} (stored {kept!r})")
    if differences:
        notes.append(f"{path}: stored before as {stored.slug!r} (the same bytes); not applied: {', '.join(differences)}. "
                     "Ingestion never rewrites a stored interview: change it in the admin")
    return notes


def _video_stored(metadata: Metadata, *, info_file: bool) -> VideoConflict | None:
    """The refusal of a file whose video is stored from other bytes, where the options, a manifest or an info
    file name the video (they win over what the file says): told before the file is parsed. An info file's
    video without a YouTube id is known by its link (webpage_url), which is not unique in the database (a
    manifest's link may be a show's page); the service refuses a stored video id whoever names it."""
    if metadata.video_id:
        return video_conflict(metadata.video_id)
    return video_conflict(metadata.link, field="link") if info_file else None


def _same_bytes_note(path: Path, holder: str, slug: str) -> str:
    return f"{path}: the same bytes as {holder}, stored as {slug!r}: nothing written"


def _changed_message(path: Path, slug: str) -> str:
    """A file of this name was stored with other bytes and holds the slug. Only the name is stored (not
    the folder), so it is this file changed since, or another folder's file of the same name."""
    claims = Claim.objects.filter(interview__slug=slug).count()
    return (f"{path}: a file of this name was stored before as {slug!r} with other bytes (this file, changed since, or "
            f"another folder's {path.name}); the stored interview and its {claims} claim(s) are kept as they are and "
            f"this version wrote nothing; to store it beside them, give it another slug {SLUG_WAY_OUT}")


def _said_date(date, precision: str) -> str:
    return date.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)]


def _names_in(folder: Path) -> set[str]:
    try:
        return {path.name for path in folder.iterdir()}
    except OSError:
        return set()


def _positive_int(value: str) -> int:
    # "--max-bytes -1" refused every file as "0 bytes, over the size limit of -1 bytes"
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


_positive_int.__name__ = "positive whole number"  # argparse names the type in its error: "invalid positive whole number value: '-1'"


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _entry_kind(path: Path) -> str:
    """What a folder's entry that is no regular file is, as said to a user."""
    if path.is_symlink():
        if path.is_dir():
            return "a link to a folder, not followed"
        if not path.exists():
            return f"a link to {os.readlink(path)}, which does not exist"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot open: {error.strerror or error}"
    return _not_regular_kind(mode)


def _not_regular_kind(mode: int) -> str:
    """"a FIFO", "a folder" ...: what a path that is no regular file is, by its stat mode."""
    return next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")


def _read_file(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes` of them, else IngestError. A FIFO was waited on
    forever and /dev/zero read until memory ran out: neither is opened."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(str(path), None, f"not a regular file ({_not_regular_kind(info.st_mode)}); give the transcript's file itself")
    data = b""
    if info.st_size <= max_bytes:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file still being written may have grown since its stat
    if info.st_size > max_bytes or len(data) > max_bytes:
        size = max(info.st_size, path.stat().st_size)
        raise IngestError(str(path), None, f"file is {size} bytes, over the size limit of {max_bytes} bytes")
    return data


def _show_stored(row: Row, interview: Interview, container: str) -> None:
    """Fill a file's row with what the database holds for it: an interview stored by an older
    parser has other turns than this run's parse, and the table must not claim this run's."""
    row.format = f"{interview.source_format} ({container})" if container else interview.source_format
    row.turns, row.speakers, row.words = interview_size(interview=interview)


_SKIPPED_SHOWN = 10


def _skipped_in_folders(paths, files) -> list[str]:
    """One line per folder argument naming the files in it that were not taken as transcripts
    (so that 30 files in and 26 rows out is explained), hidden files and its manifest aside."""
    taken = {resolved(f) for f in files}
    lines = []
    for raw in paths:
        folder = Path(raw)
        try:
            if str(raw) == "" or not folder.is_dir():  # "" is refused by expand_paths, not read as "."
                continue
        except OSError:  # refused by expand_paths, in its own line
            continue
        entries = list(folder_files(folder, []))
        skipped = sorted(
            str(f.relative_to(folder)) for f in entries
            if f.is_file() and f.name != MANIFEST_NAME and resolved(f) not in taken
        )
        odd = sorted(f"{f.relative_to(folder)} ({_entry_kind(f)})" for f in entries if not f.is_file())
        if odd:
            shown = ", ".join(odd[:_SKIPPED_SHOWN]) + (f" and {len(odd) - _SKIPPED_SHOWN} more" if len(odd) > _SKIPPED_SHOWN else "")
            hint = "; name a linked folder to ingest it" if any("a link to a folder" in entry for entry in odd) else ""
            what = "1 entry that is not a regular file" if len(odd) == 1 else f"{len(odd)} entries that are not regular files"
            lines.append(f"{raw}: left out {what}: {shown}{hint}")
        if skipped:
            shown = ", ".join(skipped[:_SKIPPED_SHOWN]) + (f" and {len(skipped) - _SKIPPED_SHOWN} more" if len(skipped) > _SKIPPED_SHOWN else "")
            lines.append(f"{raw}: skipped {len(skipped)} file(s) that do not read as transcripts: {shown} "
                         "(name a file to ingest it anyway)")
    return lines
